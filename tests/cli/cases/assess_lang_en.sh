. "$CASES/../lib.bash"
"$ZJCREDIT" assess "$OBSERVATIONS" --lang en | plain
