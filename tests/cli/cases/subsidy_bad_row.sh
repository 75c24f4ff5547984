. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# Without --keep-going: exit 2; stderr names file, line, field and text.
"$ZJCREDIT" subsidy bad.csv
