#!/usr/bin/python3
"""A straightforward Python `csv` + `decimal` version of `zjcredit subsidy FILE -o OUT --keep-going`:
the reference the CLI is timed against in run_bench.py (measure_cli).

    reference_cli.py LOANS.csv -o OUT.csv [--rejects REJECTS.csv]

The rule is reference.py's (written from the rule's text, not by calling
zjcredit; the 2022 plan's parameters are written out there). Reads
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
import os
import sys
from decimal import getcontext

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from reference import RowError, amount, date, rate, rule  # noqa: E402  (the rule itself, shared)

PER_LOAN = ("borrower", "borrower_kind", "first_application_date", "via_platform", "local_legal_person_lender",
            "first_loan", "annual_rate", "period_from", "period_to")
COLUMNS = PER_LOAN + ("balance_from", "balance_to", "balance")
TRUE = {"true", "1", "yes", "y", "Y", "TRUE", "True", "是"}
FALSE = {"false", "0", "no", "n", "N", "FALSE", "False", "否"}


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
    ranges = [(date(x["balance_from"], "balance_from"), date(x["balance_to"], "balance_to"),
               amount(x["balance"], "balance")) for x in rows]
    return rule(first["borrower"], first["borrower_kind"],
                date(first["first_application_date"], "first_application_date"),
                flag(first["via_platform"], "via_platform"),
                flag(first["local_legal_person_lender"], "local_legal_person_lender"),
                flag(first["first_loan"], "first_loan"), rate(first["annual_rate"]),
                date(first["period_from"], "period_from"), date(first["period_to"], "period_to"), ranges)


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
