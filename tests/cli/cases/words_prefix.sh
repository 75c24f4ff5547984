. "$CASES/../lib.bash"
"$ZJCREDIT" words 1409.50 --prefix
