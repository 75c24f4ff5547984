. "$CASES/../lib.bash"
"$ZJCREDIT" plan
