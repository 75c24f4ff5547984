. "$CASES/../lib.bash"
# docs/examples/loans.csv, worked by hand (1% ceiling, actual/360, 1000万 cap, one half-up rounding):
#   甲: 1,000,000.00 x min(4.35%, 1%) x 91 days (04-01..06-30) / 360 = 910,000/360 = 2527.777.. -> 2527.78
#   乙: (min(12,000,000, 10,000,000) x 52 days (05-10..06-30) + 5,000,000 x 31 days (07-01..07-31))
#       x 0.8% / 360 = 675,000,000 x 0.008 / 360 = 15000.00
#   丙: individual_business (not small/micro) and applied 2022-03-31 (before 04-01): two reasons, 0.00
# Columns are found by name, in any order.
/usr/bin/python3 - "$LOANS" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
order = list(reversed(range(len(rows[0]))))
with open("loans.csv", "w", encoding="utf-8", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows([[r[i] for i in order] for r in rows])
PY
rc=0
"$ZJCREDIT" subsidy loans.csv  >out.csv 2>err.txt || rc=$?
[ -s err.txt ] && { cat err.txt >&2; fail "stderr not empty"; }
[ "$(first3 out.csv)" = "efbbbf" ] || fail "output does not start with a UTF-8 BOM"
all_crlf out.csv
plain out.csv | cut -d, -f1-4
exit $rc
