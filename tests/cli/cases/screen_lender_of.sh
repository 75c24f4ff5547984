. "$CASES/../lib.bash"
# Two banks' own exports, neither with a 贷款机构 column (乙银行's in GB18030), screened
# together: --lender-of names each file's lender. The loans are those of
# screen_register_replay.sh, worked by hand there:
#   甲公司 91440800MA4W00001F: L1 at 银行甲 (0.8%, 800万 × 82 days ÷ 360 = 14,577.78) and
#     L2 at 银行乙 (首贷 at a second lender: first_loan_claimed_elsewhere, not paid).
#   乙公司 91440800MA4W00002J: L3 at 银行乙 (1% ceiling, 800万 × 72 days ÷ 360 = 16,000.00).
H="借据号,借款人,统一社会信用代码,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额"
printf '%s\n%s\n' "$H" "L1,甲公司,91440800MA4W00001F,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00" >甲银行.csv
printf '%s\n%s\n%s\n' "$H" "L2,甲公司,91440800MA4W00001F,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00" \
    "L3,乙公司,91440800MA4W00002J,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00" >乙银行.utf8
to_gb18030 乙银行.utf8 乙银行.csv
P=2022-04-01..2022-06-30

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --lender-of 甲银行.csv=银行甲 --lender-of=乙银行.csv=银行乙 \
    -o out 2>err || fail "screen: $(cat err)"
echo "borrowers (统一社会信用代码, 借款人, 贴息金额, 贷款机构):"
plain out/borrowers.csv | tail -n +2 | cut -d, -f1-4
echo "loans (借据号, 贷款机构, 贴息金额):"
plain out/loans.csv | tail -n +2 | cut -d, -f2,3,9
echo "conflicts (类型, 借据号, 贷款机构):"
plain out/conflicts.csv | tail -n +2 | cut -d, -f1,3,4

# The workbook: the 贷款 sheet's 贴息起日 and 贴息止日 are dates (the claim period), not text.
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --lender-of 甲银行.csv=银行甲 --lender-of 乙银行.csv=银行乙 \
    --xlsx 筛选.xlsx 2>err || fail "screen --xlsx: $(cat err)"
/usr/bin/python3 - <<'PY' || fail "the workbook's dates"
import datetime, openpyxl
ws = openpyxl.load_workbook("筛选.xlsx")["贷款"]
assert [c.value for c in ws[1]][5:7] == ["贴息起日", "贴息止日"], [c.value for c in ws[1]]
for row in ws.iter_rows(min_row=2):
    assert row[5].is_date and row[5].number_format == "yyyy-mm-dd", (row[5].value, row[5].number_format)
    assert (row[5].value, row[6].value) == (datetime.datetime(2022, 4, 1), datetime.datetime(2022, 6, 30))
print("workbook: 贴息起日, 贴息止日 are dates on", ws.max_row - 1, "rows")
PY

# --lender for the files not named by --lender-of.
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --lender 银行乙 --lender-of 甲银行.csv=银行甲 -o out2 2>err \
    || fail "screen with --lender: $(cat err)"
cmp -s out/borrowers.csv out2/borrowers.csv || fail "--lender for the other file gave other borrowers"

# Refused, each naming --lender-of and quoting what was given; nothing written.
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --lender-of 丙银行.csv=银行丙 --lender 银行乙 -o bad1 2>err
echo "a file not screened: exit $?"
grep -q "'丙银行.csv' is not one of the files to screen: 甲银行.csv, 乙银行.csv" err || fail "said: $(cat err)"
# The same file written another way is the same file.
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --lender-of ./甲银行.csv=银行甲 --lender-of "$PWD/乙银行.csv=银行乙" \
    -o out3 2>err || fail "screen with ./ and an absolute path: $(cat err)"
cmp -s out/borrowers.csv out3/borrowers.csv || fail "./甲银行.csv or an absolute path gave other borrowers"
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --lender-of 甲银行.csv --lender 银行乙 -o bad2 2>err
echo "no NAME: exit $?"
grep -q "expected FILE=NAME" err || fail "said: $(cat err)"
"$ZJCREDIT" screen 甲银行.csv --period $P --lender-of 甲银行.csv=银行甲 --lender-of 甲银行.csv=银行乙 -o bad3 2>err
echo "two lenders for one file: exit $?"
grep -q "has a lender named already" err || fail "said: $(cat err)"
# A file with its own 贷款机构 column: naming another lender for it is a contradiction.
printf '%s\n%s\n' "$H,贷款机构" "L1,甲公司,91440800MA4W00001F,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00,银行甲" >丙银行.csv
"$ZJCREDIT" screen 丙银行.csv --period $P --lender-of 丙银行.csv=银行丙 -o bad4 2>err
echo "a file with its own lender column: exit $?"
grep -q "丙银行.csv: header.*the file has its own lender column (贷款机构), which the lender named for it, 银行丙, would contradict" err || fail "said: $(cat err)"
for d in bad1 bad2 bad3 bad4; do [ ! -e $d ] || fail "$d was written"; done
