. "$CASES/../lib.bash"
# A bank's .xlsx export with a title row, its code column under its own
# header (客户代码, mapped by --columns), and two listings in error: the
# screen names each by the file, the cell and the bank's own header, as the
# loan reader's errors do (甲银行.xlsx:贷款明细!C4: 客户代码 (borrower_id)).
# The one good listing is screen_lender_of.sh's L1 (800万 × 82 days × 0.8% ÷ 360
# = 14,577.78, worked there); its borrower has no other listing, so it is paid.
/usr/bin/python3 - <<'PY' || fail "writing the workbook"
import openpyxl
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "贷款明细"
ws.append(["2022年第二季度首贷明细"])
ws.append(["借据号", "借款人", "客户代码", "企业规模", "首次申请日期", "是否通过融资平台申请", "是否地方法人金融机构",
           "是否首贷", "利率(%)", "放款日期", "放款金额", "贷款机构"])
ws.append(["L1", "甲公司", "91440800MA4W00001F", "小型", "2022-04-10", "是", "是", "是", "0.8", "2022-04-10", "8000000.00", "银行甲"])
ws.append(["L2", "乙公司", "91440800MA4W00002K", "小型", "2022-04-10", "是", "是", "是", "0.8", "2022-04-10", "8000000.00", "银行甲"])
ws.append(["L3", "丙公司", "91440800MA4W00003M", "小型", "2022-04-10", "是", "是", "是", "0.8", "2022-04-10", "8000000.00", ""])
wb.save("甲银行.xlsx")
PY
printf '客户代码,borrower_id\n' >columns.csv

"$ZJCREDIT" screen 甲银行.xlsx --columns columns.csv --period 2022-04-01..2022-06-30 -o out 2>err
echo "exit $?"
grep -qF '甲银行.xlsx:贷款明细!C4: 客户代码 (borrower_id): the check character (18th) should be J' err \
    || fail "the mistyped code: $(cat err)"
grep -qF '甲银行.xlsx:贷款明细!L5: 贷款机构 (lender): must not be empty' err || fail "the empty lender cell: $(cat err)"
echo "paid (统一社会信用代码, 借款人, 贴息金额):"
plain out/notification.csv | tail -n +2 | cut -d, -f2-4
