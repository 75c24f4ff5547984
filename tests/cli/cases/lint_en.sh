. "$CASES/../lib.bash"
"$ZJCREDIT" lint --lang en
