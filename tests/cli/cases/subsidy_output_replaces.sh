. "$CASES/../lib.bash"
# -o over an existing file replaces it whole.
yes 'old line' | head -n 1000 >out.csv
"$ZJCREDIT" subsidy "$LOANS" --output=out.csv || fail "subsidy"
grep -c 'old line' out.csv
plain out.csv | wc -l
files_here
