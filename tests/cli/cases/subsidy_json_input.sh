. "$CASES/../lib.bash"
# A JSON array of loan records (docs/records.md), with a UTF-8 BOM as Notepad writes it.
# 甲: 1,000,000.00 x 1% x 91 / 360 = 2527.78. 丁: 200,000.00 on 04-01..04-30 (30 days)
# at min(0.6%, 1%): 200,000 x 0.006 x 30 / 360 = 100.00.
printf '\357\273\277' >loans.json
cat >>loans.json <<'JSON'
[
  {"borrower": "湛江市甲科技有限公司", "borrower_kind": "small", "first_application_date": "2022-04-01",
   "via_platform": true, "local_legal_person_lender": true, "first_loan": true, "annual_rate": "4.35%",
   "balances": [{"from": "2022-04-01", "to": "2022-06-30", "balance": "1000000.00"}],
   "period": {"from": "2022-04-01", "to": "2022-06-30"}},
  {"borrower": "湛江市丁五金店", "borrower_kind": "micro", "first_application_date": "2022/4/1",
   "via_platform": true, "local_legal_person_lender": true, "first_loan": true, "annual_rate": "0.006",
   "balances": [{"from": "2022-04-01", "to": "2022-04-30", "balance": "20万"}, {"date": "2022-05-01", "balance": "0.00"}],
   "period": {"from": "2022-04-01", "to": "2022-05-01"}}
]
JSON
"$ZJCREDIT" subsidy loans.json >out.csv; rc=$?
plain out.csv | cut -d, -f1-4
exit $rc
