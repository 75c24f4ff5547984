"""The sandbox from Python: Plan.with_parameters. Amounts worked by hand:
1,000,000.00 元 on 91 days (2022-04-01..06-30) and 0 on 07-01 at 4.35%
under the 1% ceiling is 1e6 x 91 x 1% / 360 = 2527.777.. -> 2527.78; under a
cap of 50万 it is 5e5 x 91 x 1% / 360 = 1263.888.. -> 1263.89; under a
0.8% ceiling, 1e6 x 91 x 0.8% / 360 = 2022.222.. -> 2022.22."""

from __future__ import annotations

import datetime
import threading
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import zjcredit
from helpers import loan


def test_override_and_receipt() -> None:
    base = zjcredit.Plan.default()
    cap = base.with_parameters("first_loan_subsidy", scenario="cap50", balance_cap="50万")
    r = zjcredit.first_loan_subsidy(loan(), cap)
    assert r.amount == Decimal("1263.89")
    used = {p["name"]: p for p in r.receipt["parameters"]}
    assert used["balance_cap"]["source"] == "override"
    assert used["balance_cap"]["scenario"] == "cap50"
    assert used["balance_cap"]["plan_value"] == "10000000.00"
    assert used["balance_cap"]["value"] == "500000.00"
    assert "source" not in used["rate_ceiling"]
    assert r.receipt["rule_set_version"] == "2022.1+override"
    # The original plan is untouched.
    assert zjcredit.first_loan_subsidy(loan(), base).amount == Decimal("2527.78")
    assert "source" not in zjcredit.first_loan_subsidy(loan(), base).receipt["parameters"][1]


def test_python_values() -> None:
    p = zjcredit.with_parameters(
        None,
        "first_loan_subsidy",
        rate_ceiling=Decimal("0.008"),
        application_window=(datetime.date(2022, 4, 1), datetime.date(2022, 6, 30)),
        eligible_kinds=["small", "micro"],
        per_borrower_cap=None,
    )
    assert zjcredit.first_loan_subsidy(loan(), p).amount == Decimal("2022.22")
    with pytest.raises(TypeError):
        zjcredit.Plan.default().with_parameters("first_loan_subsidy", balance_cap=5e6)


@pytest.mark.parametrize(
    "rule, values, error, field",
    [
        ("first_loan_subsidy", {"balance_kap": "1"}, zjcredit.NotFoundError, "first_loan_subsidy.balance_kap"),
        ("first_loan_subsidy", {"balance_cap": "1%"}, zjcredit.ParseError, "first_loan_subsidy.balance_cap"),
        (
            "first_loan_subsidy",
            {"application_window": "2022-06-30..2022-04-01"},
            zjcredit.ValidationError,
            "first_loan_subsidy.application_window",
        ),
        ("first_loan_subsidy", {"budget": "-1"}, zjcredit.ValidationError, "first_loan_subsidy.budget"),
        ("first_loan", {"balance_cap": "1"}, zjcredit.NotFoundError, "rule"),
    ],
)
def test_errors(rule: str, values: dict[str, str], error: type, field: str) -> None:
    with pytest.raises(error) as e:
        zjcredit.Plan.default().with_parameters(rule, **values)
    assert e.value.field == field


def test_no_leak_across_threads() -> None:
    base = zjcredit.Plan.default()
    wrong: list[str] = []

    def work(i: int) -> None:
        for _ in range(50):
            cap = base.with_parameters("first_loan_subsidy", balance_cap="50万", scenario=f"t{i}")
            if zjcredit.first_loan_subsidy(loan(), cap).amount != Decimal("1263.89"):
                wrong.append("override")
            if zjcredit.first_loan_subsidy(loan(), base).amount != Decimal("2527.78"):
                wrong.append("base")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []


# The goal seek (zjcredit.seek over zjc_seek_tables) on docs/examples/loans.csv,
# worked by hand for a balance cap c between 45万 and 46万 (below every balance;
# 1% ceiling, ACT/360, each loan rounded half up to the 分; 丙 applied before
# the window, 0): 甲 c x 91 x 1% / 360, 乙 c x (52 + 31) x 0.8% / 360.
#   c = 457,435.38: 甲 4,162,661,958/36000 分 -> 1156.29, 乙 3,796,713,654/45000 分 -> 843.71: 2000.00
#   c = 457,435.39: 甲 4,162,662,049/36000 分 = 115,629.50.. -> 1156.30:                      2000.01
#   c = 457,431.43: 甲 4,162,626,013/36000 分 = 115,628.50.. -> 1156.29, 乙 -> 843.71:           2000.00
#   c = 457,431.42: 甲 4,162,625,922/36000 分 = 115,628.49.. -> 1156.28:                      1999.99
EXAMPLE_LOANS = Path(__file__).resolve().parents[2] / "docs" / "examples" / "loans.csv"


def test_seek_budget_and_certificate() -> None:
    r = zjcredit.seek(EXAMPLE_LOANS, parameter="first_loan_subsidy.balance_cap", budget=Decimal("2000"),
                      within="45万..46万")
    assert (r.parameter, r.value, r.total) == ("first_loan_subsidy.balance_cap", "457435.38", Decimal("2000.00"))
    assert (r.next_value, r.next_total) == ("457435.39", Decimal("2000.01"))
    assert (r.value, r.total) in r.evaluations and (r.next_value, r.next_total) in r.evaluations
    assert len(r.evaluations) <= 2 + 20 + 1  # the ends, bisection's 20 halvings over 1,000,000 分, ITP's one more


def test_seek_reach_from_a_frame() -> None:
    import pandas as pd

    frame = pd.read_csv(EXAMPLE_LOANS, dtype=str, keep_default_na=False)
    r = zjcredit.seek(frame, parameter="first_loan_subsidy.balance_cap", budget="2000", within=("45万", "46万"),
                      reach=True)
    assert (r.value, r.total, r.next_value, r.next_total) == ("457431.43", Decimal("2000.00"), "457431.42",
                                                               Decimal("1999.99"))


def test_seek_whole_range_and_plan() -> None:
    # A budget above everything: the answer is the top of the natural range,
    # the largest balance (1200万), with no next step. Under the full cap the
    # total is 2527.78 + (12,000,000 x 52 + 5,000,000 x 31) x 0.8% / 360 =
    # 2527.78 + 17311.11 = 19838.89.
    r = zjcredit.seek(EXAMPLE_LOANS, parameter="first_loan_subsidy.balance_cap", budget="1亿")
    assert (r.value, r.total, r.next_value, r.next_total) == ("12000000.00", Decimal("19838.89"), None, None)


def test_seek_errors() -> None:
    kw: dict[str, Any] = {"parameter": "first_loan_subsidy.balance_cap", "budget": "2000"}
    with pytest.raises(zjcredit.NotFoundError, match="balance_kap"):
        zjcredit.seek(EXAMPLE_LOANS, **{**kw, "parameter": "first_loan_subsidy.balance_kap"})
    with pytest.raises(zjcredit.ParseError, match="within"):
        zjcredit.seek(EXAMPLE_LOANS, **kw, within="1%..2%")
    with pytest.raises(zjcredit.ValidationError, match="ends before it starts"):
        zjcredit.seek(EXAMPLE_LOANS, **kw, within="46万..45万")
    with pytest.raises(zjcredit.ValidationError, match="negative"):
        zjcredit.seek(EXAMPLE_LOANS, **{**kw, "budget": "-1"})
    with pytest.raises(zjcredit.ValidationError, match="does not rise"):
        zjcredit.seek(EXAMPLE_LOANS, **{**kw, "parameter": "first_loan_subsidy.application_window.from"})
    with pytest.raises(TypeError):
        zjcredit.seek(EXAMPLE_LOANS, **{**kw, "budget": 2000.0})
