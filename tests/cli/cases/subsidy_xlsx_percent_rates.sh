. "$CASES/../lib.bash"
# A bank's .xlsx whose 利率(%) cells hold fractions styled as percents (0.0435
# shown by Excel as 4.35%): read as Excel shows them, 4.35%, not as 0.0435%
# under the header's unit. Worked by hand:
#   L1 4.35% (the 1% ceiling is used): 800万 × 82 days (04-10..06-30) × 1% ÷ 360 = 18,222.22
#   L2 0.80% styled 0.000% (0.008):    500万 × 72 days (04-20..06-30) × 0.8% ÷ 360 = 8,000.00
#   L3 a plain number 0.85 under 利率(%): 0.85%: 300万 × 61 days (05-01..06-30) × 0.85% ÷ 360 = 4,320.83
/usr/bin/python3 - <<'PY' || fail "writing the workbook"
import datetime, openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "贷款明细"
ws.append(["借据号", "借款人", "企业规模", "首次申请日期", "是否通过融资平台申请", "是否地方法人金融机构", "是否首贷",
           "利率(%)", "放款日期", "放款金额"])
rows = [("L1", "甲公司", "小型", datetime.date(2022, 4, 10), 0.0435, "0.00%", 8000000),
        ("L2", "乙公司", "微型", datetime.date(2022, 4, 20), 0.008, "0.000%", 5000000),
        ("L3", "丙公司", "小型", datetime.date(2022, 5, 1), 0.85, "0.00", 3000000)]
for r, (loan_id, borrower, kind, day, rate, fmt, amount) in enumerate(rows, start=2):
    ws.append([loan_id, borrower, kind, day, "是", "是", "是", rate, day, amount])
    ws.cell(r, 4).number_format = ws.cell(r, 9).number_format = "yyyy-mm-dd"
    ws.cell(r, 8).number_format = fmt
wb.save("贷款明细.xlsx")
PY
"$ZJCREDIT" subsidy 贷款明细.xlsx --period 2022-04-01..2022-06-30 -o out.csv 2>err || fail "subsidy: $(cat err)"
plain out.csv | cut -d, -f1-4
