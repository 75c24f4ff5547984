. "$CASES/../lib.bash"
"$ZJCREDIT"
