. "$CASES/../lib.bash"
"$ZJCREDIT" plan --lang en
