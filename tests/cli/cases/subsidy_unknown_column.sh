. "$CASES/../lib.bash"
sed '1s/,balance$/,balanse/' "$LOANS" >bad.csv
"$ZJCREDIT" subsidy bad.csv
