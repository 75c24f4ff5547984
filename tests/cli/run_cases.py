#!/usr/bin/python3
"""Runs the zjcredit CLI test cases (zstd-style): the real binary on real files.

usage: run_cases.py ZJCREDIT CASES_DIR [NAME_FILTER...] [--verbose] [--keep] [-jN]

NAME_FILTER runs only the cases whose names contain it; --verbose lists the
cases that pass too; --keep keeps the work directory of a failed case; -jN
runs N cases at a time (default: the number of CPUs, at most 8).

Each case is a shell script CASES_DIR/NAME.sh, run by bash with a fresh
temporary directory as its working directory and these variables set:

  ZJCREDIT   the binary under test (absolute path)
  CASES      the cases directory
  DATA       tests/cli/data (input files kept in the repository)
  SRC        the project's source root (docs/examples is $SRC/docs/examples)

Beside the script, the expectations:

  NAME.exit         required: the expected exit status of the script
  NAME.stdout       the exact expected stdout (bytes), or
  NAME.stdout.grep  fixed strings, one a line, each of which must occur in
                    stdout; a line starting with "!" names a string that must
                    NOT occur; blank lines and lines starting with "#" are
                    ignored
  NAME.stderr       the exact expected stderr, or
  NAME.stderr.grep  as for stdout

Without a stdout (stderr) expectation that stream is not checked. The last
line printed is "cli: N passed, M failed"; the exit status is 0 only when no
case failed (and at least one ran).
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TIMEOUT_SECONDS = 120


def show(data: bytes) -> list[str]:
    """Bytes as text lines for a diff (undecodable bytes escaped)."""
    return data.decode("utf-8", errors="backslashreplace").splitlines(keepends=True)


def check_exact(stream: str, actual: bytes, expected_file: Path) -> list[str]:
    expected = expected_file.read_bytes()
    if actual == expected:
        return []
    diff = difflib.unified_diff(show(expected), show(actual), f"{expected_file.name} (expected)",
                                f"{stream} (actual)")
    lines = [f"  {stream} differs from {expected_file.name}:"]
    for line in diff:
        # Make invisible differences (CR, BOM, missing final newline) visible.
        line = line.replace("\r", "\\r").replace("\ufeff", "<BOM>")
        lines.append("    " + line.rstrip("\n"))
    return lines


def check_grep(stream: str, actual: bytes, grep_file: Path) -> list[str]:
    text = actual.decode("utf-8", errors="backslashreplace")
    problems = []
    for raw in grep_file.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("!"):
            if raw[1:] in text:
                problems.append(f"  {stream} must not contain: {raw[1:]}")
        elif raw not in text:
            problems.append(f"  {stream} lacks: {raw}")
    if problems:
        problems.append(f"  {stream} was:")
        problems.extend("    " + line.rstrip("\n") for line in show(actual)[:60])
    return problems


def run_case(script: Path, env: dict[str, str], keep: bool) -> tuple[list[str], float]:
    name = script.name[: -len(".sh")]
    cases = script.parent
    exit_file = cases / f"{name}.exit"
    if not exit_file.exists():
        return [f"  missing {exit_file.name}"], 0.0
    workdir = Path(tempfile.mkdtemp(prefix=f"zjcredit-cli-{name}-"))
    start = time.monotonic()
    try:
        proc = subprocess.run(["bash", str(script)], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return [f"  timed out after {TIMEOUT_SECONDS} s (work dir {workdir})"], time.monotonic() - start
    elapsed = time.monotonic() - start
    problems: list[str] = []
    expected_exit = int(exit_file.read_text().strip())
    if proc.returncode != expected_exit:
        problems.append(f"  exit status {proc.returncode}, expected {expected_exit}")
    for stream, actual in (("stdout", proc.stdout), ("stderr", proc.stderr)):
        exact = cases / f"{name}.{stream}"
        grep = cases / f"{name}.{stream}.grep"
        if exact.exists():
            problems += check_exact(stream, actual, exact)
        if grep.exists():
            problems += check_grep(stream, actual, grep)
    if problems:
        # Context for the reader of a failure: both streams, shortened.
        if not any(p.startswith("  stderr") for p in problems) and proc.stderr:
            problems.append("  stderr was:")
            problems.extend("    " + line.rstrip("\n") for line in show(proc.stderr)[:30])
        if keep:
            problems.append(f"  work dir kept: {workdir}")
    if not (problems and keep):
        shutil.rmtree(workdir, ignore_errors=True)
    return problems, elapsed


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv or "-v" in argv
    keep = "--keep" in argv
    jobs = min(8, os.cpu_count() or 1)
    args = []
    for a in argv[1:]:
        if a in ("--verbose", "-v", "--keep"):
            continue
        if a.startswith("-j") and a[2:].isdigit():
            jobs = max(1, int(a[2:]))
            continue
        args.append(a)
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    binary = Path(args[0]).resolve()
    cases = Path(args[1]).resolve()
    filters = args[2:]
    if not os.access(binary, os.X_OK):
        print(f"cli: {binary} is not an executable", file=sys.stderr)
        return 2
    if shutil.which("bash") is None:
        print("cli: bash is needed to run the cases", file=sys.stderr)
        return 2

    source_root = Path(__file__).resolve().parents[2]
    env = dict(os.environ)
    env.update({
        "ZJCREDIT": str(binary),
        "CASES": str(cases),
        "DATA": str(cases.parent / "data"),
        "SRC": str(source_root),
        # Deterministic tools in the scripts (sort, iconv, sed); the binary is locale-independent.
        "LC_ALL": "C.UTF-8",
    })

    scripts = sorted(cases.glob("*.sh"))
    if filters:
        scripts = [s for s in scripts if any(f in s.name for f in filters)]
    passed = failed = 0
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda script: run_case(script, env, keep), scripts))
    for script, (problems, elapsed) in zip(scripts, results):
        name = script.name[: -len(".sh")]
        if problems:
            failed += 1
            print(f"FAIL {name} ({elapsed:.2f} s)")
            for line in problems:
                print(line)
        else:
            passed += 1
            if verbose:
                print(f"ok   {name} ({elapsed:.2f} s)")
    print(f"cli: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
