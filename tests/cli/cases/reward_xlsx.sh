. "$CASES/../lib.bash"
# --xlsx writes the results as a workbook: the amounts of reward.sh (worked by hand there:
# 丙 6164.38, 庚 0.00, 壬 1.01, 癸 0.01, 子 100.00; total 6265.40) as numeric cells under
# #,##0.00, the Chinese header in a frozen first row, the 合计 row last, and a 说明 sheet.
cat >fin.csv <<'CSV'
core_enterprise,sme,amount,start,end,days,confirmed_on_platform
湛江市丙集团有限公司,湛江市乙贸易有限公司,"1,000,000.00",2022-03-01,2022-08-28,,true
湛江市丙集团有限公司,湛江市丁制造有限公司,50万,2022-05-01,,90,是
湛江市丙集团有限公司,湛江市己物流有限公司,300000,2022-06-01,,30,false
湛江市庚集团有限公司,湛江市辛食品有限公司,200000,2021-12-31,2022-03-31,,true
湛江市壬集团有限公司,湛江市壬配套有限公司,36682.50,2022-06-01,,1,true
湛江市癸集团有限公司,湛江市癸一有限公司,146.00,2022-06-01,,1,true
湛江市癸集团有限公司,湛江市癸二有限公司,146.00,2022-06-02,2022-06-03,,true
湛江市子集团有限公司,湛江市子一有限公司,365000,2023-06-30,,10,Y
湛江市子集团有限公司,湛江市子二有限公司,365000,2023-07-01,2023-07-11,,Y
CSV
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
