. "$CASES/../lib.bash"
"$ZJCREDIT" plan --lang fr
