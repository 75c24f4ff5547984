. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
to_crlf bad.csv crlf.csv
with_bom crlf.csv bad-bom.csv
"$ZJCREDIT" subsidy bad-bom.csv
