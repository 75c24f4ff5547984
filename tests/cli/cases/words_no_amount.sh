. "$CASES/../lib.bash"
"$ZJCREDIT" words
