. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# Two blank lines before the header: the bad row is on line 4 of the file.
{ printf '\n\r\n'; cat bad.csv; } >lead.csv
"$ZJCREDIT" subsidy lead.csv
