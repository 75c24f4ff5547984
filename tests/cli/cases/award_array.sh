. "$CASES/../lib.bash"
# Placeholder stage table: 辅导备案 2,000,000, 申报受理 3,000,000, 成功上市 4,000,000; cap 9,000,000.
# 戊: 3,000,000 already paid (申报受理), room 6,000,000: 辅导备案 2,000,000 + 成功上市 4,000,000 = 6000000.00.
# 己: 5,000,000 already paid, room 4,000,000: 辅导备案 2,000,000, then 成功上市 cut from
#     4,000,000 to the 2,000,000 left (total_cap_reached) = 4000000.00.
# 庚: 辅导备案 claimed twice (the earlier, 04-01, counts: 2,000,000; the later stage_repeated)
#     and 申报受理 already paid (stage_already_paid) = 2000000.00, reasons in canonical order.
# 辛: no stage claimed: not eligible, 0.00.
cat >companies.json <<'JSON'
[
  {"company": "湛江市己股份有限公司",
   "stages": [{"stage": "listed", "date": "2023-06-20"}, {"stage": "tutoring_filed", "date": "2022-03-01"}],
   "paid_stages": ["application_accepted"], "paid_amount": "5000000.00"},
  {"company": "湛江市庚股份有限公司",
   "stages": [{"stage": "tutoring_filed", "date": "2022-05-01"}, {"stage": "tutoring_filed", "date": "2022-04-01"},
              {"stage": "application_accepted", "date": "2022-08-01"}],
   "paid_stages": ["application_accepted"], "paid_amount": "3000000.00"},
  {"company": "湛江市辛股份有限公司", "stages": []}
]
JSON
"$ZJCREDIT" award companies.json >out.csv; rc=$?
plain out.csv | cut -d, -f1-4
exit $rc
