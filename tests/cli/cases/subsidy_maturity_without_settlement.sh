. "$CASES/../lib.bash"
# A bank's export gives each loan's 到期日 (maturity) and, for a loan repaid, its 结清日期.
# JA002 fell due on 2022/5/20 with its 200万 outstanding and no 结清日期: from that day
# its balance is not known (repaid, extended or overdue), so the run is refused at
# that cell, quoting it as written. With its 结清日期 the same loan is read:
#   JA001: 800万 × 82 days (04-10..06-30) × 0.8% ÷ 360 = 14,577.777… → 14,577.78
#   JA002: 200万 × 30 days (04-20..05-19; the settlement day does not accrue)
#          × 1% (4.35% above the ceiling) ÷ 360 = 1,666.666… → 1,666.67
#   合计 16,244.45
H="借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额,到期日,结清日期"
printf '%s\n%s\n%s\n' "$H" "JA001,甲公司,小型,2022-04-10,是,是,是,0.8,2022/4/10,\"8,000,000.00\",2023/4/9," \
    "JA002,乙公司,小型,2022-04-20,是,是,是,4.35,2022/4/20,\"2,000,000.00\",2022/5/20," >loans.csv
"$ZJCREDIT" subsidy loans.csv --period 2022-04-01..2022-06-30 -o out.csv 2>err
echo "exit $?"
sed 's/^zjcredit: //' err
[ -e out.csv ] && fail "a refused run left out.csv behind"

sed -i 's|2022/5/20,$|2022/5/20,2022/5/20|' loans.csv
"$ZJCREDIT" subsidy loans.csv --period 2022-04-01..2022-06-30 -o out.csv 2>err || fail "with 结清日期: $(cat err)"
echo "with 结清日期 (借据号, 是否符合, 贴息金额):"
/usr/bin/python3 - <<'PY'
import csv
rows = list(csv.DictReader(open("out.csv", encoding="utf-8-sig")))
for r in rows:
    print(r["借据号"] or r["借款人"], r["是否符合"], r["贴息金额"], sep=",")
PY
