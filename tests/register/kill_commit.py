"""Faults of the payout register (issue 14): a child committing a round is
SIGKILLed at random points, at least 50 times; after each kill the register
holds that round entirely or not at all, and `zjcredit register verify`
passes. Then two children commit at once and their rows must not interleave.

    kill_commit.py COMMIT_CHILD ZJCREDIT [--kills N] [--rows N] [--seed S]

The kill lands after the child has opened the register and said "ready",
at a delay drawn from 0..1.1 x the time from "ready" to exit measured once,
so that most kills fall inside commit_round and its transaction. Every
tenth attempt starts a fresh register, so that verify stays quick.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def round_state(db: Path, round_id: str) -> tuple[int, int]:
    """(rows of the round, 1 if the rounds table has it else 0)."""
    con = sqlite3.connect(db)
    try:
        rows = con.execute("SELECT count(*) FROM payouts WHERE round_id = ?", (round_id,)).fetchone()[0]
        listed = con.execute("SELECT count(*) FROM rounds WHERE round_id = ?", (round_id,)).fetchone()[0]
    finally:
        con.close()
    return rows, listed


def verify(zjcredit: str, db: Path) -> None:
    r = subprocess.run([zjcredit, "register", "verify", str(db)], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"FAIL: register verify exited {r.returncode}: {r.stdout}{r.stderr}")


def start(child: str, db: Path, round_id: str, rows: int) -> subprocess.Popen:
    p = subprocess.Popen([child, str(db), round_id, str(rows)], stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None
    line = p.stdout.readline()
    if line != "ready\n":
        p.kill()
        sys.exit(f"FAIL: child said {line!r} instead of ready")
    return p


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("child")
    ap.add_argument("zjcredit")
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--rows", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=None)
    a = ap.parse_args()
    seed = a.seed if a.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print(f"seed {seed}")

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "payouts.db"
        # How long a commit takes here, from "ready" to exit.
        p = start(a.child, db, "warm-up", a.rows)
        t0 = time.monotonic()
        p.wait()
        commit_time = time.monotonic() - t0
        if p.returncode != 0:
            sys.exit(f"FAIL: warm-up commit exited {p.returncode}")
        print(f"a commit of {a.rows} rows takes {commit_time * 1000:.1f} ms")

        kills = absent = whole = attempts = 0
        while kills < a.kills:
            attempts += 1
            if attempts > 20 * a.kills:
                sys.exit(f"FAIL: only {kills} kills landed in {attempts - 1} attempts")
            round_id = f"k{attempts}"
            # A fresh register now and then keeps each verify short.
            if attempts % 10 == 0:
                db = Path(tmp) / f"payouts-{attempts}.db"
            p = start(a.child, db, round_id, a.rows)
            time.sleep(rng.uniform(0.0, 1.1 * commit_time))
            p.send_signal(signal.SIGKILL)
            p.wait()
            if p.returncode == -signal.SIGKILL:
                kills += 1
            elif p.returncode != 0:
                sys.exit(f"FAIL: child exited {p.returncode}")
            rows, listed = round_state(db, round_id)
            if (rows, listed) == (0, 0):
                absent += 1
            elif (rows, listed) == (a.rows, 1):
                whole += 1
            else:
                sys.exit(f"FAIL: round {round_id} is half there: {rows} rows, listed {listed}")
            verify(a.zjcredit, db)
        print(f"{kills} kills in {attempts} attempts: round absent {absent} times, whole {whole} times; "
              "verify passed after each")

        # Two writers at once: both rounds land, one after the other.
        first = subprocess.Popen([a.child, str(db), "both-1", str(a.rows)], stdout=subprocess.DEVNULL)
        second = subprocess.Popen([a.child, str(db), "both-2", str(a.rows)], stdout=subprocess.DEVNULL)
        if first.wait() != 0 or second.wait() != 0:
            sys.exit(f"FAIL: concurrent commits exited {first.returncode}, {second.returncode}")
        con = sqlite3.connect(db)
        ids = [r[0] for r in con.execute(
            "SELECT round_id FROM payouts WHERE round_id IN ('both-1', 'both-2') ORDER BY row_id")]
        con.close()
        changes = sum(1 for x, y in zip(ids, ids[1:]) if x != y)
        if len(ids) != 2 * a.rows or changes != 1:
            sys.exit(f"FAIL: concurrent rounds interleaved or lost: {len(ids)} rows, {changes} changes of round")
        verify(a.zjcredit, db)
        print("two concurrent commits: not interleaved, verify passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
