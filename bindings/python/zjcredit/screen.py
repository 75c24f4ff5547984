"""The screen (免申即享, docs/screen.md): the 首贷贴息 per borrower (单户)
over the loans tables of many lenders, through ``zjc_screen_tables``.

The plan's 1000万 cap is on the borrower, not on each loan: every day the
balances of a borrower's eligible loans fill the one cap in a stated order,
each part at its own loan's rate used; the borrower's subsidy is rounded
once and split back to its loans and lenders to the 分. Conflicts (首贷 at
two lenders, a loan listed twice with different data, overlapping claim
periods, one code with two names) are listed, never silently resolved.

The tables are read by the library's own table reader, as
``zjcredit screen`` and :func:`zjcredit.subsidy_table` read them: a
DataFrame read with ``dtype=str`` (a float column is a TypeError), or the
path of a bank's file (CSV in UTF-8 or GB18030, or .xlsx).

Example (``frame_a`` without a 贷款机构 column, named by the dict's key)::

    result = zjcredit.screen({"银行甲": frame_a, "银行乙": frame_b}, period="2022-04-01..2022-06-30")
    paid = result.borrowers[result.borrowers["eligible"]]       # the borrowers paid: the list to publish
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Mapping, Optional, Sequence, Union

from ._convert import dumps
from ._lib import lib, take_string
from .money import amount_text
from .plan import Plan
from .rules import _plan_handle
from .tables import PathLike, _reader_options, frame_text

#: A table: a DataFrame of text cells, or a file's path.
TableLike = Union[Any, str, "os.PathLike[str]"]
AmountLike = Union[Decimal, int, str]

#: The fill orders (docs/screen.md): first application date, then drawdown
#: (the default); drawdown first; loan_id alone.
FILL_ORDERS = ("application", "drawdown", "loan_id")


@dataclass(frozen=True)
class ScreenResult:
    """The screen's four tables (pandas DataFrames).

    ``borrowers``: one row per borrower (borrower_id, borrower,
    borrower_kind, eligible, held, amount, allocated — Decimal —, lenders: a
    dict lender → Decimal share, reasons: codes joined by ";", loans: the
    borrower's listings in the fill order). ``loans``: one row per listing,
    in input order (source "file:line", loan_id, lender, borrower_id,
    borrower, period_from, period_to, eligible, amount, allocated: what it
    is paid — its share of its borrower's allocation under a budget, its
    amount otherwise —, rate_used, capped_balance_days, cut_by_cap: True
    when on some day the borrower's cap left it less than its balance,
    reasons, error: ""
    or the listing's located error).
    ``conflicts``: kind, borrower_id, loan_id, lenders, rows, detail_zh,
    detail_en. ``totals``: group ("lender", "borrower_kind", "total",
    "count", "reason"), key, borrowers, loans, amount, allocated.
    """

    borrowers: Any
    loans: Any
    conflicts: Any
    totals: Any


def _table(table: TableLike, name: str, lender: Optional[str], repayments: Optional[PathLike] = None) -> dict[str, Any]:
    out: dict[str, Any]
    if isinstance(table, (str, os.PathLike)):
        out = {"path": os.fspath(table)}
    elif hasattr(table, "to_csv") and hasattr(table, "columns"):
        out = {"name": name, "text": frame_text(table)}
    else:
        raise TypeError(f"{name}: a table is a DataFrame (read with dtype=str) or a file's path, "
                        f"not {type(table).__name__}")
    if lender is not None:
        out["lender"] = lender
    if repayments is not None:
        out["repayments"] = os.fspath(repayments)
    return out


def _tables(frame_or_frames: Any, lender: Optional[str],
            repayments_of: Optional[Mapping[str, PathLike]] = None) -> list[dict[str, Any]]:
    if isinstance(frame_or_frames, Mapping):
        unknown = sorted(set(repayments_of or {}) - set(frame_or_frames))
        if unknown:
            raise ValueError(f"repayments: {', '.join(unknown)} is not a lender of the tables "
                             f"({', '.join(map(str, frame_or_frames))})")
        tables = []
        for i, (name, table) in enumerate(frame_or_frames.items()):
            if not isinstance(name, str):
                raise TypeError(f"tables[{i}]: a mapping's keys are lenders' names (str), not {type(name).__name__}")
            tables.append(_table(table, name, name, (repayments_of or {}).get(name)))
        return tables
    if repayments_of is not None:
        raise TypeError("repayments: a dict {lender: file} goes with tables given as a dict {lender: table}")
    if isinstance(frame_or_frames, Sequence) and not isinstance(frame_or_frames, (str, bytes, bytearray)):
        return [_table(t, f"tables[{i}]", lender) for i, t in enumerate(frame_or_frames)]
    return [_table(frame_or_frames, "tables[0]", lender)]


def _tables_call(function: Any, frame_or_frames: Any, lender: Optional[str], plan: Any,
                 options: dict[str, Any], repayments_of: Optional[Mapping[str, PathLike]] = None) -> Any:
    """One of the C ABI's calls that take tables (zjc_screen_tables, zjc_seek_tables,
    zjc_whatif_tables): the tables and options as JSON in, its JSON answer parsed."""
    tables = dumps(_tables(frame_or_frames, lender, repayments_of), "tables")
    options_text = dumps(options, "options")
    return json.loads(take_string(lambda out: function(_plan_handle(plan), tables.encode("utf-8"),
                                                       options_text.encode("utf-8"), out)))


def _decimal(text: Optional[str]) -> Optional[Decimal]:
    return None if text is None else Decimal(text)


def _frames(data: dict[str, Any]) -> ScreenResult:
    import pandas as pd  # the frame form needs pandas

    b = data["borrowers"]
    borrowers = pd.DataFrame({
        "borrower_id": b["borrower_id"],
        "borrower": b["borrower"],
        "borrower_kind": b["borrower_kind"],
        "eligible": [bool(x) for x in b["eligible"]],
        "held": [bool(x) for x in b["held"]],
        "amount": [Decimal(x) for x in b["amount"]],
        "allocated": [Decimal(x) for x in b["allocated"]],
        "lenders": [{k: Decimal(v) for k, v in x.items()} for x in b["lenders"]],
        "reasons": [";".join(x) for x in b["reasons"]],
        "loans": b["loans"],
    }, columns=["borrower_id", "borrower", "borrower_kind", "eligible", "held", "amount", "allocated", "lenders",
                "reasons", "loans"])
    ln = data["loans"]
    loans = pd.DataFrame({
        "source": ln["source"],
        "loan_id": ln["loan_id"],
        "lender": ln["lender"],
        "borrower_id": ln["borrower_id"],
        "borrower": ln["borrower"],
        "period_from": ln["period_from"],
        "period_to": ln["period_to"],
        "eligible": [bool(x) for x in ln["eligible"]],
        "amount": [Decimal(x) for x in ln["amount"]],
        "allocated": [Decimal(x) for x in ln["allocated"]],
        "rate_used": ln["rate_used"],
        "capped_balance_days": [Decimal(x) for x in ln["capped_balance_days"]],
        "cut_by_cap": ln["cut_by_cap"],
        "reasons": [";".join(x) for x in ln["reasons"]],
        "error": [x or "" for x in ln["error"]],
    }, columns=["source", "loan_id", "lender", "borrower_id", "borrower", "period_from", "period_to", "eligible",
                "amount", "allocated", "rate_used", "capped_balance_days", "cut_by_cap", "reasons", "error"])
    conflicts = pd.DataFrame(data["conflicts"], columns=["kind", "borrower_id", "loan_id", "lenders", "rows",
                                                         "detail_zh", "detail_en"])
    t = data["totals"]
    rows: list[tuple[str, str, Optional[int], int, Optional[Decimal], Optional[Decimal]]] = []
    for group, key in (("lender", "lenders"), ("borrower_kind", "borrower_kinds")):
        for x in t[key]:
            rows.append((group, x["key"], x["borrowers"], x["loans"], Decimal(x["amount"]), _decimal(x["allocated"])))
    a = t["all"]
    rows.append(("total", "all", a["borrowers"], a["loans"], Decimal(a["amount"]), Decimal(a["allocated"])))
    rows.append(("count", "eligible", t["borrowers_eligible"], t["loans_eligible"], None, None))
    rows.append(("count", "not_eligible", t["borrowers"] - t["borrowers_eligible"],
                 t["loans"] - t["loans_eligible"], None, None))
    rows.append(("count", "in_error", None, t["loans_in_error"], None, None))
    for code, n in t["reasons"].items():
        rows.append(("reason", code, None, n, None, None))
    totals = pd.DataFrame(rows, columns=["group", "key", "borrowers", "loans", "amount", "allocated"])
    return ScreenResult(borrowers, loans, conflicts, totals)


def screen(frame_or_frames: Any, plan: Optional[Plan] = None, *, period: Optional[str] = None,
           lender: Optional[str] = None, budget: Optional[AmountLike] = None, fill_order: Optional[str] = None,
           other_ids_declared: bool = False, keep_all_first_loans: bool = False,
           already_paid: Optional[Sequence[Mapping[str, str]]] = None,
           register: Optional[PathLike] = None,
           columns: Optional[Mapping[str, str]] = None, rate_unit: Optional[str] = None,
           sheet: Optional[str] = None, encoding: Optional[str] = None,
           repayments: Union[PathLike, Mapping[str, PathLike], None] = None) -> ScreenResult:
    """Screens the loans of one or more lenders' tables, per borrower.

    ``frame_or_frames``: a table, a list of tables, or a dict ``{lender:
    table}`` naming each table's lender; a table is a DataFrame of text
    cells or a file's path. Each table needs the columns 统一社会信用代码 and
    借据号, and 贷款机构 unless its lender is given (``lender=`` for all the
    tables without one). ``period`` ("2022-04-01..2022-06-30") is every
    loan's claim period; ``budget`` (Decimal, int or str, never float) is
    shared pro rata among the borrowers (``allocated``); ``fill_order`` one
    of FILL_ORDERS; ``other_ids_declared`` accepts borrower ids that are
    not 统一社会信用代码; ``keep_all_first_loans`` keeps 首贷 at two lenders
    under the one cap (the conflict is listed either way); ``already_paid``
    lists loan-periods not to be paid again (``{"lender", "loan_id",
    "period"}``, and ``"borrower_id"`` to keep that borrower's 首贷 with that
    lender); ``register`` is a payout register's path whose rows are
    not paid again (read only: ``zjcredit screen --commit`` records a round);
    ``columns``, ``rate_unit``, ``sheet``, ``encoding`` as for
    :func:`zjcredit.subsidy_table`; ``repayments`` as there for one table,
    or, with tables given as ``{lender: table}``, a dict ``{lender:
    repayments file}``: a repayment whose 借据号 its table does not list is
    refused, so one repayments table cannot serve several lenders' tables.

    A listing's own problem (an invalid 统一社会信用代码, a missing lender, a
    bad cell) is its row's ``error`` in ``loans``; what concerns the whole
    request (a table without a 贷款机构 column and no lender, a bad option)
    raises zjcredit.ParseError / ValidationError / FileError.
    """
    for name, flag in (("other_ids_declared", other_ids_declared), ("keep_all_first_loans", keep_all_first_loans)):
        if not isinstance(flag, bool):  # "no" would be true
            raise TypeError(f"{name} must be True or False, not {flag!r}")
    repayments_of = repayments if isinstance(repayments, Mapping) else None
    one_repayments = None if isinstance(repayments, Mapping) else repayments  # every table's
    options = _reader_options(columns, rate_unit, period, one_repayments, sheet, encoding)
    if budget is not None:
        options["budget"] = amount_text(budget, "budget")
    if fill_order is not None:
        options["fill_order"] = fill_order
    if other_ids_declared:
        options["other_ids_declared"] = True
    if keep_all_first_loans:
        options["keep_all_first_loans"] = True
    if already_paid is not None:
        options["already_paid"] = [dict(p) for p in already_paid]
    if register is not None:
        options["register"] = os.fspath(register)
    return _frames(_tables_call(lib.zjc_screen_tables, frame_or_frames, lender, plan, options, repayments_of))
