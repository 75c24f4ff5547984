. "$CASES/../lib.bash"
# An option a command does not take is refused, not silently ignored: --xlsx means nothing to
# `plan`, --repayments nothing to `reward`.
"$ZJCREDIT" plan --xlsx out.xlsx >/dev/null 2>err1.txt; echo "plan: $?"
"$ZJCREDIT" reward "$LOANS" --repayments r.csv >/dev/null 2>err2.txt; echo "reward: $?"
cat err1.txt err2.txt
[ -e out.xlsx ] && fail "plan wrote out.xlsx"
exit 0
