. "$CASES/../lib.bash"
# The bad cell is on line 4 (乙's second range): the message names line 4.
sed '4s/,2022-07-31,500万$/,2022-07-3x,500万/' "$LOANS" >bad.csv
grep -q '2022-07-3x' bad.csv || fail "could not make the bad row"
"$ZJCREDIT" subsidy bad.csv
