"""Property tests: the binding's amounts against a pure decimal/fractions
reference written from docs/records.md (not from the library's code).

Hypothesis runs derandomized (a fixed sequence of examples, no example
database), so every run tests the same cases.
"""

from __future__ import annotations

import datetime
import decimal
import math
from decimal import Decimal
from fractions import Fraction
from typing import Any, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zjcredit
from helpers import plan_with

SETTINGS = settings(derandomize=True, database=None, max_examples=80, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

MAX_FEN = 2**63 - 1
EXACT = decimal.Context(prec=200)

DECIMAL_MODES = {
    "half_up": decimal.ROUND_HALF_UP,  # ties away from zero, as 四舍五入
    "half_even": decimal.ROUND_HALF_EVEN,
    "down": decimal.ROUND_DOWN,
    "up": decimal.ROUND_UP,
}

FULL_WIDTH = str.maketrans("0123456789.,-", "０１２３４５６７８９．，－")


# ---- amounts ---------------------------------------------------------------------------


def _yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


@st.composite
def amount_texts(draw: Any) -> tuple[str, int]:
    fen = draw(st.one_of(st.integers(-MAX_FEN, MAX_FEN), st.integers(-10**9, 10**9)))
    value = _yuan(fen)
    form = draw(st.sampled_from(["plain", "grouped", "full_width", "decimal"]))
    if form == "grouped":
        return format(value, ",f"), fen
    if form == "full_width":
        return format(value, "f").translate(str.maketrans("0123456789.", "０１２３４５６７８９．")), fen
    if form == "decimal":
        return value, fen  # type: ignore[return-value]
    return format(value, "f"), fen


@SETTINGS
@given(amount_texts())
def test_parse_amount_is_exact(case: tuple[str, int]) -> None:
    text, fen = case
    value = zjcredit.parse_amount(text)
    assert value == _yuan(fen)
    assert value.as_tuple().exponent == -2


@SETTINGS
@given(st.integers(-10**15, 10**15), st.integers(1, 6), st.sampled_from(sorted(DECIMAL_MODES)))
def test_parse_amount_round_excess(scaled: int, extra: int, mode: str) -> None:
    value = Decimal(scaled).scaleb(-(2 + extra))
    expected = value.quantize(Decimal("0.01"), rounding=DECIMAL_MODES[mode], context=EXACT)
    assert zjcredit.parse_amount(format(value, "f"), round_excess=mode) == expected


@SETTINGS
@given(st.integers(-10**15, 10**15))
def test_parse_amount_refuses_below_the_fen(scaled: int) -> None:
    value = Decimal(scaled * 10 + 1).scaleb(-3)  # a third decimal that is never 0
    with pytest.raises(zjcredit.ParseError):
        zjcredit.parse_amount(format(value, "f"))


@SETTINGS
@given(st.integers(-10**33, 10**33), st.integers(0, 18), st.integers(0, 18), st.sampled_from(sorted(DECIMAL_MODES)))
def test_round_amount_matches_decimal(digits: int, scale: int, places: int, mode: str) -> None:
    value = Decimal(digits).scaleb(-scale)
    expected = value.quantize(Decimal(1).scaleb(-places), rounding=DECIMAL_MODES[mode], context=EXACT)
    # The library keeps a decimal as a 128-bit integer of 10^-places units.
    magnitude = abs(digits) * 10 ** max(0, places - scale)
    if magnitude >= 2**128:
        with pytest.raises(zjcredit.OverflowError):
            zjcredit.round_amount(value, places, mode)
        return
    if magnitude >= 2**126:  # near the edge: either an exact result or OverflowError
        return
    result = zjcredit.round_amount(value, places, mode)
    assert result == expected
    assert result.as_tuple().exponent == -places
    assert zjcredit.round_amount(format(value, "f"), places, mode) == result


# ---- the first-loan subsidy ------------------------------------------------------------

WINDOW = (datetime.date(2022, 4, 1), datetime.date(2022, 6, 30))
CAP_FEN = 1_000_000_000  # 10000000.00 元, 不超过
RATE_CEILING = Fraction(1, 100)

#: name -> (plan overrides, basis days, rounding)
PLANS: dict[str, tuple[dict[str, Any], int, str]] = {
    "default": ({}, 360, "half_up"),
    "half_even_365": ({"rounding": "half_even", "basis": "actual_365"}, 365, "half_even"),
    "down": ({"rounding": "down"}, 360, "down"),
    "up": ({"rounding": "up"}, 360, "up"),
}
_PLAN_CACHE: dict[str, Optional[zjcredit.Plan]] = {}


def _plan(name: str) -> Optional[zjcredit.Plan]:
    if name not in _PLAN_CACHE:
        overrides = PLANS[name][0]
        _PLAN_CACHE[name] = plan_with("first_loan_subsidy", overrides) if overrides else None
    return _PLAN_CACHE[name]


def _round_fen(x: Fraction, mode: str) -> int:
    """Rounds a non-negative number of 分 to a whole 分."""
    assert x >= 0
    down = math.floor(x)
    rest = x - down
    if mode == "down" or rest == 0:
        return down
    if mode == "up":
        return down + 1
    if rest > Fraction(1, 2):
        return down + 1
    if rest < Fraction(1, 2):
        return down
    return down + 1 if mode == "half_up" or down % 2 == 1 else down


def reference_subsidy(record: dict[str, Any], basis: int, mode: str) -> tuple[bool, Decimal]:
    """docs/records.md §2, from the text: eligibility, then
    round(Σ_{period days} min(balance, cap) × min(rate, 1%) / basis) to the 分."""
    applied = datetime.date.fromisoformat(record["first_application_date"])
    eligible = (WINDOW[0] <= applied <= WINDOW[1] and record["borrower_kind"] in ("small", "micro")
                and record["via_platform"] and record["local_legal_person_lender"] and record["first_loan"])
    if not eligible:
        return False, Decimal("0.00")
    rate = Fraction(Decimal(record["annual_rate"].rstrip("%"))) / 100
    rate = min(rate, RATE_CEILING)
    balance_of: dict[datetime.date, int] = {}
    for r in record["balances"]:
        first = datetime.date.fromisoformat(r.get("from", r.get("date")))
        last = datetime.date.fromisoformat(r.get("to", r.get("date")))
        fen = int(Decimal(r["balance"]) * 100)
        d = first
        while d <= last:
            balance_of[d] = fen
            d += datetime.timedelta(days=1)
    total = Fraction(0)
    d = datetime.date.fromisoformat(record["period"]["from"])
    last = datetime.date.fromisoformat(record["period"]["to"])
    while d <= last:
        total += min(balance_of[d], CAP_FEN)
        d += datetime.timedelta(days=1)
    return True, _yuan(_round_fen(total * rate / basis, mode))


balances_fen = st.one_of(
    st.integers(0, 2 * CAP_FEN),
    st.sampled_from([0, 1, CAP_FEN - 1, CAP_FEN, CAP_FEN + 1, 50_000_000]),
    st.integers(0, 10_000),
)


@st.composite
def loans(draw: Any) -> dict[str, Any]:
    start = datetime.date(2022, 3, 1) + datetime.timedelta(days=draw(st.integers(0, 120)))
    ranges = []
    day = start
    for _ in range(draw(st.integers(1, 4))):
        length = draw(st.integers(1, 60))
        fen = draw(balances_fen)
        last = day + datetime.timedelta(days=length - 1)
        if length == 1 and draw(st.booleans()):
            ranges.append({"date": day.isoformat(), "balance": _yuan(fen)})
        else:
            ranges.append({"from": day.isoformat(), "to": last.isoformat(), "balance": _yuan(fen)})
        day = last + datetime.timedelta(days=1)
    span = (day - start).days
    offset = draw(st.integers(0, span - 1))
    length = draw(st.integers(1, span - offset))
    p_from = start + datetime.timedelta(days=offset)
    p_to = p_from + datetime.timedelta(days=length - 1)
    rate = Decimal(draw(st.one_of(st.integers(1, 200_000), st.sampled_from([9900, 10000, 10001, 43500])))).scaleb(-4)
    if draw(st.integers(0, 3)) > 0:  # mostly eligible loans, which have amounts to compare
        flags = (True, True, True)
        applied = WINDOW[0] + datetime.timedelta(days=draw(st.integers(0, (WINDOW[1] - WINDOW[0]).days)))
        kind = draw(st.sampled_from(["small", "micro"]))
    else:
        flags = draw(st.tuples(st.booleans(), st.booleans(), st.booleans()))
        applied = datetime.date(2022, 3, 25) + datetime.timedelta(days=draw(st.integers(0, 105)))
        kind = draw(st.sampled_from(["small", "micro", "individual_business"]))
    return {
        "borrower": "湛江市甲科技有限公司",
        "borrower_kind": kind,
        "first_application_date": applied.isoformat(),
        "via_platform": flags[0],
        "local_legal_person_lender": flags[1],
        "first_loan": flags[2],
        "annual_rate": f"{rate:f}%",
        "balances": ranges,
        "period": {"from": p_from.isoformat(), "to": p_to.isoformat()},
    }


@settings(SETTINGS, max_examples=150)
@given(loans(), st.sampled_from(sorted(PLANS)))
def test_first_loan_subsidy_matches_the_reference(record: dict[str, Any], plan_name: str) -> None:
    _, basis, mode = PLANS[plan_name]
    eligible, amount = reference_subsidy(record, basis, mode)
    result = zjcredit.first_loan_subsidy(record, _plan(plan_name))
    assert result.eligible is eligible
    assert result.amount == amount
    assert result.amount.as_tuple().exponent == -2
    if not eligible:
        assert result.reasons


# ---- pro-rata budget allocation ----------------------------------------------------------


def reference_pro_rata(claims: dict[str, int], budget: int) -> dict[str, int]:
    """docs/records.md §5: largest remainder to the 分, ties by id in byte order."""
    total = sum(claims.values())
    if total <= budget:
        return dict(claims)
    shares = {i: Fraction(budget * a, total) for i, a in claims.items()}
    out = {i: math.floor(s) for i, s in shares.items()}
    left = budget - sum(out.values())
    order = sorted(claims, key=lambda i: (-(shares[i] - out[i]), i.encode()))
    for i in order[:left]:
        out[i] += 1
    return out


@SETTINGS
@given(st.dictionaries(st.text("ABCDEFGHIJ甲乙丙", min_size=1, max_size=3), st.integers(0, 10**8), min_size=1, max_size=8),
       st.integers(0, 3 * 10**8))
def test_pro_rata_matches_the_reference(claims: dict[str, int], budget: int) -> None:
    result = zjcredit.allocate_budget({i: _yuan(a) for i, a in claims.items()}, _yuan(budget))
    expected = reference_pro_rata(claims, budget)
    assert result.by_id() == {i: _yuan(a) for i, a in expected.items()}
    assert result.amount == _yuan(min(budget, sum(claims.values())))
