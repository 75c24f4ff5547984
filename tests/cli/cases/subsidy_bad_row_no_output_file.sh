. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# With -o the failed run leaves no output file and no temporary file behind.
rc=0
"$ZJCREDIT" subsidy bad.csv -o out.csv >stdout.txt 2>err.txt || rc=$?
[ -s stdout.txt ] && fail "stdout not empty"
rm stdout.txt
cat err.txt >&2
rm err.txt
files_here
exit $rc
