#!/usr/bin/python3
"""A straightforward Python `csv` + `decimal` version of `zjcredit subsidy FILE -o OUT --keep-going`:
the reference the CLI is timed against in run_bench.py (measure_cli).

    reference_cli.py LOANS.csv -o OUT.csv [--rejects REJECTS.csv]

Written from the rule's text (docs/records.md §2, /work/shared/DESIGN.md), not
by calling zjcredit: the 2022 plan's parameters are written out below. Reads
the CLI's CSV input (one row per balance range; the consecutive rows with the
same `borrower` are one loan), computes

    subsidy = round_half_up( Σ_{period days} min(balance, 10000000.00) × min(1%, rate) / 360 )

exactly with `decimal` (one rounding, to the 分), and writes the CLI's output
columns (borrower, eligible, amount, reasons, 说明) as UTF-8 CSV with a BOM and
CRLF; a loan in error goes to the rejects file (line, error, its rows) instead.
Exit status 1 when a loan was rejected, as the CLI with --keep-going.
"""

import argparse
import csv
import datetime as dt
import sys
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, getcontext

# The 2022 plan (湛金函〔2022〕86号, measure 一) as the rule's text gives it.
WINDOW_FROM = dt.date(2022, 4, 1)
WINDOW_TO = dt.date(2022, 6, 30)
BALANCE_CAP = Decimal("10000000.00")  # 1000万元, 不超过: included
RATE_CEILING = Decimal("0.01")  # 1%, 不高于
BASIS = Decimal(360)  # actual/360
ELIGIBLE_KINDS = {"small", "micro"}
KINDS = {"small", "micro", "individual_business"}
CENT = Decimal("0.01")
ONE_DAY = dt.timedelta(days=1)

# reason code -> its explanation (the 说明 column), in the order the checks are made
REASONS = {
    "application_outside_window": "首次贷款申请日期 {app} 不在 {window_from} 至 {window_to} 之间",
    "borrower_kind_not_eligible": "借款人类型（{kind}）不是小型企业或微型企业",
    "not_via_platform": "未通过广东省中小企业融资平台申请",
    "lender_not_local_legal_person": "贷款机构不是地方法人金融机构",
    "not_first_loan": "不是借款人的首次贷款",
}

PER_LOAN = ("borrower", "borrower_kind", "first_application_date", "via_platform", "local_legal_person_lender",
            "first_loan", "annual_rate", "period_from", "period_to")
COLUMNS = PER_LOAN + ("balance_from", "balance_to", "balance")
TRUE = {"true", "1", "yes", "y", "Y", "TRUE", "True", "是"}
FALSE = {"false", "0", "no", "n", "N", "FALSE", "False", "否"}


class RowError(Exception):
    pass


def amount(text, field):
    s = text.replace(",", "").strip()
    mult = 1
    if s.endswith("元"):
        s = s[:-1]
    if s.endswith("亿"):
        s, mult = s[:-1], 100_000_000
    elif s.endswith("万"):
        s, mult = s[:-1], 10_000
    try:
        v = Decimal(s) * mult
    except InvalidOperation:
        raise RowError(f"{field}: not an amount: {text!r}") from None
    if v != v.quantize(CENT):
        raise RowError(f"{field}: more than 2 decimals: {text!r}")
    return v


def rate(text, field="annual_rate"):
    s = text.strip()
    try:
        return Decimal(s[:-1]) / 100 if s.endswith("%") else Decimal(s)
    except InvalidOperation:
        raise RowError(f"{field}: not a rate: {text!r}") from None


def date(text, field):
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        try:
            y, m, d = text.strip().split("/")
            return dt.date(int(y), int(m), int(d))
        except ValueError:
            raise RowError(f"{field}: not a date: {text!r}") from None


def flag(text, field):
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    raise RowError(f"{field}: expected true or false: {text!r}")


def subsidy(rows):
    """(eligible, amount Decimal, [(reason code, explanation)]) of one loan's rows; RowError if invalid."""
    first = rows[0]
    for r in rows[1:]:
        for c in PER_LOAN:
            if r[c] != first[c]:
                raise RowError(f"{c}: differs from the loan's first row")
    if not first["borrower"]:
        raise RowError("borrower: empty")
    kind = first["borrower_kind"]
    if kind not in KINDS:
        raise RowError(f"borrower_kind: {kind!r}")
    app = date(first["first_application_date"], "first_application_date")
    via = flag(first["via_platform"], "via_platform")
    local = flag(first["local_legal_person_lender"], "local_legal_person_lender")
    first_loan = flag(first["first_loan"], "first_loan")
    r = rate(first["annual_rate"])
    pf = date(first["period_from"], "period_from")
    pt = date(first["period_to"], "period_to")
    ranges = [(date(x["balance_from"], "balance_from"), date(x["balance_to"], "balance_to"),
               amount(x["balance"], "balance")) for x in rows]
    # validation
    if not Decimal(0) < r < Decimal(1):
        raise RowError("annual_rate: must be above 0% and below 100%")
    prev_to = None
    for k, (f, t, b) in enumerate(ranges):
        if t < f:
            raise RowError(f"balances[{k}]: ends before it starts")
        if prev_to is not None and f <= prev_to:
            raise RowError(f"balances[{k}]: out of order or overlapping")
        if b < 0:
            raise RowError(f"balances[{k}].balance: negative")
        prev_to = t
    if pt < pf:
        raise RowError("period: reversed")
    day = pf  # every period day must lie in a range
    for f, t, _ in ranges:
        if t < day:
            continue
        if f > day:
            break
        day = t + ONE_DAY
        if day > pt:
            break
    if day <= pt:
        raise RowError(f"period: {day} is outside the balance schedule")
    # eligibility: every check, in order
    reasons = []
    if not WINDOW_FROM <= app <= WINDOW_TO:
        reasons.append("application_outside_window")
    if kind not in ELIGIBLE_KINDS:
        reasons.append("borrower_kind_not_eligible")
    if not via:
        reasons.append("not_via_platform")
    if not local:
        reasons.append("lender_not_local_legal_person")
    if not first_loan:
        reasons.append("not_first_loan")
    if reasons:
        facts = {"app": app, "window_from": WINDOW_FROM, "window_to": WINDOW_TO, "kind": kind}
        return False, Decimal("0.00"), [(c, REASONS[c].format(**facts)) for c in reasons]
    balance_days = Decimal(0)
    for f, t, b in ranges:
        lo, hi = max(f, pf), min(t, pt)
        if lo <= hi:
            balance_days += min(b, BALANCE_CAP) * ((hi - lo).days + 1)
    value = balance_days * min(RATE_CEILING, r) / BASIS
    return True, value.quantize(CENT, rounding=ROUND_HALF_UP), []


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--rejects")
    args = ap.parse_args()
    getcontext().prec = 60  # exact: nothing here comes near 60 digits
    rejects_path = args.rejects or args.file + ".rejects.csv"
    rejected = 0
    with open(args.file, newline="", encoding="utf-8-sig") as fin, \
            open(args.output, "w", newline="", encoding="utf-8-sig") as fout, \
            open(rejects_path, "w", newline="", encoding="utf-8-sig") as frej:
        reader = csv.reader(fin)
        header = [h.strip() for h in next(reader)]
        missing = [c for c in COLUMNS if c not in header]
        if missing:
            raise SystemExit(f"reference_cli: missing columns {missing}")
        out = csv.writer(fout, lineterminator="\r\n")
        out.writerow(["borrower", "eligible", "amount", "reasons", "说明"])
        rej = csv.writer(frej, lineterminator="\r\n")
        rej.writerow(["line", "error"] + header)
        group, lines = [], []
        key = header.index("borrower")

        def flush():
            nonlocal rejected
            if not group:
                return
            try:
                eligible, value, reasons = subsidy([dict(zip(header, g)) for g in group])
                out.writerow([group[0][key], "true" if eligible else "false", f"{value:.2f}",
                              ";".join(c for c, _ in reasons), "；".join(m for _, m in reasons)])
            except RowError as e:
                rejected += 1
                for line, g in zip(lines, group):
                    rej.writerow([line, f"{args.file}:{lines[0]}: {e}"] + g)
            group.clear()
            lines.clear()

        for line, row in enumerate(reader, start=2):
            if len(row) != len(header):
                flush()
                rejected += 1
                rej.writerow([line, f"row has {len(row)} fields, the header {len(header)}"] + row)
                continue
            if group and row[key] != group[0][key]:
                flush()
            group.append(row)
            lines.append(line)
        flush()
    return 1 if rejected else 0


if __name__ == "__main__":
    sys.exit(main())
