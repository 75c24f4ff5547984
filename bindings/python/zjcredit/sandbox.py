"""The sandbox: a plan with some rule parameters overridden for a run
(docs/sandbox.md). Values are read by the library exactly as a plan file's
are, so ``"500万"``, ``"0.8%"`` and ``Decimal("5000000")`` all work and a bad
one raises the error a plan file would, on the field ``rule.name``."""

from __future__ import annotations

import ctypes
import datetime
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Mapping, Optional

from ._lib import PlanPtr, encode, lib

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["with_parameters", "override_text", "seek", "SeekResult"]


def override_text(name: str, value: Any) -> str:
    """A Python value as the text of an override: ``None`` unsets an
    optional parameter, a (from, to) pair of dates is a window, a list is
    ``"a,b"``, ``bool`` is ``"true"``/``"false"``; ``float`` is refused
    (amounts and rates are exact: write a str or a Decimal)."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        raise TypeError(f"{name}: a float is not exact; write the value as str or Decimal")
    if isinstance(value, (int, Decimal, str)):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        parts = [override_text(name, v) for v in value]
        if isinstance(value, tuple) and len(value) == 2:
            return f"{parts[0]}..{parts[1]}"
        return ",".join(parts)
    raise TypeError(f"{name}: cannot override with a {type(value).__name__}")


def with_parameters(plan: Optional["Plan"], rule: str, scenario: Optional[str] = None, **values: Any) -> "Plan":
    """A new :class:`Plan`: ``plan`` (None: the embedded plan) with the
    parameters ``values`` of ``rule`` overridden; ``plan`` is unchanged."""
    from .plan import Plan

    request: dict[str, Any] = {rule: {name: override_text(name, v) for name, v in values.items()}}
    if scenario is not None:
        request["scenario"] = scenario
    data = encode(json.dumps(request, ensure_ascii=False), "overrides")
    handle = PlanPtr()
    lib.zjc_plan_with_parameters(plan._live() if plan is not None else None, data, ctypes.byref(handle))
    return Plan(handle)


@dataclass(frozen=True)
class SeekResult:
    """The answer of :func:`seek` and its certificate. ``value`` and
    ``next_value`` are in the parameter's canonical text ("457435.38",
    "0.8%", "2022-06-30"); ``total`` and ``next_total`` are the totals there
    (Decimal 元), both computed; ``next_value`` is None when the answer is
    the end of the range. ``evaluations``: every (value, total) evaluated, in
    the order made."""

    parameter: str
    value: str
    total: Decimal
    next_value: Optional[str]
    next_total: Optional[Decimal]
    evaluations: list[tuple[str, Decimal]]


def seek(frame_or_path: Any, plan: Optional["Plan"] = None, *, parameter: str, budget: Any,
         within: Any = None, reach: bool = False, period: Optional[str] = None,
         columns: Optional[Mapping[str, str]] = None, rate_unit: Optional[str] = None,
         sheet: Optional[str] = None, encoding: Optional[str] = None) -> SeekResult:
    """The exact goal seek (docs/sandbox.md) through ``zjc_seek_tables``: the
    largest value of ``parameter`` ("first_loan_subsidy.balance_cap", …)
    whose total over the loans stays within ``budget``, or with ``reach`` the
    smallest whose total reaches it, exactly at the parameter's step.

    ``frame_or_path``: a loans table (a DataFrame of text cells, or a file's
    path) or a list of them, read as :func:`zjcredit.subsidy_table` reads
    them. ``budget`` is an amount (Decimal, int or str such as "5000万",
    never float); ``within`` a range "100万..1000万" or a (from, to) pair.
    ``period``, ``columns``, ``rate_unit``, ``sheet``, ``encoding`` as for
    :func:`zjcredit.subsidy_table`. An unknown parameter is NotFoundError;
    a value of the wrong kind ParseError; a negative budget, a reversed
    range or a parameter whose totals do not rise with it ValidationError.
    """
    from .screen import _tables_call
    from .tables import _reader_options

    options = _reader_options(columns, rate_unit, period, None, sheet, encoding)
    options["parameter"] = parameter
    options["budget"] = override_text("budget", budget)
    if within is not None:
        options["within"] = override_text("within", tuple(within) if isinstance(within, list) else within)
    if reach:
        options["reach"] = True
    r = _tables_call(lib.zjc_seek_tables, frame_or_path, None, plan, options)
    return SeekResult(r["parameter"], r["value"], Decimal(r["total"]), r["next_value"],
                      None if r["next_total"] is None else Decimal(r["next_total"]),
                      [(e["value"], Decimal(e["total"])) for e in r["evaluations"]])
