# cmake -P install_prefix.cmake -DBUILD=<build dir> -DPREFIX=<prefix>: a fresh
# `cmake --install` of the build into PREFIX, the fixture of the consumer
# tests that use an installed zjcredit. Also checks that the installed CMake
# package keeps zjcredit::io and its private dependencies apart.
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${PREFIX}")
set(_install "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}")
if(CONFIG)
  list(APPEND _install --config "${CONFIG}")
endif()
execute_process(COMMAND ${_install} RESULT_VARIABLE _rc)
if(NOT _rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${_rc})")
endif()

# What find_package(zjcredit) reads without COMPONENTS io must not name the
# static library or its private dependencies (a C program needs neither);
# zjcredit::io has its own targets file, read only for COMPONENTS io.
file(GLOB_RECURSE _package "${PREFIX}/*zjcredit-targets*.cmake")
file(GLOB_RECURSE _io_package "${PREFIX}/*zjcredit-io-targets*.cmake")
file(GLOB_RECURSE _config "${PREFIX}/*zjcreditConfig.cmake")
if(NOT _package OR NOT _io_package OR NOT _config)
  message(FATAL_ERROR "no zjcreditConfig.cmake, zjcredit-targets.cmake or zjcredit-io-targets.cmake under ${PREFIX}")
endif()
foreach(_file IN LISTS _package)
  file(READ "${_file}" _text)
  foreach(_internal zjcredit_io zjcredit::io nlohmann xlsxwriter)
    string(FIND "${_text}" "${_internal}" _at)
    if(NOT _at EQUAL -1)
      message(FATAL_ERROR "${_file} references ${_internal}, which only COMPONENTS io needs")
    endif()
  endforeach()
endforeach()
