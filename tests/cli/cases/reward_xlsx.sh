. "$CASES/../lib.bash"
# --xlsx writes the results as a workbook: the amounts of reward.sh (worked by hand there:
# 丙 6164.38, 庚 0.00, 壬 1.01, 癸 0.01, 子 100.00; total 6265.40) as numeric cells under
# #,##0.00, the Chinese header in a frozen first row, the 合计 row last, and a 说明 sheet.
cp "$DATA/financings.csv" fin.csv
"$ZJCREDIT" reward fin.csv --xlsx out.xlsx -o out.csv || fail "reward --xlsx"
/usr/bin/python3 - <<'PY' || fail "not the expected workbook"
import openpyxl
wb = openpyxl.load_workbook("out.xlsx")
ws = wb.worksheets[0]
print(wb.sheetnames, ws.freeze_panes)
for row in ws.iter_rows(values_only=True):
    print(row[0], row[1], repr(row[2]))
print(ws.cell(2, 3).number_format)
PY
