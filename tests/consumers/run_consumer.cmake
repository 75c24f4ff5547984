# cmake -P run_consumer.cmake: builds or runs one consumer of zjcredit in a
# fresh work directory, as a user would. Lists are separated by "|".
#
#   WORK        the work directory (emptied first)
#   FILES       files copied into the project (CMakeLists.txt, example.cpp, ...)
#   VENDOR      the zjcredit source tree, linked as <project>/third_party/zjcredit
#   GENERATOR, MAKE_PROGRAM, BUILD_TYPE, C_COMPILER, CXX_COMPILER
#               when set: the project is configured with these, then
#   DEFINES     extra -D settings, and
#   TARGETS     the targets built; then
#   RUN         commands run in the project's build directory (or, without
#               GENERATOR, in the project directory), each must exit 0;
#   EXPECT      a regular expression their standard output must match.
cmake_minimum_required(VERSION 3.25)

foreach(_var FILES DEFINES TARGETS RUN)
  string(REPLACE "|" ";" ${_var} "${${_var}}")
endforeach()

file(REMOVE_RECURSE "${WORK}")
set(_src "${WORK}/src")
file(MAKE_DIRECTORY "${_src}")
foreach(_file IN LISTS FILES)
  file(COPY "${_file}" DESTINATION "${_src}")
endforeach()
if(VENDOR)
  file(MAKE_DIRECTORY "${_src}/third_party")
  file(CREATE_LINK "${VENDOR}" "${_src}/third_party/zjcredit" SYMBOLIC)
endif()

# run(command...): runs the command in _cwd, fails on a non-zero exit; with
# CAPTURE, appends its standard output to _output.
function(run)
  cmake_parse_arguments(PARSE_ARGV 0 arg "CAPTURE" "" "")
  string(REPLACE ";" " " _shown "${arg_UNPARSED_ARGUMENTS}")
  message(STATUS "$ ${_shown}")
  if(arg_CAPTURE)
    execute_process(COMMAND ${arg_UNPARSED_ARGUMENTS} WORKING_DIRECTORY "${_cwd}"
      RESULT_VARIABLE _rc OUTPUT_VARIABLE _out)
    message("${_out}")
    set(_output "${_output}${_out}" PARENT_SCOPE)
  else()
    execute_process(COMMAND ${arg_UNPARSED_ARGUMENTS} WORKING_DIRECTORY "${_cwd}" RESULT_VARIABLE _rc)
  endif()
  if(NOT _rc EQUAL 0)
    message(FATAL_ERROR "failed (${_rc}): ${_shown}")
  endif()
endfunction()

set(_cwd "${_src}")
if(GENERATOR)
  set(_build "${WORK}/build")
  set(_configure "${CMAKE_COMMAND}" -S "${_src}" -B "${_build}" -G "${GENERATOR}"
    "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}"
    "-DCMAKE_C_COMPILER=${C_COMPILER}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
  if(MAKE_PROGRAM)
    list(APPEND _configure "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}")
  endif()
  foreach(_define IN LISTS DEFINES)
    list(APPEND _configure "-D${_define}")
  endforeach()
  run(${_configure})
  set(_targets)
  foreach(_target IN LISTS TARGETS)
    list(APPEND _targets --target "${_target}")
  endforeach()
  run("${CMAKE_COMMAND}" --build "${_build}" ${_targets})
  set(_cwd "${_build}")
endif()

set(_output "")
foreach(_command IN LISTS RUN)
  separate_arguments(_command UNIX_COMMAND "${_command}")
  run(CAPTURE ${_command})
endforeach()
if(DEFINED EXPECT AND NOT _output MATCHES "${EXPECT}")
  message(FATAL_ERROR "the output does not match \"${EXPECT}\"")
endif()
