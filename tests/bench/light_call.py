#!/usr/bin/python3
"""Times one 12-range loan through the Python binding, with and without the
receipt, against the plain Python reference (reference_cli.subsidy: the
record's strings parsed with decimal and datetime, the subsidy computed
exactly). Not a test; prints microseconds per call.

    PYTHONPATH=build/python /usr/bin/python3 tests/bench/light_call.py [--number N]
"""

import argparse
import sys
import timeit
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import reference_cli  # noqa: E402
import zjcredit  # noqa: E402

MONTHS = [("01-01", "01-31", "1000000.00"), ("02-01", "02-28", "2000000.00"), ("03-01", "03-31", "1500000.00"),
          ("04-01", "04-30", "12000000.00"), ("05-01", "05-31", "800000.50"), ("06-01", "06-30", "0.00"),
          ("07-01", "07-31", "3000000.00"), ("08-01", "08-31", "2500000.00"), ("09-01", "09-30", "1200000.00"),
          ("10-01", "10-31", "1000000.00"), ("11-01", "11-30", "600000.00"), ("12-01", "12-31", "400000.00")]

#: The record as a bureau system holds it (amounts, rates and dates as text).
LOAN = {
    "borrower": "湛江市甲科技有限公司", "borrower_kind": "micro", "first_application_date": "2022-04-01",
    "via_platform": True, "local_legal_person_lender": True, "first_loan": True, "annual_rate": "4.35%",
    "balances": [{"from": f"2022-{a}", "to": f"2022-{b}", "balance": x} for a, b, x in MONTHS],
    "period": {"from": "2022-01-01", "to": "2022-12-31"},
}

#: The same loan in the reference's shape (one dict of strings per balance range).
ROWS = [{"borrower": LOAN["borrower"], "borrower_kind": "micro", "first_application_date": "2022-04-01",
         "via_platform": "true", "local_legal_person_lender": "true", "first_loan": "true", "annual_rate": "4.35%",
         "period_from": "2022-01-01", "period_to": "2022-12-31",
         "balance_from": b["from"], "balance_to": b["to"], "balance": b["balance"]} for b in LOAN["balances"]]

EXPECTED = Decimal("20172.22")  # worked by hand in tests/python/test_light.py


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--number", type=int, default=2000, help="calls per timing (best of 5 timings)")
    args = ap.parse_args()

    assert zjcredit.first_loan_subsidy(LOAN).amount == EXPECTED
    assert zjcredit.first_loan_subsidy(LOAN, receipt=False).amount == EXPECTED
    assert reference_cli.subsidy(ROWS)[1] == EXPECTED

    cases = [
        ("first_loan_subsidy(d)  (receipt, not read)", lambda: zjcredit.first_loan_subsidy(LOAN).amount),
        ("first_loan_subsidy(d).receipt  (receipt read)", lambda: zjcredit.first_loan_subsidy(LOAN).receipt),
        ("first_loan_subsidy(d, receipt=False)", lambda: zjcredit.first_loan_subsidy(LOAN, receipt=False).amount),
        ("pure Python reference (decimal, datetime)", lambda: reference_cli.subsidy(ROWS)[1]),
    ]
    print(f"one 12-range loan, best of 5 × {args.number} calls, zjcredit {zjcredit.__version__}")
    for name, call in cases:
        best = min(timeit.repeat(call, number=args.number, repeat=5)) / args.number
        print(f"  {name:48s} {best * 1e6:8.1f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
