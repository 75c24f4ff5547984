#!/usr/bin/python3
"""check_bank_run.py must pass right outputs and catch wrong ones, before
any zjcredit can be run through it: it is run against fake_zjcredit.py,
once right and once with each mistake, which must be reported.

usage: selftest_check_bank_run.py WORKDIR
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
# mistake -> a text the checker's report must contain
MISTAKES = {
    "": "0 difference(s)",
    "amount": "(JJ",                      # one loan's 贴息金额 off by 0.01
    "reasons": "原因 is",                 # reason codes dropped or reordered
    "order": "借据号 is",                 # two loans swapped
    "words": "lacks the 大写",
    "bom": "UTF-8 BOM",
    "xlsx_text": "not a number",
    "refusal_status": "expected 2",
}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    failures = 0
    for mistake, needle in MISTAKES.items():
        proc = subprocess.run([sys.executable, str(HERE / "check_bank_run.py"), str(HERE / "fake_zjcredit.py"),
                               str(Path(argv[1]) / (mistake or "right"))],
                              capture_output=True, text=True, env=dict(os.environ, FAKE_BREAK=mistake),
                              timeout=300)
        want = 0 if not mistake else 1
        ok = proc.returncode == want and needle in proc.stdout
        failures += not ok
        print(f"{'ok  ' if ok else 'FAIL'} {mistake or 'right outputs'}: exit {proc.returncode} (expected {want})")
        if not ok:
            print(proc.stdout[-2000:], proc.stderr[-2000:], sep="\n")
    print(f"check_bank_run self-test: {len(MISTAKES)} cases, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
