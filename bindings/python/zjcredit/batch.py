"""首贷贴息 and 应收账款融资奖励 over many records at once, as columns.

The columns are buffer-protocol arrays — ``array.array``, ``numpy.ndarray``,
``memoryview``, ``bytes`` — handed to the C library by address
(``zjc_first_loan_subsidy_batch()`` / ``zjc_receivables_reward_batch()`` in
capi/zjcredit.h): no per-row Python work, no JSON, the same results as
:func:`zjcredit.first_loan_subsidy` and :func:`zjcredit.receivables_reward`
row for row, and receipts on request (``result.receipt(row)``).

Layout (the C ABI's): amounts are int64 分, dates int32 day numbers (days
since 1970-01-01: ``numpy.datetime64("2022-04-01", "D").astype(int)`` is
19083), rates int64 units of 10^-10 (4.35% is 435000000). A loan's balance
ranges are columns of their own: loan i owns ranges ``offsets[i] ..
offsets[i+1]-1``; ``offsets`` has one entry more than there are loans, starts
at or above 0 and never decreases.

Item types (checked from the buffer's format, native byte order, C-contiguous,
one-dimensional):

* int64 columns: ``array('q')``, ``array('l')`` where 8 bytes, ``numpy.int64``;
* int32 columns (dates): ``array('i')``, ``numpy.int32``;
* byte columns (``borrower_kind``, ``flags``): ``array('B')`` or ``array('b')``,
  ``numpy.uint8`` / ``numpy.int8``, ``bytes``.

Anything else is a TypeError (a list, ``numpy.float64``, ``numpy.int32`` for an
int64 column: nothing is converted behind your back); columns whose lengths do
not fit together, offsets that decrease or run past the range columns, a
two-dimensional or strided array are a ValueError. A row's own problem (an
unknown kind code, overlapping ranges, a negative balance...) is not an
exception: its ``status`` is the C status the one-at-a-time call would fail
with (``zjcredit.STATUS["ZJC_EVALIDATION"]``, -2) and its amount 0.

Results come back as numpy arrays when numpy can be imported, else as
``array.array``. Read-only inputs (``bytes``, a read-only numpy array) are
used in place with numpy, copied once without it.

>>> from array import array
>>> r = first_loan_subsidy_batch(
...     array("B", [KIND_SMALL]), array("i", [19083]), array("B", [LOAN_ALL_FLAGS]),
...     array("q", [435000000]), array("i", [19083]), array("i", [19173]),
...     array("q", [0, 1]), array("i", [19083]), array("i", [19173]), array("q", [100000000]))
>>> r.amount_decimal(0), bool(r.eligible[0])
(Decimal('2527.78'), True)
"""

from __future__ import annotations

import ctypes
import datetime
import sys
from array import array
from decimal import Decimal
from typing import Any, Mapping, Optional

from . import errors
from ._lib import (
    FinancingColumns,
    LoanColumns,
    RewardOutputs,
    SubsidyOutputs,
    c_int32_p,
    c_int64_p,
    c_uint8_p,
    c_uint32_p,
    encode,
    invalid_text,
    lib,
    take_string,
)
from ._reasons import REASON_TABLE, texts_zh
from .plan import Plan
from .rules import RuleResult, _plan_handle

__all__ = [
    "first_loan_subsidy_batch",
    "receivables_reward_batch",
    "subsidy_frame",
    "reward_frame",
    "reason_codes",
    "SubsidyBatch",
    "RewardBatch",
    "REASON_BITS",
    "KIND_CODES",
    "KIND_SMALL",
    "KIND_MICRO",
    "KIND_INDIVIDUAL_BUSINESS",
    "KIND_MEDIUM",
    "KIND_LARGE",
    "LOAN_VIA_PLATFORM",
    "LOAN_LOCAL_LEGAL_PERSON_LENDER",
    "LOAN_FIRST_LOAN",
    "LOAN_ALL_FLAGS",
    "FINANCING_CONFIRMED",
    "FINANCING_HAS_END",
    "FINANCING_HAS_DAYS",
]

# ---- constants (capi/zjcredit.h; tests/python checks them against the header) ----

KIND_SMALL = 0
KIND_MICRO = 1
KIND_INDIVIDUAL_BUSINESS = 2
KIND_MEDIUM = 3
KIND_LARGE = 4
#: borrower_kind names (as in records) and their codes.
KIND_CODES = {"small": KIND_SMALL, "micro": KIND_MICRO, "individual_business": KIND_INDIVIDUAL_BUSINESS,
              "medium": KIND_MEDIUM, "large": KIND_LARGE}

LOAN_VIA_PLATFORM = 0x01
LOAN_LOCAL_LEGAL_PERSON_LENDER = 0x02
LOAN_FIRST_LOAN = 0x04
LOAN_ALL_FLAGS = LOAN_VIA_PLATFORM | LOAN_LOCAL_LEGAL_PERSON_LENDER | LOAN_FIRST_LOAN

FINANCING_CONFIRMED = 0x01
FINANCING_HAS_END = 0x02
FINANCING_HAS_DAYS = 0x04

#: Reason code -> its bit in ``reasons`` (ZJC_REASON_* of capi/zjcredit.h), in bit order,
#: as the C library's reason table gives them (zjc_reason_info).
REASON_BITS = {r.code: r.bit for r in REASON_TABLE}

_LOAN_COLUMNS_VERSION = 1
_SUBSIDY_OUTPUTS_VERSION = 1
_FINANCING_COLUMNS_VERSION = 1
_REWARD_OUTPUTS_VERSION = 1


def reason_codes(bits: int) -> list[str]:
    """The reason codes of a ``reasons`` value, in bit order:
    ``reason_codes(0x14) == ["not_via_platform", "not_first_loan"]``."""
    bits = int(bits)
    return [code for code, bit in REASON_BITS.items() if bits & bit]


# ---- numpy, when there is one ---------------------------------------------------------------

_NUMPY: Any = None
_NUMPY_TRIED = False


def _numpy() -> Any:
    """numpy, or None when it cannot be imported (imported on first use only:
    ``import zjcredit`` stays as fast as before)."""
    global _NUMPY, _NUMPY_TRIED
    if not _NUMPY_TRIED:
        _NUMPY_TRIED = True
        try:
            import numpy

            _NUMPY = numpy
        except ImportError:
            _NUMPY = None
    return _NUMPY


# ---- columns in -------------------------------------------------------------------------------

#: kind -> (itemsize, accepted format characters, what to say)
_KINDS = {
    "int64": (8, "ql", "int64 (array('q'), numpy.int64)"),
    "int32": (4, "il", "int32 (array('i'), numpy.int32)"),
    "byte": (1, "Bb", "8-bit (array('B'), array('b'), numpy.uint8, bytes)"),
}

_NATIVE = "<" if sys.byteorder == "little" else ">"


def _view(obj: Any, name: str, kind: str) -> memoryview:
    """A checked one-dimensional C-contiguous memoryview of `obj` whose items
    are `kind`."""
    if obj is None:
        raise TypeError(f"{name} is required")
    m: Optional[memoryview] = None
    try:
        m = memoryview(obj)
    except TypeError:
        np = _numpy()
        if np is not None and hasattr(obj, "__array__"):
            try:
                m = memoryview(np.asarray(obj))  # a pandas Series, say: its array as is
            except (TypeError, ValueError):
                m = None
    if m is None:
        raise TypeError(
            f"{name} must support the buffer protocol (array.array, numpy.ndarray, ...), "
            f"not {type(obj).__name__}; e.g. array.array('{_KINDS[kind][1][0]}', values)"
        )
    itemsize, formats, what = _KINDS[kind]
    fmt = m.format
    if len(fmt) == 2 and fmt[0] in "@=" + _NATIVE:
        fmt = fmt[1]
    if m.itemsize != itemsize or fmt not in formats:
        raise TypeError(f"{name} must hold {what} items, not format {m.format!r} of {m.itemsize} bytes")
    if m.ndim != 1:
        raise ValueError(f"{name} must be one-dimensional, not {m.ndim}-dimensional")
    if not m.c_contiguous:
        raise ValueError(f"{name} must be contiguous (a strided view such as a[::2] is not; copy it first)")
    return m


class _Pins:
    """Addresses of the columns of one call, and what keeps them valid until
    the call returns (exports of the callers' buffers, copies of read-only
    ones without numpy)."""

    def __init__(self) -> None:
        self.keep: list[Any] = []

    def address(self, m: memoryview, ptype: Any) -> Any:
        if m.nbytes == 0:
            return None  # NULL: allowed wherever no entry is needed
        if not m.readonly:
            buf = (ctypes.c_char * m.nbytes).from_buffer(m)
            addr = ctypes.addressof(buf)
        else:
            np = _numpy()
            if np is not None:
                buf = np.frombuffer(m, dtype=np.uint8)  # in place
                addr = buf.ctypes.data
            else:
                buf = (ctypes.c_char * m.nbytes).from_buffer_copy(m)
                addr = ctypes.addressof(buf)
        self.keep.append(buf)
        return ctypes.cast(ctypes.c_void_p(addr), ptype)

    def release(self) -> None:
        self.keep.clear()


def _same_length(views: dict[str, memoryview], n: int, what: str) -> None:
    for name, m in views.items():
        if len(m) != n:
            raise ValueError(f"{name} has {len(m)} entries but {what} has {n}")


def _offsets_length(offsets: memoryview, n: int) -> None:
    if len(offsets) != n + 1 and not (n == 0 and len(offsets) <= 1):
        raise ValueError(f"offsets has {len(offsets)} entries, expected {n + 1} (one per record, plus one)")


def _call_batch(func: Any, *args: Any) -> None:
    """A batch call: a column error the library finds (offsets) is a ValueError."""
    try:
        func(*args)
    except errors.InvalidArgumentError as e:
        raise ValueError(e.message) from None


# ---- results out ------------------------------------------------------------------------------

_ARRAY_CODES = {"int64": "q", "int32": "i", "uint8": "B", "uint32": "I"}


def _new_output(n: int, kind: str) -> tuple[Any, Any]:
    """A zeroed output column of n entries (numpy array or array.array) and its address."""
    np = _numpy()
    if np is not None:
        a = np.zeros(n, dtype=getattr(np, kind))
        return a, (a.ctypes.data if n else None)
    code = _ARRAY_CODES[kind]
    a = array(code, bytes(array(code).itemsize * n))
    return a, (a.buffer_info()[0] if n else None)


class _BatchResult:
    """What a batch call gives: per row ``amount`` (int64 分), ``status`` (int32:
    0, or the C status the one-at-a-time call fails with), ``eligible`` (uint8
    0/1) and ``reasons`` (uint32 bits, :data:`REASON_BITS`) — numpy arrays when
    numpy is importable, else ``array.array``."""

    _receipt_function = ""  # the zjc_*_receipt of the rule

    def __init__(self, n: int, plan: Optional[Plan], columns: tuple[Any, ...]) -> None:
        self.amount, self._amount_addr = _new_output(n, "int64")
        self.status, self._status_addr = _new_output(n, "int32")
        self.eligible, self._eligible_addr = _new_output(n, "uint8")
        self.reasons, self._reasons_addr = _new_output(n, "uint32")
        self._plan = plan
        self._columns = columns

    def __len__(self) -> int:
        return len(self.amount)

    def amount_decimal(self, row: int) -> Decimal:
        """Row `row`'s amount as an exact Decimal: ``Decimal("2527.78")``."""
        return Decimal(int(self.amount[row])).scaleb(-2)

    def amounts(self) -> list[Decimal]:
        """Every row's amount as a Decimal (a Python object per row: for
        reports, not for the hot path)."""
        return [Decimal(v).scaleb(-2) for v in self.amount.tolist()]

    def total(self) -> Decimal:
        """Σ amount, exact (no 64-bit overflow)."""
        return Decimal(sum(self.amount.tolist())).scaleb(-2)

    def ok(self, row: int) -> bool:
        """Whether row `row` is a result (status 0) rather than an error."""
        return int(self.status[row]) == 0

    def status_name(self, row: int) -> str:
        """``"ZJC_OK"``, ``"ZJC_EVALIDATION"``, ... of row `row`."""
        return lib.zjc_status_name(int(self.status[row])).decode("ascii")

    def reason_codes(self, row: int) -> list[str]:
        """The reason codes of row `row`, in bit order."""
        return reason_codes(int(self.reasons[row]))

    def counts(self) -> dict[str, int]:
        """``{"rows", "ok", "errors", "eligible"}``."""
        np = _numpy()
        if np is not None:
            errors_ = int(np.count_nonzero(self.status))
            eligible = int(np.count_nonzero(self.eligible))
        else:
            errors_ = len(self.status) - self.status.tolist().count(0)
            eligible = len(self.eligible) - self.eligible.tolist().count(0)
        return {"rows": len(self), "ok": len(self) - errors_, "errors": errors_, "eligible": eligible}

    def receipt(self, row: int, name: Optional[str] = None) -> RuleResult:
        """Row `row`'s full one-at-a-time result with its receipt, exactly as
        :func:`zjcredit.first_loan_subsidy` / :func:`zjcredit.receivables_reward`
        give it for the record the row describes (the record named `name`, by
        default ``loans[<row>]`` / ``enterprises[<row>]``). Reads the columns
        as they are now. A row in error raises that error (ValidationError...)."""
        if isinstance(row, bool) or not isinstance(row, int):
            try:
                row = int(row.__index__())  # numpy integers
            except AttributeError:
                raise TypeError(f"row must be an int, not {type(row).__name__}") from None
        if not 0 <= row < len(self):
            raise IndexError(f"row {row} out of range for {len(self)} rows")
        name_bytes = None if name is None else encode(name, "name")
        handle = _plan_handle(self._plan)
        pins = _Pins()
        try:
            columns = self._build(pins, *self._columns)
            func = getattr(lib, self._receipt_function)
            text = take_string(lambda out: func(handle, ctypes.byref(columns), row, name_bytes, out))
        except errors.InvalidArgumentError as e:
            raise ValueError(e.message) from None
        finally:
            pins.release()
        return RuleResult(text)

    @staticmethod
    def _build(pins: _Pins, *columns: Any) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def __repr__(self) -> str:
        c = self.counts()
        return f"{type(self).__name__}(rows={c['rows']}, eligible={c['eligible']}, errors={c['errors']}, total={self.total()!r})"


# ---- the subsidy ------------------------------------------------------------------------------


def _loan_columns(pins: _Pins, borrower_kind: Any, first_application: Any, flags: Any, annual_rate: Any,
                  period_from: Any, period_to: Any, offsets: Any, range_from: Any, range_to: Any,
                  range_balance: Any) -> LoanColumns:
    per_loan = {
        "borrower_kind": _view(borrower_kind, "borrower_kind", "byte"),
        "first_application": _view(first_application, "first_application", "int32"),
        "flags": _view(flags, "flags", "byte"),
        "annual_rate": _view(annual_rate, "annual_rate", "int64"),
        "period_from": _view(period_from, "period_from", "int32"),
        "period_to": _view(period_to, "period_to", "int32"),
    }
    off = _view(offsets, "offsets", "int64")
    ranges = {
        "range_from": _view(range_from, "range_from", "int32"),
        "range_to": _view(range_to, "range_to", "int32"),
        "range_balance": _view(range_balance, "range_balance", "int64"),
    }
    n = len(per_loan["borrower_kind"])
    _same_length(per_loan, n, "borrower_kind")
    _offsets_length(off, n)
    _same_length(ranges, len(ranges["range_from"]), "range_from")
    c = LoanColumns()
    c.version = _LOAN_COLUMNS_VERSION
    c.count = n
    c.borrower_kind = pins.address(per_loan["borrower_kind"], c_uint8_p)
    c.first_application = pins.address(per_loan["first_application"], c_int32_p)
    c.flags = pins.address(per_loan["flags"], c_uint8_p)
    c.annual_rate = pins.address(per_loan["annual_rate"], c_int64_p)
    c.period_from = pins.address(per_loan["period_from"], c_int32_p)
    c.period_to = pins.address(per_loan["period_to"], c_int32_p)
    c.offsets = pins.address(off, c_int64_p) if n else None
    c.range_count = len(ranges["range_from"])
    c.range_from = pins.address(ranges["range_from"], c_int32_p)
    c.range_to = pins.address(ranges["range_to"], c_int32_p)
    c.range_balance = pins.address(ranges["range_balance"], c_int64_p)
    return c


class SubsidyBatch(_BatchResult):
    """The result of :func:`first_loan_subsidy_batch`: ``amount``, ``status``,
    ``eligible``, ``reasons`` per loan, plus ``amount_decimal(row)``,
    ``amounts()``, ``total()``, ``reason_codes(row)``, ``counts()`` and
    ``receipt(row)``."""

    _receipt_function = "zjc_first_loan_subsidy_receipt"

    @staticmethod
    def _build(pins: _Pins, *columns: Any) -> Any:
        return _loan_columns(pins, *columns)


def first_loan_subsidy_batch(borrower_kind: Any, first_application: Any, flags: Any, annual_rate: Any,
                             period_from: Any, period_to: Any, offsets: Any, range_from: Any, range_to: Any,
                             range_balance: Any, plan: Optional[Plan] = None) -> SubsidyBatch:
    """首贷贴息 for every loan of the columns, in one C call.

    Per loan (n entries each): ``borrower_kind`` (bytes: :data:`KIND_SMALL`,
    :data:`KIND_MICRO`, :data:`KIND_INDIVIDUAL_BUSINESS`),
    ``first_application`` (int32 day number), ``flags`` (bytes:
    :data:`LOAN_VIA_PLATFORM` | :data:`LOAN_LOCAL_LEGAL_PERSON_LENDER` |
    :data:`LOAN_FIRST_LOAN`), ``annual_rate`` (int64 units of 10^-10),
    ``period_from`` / ``period_to`` (int32 day numbers, both included);
    ``offsets`` (int64, n + 1); per balance range: ``range_from`` /
    ``range_to`` (int32 day numbers, both included), ``range_balance`` (int64
    分, the end-of-day balance on each day of the range).

    Returns a :class:`SubsidyBatch`; row i equals
    ``first_loan_subsidy(record_i, plan)`` (``status`` 0) or the error it
    raises (``status`` its C code, amount 0).
    """
    columns = (borrower_kind, first_application, flags, annual_rate, period_from, period_to, offsets,
               range_from, range_to, range_balance)
    handle = _plan_handle(plan)
    pins = _Pins()
    try:
        c = _loan_columns(pins, *columns)
        result = SubsidyBatch(c.count, plan, columns)
        out = SubsidyOutputs()
        out.version = _SUBSIDY_OUTPUTS_VERSION
        out.count = c.count
        out.amount = ctypes.cast(ctypes.c_void_p(result._amount_addr), c_int64_p)
        out.status = ctypes.cast(ctypes.c_void_p(result._status_addr), c_int32_p)
        out.eligible = ctypes.cast(ctypes.c_void_p(result._eligible_addr), c_uint8_p)
        out.reasons = ctypes.cast(ctypes.c_void_p(result._reasons_addr), c_uint32_p)
        _call_batch(lib.zjc_first_loan_subsidy_batch, handle, ctypes.byref(c), ctypes.byref(out))
    finally:
        pins.release()
    return result


# ---- the reward -------------------------------------------------------------------------------


def _financing_columns(pins: _Pins, offsets: Any, amount: Any, start: Any, end: Any, days: Any,
                       flags: Any) -> FinancingColumns:
    off = _view(offsets, "offsets", "int64")
    fins = {
        "amount": _view(amount, "amount", "int64"),
        "start": _view(start, "start", "int32"),
        "flags": _view(flags, "flags", "byte"),
    }
    f = len(fins["amount"])
    _same_length(fins, f, "amount")
    end_v = None if end is None else _view(end, "end", "int32")
    days_v = None if days is None else _view(days, "days", "int64")
    if end_v is not None and len(end_v) != f:
        raise ValueError(f"end has {len(end_v)} entries but amount has {f}")
    if days_v is not None and len(days_v) != f:
        raise ValueError(f"days has {len(days_v)} entries but amount has {f}")
    n = max(len(off) - 1, 0)
    c = FinancingColumns()
    c.version = _FINANCING_COLUMNS_VERSION
    c.count = n
    c.offsets = pins.address(off, c_int64_p) if n else None
    c.financing_count = f
    c.amount = pins.address(fins["amount"], c_int64_p)
    c.start = pins.address(fins["start"], c_int32_p)
    c.flags = pins.address(fins["flags"], c_uint8_p)
    c.end = None if end_v is None else pins.address(end_v, c_int32_p)
    c.days = None if days_v is None else pins.address(days_v, c_int64_p)
    return c


class RewardBatch(_BatchResult):
    """The result of :func:`receivables_reward_batch`: per enterprise
    ``amount``, ``status``, ``eligible``, ``reasons``; per financing
    ``financing_reasons`` (uint32 bits: not confirmed / outside the window /
    straddles when it does not count, days truncated when it counts
    truncated; 0 for every financing of an enterprise in error)."""

    _receipt_function = "zjc_receivables_reward_receipt"

    def __init__(self, n: int, financings: int, plan: Optional[Plan], columns: tuple[Any, ...]) -> None:
        super().__init__(n, plan, columns)
        self.financing_reasons, self._financing_reasons_addr = _new_output(financings, "uint32")

    @staticmethod
    def _build(pins: _Pins, *columns: Any) -> Any:
        return _financing_columns(pins, *columns)


def receivables_reward_batch(offsets: Any, amount: Any, start: Any, end: Any = None, days: Any = None,
                             flags: Any = None, plan: Optional[Plan] = None) -> RewardBatch:
    """应收账款融资奖励 for every core enterprise of the columns, in one C call.

    ``offsets`` (int64, enterprises + 1): enterprise i owns financings
    ``offsets[i] .. offsets[i+1]-1``. Per financing: ``amount`` (int64 分),
    ``start`` (int32 day number), ``end`` (int32 day number, read where
    ``flags`` has :data:`FINANCING_HAS_END`; None when no financing has it),
    ``days`` (int64 term, read where ``flags`` has :data:`FINANCING_HAS_DAYS`;
    None when none has it), ``flags`` (bytes: :data:`FINANCING_CONFIRMED` |
    :data:`FINANCING_HAS_END` | :data:`FINANCING_HAS_DAYS`). The SME of
    financing k is named ``financings[k]`` in receipts.
    """
    if flags is None:
        raise TypeError("flags is required (FINANCING_CONFIRMED | FINANCING_HAS_END | FINANCING_HAS_DAYS per financing)")
    columns = (offsets, amount, start, end, days, flags)
    handle = _plan_handle(plan)
    pins = _Pins()
    try:
        c = _financing_columns(pins, *columns)
        result = RewardBatch(c.count, c.financing_count, plan, columns)
        out = RewardOutputs()
        out.version = _REWARD_OUTPUTS_VERSION
        out.count = c.count
        out.amount = ctypes.cast(ctypes.c_void_p(result._amount_addr), c_int64_p)
        out.status = ctypes.cast(ctypes.c_void_p(result._status_addr), c_int32_p)
        out.eligible = ctypes.cast(ctypes.c_void_p(result._eligible_addr), c_uint8_p)
        out.reasons = ctypes.cast(ctypes.c_void_p(result._reasons_addr), c_uint32_p)
        out.financing_count = c.financing_count
        out.financing_reasons = ctypes.cast(ctypes.c_void_p(result._financing_reasons_addr), c_uint32_p)
        _call_batch(lib.zjc_receivables_reward_batch, handle, ctypes.byref(c), ctypes.byref(out))
    finally:
        pins.release()
    return result


# ---- pandas ------------------------------------------------------------------------------------


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("subsidy_frame / reward_frame need pandas (Debian: python3-pandas)") from None
    return pandas


def _require_columns(df: Any, names: list[str]) -> None:
    missing = [c for c in names if c not in df.columns]
    if missing:
        raise ValueError(f"the frame lacks column(s) {missing}; it has {list(df.columns)}")


def _no_floats(s: Any, name: str) -> None:
    if s.dtype.kind == "f":
        raise TypeError(f"column {name!r} is float ({s.dtype}): floats are not exact; use int 分, Decimal or str")


# ---- dates: the library's grammar -------------------------------------------------------------
#
# _day_number is THE one place text becomes a day number here, and it is the
# library's own parser (zjc_date_to_day_number: dates::parse_date, then the
# day number the batch columns use), so a frame accepts exactly what every
# other interface accepts, with the same errors.

_EPOCH_ORDINAL = datetime.date(1970, 1, 1).toordinal()


def _day_number(text: str) -> int:
    """Days since 1970-01-01 of a date in the library's forms ("2022-04-01",
    "2022/4/1", "2022年4月1日", full width too, spaces around); anything else
    is the ParseError dates::parse_date raises, field "date"."""
    bad = invalid_text(text, "date")
    if bad is not None:
        raise bad
    out = ctypes.c_int32()
    lib.zjc_date_to_day_number(ctypes.byref(out), encode(text, "date"))
    return out.value


def _named(e: errors.Error, name: str) -> errors.Error:
    """The error of a date read by _day_number, naming the column instead."""
    message = e.message
    if e.field and message.startswith(e.field + ": "):
        message = name + message[len(e.field):]
    return type(e)(e.code, message, name)


def _day_of(value: Any, name: str) -> Optional[int]:
    """The day number of one cell of a date column; None where missing."""
    if isinstance(value, str):
        try:
            return _day_number(value)
        except errors.Error as e:
            raise _named(e, name) from None
    missing = _pandas().isna(value)
    if missing is True:  # None, NaN, NaT, pd.NA (an array is not a cell: refused below)
        return None
    if isinstance(value, datetime.date):
        if isinstance(value, datetime.datetime) and value.tzinfo is not None:
            raise TypeError(f"column {name!r} has time zones: give plain dates")
        return value.toordinal() - _EPOCH_ORDINAL
    np = _numpy()
    if np is not None and isinstance(value, np.datetime64):
        return int(value.astype("datetime64[D]").astype(np.int64))
    raise TypeError(f"column {name!r} holds {type(value).__name__} {value!r}: give dates, date text or day numbers")


def _day_numbers(pd: Any, np: Any, s: Any, name: str, allow_missing: bool = False) -> Any:
    """int32 day numbers of a column of dates (datetime64, datetime.date,
    date text in the library's forms) or of integer day numbers; (values,
    present mask). Text is read by the library's grammar, once per distinct
    value: "2022-4-1x" or "2022-02-30" is its ParseError naming the column."""
    if s.dtype.kind in "iu":
        v = s.to_numpy(dtype=np.int64)
        present = np.ones(len(v), dtype=bool)
    elif s.dtype.kind == "M":
        if getattr(s.dtype, "tz", None) is not None:
            raise TypeError(f"column {name!r} has time zones: give plain dates")
        present = s.notna().to_numpy()
        v = np.zeros(len(s), dtype=np.int64)
        v[present] = s[present].to_numpy().astype("datetime64[D]").astype(np.int64)
    else:
        _no_floats(s, name)
        distinct: dict[Any, Optional[int]] = {}
        days: list[Optional[int]] = []
        for value in s.to_numpy(dtype=object).tolist():
            key = (type(value), value) if isinstance(value, (str, datetime.date)) else None
            if key is None or key not in distinct:
                day = _day_of(value, name)
                if key is not None:
                    distinct[key] = day
            else:
                day = distinct[key]
            days.append(day)
        present = np.fromiter((d is not None for d in days), dtype=bool, count=len(days))
        v = np.fromiter((0 if d is None else d for d in days), dtype=np.int64, count=len(days))
    if not allow_missing and not present.all():
        raise ValueError(f"column {name!r} has missing dates (row {int(np.argmin(present))})")
    if len(v) and (v.min() < -(2**31) or v.max() >= 2**31):
        raise ValueError(f"column {name!r} holds day numbers outside int32")
    return v.astype(np.int32), present


def _exact_ints(np: Any, s: Any, name: str, parse: Any) -> Any:
    """int64 of an integer column as is, or of a column of Decimal / str /
    int objects through `parse`, once per distinct value."""
    if s.dtype.kind in "iu":
        return s.to_numpy(dtype=np.int64)
    if s.dtype.kind == "b":
        raise TypeError(f"column {name!r} is boolean")
    _no_floats(s, name)
    values = s.to_numpy(dtype=object)
    distinct = {}
    for v in set(values.tolist()):
        if isinstance(v, float):
            raise TypeError(f"column {name!r} holds float {v!r}: floats are not exact")
        distinct[v] = parse(v)
    return np.fromiter((distinct[v] for v in values.tolist()), dtype=np.int64, count=len(values))


def _fen(value: Any) -> int:
    from .money import _parse_fen

    if isinstance(value, int) and not isinstance(value, bool):
        return value
    return _parse_fen(value)


def _rate_units(value: Any) -> int:
    from .money import parse_rate

    if isinstance(value, Decimal):
        units = value.scaleb(10)
    elif isinstance(value, str):
        units = parse_rate(value).scaleb(10)
    else:
        raise TypeError(f"annual_rate values must be int units of 10^-10, Decimal or str, not {type(value).__name__}")
    if units != units.to_integral_value():
        raise ValueError(f"annual_rate {value!r} has more than 10 decimals")
    return int(units)


def _group(pd: Any, np: Any, df: Any, id_column: str) -> tuple[Any, Any, Any, Any]:
    """Rows grouped by id (groups in order of first appearance, rows in frame
    order): (order, offsets, first row of each group, ids)."""
    codes, ids = pd.factorize(df[id_column], sort=False)
    if len(codes) and codes.min() < 0:
        raise ValueError(f"column {id_column!r} has missing ids")
    order = np.argsort(codes, kind="stable")
    counts = np.bincount(codes, minlength=len(ids)) if len(codes) else np.zeros(0, dtype=np.int64)
    offsets = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])
    first = order[offsets[:-1]]
    return order, offsets, first, ids


def _per_record(np: Any, values: Any, order: Any, offsets: Any, first: Any, name: str, ids: Any) -> Any:
    """values[first]; every row of a record must agree."""
    per = values[first]
    counts = np.diff(offsets)
    differ = values[order] != np.repeat(per, counts)
    if differ.any():
        row = int(order[int(np.argmax(differ))])
        group = int(np.searchsorted(offsets, int(np.argmax(differ)), side="right") - 1)
        raise ValueError(f"column {name!r} differs between the rows of record {ids[group]!r} (row {row})")
    return per


def _reason_zh(pd: Any, np: Any, reasons: Any) -> Any:
    """The table's Chinese sentences of each row's bits, joined with "；"
    (one lookup per distinct value, not per row)."""
    bits = np.asarray(reasons)
    texts = {int(b): texts_zh(int(b)) for b in np.unique(bits)}
    return pd.Series(bits).map(texts).to_numpy(dtype=object)


def _row_errors(np: Any, result: _BatchResult) -> list[str]:
    """The message of each row in error ("" for the others): the row's own
    call (``receipt(row)``) fails with it, so only rows in error cost one."""
    messages = [""] * len(result)
    for row in np.flatnonzero(np.asarray(result.status)):
        try:
            result.receipt(int(row))
        except errors.Error as e:
            messages[int(row)] = e.message
    return messages


def _objects(np: Any, values: list[Any]) -> Any:
    """``values`` as a numpy object array (an empty one too, where a list
    would become float64)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _frame_out(pd: Any, np: Any, result: _BatchResult, ids: Any, id_column: str) -> Any:
    frame = pd.DataFrame(
        {
            # object columns even when empty: Decimal amounts and str errors, never float64
            "amount": _objects(np, result.amounts()),
            "amount_fen": np.asarray(result.amount),
            "eligible": np.asarray(result.eligible).astype(bool),
            "status": np.asarray(result.status),
            "reasons": np.asarray(result.reasons),
            "reason_zh": _reason_zh(pd, np, result.reasons),
            "error": _objects(np, _row_errors(np, result)),
        },
        index=pd.Index(ids, name=id_column),
    )
    frame.attrs["batch"] = result
    return frame


def subsidy_frame(df: Any, plan: Optional[Plan] = None, *, id_column: str = "loan_id",
                  columns: Optional[Mapping[str, str]] = None, rate_unit: Optional[str] = None,
                  period: Optional[str] = None, repayments: Any = None) -> Any:
    """首贷贴息 over a pandas DataFrame.

    A bank's own table — any headers of docs/columns.md (借据号, 借款人, 利率(%),
    放款日期, ...), cells as text (read the file with ``dtype=str``) — or any
    of ``columns=`` (your header → field), ``rate_unit=`` ("percent" or
    "fraction", for bare rates when the header gives no unit), ``period=``
    ("2022-04-01..2022-06-30") or ``repayments=`` (a repayments table's path)
    is read by the library as ``zjcredit subsidy`` reads it
    (:func:`zjcredit.tables.table_frame`): the result has the lead columns
    (``borrower``, ``loan_id``, the carried ones) and ``eligible``,
    ``amount``, ``reasons``, ``reason_zh``, ``message``, ``error``.

    Otherwise the frame is the batch form below, ONE ROW PER BALANCE RANGE.

    Columns: ``loan_id`` (or `id_column`; the rows of a loan are grouped by it,
    loans in order of first appearance, ranges in frame order),
    ``borrower_kind`` ("small", "micro", "individual_business" or the
    KIND_* codes), ``first_application_date``, ``via_platform``,
    ``local_legal_person_lender``, ``first_loan`` (bool), ``annual_rate``
    (int units of 10^-10, or Decimal / str such as "4.35%"), ``period_from``,
    ``period_to`` (the same on every row of a loan), ``range_from``,
    ``range_to`` (dates: datetime64, datetime.date, int day numbers, or
    text in the library's forms — "2022-04-01", "2022/4/1", "2022年4月1日";
    other text is the library's ParseError naming the column) and ``balance`` (int 分, or Decimal / str such as "1,234.56").
    Float money or rates are a TypeError.

    Returns a DataFrame indexed by loan id with ``amount`` (Decimal),
    ``amount_fen`` (int64), ``eligible`` (bool), ``status`` (0 or the C
    status), ``reasons`` (bits, :func:`reason_codes`), ``reason_zh`` (their
    Chinese sentences from the library's reason table, joined with "；") and
    ``error`` (the message of a row in error, else ""); ``.attrs["batch"]``
    is the :class:`SubsidyBatch`, whose ``receipt(i)`` explains row i.
    Needs pandas (and numpy).
    """
    if columns is not None or rate_unit is not None or period is not None or repayments is not None \
            or "range_from" not in df.columns:
        from .tables import table_frame

        return table_frame(df, plan, columns=columns, rate_unit=rate_unit, period=period, repayments=repayments)
    pd = _pandas()
    np = _numpy()
    per_loan_names = ["borrower_kind", "first_application_date", "via_platform", "local_legal_person_lender",
                      "first_loan", "annual_rate", "period_from", "period_to"]
    _require_columns(df, [id_column] + per_loan_names + ["range_from", "range_to", "balance"])
    order, offsets, first, ids = _group(pd, np, df, id_column)

    kind_col = df["borrower_kind"]
    if kind_col.dtype.kind in "iu":
        kind = kind_col.to_numpy(dtype=np.int64)
    else:
        mapped = kind_col.map(KIND_CODES)
        if mapped.isna().any():
            bad = kind_col[mapped.isna()].iloc[0]
            raise ValueError(f"borrower_kind {bad!r} is not one of {sorted(KIND_CODES)}")
        kind = mapped.to_numpy(dtype=np.int64)
    if len(kind) and (kind.min() < 0 or kind.max() > 255):
        raise ValueError("borrower_kind codes must be 0..255")
    flags = np.zeros(len(df), dtype=np.int64)
    for name, bit in (("via_platform", LOAN_VIA_PLATFORM), ("local_legal_person_lender", LOAN_LOCAL_LEGAL_PERSON_LENDER),
                      ("first_loan", LOAN_FIRST_LOAN)):
        col = df[name]
        if col.dtype.kind != "b":
            raise TypeError(f"column {name!r} must be bool, not {col.dtype}")
        flags |= np.where(col.to_numpy(), bit, 0)
    app, _ = _day_numbers(pd, np, df["first_application_date"], "first_application_date")
    pf, _ = _day_numbers(pd, np, df["period_from"], "period_from")
    pt, _ = _day_numbers(pd, np, df["period_to"], "period_to")
    rate = _exact_ints(np, df["annual_rate"], "annual_rate", _rate_units)
    rf, _ = _day_numbers(pd, np, df["range_from"], "range_from")
    rt, _ = _day_numbers(pd, np, df["range_to"], "range_to")
    bal = _exact_ints(np, df["balance"], "balance", _fen)

    def per(values: Any, name: str) -> Any:
        return _per_record(np, values, order, offsets, first, name, ids)

    result = first_loan_subsidy_batch(
        np.ascontiguousarray(per(kind, "borrower_kind").astype(np.uint8)),
        np.ascontiguousarray(per(app, "first_application_date")),
        np.ascontiguousarray(per(flags, "via_platform/local_legal_person_lender/first_loan").astype(np.uint8)),
        np.ascontiguousarray(per(rate, "annual_rate")),
        np.ascontiguousarray(per(pf, "period_from")),
        np.ascontiguousarray(per(pt, "period_to")),
        offsets,
        np.ascontiguousarray(rf[order]),
        np.ascontiguousarray(rt[order]),
        np.ascontiguousarray(bal[order]),
        plan=plan,
    )
    return _frame_out(pd, np, result, ids, id_column)


def reward_frame(df: Any, plan: Optional[Plan] = None, *, id_column: str = "enterprise_id") -> Any:
    """应收账款融资奖励 over a pandas DataFrame with ONE ROW PER FINANCING.

    Columns: ``enterprise_id`` (or `id_column`; the core enterprise, rows
    grouped by it in order of first appearance, financings in frame order),
    ``amount`` (int 分, or Decimal / str), ``start`` (a date, as for
    :func:`subsidy_frame`), ``end`` (a date, missing — None / NaT — where the
    term is given in days) and/or ``days`` (int term, missing where an end is
    given; a nullable ``Int64`` column), ``confirmed_on_platform`` (bool).
    A financing with both or neither of end and days is the rule's
    validation error, reported in that enterprise's ``status``.

    Returns a DataFrame indexed by enterprise id with ``amount`` (Decimal),
    ``amount_fen``, ``eligible``, ``status``, ``reasons``, ``reason_zh``,
    ``error`` (as for :func:`subsidy_frame`); ``.attrs["batch"]``
    is the :class:`RewardBatch` (``financing_reasons`` in grouped order,
    ``receipt(i)``). Needs pandas (and numpy).
    """
    pd = _pandas()
    np = _numpy()
    if "end" not in df.columns and "days" not in df.columns:
        raise ValueError("the frame needs an 'end' or a 'days' column (or both)")
    _require_columns(df, [id_column, "amount", "start", "confirmed_on_platform"])
    order, offsets, _, ids = _group(pd, np, df, id_column)
    amount = _exact_ints(np, df["amount"], "amount", _fen)
    start, _ = _day_numbers(pd, np, df["start"], "start")
    confirmed = df["confirmed_on_platform"]
    if confirmed.dtype.kind != "b":
        raise TypeError(f"column 'confirmed_on_platform' must be bool, not {confirmed.dtype}")
    flags = np.where(confirmed.to_numpy(), FINANCING_CONFIRMED, 0)
    end = days = None
    if "end" in df.columns:
        end, has_end = _day_numbers(pd, np, df["end"], "end", allow_missing=True)
        flags = flags | np.where(has_end, FINANCING_HAS_END, 0)
        end = np.ascontiguousarray(end[order])
    if "days" in df.columns:
        col = df["days"]
        if col.dtype.kind == "f":
            raise TypeError("column 'days' is float: use a nullable integer column (dtype 'Int64') for missing terms")
        has_days = col.notna().to_numpy()
        days = np.zeros(len(col), dtype=np.int64)
        days[has_days] = col[has_days].to_numpy(dtype=np.int64)
        flags = flags | np.where(has_days, FINANCING_HAS_DAYS, 0)
        days = np.ascontiguousarray(days[order])
    result = receivables_reward_batch(
        offsets,
        np.ascontiguousarray(amount[order]),
        np.ascontiguousarray(start[order]),
        end,
        days,
        np.ascontiguousarray(flags[order].astype(np.uint8)),
        plan=plan,
    )
    return _frame_out(pd, np, result, ids, id_column)
