. "$CASES/../lib.bash"
"$ZJCREDIT" frobnicate loans.csv
