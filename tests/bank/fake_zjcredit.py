#!/usr/bin/python3
"""A stand-in for `zjcredit subsidy` that tests check_bank_run.py itself:
it writes the outputs the brief describes straight from expected.json in
its working directory (so it is right by construction), or, with
FAKE_BREAK=<mistake>, gets one thing wrong, which the checker must catch.
Never a test of zjcredit; see selftest_check_bank_run.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_bank_files  # noqa: E402

BREAK = os.environ.get("FAKE_BREAK", "")


def option(args: list[str], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args else None


def refuse(message: str) -> int:
    print(f"zjcredit: {message}", file=sys.stderr)
    return 1 if BREAK == "refusal_status" else 2


def main(argv: list[str]) -> int:
    args = argv[1:]
    assert args[0] == "subsidy", args
    source = Path(args[1])
    if source.suffix == ".csv":
        header = source.read_bytes().decode("gb18030").split("\r\n", 1)[0].split(",")
        if "利率" in header:
            if option(args, "--rate-unit") == "fraction":
                return refuse('利率 (row 1): "4.35" read as a fraction is 435%, above the plausible 24%')
            return refuse('利率 (row 1): "4.35" is a bare rate; name the column 利率(%) or give --rate-unit')
    exp = json.loads(Path("expected.json").read_text(encoding="utf-8"))
    header = make_bank_files.EXPECTED_HEADER
    rows = []
    for i, (loan_id, v) in enumerate(exp["loans"].items()):
        amount = v["amount"]
        if BREAK == "amount" and i == 6:
            amount = str(Decimal(amount) + Decimal("0.01"))
        reasons = ";".join(v["reasons"])
        if BREAK == "reasons" and v["reasons"]:
            reasons = ";".join(reversed(v["reasons"])) if len(v["reasons"]) > 1 else ""
        row = dict.fromkeys(header, "")
        row.update({"借款人": v["borrower"], "借据号": loan_id, "经办机构": v["branch"],
                    "是否符合": "是" if v["eligible"] else "否", "贴息金额": amount, "原因": reasons})
        rows.append(row)
    if BREAK == "order":
        rows[10], rows[11] = rows[11], rows[10]
    for branch, subtotal in exp["subtotals"].items():
        row = dict.fromkeys(header, "")
        row.update({"借款人": "小计", "经办机构": branch, "贴息金额": subtotal})
        rows.append(row)
    total = dict.fromkeys(header, "")
    total.update({"借款人": "合计", "贴息金额": exp["total"],
                  "说明": "" if BREAK == "words" else f"合计人民币{exp['total_words']}"})
    rows.append(total)
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([r[c] for c in header] for r in rows)
    Path(option(args, "-o")).write_bytes(("" if BREAK == "bom" else "\ufeff").encode() + text.getvalue().encode())
    if option(args, "--xlsx"):
        import openpyxl

        wb = openpyxl.Workbook()
        ws = wb.active
        ws.append(header)
        for r in rows:
            money = r["贴息金额"] if BREAK == "xlsx_text" else float(r["贴息金额"])
            ws.append([money if c == "贴息金额" else r[c] for c in header])
        wb.save(option(args, "--xlsx"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
