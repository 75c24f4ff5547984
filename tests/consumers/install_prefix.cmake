# cmake -P install_prefix.cmake -DBUILD=<build dir> -DPREFIX=<prefix>: a fresh
# `cmake --install` of the build into PREFIX, the fixture of the consumer
# tests that use an installed zjcredit. Also checks that the installed CMake
# package does not reference the internal static library or its private
# dependencies.
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

file(GLOB_RECURSE _package "${PREFIX}/*zjcredit-targets*.cmake" "${PREFIX}/*zjcreditConfig*.cmake")
if(NOT _package)
  message(FATAL_ERROR "no zjcreditConfig.cmake or zjcredit-targets.cmake under ${PREFIX}")
endif()
foreach(_file IN LISTS _package)
  file(READ "${_file}" _text)
  foreach(_internal zjcredit_json zjcredit::json nlohmann xlsxwriter)
    string(FIND "${_text}" "${_internal}" _at)
    if(NOT _at EQUAL -1)
      message(FATAL_ERROR "${_file} references ${_internal}, which is not installed")
    endif()
  endforeach()
endforeach()
