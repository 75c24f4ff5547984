. "$CASES/../lib.bash"
# A validation error (not a parse error) also exits 2 with its line: 乙's second range is negative.
sed '4s/,500万$/,-500万/' "$LOANS" >bad.csv
"$ZJCREDIT" subsidy bad.csv
