. "$CASES/../lib.bash"
# A JSON array with one bad record: exit 1, the other computed, the bad one rejected.
cat >loans.json <<'JSON'
[
  {"borrower": "湛江市甲科技有限公司", "borrower_kind": "small", "first_application_date": "2022-04-01",
   "via_platform": true, "local_legal_person_lender": true, "first_loan": true, "annual_rate": "4.3.5%",
   "balances": [{"from": "2022-04-01", "to": "2022-06-30", "balance": "1000000.00"}],
   "period": {"from": "2022-04-01", "to": "2022-06-30"}},
  {"borrower": "湛江市甲科技有限公司", "borrower_kind": "small", "first_application_date": "2022-04-01",
   "via_platform": true, "local_legal_person_lender": true, "first_loan": true, "annual_rate": "4.35%",
   "balances": [{"from": "2022-04-01", "to": "2022-06-30", "balance": "1000000.00"}],
   "period": {"from": "2022-04-01", "to": "2022-06-30"}}
]
JSON
rc=0
"$ZJCREDIT" subsidy loans.json --keep-going >out.csv 2>/dev/null || rc=$?
plain out.csv | cut -d, -f1-4
grep -c 'annual_rate' loans.json.rejects.csv
exit $rc
