. "$CASES/../lib.bash"
# Worked by hand (GB/T 大写 for amounts: 整 when there is no 角/分, 零 for a gap):
for a in 0 1409.00 1000.05 1,234.56 20000000 30005 100万 ; do
    "$ZJCREDIT" words "$a" || fail "words $a"
done
