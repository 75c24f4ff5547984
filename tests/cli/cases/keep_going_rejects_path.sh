. "$CASES/../lib.bash"
# The rejects file is replaced, or removed when a run rejects nothing: it may
# be neither the input nor the output, and a file at its path that is not a
# rejects file (BOM, then "line,error") is left alone.
cp "$LOANS" loans.csv
rc=0
"$ZJCREDIT" subsidy loans.csv --keep-going --rejects loans.csv >/dev/null 2>err1.txt || rc=$?
echo "rejects = input: exit $rc"
cmp -s "$LOANS" loans.csv && echo "input unchanged"
rc=0
"$ZJCREDIT" subsidy loans.csv --keep-going -o out.csv --rejects out.csv 2>err2.txt || rc=$?
echo "rejects = output: exit $rc"
[ -e out.csv ] || echo "no output written"
printf 'notes,not a rejects file\n' >notes.csv
"$ZJCREDIT" subsidy loans.csv --keep-going --rejects notes.csv >/dev/null
cat notes.csv
printf '\357\273\277line,error,borrower\n9,old,x\n' >old.csv
"$ZJCREDIT" subsidy loans.csv --keep-going --rejects old.csv >/dev/null
[ -e old.csv ] || echo "old rejects removed"
grep -c "also the input or the output" err1.txt err2.txt
