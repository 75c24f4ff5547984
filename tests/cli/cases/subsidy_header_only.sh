. "$CASES/../lib.bash"
# A file with only the header: a header row of output, exit 0.
head -n 1 "$LOANS" >header.csv
"$ZJCREDIT" subsidy header.csv | plain | cut -d, -f1-4
