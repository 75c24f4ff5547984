"""The payout register (docs/register.md): a SQLite file of the rounds of
subsidy paid, one row per borrower and loan-period, each row chained to the
previous by SHA-256.

    >>> check = zjcredit.register_verify("payouts.db")
    >>> check.ok, check.first_fault
    >>> paid = zjcredit.register_paid("payouts.db")   # what not to pay again

Writing a round is the screen's (``zjcredit screen --register DB --commit``).
"""

from __future__ import annotations

import datetime
import json
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Optional, Union

from ._lib import lib, take_string

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class RegisterFault:
    """The first row (row_id set) or round (row_id None) that does not match."""

    row_id: Optional[int]
    round_id: str
    borrower_id: str
    loan_id: str
    what: str


@dataclass(frozen=True)
class RegisterCheck:
    """What register_verify found: ``ok`` only when the whole chain checks."""

    ok: bool
    rows_checked: int
    rounds_checked: int
    head_hash: str
    first_fault: Optional[RegisterFault]


@dataclass(frozen=True)
class PaidPeriod:
    """One row of the register."""

    row_id: int
    round_id: str
    committed_at: str
    plan_version: str
    borrower_id: str
    borrower_name: str
    loan_id: str
    lender: str
    period_from: datetime.date
    period_to: datetime.date
    amount: Decimal
    receipt_digest: str


def _path(path: PathLike) -> bytes:
    return os.fsencode(os.fspath(path))


def register_verify(path: PathLike) -> RegisterCheck:
    """Recomputes the register's hash chain and each round's count and total.
    Raises zjcredit.ValidationError for a file that is not a register or of a
    newer schema version, zjcredit.FileError when it cannot be opened; a
    register that does not check is not an exception: read ``ok`` and
    ``first_fault``."""
    doc = json.loads(take_string(lambda out: lib.zjc_register_verify(_path(path), out)))
    fault = doc["first_fault"]
    return RegisterCheck(
        ok=doc["ok"],
        rows_checked=doc["rows_checked"],
        rounds_checked=doc["rounds_checked"],
        head_hash=doc["head_hash"],
        first_fault=None if fault is None else RegisterFault(
            fault["row_id"], fault["round_id"], fault["borrower_id"], fault["loan_id"], fault["what"]),
    )


def register_paid(path: PathLike) -> list[PaidPeriod]:
    """Every row of the register, in row order; amounts exact (Decimal 元).

    The register is verified first: one edited by hand raises
    ``ValidationError`` naming its first fault (see ``register_verify``),
    so that its rows are never taken for what was paid."""
    doc = json.loads(take_string(lambda out: lib.zjc_register_paid(_path(path), out)))
    return [
        PaidPeriod(
            row_id=r["row_id"],
            round_id=r["round_id"],
            committed_at=r["committed_at"],
            plan_version=r["plan_version"],
            borrower_id=r["borrower_id"],
            borrower_name=r["borrower_name"],
            loan_id=r["loan_id"],
            lender=r["lender"],
            period_from=datetime.date.fromisoformat(r["from"]),
            period_to=datetime.date.fromisoformat(r["to"]),
            amount=Decimal(r["amount"]),
            receipt_digest=r["receipt_digest"],
        )
        for r in doc["paid"]
    ]
