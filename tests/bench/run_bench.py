#!/usr/bin/python3
"""The benchmarks of issue 7: figures, ratios against references measured in
the same run, goals, and a correctness check.

Usage:
    run_bench.py --bench-binary build/tests/bench/zjcredit_bench
                 [--out build/bench/summary.json] [--loans 1000000] [--ranges 12]
                 [--sample 20000] [--quick] [--strict]
                 [--capi-lib PATH] [--cli PATH]

What it does, in one run on one machine:

1. runs the C++ benchmark binary (Google Benchmark, JSON output), which
   generates the loans (fixed seed), times the native batch subsidy, its
   read-and-sum lower bound, the batch reward, the one-at-a-time rule with its
   receipt, and amount / rate parsing; it also writes a sample of the loans
   (every N/sample-th) with the batch's results, after checking those rows
   against the one-at-a-time rule;
2. runs a straightforward pure-Python `decimal` implementation of the same
   rule (docs/records.md §2, under the parameters the sample's first line
   gives) on the sample, times it, and compares every row with the native
   result (status, amount, eligibility, reason bits): any difference fails
   the run, so a fast wrong answer cannot pass;
3. times Python `Decimal(str)` (after the minimal normalisation the strings
   need: commas, 万/亿, %) on the same strings the C++ parser reads;
4. prints a table of every figure, ratio and goal and writes it all, with the
   machine and the date, to the --out JSON (default build/bench/summary.json).

Times are CPU times of the measuring process (Google Benchmark's cpu_time,
Python's time.process_time) so that other work on a shared machine inflates
neither side; wall-clock figures are recorded next to them.

Hooks for the measurements added with the C ABI and the CLI (rows shown as
"not measured" until they are filled in): see measure_ctypes_batch(),
measure_capi_json() and measure_cli() below. --capi-lib / --cli give them the
paths they need; without the paths, or while a hook is not written, its rows
say "not measured" and the run still succeeds.

Exit status: 1 when a correctness check fails (or, with --strict, when a goal
is missed), 0 otherwise.
"""

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_UP, Decimal, getcontext

HERE = os.path.dirname(os.path.abspath(__file__))
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


# ---------------------------------------------------------------- hooks (C ABI, ctypes, CLI)

def measure_ctypes_batch(ctx):
    """HOOK: zjcredit.first_loan_subsidy_batch(...) via ctypes on the same 1M loans.

    ctx["capi_lib"]: the shared library; ctx["columns_dir"]: the loan columns as
    raw arrays (manifest.json + <column>.bin, numpy.fromfile-ready) including
    native_amount / native_status / native_eligible / native_reasons to compare
    against; ctx["python_seconds_per_loan"]: the reference's CPU seconds per loan.
    Return a list of rows (see row()), e.g. the ctypes time, its ratio against the
    Python reference (goal >= 50) and a zero-differences check; None while not written.
    """
    return None


def measure_capi_json(ctx):
    """HOOK: one-at-a-time JSON calls through the C ABI, ns per loan (reported, no goal).
    ctx["capi_lib"], ctx["sample_file"] (loans as JSON lines). None while not written."""
    return None


def measure_cli(ctx):
    """HOOK: `zjcredit subsidy` on a generated 1M-row CSV vs a Python csv + decimal
    script doing the same rule (goal >= 20x), with the peak RSS of both.
    ctx["cli"], ctx["work_dir"]. None while not written."""
    return None


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
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": model, "cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
            "load_average_1min": load, "commit": commit}


def run_native(args, work):
    gbench_json = os.path.join(work, "gbench.json")
    sample_file = os.path.join(work, "sample.jsonl")
    cmd = [args.bench_binary, f"--loans={args.loans}", f"--ranges={args.ranges}", f"--sample={args.sample}",
           f"--dump-sample={sample_file}", f"--benchmark_out={gbench_json}", "--benchmark_out_format=json"]
    if args.columns_dir:
        cmd.append(f"--dump-columns={args.columns_dir}")
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
    ap.add_argument("--cli", help="the zjcredit CLI (for the CLI row)")
    args = ap.parse_args()
    if not os.path.exists(args.bench_binary):
        raise SystemExit(f"run_bench: no benchmark binary at {args.bench_binary} "
                         "(configure with -DZJCREDIT_BENCH=ON and build zjcredit_bench)")
    work = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(work, exist_ok=True)
    args.columns_dir = os.path.join(work, "columns") if args.capi_lib else None

    started = time.perf_counter()
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
           "work_dir": work, "python_seconds_per_loan": py_per_loan, "native": nat, "loans": n}
    hooks = [("ctypes_batch_vs_python_decimal", "Python batch via ctypes vs Python decimal", ">= 50",
              measure_ctypes_batch, args.capi_lib, "--capi-lib"),
             ("capi_json_one_at_a_time", "one-at-a-time JSON calls through the C ABI (ns/loan)", None,
              measure_capi_json, args.capi_lib, "--capi-lib"),
             ("cli_vs_python_csv_decimal", "CLI on a 1M-row CSV vs Python csv + decimal (with peak RSS)", ">= 20",
              measure_cli, args.cli, "--cli")]
    for rid, what, goal, hook, path, flag in hooks:
        got = hook(ctx) if path else None
        if got:
            rows.extend(got)
        else:
            rows.append(not_measured(rid, what, goal, f"hook {hook.__name__}() not written yet" if path
                                     else f"no {flag} given"))

    print()
    print(f"zjcredit benchmarks — {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}, "
          f"{machine()['cpu']} ({os.cpu_count()} CPUs), CPU times")
    print_table(rows)
    if ref["differences"]:
        print("\nfirst differences (native vs reference):")
        for d in ref["first_differences"]:
            print("  ", d)

    summary = {
        "schema": 1,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "benchmark_context": context,
        "config": {"loans": n, "ranges_per_loan": args.ranges, "sample": ref["sampled"], "quick": args.quick,
                   "time_basis": "cpu"},
        "rows": rows,
        "native": nat,
        "python_reference": {k: v for k, v in ref.items() if k != "head"},
        "seconds": {"native_binary_wall": native_wall, "total_wall": time.perf_counter() - started},
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
