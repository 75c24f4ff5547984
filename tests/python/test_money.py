"""Amounts: parsing, rounding, formatting and 大写, Decimal in and out."""

from __future__ import annotations

from decimal import Decimal

import pytest

import zjcredit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1234.56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("１２３４．５６", "1234.56"),
        ("100万元", "1000000.00"),
        ("2.2亿元", "220000000.00"),
        ("2.2亿", "220000000.00"),
        ("3亿4500万", "345000000.00"),
        ("人民币1000万元", "10000000.00"),
        ("-5", "-5.00"),
        ("0", "0.00"),
        ("92233720368547758.07", "92233720368547758.07"),
    ],
)
def test_parse_amount(text: str, expected: str) -> None:
    value = zjcredit.parse_amount(text)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)
    assert str(value) == expected  # always exactly two decimals


def test_parse_amount_takes_decimal_and_int() -> None:
    assert zjcredit.parse_amount(Decimal("12.5")) == Decimal("12.50")
    assert zjcredit.parse_amount(Decimal("1E+2")) == Decimal("100.00")
    assert zjcredit.parse_amount(7) == Decimal("7.00")


def test_parse_amount_refuses_digits_below_the_fen() -> None:
    with pytest.raises(zjcredit.ParseError, match="1.005"):
        zjcredit.parse_amount("1.005")
    with pytest.raises(zjcredit.ParseError):
        zjcredit.parse_amount(Decimal("0.001"))


@pytest.mark.parametrize(
    "mode, positive, negative",
    [("half_up", "1.01", "-1.01"), ("half_even", "1.00", "-1.00"), ("down", "1.00", "-1.00"), ("up", "1.01", "-1.01")],
)
def test_parse_amount_round_excess(mode: str, positive: str, negative: str) -> None:
    assert zjcredit.parse_amount("1.005", round_excess=mode) == Decimal(positive)
    assert zjcredit.parse_amount("-1.005", round_excess=mode) == Decimal(negative)


@pytest.mark.parametrize("text", ["", "abc", "1e3", "+5", "5.", "1,23,4.00", "1.2.3", "NaN"])
def test_parse_amount_malformed(text: str) -> None:
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.parse_amount(text)
    assert info.value.code == zjcredit.STATUS["ZJC_EPARSE"]


def test_parse_amount_out_of_range() -> None:
    with pytest.raises(zjcredit.OverflowError) as info:
        zjcredit.parse_amount("92233720368547758.08")
    assert isinstance(info.value, OverflowError)  # the builtin too
    assert "92233720368547758.07" in info.value.message
    with pytest.raises(zjcredit.OverflowError):
        zjcredit.parse_amount("-92233720368547758.08")


def test_parse_rate() -> None:
    assert zjcredit.parse_rate("4.35%") == Decimal("0.0435")
    assert zjcredit.parse_rate("0.0435") == Decimal("0.0435")
    assert zjcredit.parse_rate("1%") == Decimal("0.01")
    with pytest.raises(zjcredit.ParseError):
        zjcredit.parse_rate("4.3%5")
    with pytest.raises(TypeError):
        zjcredit.parse_rate(Decimal("0.01"))  # type: ignore[arg-type]


def test_format_amount() -> None:
    assert zjcredit.format_amount(Decimal("1234567.8")) == "1234567.80"
    assert zjcredit.format_amount("1234567.8", grouped=True) == "1,234,567.80"
    assert zjcredit.format_amount(-5, grouped=True) == "-5.00"


@pytest.mark.parametrize(
    "amount, words",
    [
        (Decimal("1409.50"), "壹仟肆佰零玖元伍角"),
        (Decimal("1234.56"), "壹仟贰佰叁拾肆元伍角陆分"),
        ("0", "零元整"),
        ("100万元", "壹佰万元整"),
    ],
)
def test_amount_in_words(amount: object, words: str) -> None:
    assert zjcredit.amount_in_words(amount) == words  # type: ignore[arg-type]
    assert zjcredit.amount_in_words(amount, prefix=True) == "人民币" + words  # type: ignore[arg-type]


def test_amount_in_words_limits() -> None:
    with pytest.raises(zjcredit.ValidationError):
        zjcredit.amount_in_words(Decimal("-1"))
    with pytest.raises(zjcredit.OverflowError):
        zjcredit.amount_in_words("10000000000000000")  # 10^16 元
    assert zjcredit.amount_in_words("9999999999999999.99").startswith("玖仟")


@pytest.mark.parametrize(
    "value, places, mode, expected",
    [
        ("2.675", 2, "half_up", "2.68"),
        ("1.005", 2, "half_up", "1.01"),
        ("2.665", 2, "half_even", "2.66"),
        ("2.675", 2, "half_even", "2.68"),
        ("-2.5", 0, "half_up", "-3"),
        ("-2.5", 0, "half_even", "-2"),
        ("2.679", 2, "down", "2.67"),
        ("-2.679", 2, "down", "-2.67"),
        ("2.671", 2, "up", "2.68"),
        ("-2.671", 2, "up", "-2.68"),
        ("1", 2, "half_up", "1.00"),
        ("4.35%", 4, "half_up", "0.0435"),
        ("2.2亿", 0, "half_up", "220000000"),
        (Decimal("0.123456789"), 8, "half_up", "0.12345679"),
        (3, 1, "half_up", "3.0"),
    ],
)
def test_round_amount(value: object, places: int, mode: str, expected: str) -> None:
    result = zjcredit.round_amount(value, places, mode)  # type: ignore[arg-type]
    assert isinstance(result, Decimal)
    assert str(result) == expected


def test_round_amount_arguments() -> None:
    assert zjcredit.round_amount(Decimal("2.675")) == Decimal("2.68")  # defaults: 2 places, half_up
    with pytest.raises(ValueError, match="mode"):
        zjcredit.round_amount("1.5", 0, "banker")
    with pytest.raises(TypeError):
        zjcredit.round_amount("1.5", True)
    with pytest.raises(TypeError):
        zjcredit.round_amount("1.5", 1.0)  # type: ignore[arg-type]
    with pytest.raises(zjcredit.InvalidArgumentError):
        zjcredit.round_amount("1.5", 19)
    with pytest.raises(zjcredit.InvalidArgumentError):
        zjcredit.round_amount("1.5", -1)
    with pytest.raises(zjcredit.OverflowError):
        zjcredit.round_amount("9" * 41)
    with pytest.raises(zjcredit.ParseError):
        zjcredit.round_amount(Decimal("NaN"))


@pytest.mark.parametrize("func", [zjcredit.parse_amount, zjcredit.format_amount, zjcredit.amount_in_words,
                                  zjcredit.round_amount])
def test_no_float_anywhere(func: object) -> None:
    with pytest.raises(TypeError, match="float"):
        func(1.5)  # type: ignore[operator]


@pytest.mark.parametrize("bad", [True, None, b"1.00", [1]])
def test_other_types_are_refused(bad: object) -> None:
    with pytest.raises(TypeError):
        zjcredit.parse_amount(bad)  # type: ignore[arg-type]
