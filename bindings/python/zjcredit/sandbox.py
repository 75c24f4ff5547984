"""The sandbox: a plan with some rule parameters overridden for a run
(docs/sandbox.md). Values are read by the library exactly as a plan file's
are, so ``"500万"``, ``"0.8%"`` and ``Decimal("5000000")`` all work and a bad
one raises the error a plan file would, on the field ``rule.name``."""

from __future__ import annotations

import ctypes
import datetime
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Optional

from ._lib import PlanPtr, encode, lib

if TYPE_CHECKING:
    from .plan import Plan

__all__ = ["with_parameters", "override_text"]


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
