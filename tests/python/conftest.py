"""Fixtures of the zjcredit Python tests (helpers live in helpers.py)."""

from __future__ import annotations

import pytest

from helpers import HEADER


@pytest.fixture(scope="session")
def header_text() -> str:
    """capi/zjcredit.h."""
    return HEADER.read_text(encoding="utf-8")
