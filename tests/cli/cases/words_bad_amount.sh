. "$CASES/../lib.bash"
# Not an amount: exit 2, the text and the argument named on stderr, nothing on stdout.
"$ZJCREDIT" words 12.3.4
