. "$CASES/../lib.bash"
sed '3s/$/,extra/' "$LOANS" >bad.csv
"$ZJCREDIT" subsidy bad.csv
