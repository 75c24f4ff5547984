"""The first-loan subsidy (首贷贴息) of one loan in straightforward Python: the
reference that the CLI (reference_cli.py, from CSV rows) and the one-record
paths (one_record.py, from the loan dict of docs/records.md §2) are timed and
checked against in run_bench.py.

Written from the rule's text (docs/records.md §2, the top comment of
include/zjcredit/rules/first_loan_subsidy.hpp), not by calling zjcredit: the
2022 plan's parameters are written out below. Amounts and rates are
`decimal.Decimal`, dates `datetime.date`, and

    subsidy = round_half_up( Σ_{period days} min(balance, 10000000.00) × min(1%, rate) / 360 )

is computed exactly (one rounding, to the 分). Callers set
`decimal.getcontext().prec` high enough to be exact (run_bench.py and
reference_cli.py use 60 digits).
"""

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# The 2022 plan (湛金函〔2022〕86号, measure 一) as the rule's text gives it.
WINDOW_FROM = dt.date(2022, 4, 1)
WINDOW_TO = dt.date(2022, 6, 30)
BALANCE_CAP = Decimal("10000000.00")  # 1000万元, 不超过: included
RATE_CEILING = Decimal("0.01")  # 1%, 不高于
RATE_MAX = Decimal("0.24")  # the plausible actual annual rate: zjcredit's default bound, included
BASIS = Decimal(360)  # actual/360
ELIGIBLE_KINDS = {"small", "micro"}
KINDS = {"small", "micro", "individual_business"}
CENT = Decimal("0.01")
ONE_DAY = dt.timedelta(days=1)

# reason code -> its explanation (the CLI's 说明 column), in the order the checks are made
REASONS = {
    "application_outside_window": "首次贷款申请日期 {app} 不在 {window_from} 至 {window_to} 之间",
    "borrower_kind_not_eligible": "借款人类型（{kind}）不是小型企业或微型企业",
    "not_via_platform": "未通过广东省中小企业融资平台申请",
    "lender_not_local_legal_person": "贷款机构不是地方法人金融机构",
    "not_first_loan": "不是借款人的首次贷款",
}


class RowError(Exception):
    """An invalid loan: the message names the field."""


def amount(text, field):
    s = text.replace(",", "").strip()
    mult = 1
    if s.endswith("元"):
        s = s[:-1]
    if s.endswith("亿"):
        s, mult = s[:-1], 100_000_000
    elif s.endswith("万"):
        s, mult = s[:-1], 10_000
    try:
        v = Decimal(s) * mult
    except InvalidOperation:
        raise RowError(f"{field}: not an amount: {text!r}") from None
    if v != v.quantize(CENT):
        raise RowError(f"{field}: more than 2 decimals: {text!r}")
    return v


def rate(text, field="annual_rate"):
    s = text.strip()
    try:
        return Decimal(s[:-1]) / 100 if s.endswith("%") else Decimal(s)
    except InvalidOperation:
        raise RowError(f"{field}: not a rate: {text!r}") from None


def date(text, field):
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        try:
            y, m, d = text.strip().split("/")
            return dt.date(int(y), int(m), int(d))
        except ValueError:
            raise RowError(f"{field}: not a date: {text!r}") from None


def rule(borrower, kind, app, via, local, first_loan, r, pf, pt, ranges):
    """(eligible, amount Decimal, [(reason code, explanation)]) of one parsed loan; RowError if invalid.

    ranges: [(from date, to date, balance Decimal)], in the record's order."""
    if not borrower:
        raise RowError("borrower: empty")
    if kind not in KINDS:
        raise RowError(f"borrower_kind: {kind!r}")
    if not ranges:
        raise RowError("balances: empty")
    # validation
    if not Decimal(0) < r <= RATE_MAX:
        raise RowError("annual_rate: must be above 0% and at most 24%")
    prev_to = None
    for k, (f, t, b) in enumerate(ranges):
        if t < f:
            raise RowError(f"balances[{k}]: ends before it starts")
        if prev_to is not None and f <= prev_to:
            raise RowError(f"balances[{k}]: out of order or overlapping")
        if b < 0:
            raise RowError(f"balances[{k}].balance: negative")
        prev_to = t
    if pt < pf:
        raise RowError("period: reversed")
    day = pf  # every period day must lie in a range
    for f, t, _ in ranges:
        if t < day:
            continue
        if f > day:
            break
        day = t + ONE_DAY
        if day > pt:
            break
    if day <= pt:
        raise RowError(f"period: {day} is outside the balance schedule")
    # eligibility: every check, in order
    reasons = []
    if not WINDOW_FROM <= app <= WINDOW_TO:
        reasons.append("application_outside_window")
    if kind not in ELIGIBLE_KINDS:
        reasons.append("borrower_kind_not_eligible")
    if not via:
        reasons.append("not_via_platform")
    if not local:
        reasons.append("lender_not_local_legal_person")
    if not first_loan:
        reasons.append("not_first_loan")
    if reasons:
        facts = {"app": app, "window_from": WINDOW_FROM, "window_to": WINDOW_TO, "kind": kind}
        return False, Decimal("0.00"), [(c, REASONS[c].format(**facts)) for c in reasons]
    balance_days = Decimal(0)
    for f, t, b in ranges:
        lo, hi = max(f, pf), min(t, pt)
        if lo <= hi:
            balance_days += min(b, BALANCE_CAP) * ((hi - lo).days + 1)
    value = balance_days * min(RATE_CEILING, r) / BASIS
    return True, value.quantize(CENT, rounding=ROUND_HALF_UP), []


def _flag(value, field):
    if not isinstance(value, bool):
        raise RowError(f"{field}: expected true or false: {value!r}")
    return value


def loan_subsidy(loan):
    """rule() of one loan record as docs/records.md §2 gives it: a dict of
    strings (amounts, the rate and dates as text; the three flags bool),
    balances a list of {from, to, balance} or {date, balance}."""
    ranges = []
    for k, b in enumerate(loan["balances"]):
        if "date" in b:
            f = t = date(b["date"], f"balances[{k}].date")
        else:
            f, t = date(b["from"], f"balances[{k}].from"), date(b["to"], f"balances[{k}].to")
        ranges.append((f, t, amount(b["balance"], f"balances[{k}].balance")))
    period = loan["period"]
    return rule(loan["borrower"], loan["borrower_kind"],
                date(loan["first_application_date"], "first_application_date"),
                _flag(loan["via_platform"], "via_platform"),
                _flag(loan["local_legal_person_lender"], "local_legal_person_lender"),
                _flag(loan["first_loan"], "first_loan"), rate(loan["annual_rate"]),
                date(period["from"], "period.from"), date(period["to"], "period.to"), ranges)
