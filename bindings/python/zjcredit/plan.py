"""The plan: the embedded 2022 plan or one loaded from JSON."""

from __future__ import annotations

import ctypes
import json
import os
from typing import Any, Optional, Union

from ._lib import PlanPtr, encode, lib, take_string

__all__ = ["Plan"]


class Plan:
    """An immutable plan held by the C library; free to share between threads.

    >>> plan = Plan.default()
    >>> [m["id"] for m in plan.measures()][:2]
    ['m1', 'm2']
    """

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    @classmethod
    def default(cls) -> "Plan":
        """The embedded 2022 Zhanjiang plan (湛金函〔2022〕86号)."""
        handle = PlanPtr()
        lib.zjc_plan_default(ctypes.byref(handle))
        return cls(handle)

    @classmethod
    def from_json(cls, text: str) -> "Plan":
        """A plan from JSON text (docs/plan-schema.md); errors name the JSON path."""
        data = encode(text, "json")
        handle = PlanPtr()
        lib.zjc_plan_load_json(ctypes.byref(handle), data, len(data))
        return cls(handle)

    @classmethod
    def from_file(cls, path: "Union[str, os.PathLike[str]]") -> "Plan":
        """A plan from a JSON file, read by the library (at most 64 MiB).
        A file that cannot be read is a :class:`zjcredit.FileError` naming
        the path and the system's reason; errors in the JSON are those of
        :meth:`from_json`, the message led by the path."""
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"path must be str or os.PathLike, not {type(path).__name__}")
        data = os.fsencode(path)
        if b"\0" in data:
            raise ValueError("path: embedded NUL character")
        handle = PlanPtr()
        lib.zjc_plan_load_file(ctypes.byref(handle), data)
        return cls(handle)

    def with_parameters(self, rule: str, scenario: Optional[str] = None, **values: Any) -> "Plan":
        """A new plan with parameters of ``rule`` overridden for a run; this
        one is unchanged. Receipts under it show each override, the
        scenario and this plan's value (docs/sandbox.md).

        >>> cap = Plan.default().with_parameters("first_loan_subsidy", balance_cap="500万")
        >>> cap.to_json().count('"scenario": "override"')
        1
        """
        from .sandbox import with_parameters

        return with_parameters(self, rule, scenario, **values)

    def close(self) -> None:
        """Frees the C plan now rather than at garbage collection."""
        if self._handle:
            lib.zjc_plan_free(self._handle)
            self._handle = None

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass

    def __enter__(self) -> "Plan":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def _live(self) -> Any:
        if not self._handle:
            raise ValueError("the plan has been closed")
        return self._handle

    def to_json(self) -> str:
        """The plan as byte-stable JSON text."""
        handle = self._live()
        return take_string(lambda out: lib.zjc_plan_to_json(handle, out))

    def lint(self) -> list[dict[str, Any]]:
        """Lint findings: dicts with code, severity, subject, clause, message."""
        handle = self._live()
        return json.loads(take_string(lambda out: lib.zjc_plan_lint(handle, out)))

    def _query(self, query: str, arg: Optional[str] = None) -> Any:
        handle = self._live()
        q = encode(query, "query")
        a = None if arg is None else encode(arg, "arg")
        return json.loads(take_string(lambda out: lib.zjc_plan_query(handle, q, a, out)))

    def units(self) -> list[dict[str, Any]]:
        """Every unit with its id, name, aliases and kind."""
        return self._query("units")

    def measures(self) -> list[dict[str, Any]]:
        """The measures with their units, targets and tasks."""
        return self._query("measures")

    def targets(self) -> list[dict[str, Any]]:
        """The targets with their comparators and thresholds."""
        return self._query("targets")

    def deadlines(self) -> list[dict[str, Any]]:
        """The organisational deadlines."""
        return self._query("deadlines")

    def unit(self, name_or_alias: str) -> dict[str, Any]:
        """The unit with this id, name or alias (NotFoundError otherwise)."""
        return self._query("unit", name_or_alias)

    def measures_led_by(self, unit: str) -> list[dict[str, Any]]:
        return self._query("measures_led_by", unit)

    def measures_responsible(self, unit: str) -> list[dict[str, Any]]:
        return self._query("measures_responsible", unit)

    def units_of(self, measure_id: str) -> list[dict[str, Any]]:
        return self._query("units_of", measure_id)

    def targets_of(self, measure_id: str) -> list[dict[str, Any]]:
        return self._query("targets_of", measure_id)

    def ledger_units(self) -> list[dict[str, Any]]:
        """The units that must file the monthly 工作台账."""
        return self._query("ledger_units")
