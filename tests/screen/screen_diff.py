#!/usr/bin/env python3
"""Differential test of the screen against an independent exact computation.

Written from the rule's text (issue 14, docs/screen.md), not from the code:
each borrower's eligible loans fill the 1000万 cap day by day in the fill
order (first application date, drawdown date, loan_id, lender), each part
at min(1%, its rate) over 360 days; the borrower's subsidy is that sum
rounded half up to the 分, once; it is split to its loans in proportion to
their exact parts by largest remainder (ties: the fill order). 首贷 at two
lenders: by default the lender of the first 首贷 loan in the fill order keeps
it and the other lenders' 首贷 loans are not paid; with "keep" all are kept.

Draws 20,000 borrowers with 1-5 loans at 3 lenders (fixed seed) for each
of the two modes, runs screen_driver, and demands 0 differences.
"""
import datetime
import random
import subprocess
import sys
from fractions import Fraction

EPOCH = datetime.date(1970, 1, 1)
ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CAP = 10_000_000 * 100  # 1000万元 in 分
WINDOW = (datetime.date(2022, 4, 1), datetime.date(2022, 6, 30))
LENDERS = ["湛江农商银行", "遂溪农商银行", "廉江农商银行"]


def day(d):
    return (d - EPOCH).days


def credit_code(serial):
    body = "91440800MA4" + "".join(ALPHABET[(serial // 31 ** k) % 31] for k in range(6))
    total = sum(ALPHABET.index(c) * pow(3, i, 31) for i, c in enumerate(body))
    return body + ALPHABET[(31 - total % 31) % 31]


def draw_loan(rng, lender, loan_id):
    """One loan: ranges covering its claim period (sometimes starting before it)."""
    start = WINDOW[0] + datetime.timedelta(days=rng.randrange(0, 40))
    end = WINDOW[1] - datetime.timedelta(days=rng.choice([0, 0, 0, rng.randrange(0, 30)]))
    first = start - datetime.timedelta(days=rng.choice([0, 0, 15]))
    cuts = sorted(rng.sample(range(1, (end - first).days + 1), rng.randrange(0, 4)))
    bounds = [first] + [first + datetime.timedelta(days=c) for c in cuts] + [end + datetime.timedelta(days=1)]
    ranges = []
    for a, b in zip(bounds, bounds[1:]):
        balance = rng.choice([0, rng.randrange(1, 1200) * 10_000 * 100, rng.randrange(0, 12_000_000_00)])
        ranges.append((a, b - datetime.timedelta(days=1), balance))
    app = WINDOW[0] + datetime.timedelta(days=rng.randrange(-10, 95))
    kind = rng.choice([0, 0, 1, 1, 2])
    flags = 3 | (4 if rng.random() < 0.85 else 0)
    if rng.random() < 0.05:
        flags &= ~1
    rate_bp = rng.choice([rng.randrange(30, 100), rng.randrange(100, 600)])  # hundredths of a percent
    return {"id": loan_id, "lender": lender, "kind": kind, "app": app, "flags": flags,
            "rate": Fraction(rate_bp, 10000), "rate_units": rate_bp * 1_000_000,
            "from": start, "to": end, "ranges": ranges}


def drawdown(loan):
    for a, _, bal in loan["ranges"]:
        if bal > 0:
            return a
    return datetime.date.max


def expected(loans, keep_all):
    """Per loan index: amount in 分; the borrower's amount."""
    order = sorted(range(len(loans)), key=lambda i: (loans[i]["app"], drawdown(loans[i]), loans[i]["id"],
                                                   loans[i]["lender"]))
    eligible = []
    keeper = None
    for i in order:
        loan = loans[i]
        ok = (loan["kind"] in (0, 1) and WINDOW[0] <= loan["app"] <= WINDOW[1] and loan["flags"] & 1
              and loan["flags"] & 2 and loan["flags"] & 4)
        if loan["flags"] & 4:
            if keeper is None:
                keeper = loan["lender"]
            elif loan["lender"] != keeper and not keep_all:
                ok = False
        if ok:
            eligible.append(i)
    parts = {i: Fraction(0) for i in eligible}
    days = set()
    for i in eligible:
        d = loans[i]["from"]
        while d <= loans[i]["to"]:
            days.add(d)
            d += datetime.timedelta(days=1)
    for d in days:
        room = CAP
        for i in eligible:
            loan = loans[i]
            if not loan["from"] <= d <= loan["to"]:
                continue
            bal = next((b for a, z, b in loan["ranges"] if a <= d <= z), 0)
            part = min(bal, room)
            room -= part
            parts[i] += Fraction(part) * min(Fraction(1, 100), loan["rate"]) / 360
    total = sum(parts.values(), Fraction(0))
    amount = int(total + Fraction(1, 2)) if total >= 0 else None  # half up, total ≥ 0
    out = {i: 0 for i in range(len(loans))}
    if total > 0:
        quotas = {i: amount * parts[i] / total for i in eligible}
        for i in eligible:
            out[i] = quotas[i].numerator // quotas[i].denominator
        left = amount - sum(out[i] for i in eligible)
        rank = sorted(eligible, key=lambda i: -(quotas[i] - out[i]))  # stable: fill order on ties
        for i in rank[:left]:
            out[i] += 1
    return out, amount


def main():
    driver = sys.argv[1]
    borrowers = int(sys.argv[2]) if len(sys.argv) > 2 else 20_000
    failures = 0
    for mode, seed in (("default", 14), ("keep", 1414)):
        rng = random.Random(seed)
        lines, want_loans, want_borrowers = [], [], {}
        for b in range(borrowers):
            code = credit_code(b)
            loans = []
            for k in range(rng.randrange(1, 6)):
                loans.append(draw_loan(rng, rng.choice(LENDERS), "%s-%d" % (code[-8:], k)))
            per_loan, amount = expected(loans, mode == "keep")
            want_borrowers[code] = amount
            for i, loan in enumerate(loans):
                want_loans.append(per_loan[i])
                ranges = " ".join("%d,%d,%d" % (day(a), day(z), bal) for a, z, bal in loan["ranges"])
                lines.append("\t".join([loan["id"], loan["lender"], code, "企业" + code[-6:]]) + "\t%d %d %d %d %d %d %s" % (
                    loan["kind"], day(loan["app"]), loan["flags"], loan["rate_units"], day(loan["from"]),
                    day(loan["to"]), ranges))
        run = subprocess.run([driver, mode], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
        got_b, got_l = {}, {}
        for line in run.stdout.splitlines():
            tag, key, value = line.split()
            (got_b if tag == "B" else got_l)[key] = int(value)
        diffs = [c for c, a in want_borrowers.items() if got_b.get(c) != a]
        diffs += ["row %d" % i for i, a in enumerate(want_loans) if got_l.get(str(i)) != a]
        failures += len(diffs)
        print("%s: %d borrowers, %d loans, %d differences%s" % (
            mode, borrowers, len(want_loans), len(diffs), (": " + ", ".join(diffs[:10])) if diffs else ""))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
