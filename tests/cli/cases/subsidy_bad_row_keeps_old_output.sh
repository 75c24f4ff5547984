. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# A failed run leaves an existing output file exactly as it was.
printf 'yesterday\r\n' >out.csv
cp out.csv before.csv
"$ZJCREDIT" subsidy "$LOANS" -o ok.csv || fail "good run"
rc=0
"$ZJCREDIT" subsidy bad.csv -o out.csv 2>err.txt || rc=$?
cmp out.csv before.csv >&2 || fail "out.csv changed"
grep -q 'bad.csv:2' err.txt || fail "stderr does not name bad.csv:2"
rm err.txt
files_here
exit $rc
