"""zjcredit.screen: the per-borrower subsidy over two lenders' tables, as
DataFrames, through the C ABI. Expected values are worked by hand from the
rule (docs/screen.md), the figures of tests/screen/screen_test.cpp:

Borrower 甲公司 (91440800MA4W00001F) has L1 at 银行甲 (applied 04-10, 800万
drawn 04-10, 0.8%) and L2 at 银行乙 (applied 04-20, 800万 drawn 04-20, 4.35%,
used at the 1% ceiling); claim period 2022-04-01..06-30. L1 has 82 days of
balance (21 + 31 + 30), L2 72 (11 + 31 + 30). The one 1000万 cap is filled
by L1 first (800万), L2 taking the 200万 left:
  L1: 800万 × 82 × 0.8% ÷ 360 = 14,577.777…
  L2: 200万 × 72 × 1%  ÷ 360 =  4,000
The borrower: 18,577.777… rounded once → 18,577.78; split by largest
remainder: 14,577.78 + 4,000.00."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import zjcredit

pd = pytest.importorskip("pandas")

PERIOD = "2022-04-01..2022-06-30"
CODE = "91440800MA4W00001F"
HEADER = ["借据号", "借款人", "统一社会信用代码", "企业规模", "首次申请日期", "是否通过融资平台申请",
          "是否地方法人金融机构", "是否首贷", "利率(%)", "放款日期", "放款金额"]


def table(*rows: list[str]) -> Any:
    return pd.DataFrame([list(r) for r in rows], columns=HEADER, dtype=str)


def bank_a(code: str = CODE) -> Any:
    return table(["L1", "甲公司", code, "小型", "2022-04-10", "是", "是", "是", "0.8", "2022-04-10", "8000000.00"])


def bank_b() -> Any:
    return table(["L2", "甲公司", CODE, "小型", "2022-04-20", "是", "是", "是", "4.35", "2022-04-20", "8000000.00"])


def test_the_hand_worked_figures() -> None:
    # The figures of the module docstring, from exact fractions.
    l1 = Fraction(8_000_000 * 82) * Fraction(8, 1000) / 360
    l2 = Fraction(2_000_000 * 72) * Fraction(1, 100) / 360
    assert l1 == Fraction(131200, 9)  # 14,577.777…
    assert round(l1 * 100) == 1457778
    assert l2 == 4000
    assert round((l1 + l2) * 100) == 1857778


def test_two_loans_of_one_borrower_share_the_cap() -> None:
    r = zjcredit.screen({"银行甲": bank_a(), "银行乙": bank_b()}, period=PERIOD, keep_all_first_loans=True)
    assert isinstance(r, zjcredit.ScreenResult)
    assert len(r.borrowers) == 1
    b = r.borrowers.iloc[0]
    assert b["borrower_id"] == CODE
    assert b["borrower"] == "甲公司"
    assert bool(b["eligible"])
    assert b["amount"] == Decimal("18577.78")
    assert b["lenders"] == {"银行甲": Decimal("14577.78"), "银行乙": Decimal("4000.00")}
    assert list(r.loans["loan_id"]) == ["L1", "L2"]
    assert list(r.loans["lender"]) == ["银行甲", "银行乙"]
    assert list(r.loans["amount"]) == [Decimal("14577.78"), Decimal("4000.00")]
    assert sum(r.loans["amount"]) == b["amount"]  # the split sums exactly
    assert list(r.loans["rate_used"]) == ["0.8%", "1%"]
    # 元·days of each loan's part of the cap: 800万 × 82 and 200万 × 72.
    assert list(r.loans["capped_balance_days"]) == [Decimal("656000000.00"), Decimal("144000000.00")]
    # From 04-20 L1's 800万 leaves L2 200万 of its 800万: L2 is cut by the cap, L1 never.
    assert list(r.loans["cut_by_cap"]) == [False, True]
    assert list(r.loans["error"]) == ["", ""]
    assert list(r.conflicts["kind"]) == ["first_loan_claimed_elsewhere"]
    total = r.totals[r.totals["group"] == "total"].iloc[0]
    assert total["amount"] == Decimal("18577.78")
    lenders = r.totals[r.totals["group"] == "lender"]
    assert dict(zip(lenders["key"], lenders["amount"])) == {"银行甲": Decimal("14577.78"),
                                                           "银行乙": Decimal("4000.00")}


def test_first_loan_at_two_lenders_kept_by_the_first() -> None:
    # L1 applied first keeps the 首贷; L2 is not paid. L1 alone: 14,577.78.
    r = zjcredit.screen({"银行甲": bank_a(), "银行乙": bank_b()}, period=PERIOD)
    assert r.borrowers["amount"].iloc[0] == Decimal("14577.78")
    assert list(r.loans["amount"]) == [Decimal("14577.78"), Decimal("0.00")]
    assert "first_loan_claimed_elsewhere" in r.loans["reasons"].iloc[1]
    conflict = r.conflicts.iloc[0]
    assert conflict["kind"] == "first_loan_claimed_elsewhere"
    assert sorted(conflict["lenders"]) == ["银行乙", "银行甲"]


def test_budget_and_fill_order() -> None:
    # By loan_id with L2 named "A2": L2 fills 800万 on its 72 days, L1 200万 then
    # and 800万 on 04-10..04-19. L1: (800万 × 10 + 200万 × 72) × 0.8% ÷ 360 =
    # 4,977.777…; L2: 800万 × 72 × 1% ÷ 360 = 16,000; together 20,977.78.
    b = bank_b()
    b.loc[0, "借据号"] = "A2"
    r = zjcredit.screen({"银行甲": bank_a(), "银行乙": b}, period=PERIOD, keep_all_first_loans=True,
                        fill_order="loan_id", budget=Decimal("10000"))
    assert r.borrowers["amount"].iloc[0] == Decimal("20977.78")
    assert list(r.loans["amount"]) == [Decimal("4977.78"), Decimal("16000.00")]
    assert r.borrowers["allocated"].iloc[0] == Decimal("10000.00")  # the one borrower takes the whole budget


def test_files_and_frames_alike(tmp_path: Path) -> None:
    a = tmp_path / "甲银行.csv"
    bank_a().to_csv(a, index=False)
    r = zjcredit.screen([a, bank_b()], period=PERIOD, lender="银行甲", keep_all_first_loans=True)
    assert r.borrowers["amount"].iloc[0] == Decimal("18577.78")
    assert r.loans["source"].iloc[0] == f"{a}:2"


def test_each_lender_s_table_with_its_own_repayments(tmp_path: Path) -> None:
    # 银行甲's repayments: 300万 of L1 on 06-01, so L1 has 800万 for 52 days (04-10..05-31)
    # and 500万 for 30 (06-01..06-30); L2 (drawn 04-20) fills the room left under the 1000万
    # cap at 1%: 200万 for 42 days (04-20..05-31) and, from 06-01, 500万 for 30 days.
    (tmp_path / "甲还款.csv").write_text("借据号,还款日期,还款金额\nL1,2022-06-01,3000000.00\n", encoding="utf-8")
    l1 = Fraction(8_000_000 * 52 + 5_000_000 * 30) * Fraction(8, 1000) / 360
    l2 = Fraction(2_000_000 * 42 + 5_000_000 * 30) * Fraction(1, 100) / 360
    assert (l1, l2) == (Fraction(113200, 9), 6500)  # 12,577.777… and 6,500
    r = zjcredit.screen({"银行甲": bank_a(), "银行乙": bank_b()}, period=PERIOD, keep_all_first_loans=True,
                        repayments={"银行甲": tmp_path / "甲还款.csv"})
    assert r.borrowers["amount"].iloc[0] == Decimal(round((l1 + l2) * 100)) / 100 == Decimal("19077.78")
    # One repayments file for both tables: 银行乙's table has no loan L1, so it is refused.
    with pytest.raises(zjcredit.ValidationError) as e:
        zjcredit.screen({"银行甲": bank_a(), "银行乙": bank_b()}, period=PERIOD, repayments=tmp_path / "甲还款.csv")
    assert "a repayment of no loan" in e.value.message
    with pytest.raises(ValueError):
        zjcredit.screen({"银行甲": bank_a()}, period=PERIOD, repayments={"银行丙": tmp_path / "甲还款.csv"})
    with pytest.raises(TypeError):
        zjcredit.screen([bank_a()], period=PERIOD, lender="银行甲", repayments={"银行甲": tmp_path / "甲还款.csv"})


def test_a_listing_error_is_its_row() -> None:
    r = zjcredit.screen({"银行甲": bank_a("91440800MA4W00001G"), "银行乙": bank_b()}, period=PERIOD)
    error = r.loans["error"].iloc[0]
    assert "borrower_id" in error and '"91440800MA4W00001G"' in error and "should be F" in error
    # L1 is 甲公司's 首贷; without it L2 would look like the 首贷 and be paid
    # 16,000.00 (800万 × 72 × 1% ÷ 360), so 甲公司 is held until L1 is corrected.
    assert list(r.loans["amount"]) == [Decimal("0.00"), Decimal("0.00")]
    assert bool(r.borrowers["held"].iloc[0])
    assert list(r.conflicts["kind"]) == ["borrower_listing_in_error"]
    in_error = r.totals[(r.totals["group"] == "count") & (r.totals["key"] == "in_error")]
    assert int(in_error["loans"].iloc[0]) == 1


def test_whole_request_errors() -> None:
    with pytest.raises(zjcredit.ParseError) as e:
        zjcredit.screen([bank_a()], period=PERIOD)
    assert "lender" in e.value.message and "tables[0]" in e.value.field
    with pytest.raises(zjcredit.ValidationError) as v:
        zjcredit.screen({"银行甲": bank_a()}, period=PERIOD, budget="-1")
    assert v.value.field == "budget"
    with pytest.raises(TypeError):
        zjcredit.screen({"银行甲": bank_a()}, period=PERIOD, budget=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zjcredit.screen({"银行甲": pd.DataFrame({"放款金额": [1.5]})}, period=PERIOD)
    with pytest.raises(zjcredit.FileError):
        zjcredit.screen(["/nonexistent/甲银行.csv"], period=PERIOD, lender="银行甲")


def test_a_payout_register_s_rows_are_not_paid_again(tmp_path: Path) -> None:
    # A register (written from docs/register.md by test_register.py) that paid
    # L1 at 银行甲 for the period its 14,577.78 (the module docstring, L1 alone).
    from test_register import write_register

    db = tmp_path / "payouts.db"
    write_register(db, [(CODE, "甲公司", "L1", "银行甲", "2022-04-01", "2022-06-30", 1457778)])
    first = zjcredit.screen({"银行甲": bank_a(), "银行乙": bank_b()}, period=PERIOD)
    assert list(first.loans["amount"]) == [Decimal("14577.78"), Decimal("0.00")]
    # Replayed against the register: L1 is not paid again, and L2 at 银行乙 is
    # still not the borrower's 首贷 (银行甲 holds it): nothing is paid.
    r = zjcredit.screen({"银行甲": bank_a(), "银行乙": bank_b()}, period=PERIOD, register=db)
    assert list(r.loans["amount"]) == [Decimal("0.00"), Decimal("0.00")]
    assert sorted(r.conflicts["kind"]) == ["already_paid", "first_loan_claimed_elsewhere"]
    with pytest.raises(zjcredit.FileError, match="no such file"):
        zjcredit.screen(bank_a(), period=PERIOD, lender="银行甲", register=tmp_path / "none.db")


def test_under_a_budget_each_loan_is_paid_its_share_of_the_allocation() -> None:
    # budget 10,000 (an int) for the one borrower's 18,577.78: it is allocated
    # all 10,000.00, split over L1 and L2 as their amounts by largest remainder.
    r = zjcredit.screen({"银行甲": bank_a(), "银行乙": bank_b()}, period=PERIOD, keep_all_first_loans=True,
                        budget=10000)
    assert r.borrowers.iloc[0]["allocated"] == Decimal("10000.00")
    shares = [Fraction(1_000_000 * 1457778, 1857778), Fraction(1_000_000 * 400000, 1857778)]  # 分
    floors = [int(x) for x in shares]
    left = 1_000_000 - sum(floors)
    for k in sorted(range(2), key=lambda k: shares[k] - floors[k], reverse=True)[:left]:
        floors[k] += 1
    assert [int(x * 100) for x in r.loans["allocated"]] == floors
    assert sum(r.loans["allocated"]) == Decimal("10000.00")
    lenders = r.totals[r.totals["group"] == "lender"]
    assert dict(zip(lenders["key"], lenders["allocated"])) == {
        "银行甲": Decimal(floors[0]).scaleb(-2), "银行乙": Decimal(floors[1]).scaleb(-2)}


def test_options_of_the_wrong_type_are_refused() -> None:
    with pytest.raises(TypeError, match="keep_all_first_loans must be True or False"):
        zjcredit.screen(bank_a(), lender="银行甲", period=PERIOD, keep_all_first_loans="no")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="budget must be Decimal, int or str"):
        zjcredit.screen(bank_a(), lender="银行甲", period=PERIOD, budget=10000.0)  # type: ignore[arg-type]
    floats = bank_a().astype(object)
    floats.loc[0, "放款金额"] = 8000000.10  # a float among text cells: not an exact amount
    with pytest.raises(TypeError, match="holds floats"):
        zjcredit.screen(floats, lender="银行甲", period=PERIOD)
