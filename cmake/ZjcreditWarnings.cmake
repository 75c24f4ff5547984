# zjcredit_warnings(target): the project's warning set on `target`, and
# -Werror when ZJCREDIT_WERROR is on (off by default; the Makefile's builds turn it on).
function(zjcredit_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion)
  # GCC 12 at -O2 reports std::string members as "maybe uninitialized" when a
  # struct holding them is copied (GCC bugs 105562, 107138): false positives
  # that -Werror would turn into failures. Real uninitialised reads are
  # caught by the sanitizer builds instead.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
    # Likewise -Wrestrict inside std::string at -O3 (GCC bug 105651).
    target_compile_options(${target} PRIVATE -Wno-restrict)
  endif()
  if(ZJCREDIT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
