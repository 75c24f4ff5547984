#!/usr/bin/python3
"""The bad-input catalogue (tests/data/bad) through the zjcredit CLI.

usage: run_cli.py ZJCREDIT DATA_DIR [NAME_FILTER...] [--verbose] [-jN]

Each case runs the real binary in a fresh temporary directory, its input
written there as a file (or passed as an argument: the amount of `words`,
the month of `ledger --month`), always with `-o OUT`. It passes when the
exit status is 2 (3 for an io error), nothing is on stdout, stderr holds
one "zjcredit: " message naming the expected field and containing every
expected substring (and not longer than the case allows, nor invalid
UTF-8), and neither OUT nor any temporary file is left in the directory.
A crash (a signal, a sanitizer report, exit status 4) fails the case.

A `table` case runs `zjcredit subsidy input.EXT` with the flags its
options stand for (`rate_unit` → --rate-unit, `period` → --period, `sheet`
→ --sheet, `columns` → --columns columns.json) and, when the case has one,
`--repayments repayments.csv`. A `sandbox` case runs `zjcredit seek` or
`zjcredit whatif` (its `call`) on its file, its request as flags. A `screen` case runs `zjcredit screen
input.csv --period ... [--lender ...] --lang en -o out`: refused whole
(`level=table`) as any case; otherwise its first listing's message in
out/loans.csv (exit 1). A
`table` case's loan's own error (`level=loan`) stops the
run as a table's does (exit 2, the message on stderr).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import catalogue  # noqa: E402

KINDS = catalogue.COUNTED_KINDS + ("csv",)
TIMEOUT_SECONDS = 120
EXIT_STATUS = {"parse": 2, "validation": 2, "overflow": 2, "not_found": 2, "io": 3}
#: Files a `table` case writes beside its input (inputs too, not left-behind output).
TABLE_SIDE_FILES = ("repayments.csv", "columns.json")


def table_flags(case: catalogue.Case, work: Path) -> list[str]:
    """The CLI flags of a `table` case's options, its side files written into `work`."""
    flags: list[str] = []
    for key, value in case.options("cli").items():
        if key == "columns":
            (work / "columns.json").write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
            flags += ["--columns", "columns.json"]
        else:
            flags += ["--" + key.replace("_", "-"), value]
    repayments = case.repayments_path()
    if repayments is not None:
        (work / "repayments.csv").write_bytes(repayments.read_bytes())
        flags += ["--repayments", "repayments.csv"]
    return flags


def sandbox_flags(case: catalogue.Case) -> list[str]:
    """The CLI flags of a `sandbox` case's request: --parameter, --budget,
    --within, --reach, --period; each scenario as --scenario NAME:key=value,..."""
    flags: list[str] = []
    for key, value in catalogue.sandbox_request(case).items():
        if key == "scenarios":
            for name, values in value.items():
                flags += ["--scenario", name + ":" + ",".join(f"{k}={v}" for k, v in values.items())]
        elif key == "reach":
            flags += ["--reach"] if value else []
        else:
            flags += ["--" + key, value]
    return flags


def command(case: catalogue.Case, zjcredit: str, work: Path, data_dir: Path) -> tuple[list, str]:
    """The argv for the case and the input path as the CLI is given it."""
    out = ["-o", "out.txt"]
    if case.kind in ("amount", "month"):
        text = case.data()
        if b"\x00" in text:
            raise ValueError("a NUL byte cannot be passed as a command-line argument")
        if case.kind == "amount":
            return [zjcredit, "words", text] + out, ""
        return [zjcredit, "ledger", str(data_dir / "month" / "ledger.json"), "--month", text] + out, ""
    name = "input" + case.input_path.suffix
    case.write_to(work / name)
    if case.kind == "plan":
        return [zjcredit, "plan", "--plan", name] + out, name
    if case.kind == "table":
        return [zjcredit, "subsidy", name] + table_flags(case, work) + out, name
    if case.kind == "screen":
        flags = []
        for key, value in catalogue.screen_options(case, "cli").items():
            flags += ["--" + key, value]
        return [zjcredit, "screen", name] + flags + ["--lang", "en", "-o", "out"], name
    if case.kind == "sandbox":
        return [zjcredit, case.get("call", "cli") or ""] + sandbox_flags(case) + [name] + out, name
    if case.kind in ("subsidy", "reward", "award", "assess"):
        return [zjcredit, case.kind, name] + out, name
    if case.kind == "ledger":
        return [zjcredit, "ledger", name, "--month", "2022-09"] + out, name
    if case.kind == "register":
        return [zjcredit, "register", "verify", name] + out, name
    if case.kind == "ledger_file":
        return [zjcredit, "ledger", "check", name, "--month", "2022-09"] + out, name
    if case.kind == "csv":
        sub = case.get("command", "cli") or ""
        extra = ["--month", "2022-09"] if sub == "ledger" else []
        return [zjcredit, sub, name] + extra + out, name
    raise ValueError(f"no CLI command for kind {case.kind}")


def screen_output(case: catalogue.Case, done: subprocess.CompletedProcess, work: Path, file_name: str) -> list[str]:
    """A `screen` case of level=loan: exit status 1 and the first listing's
    message in out/loans.csv."""
    import csv

    problems = []
    if done.returncode != 1:
        problems.append(f"exit status {done.returncode}, expected 1: {done.stderr[:300]!r}")
    try:
        with open(work / "out" / "loans.csv", encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        return problems + [f"no out/loans.csv: {e}"]
    if not rows:
        return problems + ["out/loans.csv has no row"]
    return problems + catalogue.check_screen_text(case, "cli", rows[0]["message"], "first row of out/loans.csv",
                                                  file_name)


def run(case: catalogue.Case, zjcredit: str, data_dir: Path) -> list[str]:
    problems: list[str] = []
    # In memory where there is a tmpfs: the 100 MiB inputs are written, not kept.
    shm = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="zjcredit-bad-", dir=shm) as tmp:
        work = Path(tmp)
        try:
            argv, file_name = command(case, zjcredit, work, data_dir)
        except ValueError as e:
            return [str(e)]
        try:
            done = subprocess.run(argv, cwd=work, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            return [f"timed out after {TIMEOUT_SECONDS} s"]
        if case.kind == "screen" and case.level() != "table":
            return screen_output(case, done, work, file_name)
        status = case.status("cli")
        if done.returncode != EXIT_STATUS[status]:
            problems.append(f"exit status {done.returncode}, expected {EXIT_STATUS[status]} ({status})")
        if done.stdout:
            problems.append(f"stdout is not empty: {done.stdout[:200]!r}")
        try:
            stderr = done.stderr.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"stderr is not valid UTF-8 ({e})")
            stderr = done.stderr.decode("utf-8", "replace")
        lines = stderr.splitlines()
        message = lines[0] if lines else ""
        if len(lines) != 1 or not message.startswith("zjcredit: "):
            problems.append(f"stderr is not one 'zjcredit: ' line ({len(lines)} lines)")
        want_field = case.field_for("cli").replace("{file}", file_name)
        if want_field not in message:
            problems.append(f"message does not name the field {want_field!r}")
        catalogue.check_message(case, "cli", message, problems, file_name)
        inputs = {file_name} | (set(TABLE_SIDE_FILES) if case.kind == "table" else set())
        left = sorted(p.name for p in work.iterdir() if p.name not in inputs)
        if left:
            problems.append(f"left behind: {', '.join(left)}")
        if problems:
            problems.append(f"stderr was: {stderr[:1000]!r}")
    return problems


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    jobs = min(os.cpu_count() or 1, 4)
    args = []
    for a in argv[1:]:
        if a == "--verbose":
            continue
        if a.startswith("-j"):
            jobs = max(1, int(a[2:]))
            continue
        args.append(a)
    if len(args) < 2:
        print(__doc__)
        return 2
    zjcredit = str(Path(args[0]).resolve())
    data_dir = Path(args[1]).resolve()
    filters = args[2:]
    cases = [c for c in catalogue.load(data_dir, KINDS) if not filters or any(f in c.id for f in filters)]
    # The 100 MiB cases first, one at a time, so that no more than one such
    # file exists at once; then the rest in parallel.
    big = [c for c in cases if int(c.get("repeat", "") or "0") >= (1 << 20)]
    small = [c for c in cases if c not in big]
    results = {c.id: run(c, zjcredit, data_dir) for c in big}
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for c, problems in zip(small, pool.map(lambda c: run(c, zjcredit, data_dir), small)):
            results[c.id] = problems
    ordered = [(c, results[c.id]) for c in cases]
    return catalogue.report("CLI", ordered, verbose=verbose, whole=not filters)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
