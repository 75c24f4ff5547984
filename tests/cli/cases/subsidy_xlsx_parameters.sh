. "$CASES/../lib.bash"
# The 说明 sheet lists the rule's parameters as a reader of the workbook's
# language reads them: the name, the code (--set's), the value ("未设定", not
# an empty cell, for one not set) and the source; a value this run set with
# --set is named as such, with the plan's value (10000000.00, 1000万元). In the
# Chinese workbook the codes of a day basis, a rounding mode and borrower kinds
# read in words (the 代码 column and --set keep the codes).
"$ZJCREDIT" subsidy "$LOANS" --set first_loan_subsidy.balance_cap=50万 --set first_loan_subsidy.rounding=half_even \
    -o out.csv --xlsx zh.xlsx || fail "subsidy --xlsx"
"$ZJCREDIT" subsidy "$LOANS" --lang en -o out_en.csv --xlsx en.xlsx || fail "subsidy --xlsx --lang en"
/usr/bin/python3 - <<'PY' || fail "not the expected explanation sheet"
import openpyxl
for path, sheet in (("zh.xlsx", "说明"), ("en.xlsx", "about")):
    ws = openpyxl.load_workbook(path)[sheet]
    rows = [r for r in ws.iter_rows(values_only=True) if r[0] is not None]
    at = next(i for i, r in enumerate(rows) if r[0] in ("参数", "Parameter"))
    print(" | ".join(rows[at]))
    for r in rows[at + 1:]:
        if r[1] in ("balance_cap", "basis", "rounding", "eligible_kinds", "max_subsidy_days"):
            print(" | ".join(r))
PY
