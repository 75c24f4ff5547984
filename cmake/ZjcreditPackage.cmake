# Debian packages with CPack (`make package`), one per install component
# (cmake/ZjcreditInstall.cmake):
#
#   libzjcredit0       runtime   libzjcredit.so.0
#   libzjcredit-dev    dev       headers, libzjcredit_io.a, the CMake package, the .pc files
#   zjcredit           cli       the program, its man page and bash completion
#   python3-zjcredit   python    the Python package for Debian's python3
#
# Built from a build configured for /usr (the Makefile's package target):
# the libraries go to the multiarch libdir, the Python package to
# /usr/lib/python3/dist-packages. The shared-library dependencies are computed
# by dpkg-shlibdeps (CPACK_DEBIAN_PACKAGE_SHLIBDEPS); the packages of one
# release depend on each other at exactly that version.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME zjcredit)
set(CPACK_PACKAGE_VENDOR "The zjcredit authors")
set(CPACK_PACKAGE_CONTACT "zjcredit maintainers <maintainers@users.noreply.r-seed-3b5d0766.example>")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev cli python)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
  OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(_zjc_version "${PROJECT_VERSION}")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME libzjcredit0)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
# The ldconfig trigger a Debian library package must have (CPack's own
# postinst and postrm call ldconfig too, which lintian only warns about).
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_EXTRA "${PROJECT_BINARY_DIR}/debian/runtime/triggers")
file(WRITE "${PROJECT_BINARY_DIR}/debian/runtime/triggers" "activate-noawait ldconfig\n")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "zjcredit C ABI (shared library)
The stable C ABI of zjcredit (zjcredit.h): exact money rules, targets and
ledgers of the 2022 Zhanjiang credit plan (Zhanjinhan [2022] No. 86).")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libzjcredit-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The headers include Boost and the GSL; zjcredit::io (libzjcredit_io.a)
# needs its private dependencies at link time.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS "libzjcredit0 (= ${_zjc_version}), libboost-dev, libboost-date-time-dev, libmsgsl-dev, nlohmann-json3-dev, libsimdjson-dev, libxlsxwriter-dev, libzip-dev, libexpat1-dev, libsqlite3-dev, libssl-dev, pkg-config")
set(CPACK_DEBIAN_DEV_DESCRIPTION "zjcredit development files
Headers of the C ABI and the C++20 API of zjcredit, the static library
zjcredit::io (JSON, CSV and .xlsx), the CMake package (find_package) and the
pkg-config files zjcredit.pc and zjcredit-io.pc.")

set(CPACK_DEBIAN_CLI_PACKAGE_NAME zjcredit)
set(CPACK_DEBIAN_CLI_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_CLI_DESCRIPTION "zjcredit command-line tool
The zjcredit program: the 2022 Zhanjiang credit plan's measures and
targets, first-loan interest subsidies, receivables-financing rewards,
listing awards, assessments and the monthly ledger, from a bank's own files.")

set(CPACK_DEBIAN_PYTHON_PACKAGE_NAME python3-zjcredit)
set(CPACK_DEBIAN_PYTHON_PACKAGE_SECTION python)
# A link to libzjcredit.so.0 in the multiarch libdir: one architecture.
set(CPACK_DEBIAN_PYTHON_PACKAGE_DEPENDS "python3, libzjcredit0 (= ${_zjc_version})")
set(CPACK_DEBIAN_PYTHON_DESCRIPTION "zjcredit Python binding
The zjcredit package for Python 3 (ctypes over libzjcredit.so.0): amounts
as Decimal, the plan, the rules one record at a time or as pandas frames.")

# Each package carries the copyright and a Debian changelog, as Debian
# packages must (/usr/share/doc/<package>/).
string(TIMESTAMP _zjc_date "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE "${PROJECT_BINARY_DIR}/debian/changelog"
"zjcredit (${_zjc_version}) unstable; urgency=medium

  * Release ${_zjc_version}; the changes are in CHANGELOG.md.

 -- ${CPACK_PACKAGE_CONTACT}  ${_zjc_date}
")
execute_process(COMMAND "${ZJCREDIT_GZIP}" -9nf "${PROJECT_BINARY_DIR}/debian/changelog")
foreach(_zjc_component runtime dev cli python)
  string(TOUPPER "${_zjc_component}" _zjc_upper)
  set(_zjc_doc "${CMAKE_INSTALL_DATADIR}/doc/${CPACK_DEBIAN_${_zjc_upper}_PACKAGE_NAME}")
  install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" DESTINATION "${_zjc_doc}" RENAME copyright
    COMPONENT ${_zjc_component} EXCLUDE_FROM_ALL)
  install(FILES "${PROJECT_BINARY_DIR}/debian/changelog.gz" DESTINATION "${_zjc_doc}"
    COMPONENT ${_zjc_component} EXCLUDE_FROM_ALL)
endforeach()

include(CPack)
