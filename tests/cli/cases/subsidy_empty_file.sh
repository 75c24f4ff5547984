. "$CASES/../lib.bash"
: >empty.csv
"$ZJCREDIT" subsidy empty.csv
