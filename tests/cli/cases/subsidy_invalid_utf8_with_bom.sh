. "$CASES/../lib.bash"
# A BOM says UTF-8; a GB18030 name after it is not UTF-8: exit 2 naming line 3.
to_gb18030 "$LOANS" gb.csv
{ printf '\357\273\277'; head -n 2 "$LOANS"; sed -n 3p gb.csv; } >bad.csv
"$ZJCREDIT" subsidy bad.csv
