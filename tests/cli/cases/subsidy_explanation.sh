. "$CASES/../lib.bash"
# The 说明 column explains 丙's two failed checks, and 甲's arithmetic (1,000,000.00 x 91 days
# = 91,000,000.00 元·日 x 1% / 360 = 2527.777..., rounded half up to 2527.78); --lang en in English.
"$ZJCREDIT" subsidy "$LOANS" | plain | grep '^湛江市丙餐饮店,' >zh.txt || fail "no row for 丙"
"$ZJCREDIT" subsidy "$LOANS" --lang en | plain >en.txt
head -n 1 en.txt
cat zh.txt
"$ZJCREDIT" subsidy "$LOANS" | plain | grep '^湛江市甲科技有限公司,'
grep '^湛江市甲科技有限公司,' en.txt
