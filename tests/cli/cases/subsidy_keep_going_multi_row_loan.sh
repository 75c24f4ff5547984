. "$CASES/../lib.bash"
# A bad cell in the second row of 乙 (line 4) rejects both rows of that loan
# (lines 3 and 4); 甲 and 丙 are computed.
sed '4s/,500万$/,5OO万/' "$LOANS" >bad.csv
rc=0
"$ZJCREDIT" subsidy bad.csv --keep-going >out.csv 2>/dev/null || rc=$?
plain out.csv | cut -d, -f1-4
plain bad.csv.rejects.csv | cut -d, -f1 | tail -n +2
grep -c 'bad.csv:4: balance' bad.csv.rejects.csv
exit $rc
