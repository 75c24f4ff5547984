# ZJCREDIT_SANITIZE: build every target of the project with a sanitizer.
#
#   (empty)   no sanitizer (the default)
#   address   AddressSanitizer + UndefinedBehaviorSanitizer (LeakSanitizer is
#             part of ASan): -fsanitize=address,undefined -fno-omit-frame-pointer
#             -fno-sanitize-recover=all, so any UBSan report aborts the program
#   thread    ThreadSanitizer: -fsanitize=thread
#
# The flags are added with add_compile_options/add_link_options from the
# top-level directory before any target exists, so they reach every target,
# C and C++ alike (the library, libzjcredit.so, the CLI and every test).
# `make sanitize` configures build-asan and build-tsan with them and sets the
# runtime options (ASAN_OPTIONS, UBSAN_OPTIONS, TSAN_OPTIONS) for ctest.
set(ZJCREDIT_SANITIZE "" CACHE STRING "Sanitizer for every target: empty (none), address (ASan+UBSan) or thread (TSan)")
set_property(CACHE ZJCREDIT_SANITIZE PROPERTY STRINGS "" address thread)

if(ZJCREDIT_SANITIZE STREQUAL "")
  set(ZJCREDIT_SANITIZE_FLAGS "")
elseif(ZJCREDIT_SANITIZE STREQUAL "address")
  set(ZJCREDIT_SANITIZE_FLAGS -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
elseif(ZJCREDIT_SANITIZE STREQUAL "thread")
  set(ZJCREDIT_SANITIZE_FLAGS -fsanitize=thread)
else()
  message(FATAL_ERROR "ZJCREDIT_SANITIZE is \"${ZJCREDIT_SANITIZE}\"; expected empty, \"address\" or \"thread\"")
endif()

if(ZJCREDIT_SANITIZE_FLAGS)
  message(STATUS "zjcredit: every target built with ${ZJCREDIT_SANITIZE_FLAGS}")
  add_compile_options(${ZJCREDIT_SANITIZE_FLAGS})
  add_link_options(${ZJCREDIT_SANITIZE_FLAGS})
endif()
