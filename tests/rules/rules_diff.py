#!/usr/bin/env python3
"""Differential test of the zjcredit rules: first-loan subsidy and receivables reward.

Usage: rules_diff.py path/to/rules_driver [--loans N] [--receivables N]

Generates 100,000 loans and 100,000 receivables records (by default) with
random.Random(SEED), computes the expected outcome of each with an independent
exact reference written from DESIGN.md §2 and the header comments of
include/zjcredit/rules/first_loan_subsidy.hpp and receivables_reward.hpp —
Python's `fractions` and `datetime` only — runs the driver ONCE over all cases
and compares every line: eligibility, the amount to the 分, the reason codes in
order, or the error class.

Exits 0 when every line matches, 1 otherwise. The last line printed is the
summary, "rules_diff: N passed, M failed".

The reference reads the rules as follows (a mismatch is judged against this):

  subsidy = round( Σ_{period days d} min(balance_d, 10,000,000.00) × min(1%, rate) / basis ),
            basis 360 or 365, one rounding in the case's mode, in 分;
            a balance range {from, to, balance} gives that balance on every day
            from..to; the period days must all be covered (else a validation
            error); with max_subsidy_days = n, only period days within n days of
            the first day of the schedule with a positive balance count.
  eligibility reasons, in this order: application_outside_window
            (2022-04-01..2022-06-30 inclusive), borrower_kind_not_eligible
            (small, micro), not_via_platform, lender_not_local_legal_person,
            not_first_loan; any → amount 0.00.
  reward  = round( 1% × Σ amount_i × days_i / 365 ), days = end − start;
            a financing counts when confirmed and its start is inside
            2022-01-01..2023-06-30; it straddles when end − 1 > 2023-06-30;
            full_if_start_in_window counts all days, days_in_window counts
            start..2023-06-30 (reason financing_days_truncated), exclude drops
            it (reason financing_straddles_window_end); none counts →
            no_eligible_financing, amount 0.00.
"""

import datetime as dt
import json
import random
import subprocess
import sys
import time
from fractions import Fraction

SEED = 20220913
MODES = ("half_up", "half_even", "down", "up")
CAP_FEN = 10_000_000 * 100
CEILING = Fraction(1, 100)
APP_FROM, APP_TO = dt.date(2022, 4, 1), dt.date(2022, 6, 30)
FIN_FROM, FIN_TO = dt.date(2022, 1, 1), dt.date(2023, 6, 30)
REWARD_RATE = Fraction(1, 100)
ONE_DAY = dt.timedelta(days=1)


class Invalid(Exception):
    pass


# ---------------------------------------------------------------- shared helpers

def round_fraction(x, mode):
    """x (a Fraction of 分) rounded to an integer by `mode`, symmetric for negatives."""
    sign = -1 if x < 0 else 1
    m = abs(x)
    q, r = divmod(m.numerator, m.denominator)
    rem = Fraction(r, m.denominator)
    if rem:
        if mode == "half_up":
            q += rem >= Fraction(1, 2)
        elif mode == "half_even":
            q += rem > Fraction(1, 2) or (rem == Fraction(1, 2) and q % 2 == 1)
        elif mode == "up":
            q += 1
    return sign * q


def fen_text(fen):
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return f"{sign}{fen // 100}.{fen % 100:02d}"


def amount_text(rng, fen):
    """One of the written forms of an amount of `fen` 分 (all parse to the same value)."""
    r = rng.random()
    if fen >= 0 and fen % 100 == 0 and fen >= 10_000 * 100 and r < 0.12:
        yuan = fen // 100
        whole, frac = divmod(yuan, 10_000)
        return f"{whole}万" if frac == 0 else f"{whole}.{frac:04d}".rstrip("0") + "万"
    if r < 0.25:
        sign = "-" if fen < 0 else ""
        return f"{sign}{abs(fen) // 100:,}.{abs(fen) % 100:02d}"
    if r < 0.30 and fen % 100 == 0:
        return str(fen // 100)
    return fen_text(fen)


def rate_text(rng, u):
    """A rate of `u` units of 1e-10 (1% = 10^8), as percent or plain-fraction text."""
    if rng.random() < 0.15:
        # plain fraction: 1% = 0.01 = 10^8 units of 1e-10
        whole, frac = divmod(abs(u), 10**10)
        txt = f"{whole}.{frac:010d}".rstrip("0").rstrip(".")
        return ("-" if u < 0 else "") + txt
    whole, frac = divmod(abs(u), 10**8)
    txt = f"{whole}.{frac:08d}".rstrip("0").rstrip(".")
    return ("-" if u < 0 else "") + txt + "%"


def iso(d):
    return d.isoformat()


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randrange((hi - lo).days + 1))


# ---------------------------------------------------------------- loans

def gen_balance_fen(rng):
    r = rng.random()
    if r < 0.10:
        return rng.choice((CAP_FEN, CAP_FEN + 1, CAP_FEN - 1, 0, 1, CAP_FEN * 2))
    if r < 0.20:
        return rng.randrange(0, 3) * 10_000 * 100 * rng.randrange(1, 700)
    if r < 0.40:
        return rng.randrange(0, 2 * CAP_FEN)
    if r < 0.70:
        return rng.randrange(0, 10**8)
    return rng.randrange(0, 10**6) * 100


#: The default plausible bound annual_rate_max, 24%, in units of 1e-10.
RATE_MAX_UNITS = 2_400_000_000


def gen_rate_units(rng):
    """Annual rate as units of 1e-10 (1% = 10^8)."""
    r = rng.random()
    if r < 0.30:
        return rng.choice((99_000_000, 100_000_000, 101_000_000, 435_000_000, 365_000_000,
                           50_000_000, 1, 9_999_999_999, RATE_MAX_UNITS, RATE_MAX_UNITS + 1))
    if r < 0.70:
        return rng.randrange(1, 2_400) * 10**6          # 0.01% .. 23.99%, two decimals of a percent
    return rng.randrange(1, 10**9)                        # up to 10%, 8 decimals of a percent


def gen_loan(rng):
    """Returns (record dict, rounding, basis, max_days or None, reference facts)."""
    kind = rng.choices(("small", "micro", "individual_business", "medium", "large"), (43, 43, 8, 3, 3))[0]
    app = rand_date(rng, dt.date(2022, 3, 20), dt.date(2022, 7, 10))
    if rng.random() < 0.08:
        app = rng.choice((dt.date(2022, 3, 31), APP_FROM, APP_TO, dt.date(2022, 7, 1)))
    flags = [rng.random() < 0.93 for _ in range(3)]
    rate_units = gen_rate_units(rng)

    # the schedule: k ranges, in order, with the odd gap
    ranges = []
    day = rand_date(rng, dt.date(2022, 3, 1), dt.date(2022, 8, 1))
    for _ in range(rng.randrange(1, 7)):
        if ranges and rng.random() < 0.15:
            day += dt.timedelta(days=rng.randrange(1, 10))   # a gap
        length = rng.choice((1, 1, rng.randrange(1, 15), rng.randrange(1, 120)))
        end = day + dt.timedelta(days=length - 1)
        ranges.append([day, end, gen_balance_fen(rng)])
        day = end + ONE_DAY

    # a tie: one day whose subsidy is exactly half a fen (rate 1%, basis 360)
    tie = rng.random() < 0.03
    if tie:
        rate_units = 100_000_000
        ranges = [[ranges[0][0], ranges[0][0], 36000 * rng.randrange(0, 27_000) + 18000]]

    # the period: a covered run (usually), inside one contiguous block
    blocks = []
    for r in ranges:
        if blocks and blocks[-1][1] + ONE_DAY == r[0]:
            blocks[-1][1] = r[1]
        else:
            blocks.append([r[0], r[1]])
    b = rng.choice(blocks)
    p_from = rand_date(rng, b[0], b[1])
    p_to = rand_date(rng, p_from, b[1])
    if rng.random() < 0.5:
        p_from, p_to = b[0], b[1]
    if rng.random() < 0.03:
        p_to = ranges[-1][1] + dt.timedelta(days=rng.randrange(1, 5))   # past the schedule
    if rng.random() < 0.02:
        p_from = ranges[0][0] - ONE_DAY                                  # before it

    # injected record errors
    r = rng.random()
    if r < 0.01 and len(ranges) > 1:
        ranges[1][0] = ranges[0][1]                                      # overlap by a day
    elif r < 0.02 and len(ranges) > 1:
        ranges[0], ranges[1] = ranges[1], ranges[0]                      # out of order
    elif r < 0.03:
        ranges[rng.randrange(len(ranges))][2] = -rng.randrange(1, 10**6)  # negative balance
    elif r < 0.04:
        rate_units = rng.choice((0, -100_000_000, 10**10, 10**10 + 1))   # 0%, -1%, 100%, above
    elif r < 0.045:
        i = rng.randrange(len(ranges))
        if ranges[i][0] != ranges[i][1]:
            ranges[i][0], ranges[i][1] = ranges[i][1], ranges[i][0]      # reversed range

    balances = []
    for f, t, fen in ranges:
        if f == t and rng.random() < 0.3:
            balances.append({"date": iso(f), "balance": amount_text(rng, fen)})
        else:
            balances.append({"from": iso(f), "to": iso(t), "balance": amount_text(rng, fen)})
    record = {
        "borrower": "b%d" % rng.randrange(10**6),
        "borrower_kind": kind,
        "first_application_date": iso(app),
        "via_platform": flags[0],
        "local_legal_person_lender": flags[1],
        "first_loan": flags[2],
        "annual_rate": rate_text(rng, rate_units),
        "balances": balances,
        "period": {"from": iso(p_from), "to": iso(p_to)},
    }
    rounding = rng.choice(MODES)
    basis = "actual_365" if rng.random() < 0.2 else "actual_360"
    max_days = rng.randrange(1, 200) if rng.random() < 0.2 else None
    facts = dict(kind=kind, app=app, flags=flags, rate=Fraction(rate_units, 10**10), ranges=ranges,
                 period=(p_from, p_to), rounding=rounding, basis=365 if basis == "actual_365" else 360,
                 max_days=max_days, tie=tie)
    return record, rounding, basis, max_days, facts


def expect_loan(f):
    rate = f["rate"]
    # annual_rate_max (24%, included) is the plausible bound; 100% is refused whatever it is.
    if rate <= 0 or rate > Fraction(RATE_MAX_UNITS, 10**10) or rate >= 1:
        return "ERR validation"
    ranges = f["ranges"]
    for i, (a, b, fen) in enumerate(ranges):
        if b < a or fen < 0:
            return "ERR validation"
        if i and (a < ranges[i - 1][0] or a <= ranges[i - 1][1]):
            return "ERR validation"
    p_from, p_to = f["period"]
    if p_to < p_from:
        return "ERR validation"
    balance_on = {}
    for a, b, fen in ranges:
        d = a
        while d <= b:
            balance_on[d] = fen
            d += ONE_DAY
    d = p_from
    while d <= p_to:
        if d not in balance_on:
            return "ERR validation"
        d += ONE_DAY

    reasons = []
    if not (APP_FROM <= f["app"] <= APP_TO):
        reasons.append("application_outside_window")
    if f["kind"] not in ("small", "micro"):
        reasons.append("borrower_kind_not_eligible")
    for ok, code in zip(f["flags"], ("not_via_platform", "lender_not_local_legal_person", "not_first_loan")):
        if not ok:
            reasons.append(code)
    if reasons:
        return "OK 0 0.00 " + ",".join(reasons)

    last = p_to
    if f["max_days"] is not None:
        positive = sorted(d for d, fen in balance_on.items() if fen > 0)
        if positive:
            last = min(last, positive[0] + dt.timedelta(days=f["max_days"] - 1))
    total = 0
    d = p_from
    while d <= last:
        total += min(balance_on[d], CAP_FEN)
        d += ONE_DAY
    value = Fraction(total) * min(CEILING, rate) / f["basis"]
    return "OK 1 %s -" % fen_text(round_fraction(value, f["rounding"]))


# ---------------------------------------------------------------- receivables

def gen_financing_fen(rng):
    r = rng.random()
    if r < 0.1:
        return rng.choice((1, 100, 36500 * 100, 10**10))
    if r < 0.5:
        return rng.randrange(1, 10**9)
    return rng.randrange(1, 10**7) * 100


def gen_receivables(rng):
    fins = []
    facts = []
    n = rng.choice((0, 1, 1, 2, 3, 4, 5)) if rng.random() < 0.98 else 0
    tie = rng.random() < 0.03
    for _ in range(n):
        r = rng.random()
        if r < 0.15:
            start = rng.choice((dt.date(2021, 12, 31), FIN_FROM, FIN_TO, dt.date(2023, 7, 1),
                                dt.date(2023, 6, 1), dt.date(2023, 5, 2)))
        else:
            start = rand_date(rng, dt.date(2021, 11, 1), dt.date(2023, 9, 30))
        days = rng.choice((1, rng.randrange(1, 31), rng.randrange(1, 400), 30, 90, 180, 365))
        fen = gen_financing_fen(rng)
        if tie:
            # a single financing of one day whose reward is exactly half a fen
            start, days, fen = rand_date(rng, FIN_FROM, FIN_TO), 1, 36500 * rng.randrange(0, 10**6) + 18250
        end = start + dt.timedelta(days=days)
        confirmed = rng.random() < 0.9
        f = {"sme": "s%d" % rng.randrange(1000), "amount": amount_text(rng, fen), "start": iso(start)}
        mode = rng.random()
        given_end = given_days = None
        if mode < 0.5:
            given_end = end
        else:
            given_days = days
        # injected errors
        e = rng.random()
        if e < 0.005:
            given_end, given_days = end, days                  # both
        elif e < 0.01:
            given_end = given_days = None                      # neither
        elif e < 0.015:
            given_end, given_days = start - dt.timedelta(days=rng.randrange(0, 3)), None  # end ≤ start
        elif e < 0.02:
            given_end, given_days = None, rng.choice((0, -1))  # days < 1
        elif e < 0.025:
            fen = rng.choice((0, -100))                        # amount ≤ 0
            f["amount"] = amount_text(rng, fen)
        if given_end is not None:
            f["end"] = iso(given_end)
        if given_days is not None:
            f["days"] = given_days
        f["confirmed_on_platform"] = confirmed
        fins.append(f)
        facts.append(dict(fen=fen, start=start, end=given_end, days=given_days, confirmed=confirmed))
        if tie:
            break
    record = {"core_enterprise": "c%d" % rng.randrange(10**6), "financings": fins}
    rounding = rng.choice(MODES)
    straddle = rng.choice(("full_if_start_in_window", "days_in_window", "exclude"))
    return record, rounding, straddle, dict(fins=facts, rounding=rounding, straddle=straddle, tie=tie and n > 0)


def expect_receivables(f):
    terms = []
    for x in f["fins"]:
        if x["fen"] <= 0:
            return "ERR validation"
        if (x["end"] is None) == (x["days"] is None):
            return "ERR validation"
        if x["end"] is not None:
            if x["end"] <= x["start"]:
                return "ERR validation"
            terms.append((x["end"] - x["start"]).days)
        else:
            if x["days"] < 1:
                return "ERR validation"
            terms.append(x["days"])
    reasons = []
    total = 0
    counted = 0
    for x, days in zip(f["fins"], terms):
        failed = []
        if not x["confirmed"]:
            failed.append("financing_not_confirmed")
        start_in = FIN_FROM <= x["start"] <= FIN_TO
        if not start_in:
            failed.append("financing_outside_window")
        last_day = x["start"] + dt.timedelta(days=days - 1)
        used = days
        truncated = False
        if start_in and last_day > FIN_TO:
            if f["straddle"] == "days_in_window":
                used = (FIN_TO - x["start"]).days + 1
                truncated = True
            elif f["straddle"] == "exclude":
                failed.append("financing_straddles_window_end")
        reasons += failed
        if not failed:
            counted += 1
            total += x["fen"] * used
            if truncated:
                reasons.append("financing_days_truncated")
    if counted == 0:
        reasons.append("no_eligible_financing")
        return "OK 0 0.00 " + ",".join(reasons)
    value = Fraction(total) * REWARD_RATE / 365
    return "OK 1 %s %s" % (fen_text(round_fraction(value, f["rounding"])), ",".join(reasons) or "-")


# ---------------------------------------------------------------- main

def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    driver = argv[1]
    n_loans = n_recv = 100_000
    if "--loans" in argv:
        n_loans = int(argv[argv.index("--loans") + 1])
    if "--receivables" in argv:
        n_recv = int(argv[argv.index("--receivables") + 1])

    rng = random.Random(SEED)
    lines, expected, kinds = [], [], []
    ties = 0
    for _ in range(n_loans):
        record, rounding, basis, max_days, facts = gen_loan(rng)
        lines.append("loan\t%s\t%s\t%s\t%s" % (rounding, basis, "-" if max_days is None else max_days,
                                               json.dumps(record, ensure_ascii=False, separators=(",", ":"))))
        expected.append(expect_loan(facts))
        kinds.append("loan")
        ties += facts["tie"]
    for _ in range(n_recv):
        record, rounding, straddle, facts = gen_receivables(rng)
        lines.append("recv\t%s\t%s\t%s" % (rounding, straddle,
                                           json.dumps(record, ensure_ascii=False, separators=(",", ":"))))
        expected.append(expect_receivables(facts))
        kinds.append("recv")
        ties += facts["tie"]

    t0 = time.time()
    proc = subprocess.run([driver], input="\n".join(lines) + "\n", capture_output=True, text=True, encoding="utf-8")
    elapsed = time.time() - t0
    if proc.returncode != 0:
        print("rules_diff: driver failed with status %d: %s" % (proc.returncode, proc.stderr[:2000]))
        return 1
    got = proc.stdout.split("\n")
    if got and got[-1] == "":
        got.pop()
    if len(got) != len(lines):
        print("rules_diff: driver gave %d lines for %d cases" % (len(got), len(lines)))
        return 1

    failed = 0
    stats = {}
    for line, want, have, kind in zip(lines, expected, got, kinds):
        key = kind + (" error" if want.startswith("ERR") else " eligible" if want.startswith("OK 1") else " ineligible")
        stats[key] = stats.get(key, 0) + 1
        if want != have:
            failed += 1
            if failed <= 20:
                print("MISMATCH\n  case: %s\n  want: %s\n  got:  %s" % (line[:600], want, have))
    for key in sorted(stats):
        print("  %-20s %7d" % (key, stats[key]))
    print("  half-fen ties       %7d" % ties)
    print("  driver time         %7.1fs" % elapsed)
    passed = len(lines) - failed
    print("rules_diff: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
