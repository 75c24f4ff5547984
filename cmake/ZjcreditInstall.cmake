# Install rules and exports, included by the top-level CMakeLists.txt when
# ZJCREDIT_INSTALL is on (by default only in a top-level build).
#
#   include/zjcredit/…, include/zjcredit.h        the C++ headers and the C header
#   lib/libzjcredit.so.0 (+ .so, the dev link)    the C ABI (zjcredit::capi)
#   lib/libzjcredit_io.a                          JSON, CSV, .xlsx and file I/O (zjcredit::io)
#   bin/zjcredit                                  the CLI (zjcredit::cli)
#   lib/cmake/zjcredit/                           zjcreditConfig.cmake, its version file, the targets
#                                                 (zjcredit::io apart, in zjcredit-io-targets.cmake)
#   lib/pkgconfig/zjcredit.pc                     the C ABI for pkg-config
#   lib/pkgconfig/zjcredit-io.pc                  zjcredit::io for pkg-config (C++20)
#   ZJCREDIT_INSTALL_PYTHONDIR/zjcredit/          the Python package, with a link to the library
#   share/man/man1/zjcredit.1.gz                  the CLI's man page
#   share/bash-completion/completions/zjcredit    its bash completion
#
# Each file belongs to one install component, which is one Debian package
# (cmake/ZjcreditPackage.cmake): runtime (the shared library), dev (headers,
# libzjcredit_io.a, the CMake package, the .pc files, the .so link), cli (the
# program, its man page and completion) and python (the Python package).
#
# zjcredit::io is exported in a set of its own, read by zjcreditConfig.cmake
# only for COMPONENTS io: its private dependencies (nlohmann-json, and
# libxlsxwriter through pkg-config) are needed by whoever links the static
# library, and by nobody else (the shared library and the CLI hold copies).
include(CMakePackageConfigHelpers)

set(ZJCREDIT_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/zjcredit"
  CACHE STRING "Where zjcreditConfig.cmake goes, relative to the prefix")
set(ZJCREDIT_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
  CACHE STRING "Where zjcredit.pc goes, relative to the prefix")

# The Python package goes where the system's python3 looks for packages of
# this prefix. Debian's site.py searches <prefix>/lib/python3.X/dist-packages
# for any prefix (/usr/local included) and <prefix>/lib/python3/dist-packages
# only for /usr; other systems use site-packages.
if(NOT DEFINED ZJCREDIT_INSTALL_PYTHONDIR)
  set(_zjc_pythondir "lib/python3/dist-packages")
  find_program(ZJCREDIT_SYSTEM_PYTHON3 NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
  find_program(ZJCREDIT_SYSTEM_PYTHON3 NAMES python3)
  if(ZJCREDIT_SYSTEM_PYTHON3 AND NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    execute_process(
      COMMAND "${ZJCREDIT_SYSTEM_PYTHON3}" -c
        "import sys; print('lib/python%d.%d/' % sys.version_info[:2] + ('dist-packages' if any(p.endswith('dist-packages') for p in sys.path) else 'site-packages'))"
      OUTPUT_VARIABLE _zjc_pythondir_out OUTPUT_STRIP_TRAILING_WHITESPACE
      RESULT_VARIABLE _zjc_pythondir_rc)
    if(_zjc_pythondir_rc EQUAL 0 AND _zjc_pythondir_out)
      set(_zjc_pythondir "${_zjc_pythondir_out}")
    endif()
  endif()
  set(ZJCREDIT_INSTALL_PYTHONDIR "${_zjc_pythondir}"
    CACHE STRING "Where the zjcredit Python package goes, relative to the prefix")
endif()

# ---- targets ---------------------------------------------------------------

install(TARGETS zjcredit zjcredit_capi zjcredit_cli
  EXPORT zjcreditTargets
  RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT cli
  LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT runtime NAMELINK_COMPONENT dev
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev)
install(TARGETS zjcredit_io
  EXPORT zjcreditIoTargets
  ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}" COMPONENT dev)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/zjcredit"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT dev
  FILES_MATCHING PATTERN "*.hpp")
install(FILES "${PROJECT_SOURCE_DIR}/capi/zjcredit.h"
  DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}" COMPONENT dev)
install(FILES "${PROJECT_BINARY_DIR}/zjcredit.1.gz"
  DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT cli)
install(FILES "${PROJECT_BINARY_DIR}/zjcredit.bash-completion"
  DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions" COMPONENT cli
  RENAME zjcredit)

# ---- find_package(zjcredit): install tree and build tree ----------------------

install(EXPORT zjcreditTargets
  NAMESPACE zjcredit::
  FILE zjcredit-targets.cmake
  DESTINATION "${ZJCREDIT_INSTALL_CMAKEDIR}" COMPONENT dev)
export(EXPORT zjcreditTargets
  NAMESPACE zjcredit::
  FILE "${PROJECT_BINARY_DIR}/zjcredit-targets.cmake")
install(EXPORT zjcreditIoTargets
  NAMESPACE zjcredit::
  FILE zjcredit-io-targets.cmake
  DESTINATION "${ZJCREDIT_INSTALL_CMAKEDIR}" COMPONENT dev)
export(EXPORT zjcreditIoTargets
  NAMESPACE zjcredit::
  FILE "${PROJECT_BINARY_DIR}/zjcredit-io-targets.cmake")

configure_package_config_file(
  "${PROJECT_SOURCE_DIR}/cmake/zjcredit-config.cmake.in"
  "${PROJECT_BINARY_DIR}/zjcreditConfig.cmake"
  INSTALL_DESTINATION "${ZJCREDIT_INSTALL_CMAKEDIR}")
# 0.x releases promise nothing across minors; SameMajorVersion then means
# "same 0": the SONAME (libzjcredit.so.<ABI>) is what guards the C ABI.
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/zjcreditConfigVersion.cmake"
  VERSION "${PROJECT_VERSION}"
  COMPATIBILITY SameMajorVersion)
install(FILES
  "${PROJECT_BINARY_DIR}/zjcreditConfig.cmake"
  "${PROJECT_BINARY_DIR}/zjcreditConfigVersion.cmake"
  DESTINATION "${ZJCREDIT_INSTALL_CMAKEDIR}" COMPONENT dev)

# ---- the Python package -------------------------------------------------------

install(DIRECTORY "${PROJECT_SOURCE_DIR}/bindings/python/zjcredit/"
  DESTINATION "${ZJCREDIT_INSTALL_PYTHONDIR}/zjcredit" COMPONENT python
  FILES_MATCHING PATTERN "*.py" PATTERN "py.typed"
  PATTERN "__pycache__" EXCLUDE)

# ---- the .pc files and the Python package's link to the library ------------------
# Both depend on the prefix actually installed to (cmake --install --prefix
# may differ from CMAKE_INSTALL_PREFIX at configure time), so they are made
# at install time by cmake/ZjcreditInstallExtras.cmake.
set(_zjc_extras_settings "
set(ZJC_SONAME \"$<TARGET_SONAME_FILE_NAME:zjcredit_capi>\")
set(ZJC_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
set(ZJC_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
set(ZJC_PKGCONFIGDIR \"${ZJCREDIT_INSTALL_PKGCONFIGDIR}\")
set(ZJC_PYTHONDIR \"${ZJCREDIT_INSTALL_PYTHONDIR}\")
set(ZJC_PC_TEMPLATES \"${PROJECT_SOURCE_DIR}/cmake/zjcredit.pc.in;${PROJECT_SOURCE_DIR}/cmake/zjcredit-io.pc.in\")
set(ZJC_STAGING_DIR \"${PROJECT_BINARY_DIR}/install-staging\")
set(ZJC_DESCRIPTION \"${PROJECT_DESCRIPTION}\")
set(ZJC_VERSION \"${PROJECT_VERSION}\")
")
install(CODE "${_zjc_extras_settings}set(ZJC_PART pc)\ninclude(\"${PROJECT_SOURCE_DIR}/cmake/ZjcreditInstallExtras.cmake\")"
  COMPONENT dev)
install(CODE "${_zjc_extras_settings}set(ZJC_PART python)\ninclude(\"${PROJECT_SOURCE_DIR}/cmake/ZjcreditInstallExtras.cmake\")"
  COMPONENT python)
