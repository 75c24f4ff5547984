"""The payout register through the Python binding (zjcredit.register).

The registers here are written by this test alone, with Python's sqlite3 and
hashlib, from the schema and canonical text of docs/register.md: an
independent writer, so register_verify passing on them checks the document
as much as the code."""

from __future__ import annotations

import datetime
import hashlib
import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

import zjcredit

GENESIS = "0" * 64
SCHEMA = """
CREATE TABLE rounds (round_id TEXT PRIMARY KEY NOT NULL, plan_version TEXT NOT NULL,
    committed_at TEXT NOT NULL, row_count INTEGER NOT NULL, total_fen INTEGER NOT NULL,
    last_hash TEXT NOT NULL) STRICT;
CREATE TABLE payouts (row_id INTEGER PRIMARY KEY, round_id TEXT NOT NULL REFERENCES rounds(round_id),
    committed_at TEXT NOT NULL, plan_version TEXT NOT NULL, borrower_id TEXT NOT NULL,
    borrower_name TEXT NOT NULL, loan_id TEXT NOT NULL, lender TEXT NOT NULL,
    period_from TEXT NOT NULL, period_to TEXT NOT NULL, amount_fen INTEGER NOT NULL,
    receipt_digest TEXT NOT NULL, prev_hash TEXT NOT NULL, row_hash TEXT NOT NULL) STRICT;
PRAGMA application_id = 1514816338;
PRAGMA user_version = 1;
"""
# (borrower_id, name, loan_id, lender, from, to, fen) of round 2022Q2
ROWS = [
    ("91440800MA4UJ8XX1K", "湛江甲公司", "L1", "湛江农商行", "2022-04-01", "2022-06-30", 120000),
    ("91440800MA4UJ8XX1K", "湛江甲公司", "L2", "湛江农商行", "2022-04-01", "2022-06-30", 30050),
    ("91440800MA51B0XX2L", "湛江乙公司", "L3", "广东南粤银行", "2022-05-10", "2022-06-30", 9999),
]
WHEN = "2022-07-05T08:00:00Z"


def write_register(path: Path, rows: list[tuple[str, str, str, str, str, str, int]] = ROWS) -> None:
    """A register of one round 2022Q2 of `rows` (tests/python/test_screen.py uses it too)."""
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    prev = GENESIS
    total = 0
    for i, (bid, name, loan, lender, start, end, fen) in enumerate(rows, start=1):
        fields = [str(i), "2022Q2", WHEN, "v1", bid, name, loan, lender, start, end, str(fen), "", prev]
        row_hash = hashlib.sha256(("\t".join(fields) + "\n").encode("utf-8")).hexdigest()
        con.execute("INSERT INTO payouts VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (i, "2022Q2", WHEN, "v1", bid, name, loan, lender, start, end, fen, "", prev, row_hash))
        prev = row_hash
        total += fen
    con.execute("INSERT INTO rounds VALUES (?,?,?,?,?,?)", ("2022Q2", "v1", WHEN, len(rows), total, prev))
    con.commit()
    con.close()


def test_a_register_written_from_the_document_verifies_and_reads_back(tmp_path: Path) -> None:
    db = tmp_path / "payouts.db"
    write_register(db)
    check = zjcredit.register_verify(db)
    assert check.ok and check.first_fault is None
    assert (check.rows_checked, check.rounds_checked) == (3, 1)
    paid = zjcredit.register_paid(str(db))
    assert [p.loan_id for p in paid] == ["L1", "L2", "L3"]
    assert paid[1].amount == Decimal("300.50")
    assert paid[2].period_from == datetime.date(2022, 5, 10)
    assert paid[0].borrower_name == "湛江甲公司"
    assert check.head_hash == sqlite3.connect(db).execute("SELECT row_hash FROM payouts WHERE row_id = 3").fetchone()[0]


def test_an_amount_changed_by_hand_is_named(tmp_path: Path) -> None:
    db = tmp_path / "payouts.db"
    write_register(db)
    con = sqlite3.connect(db)
    con.execute("UPDATE payouts SET amount_fen = 30051 WHERE row_id = 2")
    con.commit()
    con.close()
    check = zjcredit.register_verify(db)
    assert not check.ok
    assert check.first_fault == zjcredit.RegisterFault(
        2, "2022Q2", "91440800MA4UJ8XX1K", "L2", "row_hash does not match the row's content (edited after commit)")
    # Its rows are not handed out as what was paid.
    with pytest.raises(zjcredit.ValidationError, match="does not verify, first fault at row 2"):
        zjcredit.register_paid(db)


def test_files_that_are_not_registers_are_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("not a database, " * 40)
    with pytest.raises(zjcredit.ValidationError, match="not a SQLite database"):
        zjcredit.register_verify(text)
    newer = tmp_path / "newer.db"
    write_register(newer)
    con = sqlite3.connect(newer)
    con.execute("PRAGMA user_version = 7")
    con.close()
    with pytest.raises(zjcredit.ValidationError, match="schema version 7, newer than"):
        zjcredit.register_paid(newer)
    with pytest.raises(zjcredit.FileError, match="no such file"):
        zjcredit.register_verify(tmp_path / "missing.db")
