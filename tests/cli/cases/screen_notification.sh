. "$CASES/../lib.bash"
# notification.csv: the list to publish — only the borrowers paid, numbered, with a
# 合计 row; borrowers.csv keeps every borrower. Worked by hand (rate used =
# min(1%, the loan's rate); days counted from the drawdown to 2022-06-30, both ends):
#   甲公司 L1 at 银行甲: 0.8%, 800万 × 82 days (04-10..06-30) ÷ 360 × 0.8% = 14,577.78
#   乙公司 L3 at 银行乙: 4.35% → 1%, 800万 × 72 days (04-20..06-30) ÷ 360 × 1% = 16,000.00
#   丙公司 L4 at 银行乙: 中型 (medium), not eligible: in borrowers.csv, not on the list.
#   合计 2 户, 30,577.78.
# Under --budget 20000: 2,000,000 分 × 1,457,778 / 3,057,778 = 953,488.45 分 and
# 2,000,000 × 1,600,000 / 3,057,778 = 1,046,511.55 分; the floors leave 1 分, which the
# larger remainder (乙, .55) takes: 9,534.88 and 10,465.12, summing to 20,000.00.
H="借据号,借款人,统一社会信用代码,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额"
printf '%s\n%s\n' "$H" "L1,甲公司,91440800MA4W00001F,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00" >甲银行.csv
printf '%s\n%s\n%s\n' "$H" "L3,乙公司,91440800MA4W00002J,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00" \
    "L4,丙公司,91440800MA4W00003M,中型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00" >乙银行.csv
P=2022-04-01..2022-06-30
LENDERS="--lender-of 甲银行.csv=银行甲 --lender-of 乙银行.csv=银行乙"

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P $LENDERS -o out 2>err || fail "screen: $(cat err)"
echo "notification.csv:"
plain out/notification.csv
echo "borrowers.csv (借款人, 是否符合):"
plain out/borrowers.csv | tail -n +2 | awk -F, '{print $2 "," $6}'

# loans.csv's 说明 of 丙公司's listing names its kind and the kinds the 2022 plan
# subsidises (小微企业: 小型企业、微型企业).
echo "loans.csv (借据号, 说明) of the listing not paid:"
plain out/loans.csv | awk -F, '$2 == "L4" {print $2 "," $11}'

# totals.csv: per lender (in byte order of their names: 乙 is E4 B9 99 in UTF-8, 甲
# E7 94 B2), in all, the counts, and the one reason counted (丙公司's kind), in
# words with its code.
echo "totals.csv (分组, 名称, 借款人数, 贷款笔数, 贴息金额), lenders, all, counts, reasons:"
plain out/totals.csv | cut -d, -f1-5 | grep -E '^(贷款机构|合计|计数|原因),'

echo "stdout without -o, under --budget 20000:"
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P $LENDERS --budget 20000 2>err | plain \
    || fail "screen --budget: $(cat err)"

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P $LENDERS --xlsx 筛选.xlsx 2>err || fail "screen --xlsx: $(cat err)"
/usr/bin/python3 - <<'PY' || fail "the workbook's 公示名单 sheet"
import openpyxl
wb = openpyxl.load_workbook("筛选.xlsx")
ws = wb["公示名单"]
rows = [[c.value for c in r] for r in ws.iter_rows()]
assert rows[0] == ["序号", "统一社会信用代码", "借款人", "贴息金额", "贷款机构"], rows[0]
assert [r[2:4] for r in rows[1:]] == [["甲公司", 14577.78], ["乙公司", 16000], ["2 户", 30577.78]], rows
print("workbook sheets:", ",".join(wb.sheetnames))
PY
