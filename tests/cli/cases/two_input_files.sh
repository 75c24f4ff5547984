. "$CASES/../lib.bash"
"$ZJCREDIT" subsidy "$LOANS" "$LOANS"
