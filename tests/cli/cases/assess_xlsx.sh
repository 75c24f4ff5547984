. "$CASES/../lib.bash"
# assess --xlsx: the verdicts of assess.sh as a workbook; figures in 元 are numbers (sme_credit_loans:
# 250亿 observed against 250亿, margin 0.00; sme_guarantee_loans: 2.1亿 against 2.2亿, margin -1000万),
# counts stay text (inclusive_sme_borrowers: 53100 against 52000).
"$ZJCREDIT" assess "$OBSERVATIONS" --xlsx out.xlsx -o out.csv || fail "assess --xlsx"
/usr/bin/python3 - <<'PY' || fail "not the expected workbook"
import openpyxl
ws = openpyxl.load_workbook("out.xlsx").worksheets[0]
rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
for t in ("sme_credit_loans", "sme_guarantee_loans", "inclusive_sme_borrowers"):
    print(t, rows[t][1], repr(rows[t][2]), repr(rows[t][3]), repr(rows[t][4]))
PY
