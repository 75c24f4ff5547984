. "$CASES/../lib.bash"
"$ZJCREDIT" subsidy "$LOANS" -o
