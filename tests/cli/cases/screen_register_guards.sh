. "$CASES/../lib.bash"
# What keeps a payout register right when the user slips:
# - --commit to a path with no register (a mistyped name) is refused, nothing created;
#   `zjcredit register init` starts a register, once;
# - under --budget the register records what is paid (the allocations), not the subsidy;
# - a register edited by hand is refused by the screen and by --commit, and
#   `register show` says so (exit 2).
# The files of screen_register_replay: 甲公司 L1 14,577.78 (L2 at 银行乙 not its
# 首贷), 乙公司 L3 16,000.00; 30,577.78 claimed. --budget 10000, pro rata:
#   甲公司 10,000 × 14,577.78 ÷ 30,577.78 = 4,767.442…, 乙公司 10,000 × 16,000 ÷
#   30,577.78 = 5,232.557…: floors 4,767.44 and 5,232.55 leave 1 分, to 乙公司
#   (remainder 0.78 分 against 0.22): 4,767.44 and 5,232.56, 10,000.00 in all.
need sqlite3
H="借据号,借款人,统一社会信用代码,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额,贷款机构"
printf '%s\n%s\n' "$H" "L1,甲公司,91440800MA4W00001F,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00,银行甲" >甲银行.csv
printf '%s\n%s\n%s\n' "$H" "L2,甲公司,91440800MA4W00001F,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00,银行乙" \
    "L3,乙公司,91440800MA4W00002J,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00,银行乙" >乙银行.csv
P=2022-04-01..2022-06-30

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --register 支付登记表.db --commit --round 2022Q2 -o r0 2>err
echo "commit to a register that does not exist: exit $?"
[ ! -e 支付登记表.db ] || fail "the mistyped register was created"
grep -q "此路径下没有支付登记簿：新建请用 \`zjcredit register init 支付登记表.db\`" err || fail "said: $(cat err)"

"$ZJCREDIT" register init 支付登记.db || fail "register init"
"$ZJCREDIT" register init 支付登记.db 2>err
echo "register init on a register: exit $?"
grep -q "already exists: a register is started only once" err || fail "said: $(cat err)"

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --budget 10000 --register 支付登记.db --commit --round 2022Q2 \
    --lang en -o r1 --xlsx r1.xlsx 2>err || fail "round: $(cat err)"
# The workbook's counts are numbers (a sum in Excel works on them), its amounts too.
/usr/bin/python3 - <<'PY' || fail "the totals sheet's counts or amounts are not numbers"
import openpyxl
ws = openpyxl.load_workbook("r1.xlsx")["totals"]
rows = {(r[0], r[1]): r for r in ws.iter_rows(min_row=2, values_only=True)}
assert rows[("total", "all")][2:6] == (2, 2, 30577.78, 10000), rows[("total", "all")]
# a reason counted is named in words, with its code
assert rows[("reason", "the borrower's first loan is claimed at another lender (first_loan_claimed_elsewhere)")][2:4] \
    == (None, 1), rows
PY
grep -q "round 2022Q2 committed to 支付登记.db: 2 rows, 10,000.00 yuan" err || fail "round said: $(cat err)"
echo "rows committed under the budget:"
sqlite3 -separator , 支付登记.db "SELECT row_id, loan_id, amount_fen FROM payouts"
echo "loans.csv (loan_id, amount, allocated):"
/usr/bin/python3 -c '
import csv
for r in csv.DictReader(open("r1/loans.csv", encoding="utf-8-sig")):
    print(r["loan_id"], r["amount"], r["allocated"], sep=",")' 
# 说明 of L1: 800万 × 82 days = 656,000,000.00 balance-days × 0.8% ÷ 360 = 14,577.777…
grep -q "balance-days within the borrower's cap 656000000.00 × 0.8% / 360 = 14577.777777… yuan; the borrower's total, rounded half up to the fen: 14577.78; this loan's share 14577.78; allocated 4767.44" r1/loans.csv \
    || fail "L1's message: $(grep L1 r1/loans.csv)"

# The last round removed whole (its rows and its rounds row) leaves a chain that
# checks; the head printed at the commit, kept outside, shows it.
head=$(sed -n 's/.*; last_hash \([0-9a-f]*\).*/\1/p' err)
[ ${#head} = 64 ] || fail "no last_hash in: $(cat err)"
"$ZJCREDIT" register verify 支付登记.db --head "$head" --lang en >/dev/null || fail "verify --head of the head"
cp 支付登记.db 删除一轮.db
sqlite3 删除一轮.db "DELETE FROM payouts WHERE round_id = '2022Q2'; DELETE FROM rounds WHERE round_id = '2022Q2'"
"$ZJCREDIT" register verify 删除一轮.db --lang en >/dev/null || fail "the emptied chain itself checks"
"$ZJCREDIT" register verify 删除一轮.db --head "$head" --lang en >/dev/null 2>err
echo "verify --head of a register whose last round was removed: exit $?"
grep -q "the chain checks, but its head is 0000000000000000000000000000000000000000000000000000000000000000, not the --head $head" err \
    || fail "verify said: $(cat err)"

# An amount changed by hand: L1 paid 4,767.44 becomes 9,767.44.
sqlite3 支付登记.db "UPDATE payouts SET amount_fen = 976744 WHERE row_id = 1"
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period 2022-07-01..2022-09-30 --register 支付登记.db --lang en -o r2 2>err
echo "a screen against the edited register: exit $?"
grep -q "does not verify, first fault at row 1 (borrower 91440800MA4W00001F, loan L1, round 2022Q2): row_hash does not match" err \
    || fail "screen said: $(cat err)"
"$ZJCREDIT" screen 甲银行.csv --period 2022-07-01..2022-09-30 --register 支付登记.db --commit --round 2022Q3 -o r3 2>err
echo "a commit onto the edited register: exit $?"
[ "$(sqlite3 支付登记.db 'SELECT count(*) FROM rounds')" = 1 ] || fail "a round was chained onto the edited register"
"$ZJCREDIT" register show 支付登记.db --lang en >out 2>err
echo "register show of the edited register: exit $?"
grep -q "does not verify, the figures above are not to be trusted; first fault at row 1" err || fail "show said: $(cat err)"
# and its text says so itself, first, for whoever reads it from a file
head -1 out | grep -q "^DOES NOT VERIFY: the figures below are not to be trusted; first fault at row 1" \
    || fail "show's text began: $(head -1 out)"
# In Chinese, the fault is said in Chinese.
"$ZJCREDIT" register verify 支付登记.db >/dev/null 2>err
grep -q "第 1 行（借款人 91440800MA4W00001F，借据 L1，轮次 2022Q2）：row_hash 与该行内容不符（写入后被改动）" err \
    || fail "verify in Chinese said: $(cat err)"
