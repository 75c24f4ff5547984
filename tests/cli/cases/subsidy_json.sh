. "$CASES/../lib.bash"
# docs/examples/loans.csv, worked by hand (1% ceiling, actual/360, 1000万 cap, one half-up rounding):
#   甲: 1,000,000.00 x min(4.35%, 1%) x 91 days (04-01..06-30) / 360 = 910,000/360 = 2527.777.. -> 2527.78
#   乙: (min(12,000,000, 10,000,000) x 52 days (05-10..06-30) + 5,000,000 x 31 days (07-01..07-31))
#       x 0.8% / 360 = 675,000,000 x 0.008 / 360 = 15000.00
#   丙: individual_business (not small/micro) and applied 2022-03-31 (before 04-01): two reasons, 0.00
# The exact values in the receipts, in lowest terms: 甲 910000/360 = 22750/9; 乙 15000.
# The total: 2527.78 + 15000.00 + 0.00 = 17527.78, 壹万柒仟伍佰贰拾柒元柒角捌分, 2 of 3 eligible.
"$ZJCREDIT" subsidy "$LOANS" --json >out.json || fail "subsidy --json"
[ "$(first3 out.json)" = "efbbbf" ] && fail "JSON output has a BOM"
/usr/bin/python3 - <<'PY' || fail "not the expected JSON"
import json
d = json.load(open("out.json", encoding="utf-8"))
for r in d["results"]:
    u = r["receipt"]["unrounded"]
    print(r["receipt"]["inputs"]["borrower"], r["eligible"], r["amount"], [x["code"] for x in r["reasons"]],
          "{}/{}".format(u["numerator"], u["denominator"]) if u else None, r["receipt"]["result"])
print(d["total"])
PY
