"""The one-record path of run_bench.py: a bureau system that sends one loan
per request, or a script looping over loans.

The loans are LOANS below: the 12-range loan of tests/python/test_light.py
(20,172.22 元, worked by hand there) and a few varied ones, cycled. Every path
is timed on the same records and compared with the pure-Python reference
(reference.loan_subsidy: the record's strings parsed with decimal and
datetime, the subsidy computed exactly) timed in the same run:

    C++ rules::first_loan_subsidy_json(text, plan)  (result + receipt)   goal >= 10x
    C ABI zjc_first_loan_subsidy (JSON in, full receipt out)             goal >= 5x
    C ABI light call zjc_first_loan_subsidy_amount                       goal >= 30x
    Python zjcredit.first_loan_subsidy(dict)  (receipt on demand, unread) goal >= 1x
    Python zjcredit.first_loan_subsidy(dict, receipt=False)              goal >= 2x

The three native rows are timed by the benchmark binary (--one-record FILE:
the loans as the JSON text the Python binding sends for the dict); the
Python rows here with time.process_time, best of REPEATS, the three Python
functions taking turns so that a change of load hits them alike. Every path's
answer (eligible, amount, reason codes) on every loan must equal the
reference's; one difference fails the run.
"""

import json
import time
from decimal import Decimal, getcontext

import reference

REPEATS = 7  # each Python figure is the best of this many timings

MONTHS = [("01-01", "01-31", "1000000.00"), ("02-01", "02-28", "2000000.00"), ("03-01", "03-31", "1500000.00"),
          ("04-01", "04-30", "12000000.00"), ("05-01", "05-31", "800000.50"), ("06-01", "06-30", "0.00"),
          ("07-01", "07-31", "3000000.00"), ("08-01", "08-31", "2500000.00"), ("09-01", "09-30", "1200000.00"),
          ("10-01", "10-31", "1000000.00"), ("11-01", "11-30", "600000.00"), ("12-01", "12-31", "400000.00")]

#: The benchmark loan: the record as a bureau system holds it (amounts, rate and dates as text).
LOAN = {
    "borrower": "湛江市甲科技有限公司", "borrower_kind": "micro", "first_application_date": "2022-04-01",
    "via_platform": True, "local_legal_person_lender": True, "first_loan": True, "annual_rate": "4.35%",
    "balances": [{"from": f"2022-{a}", "to": f"2022-{b}", "balance": x} for a, b, x in MONTHS],
    "period": {"from": "2022-01-01", "to": "2022-12-31"},
}
LOAN_FEN = 2017222  # 20,172.22 元: worked by hand in tests/python/test_light.py


def _variant(**changes):
    loan = json.loads(json.dumps(LOAN))
    loan.update(changes)
    return loan


#: The loans timed, cycled: the benchmark loan, then 12 ranges each with a rate
#: under the 1% ceiling, a quarter's claim with grouped and 万 amounts, an
#: ineligible loan (two failed checks) and the cap reached exactly.
LOANS = [
    LOAN,
    _variant(borrower="湛江市乙贸易有限公司", borrower_kind="small", first_application_date="2022-06-30",
             annual_rate="0.85%"),
    _variant(borrower="L3", annual_rate="0.0435", period={"from": "2022-04-01", "to": "2022-06-30"},
             balances=[{"from": f"2022-{a}", "to": f"2022-{b}", "balance": x} for a, b, x in
                       zip([m[0] for m in MONTHS], [m[1] for m in MONTHS],
                           ["1,000,000.00", "200万", "1,500,000.00", "1000万", "800,000.50", "0.00",
                            "300万", "250万", "1,200,000.00", "100万", "60万", "40万"])]),
    _variant(borrower="L4", first_application_date="2022-07-15", via_platform=False),
    _variant(borrower="L5", borrower_kind="small", annual_rate="3.9%",
             balances=[{"from": f"2022-{a}", "to": f"2022-{b}", "balance": "10000000.00"} for a, b, _ in MONTHS]),
]


def texts():
    """Each loan's JSON text, as the Python binding writes a dict (one line each)."""
    return [json.dumps(loan, ensure_ascii=False, indent=None) for loan in LOANS]


def write_loans(path):
    with open(path, "w", encoding="utf-8") as f:
        for t in texts():
            f.write(t + "\n")


def reference_answers():
    """(eligible, amount in 分, reason codes) of each loan, by the reference."""
    getcontext().prec = 60  # exact: nothing here comes near 60 digits
    out = []
    for loan in LOANS:
        eligible, amount, reasons = reference.loan_subsidy(loan)
        out.append((eligible, int(amount.scaleb(2)), [c for c, _ in reasons]))
    return out


# ZJC_REASON_* bits of capi/zjcredit.h, by the reason codes of docs/records.md §7
REASON_BITS = {"application_outside_window": 0x1, "borrower_kind_not_eligible": 0x2, "not_via_platform": 0x4,
               "lender_not_local_legal_person": 0x8, "not_first_loan": 0x10, "per_borrower_cap_applied": 0x20,
               "budget_cap_applied": 0x40}


def _bits(codes):
    return sum(REASON_BITS[c] for c in codes)


def native_differences(results_path, want):
    """Loans on which a native path (the C++ JSON call, the C ABI's JSON text, the
    light call) differs from the reference, read from the benchmark binary's
    --one-record-results file; (count, first few)."""
    with open(results_path, encoding="utf-8") as f:
        got = json.load(f)["loans"]
    diffs = []
    if len(got) != len(want):
        diffs.append({"loans": [len(got), len(want)]})
    for k, (g, (eligible, fen, codes)) in enumerate(zip(got, want)):
        light = g["light"]
        j = g["json"] or {}
        checks = {
            "json": (g["json_status"], j.get("eligible"), Decimal(j.get("amount", "-1")).scaleb(2),
                     [r["code"] for r in j.get("reasons", [])]) == (0, eligible, fen, codes),
            "capi_json": g["capi_status"] == 0 and g["capi_same_text"],
            "light": (light["status"], light["eligible"], light["fen"], light["reasons"])
            == (0, int(eligible), fen, _bits(codes)),
        }
        if not all(checks.values()):
            diffs.append({"loan": k, "failed": [n for n, ok in checks.items() if not ok], "native": g if not
                          g["json"] else {**g, "json": {"eligible": j.get("eligible"), "amount": j.get("amount")}},
                          "reference": [eligible, fen, codes]})
    return len(diffs), diffs[:5]


def python_differences(zjcredit, want):
    """Loans on which the Python binding (receipt on demand, or receipt=False)
    differs from the reference; (count, first few)."""
    diffs = []
    for k, (loan, (eligible, fen, codes)) in enumerate(zip(LOANS, want)):
        full = zjcredit.first_loan_subsidy(loan)
        light = zjcredit.first_loan_subsidy(loan, receipt=False)
        got_full = (full.eligible, int(full.amount.scaleb(2)), [r.code for r in full.reasons])
        got_light = (light.eligible, light.amount_fen, light.reason_codes)
        if not got_full == got_light == (eligible, fen, codes):
            diffs.append({"loan": k, "receipt": got_full, "receipt_false": got_light,
                          "reference": [eligible, fen, codes]})
    return len(diffs), diffs[:5]


def time_python(zjcredit, seconds_each):
    """CPU seconds per record of the reference and (unless zjcredit is None) of
    the binding's two calls: best of REPEATS timings of about `seconds_each`
    each, taking turns; and the passes over the loans in each timing."""
    getcontext().prec = 60
    loans = LOANS
    calls = {"reference": lambda loan: reference.loan_subsidy(loan)[1]}
    if zjcredit is not None:
        calls["receipt"] = lambda loan: zjcredit.first_loan_subsidy(loan).amount
        calls["receipt_false"] = lambda loan: zjcredit.first_loan_subsidy(loan, receipt=False).amount
    passes = {}
    for name, call in calls.items():  # calibrate: passes over the loans per timing
        c0, n = time.process_time(), 0
        while time.process_time() - c0 < seconds_each / 5:
            for loan in loans:
                call(loan)
            n += 1
        per_pass = (time.process_time() - c0) / n
        passes[name] = max(1, int(seconds_each / per_pass))
    best = {name: float("inf") for name in calls}
    for _ in range(REPEATS):
        for name, call in calls.items():
            n = passes[name]
            c0 = time.process_time()
            for _ in range(n):
                for loan in loans:
                    call(loan)
            best[name] = min(best[name], (time.process_time() - c0) / (n * len(loans)))
    return best, passes
