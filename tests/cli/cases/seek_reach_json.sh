. "$CASES/../lib.bash"
# The smallest balance cap whose total reaches 2000元 (--reach), as JSON; the
# same loans as seek.sh, worked by hand:
#   at c = 457,431.43: 甲 4,162,626,013 / 36000 分 = 115,628.5003.. -> 1156.29
#                      乙 3,796,680,869 / 45000 分 =  84,370.686..  ->  843.71   total 2000.00
#   at c = 457,431.42: 甲 4,162,625,922 / 36000 分 = 115,628.4978.. -> 1156.28  total 1999.99
# Every evaluation is listed; the answer and the next step are two of them.
rc=0
"$ZJCREDIT" seek "$LOANS" --parameter first_loan_subsidy.balance_cap --budget 2000 --within 45万..46万 --reach \
    --json >out.json || rc=$?
/usr/bin/python3 - <<'PY'
import json
r = json.load(open("out.json"))
print(r["parameter"], r["value"], r["total"], r["next_value"], r["next_total"])
evals = {(e["value"], e["total"]) for e in r["evaluations"]}
assert (r["value"], r["total"]) in evals and (r["next_value"], r["next_total"]) in evals, evals
assert 3 <= len(r["evaluations"]) <= 2 + 20 + 1, len(r["evaluations"])  # ends, halvings, ITP's one
print(sorted(r))
PY
exit $rc
