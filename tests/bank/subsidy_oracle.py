"""An independent exact computation of the first-loan subsidy (首贷贴息) per
loan as a bank holds it, and amounts in 大写; the expected side of the bank
file test. Written from the rule's text (docs/records.md §2,
../shared/DESIGN.md §2), never from zjcredit's code or output: fractions and
integer 分 only, no float anywhere.

The rule, per loan:
  end-of-day balance on day d = 0 before the drawdown date; the drawdown
  amount from the drawdown date; each repayment lowers it from its own date;
  0 from the settlement date on (the settlement day does not accrue).
  积数 = Σ over the claim period's days of min(balance_d, 10,000,000.00)
  subsidy = round_half_up_to_分(积数 × min(1%, rate) / 360), one rounding.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

BALANCE_CAP_FEN = 10_000_000_00  # 1000万元, 不超过: a balance of exactly the cap is all counted
RATE_CEILING = Fraction(1, 100)  # 不高于 1%
BASIS_DAYS = 360  # 银发〔2005〕129号: 日利率 = 年利率 / 360
APPLICATION_WINDOW = (dt.date(2022, 4, 1), dt.date(2022, 6, 30))
ELIGIBLE_KINDS = ("small", "micro")
REASON_ORDER = (
    "application_outside_window",
    "borrower_kind_not_eligible",
    "not_via_platform",
    "lender_not_local_legal_person",
    "not_first_loan",
)


def fen(amount: Decimal | str) -> int:
    """An amount in 元 (at most two decimals) as integer 分."""
    d = Decimal(amount)
    f = d * 100
    if f != f.to_integral_value():
        raise ValueError(f"{amount} has more than two decimals of 元")
    return int(f)


def yuan(fen_value: int) -> str:
    """Integer 分 as the output form: two decimals, no grouping."""
    sign = "-" if fen_value < 0 else ""
    a = abs(fen_value)
    return f"{sign}{a // 100}.{a % 100:02d}"


def days(first: dt.date, last: dt.date):
    """Every day from first to last, both included."""
    d = first
    while d <= last:
        yield d
        d += dt.timedelta(days=1)


def balance_fen_on(day: dt.date, drawdown: dt.date, amount_fen: int, repayments, settled: dt.date | None) -> int:
    """End-of-day balance in 分 on `day`, straight from the rule's words."""
    if day < drawdown:
        return 0
    if settled is not None and day >= settled:
        return 0
    return amount_fen - sum(fen(a) for (on, a) in repayments if on <= day)


def jifen_fen_daily(period, drawdown, amount_fen, repayments, settled) -> int:
    """积数 in 分·日, summed day by day over the period."""
    return sum(min(balance_fen_on(d, drawdown, amount_fen, repayments, settled), BALANCE_CAP_FEN)
               for d in days(*period))


def jifen_fen_segments(period, drawdown, amount_fen, repayments, settled) -> int:
    """积数 in 分·日 again, another way, to cross-check jifen_fen_daily: the
    balance changes only on the drawdown, repayment and settlement dates, so
    run a ledger through those dates and add (days held × capped balance) for
    each stretch inside the period."""
    first, last = period
    changes: dict[dt.date, int] = {drawdown: amount_fen}
    for on, a in repayments:
        changes[on] = changes.get(on, 0) - fen(a)
    end = last + dt.timedelta(days=1)
    if settled is not None and settled < end:
        end = max(settled, first)  # nothing accrues from the settlement date on
    balance = 0
    total = 0
    cursor = first
    for on in sorted(changes):
        # the balance so far holds from cursor up to the day before `on`
        if cursor < min(on, end):
            total += (min(on, end) - cursor).days * min(balance, BALANCE_CAP_FEN)
            cursor = min(on, end)
        balance += changes[on]
        if balance < 0:
            raise ValueError(f"balance below zero on {on}")
    if cursor < end:
        total += (end - cursor).days * min(balance, BALANCE_CAP_FEN)
    return total


def round_half_up(x: Fraction) -> int:
    """x ≥ 0 rounded to the nearest integer, halves up (分位以下四舍五入)."""
    if x < 0:
        raise ValueError("a subsidy is never negative")
    return int((x + Fraction(1, 2)) // 1)


def rate_used(rate_percent: Decimal | str) -> Fraction:
    """The rate in the formula: the lower of the actual annual rate (a
    percent, 4.35 meaning 4.35%) and the 1% ceiling."""
    return min(RATE_CEILING, Fraction(Decimal(rate_percent)) / 100)


def subsidy_fen(jifen_fen: int, rate_percent: Decimal | str) -> int:
    """积数 × min(1%, rate) / 360, rounded once, half up, to the 分."""
    return round_half_up(Fraction(jifen_fen) * rate_used(rate_percent) / BASIS_DAYS)


def reasons(application: dt.date, kind: str, via_platform: bool, local_lender: bool, first_loan: bool) -> list[str]:
    """Every failed eligibility check, in the rule's order."""
    failed = []
    if not (APPLICATION_WINDOW[0] <= application <= APPLICATION_WINDOW[1]):
        failed.append("application_outside_window")
    if kind not in ELIGIBLE_KINDS:
        failed.append("borrower_kind_not_eligible")
    if not via_platform:
        failed.append("not_via_platform")
    if not local_lender:
        failed.append("lender_not_local_legal_person")
    if not first_loan:
        failed.append("not_first_loan")
    assert [r for r in REASON_ORDER if r in failed] == failed
    return failed


_DIGIT = "零壹贰叁肆伍陆柒捌玖"
_PLACE = ("", "拾", "佰", "仟")
_GROUP_UNIT = ("", "万", "亿")


def words(fen_value: int) -> str:
    """An amount in 大写 (会计基础工作规范 第五十二条), below 10^12 元.

    Where the rule allows two forms, the one the project's words.hpp documents:
    a run of zeros inside the number is one 零; zeros at the end of a 4-digit
    group are carried by its unit (no 零 right after 万/亿); a 零 after 元 when
    the 元 place is 0 and 角 is not; 整 only when there are no 角 and 分.
    """
    if not 0 <= fen_value < 10**14:
        raise ValueError("outside what this small 大写 function covers")
    whole, jiao, fen_digit = fen_value // 100, fen_value // 10 % 10, fen_value % 10
    if fen_value == 0:
        return "零元整"
    out = []
    if whole:
        groups = [whole // 10**8 % 10**4, whole // 10**4 % 10**4, whole % 10**4]  # 亿, 万, 个
        started = zero_pending = False
        for g, value in enumerate(groups):
            for p in (3, 2, 1, 0):
                digit = value // 10**p % 10
                if digit == 0:
                    zero_pending = zero_pending or started
                    continue
                if zero_pending:
                    out.append("零")
                zero_pending = False
                out.append(_DIGIT[digit] + _PLACE[p])
                started = True
            if value:
                out.append(_GROUP_UNIT[2 - g])
                if g < 2:
                    zero_pending = False  # the group's trailing zeros go with its unit
        out.append("元")
        if not jiao and not fen_digit:
            return "".join(out) + "整"
        if whole % 10 == 0 and jiao:
            out.append("零")
    if jiao:
        out.append(_DIGIT[jiao] + "角")
    elif whole:
        out.append("零")
    if fen_digit:
        out.append(_DIGIT[fen_digit] + "分")
    return "".join(out)


def _self_test() -> None:
    # The four worked examples of the rule (DESIGN.md §2, 会计基础工作规范).
    assert words(140950) == "壹仟肆佰零玖元伍角", words(140950)
    assert words(100505) == "壹仟零伍元零伍分", words(100505)
    assert words(1000) == "壹拾元整", words(1000)
    assert words(100010000 * 100) == "壹亿零壹万元整", words(100010000 * 100)
    # The forms words.hpp chooses where the rule allows two.
    assert words(10700053) == "壹拾万柒仟元零伍角叁分"
    assert words(168032) == "壹仟陆佰捌拾元零叁角贰分"
    assert words(5) == "伍分"
    assert words(100000001 * 100) == "壹亿零壹元整"
    assert round_half_up(Fraction(1, 2)) == 1 and round_half_up(Fraction(49, 100)) == 0
    assert round_half_up(Fraction(3, 2)) == 2  # half up, not half even
    assert rate_used("0.8") == Fraction(8, 1000) and rate_used("4.35") == Fraction(1, 100)
    assert rate_used("1") == Fraction(1, 100)


_self_test()
