"""The reason table — each reason code with a bit (``ZJC_REASON_*``) and a
sentence in Chinese and in English — read once, at import, from the C library
(``zjc_reason_info``), so the binding keeps no copy of its own that could
drift from the library's (include/zjcredit/rules/reason.hpp)."""

from __future__ import annotations

import ctypes
from dataclasses import dataclass

from ._lib import lib
from .errors import NotFoundError


@dataclass(frozen=True)
class ReasonInfo:
    """One entry of the table. The sentences name no values (a receipt's
    own messages do); they serve results that have no receipt."""

    code: str
    bit: int
    text_zh: str
    text_en: str


def _read_table() -> tuple[ReasonInfo, ...]:
    # The library answers for single bits only; trying all 32 lists them all.
    code, zh, en = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_char_p()
    table = []
    for k in range(32):
        try:
            lib.zjc_reason_info(1 << k, ctypes.byref(code), ctypes.byref(zh), ctypes.byref(en))
        except NotFoundError:
            continue
        table.append(ReasonInfo((code.value or b"").decode("utf-8"), 1 << k, (zh.value or b"").decode("utf-8"),
                                (en.value or b"").decode("utf-8")))
    return tuple(table)


#: Every reason with a bit, in bit order.
REASON_TABLE: tuple[ReasonInfo, ...] = _read_table()


def reasons_of(bits: int) -> list[ReasonInfo]:
    """The entries of every bit set in ``bits``, in bit order."""
    bits = int(bits)
    return [r for r in REASON_TABLE if bits & r.bit]


def texts_zh(bits: int) -> str:
    """The Chinese sentences of ``bits`` joined with "；" ("" for none)."""
    return "；".join(r.text_zh for r in reasons_of(bits))
