. "$CASES/../lib.bash"
cp "$DATA/financings.csv" fin.csv
# days "9x" on line 3: exit 2 naming file, line, field and text.
sed -i '3s/,90,/,9x,/' fin.csv
"$ZJCREDIT" reward fin.csv -o out.csv; rc=$?
files_here
exit $rc
