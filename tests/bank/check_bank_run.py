#!/usr/bin/python3
"""The bank's own files through `zjcredit subsidy`, checked against an
independent computation (make_bank_files.py, subsidy_oracle.py).

usage: check_bank_run.py ZJCREDIT WORKDIR [--verbose]

In WORKDIR (created, its old contents replaced) it writes the bank's files,
then runs
  zjcredit subsidy loans.csv  --repayments repayments.csv --period 2022-04-01..2022-06-30
                              --group-by 经办机构 -o out.csv
  zjcredit subsidy loans.xlsx --repayments repayments.csv --period 2022-04-01..2022-06-30
                              --group-by 经办机构 -o out_xlsx.csv --xlsx out.xlsx
and compares each output with expected.json: every loan (借款人, 借据号,
经办机构, 是否符合, 贴息金额, 原因; columns found by name), the subtotal of
each 经办机构, the total and its 大写; out.xlsx's amounts as numbers. Then the
refusals: a bare 利率 header (no unit) and --rate-unit fraction (4.35 read as
435%) must exit 2 quoting the cell. Prints every difference; exits 1 on any.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_bank_files  # noqa: E402

PERIOD = "2022-04-01..2022-06-30"
TIMEOUT_SECONDS = 120
# The columns checked; the rest of the header (the carried columns) is the
# lead's to arrange and is only reported.
CHECKED = ["借款人", "借据号", "经办机构", "是否符合", "贴息金额", "原因"]
SUBTOTAL, TOTAL = "小计", "合计"


class Report:
    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, where: str, text: str) -> None:
        self.problems.append(f"{where}: {text}")

    def same(self, where: str, what: str, got, want) -> None:
        if got != want:
            self.fail(where, f"{what} is {got!r}, expected {want!r}")


def run(zjcredit: str, work: Path, args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([zjcredit, "subsidy", *args], cwd=work, capture_output=True, timeout=TIMEOUT_SECONDS)


def describe(proc: subprocess.CompletedProcess) -> str:
    return (f"exit {proc.returncode}; stderr: {proc.stderr.decode('utf-8', 'replace').strip()[:600]!r}; "
            f"stdout: {proc.stdout.decode('utf-8', 'replace').strip()[:200]!r}")


def check_rows(name: str, header: list[str], rows: list[list[str]], exp: dict, report: Report,
               amount_text=lambda v: v) -> None:
    """The loan, subtotal and total rows of one output against expected.json.
    amount_text turns a 贴息金额 cell into the text compared (the identity
    for CSV)."""
    missing = [c for c in CHECKED + ["说明"] if c not in header]
    if missing:
        report.fail(name, f"header {header} lacks {missing}")
        return
    at = {c: header.index(c) for c in header}
    if header[:2] != ["借款人", "借据号"] or header[-4:] != ["是否符合", "贴息金额", "原因", "说明"]:
        report.fail(name, f"header {header}: expected 借款人,借据号 first and 是否符合,贴息金额,原因,说明 last")
    loans = exp["loans"]
    want_rows = len(loans) + len(exp["subtotals"]) + 1
    if len(rows) != want_rows:
        report.fail(name, f"{len(rows)} rows after the header, expected {want_rows} "
                          f"({len(loans)} loans, {len(exp['subtotals'])} subtotals, 1 total)")
    cell = lambda row, col: row[at[col]] if at[col] < len(row) else None  # noqa: E731
    for i, (loan_id, want) in enumerate(loans.items()):
        if i >= len(rows):
            break
        row, where = rows[i], f"{name} row {i + 1} ({loan_id})"
        report.same(where, "借据号", cell(row, "借据号"), loan_id)
        if cell(row, "借据号") != loan_id:
            continue  # out of order: the rest would only repeat it
        report.same(where, "借款人", cell(row, "借款人"), want["borrower"])
        report.same(where, "经办机构", cell(row, "经办机构"), want["branch"])
        report.same(where, "是否符合", cell(row, "是否符合"), "是" if want["eligible"] else "否")
        report.same(where, "贴息金额", amount_text(cell(row, "贴息金额")), want["amount"])
        report.same(where, "原因", cell(row, "原因") or "", ";".join(want["reasons"]))
    tail = rows[len(loans):]
    for j, (branch, subtotal) in enumerate(exp["subtotals"].items()):
        if j >= len(tail):
            report.fail(name, f"no subtotal row for {branch}")
            continue
        where = f"{name} subtotal row {j + 1} ({branch})"
        report.same(where, "借款人", cell(tail[j], "借款人"), SUBTOTAL)
        report.same(where, "经办机构", cell(tail[j], "经办机构"), branch)
        report.same(where, "贴息金额", amount_text(cell(tail[j], "贴息金额")), subtotal)
    if len(tail) > len(exp["subtotals"]):
        total = tail[len(exp["subtotals"])]
        report.same(f"{name} total row", "借款人", cell(total, "借款人"), TOTAL)
        report.same(f"{name} total row", "贴息金额", amount_text(cell(total, "贴息金额")), exp["total"])
        if exp["total_words"] not in (cell(total, "说明") or ""):
            report.fail(f"{name} total row", f"说明 {cell(total, '说明')!r} lacks the 大写 {exp['total_words']!r}")
    else:
        report.fail(name, "no total row")


def check_csv(path: Path, exp: dict, report: Report) -> None:
    name = path.name
    if not path.exists():
        report.fail(name, "not written")
        return
    data = path.read_bytes()
    if not data.startswith(b"\xef\xbb\xbf"):
        report.fail(name, "does not start with the UTF-8 BOM")
    if data.count(b"\n") != data.count(b"\r\n") or not data.endswith(b"\r\n"):
        report.fail(name, "lines do not all end with CRLF")
    try:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    except UnicodeDecodeError as e:
        report.fail(name, f"not UTF-8: {e}")
        return
    if not rows:
        report.fail(name, "empty")
        return
    header = rows[0]
    if header != make_bank_files.EXPECTED_HEADER:
        print(f"note: {name} header is {','.join(header)}\n"
              f"      the brief's header is {','.join(make_bank_files.EXPECTED_HEADER)}")
    check_rows(name, header, rows[1:], exp, report)


def xlsx_amount(value) -> str | None:
    """A 贴息金额 cell of out.xlsx as money text, or a note that it is not a number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"not a number: {value!r}"
    # The float Excel stores, to the 分: repr is its shortest exact decimal.
    return str(Decimal(repr(value)).quantize(Decimal("0.01")))


def check_xlsx(path: Path, exp: dict, report: Report) -> None:
    import openpyxl

    name = path.name
    if not path.exists():
        report.fail(name, "not written")
        return
    ws = openpyxl.load_workbook(path).active
    values = [list(r) for r in ws.iter_rows(values_only=True)]
    # the header is the first row naming 借款人 and 贴息金额 (a title may stand above it)
    at = next((i for i, r in enumerate(values[:10]) if "借款人" in r and "贴息金额" in r), None)
    if at is None:
        report.fail(name, f"no header row with 借款人 and 贴息金额 in the first rows: {values[:3]}")
        return
    header = ["" if v is None else str(v) for v in values[at]]
    rows = [[c if c is None or isinstance(c, (int, float)) else str(c) for c in r] for r in values[at + 1:]]
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    amount_col = header.index("贴息金额")
    text_rows = [[(v if i == amount_col else ("" if v is None else str(v))) for i, v in enumerate(r)] for r in rows]
    check_rows(name, header, text_rows, exp, report, amount_text=xlsx_amount)


def check_refusals(zjcredit: str, work: Path, report: Report) -> None:
    """A bare rate is never guessed: without a unit it is refused, and read
    as a fraction it is implausible (435%)."""
    original = (work / "loans.csv").read_bytes().decode("gb18030")
    header, rest = original.split("\r\n", 1)
    assert "利率(%)" in header.split(",")
    (work / "loans_bare_rate.csv").write_bytes(
        ",".join("利率" if c == "利率(%)" else c for c in header.split(",")).encode("gb18030") + b"\r\n"
        + rest.encode("gb18030"))
    first_rate = next(csv.DictReader(io.StringIO(original, newline="")))["利率(%)"]
    assert first_rate == "4.35"
    common = ["--repayments", "repayments.csv", "--period", PERIOD, "--group-by", "经办机构", "-o", "out_refused.csv"]
    cases = [
        ("bare 利率", ["loans_bare_rate.csv", *common], [first_rate, "--rate-unit"]),
        ("--rate-unit fraction", ["loans_bare_rate.csv", *common, "--rate-unit", "fraction"], [first_rate, "24%"]),
    ]
    for what, args, needles in cases:
        (work / "out_refused.csv").unlink(missing_ok=True)
        proc = run(zjcredit, work, args)
        stderr = proc.stderr.decode("utf-8", "replace")
        if proc.returncode != 2:
            report.fail(what, f"exit {proc.returncode}, expected 2; {describe(proc)}")
        for needle in needles:
            if needle not in stderr:
                report.fail(what, f"stderr does not contain {needle!r}: {stderr.strip()[:400]!r}")
        if (work / "out_refused.csv").exists():
            report.fail(what, "an output file was left although the run was refused")


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv[1:] if a != "--verbose"]
    if len(args) != 2:
        print("usage: check_bank_run.py ZJCREDIT WORKDIR [--verbose]", file=sys.stderr)
        return 2
    zjcredit, work = str(Path(args[0]).resolve()), Path(args[1])
    if work.exists():
        shutil.rmtree(work)
    exp = make_bank_files.write(work)
    report = Report()
    common = ["--repayments", "repayments.csv", "--period", PERIOD, "--group-by", "经办机构"]
    for what, args_, outputs in [
        ("csv run", ["loans.csv", *common, "-o", "out.csv"], ["out.csv"]),
        ("xlsx run", ["loans.xlsx", *common, "-o", "out_xlsx.csv", "--xlsx", "out.xlsx"], ["out_xlsx.csv", "out.xlsx"]),
    ]:
        proc = run(zjcredit, work, args_)
        if verbose or proc.returncode != 0:
            print(f"{what}: {describe(proc)}")
        if proc.returncode != 0:
            report.fail(what, f"exit {proc.returncode}, expected 0")
        for out in outputs:
            (check_xlsx if out.endswith(".xlsx") else check_csv)(work / out, exp, report)
    check_refusals(zjcredit, work, report)
    for p in report.problems:
        print(p)
    print(f"bank files: {len(exp['loans'])} loans, {len(exp['subtotals'])} 经办机构, total {exp['total']}; "
          f"{len(report.problems)} difference(s)")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
