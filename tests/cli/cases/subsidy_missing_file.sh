. "$CASES/../lib.bash"
"$ZJCREDIT" subsidy no-such-file.csv
