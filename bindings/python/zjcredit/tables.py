"""A bank's own table of loans (docs/columns.md): CSV in UTF-8 or GB18030 or
.xlsx, Chinese or English headers, loans by their drawdown with a
repayments table, rates whose unit is declared — read by the library
(``zjc_subsidy_table``), so Python, the CLI and C read a table alike.

:func:`subsidy_table` takes the file itself (bytes as exported, .xlsx
included); :func:`subsidy_frame` with ``columns=``, ``rate_unit=``,
``period=`` or ``repayments=`` takes a DataFrame read with ``dtype=str``.
Both return a DataFrame: the lead columns (``borrower``, ``loan_id`` when the
table has one, the carried columns as written) and ``eligible`` (bool),
``amount`` (Decimal), ``reasons`` (codes), ``reason_zh``, ``message`` (the
arithmetic of an eligible loan, else its reasons in words) and ``error`` (the
loan's located error, else ""); ``.attrs["total"]`` is the exact total.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Mapping, Optional, Union

from ._lib import lib, take_string
from .plan import Plan
from .rules import _plan_handle

PathLike = Union[str, "os.PathLike[str]"]


def _reader_options(columns: Optional[Mapping[str, str]] = None, rate_unit: Optional[str] = None,
                    period: Optional[str] = None, repayments: Optional[PathLike] = None, sheet: Optional[str] = None,
                    encoding: Optional[str] = None) -> dict[str, Any]:
    """The table reader's options as the C ABI takes them (rules::table_options_from_json), only those given."""
    options: dict[str, Any] = {}
    if columns:
        options["columns"] = dict(columns)
    if rate_unit is not None:
        options["rate_unit"] = rate_unit
    if period is not None:
        options["period"] = period
    if repayments is not None:
        options["repayments"] = os.fspath(repayments)
    if sheet is not None:
        options["sheet"] = sheet
    if encoding is not None:
        options["encoding"] = encoding
    return options


def _options(columns: Optional[Mapping[str, str]], rate_unit: Optional[str], period: Optional[str],
             repayments: Optional[PathLike], sheet: Optional[str]) -> str:
    return json.dumps(_reader_options(columns, rate_unit, period, repayments, sheet), ensure_ascii=False)


def _frame(text: str) -> Any:
    import pandas as pd  # the frame form needs pandas

    data = json.loads(text)
    rows = data["rows"]
    frame = pd.DataFrame([r["cells"] for r in rows], columns=data["columns"], dtype=object)
    frame["eligible"] = [bool(r["eligible"]) for r in rows]
    frame["amount"] = [Decimal(r["amount"]) for r in rows]
    frame["reasons"] = [";".join(r["reasons"]) for r in rows]
    frame["reason_zh"] = [r["reason_zh"] for r in rows]
    frame["message"] = [r["message"] for r in rows]
    frame["error"] = [r["error"] or "" for r in rows]
    frame.attrs["total"] = Decimal(data["total"])
    return frame


def _table(data: bytes, name: str, plan: Optional[Plan], options: str) -> Any:
    text = take_string(lambda out: lib.zjc_subsidy_table(_plan_handle(plan), data, len(data), name.encode(),
                                                        options.encode(), out))
    return _frame(text)


def subsidy_table(path: PathLike, plan: Optional[Plan] = None, *, columns: Optional[Mapping[str, str]] = None,
                  rate_unit: Optional[str] = None, period: Optional[str] = None,
                  repayments: Optional[PathLike] = None, sheet: Optional[str] = None) -> Any:
    """首贷贴息 for the loans table in ``path`` (CSV or .xlsx, as exported).

    ``columns`` maps your own headers to fields (``{"客户号": "borrower_id"}``);
    ``rate_unit`` ("percent" or "fraction") declares bare rates when the header
    does not (``利率(%)`` does); ``period`` ("2022-04-01..2022-06-30") is the
    claim period of every loan; ``repayments`` a repayments table's path;
    ``sheet`` an .xlsx sheet. Errors about the whole table raise
    zjcredit.ParseError / ValidationError; a loan's own error is its row's
    ``error``.
    """
    with open(path, "rb") as f:
        data = f.read()
    return _table(data, os.fspath(path), plan, _options(columns, rate_unit, period, repayments, sheet))


def table_frame(df: Any, plan: Optional[Plan] = None, *, columns: Optional[Mapping[str, str]] = None,
                rate_unit: Optional[str] = None, period: Optional[str] = None,
                repayments: Optional[PathLike] = None) -> Any:
    """:func:`subsidy_table` over a DataFrame whose cells are text (read the
    bank's file with ``dtype=str``). A float column is a TypeError: a float
    is not an exact amount or rate."""
    return _table(frame_text(df).encode("utf-8"), "frame", plan, _options(columns, rate_unit, period, repayments, None))


def frame_text(df: Any) -> str:
    """A DataFrame of text cells as the CSV text the library's table reader
    takes. A float column is a TypeError: a float is not an exact amount or
    rate."""
    import numpy as np
    import pandas as pd

    for name in df.columns:
        column = df[name]
        floats = column.dtype.kind == "f"
        if not floats and column.dtype.kind == "O":  # text cells, or values of any type: a float among them too
            kind = pd.api.types.infer_dtype(column, skipna=True)
            floats = kind in ("floating", "mixed-integer-float") or (
                kind == "mixed" and any(isinstance(x, (float, np.floating)) for x in column))
        if floats:
            raise TypeError(f"column {name!r} holds floats; read the file with dtype=str (or pass the file to "
                            "zjcredit.subsidy_table) so that amounts and rates stay exact")
    return str(df.to_csv(index=False, lineterminator="\n"))
