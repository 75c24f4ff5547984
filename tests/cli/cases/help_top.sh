. "$CASES/../lib.bash"
"$ZJCREDIT" --help
