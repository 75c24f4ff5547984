"""Exact amounts: parsing, rounding and 大写, with decimal.Decimal in and out."""

from __future__ import annotations

import ctypes
from decimal import Decimal
from typing import Union

from ._lib import encode, lib, take_string

__all__ = ["parse_amount", "parse_rate", "format_amount", "amount_in_words", "round_amount", "ROUNDING_MODES"]

#: Rounding mode names and their ZJC_ROUND_* values.
ROUNDING_MODES = {"half_up": 0, "half_even": 1, "down": 2, "up": 3}

AmountLike = Union[Decimal, int, str]


def _mode(mode: str) -> int:
    if mode not in ROUNDING_MODES:
        raise ValueError(f"mode must be one of {sorted(ROUNDING_MODES)}, not {mode!r}")
    return ROUNDING_MODES[mode]


def amount_text(value: AmountLike, what: str = "amount") -> str:
    """The exact text of an amount argument. Floats are refused: they are not exact."""
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"{what} must be Decimal, int or str, not {type(value).__name__} (floats are not exact)")
    if isinstance(value, Decimal):
        if not value.is_finite():
            return str(value)  # the C parser names it in its error
        return format(value, "f")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    raise TypeError(f"{what} must be Decimal, int or str, not {type(value).__name__}")


def _fen_to_decimal(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


def _parse_fen(value: AmountLike, rounding: int = -1) -> int:
    out = ctypes.c_int64()
    lib.zjc_amount_parse(ctypes.byref(out), encode(amount_text(value), "amount"), rounding)
    return out.value


def parse_amount(text: AmountLike, round_excess: Union[str, None] = None) -> Decimal:
    """Parses an amount exactly: ``parse_amount("2.2亿元") == Decimal("220000000.00")``.

    More than two decimals is a ParseError unless ``round_excess`` names a
    rounding mode ("half_up", "half_even", "down", "up").
    """
    return _fen_to_decimal(_parse_fen(text, -1 if round_excess is None else _mode(round_excess)))


def parse_rate(text: str) -> Decimal:
    """Parses a rate exactly: ``parse_rate("4.35%") == Decimal("0.0435")``."""
    out = ctypes.c_int64()
    lib.zjc_rate_parse(ctypes.byref(out), encode(text, "rate"))
    return Decimal(out.value).scaleb(-10).normalize()


def format_amount(amount: AmountLike, grouped: bool = False) -> str:
    """Canonical ``"1234.56"`` or grouped ``"1,234.56"`` text of an exact amount."""
    fen = _parse_fen(amount)
    return take_string(lambda out: lib.zjc_amount_format(out, fen, 1 if grouped else 0))


def amount_in_words(amount: AmountLike, prefix: bool = False) -> str:
    """The amount in 大写: ``amount_in_words(Decimal("1409.50")) == "壹仟肆佰零玖元伍角"``."""
    fen = _parse_fen(amount)
    return take_string(lambda out: lib.zjc_amount_format(out, fen, 3 if prefix else 2))


def round_amount(value: AmountLike, places: int = 2, mode: str = "half_up") -> Decimal:
    """Rounds exactly, once: ``round_amount(Decimal("2.675")) == Decimal("2.68")``."""
    if isinstance(places, bool) or not isinstance(places, int):
        raise TypeError("places must be an int")
    text = amount_text(value, "value")
    return Decimal(take_string(lambda out: lib.zjc_decimal_round(out, encode(text, "value"), places, _mode(mode))))
