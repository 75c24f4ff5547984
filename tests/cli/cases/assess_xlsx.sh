. "$CASES/../lib.bash"
# assess --xlsx: the verdicts of assess.sh as a workbook, figures as exact text in the unit each
# target is stated in (sme_credit_loans: 250 亿元 observed against 250, margin 0; sme_guarantee_loans:
# 2.1 亿元 against 2.2, margin -0.1, i.e. -1000万元; inclusive_sme_borrowers: 53100 户 against 52000).
"$ZJCREDIT" assess "$OBSERVATIONS" --xlsx out.xlsx -o out.csv || fail "assess --xlsx"
/usr/bin/python3 - <<'PY' || fail "not the expected workbook"
import openpyxl
ws = openpyxl.load_workbook("out.xlsx").worksheets[0]
rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
for t in ("sme_credit_loans", "sme_guarantee_loans", "inclusive_sme_borrowers"):
    print(t, rows[t][1], rows[t][3], repr(rows[t][4]), repr(rows[t][5]), repr(rows[t][6]))
PY
