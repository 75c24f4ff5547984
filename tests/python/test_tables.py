"""A bank's own loans table through Python: the bank's Q2 export made by
tests/bank/make_bank_files.py (GB18030 CSV with CRLF and Chinese headers,
the same loans as .xlsx, a repayments file) read by zjcredit.subsidy_table
and, as a DataFrame read with dtype=str, by zjcredit.subsidy_frame. Every
loan's eligibility, amount and reasons and the total must be those of
expected.json, computed independently of the library by
tests/bank/subsidy_oracle.py (exact integers, the rule's text): the same
file through Python gives the same numbers as through the CLI (tests/bank)."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import zjcredit
from helpers import SOURCE_DIR

sys.path.insert(0, str(SOURCE_DIR / "tests" / "bank"))
import make_bank_files  # noqa: E402

pd = pytest.importorskip("pandas")

PERIOD = "2022-04-01..2022-06-30"


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The bank's files in a fresh directory, and their expected results."""
    work = tmp_path_factory.mktemp("bank")
    expected = make_bank_files.write(work)
    return work, expected


def check_frame(frame: Any, expected: dict) -> None:
    """Every loan, in the table's order, and the total, against expected.json."""
    loans = expected["loans"]
    assert list(frame["loan_id"]) == list(loans), "the loans, in the order they appear"
    assert (frame["error"] == "").all(), frame.loc[frame["error"] != "", ["loan_id", "error"]].to_string()
    for row in frame.itertuples(index=False):
        want = loans[row.loan_id]
        got = (row.borrower, row.eligible, row.amount, row.reasons)
        assert got == (want["borrower"], want["eligible"], Decimal(want["amount"]), ";".join(want["reasons"])), \
            row.loan_id
    assert frame.attrs["total"] == Decimal(expected["total"])
    assert sum(frame["amount"], Decimal(0)) == Decimal(expected["total"])
    assert int(frame["eligible"].sum()) == sum(1 for v in loans.values() if v["eligible"])


@pytest.mark.parametrize("name", ["loans.csv", "loans.xlsx"])
def test_subsidy_table_on_the_bank_files(bank: tuple[Path, dict], name: str) -> None:
    work, expected = bank
    frame = zjcredit.subsidy_table(work / name, period=PERIOD, repayments=work / "repayments.csv")
    check_frame(frame, expected)
    # The carried columns, as the table writes them.
    assert list(frame.columns[:7]) == ["borrower", "loan_id", "序号", "统一社会信用代码", "经办机构", "到期日", "备注"]
    assert list(frame["经办机构"]) == [v["branch"] for v in expected["loans"].values()]


def test_subsidy_frame_on_the_bank_csv(bank: tuple[Path, dict]) -> None:
    work, expected = bank
    df = pd.read_csv(work / "loans.csv", dtype=str, encoding="gb18030")
    assert "利率(%)" in df.columns and "放款金额（元）" in df.columns
    frame = zjcredit.subsidy_frame(df, period=PERIOD, repayments=work / "repayments.csv")
    check_frame(frame, expected)


def test_subsidy_frame_refuses_a_float_column(bank: tuple[Path, dict]) -> None:
    work, _ = bank
    # Read without dtype=str, pandas makes 利率(%) floats: 4.35 is no longer exact.
    df = pd.read_csv(work / "loans.csv", encoding="gb18030")
    assert df["利率(%)"].dtype.kind == "f"
    with pytest.raises(TypeError, match=r"利率\(%\).*dtype=str"):
        zjcredit.subsidy_frame(df, period=PERIOD, repayments=work / "repayments.csv")


def test_subsidy_table_whole_table_errors_raise(bank: tuple[Path, dict], tmp_path: Path) -> None:
    work, _ = bank
    # Without the period (no 贴息起日/贴息止日 columns) the table cannot be read.
    with pytest.raises(zjcredit.ParseError, match="贴息起日"):
        zjcredit.subsidy_table(work / "loans.csv", repayments=work / "repayments.csv")
    # A bare 利率 with no declared unit: each loan's own error, quoting its rate.
    text = (work / "loans.csv").read_bytes().decode("gb18030")
    header, rest = text.split("\r\n", 1)
    bare = tmp_path / "bare.csv"
    bare.write_bytes((header.replace("利率(%)", "利率") + "\r\n" + rest).encode("gb18030"))
    frame = zjcredit.subsidy_table(bare, period=PERIOD, repayments=work / "repayments.csv")
    assert (frame["error"] != "").all()
    assert 'in "4.35"' in frame["error"].iloc[0] and "--rate-unit" in frame["error"].iloc[0]
    assert frame.attrs["total"] == Decimal("0.00")
