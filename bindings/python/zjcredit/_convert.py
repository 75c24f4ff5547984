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
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, Callable, Optional, Union

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
    """Raised by _convert_default for anything it leaves to jsonable."""


def _convert_default(value: Any) -> Any:
    """How the plain encoder writes the two non-JSON types of a plain
    record, exactly as jsonable() does; anything else (a datetime, a
    subclass) is left to jsonable(), which knows the path for the error."""
    t = type(value)
    if t is Decimal:
        return format(value, "f") if value.is_finite() else str(value)
    if t is datetime.date:
        return value.isoformat()
    raise _Unusual


#: The exact leaf types the plain encoder writes as jsonable() would. A
#: float (or any subclass of these) is not among them: jsonable() gets it,
#: and gives its TypeError or its conversion.
_PLAIN_LEAVES = frozenset({str, int, bool, type(None), Decimal, datetime.date})

#: Deeper records (or a list that holds itself) are left to jsonable().
_MAX_DEPTH = 32


def _is_plain(value: Any, depth: int = 0) -> bool:
    """True when ``value`` is a dict, list or tuple (exact types) whose keys
    below are all str and whose leaves are all of _PLAIN_LEAVES: what the
    plain encoder writes as jsonable() would. Only checks, copies nothing."""
    if depth > _MAX_DEPTH:
        return False
    t = type(value)
    if t is dict:
        for key, item in value.items():
            if type(key) is not str:
                return False
            if type(item) not in _PLAIN_LEAVES and not _is_plain(item, depth + 1):
                return False
        return True
    if t is list or t is tuple:
        for item in value:
            if type(item) not in _PLAIN_LEAVES and not _is_plain(item, depth + 1):
                return False
        return True
    return False


def _plain_encoder(ascii_only: bool = False) -> Callable[[Any], str]:
    """``json.dumps(value, ensure_ascii=False, default=_convert_default)`` —
    the text dumps() writes for a plain record — without building an encoder
    on every call: CPython's C encoder made once (no circular check: a
    record that holds itself is never given to it, see _is_plain), or the
    standard encoder's ``encode`` where that is not available.

    ``ascii_only``: the same values with every character above ASCII
    escaped and no space after ',' and ':' (``ensure_ascii=True``, compact
    separators): text the C reader reads as the same record, cheaper to
    write and to turn into bytes."""
    if ascii_only:
        options: dict[str, Any] = dict(ensure_ascii=True, separators=(",", ":"))
        basestring = getattr(json.encoder, "c_encode_basestring_ascii", None)
    else:
        options = dict(ensure_ascii=False, separators=(", ", ": "))
        basestring = getattr(json.encoder, "c_encode_basestring", None)
    standard = json.JSONEncoder(check_circular=False, default=_convert_default, **options).encode
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None or basestring is None:
        return standard
    item_separator, key_separator = options["separators"]
    try:
        native = make(None, _convert_default, basestring, None, key_separator, item_separator, False, False, True)
        probe = {"a": ["é\n\x01\"", 1, True, None, {}], "b": Decimal("1.50")}
        if "".join(native(probe, 0)) != standard(probe):
            return standard
    except Exception:  # another interpreter's private encoder: use the public one
        return standard

    def encode(value: Any) -> str:
        return "".join(native(value, 0))

    return encode


_encode_plain = _plain_encoder()
_encode_ascii = _plain_encoder(ascii_only=True)


def dumps(value: Any, what: str = "record") -> str:
    """JSON text of plain Python data (see :func:`jsonable`), UTF-8 as is."""
    return json.dumps(jsonable(value, "", what), ensure_ascii=False, indent=None)


def record_text(record: Any, what: str = "record") -> bytes:
    """The UTF-8 JSON bytes of a record given as JSON text or as a mapping."""
    if isinstance(record, str):
        return encode(record, what)
    if isinstance(record, Mapping):
        if type(record) is dict and _is_plain(record):  # the common case: checked, then written in C
            try:
                text = _encode_plain(record)
                # The encoder escapes a NUL as \u0000, which the C reader
                # would take; jsonable() refuses it. (A literal "\u0000"
                # written by the user also lands here: jsonable() is right
                # either way, only slower.)
                if "\\u0000" not in text:
                    return text.encode("utf-8")
            except (_Unusual, UnicodeEncodeError):  # a datetime, a subclass; a lone surrogate
                pass
        return encode(dumps(record, what), what)  # jsonable() names the path of any problem
    if isinstance(record, (bytes, bytearray)):
        raise TypeError(f"{what} must be a str of JSON text or a dict, not {type(record).__name__}; decode it first")
    raise TypeError(f"{what} must be a str of JSON text or a dict, not {type(record).__name__}")


#: In the ASCII text: a NUL (escaped \u0000, which the C reader would take,
#: see record_text()) or any surrogate escape: a lone surrogate, or two
#: separate surrogate code points that the reader would join into one
#: character where record_text() refuses them. A character beyond U+FFFF
#: (an emoji, a rare CJK character of Extension B) is written as such a pair
#: too, so its record takes the checked path: right, only slower. The
#: encoder writes its escapes in lower case.
_LEFT_TO_THE_CHECKED_PATH = re.compile(r"\\u(?:0000|d[89a-f])")


def unchecked_record_text(record: Any) -> Optional[bytes]:
    """JSON bytes of a plain dict record written by the C encoder *without*
    the check-only walk of record_text() (ASCII, compact: the same values
    as record_text() writes), or None where the encoder cannot write it at
    once (not a dict, a datetime, a subclass of Decimal or date, a NUL, a
    surrogate, a key of another type than the encoder knows, nesting it
    refuses).

    Only for the records whose reader refuses every JSON number that is not
    an integer and every key it does not know (the loan and the receivables
    records): what the walk is there to catch, a float and a key that is not
    a str (the encoder writes 1, True and None as the keys "1", "true" and
    "null"), is then refused by the reader, and the caller goes again
    through record_text(), whose error names the path. Any text this gives
    and the reader accepts holds the record record_text() would write, with
    two exceptions of no practical weight: the C reader's size limit
    applies to this compact text, and a list or dict subclass is read
    through the C API (its items as stored) rather than its own iteration."""
    if type(record) is not dict:
        return None
    try:
        text = _encode_ascii(record)
    except Exception:  # _Unusual, TypeError, RecursionError, ...: record_text() says what it is
        return None
    return None if _LEFT_TO_THE_CHECKED_PATH.search(text) else text.encode("ascii")


def is_sequence(value: Any) -> bool:
    """A list or tuple (not a str, bytes or mapping)."""
    return isinstance(value, Sequence) and not isinstance(value, (str, bytes, bytearray))
