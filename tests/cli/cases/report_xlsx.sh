. "$CASES/../lib.bash"
# report --xlsx on tests/report/data (worked by hand in tests/report/report_test.cpp):
#   sme_credit_loans: 245 亿元 against 250, margin -5, 绿 projected 260 -> 预计达成;
#   sme_guarantee_loans: 1.75 against 2.2, margin -0.45, 红 projected 1.9 -> 风险;
#   platform_financing: 49.5 against 65 (50 x 1.3), 黄 projected 66 -> 预计达成.
# Compliance 2022-09 (due Sunday 09-25 -> Monday 09-26): 市商务局 on time (09-26),
# 市工信局 2 days late (09-28), 市财政局 missing. The chase list: 17 liaison forms
# missing (市商务局 sent one) + 17 September ledgers (all but 市商务局) = 34 rows.
D="$SRC/tests/report/data"
"$ZJCREDIT" report --observations "$D/observations" --ledger "$D/ledgers" -o report.html --xlsx report.xlsx \
  || fail "report --xlsx"
/usr/bin/python3 - <<'PY' || fail "not the expected workbook"
import openpyxl
wb = openpyxl.load_workbook("report.xlsx")
print(wb.sheetnames)
rows = {r[0]: r for r in wb["目标"].iter_rows(min_row=2, values_only=True)}
for t in ("sme_credit_loans", "sme_guarantee_loans", "platform_financing"):
    print(t, rows[t][1], rows[t][2], rows[t][3], rows[t][4], rows[t][5], rows[t][6], rows[t][7])
grid = {r[0]: r[1] for r in wb["报送情况"].iter_rows(min_row=2, values_only=True)}
print(grid["市商务局"], grid["市工信局"], grid["市财政局"])
print(len(list(wb["催报清单"].iter_rows(min_row=2))))
PY
