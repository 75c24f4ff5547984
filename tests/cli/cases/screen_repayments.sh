. "$CASES/../lib.bash"
# Two banks' exports give loans by their drawdown, each bank's repayments in a file of its
# own (借据号, 还款日期, 还款金额); the screen reads each file with its repayments:
#   甲公司 L1 (银行甲, 0.8%): 800万 04-10..05-31 (52 days) and 500万 after 300万 repaid on
#     06-01 (30 days): (416,000,000 + 150,000,000) × 0.8% ÷ 360 = 12,577.777… → 12,577.78
#   乙公司 L3 (银行乙, 4.35% → the 1% ceiling): 800万 04-20..05-19, all repaid on 05-20
#     (30 days): 240,000,000 × 1% ÷ 360 = 6,666.666… → 6,666.67
H="借据号,借款人,统一社会信用代码,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额"
printf '%s\n%s\n' "$H" "L1,甲公司,91440800MA4W00001F,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00" >甲银行.csv
printf '%s\n%s\n' "$H" "L3,乙公司,91440800MA4W00002J,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00" >乙银行.csv
printf '借据号,还款日期,还款金额\nL1,2022-06-01,3000000.00\n' >甲还款.csv
printf '借据号,还款日期,还款金额\nL3,2022-05-20,8000000.00\n' >乙还款.csv
P=2022-04-01..2022-06-30
LENDERS="--lender-of 甲银行.csv=银行甲 --lender-of 乙银行.csv=银行乙"

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P $LENDERS --repayments-of 甲银行.csv=甲还款.csv \
    --repayments-of ./乙银行.csv=乙还款.csv -o out 2>err || fail "screen: $(cat err)"
echo "borrowers (统一社会信用代码, 借款人, 贴息金额, 贷款机构):"
plain out/borrowers.csv | tail -n +2 | cut -d, -f1-4

# One file: --repayments, as for subsidy.
"$ZJCREDIT" screen 甲银行.csv --period $P --lender 银行甲 --repayments 甲还款.csv -o one 2>err || fail "one file: $(cat err)"
echo "one file: $(plain one/borrowers.csv | tail -n +2 | cut -d, -f1-3)"

# Several files and --repayments: which file's? Refused, naming the option to use.
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P $LENDERS --repayments 甲还款.csv -o bad 2>err
echo "exit $?"; sed 's/^zjcredit: //' err
# A repayments file given to the wrong bank's file: its 借据号 is not there.
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P $LENDERS --repayments-of 甲银行.csv=乙还款.csv -o bad 2>err
echo "exit $?"; sed 's/^zjcredit: //' err
# An empty --repayments (a script's unset variable) is refused, not read as "no repayments".
"$ZJCREDIT" screen 甲银行.csv --period $P --lender 银行甲 --repayments "" -o bad 2>err
echo "exit $?"; sed 's/^zjcredit: //' err
[ -e bad ] && fail "a refused run left its directory behind"
exit 0
