. "$CASES/../lib.bash"
# `zjcredit screen --register DB --commit`, then the same files replayed: nothing
# is paid twice. Two banks' files (docs/screen.md, tests/screen/screen_test.cpp):
#   甲公司 91440800MA4W00001F: L1 at 银行甲 (applied 04-10, 800万 drawn 04-10, 0.8%, 首贷)
#     and L2 at 银行乙 (applied 04-20, 800万 drawn 04-20, 4.35%, 首贷): 首贷 at two
#     lenders, L1 (first in the fill order) keeps it, L2 is not paid.
#     L1: 800万 × 82 days (04-10..06-30: 21 + 31 + 30) × 0.8% ÷ 360 = 14,577.777… → 14,577.78.
#   乙公司 91440800MA4W00002J: L3 at 银行乙 (applied 04-20, 800万 drawn 04-20, 4.35% used
#     at the 1% ceiling): 800万 × 72 days (04-20..06-30: 11 + 31 + 30) × 1% ÷ 360 = 16,000.00.
# Round 2022Q2 with --borrower-limit 15000: 乙公司 would pass it (0 + 16,000 > 15,000),
# so it is held; 甲公司 (14,577.78 <= 15,000) is committed: 1 row, 14,577.78.
# Round 2022Q2b without a limit: L1 is already paid; L3 pays 16,000.00: 1 row.
# Round 2022Q2c: everything already paid: nothing to pay, no round. In all 30,577.78.
H="借据号,借款人,统一社会信用代码,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额,贷款机构"
printf '%s\n%s\n' "$H" "L1,甲公司,91440800MA4W00001F,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00,银行甲" >甲银行.csv
printf '%s\n%s\n%s\n' "$H" "L2,甲公司,91440800MA4W00001F,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00,银行乙" \
    "L3,乙公司,91440800MA4W00002J,小型,2022-04-20,是,是,是,4.35,2022-04-20,8000000.00,银行乙" >乙银行.csv
P=2022-04-01..2022-06-30

# A dry run writes nothing, not even the register file.
"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --register payouts.db --lang en -o dry 2>err || fail "dry run: $(cat err)"
[ ! -e payouts.db ] || fail "a dry run created the register"
grep -q "dry run: the round would pay 2 loan-periods to 2 borrowers, 30,577.78 yuan; nothing written" err || fail "dry run said: $(cat err)"
grep -q "there is no register at payouts.db yet: nothing counted as paid before" err || fail "dry run said: $(cat err)"
"$ZJCREDIT" register init payouts.db --lang en >/dev/null || fail "register init"

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --register payouts.db --commit --round 2022Q2 \
    --borrower-limit 15000 --lang en -o r1 2>err || fail "round 1: $(cat err)"
grep -q "round 2022Q2 committed to payouts.db: 1 rows, 14,577.78 yuan; 1 borrower(s) past --borrower-limit held" err \
    || fail "round 1 said: $(cat err)"
# Row 1's receipt_digest is the SHA-256 of L1's receipt text (docs/screen.md, Payments),
# written here by hand: 元·days of its part of the cap 800万 × 82 = 656,000,000.00.
need sqlite3
need sha256sum
receipt="rule=first_loan_subsidy_screen;borrower_id=91440800MA4W00001F;loan_id=L1;lender=银行甲"
receipt="$receipt;period=2022-04-01..2022-06-30;capped_balance_days=656000000.00;rate_used=0.8%"
receipt="$receipt;borrower_amount=14577.78;amount=14577.78"
want=$(printf '%s' "$receipt" | sha256sum | cut -d' ' -f1)
got=$(sqlite3 payouts.db "SELECT receipt_digest FROM payouts WHERE row_id = 1")
[ "$want" = "$got" ] || fail "receipt_digest $got, want $want"
echo "round 1 register rows:"
sqlite3 -separator , payouts.db "SELECT row_id, round_id, borrower_id, borrower_name, loan_id, lender, period_from, period_to, amount_fen FROM payouts"
echo "round 1 conflicts:"
plain r1/conflicts.csv | cut -d, -f1-3
# The list to publish names only what this round pays: not 乙公司, held for the limit.
echo "round 1 notification:"
plain r1/notification.csv

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --register payouts.db --commit --round 2022Q2b --lang en -o r2 2>err \
    || fail "round 2: $(cat err)"
grep -q "round 2022Q2b committed to payouts.db: 1 rows, 16,000.00 yuan" err || fail "round 2 said: $(cat err)"
echo "round 2 loans (loan_id, eligible, amount, reasons):"
plain r2/loans.csv | cut -d, -f2,8-10

"$ZJCREDIT" screen 甲银行.csv 乙银行.csv --period $P --register payouts.db --commit --round 2022Q2c --lang en -o r3 2>err \
    || fail "round 3: $(cat err)"
grep -q "nothing to pay: no round committed" err || fail "round 3 said: $(cat err)"
echo "round 3 borrowers:"
plain r3/borrowers.csv | cut -d, -f1,3

# Round 2022Q2d with 乙银行.csv alone: 甲公司's 首贷 was paid at 银行甲 (L1) in
# 2022Q2, so L2 is still not its 首贷 though 银行甲's file is absent now; L3 is
# already paid. Nothing to pay.
"$ZJCREDIT" screen 乙银行.csv --period $P --register payouts.db --commit --round 2022Q2d --lang en -o r4 2>err \
    || fail "round 4: $(cat err)"
grep -q "nothing to pay: no round committed" err || fail "round 4 said: $(cat err)"
echo "round 4 conflicts:"
plain r4/conflicts.csv | cut -d, -f1-4
grep -q "its 首贷 was paid in an earlier round at 银行甲 (loan L1, 2022-04-01..2022-06-30)" r4/conflicts.csv \
    || fail "round 4 conflicts: $(cat r4/conflicts.csv)"

"$ZJCREDIT" register verify payouts.db --lang en >out 2>err || fail "verify: $(cat out err)"
grep -q "the chain checks: 2 rows in 2 rounds" out || fail "verify said: $(cat out)"
"$ZJCREDIT" register show payouts.db --lang en | grep "^Total"
sqlite3 -separator , payouts.db "SELECT row_id, round_id, loan_id, amount_fen FROM payouts"
# A round already present is refused whole.
"$ZJCREDIT" screen 甲银行.csv --period 2022-07-01..2022-09-30 --register payouts.db --commit --round 2022Q2 -o r5 2>/dev/null
echo "a round id used twice: exit $?"
