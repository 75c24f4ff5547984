"""Helpers shared by the zjcredit Python tests.

The suite runs against the package assembled by tests/python/CMakeLists.txt
(PYTHONPATH=<build>/python); ZJCREDIT_SOURCE_DIR names the source tree, for
capi/zjcredit.h and tests/golden/. By hand, after a build in build-py/:

    PYTHONPATH=build-py/python ZJCREDIT_SOURCE_DIR=$PWD /usr/bin/python3 -m pytest -q tests/python
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Optional

import zjcredit

SOURCE_DIR = Path(os.environ.get("ZJCREDIT_SOURCE_DIR") or Path(__file__).resolve().parents[2])
HEADER = SOURCE_DIR / "capi" / "zjcredit.h"
GOLDEN_DIR = SOURCE_DIR / "tests" / "golden"

#: Golden rule folder -> the key of its parameters in a plan file.
RULES = ("first_loan_subsidy", "receivables_reward", "listing_award", "budget_allocation")


def golden_cases(rule: str) -> list[Path]:
    """The golden case files of one rule, sorted by name."""
    return sorted((GOLDEN_DIR / rule).glob("*.json"))


def load_case(path: Path) -> dict[str, Any]:
    """A golden case as Python data (JSON numbers stay int/float)."""
    return json.loads(path.read_text(encoding="utf-8"))


_DEFAULT_PLAN: Optional[dict[str, Any]] = None


def plan_with(rule: str, overrides: dict[str, Any]) -> zjcredit.Plan:
    """The embedded 2022 plan with some parameters of one rule replaced, the
    way a golden case's "parameters" replaces them (docs/records.md §8),
    loaded through Plan.from_json."""
    global _DEFAULT_PLAN
    if _DEFAULT_PLAN is None:
        _DEFAULT_PLAN = json.loads(zjcredit.Plan.default().to_json())
    doc = json.loads(json.dumps(_DEFAULT_PLAN))
    doc["parameters"][rule].update(overrides)
    return zjcredit.Plan.from_json(json.dumps(doc, ensure_ascii=False))


def loan(**changes: Any) -> dict[str, Any]:
    """The loan record of docs/records.md §2, with changes."""
    record: dict[str, Any] = {
        "borrower": "湛江市甲科技有限公司",
        "borrower_kind": "small",
        "first_application_date": "2022-04-01",
        "via_platform": True,
        "local_legal_person_lender": True,
        "first_loan": True,
        "annual_rate": "4.35%",
        "balances": [
            {"from": "2022-04-01", "to": "2022-06-30", "balance": "1000000.00"},
            {"date": "2022-07-01", "balance": "0.00"},
        ],
        "period": {"from": "2022-04-01", "to": "2022-07-01"},
    }
    record.update(changes)
    return record
