#!/usr/bin/python3
"""The benchmarks of issue 7: figures, ratios against references measured in
the same run, goals, and a correctness check.

Usage:
    run_bench.py --bench-binary build/tests/bench/zjcredit_bench
                 [--out build/bench/summary.json] [--loans 1000000] [--ranges 12]
                 [--sample 20000] [--quick] [--strict]
                 [--capi-lib PATH] [--cli PATH] [--cli-rows N] [--cli-big-rows N]

What it does, in one run on one machine:

1. runs the C++ benchmark binary (Google Benchmark, JSON output), which
   generates the loans (fixed seed), times the native batch subsidy, its
   read-and-sum lower bound, the batch reward, the one-at-a-time rule with its
   receipt, one-at-a-time JSON calls through the C ABI, amount / rate
   parsing and the one-record path (step 5); it also writes a sample of the
   loans (every N/sample-th) with the batch's results, after checking those
   rows against the one-at-a-time rule;
2. runs a straightforward pure-Python `decimal` implementation of the same
   rule (docs/records.md §2, under the parameters the sample's first line
   gives) on the sample, times it, and compares every row with the native
   result (status, amount, eligibility, reason bits): any difference fails
   the run, so a fast wrong answer cannot pass;
3. times Python `Decimal(str)` (after the minimal normalisation the strings
   need: commas, 万/亿, %) on the same strings the C++ parser reads;
4. with --capi-lib (the freshly built libzjcredit.so.0): times
   zjcredit.first_loan_subsidy_batch() (bindings/python, through ctypes) on the
   same N loans (the columns the binary dumps) against the Python reference per
   loan (goal >= 50x), and checks it on every row against the native batch and
   on every sampled row against the reference; reports the C ABI JSON calls'
   ns per loan (no goal);
5. the one-record path (tests/bench/one_record.py), each figure per record
   on the same few loans (the 12-range loan of tests/python/test_light.py and
   varied ones, cycled), each against the pure-Python reference on the loan
   dict of docs/records.md §2 (tests/bench/reference.py: decimal, datetime)
   timed in the same run: C++ rules::first_loan_subsidy_json (goal >= 10x),
   C ABI zjc_first_loan_subsidy (>= 5x), the C ABI light call
   zjc_first_loan_subsidy_amount (>= 30x), timed by the binary; with
   --capi-lib, Python zjcredit.first_loan_subsidy(dict) with its receipt
   available but not read (>= 1x) and with receipt=False (>= 2x), best of
   several timings; every path's answer on every loan checked against the
   reference, and the reference against the benchmark loan's hand-worked
   amount;
6. with --cli: generates a CSV of --cli-rows rows (default 1,000,000; the first
   loans of the same data, written by the binary), runs `zjcredit subsidy` and
   tests/bench/reference_cli.py (Python csv + decimal, the same rule from its
   text) on it, compares every loan of both outputs (and the CLI's with the
   native batch), reports the CPU-time ratio (goal >= 20x) and both peak RSS
   (GNU time); then the CLI's peak RSS on --cli-big-rows rows (default
   10,000,000, ~1 GB, removed afterwards) against the first (streaming: goal
   within 10%);
7. the screen (screen_batch, the same loans as ~400,000 borrowers at 5
   lenders) against the batch subsidy of the same run (goal <= 3x);
8. prints a table of every figure, ratio and goal and writes it all, with the
   machine (CPU model, CPUs, load average at the start) and the date, to the
   --out JSON (default build/bench/summary.json).

Times are CPU times of the measuring process (Google Benchmark's cpu_time,
Python's time.process_time, the children's user + sys time from wait4) so
that other work on a shared machine inflates neither side; wall-clock figures
are recorded next to them. Without --capi-lib / --cli the rows that need them
say "not measured" and the run still succeeds.

Exit status: 1 when a correctness check fails (or, with --strict, when a goal
is missed), 0 otherwise.
"""

import argparse
import csv
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal, getcontext

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import one_record  # noqa: E402  (tests/bench/one_record.py)

REFERENCE_PASSES = 3  # the Python reference's time is the median of this many passes over the sample
ROOT = os.path.dirname(os.path.dirname(HERE))

PARSE_STRINGS = {"parse_amount/1,234.56": "1,234.56", "parse_amount/2.2亿": "2.2亿", "parse_rate/4.35%": "4.35%"}

# reason bits of include/zjcredit/rules/batch.hpp
R_APPLICATION_OUTSIDE_WINDOW = 1 << 0
R_BORROWER_KIND_NOT_ELIGIBLE = 1 << 1
R_NOT_VIA_PLATFORM = 1 << 2
R_LENDER_NOT_LOCAL_LEGAL_PERSON = 1 << 3
R_NOT_FIRST_LOAN = 1 << 4
STATUS_VALIDATION = 2
LOAN_VIA_PLATFORM, LOAN_LOCAL_LENDER, LOAN_FIRST_LOAN = 1, 2, 4


# ---------------------------------------------------------------- the Python reference

class Params:
    """The subsidy's parameters as the sample's first line gives them."""

    def __init__(self, p):
        epoch = dt.date(1970, 1, 1)
        self.window_from = epoch + dt.timedelta(days=p["window_from"])
        self.window_to = epoch + dt.timedelta(days=p["window_to"])
        self.balance_cap = Decimal(p["balance_cap"]).scaleb(-2)
        self.rate_ceiling = Decimal(p["rate_ceiling"]).scaleb(-10)
        self.basis = Decimal(p["basis"])
        self.rounding = {"half_up": ROUND_HALF_UP, "half_even": ROUND_HALF_EVEN,
                         "down": ROUND_DOWN, "up": ROUND_UP}[p["rounding"]]
        self.kinds = frozenset(p["eligible_kinds"])


class Loan:
    """A loan as a Python program would hold it: dates, Decimal yuan and rate."""

    __slots__ = ("kind", "app", "via_platform", "local_lender", "first_loan", "rate", "ranges", "pf", "pt")

    def __init__(self, row):
        epoch = dt.date(1970, 1, 1)
        day = lambda n: epoch + dt.timedelta(days=n)  # noqa: E731
        self.kind = row["kind"]
        self.app = day(row["app"])
        self.via_platform = bool(row["flags"] & LOAN_VIA_PLATFORM)
        self.local_lender = bool(row["flags"] & LOAN_LOCAL_LENDER)
        self.first_loan = bool(row["flags"] & LOAN_FIRST_LOAN)
        self.rate = Decimal(row["rate"]).scaleb(-10)
        self.ranges = [(day(f), day(t), Decimal(b).scaleb(-2)) for f, t, b in row["ranges"]]
        self.pf = day(row["pf"])
        self.pt = day(row["pt"])


CENT = Decimal("0.01")
ZERO = Decimal(0)
ONE = Decimal(1)


def subsidy_reference(loan, p):
    """first_loan_subsidy, straightforwardly: returns (status, amount_fen, eligible, reasons)."""
    # validation
    if not (ZERO < loan.rate < ONE) or not loan.ranges:
        return STATUS_VALIDATION, 0, False, 0
    prev = None
    for f, t, bal in loan.ranges:
        if t < f or bal < 0:
            return STATUS_VALIDATION, 0, False, 0
        if prev is not None and (f < prev[0] or f <= prev[1]):
            return STATUS_VALIDATION, 0, False, 0
        prev = (f, t)
    if loan.pt < loan.pf:
        return STATUS_VALIDATION, 0, False, 0
    cursor, covered = loan.pf, False
    for f, t, _ in loan.ranges:
        if t < cursor:
            continue
        if f > cursor:
            break
        if t >= loan.pt:
            covered = True
            break
        cursor = t + dt.timedelta(days=1)
    if not covered:
        return STATUS_VALIDATION, 0, False, 0
    # eligibility, every check
    reasons = 0
    if not (p.window_from <= loan.app <= p.window_to):
        reasons |= R_APPLICATION_OUTSIDE_WINDOW
    if loan.kind not in p.kinds:
        reasons |= R_BORROWER_KIND_NOT_ELIGIBLE
    if not loan.via_platform:
        reasons |= R_NOT_VIA_PLATFORM
    if not loan.local_lender:
        reasons |= R_LENDER_NOT_LOCAL_LEGAL_PERSON
    if not loan.first_loan:
        reasons |= R_NOT_FIRST_LOAN
    if reasons:
        return 0, 0, False, reasons
    # Σ_days min(balance, cap) × min(ceiling, rate) / basis, rounded once
    total = ZERO
    for f, t, bal in loan.ranges:
        lo = max(f, loan.pf)
        hi = min(t, loan.pt)
        if hi < lo:
            continue
        total += min(bal, p.balance_cap) * ((hi - lo).days + 1)
    value = total * min(p.rate_ceiling, loan.rate) / p.basis
    amount = value.quantize(CENT, rounding=p.rounding)
    return 0, int(amount.scaleb(2)), True, 0


def py_parse_amount(text):
    """Decimal(str) after the minimal normalisation: commas out, 万/亿 multiplied, at most 2 decimals."""
    s = text.replace(",", "")
    mult = 1
    if s.endswith("亿"):
        s, mult = s[:-1], 100_000_000
    elif s.endswith("万"):
        s, mult = s[:-1], 10_000
    fen = (Decimal(s) * mult).scaleb(2)
    if fen != fen.to_integral_value():
        raise ValueError("more than 2 decimal places: " + text)
    return int(fen)


def py_parse_rate(text):
    if text.endswith("%"):
        return Decimal(text[:-1]).scaleb(-2)
    return Decimal(text)


# ---------------------------------------------------------------- the C ABI, ctypes and the CLI

CTYPES_PASSES = 5  # the ctypes batch time is the median of this many calls over all loans
MB = 1024 * 1024


def _ctypes_zjcredit(lib_path):
    """The zjcredit package of bindings/python on the freshly built library (as tests/python does)."""
    os.environ["ZJCREDIT_LIBRARY"] = os.path.abspath(lib_path)
    sys.path.insert(0, os.path.join(ROOT, "bindings", "python"))
    import zjcredit  # noqa: E402  (after the environment is set)

    return zjcredit


def _columns(columns_dir):
    import numpy as np

    with open(os.path.join(columns_dir, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    return {name: np.fromfile(os.path.join(columns_dir, name + ".bin"), dtype=spec["dtype"], count=spec["count"])
            for name, spec in manifest.items()}


def measure_ctypes_batch(ctx):
    """zjcredit.first_loan_subsidy_batch(...) via ctypes on the same loans as the native
    batch (the columns the benchmark binary dumped), against the Python reference per
    loan (goal >= 50), with a zero-differences check on every row against the native
    batch and on every sampled row against the reference."""
    import numpy as np

    zjcredit = _ctypes_zjcredit(ctx["capi_lib"])
    col = _columns(ctx["columns_dir"])
    n = len(col["borrower_kind"])
    args = [np.ascontiguousarray(col[k]) for k in ("borrower_kind", "first_application", "flags", "annual_rate",
                                                   "period_from", "period_to", "offsets", "range_from",
                                                   "range_to", "range_balance")]
    print(f"+ ctypes: zjcredit.first_loan_subsidy_batch on {n:,} loans x {CTYPES_PASSES} "
          f"({zjcredit._lib.lib._name})", flush=True)
    cpus, walls, result = [], [], None
    for _ in range(CTYPES_PASSES):
        result = None  # the previous result's arrays are freed before the next call
        c0, w0 = time.process_time(), time.perf_counter()
        result = zjcredit.first_loan_subsidy_batch(*args)
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    cpu, wall = statistics.median(cpus), statistics.median(walls)
    amount, status = np.asarray(result.amount), np.asarray(result.status)
    eligible, reasons = np.asarray(result.eligible), np.asarray(result.reasons)
    # every row against the native batch (C status = -errc code)
    native_differ = ((amount != col["native_amount"]) | (-status != col["native_status"]) |
                     (eligible != col["native_eligible"]) | (reasons != col["native_reasons"]))
    n_native_diff = int(np.count_nonzero(native_differ))
    # every sampled row: ctypes vs native vs the reference
    ref_rows = ctx["reference_results"]
    n_ref_diff = 0
    for i, (r_status, r_amount, r_eligible, r_reasons) in ref_rows:
        got = (-int(status[i]), int(amount[i]), bool(eligible[i]), int(reasons[i]))
        nat = (int(col["native_status"][i]), int(col["native_amount"][i]), bool(col["native_eligible"][i]),
               int(col["native_reasons"][i]))
        if not got == nat == (r_status, r_amount, r_eligible, r_reasons):
            n_ref_diff += 1
    per_loan = cpu / n
    py = ctx["python_seconds_per_loan"]
    ratio = py / per_loan
    wall_ratio = ctx["python_wall_seconds_per_loan"] / (wall / n)
    note = (f"{per_loan * 1e9:.0f} ns/loan in one call (median of {CTYPES_PASSES}); native batch: "
            f"{ctx['native']['subsidy_batch']['cpu_seconds'] / ctx['loans'] * 1e9:.0f} ns/loan")
    rows = [row("ctypes_batch_vs_python_decimal", f"Python batch via ctypes, {n:,} loans", cpu, "s",
                f"Python decimal: {py * 1e6:.1f} us/loan x {n:,} = {py * n:.1f} s", ratio, ">= 50",
                meets(ratio, ">= 50"), note=note + ("" if meets(ratio, ">= 50") else
                                                    f"; MISSED by {50 / ratio:.2f}x"),
                wall={"ctypes_seconds": wall, "ratio": wall_ratio, "cpu_seconds_each": cpus}),
            row("ctypes_vs_native_differences", f"ctypes vs native batch, all {n:,} loans", float(n_native_diff),
                "rows differ", "amount, status, eligible, reasons", None, "== 0", meets(n_native_diff, "== 0")),
            row("ctypes_native_reference_differences",
                f"ctypes vs native vs Python reference, {len(ref_rows):,} sampled loans", float(n_ref_diff),
                "rows differ", None, None, "== 0", meets(n_ref_diff, "== 0"))]
    for r in rows[:1]:
        r["ns_per_loan"] = per_loan * 1e9
    return rows


def measure_capi_json(ctx):
    """One-at-a-time JSON calls through the C ABI (zjc_first_loan_subsidy + zjc_string_free),
    timed in C++ by the benchmark binary (capi_json_one_at_a_time); ns per loan, no goal."""
    c = ctx["native"].get("capi_json_one_at_a_time")
    if not c:
        return None
    loans = int(c["rows"] or 0)
    per = c["cpu_seconds"] / max(loans, 1)
    py = ctx["python_seconds_per_loan"]
    mism = c.get("mismatches")
    out = [row("capi_json_one_at_a_time", f"C ABI one-at-a-time JSON calls, {loans:,} loans", per * 1e9, "ns/loan",
               f"Python decimal: {py * 1e9:,.0f} ns/loan", py / per,
               note="zjc_first_loan_subsidy(plan, loan_json, &out) + zjc_string_free: JSON parse, rule, receipt, "
                    "JSON result; a convenience path, not the hot one (ratio: vs the Python reference)",
               wall={"ns_per_loan": c["real_seconds"] / max(loans, 1) * 1e9}),
           row("capi_json_vs_batch_differences", f"C ABI JSON results vs native batch, same {loans:,} loans",
               None if mism is None else float(mism), "rows differ", f"{int(c.get('errors') or 0):,} errors",
               None, "== 0", meets(mism, "== 0"))]
    out[0]["ns_per_loan"] = per * 1e9
    return out


def measure_one_record(ctx):
    """The one-record path (one_record.py): the binary's C++ JSON call, C ABI JSON
    call and light call per record, and (with --capi-lib) the Python binding's
    two calls, each against the pure-Python reference on the same loans in the
    same run; zero differences from the reference on every loan and path."""
    quick = ctx["quick"]
    want = one_record.reference_answers()
    zjcredit = _ctypes_zjcredit(ctx["capi_lib"]) if ctx["capi_lib"] else None
    k = len(one_record.LOANS)
    print(f"+ one record: Python reference{' and zjcredit.first_loan_subsidy' if zjcredit else ''} on {k} loans, "
          f"best of {one_record.REPEATS}", flush=True)
    best, passes = one_record.time_python(zjcredit, 0.03 if quick else 0.15)
    ref = best["reference"]
    ref_text = f"Python reference: {ref * 1e6:.1f} µs/loan"
    nat = ctx["native"]
    rows = []

    def goal_row(rid, what, per, goal, note, wall=None):
        ratio = ref / per
        met = meets(ratio, goal)
        target = float(goal.split()[1])
        rows.append(row(rid, what, per * 1e6, "µs/loan", ref_text, ratio, goal, met,
                        note=note + ("" if met else f"; MISSED by {target / ratio:.2f}x"), wall=wall))
        rows[-1]["ns_per_loan"] = per * 1e9

    for rid, name, what, goal, note in (
            ("one_record_cpp_json", "one_record_json", "C++ one record from its JSON text, with receipt", ">= 10",
             "rules::first_loan_subsidy_json(text, plan): parse, rule, result and receipt as JSON text"),
            ("one_record_capi_json", "one_record_capi_json", "C ABI one record, JSON result with receipt", ">= 5",
             "zjc_first_loan_subsidy(plan, json, &out) + zjc_string_free"),
            ("one_record_capi_light", "one_record_capi_light", "C ABI light call, one record", ">= 30",
             "zjc_first_loan_subsidy_amount(plan, json, &fen, &eligible, &reasons)")):
        f = nat.get(name)
        if not f or not f.get("rows"):
            rows.append(not_measured(rid, what, goal, "the benchmark binary gave no " + name))
            continue
        per = f["cpu_seconds"] / f["rows"]
        goal_row(rid, what, per, goal, note + f" (median of 3 runs of the {k} loans)",
                 wall={"ns_per_loan": f["real_seconds"] / f["rows"] * 1e9})
    if zjcredit:
        goal_row("one_record_python", "Python first_loan_subsidy(dict), receipt on demand", best["receipt"], ">= 1",
                 "zjcredit.first_loan_subsidy(d).amount: dict to JSON text, C ABI, result (receipt not read)")
        goal_row("one_record_python_light", "Python first_loan_subsidy(dict, receipt=False)",
                 best["receipt_false"], ">= 2", "zjcredit.first_loan_subsidy(d, receipt=False).amount")
    else:
        for rid, what, goal in (("one_record_python", "Python first_loan_subsidy(dict), receipt on demand", ">= 1"),
                                ("one_record_python_light", "Python first_loan_subsidy(dict, receipt=False)", ">= 2")):
            rows.append(not_measured(rid, what, goal, "no --capi-lib given"))
    for r in rows:
        r.setdefault("details", {"loans": k, "python_best_seconds_per_loan": best, "python_passes": passes})

    # every loan, every path, against the reference; the reference against the hand-worked amount
    n_diff, first = 0, []
    if ctx["one_record_results"] and os.path.exists(ctx["one_record_results"]):
        n, d = one_record.native_differences(ctx["one_record_results"], want)
        n_diff, first = n_diff + n, first + d
    else:
        n_diff, first = n_diff + 1, first + [{"native": "no results from the benchmark binary"}]
    if zjcredit:
        n, d = one_record.python_differences(zjcredit, want)
        n_diff, first = n_diff + n, first + d
    if want[0][1] != one_record.LOAN_FEN:
        n_diff, first = n_diff + 1, first + [{"reference": want[0], "by_hand": one_record.LOAN_FEN}]
    paths = "C++ JSON call, C ABI JSON text, light call" + (", Python with and without receipt" if zjcredit else "")
    rows.append(row("one_record_differences", f"one-record paths vs Python reference, {k} loans", float(n_diff),
                    "loans differ", f"reference {want[0][1] / 100:.2f}, by hand {one_record.LOAN_FEN / 100:.2f}",
                    None, "== 0", meets(n_diff, "== 0"),
                    note=f"paths: {paths}; reference: the benchmark loan's amount"
                         + ("" if not first else f"; first differences: {first}")))
    return rows


GNU_TIME = "/usr/bin/time"  # Debian package `time`


def run_child(cmd):
    """Runs cmd; (exit code, wall s, CPU s of the child (user + sys), peak RSS bytes of the child, stderr).

    The peak RSS is GNU time's %M (the command's own ru_maxrss, measured by a
    small process that forks it). Not wait4()'s ru_maxrss of our own child:
    Python starts children with vfork, and Linux then counts this (large)
    process's RSS as the child's peak from its exec on. The CPU time is
    wait4()'s user + sys of the child, GNU time and the command (GNU time's own
    share is about a millisecond)."""
    print("+ " + " ".join(cmd), flush=True)
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r", suffix=".rss") as rss:
        wrapped = [GNU_TIME, "-f", "%M", "-o", rss.name] + list(cmd) if os.path.exists(GNU_TIME) else list(cmd)
        w0 = time.perf_counter()
        proc = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage (and its reaped children's)
        wall = time.perf_counter() - w0
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        peak = None
        if wrapped[0] == GNU_TIME:
            lines = [l for l in rss.read().splitlines() if l.strip()]
            if lines and lines[-1].strip().isdigit():
                peak = int(lines[-1]) * 1024
    return proc.returncode, wall, usage.ru_utime + usage.ru_stime, peak, text


def _read_outcomes(path):
    """The (borrower, eligible, amount, reasons) of every row of a subsidy output CSV, in order."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = csv.reader(f)
        head = next(r)
        assert head[:4] == ["borrower", "eligible", "amount", "reasons"], head
        rows = [(x[0], x[1], x[2], x[3]) for x in r]
    # the CLI's last row is the total (--lang en: "Total"); the rows compared are the loans'
    if rows and rows[-1][0] == "Total":
        rows.pop()
    return rows


def _read_rejected(path):
    if not os.path.exists(path):
        return set()
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = csv.reader(f)
        head = next(r)
        k = head.index("borrower")
        return {x[k] for x in r}


def _gen_csv(ctx, path, rows):
    loans = -(-rows // ctx["ranges"])  # whole loans; the first k loans do not depend on --loans
    code, wall, _, _, err = run_child([ctx["bench_binary"], "--no-bench", f"--loans={loans}",
                                       f"--ranges={ctx['ranges']}", f"--dump-csv={path}", f"--csv-rows={rows}"])
    if code != 0:
        raise SystemExit(f"run_bench: generating {path} failed: {err}")
    with open(path, "rb") as f:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b"")) - 1
    return lines, wall, os.path.getsize(path)


def measure_cli(ctx):
    """`zjcredit subsidy` on a generated CSV of 1M rows vs tests/bench/reference_cli.py (Python
    csv + decimal) on the same file (goal >= 20x, CPU time of each child), peak RSS of both,
    zero differences on every row (CLI vs Python, and CLI vs the native batch), and the CLI's
    peak RSS on 10M rows vs 1M rows (streaming: goal within 10%)."""
    work = os.path.join(ctx["work_dir"], "cli")
    os.makedirs(work, exist_ok=True)
    cli = ctx["cli"]
    small, big = ctx["cli_rows"], ctx["cli_big_rows"]
    in1 = os.path.join(work, "loans_1m.csv")
    lines1, gen1, size1 = _gen_csv(ctx, in1, small)
    out_cli, rej_cli = os.path.join(work, "out_cli.csv"), os.path.join(work, "rejects_cli.csv")
    out_py, rej_py = os.path.join(work, "out_py.csv"), os.path.join(work, "rejects_py.csv")
    code_c, wall_c, cpu_c, rss_c, err_c = run_child([cli, "subsidy", in1, "--lang", "en", "-o", out_cli, "--keep-going",
                                                     "--rejects", rej_cli])
    if code_c not in (0, 1):
        raise SystemExit(f"run_bench: {cli} failed ({code_c}): {err_c}")
    code_p, wall_p, cpu_p, rss_p, err_p = run_child([sys.executable, os.path.join(HERE, "reference_cli.py"), in1,
                                                     "-o", out_py, "--rejects", rej_py])
    if code_p not in (0, 1):
        raise SystemExit(f"run_bench: reference_cli.py failed ({code_p}): {err_p}")

    # every row: the CLI against the Python script, and against the native batch
    cli_rows, py_rows = _read_outcomes(out_cli), _read_outcomes(out_py)
    cli_rej, py_rej = _read_rejected(rej_cli), _read_rejected(rej_py)
    diff_py = sum(1 for a, b in zip(cli_rows, py_rows) if a != b) + abs(len(cli_rows) - len(py_rows))
    diff_py += len(cli_rej ^ py_rej)
    diff_native = None
    if ctx.get("columns_dir"):
        col = _columns(ctx["columns_dir"])
        diff_native = 0
        for borrower, eligible, amount, _ in cli_rows:
            i = int(borrower[1:])
            fen = Decimal(amount).scaleb(2)
            if (col["native_status"][i] != 0 or int(fen) != fen or int(fen) != int(col["native_amount"][i])
                    or (eligible == "true") != bool(col["native_eligible"][i])):
                diff_native += 1
        diff_native += sum(1 for b in cli_rej if col["native_status"][int(b[1:])] == 0)
        loans_in_file = -(-lines1 // ctx["ranges"])
        diff_native += abs(loans_in_file - len(cli_rows) - len(cli_rej))
    loans1 = len(cli_rows) + len(cli_rej)
    for path in (in1, out_cli, rej_cli, out_py, rej_py):
        os.remove(path)

    # streaming: the CLI's peak RSS on the big file
    in2 = os.path.join(work, "loans_10m.csv")
    lines2, gen2, size2 = _gen_csv(ctx, in2, big)
    out2, rej2 = os.path.join(work, "out_cli_10m.csv"), os.path.join(work, "rejects_cli_10m.csv")
    code_b, wall_b, cpu_b, rss_b, err_b = run_child([cli, "subsidy", in2, "--lang", "en", "-o", out2, "--keep-going",
                                                     "--rejects", rej2])
    for path in (in2, out2, rej2):
        if os.path.exists(path):
            os.remove(path)
    if code_b not in (0, 1):
        raise SystemExit(f"run_bench: {cli} on {big:,} rows failed ({code_b}): {err_b}")

    ratio = cpu_p / cpu_c
    goal_met = meets(ratio, ">= 20")
    info = {"rows": lines1, "loans": loans1, "file_bytes": size1, "generate_seconds": gen1,
            "cli": {"cpu_seconds": cpu_c, "wall_seconds": wall_c, "peak_rss_bytes": rss_c, "exit": code_c},
            "python": {"cpu_seconds": cpu_p, "wall_seconds": wall_p, "peak_rss_bytes": rss_p, "exit": code_p},
            "big": {"rows": lines2, "file_bytes": size2, "generate_seconds": gen2, "cpu_seconds": cpu_b,
                    "wall_seconds": wall_b, "peak_rss_bytes": rss_b, "exit": code_b}}
    rows = [row("cli_vs_python_csv_decimal", f"CLI `zjcredit subsidy`, {lines1:,} rows ({loans1:,} loans)", cpu_c, "s",
                f"Python csv+decimal: {cpu_p:.1f} s", ratio, ">= 20", goal_met,
                note=(f"{cpu_c / lines1 * 1e9:,.0f} ns/row CLI vs {cpu_p / lines1 * 1e9:,.0f} ns/row Python"
                      + ("" if goal_met else f"; MISSED: {ratio:.2f}x, {20 / ratio:.1f}x short of 20x")),
                wall={"cli_seconds": wall_c, "python_seconds": wall_p, "ratio": wall_p / wall_c})]
    if rss_c and rss_p:
        rows.append(row("cli_peak_rss", f"peak RSS, CLI vs Python script, {lines1:,} rows", rss_c / MB, "MiB",
                        f"Python: {rss_p / MB:.1f} MiB", rss_p / rss_c, note="ratio: Python / CLI; GNU time %M"))
    else:
        rows.append(not_measured("cli_peak_rss", "peak RSS, CLI vs Python script", None, f"no {GNU_TIME}"))
    rows.append(row("cli_vs_python_differences", f"CLI vs Python csv+decimal, every loan of {lines1:,} rows",
                    float(diff_py), "rows differ", f"{len(cli_rej):,} loans rejected by both" if cli_rej == py_rej
                    else f"rejected: CLI {len(cli_rej):,}, Python {len(py_rej):,}", None, "== 0",
                    meets(diff_py, "== 0")))
    if rss_c and rss_b:
        rss_ratio = rss_b / rss_c
        rss_met = abs(rss_ratio - 1) < 0.10
        rows.append(row("cli_streaming_rss", f"CLI peak RSS, {lines2:,} rows vs {lines1:,}", rss_b / MB, "MiB",
                        f"{lines1:,} rows: {rss_c / MB:.1f} MiB", rss_ratio, "< 1.10", rss_met,
                        note=f"{size2 / 1e9:.2f} GB file, CLI {cpu_b:.1f} s CPU" +
                             ("" if rss_met else f"; MISSED: RSS grows {100 * (rss_ratio - 1):.0f}% with "
                                                 f"{lines2 / lines1:.0f}x the rows")))
    else:
        rows.append(not_measured("cli_streaming_rss", "CLI peak RSS, 10M rows vs 1M", "< 1.10", f"no {GNU_TIME}"))
    if diff_native is not None:
        rows.insert(3, row("cli_vs_native_differences", f"CLI vs native batch, every loan of {lines1:,} rows",
                           float(diff_native), "rows differ", "status, eligible, amount", None, "== 0",
                           meets(diff_native, "== 0")))
    rows[0]["details"] = info
    return rows


# ---------------------------------------------------------------- the table

def row(rid, what, figure=None, unit="", reference=None, ratio=None, goal=None, met=None, note="", wall=None):
    """One line of the table. goal: ">= 100", "<= 4", "== 0" or None (reported only);
    wall: the same comparison in wall-clock time, recorded in the JSON only."""
    out = {"id": rid, "what": what, "figure": figure, "unit": unit, "reference": reference,
           "ratio": ratio, "goal": goal, "met": met, "note": note}
    if wall is not None:
        out["wall_clock"] = wall
    return out


def not_measured(rid, what, goal, why):
    return row(rid, what, goal=goal, note="not measured: " + why)


def meets(value, goal):
    if value is None or goal is None:
        return None
    op, target = goal.split()
    target = float(target)
    return {">=": value >= target, "<=": value <= target, "==": value == target}[op]


def fmt(x):
    if x is None:
        return "-"
    if isinstance(x, float):
        if x == 0:
            return "0"
        if abs(x) >= 1000:
            return f"{x:,.0f}"
        if abs(x) >= 10:
            return f"{x:.1f}"
        return f"{x:.3g}"
    return str(x)


def width(text):
    """Columns `text` takes in a terminal (CJK characters take two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text, w):
    return text + " " * (w - width(text))


def print_table(rows):
    head = ("measurement", "figure", "reference", "ratio", "goal", "")
    lines = []
    for r in rows:
        fig = "-" if r["figure"] is None else f"{fmt(r['figure'])} {r['unit']}".strip()
        ref = "-" if r["reference"] is None else str(r["reference"])
        ratio = "-" if r["ratio"] is None else f"{fmt(r['ratio'])}x"
        verdict = {True: "ok", False: "MISSED", None: ""}[r["met"]]
        lines.append((r["what"], fig, ref, ratio, r["goal"] or "", verdict))
    widths = [max(width(h), *(width(l[i]) for l in lines)) for i, h in enumerate(head)]
    print("  ".join(pad(h, w) for h, w in zip(head, widths)))
    print("  ".join("-" * w for w in widths))
    for l in lines:
        print("  ".join(pad(c, w) for c, w in zip(l, widths)))
    for r in rows:
        if r["note"]:
            print(f"  * {r['what']}: {r['note']}")


# ---------------------------------------------------------------- main

def machine():
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    load = list(os.getloadavg()) if hasattr(os, "getloadavg") else [None, None, None]
    mem = None
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            mem = int(f.readline().split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return {"cpu": model, "cpus": os.cpu_count(), "memory_bytes": mem, "platform": platform.platform(),
            "python": platform.python_version(), "load_average_1min": load[0], "load_average": load,
            "commit": commit}


def run_native(args, work):
    gbench_json = os.path.join(work, "gbench.json")
    sample_file = os.path.join(work, "sample.jsonl")
    cmd = [args.bench_binary, f"--loans={args.loans}", f"--ranges={args.ranges}", f"--sample={args.sample}",
           f"--dump-sample={sample_file}", f"--benchmark_out={gbench_json}", "--benchmark_out_format=json"]
    if args.columns_dir:
        cmd.append(f"--dump-columns={args.columns_dir}")
    if args.one_record:
        one_record.write_loans(args.one_record)
        cmd += [f"--one-record={args.one_record}", f"--one-record-results={args.one_record_results}"]
    if args.quick:
        cmd += ["--enterprises=50000", "--benchmark_min_time=0.1"]
    print("+ " + " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    with open(os.path.join(work, "gbench.log"), "w", encoding="utf-8") as log:
        proc = subprocess.run(cmd, stdout=log, stderr=subprocess.STDOUT, check=False)
    wall = time.perf_counter() - t0
    with open(os.path.join(work, "gbench.log"), encoding="utf-8") as log:
        text = log.read()
    if proc.returncode not in (0, 1):  # 1: the sample disagreed with the one-at-a-time rule (reported below)
        sys.stdout.write(text)
        raise SystemExit(f"run_bench: {args.bench_binary} failed ({proc.returncode})")
    with open(gbench_json, encoding="utf-8") as f:
        data = json.load(f)
    figures = {}
    for b in data["benchmarks"]:
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b["run_name"]
        if b.get("run_type") == "iteration" and name in figures:
            continue
        scale = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}[b.get("time_unit", "ns")]
        figures[name.split("/repeats:")[0]] = {
            "cpu_seconds": b["cpu_time"] * scale,
            "real_seconds": b["real_time"] * scale,
            "items_per_second": b.get("items_per_second"),
            "rows": b.get("rows"),
            "parts": b.get("parts"),
            "mismatches": b.get("mismatches"),
            "errors": b.get("errors"),
            "borrowers": b.get("borrowers"),
            "conflicts": b.get("conflicts"),
            "peak_rss_mb": b.get("peak_rss_mb"),
            "evaluations": b.get("evaluations"),
        }
    return data["context"], figures, sample_file, wall


def run_reference(sample_file):
    getcontext().prec = 60  # far more than any value here needs: exact before the one rounding
    with open(sample_file, encoding="utf-8") as f:
        head = json.loads(f.readline())
        rows = []
        summary = None
        for line in f:
            obj = json.loads(line)
            if "summary" in obj:
                summary = obj["summary"]
            else:
                rows.append(obj)
    params = Params(head["parameters"])
    loans = [Loan(r) for r in rows]  # built beforehand: the rule is what is timed
    cpus, walls = [], []
    for _ in range(REFERENCE_PASSES):
        c0, w0 = time.process_time(), time.perf_counter()
        results = [subsidy_reference(l, params) for l in loans]
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    cpu, wall = statistics.median(cpus), statistics.median(walls)
    diffs = []
    for r, (status, amount, eligible, reasons) in zip(rows, results):
        if (r["status"], r["amount"], bool(r["eligible"]), r["reasons"]) != (status, amount, eligible, reasons):
            diffs.append({"loan": r["i"], "native": [r["status"], r["amount"], r["eligible"], r["reasons"]],
                          "reference": [status, amount, eligible, reasons]})
    return {"head": head, "summary": summary, "sampled": len(rows), "cpu_seconds": cpu, "real_seconds": wall,
            "results": [(r["i"], res) for r, res in zip(rows, results)],
            "passes": REFERENCE_PASSES, "cpu_seconds_each": cpus,
            "differences": len(diffs), "first_differences": diffs[:10],
            "eligible": sum(1 for x in results if x[2]), "errors": sum(1 for x in results if x[0])}


def time_python_parse(text, func, seconds):
    n = 0
    batch = 2000
    c0, w0 = time.process_time(), time.perf_counter()
    while time.process_time() - c0 < seconds:
        for _ in range(batch):
            func(text)
        n += batch
    return n / (time.process_time() - c0), n / (time.perf_counter() - w0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench-binary", default=os.path.join(ROOT, "build", "tests", "bench", "zjcredit_bench"))
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "bench", "summary.json"))
    ap.add_argument("--loans", type=int, default=1_000_000)
    ap.add_argument("--ranges", type=int, default=12)
    ap.add_argument("--sample", type=int, default=20_000)
    ap.add_argument("--quick", action="store_true", help="shorter timings (a smoke run, not for the record)")
    ap.add_argument("--strict", action="store_true", help="exit 1 when a goal is missed")
    ap.add_argument("--capi-lib", help="libzjcredit C ABI shared library (for the ctypes and C ABI rows)")
    ap.add_argument("--cli", help="the zjcredit CLI (for the CLI rows)")
    ap.add_argument("--cli-rows", type=int, help="rows of the CSV the CLI and the Python script read "
                    "(default 1,000,000; 100,000 with --quick)")
    ap.add_argument("--cli-big-rows", type=int, help="rows of the CSV of the CLI's streaming (peak RSS) check "
                    "(default 10,000,000; 1,000,000 with --quick)")
    args = ap.parse_args()
    for name in ("bench_binary", "capi_lib", "cli"):  # a bare file name means this one, not one on PATH
        if getattr(args, name):
            setattr(args, name, os.path.abspath(getattr(args, name)))
    if args.cli_rows is None:
        args.cli_rows = 100_000 if args.quick else 1_000_000
    if args.cli_big_rows is None:
        args.cli_big_rows = 1_000_000 if args.quick else 10_000_000
    if not os.path.exists(args.bench_binary):
        raise SystemExit(f"run_bench: no benchmark binary at {args.bench_binary} "
                         "(configure with -DZJCREDIT_BENCH=ON and build zjcredit_bench)")
    work = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(work, exist_ok=True)
    args.columns_dir = os.path.join(work, "columns") if args.capi_lib else None
    args.one_record = os.path.join(work, "one_record_loans.jsonl")
    args.one_record_results = os.path.join(work, "one_record_results.json")

    started = time.perf_counter()
    machine_at_start = machine()
    context, nat, sample_file, native_wall = run_native(args, work)
    ref = run_reference(sample_file)
    n = args.loans

    rows = []
    # 1. native batch vs the pure-Python decimal reference, per loan, scaled to n loans
    sb = nat["subsidy_batch"]
    py_per_loan = ref["cpu_seconds"] / ref["sampled"]
    py_scaled = py_per_loan * n
    ratio = py_scaled / sb["cpu_seconds"]
    py_wall_scaled = ref["real_seconds"] / ref["sampled"] * n
    rows.append(row("subsidy_batch_vs_python_decimal",
                    f"native batch subsidy, {n:,} loans x {args.ranges} ranges", sb["cpu_seconds"], "s",
                    f"Python decimal: {py_per_loan * 1e6:.1f} us/loan x {n:,} = {py_scaled:.1f} s",
                    ratio, ">= 100", meets(ratio, ">= 100"),
                    note=f"{sb['cpu_seconds'] / n * 1e9:.0f} ns per loan, "
                         f"{sb['cpu_seconds'] / max(sb['parts'] or 1, 1) * 1e9:.1f} ns per balance range",
                    wall={"native_seconds": sb["real_seconds"], "python_seconds_scaled": py_wall_scaled,
                          "ratio": py_wall_scaled / sb["real_seconds"]}))
    # 2. native batch vs the read-and-sum lower bound
    rs = nat["subsidy_read_sum"]
    ratio = sb["cpu_seconds"] / rs["cpu_seconds"]
    rows.append(row("subsidy_batch_vs_read_sum", "native batch vs reading + summing its input once",
                    sb["cpu_seconds"], "s", f"read+sum: {rs['cpu_seconds'] * 1e3:.1f} ms", ratio, "<= 4",
                    meets(ratio, "<= 4"),
                    wall={"native_seconds": sb["real_seconds"], "read_sum_seconds": rs["real_seconds"],
                          "ratio": sb["real_seconds"] / rs["real_seconds"]}))
    # 3. correctness on every sampled row
    rows.append(row("native_vs_python_differences", f"native vs Python reference, {ref['sampled']:,} sampled loans",
                    float(ref["differences"]), "rows differ", f"{ref['eligible']:,} eligible, {ref['errors']:,} errors",
                    None, "== 0", meets(ref["differences"], "== 0")))
    one = (ref["summary"] or {}).get("one_at_a_time_mismatches")
    rows.append(row("batch_vs_one_at_a_time_differences", f"batch vs one-at-a-time rule, same {ref['sampled']:,} loans",
                    None if one is None else float(one), "rows differ", None, None, "== 0", meets(one, "== 0")))
    # 4. reported: the reward batch, the one-at-a-time rule with its receipt
    rb, rr = nat.get("reward_batch"), nat.get("reward_read_sum")
    if rb and rr:
        rows.append(row("reward_batch", f"native batch reward, {int(rb['rows'] or 0):,} enterprises x "
                        f"{int((rb['parts'] or 0) / max(rb['rows'] or 1, 1))} financings", rb["cpu_seconds"], "s",
                        f"read+sum: {rr['cpu_seconds'] * 1e3:.1f} ms", rb["cpu_seconds"] / rr["cpu_seconds"]))
    oa = nat.get("subsidy_one_at_a_time")
    if oa:
        per = oa["cpu_seconds"] / (oa["rows"] or 1)
        rows.append(row("subsidy_one_at_a_time_cpp", "C++ one-at-a-time rule with receipt", per * 1e9, "ns/loan",
                        f"batch: {sb['cpu_seconds'] / n * 1e9:.0f} ns/loan", per / (sb["cpu_seconds"] / n),
                        note="ratio: how much the batch saves over building receipts"))
    # 5. parsing: strings per second, C++ vs Python Decimal(str)
    for name, text in PARSE_STRINGS.items():
        cpp = nat.get(name)
        func = py_parse_rate if name.startswith("parse_rate") else py_parse_amount
        py_cpu, py_wall = time_python_parse(text, func, 0.3 if args.quick else 1.0)
        if cpp:
            cpp_rate = 1.0 / cpp["cpu_seconds"]  # one item per iteration
            rows.append(row(name.replace("/", "_"), f"parse {text!r}", cpp_rate, "strings/s",
                            f"Python Decimal: {py_cpu:,.0f} strings/s", cpp_rate / py_cpu,
                            note="" if name != "parse_amount/1,234.56" else
                            "Python side: Decimal(str) after removing commas, multiplying 万/亿, dividing %"))
    # 6. hooks
    ctx = {"capi_lib": args.capi_lib, "cli": args.cli, "columns_dir": args.columns_dir, "sample_file": sample_file,
           "work_dir": work, "python_seconds_per_loan": py_per_loan, "native": nat, "loans": n,
           "python_wall_seconds_per_loan": ref["real_seconds"] / ref["sampled"], "reference_results": ref["results"],
           "bench_binary": args.bench_binary, "ranges": args.ranges, "cli_rows": args.cli_rows,
           "cli_big_rows": args.cli_big_rows, "quick": args.quick, "one_record_results": args.one_record_results}
    hook_seconds = {}
    hooks = [("ctypes_batch_vs_python_decimal", "Python batch via ctypes vs Python decimal", ">= 50",
              measure_ctypes_batch, args.capi_lib, "--capi-lib"),
             ("capi_json_one_at_a_time", "one-at-a-time JSON calls through the C ABI (ns/loan)", None,
              measure_capi_json, args.capi_lib, "--capi-lib"),
             ("one_record_differences", "the one-record path vs the Python reference", "== 0",
              measure_one_record, args.bench_binary, "--bench-binary"),
             ("cli_vs_python_csv_decimal", "CLI on a 1M-row CSV vs Python csv + decimal (with peak RSS)", ">= 20",
              measure_cli, args.cli, "--cli")]
    for rid, what, goal, hook, path, flag in hooks:
        t0 = time.perf_counter()
        got = hook(ctx) if path else None
        hook_seconds[hook.__name__] = time.perf_counter() - t0
        if got:
            rows.extend(got)
        else:
            rows.append(not_measured(rid, what, goal, f"hook {hook.__name__}() not written yet" if path
                                     else f"no {flag} given"))

    # 7. the screen (免申即享) of the same loans as borrowers at 5 lenders vs the batch subsidy
    sc = nat.get("screen_batch")
    if sc:
        ratio = sc["cpu_seconds"] / sb["cpu_seconds"]
        rows.append(row("screen_vs_subsidy_batch",
                        f"screen: {n:,} loans, {int(sc['borrowers'] or 0):,} borrowers, 5 lenders "
                        "(grouping, caps, conflicts, totals)", sc["cpu_seconds"], "s",
                        f"batch subsidy: {sb['cpu_seconds']:.3f} s", ratio, "<= 3", meets(ratio, "<= 3"),
                        note=f"{int(sc['conflicts'] or 0):,} conflicts; peak RSS of the benchmark process "
                             f"{sc['peak_rss_mb'] or 0:.0f} MiB (data and every case before it included)",
                        wall={"screen_seconds": sc["real_seconds"], "ratio": sc["real_seconds"] / sb["real_seconds"]}))
    else:
        rows.append(not_measured("screen_vs_subsidy_batch", "screen vs the batch subsidy", "<= 3",
                                 "the benchmark binary gave no screen_batch"))

    for bench, goal, what in (("whatif_10_scenarios", 12, "whatif: the baseline and 10 scenarios (balance_cap 100万..1000万)"),
                              ("seek_balance_cap", 40, "seek: the largest balance_cap within half the total, exact to the 分")):
        wb = nat.get(bench)
        if wb:
            ratio = wb["cpu_seconds"] / sb["cpu_seconds"]
            extra = f"{int(wb['evaluations'] or 0)} batch evaluations" if bench == "seek_balance_cap" else ""
            rows.append(row(bench + "_vs_subsidy_batch", f"{what}, {n:,} loans", wb["cpu_seconds"], "s",
                            f"batch subsidy: {sb['cpu_seconds']:.3f} s", ratio, f"<= {goal}",
                            meets(ratio, f"<= {goal}"), note=extra,
                            wall={"seconds": wb["real_seconds"], "ratio": wb["real_seconds"] / sb["real_seconds"]}))
        else:
            rows.append(not_measured(bench + "_vs_subsidy_batch", what, f"<= {goal}",
                                     f"the benchmark binary gave no {bench}"))

    if args.columns_dir and os.path.isdir(args.columns_dir):
        shutil.rmtree(args.columns_dir)  # ~220 MB of raw columns, only needed by the hooks above
    print()
    m = machine_at_start
    print(f"zjcredit benchmarks — {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, "
          f"{m['cpu']} ({m['cpus']} CPUs, load average {m['load_average'][0]:.2f} {m['load_average'][1]:.2f} "
          f"{m['load_average'][2]:.2f} at start), CPU times")
    print_table(rows)
    if ref["differences"]:
        print("\nfirst differences (native vs reference):")
        for d in ref["first_differences"]:
            print("  ", d)

    summary = {
        "schema": 1,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine_at_start,
        "load_average_at_end": list(os.getloadavg()),
        "benchmark_context": context,
        "config": {"loans": n, "ranges_per_loan": args.ranges, "sample": ref["sampled"], "quick": args.quick,
                   "cli_rows": args.cli_rows, "cli_big_rows": args.cli_big_rows, "time_basis": "cpu"},
        "rows": rows,
        "native": nat,
        "python_reference": {k: v for k, v in ref.items() if k not in ("head", "results")},
        "seconds": {"native_binary_wall": native_wall, "hooks_wall": hook_seconds,
                    "total_wall": time.perf_counter() - started},
    }
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(summary, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"\nwrote {args.out} ({time.perf_counter() - started:.0f} s in all)")

    failed_checks = [r for r in rows if r["goal"] == "== 0" and r["met"] is False]
    missed = [r for r in rows if r["met"] is False and r["goal"] != "== 0"]
    if failed_checks:
        print("run_bench: CORRECTNESS CHECK FAILED: " + ", ".join(r["id"] for r in failed_checks))
        return 1
    if missed:
        print("run_bench: goals missed: " + ", ".join(r["id"] for r in missed))
        return 1 if args.strict else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
