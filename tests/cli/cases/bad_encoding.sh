. "$CASES/../lib.bash"
"$ZJCREDIT" subsidy "$LOANS" --encoding latin1
