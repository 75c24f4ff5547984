. "$CASES/../lib.bash"
sed '5s/,200000$/,"200000/' "$LOANS" >bad.csv
"$ZJCREDIT" subsidy bad.csv
