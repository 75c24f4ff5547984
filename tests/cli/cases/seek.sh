. "$CASES/../lib.bash"
# The largest balance cap within a budget of 2000元 on docs/examples/loans.csv
# (plan: rate ceiling 1%, ACT/360, each loan rounded half up to the 分), worked
# by hand for a cap c between 45万 and 46万 (below every balance):
#   甲: c x 91 days x 1% / 360             = c x 0.0025277..
#   乙: c x (52 + 31) days x 0.8% / 360    = c x 0.0018444..  (capped in both ranges)
#   丙: applied 2022-03-31, before the window: 0
#   at c = 457,435.38: 甲 4,162,661,958 / 36000 分 = 115,629.4988.. -> 1156.29
#                      乙 3,796,713,654 / 45000 分 =  84,371.414..  ->  843.71   total 2000.00
#   at c = 457,435.39: 甲 4,162,662,049 / 36000 分 = 115,629.5013.. -> 1156.30  total 2000.01
# so 457435.38 is the answer and 457435.39 the next step, over the budget. The
# range is 1,000,000 分, so the seek needs at most 2 + 20 + 1 evaluations
# (the ends, then bisection's 20 halvings plus the one the ITP method may add).
rc=0
"$ZJCREDIT" seek "$LOANS" --parameter first_loan_subsidy.balance_cap --budget 2000 --within 45万..46万 >out.txt || rc=$?
grep -v '^计算次数' out.txt
n=$(sed -n 's/^计算次数 *//p' out.txt)
[ "$n" -ge 3 ] && [ "$n" -le 23 ] || fail "$n evaluations"
exit $rc
