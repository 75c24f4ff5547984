. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# --keep-going: exit 1; 乙 and 丙 computed; 甲's row in the rejects file
# (UTF-8 with BOM) with its line and the error.
# --rejects PATH and -o: both files written, no default rejects file, nothing else left.
mkdir rj
rc=0
"$ZJCREDIT" subsidy bad.csv --keep-going --rejects rj/rejected.csv -o out.csv 2>err.txt || rc=$?
plain out.csv | cut -d, -f1-4
plain rj/rejected.csv | cut -d, -f1
grep -c '湛江市甲科技有限公司' rj/rejected.csv
grep -q 'rj/rejected.csv' err.txt || fail "stderr does not name the rejects file"
rm err.txt
files_here
exit $rc
