. "$CASES/../lib.bash"
# The CSV `zjcredit subsidy` writes, as a bank files it, is what
# `report --subsidies` reads. docs/examples/loans.csv worked by hand:
#   甲: 1,000,000.00 元 from 04-01 to 06-30 (91 days) at 4.35%, the rate used
#   1% (the ceiling): 91,000,000.00 × 1% ÷ 360 = 2527.777… → 2527.78;
#   乙: 1200万 for 05-10..06-30 (52 days) and 500万 for 07-01..07-31 (31 days)
#   at 0.8%: (1000万 capped × 52 + 500万 × 31) × 0.8% ÷ 360 = 675,000,000 ×
#   0.8% ÷ 360 = 15000.00;
#   丙: first applied 03-31, outside the window: 0.00.
# Total 17527.78 of 3 loans, 2 eligible; by 经办机构 (甲 and 丙 at 湛江分行,
# 乙 at 霞山支行): 湛江分行 2527.78 (2, 1), 霞山支行 15000.00 (1, 1).
awk -F, 'NR == 1 { print $0 ",经办机构"; next }
         { print $0 "," ($1 ~ /乙/ ? "霞山支行" : "湛江分行") }' "$SRC/docs/examples/loans.csv" >loans.csv
"$ZJCREDIT" subsidy loans.csv --group-by 经办机构 -o 贴息.csv || fail "subsidy"
"$ZJCREDIT" report --observations "$SRC/docs/examples/observations.csv" --subsidies 贴息.csv --json -o report.json \
  || fail "report --subsidies on the CSV"
/usr/bin/python3 -c '
import json
s = json.load(open("report.json"))["subsidies"]
print(s["total"])
for line in s["subtotals"]: print(line)
'
# The same file edited by hand (one amount raised by a 分) is refused, naming its line.
sed 's/^\(湛江市乙[^,]*,霞山支行,是,\)15000.00/\115000.01/' 贴息.csv >edited.csv
rc=0
"$ZJCREDIT" report --observations "$SRC/docs/examples/observations.csv" --subsidies edited.csv -o r.html 2>err.txt || rc=$?
[ "$rc" = 2 ] || fail "edited.csv: exit $rc, not 2"
grep -q 'edited.csv:7: 合计 17527.78 is not the sum of its rows, 17527.79' err.txt || fail "edited.csv: $(cat err.txt)"
[ ! -e r.html ] || fail "a report was written from an edited file"
