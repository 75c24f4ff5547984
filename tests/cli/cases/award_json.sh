. "$CASES/../lib.bash"
# Placeholder stage table: 辅导备案 2,000,000, 申报受理 3,000,000, 成功上市 4,000,000; cap 9,000,000.
# 戊: 3,000,000 already paid (申报受理), room 6,000,000: 辅导备案 2,000,000 + 成功上市 4,000,000 = 6000000.00.
cat >company.json <<'JSON'
{
  "company": "湛江市戊股份有限公司",
  "stages": [
    {"stage": "listed", "date": "2023-06-20"},
    {"stage": "tutoring_filed", "date": "2022-03-01"}
  ],
  "paid_stages": ["application_accepted"],
  "paid_amount": "3000000.00"
}
JSON
"$ZJCREDIT" award company.json --json >out.json || fail "award --json"
/usr/bin/python3 - <<'PY' || fail "not the expected JSON"
import json
for r in json.load(open("out.json", encoding="utf-8"))["results"]:
    print(r["amount"], r["stage_table_placeholder"], [(a["stage"], a["date"], a["paid"]) for a in r["awards"]])
PY
