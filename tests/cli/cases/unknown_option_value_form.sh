. "$CASES/../lib.bash"
"$ZJCREDIT" plan --colour=yes
