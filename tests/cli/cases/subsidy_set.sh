. "$CASES/../lib.bash"
# --set first_loan_subsidy.balance_cap=50万 on docs/examples/loans.csv, worked by hand:
#   甲: min(1,000,000, 500,000) x 91 days = 45,500,000 x 0.01 / 360 = 1263.888.. -> 1263.89
#   乙: (500,000 x 52 + 500,000 x 31) x 0.8% / 360 = 41,500,000 x 0.008 / 360 = 922.222.. -> 922.22
#   丙: not eligible, 0.00
# The receipts say the cap was overridden, and the plan's value.
rc=0
"$ZJCREDIT" subsidy "$LOANS" --set first_loan_subsidy.balance_cap=50万 >out.csv 2>err.txt || rc=$?
[ -s err.txt ] && { cat err.txt >&2; fail "stderr not empty"; }
plain out.csv | cut -d, -f1-3
"$ZJCREDIT" subsidy "$LOANS" --json --receipts --set first_loan_subsidy.balance_cap=50万 >out.json || rc=$?
grep -q '"source": "override"' out.json || fail "no override in the receipts"
grep -q '"plan_value": "10000000.00"' out.json || fail "no plan value in the receipts"
grep -q '"rule_set_version": "2022.1+override"' out.json || fail "the rule-set version is not marked"
exit $rc
