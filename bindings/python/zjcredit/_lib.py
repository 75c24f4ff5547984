"""Loading libzjcredit and declaring every C function it exports.

The library is looked up in this order:

1. the path in the environment variable ``ZJCREDIT_LIBRARY``;
2. ``libzjcredit.so.<ABI>`` next to this package (installed or in a build tree);
3. the system's ``libzjcredit.so.<ABI>`` through the dynamic loader.

At import the loaded library's ``zjc_abi_version()`` must equal ``ABI_VERSION``.
"""

from __future__ import annotations

import ctypes
import os
from pathlib import Path
from typing import Any, Callable, Optional

from .errors import STATUS, AbiMismatchError, ParseError, error_for

#: The ABI this package was written for (ZJC_ABI_VERSION in capi/zjcredit.h).
ABI_VERSION = 0
SONAME = f"libzjcredit.so.{ABI_VERSION}"

c_int32 = ctypes.c_int32
c_int64 = ctypes.c_int64
c_char_p = ctypes.c_char_p
c_void_p = ctypes.c_void_p
c_size_t = ctypes.c_size_t
P = ctypes.POINTER


class PlanHandle(ctypes.Structure):
    """Opaque ``zjc_plan``."""


PlanPtr = P(PlanHandle)

c_uint8 = ctypes.c_uint8
c_uint32 = ctypes.c_uint32
c_int32_p = P(c_int32)
c_int64_p = P(c_int64)
c_uint8_p = P(c_uint8)
c_uint32_p = P(c_uint32)


class LoanColumns(ctypes.Structure):
    """``zjc_loan_columns`` (ZJC_LOAN_COLUMNS_VERSION 1)."""

    _fields_ = [
        ("version", c_uint32),
        ("count", c_size_t),
        ("borrower_kind", c_uint8_p),
        ("first_application", c_int32_p),
        ("flags", c_uint8_p),
        ("annual_rate", c_int64_p),
        ("period_from", c_int32_p),
        ("period_to", c_int32_p),
        ("offsets", c_int64_p),
        ("range_count", c_size_t),
        ("range_from", c_int32_p),
        ("range_to", c_int32_p),
        ("range_balance", c_int64_p),
    ]


class SubsidyOutputs(ctypes.Structure):
    """``zjc_subsidy_outputs`` (ZJC_SUBSIDY_OUTPUTS_VERSION 1)."""

    _fields_ = [
        ("version", c_uint32),
        ("count", c_size_t),
        ("amount", c_int64_p),
        ("status", c_int32_p),
        ("eligible", c_uint8_p),
        ("reasons", c_uint32_p),
    ]


class FinancingColumns(ctypes.Structure):
    """``zjc_financing_columns`` (ZJC_FINANCING_COLUMNS_VERSION 1)."""

    _fields_ = [
        ("version", c_uint32),
        ("count", c_size_t),
        ("offsets", c_int64_p),
        ("financing_count", c_size_t),
        ("amount", c_int64_p),
        ("start", c_int32_p),
        ("end", c_int32_p),
        ("days", c_int64_p),
        ("flags", c_uint8_p),
    ]


class RewardOutputs(ctypes.Structure):
    """``zjc_reward_outputs`` (ZJC_REWARD_OUTPUTS_VERSION 1)."""

    _fields_ = [
        ("version", c_uint32),
        ("count", c_size_t),
        ("amount", c_int64_p),
        ("status", c_int32_p),
        ("eligible", c_uint8_p),
        ("reasons", c_uint32_p),
        ("financing_count", c_size_t),
        ("financing_reasons", c_uint32_p),
    ]


# One prototype table: name -> (argtypes, restype, checked). A checked
# function returns an int32 status that _check turns into an exception.
_PROTOTYPES: dict[str, tuple[list[Any], Any, bool]] = {
    "zjc_abi_version": ([], c_int32, False),
    "zjc_amount_format": ([P(c_void_p), c_int64, c_int32], c_int32, True),
    "zjc_amount_parse": ([P(c_int64), c_char_p, c_int32], c_int32, True),
    "zjc_assess": ([PlanPtr, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_budget_allocate": ([PlanPtr, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_date_from_day_number": ([P(c_void_p), c_int32], c_int32, True),
    "zjc_date_to_day_number": ([P(c_int32), c_char_p], c_int32, True),
    "zjc_decimal_round": ([P(c_void_p), c_char_p, c_int32, c_int32], c_int32, True),
    "zjc_first_loan_subsidy": ([PlanPtr, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_first_loan_subsidy_amount": ([PlanPtr, c_char_p, P(c_int64), P(c_int32), P(c_uint32)], c_int32, True),
    "zjc_first_loan_subsidy_batch": ([PlanPtr, P(LoanColumns), P(SubsidyOutputs)], c_int32, True),
    "zjc_first_loan_subsidy_receipt": ([PlanPtr, P(LoanColumns), c_size_t, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_last_error": ([], c_char_p, False),
    "zjc_last_error_field": ([], c_char_p, False),
    "zjc_last_status": ([], c_int32, False),
    "zjc_ledger_check": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_ledger_chase": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_ledger_progress": ([PlanPtr, c_char_p, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_ledger_read": ([PlanPtr, c_char_p, c_size_t, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_ledger_template_csv": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_ledger_template_xlsx": ([PlanPtr, c_char_p, c_char_p, c_char_p], c_int32, True),
    "zjc_listing_award": ([PlanPtr, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_plan_default": ([P(PlanPtr)], c_int32, True),
    "zjc_plan_free": ([PlanPtr], None, False),
    "zjc_plan_lint": ([PlanPtr, P(c_void_p)], c_int32, True),
    "zjc_plan_load_file": ([P(PlanPtr), c_char_p], c_int32, True),
    "zjc_plan_load_json": ([P(PlanPtr), c_char_p, c_size_t], c_int32, True),
    "zjc_plan_query": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_plan_to_json": ([PlanPtr, P(c_void_p)], c_int32, True),
    "zjc_plan_with_parameters": ([PlanPtr, c_char_p, P(PlanPtr)], c_int32, True),
    "zjc_subsidy_table": ([PlanPtr, c_char_p, c_size_t, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_rate_parse": ([P(c_int64), c_char_p], c_int32, True),
    "zjc_reason_info": ([c_uint32, P(c_char_p), P(c_char_p), P(c_char_p)], c_int32, True),
    "zjc_receivables_reward": ([PlanPtr, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_receivables_reward_amount": ([PlanPtr, c_char_p, P(c_int64), P(c_int32), P(c_uint32)], c_int32, True),
    "zjc_receivables_reward_batch": ([PlanPtr, P(FinancingColumns), P(RewardOutputs)], c_int32, True),
    "zjc_receivables_reward_receipt": ([PlanPtr, P(FinancingColumns), c_size_t, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_screen_tables": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_seek_tables": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_whatif_tables": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_status_name": ([c_int32], c_char_p, False),
    "zjc_string_free": ([c_void_p], None, False),
    "zjc_version": ([], c_char_p, False),
    "zjc_register_paid": ([c_char_p, P(c_void_p)], c_int32, True),
    "zjc_register_verify": ([c_char_p, P(c_void_p)], c_int32, True),
    "zjc_report_json": ([PlanPtr, c_char_p, P(c_void_p)], c_int32, True),
    "zjc_report_html": ([PlanPtr, c_char_p, c_char_p, P(c_void_p)], c_int32, True),
}


def _candidates() -> list[str]:
    override = os.environ.get("ZJCREDIT_LIBRARY")
    if override:
        return [override]
    here = Path(__file__).resolve().parent
    return [str(here / SONAME), SONAME]


def _load() -> ctypes.CDLL:
    errors = []
    for candidate in _candidates():
        if os.sep in candidate and not os.path.exists(candidate):
            errors.append(f"{candidate}: no such file")
            continue
        try:
            return ctypes.CDLL(candidate)
        except OSError as e:
            errors.append(f"{candidate}: {e}")
    raise ImportError(
        "zjcredit: cannot load the C library; set ZJCREDIT_LIBRARY to the path of "
        f"{SONAME} or install it. Tried: " + "; ".join(errors)
    )


lib = _load()


def _check(status: int, func: Any, args: Any) -> int:
    if status != 0:
        message = (lib.zjc_last_error() or b"").decode("utf-8", "replace")
        field = (lib.zjc_last_error_field() or b"").decode("utf-8", "replace")
        raise error_for(status, message, field)
    return status


def _declare(name: str) -> None:
    """Sets argtypes/restype (and errcheck for status-returning functions) of
    one function of the prototype table."""
    argtypes, restype, checked = _PROTOTYPES[name]
    try:
        func = getattr(lib, name)
    except AttributeError as e:
        raise ImportError(f"zjcredit: {name} missing from the C library {lib._name}; is it older than this package?") from e
    func.argtypes = argtypes
    func.restype = restype
    if checked:
        func.errcheck = _check


# The ABI is checked first, so that a library of another ABI (which may lack
# or have changed any other function) is reported as such.
_declare("zjc_abi_version")
_loaded_abi = lib.zjc_abi_version()
if _loaded_abi != ABI_VERSION:
    raise AbiMismatchError(
        STATUS["ZJC_EINVALID"],
        f"zjcredit: the C library {lib._name} has ABI {_loaded_abi} but this package needs ABI {ABI_VERSION}; "
        "install matching versions or point ZJCREDIT_LIBRARY at the right library",
    )
for _name in _PROTOTYPES:
    _declare(_name)


def take_string(call: Callable[[Any], Any]) -> str:
    """Calls ``call(out)`` with a ``char **`` and returns the UTF-8 string it
    produced, freeing the library's copy."""
    out = c_void_p()
    call(ctypes.byref(out))
    try:
        return ctypes.string_at(out.value).decode("utf-8") if out.value else ""
    finally:
        lib.zjc_string_free(out)


#: Longest excerpt of the offending text in a message, in characters (the C
#: library quotes at most 64 bytes the same way).
MAX_QUOTED = 64


def quote(text: str, position: int = 0) -> str:
    """The text around ``position`` for a message: at most MAX_QUOTED
    characters, "…" where something was cut, and a NUL or a lone surrogate
    shown as an escape (``\\x00``, ``\\udcff``) so the message stays valid text."""
    start = 0 if len(text) <= MAX_QUOTED else max(0, min(position - MAX_QUOTED // 2, len(text) - MAX_QUOTED))
    part = text[start:start + MAX_QUOTED]
    shown = part.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")
    return ("…" if start > 0 else "") + shown + ("…" if start + MAX_QUOTED < len(text) else "")


def invalid_text(text: str, what: str, field: str = "") -> Optional[ParseError]:
    """The ParseError for a str the C library cannot be given — one holding
    a NUL character (C would silently cut it there) or a lone surrogate (not
    UTF-8) — naming the position and quoting the text there; None if fine."""
    if "\x00" in text:
        at = text.index("\x00")
        return ParseError(STATUS["ZJC_EPARSE"],
                          f'{what}: NUL character in "{quote(text, at)}" at position {at}', field or what)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:  # lone surrogates
        return ParseError(STATUS["ZJC_EPARSE"],
                          f'{what}: not valid Unicode text ({e.reason}) in "{quote(text, e.start)}" at position {e.start}',
                          field or what)
    return None


def encode(text: str, what: str) -> bytes:
    """UTF-8 bytes of a str argument; anything else is a TypeError. A NUL
    character would silently cut the text at the C boundary, so it is refused."""
    if not isinstance(text, str):
        raise TypeError(f"{what} must be str, not {type(text).__name__}")
    try:
        if "\x00" not in text:
            return text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates
        pass
    raise invalid_text(text, what)  # type: ignore[misc]  # not None: the text is refused


def optional_plan(plan: Optional[Any]) -> Any:
    """The handle of a Plan, or NULL for the embedded default. A closed plan
    is an error (ValueError), never silently the default."""
    return None if plan is None else plan._live()
