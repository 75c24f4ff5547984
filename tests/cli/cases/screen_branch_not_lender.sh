. "$CASES/../lib.bash"
# One bank's export lists its loans with the branch that handled each (经办机构) and no
# 贷款机构 column: the branches are not lenders. 甲公司 has two loans at 银行甲, through two
# branches, both marked 首贷 — one lender's, so no conflict — and they share one cap:
#   L1 (0.8%, 800万 from 04-10): 800万 × 82 days = 656,000,000.00 元·days × 0.8% ÷ 360 = 14,577.777…
#   L2 (4.35%, so the 1% ceiling; 800万 from 04-20): 200万 of room × 72 days = 144,000,000.00 × 1% ÷ 360 = 4,000
#   the borrower 18,577.777… → 18,577.78; split by parts: 14,577.78 and 4,000.00.
H="借据号,借款人,统一社会信用代码,经办机构,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额"
printf '%s\n%s\n%s\n' "$H" "L1,甲公司,91440800MA4W00001F,湛江分行,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00" \
    "L2,甲公司,91440800MA4W00001F,赤坎支行,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00" >甲银行.csv
P=2022-04-01..2022-06-30

"$ZJCREDIT" screen 甲银行.csv --period $P --lender 银行甲 -o out 2>err || fail "screen: $(cat err)"
echo "borrowers (统一社会信用代码, 借款人, 贴息金额, 贷款机构):"
plain out/borrowers.csv | tail -n +2 | cut -d, -f1-4
echo "loans (借据号, 贷款机构, 贴息金额):"
plain out/loans.csv | tail -n +2 | cut -d, -f2,3,9
echo "conflicts: $(plain out/conflicts.csv | tail -n +2 | wc -l)"

# Where a file's 经办机构 does hold the lending institution, a mapping says so: then
# the two are lenders, and 首贷 at both is a conflict (L1, applied first, keeps it).
printf '经办机构,lender\n' >columns.csv
"$ZJCREDIT" screen 甲银行.csv --period $P --columns columns.csv -o mapped 2>err || fail "screen --columns: $(cat err)"
echo "mapped, conflicts (类型, 借据号, 贷款机构):"
plain mapped/conflicts.csv | tail -n +2 | cut -d, -f1,3,4
# stderr says there are conflicts to review, and where (to stdout alone, it lists each one).
sed 's/^zjcredit: //' err
"$ZJCREDIT" screen 甲银行.csv --period $P --columns columns.csv 2>err >/dev/null || fail "to stdout: $(cat err)"
sed 's/^zjcredit: //' err

# The same file twice would list each loan twice, as if two banks had sent it: refused.
"$ZJCREDIT" screen 甲银行.csv ./甲银行.csv --period $P --lender 银行甲 -o twice 2>err
echo "exit $?"; sed 's/^zjcredit: //' err

# Neither --lender nor a mapping: refused, and the 经办机构 column is named as not the lender.
"$ZJCREDIT" screen 甲银行.csv --period $P -o none 2>err
echo "exit $?"; sed 's/^zjcredit: //' err
