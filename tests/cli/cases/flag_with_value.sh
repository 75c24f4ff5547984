. "$CASES/../lib.bash"
"$ZJCREDIT" plan --json=yes
