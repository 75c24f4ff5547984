. "$CASES/../lib.bash"
# Three scenarios against the 2022 plan on docs/examples/loans.csv with a
# 贷款机构 column added (甲, 丙: 甲银行; 乙: 乙银行), budget 2万. Worked by hand
# (ACT/360, each loan rounded half up to the 分; the plan: cap 1000万, rate
# ceiling 1%, window 2022-04-01..2022-06-30, kinds small and micro):
# baseline
#   甲 1,000,000 x 91 days x 1% / 360            = 2527.777.. -> 2527.78
#   乙 (10,000,000 x 52 + 5,000,000 x 31) x 0.8% / 360 = 15000.00 (1200万 capped)
#   丙 applied 2022-03-31, and individual_business: 0.00
#   total 17527.78; share of 2万 87.6389% -> 87.64%
# 半额 (cap 500万, ceiling 0.8%)
#   甲 1,000,000 x 91 x 0.8% / 360 = 2022.222.. -> 2022.22   (-505.56)
#   乙 5,000,000 x 83 x 0.8% / 360 = 9222.222.. -> 9222.22   (-5777.78)
#   total 11244.44, -6283.34; 56.2222% -> 56.22%
# 宽限 (window from 2022-03-01, kinds small, micro, individual_business)
#   丙 200,000 x 91 x 1% / 360 = 505.555.. -> 505.56, now eligible
#   total 18033.34, +505.56; 90.1667% -> 90.17%
# 仅小型 (kinds small): 乙 no longer eligible: total 2527.78, -15000.00; 12.6389% -> 12.64%
/usr/bin/python3 - "$LOANS" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
bank = {"湛江市甲科技有限公司": "甲银行", "湛江市乙商贸有限公司": "乙银行", "湛江市丙餐饮店": "甲银行"}
with open("loans.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f)
    w.writerow(rows[0] + ["贷款机构"])
    for r in rows[1:]:
        w.writerow(r + [bank[r[0]]])
PY
rc=0
"$ZJCREDIT" whatif loans.csv --budget 2万 \
    --scenario 半额:first_loan_subsidy.balance_cap=500万,first_loan_subsidy.rate_ceiling=0.8% \
    --scenario 宽限:first_loan_subsidy.application_window=2022-03-01..2022-06-30,first_loan_subsidy.eligible_kinds=small,micro,individual_business \
    --scenario 仅小型:first_loan_subsidy.eligible_kinds=small >out.csv || rc=$?
plain out.csv
exit $rc
