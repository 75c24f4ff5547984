# Run by `cmake --install` (see ZjcreditInstall.cmake, which sets the ZJC_*
# variables): writes zjcredit.pc and zjcredit-io.pc for the prefix actually installed to, and
# links the Python package to the installed library so that `import zjcredit`
# finds it without ZJCREDIT_LIBRARY. DESTDIR is honoured by file(INSTALL).
# ZJC_PART says which of the two to do: pc (component dev) or python
# (component python).

function(_zjc_absolute out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "${CMAKE_INSTALL_PREFIX}/${dir}" PARENT_SCOPE)
  endif()
endfunction()

_zjc_absolute(_zjc_libdir "${ZJC_LIBDIR}")
_zjc_absolute(_zjc_includedir "${ZJC_INCLUDEDIR}")
_zjc_absolute(_zjc_pkgconfigdir "${ZJC_PKGCONFIGDIR}")
_zjc_absolute(_zjc_pythondir "${ZJC_PYTHONDIR}")

# The .pc files: libdir and includedir written relative to ${prefix} when they
# are inside it, as pkg-config users expect.
set(ZJC_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
foreach(_zjc_kind libdir includedir)
  string(TOUPPER "${_zjc_kind}" _zjc_upper)
  if(IS_ABSOLUTE "${ZJC_${_zjc_upper}}")
    set(ZJC_PC_${_zjc_upper} "${ZJC_${_zjc_upper}}")
  else()
    set(ZJC_PC_${_zjc_upper} "\${prefix}/${ZJC_${_zjc_upper}}")
  endif()
endforeach()
foreach(_zjc_template IN LISTS ZJC_PC_TEMPLATES)
  if(NOT ZJC_PART STREQUAL "pc")
    break()
  endif()
  get_filename_component(_zjc_pc_name "${_zjc_template}" NAME_WLE)
  file(READ "${_zjc_template}" _zjc_pc)
  string(CONFIGURE "${_zjc_pc}" _zjc_pc @ONLY)
  file(WRITE "${ZJC_STAGING_DIR}/${_zjc_pc_name}" "${_zjc_pc}")
  file(INSTALL DESTINATION "${_zjc_pkgconfigdir}" TYPE FILE FILES "${ZJC_STAGING_DIR}/${_zjc_pc_name}")
endforeach()

# <pythondir>/zjcredit/libzjcredit.so.<ABI> -> ../…/libzjcredit.so.<ABI>, a
# relative link, so the tree can be moved as a whole (DESTDIR, packaging).
if(NOT ZJC_PART STREQUAL "python")
  return()
endif()
file(RELATIVE_PATH _zjc_target "${_zjc_pythondir}/zjcredit" "${_zjc_libdir}/${ZJC_SONAME}")
file(REMOVE "${ZJC_STAGING_DIR}/${ZJC_SONAME}")
file(CREATE_LINK "${_zjc_target}" "${ZJC_STAGING_DIR}/${ZJC_SONAME}" SYMBOLIC)
file(INSTALL DESTINATION "${_zjc_pythondir}/zjcredit" TYPE FILE FILES "${ZJC_STAGING_DIR}/${ZJC_SONAME}")
