. "$CASES/../lib.bash"
"$ZJCREDIT" subsidy -h
