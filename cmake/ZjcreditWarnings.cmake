# zjcredit_warnings(target): the project's warning set on `target`, and
# -Werror when ZJCREDIT_WERROR is on (by default only in a top-level build).
function(zjcredit_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion)
  if(ZJCREDIT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
