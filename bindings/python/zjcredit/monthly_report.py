"""The one report (docs/report.md), through the library: the headline
(达成/预计达成/风险), every target with actual vs threshold in its stated
unit, its monthly series, projection and 预警 grade; the ledger compliance
grid and chase list when a ledger is given; the subsidy totals when given.

``observations`` is a list of observations documents (dicts or JSON text,
docs/assessment.md), one per month; ``ledger`` a ledger document as
:func:`zjcredit.read_ledger` returns it; ``subsidies`` the output of
``zjcredit subsidy --json`` (dict or text).
"""

from __future__ import annotations

import json
from typing import Any, Mapping, Optional, Sequence, Union

from ._lib import encode, lib, take_string
from .plan import Plan
from .rules import _plan_handle

Doc = Union[str, Mapping[str, Any]]

__all__ = ["report", "report_html"]


def _inputs(observations: Sequence[Doc], ledger: Optional[Doc], months: Optional[str],
            subsidies: Optional[Doc]) -> bytes:
    def doc(d: Doc) -> Any:
        return json.loads(d) if isinstance(d, str) else d

    if isinstance(observations, (str, Mapping)):
        raise TypeError("observations must be a list of observations documents, one per month")
    inputs: dict[str, Any] = {"observations": [doc(o) for o in observations]}
    if ledger is not None:
        inputs["ledger"] = doc(ledger)
    if months is not None:
        inputs["months"] = months
    if subsidies is not None:
        inputs["subsidies"] = doc(subsidies)
    return encode(json.dumps(inputs, ensure_ascii=False), "inputs")


def report(observations: Sequence[Doc], *, ledger: Optional[Doc] = None, months: Optional[str] = None,
           subsidies: Optional[Doc] = None, plan: Optional[Plan] = None) -> dict[str, Any]:
    """The report as a dict ("kind": "zjcredit.report"); figures are exact decimal strings."""
    text = _inputs(observations, ledger, months, subsidies)
    return json.loads(take_string(lambda out: lib.zjc_report_json(_plan_handle(plan), text, out)))  # type: ignore[no-any-return]


def report_html(observations: Sequence[Doc], *, ledger: Optional[Doc] = None, months: Optional[str] = None,
                subsidies: Optional[Doc] = None, plan: Optional[Plan] = None, lang: str = "zh") -> str:
    """The report as one self-contained HTML page (no script, no network)."""
    text = _inputs(observations, ledger, months, subsidies)
    return take_string(lambda out: lib.zjc_report_html(_plan_handle(plan), text, encode(lang, "lang"), out))
