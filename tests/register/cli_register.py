"""`zjcredit register verify|show` on registers made by the commit child, and
the re-verification by hand that docs/register.md describes (sqlite3 and
sha256sum), run as written there.

    cli_register.py COMMIT_CHILD ZJCREDIT
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

failures: list[str] = []


def check(cond: bool, what: str) -> None:
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), capture_output=True, text=True)


# The query of docs/register.md, less its WHERE.
CANONICAL = ("SELECT row_id||char(9)||round_id||char(9)||committed_at||char(9)||plan_version"
             "||char(9)||borrower_id||char(9)||borrower_name||char(9)||loan_id||char(9)||lender"
             "||char(9)||period_from||char(9)||period_to||char(9)||amount_fen||char(9)||receipt_digest"
             "||char(9)||prev_hash FROM payouts")


def main() -> int:
    child, zjc = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "payouts.db"
        for round_id, rows in (("2022Q2", "3"), ("2022Q3", "2")):
            r = run(child, str(db), round_id, rows)
            check(r.returncode == 0, f"commit {round_id}: {r.stderr}")

        r = run(zjc, "register", "verify", str(db), "--lang", "en")
        check(r.returncode == 0 and "the chain checks: 5 rows in 2 rounds" in r.stdout, f"verify: {r}")

        # Amounts of the child: 1000 + i fen, so round 2022Q2 is 10.00 + 10.01 + 10.02 = 30.03
        # and 2022Q3 is 10.00 + 10.01 = 20.01; 50.04 in all.
        r = run(zjc, "register", "show", str(db), "--json")
        doc = json.loads(r.stdout)
        check(r.returncode == 0 and [x["total"] for x in doc["rounds"]] == ["30.03", "20.01"]
              and doc["total"] == "50.04" and doc["rows"] == 5, f"show --json: {r.stdout}")
        r = run(zjc, "register", "show", str(db), "--lang", "en")
        check(r.returncode == 0 and "Total: 5 rows, 50.04 yuan" in r.stdout, f"show: {r.stdout}")

        if shutil.which("sqlite3") and shutil.which("sha256sum"):
            for row_id in (1, 4):
                text = run("sqlite3", str(db), f"{CANONICAL} WHERE row_id = {row_id}").stdout
                digest = subprocess.run(["sha256sum"], input=text.encode(), capture_output=True).stdout.split()[0]
                stored = run("sqlite3", str(db), f"SELECT row_hash FROM payouts WHERE row_id = {row_id}").stdout
                check(digest.decode() == stored.strip(), f"sha256sum of row {row_id}: {digest!r} vs {stored!r}")
        else:
            print("sqlite3 or sha256sum missing: the by-hand re-verification was not run")

        con = sqlite3.connect(db)
        con.execute("UPDATE payouts SET amount_fen = amount_fen + 1 WHERE row_id = 4")
        con.commit()
        borrower, loan = con.execute("SELECT borrower_id, loan_id FROM payouts WHERE row_id = 4").fetchone()
        con.close()
        r = run(zjc, "register", "verify", str(db), "--lang", "en")
        check(r.returncode == 2 and f"first fault at row 4 (borrower {borrower}, loan {loan}, round 2022Q3): "
              "row_hash does not match" in r.stderr, f"verify after an edit: {r}")
        r = run(zjc, "register", "verify", str(db), "--json")
        check(r.returncode == 2 and json.loads(r.stdout)["first_fault"]["row_id"] == 4, f"verify --json: {r}")

        notes = Path(tmp) / "notes.csv"
        notes.write_text("borrower_id,amount\n" * 50)
        r = run(zjc, "register", "verify", str(notes))
        check(r.returncode == 2 and "is not a payout register (not a SQLite database)" in r.stderr, f"not a register: {r}")
        newer = Path(tmp) / "newer.db"
        run(child, str(newer), "r", "1")
        con = sqlite3.connect(newer)
        con.execute("PRAGMA user_version = 2")
        con.close()
        r = run(zjc, "register", "show", str(newer))
        check(r.returncode == 2 and "schema version 2, newer than this zjcredit reads (1)" in r.stderr, f"newer: {r}")
        r = run(zjc, "register", "verify", str(Path(tmp) / "missing.db"))
        check(r.returncode == 3 and "no such file" in r.stderr, f"missing: {r}")
        r = run(zjc, "register", "check", str(db))
        check(r.returncode == 2 and "usage: zjcredit register init DB | zjcredit register verify DB" in r.stderr, f"usage: {r}")
    print("cli_register:", "ok" if not failures else f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
