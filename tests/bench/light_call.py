#!/usr/bin/python3
"""Times the benchmark loan of one_record.py (12 ranges) through the Python
binding, with and without the receipt, against the plain Python reference
(reference.loan_subsidy: the record's strings parsed with decimal and
datetime, the subsidy computed exactly). Not a test; prints microseconds per
call. run_bench.py measures the same (with varied loans too) for the record.

    PYTHONPATH=bindings/python ZJCREDIT_LIBRARY=build/capi/libzjcredit.so.0 \\
        /usr/bin/python3 tests/bench/light_call.py [--number N]
"""

import argparse
import sys
import timeit
from decimal import getcontext
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reference  # noqa: E402
import zjcredit  # noqa: E402
from one_record import LOAN, LOAN_FEN  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--number", type=int, default=2000, help="calls per timing (best of 5 timings)")
    args = ap.parse_args()
    getcontext().prec = 60  # exact: nothing here comes near 60 digits

    assert zjcredit.first_loan_subsidy(LOAN).amount.scaleb(2) == LOAN_FEN
    assert zjcredit.first_loan_subsidy(LOAN, receipt=False).amount_fen == LOAN_FEN
    assert reference.loan_subsidy(LOAN)[1].scaleb(2) == LOAN_FEN

    cases = [
        ("first_loan_subsidy(d)  (receipt, not read)", lambda: zjcredit.first_loan_subsidy(LOAN).amount),
        ("first_loan_subsidy(d).receipt  (receipt read)", lambda: zjcredit.first_loan_subsidy(LOAN).receipt),
        ("first_loan_subsidy(d, receipt=False)", lambda: zjcredit.first_loan_subsidy(LOAN, receipt=False).amount),
        ("pure Python reference (decimal, datetime)", lambda: reference.loan_subsidy(LOAN)[1]),
    ]
    print(f"one 12-range loan, best of 5 × {args.number} calls, zjcredit {zjcredit.__version__}")
    for name, call in cases:
        best = min(timeit.repeat(call, number=args.number, repeat=5)) / args.number
        print(f"  {name:48s} {best * 1e6:8.1f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
