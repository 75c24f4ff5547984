"""Scenarios side by side (docs/whatif.md): the loans of banks' tables under
the plan as given (the baseline) and under each scenario, the plan with
parameters of 首贷贴息 overridden, computed exactly by the library in one
read of the tables (``zjc_whatif_tables``)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Mapping, Optional

from ._lib import lib
from .sandbox import override_text

if TYPE_CHECKING:
    import pandas

    from .plan import Plan

__all__ = ["whatif", "WhatifResult"]

_COUNTS = ("loans", "gain", "lose", "become_eligible", "become_ineligible")
_AMOUNTS = ("baseline_total", "total", "difference")


@dataclass(frozen=True)
class WhatifResult:
    """What :func:`whatif` found, as DataFrames whose amounts are Decimal 元.

    ``totals``: one row per scenario (the baseline first, named "baseline")
    and group: ``scenario``, ``group`` ("all", "lender", "borrower_kind"),
    ``value`` (the lender or the kind; "" for all), ``loans``,
    ``baseline_total``, ``total``, ``difference``, ``gain``, ``lose``,
    ``become_eligible``, ``become_ineligible`` and ``budget_share`` (text
    "87.64%" on the "all" rows when a budget was given, else None).
    ``changes``: the largest changes of each scenario: ``scenario``,
    ``rank``, ``where``, ``borrower``, ``loan_id``, ``lender``,
    ``borrower_kind``, ``baseline``, ``scenario_amount``, ``difference``.
    ``raw``: the library's JSON, parsed."""

    totals: "pandas.DataFrame"
    changes: "pandas.DataFrame"
    raw: dict


def _row(scenario: str, group: str, value: str, g: Mapping[str, Any], share: Optional[str]) -> dict:
    row: dict[str, Any] = {"scenario": scenario, "group": group, "value": value}
    row["loans"] = g["loans"]
    for key in _AMOUNTS:
        row[key] = Decimal(g[key])
    for key in _COUNTS[1:]:
        row[key] = g[key]
    row["budget_share"] = share
    return row


def whatif(frame_or_path: Any, plan: Optional["Plan"] = None, *, scenarios: Mapping[str, Mapping[str, Any]],
           budget: Any = None, largest: int = 10, period: Optional[str] = None,
           columns: Optional[Mapping[str, str]] = None, rate_unit: Optional[str] = None,
           sheet: Optional[str] = None, encoding: Optional[str] = None) -> WhatifResult:
    """Every scenario against the baseline over the same loans.

    ``scenarios``: name → {"first_loan_subsidy.balance_cap": "500万", …};
    values as for :func:`zjcredit.with_parameters` (str, Decimal, int, a
    (from, to) pair for a window, a list for eligible_kinds; never float).
    ``budget`` (optional, above zero) gives each scenario's share of it.
    ``frame_or_path`` and the reader's options as for :func:`zjcredit.seek`.
    An unknown parameter is NotFoundError; a value of the wrong kind
    ParseError; a budget not above zero, a parameter of another rule or a
    value the plan refuses ValidationError."""
    import pandas

    from .screen import _tables_call
    from .tables import _reader_options

    named = {name: {key: override_text(key, v) for key, v in values.items()} for name, values in scenarios.items()}
    options = _reader_options(columns, rate_unit, period, None, sheet, encoding)
    options["scenarios"] = named
    options["largest"] = largest
    if budget is not None:
        options["budget"] = override_text("budget", budget)
    r = _tables_call(lib.zjc_whatif_tables, frame_or_path, None, plan, options)
    totals = []
    changes = []
    for s in r["scenarios"]:
        totals.append(_row(s["name"], "all", "", s, s["budget_share"]))
        totals += [_row(s["name"], "lender", g["lender"], g, None) for g in s["by_lender"]]
        totals += [_row(s["name"], "borrower_kind", g["borrower_kind"], g, None) for g in s["by_borrower_kind"]]
        for rank, c in enumerate(s["largest_changes"], start=1):
            changes.append({"scenario": s["name"], "rank": rank, "where": c["where"], "borrower": c["borrower"],
                            "loan_id": c["loan_id"], "lender": c["lender"], "borrower_kind": c["borrower_kind"],
                            "baseline": Decimal(c["baseline"]), "scenario_amount": Decimal(c["scenario"]),
                            "difference": Decimal(c["difference"])})
    total_columns = ["scenario", "group", "value", *_COUNTS[:1], *_AMOUNTS, *_COUNTS[1:], "budget_share"]
    change_columns = ["scenario", "rank", "where", "borrower", "loan_id", "lender", "borrower_kind", "baseline",
                      "scenario_amount", "difference"]
    return WhatifResult(pandas.DataFrame(totals, columns=total_columns),
                        pandas.DataFrame(changes, columns=change_columns), r)
