. "$CASES/../lib.bash"
"$ZJCREDIT" words 1409.50 -o words.txt || fail "words -o"
cat words.txt
files_here
