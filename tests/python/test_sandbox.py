"""The sandbox from Python: Plan.with_parameters. Amounts worked by hand:
1,000,000.00 元 on 91 days (2022-04-01..06-30) and 0 on 07-01 at 4.35%
under the 1% ceiling is 1e6 x 91 x 1% / 360 = 2527.777.. -> 2527.78; under a
cap of 50万 it is 5e5 x 91 x 1% / 360 = 1263.888.. -> 1263.89; under a
0.8% ceiling, 1e6 x 91 x 0.8% / 360 = 2022.222.. -> 2022.22."""

from __future__ import annotations

import datetime
import threading
from decimal import Decimal

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
