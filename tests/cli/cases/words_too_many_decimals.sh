. "$CASES/../lib.bash"
# 1.005 元 is finer than the 分: refused, not rounded.
"$ZJCREDIT" words 1.005
