"""zjcredit.whatif over docs/examples/loans.csv, worked by hand (the 2022
plan: cap 1000万, rate ceiling 1%, window 2022-04-01..2022-06-30, kinds small
and micro; ACT/360, each loan rounded half up to the 分):

baseline: 甲 1,000,000 x 91 x 1% / 360 = 2527.777.. -> 2527.78;
          乙 (10,000,000 x 52 + 5,000,000 x 31) x 0.8% / 360 = 15000.00;
          丙 (applied 2022-03-31, individual_business) 0; total 17527.78.
half (cap 500万, ceiling 0.8%): 甲 1,000,000 x 91 x 0.8% / 360 = 2022.22,
          乙 5,000,000 x 83 x 0.8% / 360 = 9222.22; total 11244.44 (-6283.34).
wide (window from 2022-03-01, individual_business too): 丙 200,000 x 91 x 1%
          / 360 = 505.56 and now eligible; total 18033.34 (+505.56).
Budget 2万: 17527.78 / 20000 = 87.6389% -> 87.64%; 56.2222% -> 56.22%;
90.1667% -> 90.17%."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

import zjcredit

EXAMPLE_LOANS = str(Path(__file__).resolve().parents[2] / "docs" / "examples" / "loans.csv")

SCENARIOS = {
    "half": {"first_loan_subsidy.balance_cap": "500万", "first_loan_subsidy.rate_ceiling": Decimal("0.008")},
    "wide": {"first_loan_subsidy.application_window": (datetime.date(2022, 3, 1), datetime.date(2022, 6, 30)),
             "first_loan_subsidy.eligible_kinds": ["small", "micro", "individual_business"]},
}


def frame_with_lenders():  # type: ignore[no-untyped-def]
    import pandas as pd

    frame = pd.read_csv(EXAMPLE_LOANS, dtype=str, keep_default_na=False)
    frame["贷款机构"] = frame["borrower"].map({"湛江市甲科技有限公司": "甲银行", "湛江市乙商贸有限公司": "乙银行",
                                          "湛江市丙餐饮店": "甲银行"})
    return frame


def test_totals_per_scenario_lender_and_kind() -> None:
    r = zjcredit.whatif(frame_with_lenders(), scenarios=SCENARIOS, budget="2万")
    t = r.totals.set_index(["scenario", "group", "value"])
    assert list(r.totals["scenario"].drop_duplicates()) == ["baseline", "half", "wide"]
    assert t.loc[("baseline", "all", ""), "total"] == Decimal("17527.78")
    assert t.loc[("baseline", "all", ""), "budget_share"] == "87.64%"
    half = t.loc[("half", "all", "")]
    assert (half["total"], half["difference"], half["lose"], half["gain"]) == (Decimal("11244.44"),
                                                                               Decimal("-6283.34"), 2, 0)
    assert half["budget_share"] == "56.22%"
    assert t.loc[("half", "lender", "乙银行"), "difference"] == Decimal("-5777.78")
    assert t.loc[("half", "borrower_kind", "small"), "total"] == Decimal("2022.22")
    wide = t.loc[("wide", "all", "")]
    assert (wide["total"], wide["difference"], wide["gain"], wide["become_eligible"], wide["budget_share"]) == (
        Decimal("18033.34"), Decimal("505.56"), 1, 1, "90.17%")
    assert t.loc[("wide", "lender", "甲银行"), "total"] == Decimal("3033.34")
    assert t.loc[("wide", "borrower_kind", "individual_business"), "become_eligible"] == 1
    assert t.loc[("wide", "lender", "乙银行"), "difference"] == Decimal("0.00")


def test_largest_changes() -> None:
    r = zjcredit.whatif(EXAMPLE_LOANS, scenarios=SCENARIOS, largest=1)
    c = r.changes.set_index("scenario")
    # half: 乙 changes most (-5777.78); only one kept.
    assert list(r.changes["scenario"]) == ["half", "wide"]
    assert (c.loc["half", "borrower"], c.loc["half", "difference"]) == ("湛江市乙商贸有限公司", Decimal("-5777.78"))
    assert (c.loc["wide", "borrower"], c.loc["wide", "baseline"], c.loc["wide", "scenario_amount"]) == (
        "湛江市丙餐饮店", Decimal("0.00"), Decimal("505.56"))
    assert r.totals["budget_share"].isna().all()


def test_errors() -> None:
    with pytest.raises(zjcredit.NotFoundError, match="balance_cop"):
        zjcredit.whatif(EXAMPLE_LOANS, scenarios={"x": {"first_loan_subsidy.balance_cop": "1"}})
    with pytest.raises(zjcredit.ParseError, match="balance_cap"):
        zjcredit.whatif(EXAMPLE_LOANS, scenarios={"x": {"first_loan_subsidy.balance_cap": "1%"}})
    with pytest.raises(zjcredit.ValidationError, match="budget"):
        zjcredit.whatif(EXAMPLE_LOANS, scenarios={"x": {"first_loan_subsidy.balance_cap": "1"}}, budget="-1")
    with pytest.raises(zjcredit.ValidationError, match="first_loan_subsidy"):
        zjcredit.whatif(EXAMPLE_LOANS, scenarios={"x": {"receivables_reward.reward_rate": "1%"}})
