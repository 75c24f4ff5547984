. "$CASES/../lib.bash"
# The 说明 column explains 丙's two failed checks; --lang en in English.
"$ZJCREDIT" subsidy "$LOANS" | plain | grep '^湛江市丙餐饮店,' >zh.txt || fail "no row for 丙"
"$ZJCREDIT" subsidy "$LOANS" --lang en | plain >en.txt
head -n 1 en.txt
cat zh.txt
