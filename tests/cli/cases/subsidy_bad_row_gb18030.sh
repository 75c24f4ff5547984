. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# The same bad row in a GB18030 file: the message still names line 2, in UTF-8.
to_gb18030 bad.csv bad-gb.csv
"$ZJCREDIT" subsidy bad-gb.csv
