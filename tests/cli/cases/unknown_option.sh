. "$CASES/../lib.bash"
"$ZJCREDIT" subsidy --frobnicate "$LOANS"
