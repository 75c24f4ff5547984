. "$CASES/../lib.bash"
# The same loans as whatif.sh (docs/examples/loans.csv, no lender column) as
# JSON: the baseline first, no budget, and the largest changes of 半额 worked
# by hand there: 乙 15000.00 -> 9222.22 (-5777.78), then 甲 2527.78 -> 2022.22
# (-505.56); 丙 does not change, so it is not listed.
rc=0
"$ZJCREDIT" whatif "$LOANS" --json \
    --scenario 半额:first_loan_subsidy.balance_cap=500万,first_loan_subsidy.rate_ceiling=0.8% >out.json || rc=$?
/usr/bin/python3 - <<'PY'
import json
r = json.load(open("out.json"))
print("budget", r["budget"])
for s in r["scenarios"]:
    print(s["name"], s["total"], s["baseline_total"], s["difference"], s["gain"], s["lose"],
          s["become_eligible"], s["become_ineligible"], s["budget_share"], len(s["by_lender"]))
    for k in s["by_borrower_kind"]:
        print(" ", k["borrower_kind"], k["total"], k["difference"])
    for c in s["largest_changes"]:
        print(" ", c["where"].rsplit("/", 1)[-1], c["borrower"], c["borrower_kind"], c["baseline"], c["scenario"], c["difference"], c["lender"])
PY
exit $rc
