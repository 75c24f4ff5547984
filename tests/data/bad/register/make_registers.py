"""Writes the SQLite inputs of the `register` cases (committed; run again
only to change them): other_database.db, a database that is not a register,
and newer_schema.db, a register of schema version 2. Both in rollback-journal
mode, so that opening them leaves no -wal/-shm file in the source tree."""

import sqlite3
from pathlib import Path

here = Path(__file__).resolve().parent

other = here / "other_database.db"
other.unlink(missing_ok=True)
con = sqlite3.connect(other)
con.executescript("CREATE TABLE loans (loan_id TEXT, amount INTEGER); INSERT INTO loans VALUES ('L1', 100);")
con.close()

newer = here / "newer_schema.db"
newer.unlink(missing_ok=True)
con = sqlite3.connect(newer)
con.executescript("""
CREATE TABLE rounds (round_id TEXT PRIMARY KEY NOT NULL, plan_version TEXT NOT NULL,
    committed_at TEXT NOT NULL, row_count INTEGER NOT NULL, total_fen INTEGER NOT NULL,
    last_hash TEXT NOT NULL, approved_by TEXT NOT NULL) STRICT;
PRAGMA application_id = 1514816338;
PRAGMA user_version = 2;
""")
con.close()
