# cmake -DSOURCE=<src> -DOUT=<dir> -DLIBRARY=<libzjcredit.so.0> -DVERSION=<x.y.z>
#   -DDOXYGEN=<doxygen> -DPYTHON=<python3> -P ZjcreditDocs.cmake
# The reference pages of `make docs`, into OUT:
#   OUT/api/       the C ABI and the public C++ headers (Doxygen, docs/Doxyfile)
#   OUT/python/    the Python package (pydoc, from its docstrings)
#   OUT/index.html links to both
# Fails on any Doxygen warning (its log must be empty) and on any module
# pydoc cannot import.
cmake_minimum_required(VERSION 3.25)

file(REMOVE_RECURSE "${OUT}")
file(MAKE_DIRECTORY "${OUT}/python")

set(ENV{ZJCREDIT_DOCS_OUT} "${OUT}")
set(ENV{ZJCREDIT_VERSION} "${VERSION}")
execute_process(COMMAND "${DOXYGEN}" docs/Doxyfile WORKING_DIRECTORY "${SOURCE}" RESULT_VARIABLE _rc)
file(READ "${OUT}/doxygen-warnings.log" _warnings)
if(NOT _rc EQUAL 0 OR NOT _warnings STREQUAL "")
  message(FATAL_ERROR "doxygen failed (${_rc}) or warned:\n${_warnings}")
endif()

# pydoc imports the package, which loads the library of this build.
set(ENV{ZJCREDIT_LIBRARY} "${LIBRARY}")
set(ENV{PYTHONDONTWRITEBYTECODE} 1)
set(ENV{PYTHONPATH} "${SOURCE}/bindings/python")
file(GLOB _modules RELATIVE "${SOURCE}/bindings/python/zjcredit" "${SOURCE}/bindings/python/zjcredit/*.py")
list(FILTER _modules EXCLUDE REGEX "^_")  # __init__.py and the private modules
list(TRANSFORM _modules REPLACE "^(.*)\\.py$" "zjcredit.\\1")
execute_process(COMMAND "${PYTHON}" -m pydoc -w zjcredit ${_modules}
  WORKING_DIRECTORY "${OUT}/python" RESULT_VARIABLE _rc OUTPUT_VARIABLE _out ERROR_VARIABLE _out)
if(NOT _rc EQUAL 0 OR _out MATCHES "problem in" OR NOT EXISTS "${OUT}/python/zjcredit.html")
  message(FATAL_ERROR "pydoc failed (${_rc}):\n${_out}")
endif()

file(WRITE "${OUT}/index.html" "<!DOCTYPE html>
<html lang=\"en\"><head><meta charset=\"utf-8\"><title>zjcredit ${VERSION} reference</title></head>
<body><h1>zjcredit ${VERSION} reference</h1><ul>
<li><a href=\"api/index.html\">C ABI (zjcredit.h) and C++ API (include/zjcredit/)</a></li>
<li><a href=\"python/zjcredit.html\">Python package zjcredit</a></li>
</ul></body></html>
")
message(STATUS "Reference pages: ${OUT}/index.html")
