. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# --keep-going: exit 1; 乙 and 丙 computed; 甲's row in the rejects file
# (UTF-8 with BOM) with its line and the error.
# The same in GB18030 with CRLF: the rejects file holds the row converted to UTF-8.
to_gb18030 bad.csv gb.csv
to_crlf gb.csv bad-gb.csv
rc=0
"$ZJCREDIT" subsidy bad-gb.csv --keep-going --rejects rejects.csv >out.csv 2>/dev/null || rc=$?
plain out.csv | cut -d, -f1-4
plain rejects.csv | sed -n 2p | cut -d, -f1,3-9
exit $rc
