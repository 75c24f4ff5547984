"""Turning Python records into the JSON text the C library reads.

A record is either JSON text (passed through unchanged, so the C reader
reports every problem with its JSON path) or plain Python data: mappings with
str keys, lists and tuples, str, int, bool, None, ``decimal.Decimal`` (written
as a JSON *string*: money, rates and figures are strings in every zjcredit
format) and ``datetime.date`` (written as ``"YYYY-MM-DD"``).

A ``float`` anywhere is a ``TypeError``: it is not exact, and zjcredit never
lets a binary floating-point value stand for money. A NUL character in a str
is a ParseError, as it is for text arguments (see ``_lib.encode``).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Union

from ._lib import encode, invalid_text

#: What a record argument may be: JSON text or plain Python data.
RecordLike = Union[str, Mapping[str, Any]]


def _join(path: str, key: Union[str, int]) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _where(path: str, what: str) -> str:
    return path if path else what


def jsonable(value: Any, path: str = "", what: str = "record") -> Any:
    """A copy of ``value`` that ``json.dumps`` writes the zjcredit way.

    ``path`` is the JSON path of ``value`` (``balances[0].balance``), used in
    error messages and as the ``field`` of a ParseError.
    """
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, float):
        raise TypeError(
            f"{_where(path, what)}: float {value!r} is not exact; pass a Decimal or a str such as "
            f"\"1234.56\" (zjcredit never reads money through a float)"
        )
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        error = invalid_text(value, _where(path, what), path)
        if error is not None:
            raise error
        return value
    if isinstance(value, Decimal):
        # Exact text, never exponent notation; NaN/Infinity go through as
        # text so the C reader names them in its error.
        return format(value, "f") if value.is_finite() else str(value)
    if isinstance(value, datetime.datetime):
        raise TypeError(f"{_where(path, what)}: a datetime is not a date; pass a datetime.date or a str")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{_where(path, what)}: keys must be str, not {type(key).__name__} ({key!r})")
            out[key] = jsonable(item, _join(path, key), what)
        return out
    if isinstance(value, (list, tuple)):
        return [jsonable(item, _join(path, i), what) for i, item in enumerate(value)]
    raise TypeError(f"{_where(path, what)}: cannot convert {type(value).__name__} to JSON")


class _Unusual(Exception):
    """Raised by _plain for anything it leaves to jsonable."""


def _plain(value: Any) -> Any:
    """jsonable() for the common case, without keeping JSON paths: plain
    dicts, lists, tuples, str without NUL, int, bool, None, Decimal and
    date, by exact type. Anything else (a float, a subclass, a NUL, a key
    that is not a str) raises _Unusual, and jsonable() — which knows the
    path — then gives the error or the conversion, so both agree."""
    t = type(value)
    if t is str:
        if "\x00" in value:
            raise _Unusual
        return value
    if t is dict:
        out = {}
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            out[key] = _plain(item)
        return out
    if t is list or t is tuple:
        return [_plain(item) for item in value]
    if value is None or t is bool or t is int:
        return value
    if t is Decimal:
        return format(value, "f") if value.is_finite() else str(value)
    if t is datetime.date:
        return value.isoformat()
    raise _Unusual


def dumps(value: Any, what: str = "record") -> str:
    """JSON text of plain Python data (see :func:`jsonable`), UTF-8 as is."""
    return json.dumps(jsonable(value, "", what), ensure_ascii=False, indent=None)


def record_text(record: Any, what: str = "record") -> bytes:
    """The UTF-8 JSON bytes of a record given as JSON text or as a mapping."""
    if isinstance(record, str):
        return encode(record, what)
    if isinstance(record, Mapping):
        try:  # the common case, with no JSON path kept for each value
            return json.dumps(_plain(record), ensure_ascii=False, indent=None).encode("utf-8")
        except (_Unusual, UnicodeEncodeError):  # jsonable() names the path of the problem
            return encode(dumps(record, what), what)
    if isinstance(record, (bytes, bytearray)):
        raise TypeError(f"{what} must be a str of JSON text or a dict, not {type(record).__name__}; decode it first")
    raise TypeError(f"{what} must be a str of JSON text or a dict, not {type(record).__name__}")


def is_sequence(value: Any) -> bool:
    """A list or tuple (not a str, bytes or mapping)."""
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))
