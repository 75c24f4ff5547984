"""The bureau's month of the 工作台账 (docs/ledger.md), through the library:
blank templates for the units, filled ledgers and liaison forms read back
from .xlsx, CSV or JSON files (or a folder of them), a month's progress
with the tasks past their 时间节点, and the chase list. Compliance over a
run of months is :func:`zjcredit.check_ledger` with ``"2022-09..2022-12"``.

A ledger document is a dict as :func:`read_ledger` returns it (or its JSON
text): ``submissions`` and ``liaison_forms``.
"""

from __future__ import annotations

import datetime
import json
import os
from typing import Any, Mapping, Optional, Union

from ._convert import record_text
from ._lib import encode, lib, take_string
from .plan import Plan
from .rules import _plan_handle

PathLike = Union[str, "os.PathLike[str]"]
LedgerDoc = Union[str, Mapping[str, Any]]

__all__ = ["ledger_template", "write_ledger_template", "read_ledger", "ledger_progress", "chase_list"]

_EXTENSIONS = (".xlsx", ".csv", ".json")


def _opt(text: Optional[str], what: str) -> Optional[bytes]:
    return None if text is None else encode(text, what)


def ledger_template(unit: Optional[str] = None, month: Optional[str] = None, plan: Optional[Plan] = None) -> str:
    """The blank 工作台账 as CSV text (with BOM, CRLF): every task each unit
    owes, or ``unit``'s alone; ``month`` ("2022-09") fills 月份."""
    return take_string(lambda out: lib.zjc_ledger_template_csv(_plan_handle(plan), _opt(unit, "unit"),
                                                               _opt(month, "month"), out))


def write_ledger_template(path: PathLike, unit: Optional[str] = None, month: Optional[str] = None,
                          plan: Optional[Plan] = None) -> None:
    """Writes the blank 工作台账 as an .xlsx workbook to ``path``: one sheet
    per unit with the 进展情况 drop-down, and the instructions."""
    lib.zjc_ledger_template_xlsx(_plan_handle(plan), _opt(unit, "unit"), _opt(month, "month"),
                                 encode(os.fspath(path), "path"))


def _files(paths: tuple[PathLike, ...]) -> list[str]:
    """Each path, a folder standing for its .xlsx, .csv and .json files in
    name order (not Excel's ~$ lock files nor hidden ones), as the CLI reads them."""
    out: list[str] = []
    for p in paths:
        p = os.fspath(p)
        if not os.path.isdir(p):
            out.append(p)
            continue
        found = sorted(os.path.join(p, f) for f in os.listdir(p)
                       if f.lower().endswith(_EXTENSIONS) and not f.startswith(("~$", "."))
                       and os.path.isfile(os.path.join(p, f)))
        if not found:
            raise FileNotFoundError(f"{p}: a folder with no .xlsx, .csv or .json file")
        out.extend(found)
    return out


def read_ledger(*paths: PathLike, plan: Optional[Plan] = None) -> dict[str, Any]:
    """Reads filled ledgers and liaison forms (附件2) from files or folders:
    .xlsx (every sheet), CSV (UTF-8 or GB18030, title rows skipped) or ledger
    JSON. Returns one ledger document (dict) with every file's submissions
    and liaison forms, in file order. Bad input raises zjcredit.ParseError,
    NotFoundError or ValidationError naming the file, row and column."""
    doc: dict[str, Any] = {"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [], "liaison_forms": []}
    for name in _files(paths):
        with open(name, "rb") as f:
            data = f.read()
        text = take_string(lambda out: lib.zjc_ledger_read(_plan_handle(plan), data, len(data),
                                                           encode(name, "path"), out))
        one = json.loads(text)
        doc["submissions"].extend(one["submissions"])
        doc["liaison_forms"].extend(one["liaison_forms"])
    return doc


def _month(month: Union[str, datetime.date]) -> bytes:
    if isinstance(month, datetime.date) and not isinstance(month, datetime.datetime):
        return f"{month.year:04d}-{month.month:02d}".encode()
    return encode(month, "month")  # type: ignore[arg-type]


def ledger_progress(ledger: LedgerDoc, month: Union[str, datetime.date], as_of: Optional[str] = None,
                    plan: Optional[Plan] = None) -> dict[str, Any]:
    """``month``'s progress rolled up per measure and per unit
    (``["progress"]``) and the tasks past their 时间节点 as of ``as_of``
    ("2022-11-01"; default the month's last day; ``["overdue"]``)."""
    doc = record_text(ledger, "ledger")
    text = take_string(lambda out: lib.zjc_ledger_progress(_plan_handle(plan), doc, _month(month),
                                                           _opt(as_of, "as_of"), out))
    return json.loads(text)  # type: ignore[no-any-return]


def chase_list(ledger: LedgerDoc, months: str, plan: Optional[Plan] = None) -> list[dict[str, Any]]:
    """Whom to chase over ``months`` ("2022-09..2022-12"): each liaison form
    late, missing or with a problem, and each unit late, missing or short of
    tasks per month, with ``contact`` (the liaison's name, post, phone and
    e-mail; None when the unit sent no liaison form)."""
    doc = record_text(ledger, "ledger")
    text = take_string(lambda out: lib.zjc_ledger_chase(_plan_handle(plan), doc, encode(months, "months"), out))
    return json.loads(text)["items"]  # type: ignore[no-any-return]
