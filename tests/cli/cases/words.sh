. "$CASES/../lib.bash"
# 1409.50: 壹仟 肆佰 零(tens) 玖 元, 伍角, no 分 -> 壹仟肆佰零玖元伍角
"$ZJCREDIT" words 1409.50
