"""The Dask recipe of docs/dask.md: subsidy_frame over a partitioned dataset.

20,000 generated loans (fixed seed), one row per balance range, arrive in the
order a bank's export by date would give them (ranges of one loan far apart).
Partitioned by loan (``set_index("loan_id")``, or ``from_pandas`` on a frame
indexed by loan id), ``map_partitions(subsidy_frame)`` under the threaded and
the synchronous scheduler must equal the single-process ``subsidy_frame(df)``
row for row and in total, and both must equal amounts worked independently
with ``fractions.Fraction`` from the rule's text (docs/records.md §2). Cut into
chunks of rows instead (``from_pandas(..., sort=False)``), loans are split and
the result is wrong: that is why the recipe partitions by loan.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

# Not skipped when missing: python3-dask is one of the packages `make test` installs.
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest

import zjcredit

N_LOANS = 20_000
PARTITIONS = 8
PERIOD_DAYS = 91  # 2022-04-01..2022-06-30, the 2022 plan's quarter
PERIOD_FROM = np.datetime64("2022-04-01", "D")
OUT_COLUMNS = ["amount", "amount_fen", "eligible", "status", "reasons", "reason_zh", "error"]

# The 2022 plan's parameters (docs/records.md §2), for the independent amounts.
BALANCE_CAP_FEN = 1_000_000_000  # 10,000,000.00 元
RATE_CEILING_UNITS = 100_000_000  # 1% in units of 10^-10
ELIGIBLE_KINDS = ("small", "micro")
KINDS = np.array(["small", "micro", "individual_business", "medium", "large"], dtype=object)


def loans_frame(n_loans: int, seed: int) -> Any:
    """The batch form of subsidy_frame, one row per balance range, rows sorted
    by range start (loans interleaved, each loan's ranges in date order).

    Per loan: 1-4 ranges tiling the quarter (the last one sometimes running
    past it), any of the five borrower kinds, an application date inside or
    outside the window, each flag false for about 5%, rates 0.5%..8% (below
    and above the 1% ceiling), balances 0..15,000,000.00 (some above the cap).
    About 1% of loans leave a day of the quarter uncovered and about 0.5% of
    ranges carry a negative balance: validation errors, row by row."""
    rng = np.random.default_rng(seed)
    k = rng.integers(1, 5, n_loans)
    loan = np.repeat(np.arange(n_loans), k)
    starts = np.zeros(n_loans + 1, dtype=np.int64)
    np.cumsum(k, out=starts[1:])
    j = np.arange(len(loan)) - starts[loan]  # position of the range in its loan
    kk = k[loan]
    # Range j starts on day j*91//k (+0..10 for j > 0): at least 22 days apart, never touching.
    first = j * PERIOD_DAYS // kk + np.where(j > 0, rng.integers(0, 11, len(loan)), 0)
    last_row = j == kk - 1
    nxt = np.append(first[1:], 0)
    last = np.where(last_row, PERIOD_DAYS - 1, nxt - 1)
    last = np.where(last_row & (rng.random(len(loan)) < 0.2), PERIOD_DAYS + 91, last)  # past the quarter
    gap = (rng.random(n_loans) < 0.01)[loan] & (j == 0) & ~last_row
    last = np.where(gap, last - 1, last)  # the next range's day before is uncovered
    balance = np.where(rng.random(len(loan)) < 0.05, 0, rng.integers(1, 1_500_000_001, len(loan)))
    balance = np.where(rng.random(len(loan)) < 0.005, -rng.integers(1, 100_000, len(loan)), balance)

    kind = rng.choice(KINDS, n_loans, p=[0.45, 0.35, 0.1, 0.05, 0.05])
    app = PERIOD_FROM + rng.integers(-30, PERIOD_DAYS + 30, n_loans)
    flags = [rng.random(n_loans) >= 0.05 for _ in range(3)]
    rate = rng.integers(50_000_000, 800_000_001, n_loans)
    df = pd.DataFrame(
        {
            "loan_id": np.char.add("L", np.char.zfill(np.arange(n_loans).astype(str), 7))[loan],
            "borrower_kind": kind[loan],
            "first_application_date": app[loan],
            "via_platform": flags[0][loan],
            "local_legal_person_lender": flags[1][loan],
            "first_loan": flags[2][loan],
            "annual_rate": rate[loan],
            "period_from": np.repeat(PERIOD_FROM, len(loan)),
            "period_to": np.repeat(PERIOD_FROM + (PERIOD_DAYS - 1), len(loan)),
            "range_from": PERIOD_FROM + first,
            "range_to": PERIOD_FROM + last,
            "balance": balance,
        }
    )
    df["loan_id"] = df["loan_id"].astype(object)
    return df.sort_values(["range_from", "loan_id"], kind="stable").reset_index(drop=True)


def subsidy_by_loan(part: Any) -> Any:
    """The function each partition runs: its loans' rows in loan and date
    order (a shuffle keeps neither), then subsidy_frame."""
    rows = part.reset_index().sort_values(["loan_id", "range_from"], kind="stable")
    return zjcredit.subsidy_frame(rows)


#: subsidy_frame's columns and dtypes, for Dask (`meta=`).
META = pd.DataFrame(
    {
        "amount": pd.Series(dtype=object),
        "amount_fen": pd.Series(dtype=np.int64),
        "eligible": pd.Series(dtype=bool),
        "status": pd.Series(dtype=np.int32),
        "reasons": pd.Series(dtype=np.uint32),
        "reason_zh": pd.Series(dtype=object),
        "error": pd.Series(dtype=object),
    },
    index=pd.Index([], dtype=object, name="loan_id"),
)


def day_offsets(s: Any) -> list[int]:
    """Days since 2022-04-01 of a date column."""
    return (s.to_numpy().astype("datetime64[D]") - PERIOD_FROM).astype(np.int64).tolist()


def expected(df: Any) -> dict[str, Any]:
    """Per loan id: (eligible, the subsidy in 分) worked from docs/records.md §2 with
    Fraction (min(balance, cap) × min(rate, 1%) / 360 summed over the
    quarter's days, one half-up rounding; 0 when ineligible), or None for a
    validation error (a negative balance, a quarter day no range covers)."""
    out: dict[str, Any] = {}
    period_to = PERIOD_DAYS - 1
    for loan_id, g in df.groupby("loan_id", sort=False):
        f = day_offsets(g["range_from"])
        t = day_offsets(g["range_to"])
        bal = [int(b) for b in g["balance"]]
        order = sorted(range(len(f)), key=lambda i: f[i])
        covered = set()
        for i in order:
            covered.update(range(f[i], min(t[i], period_to) + 1))
        if min(bal) < 0 or len(covered) != PERIOD_DAYS:
            out[loan_id] = None
            continue
        r = g.iloc[0]
        app = day_offsets(g["first_application_date"])[0]
        eligible = (0 <= app <= period_to and r["borrower_kind"] in ELIGIBLE_KINDS and bool(r["via_platform"])
                    and bool(r["local_legal_person_lender"]) and bool(r["first_loan"]))
        if not eligible:
            out[loan_id] = (False, 0)
            continue
        fen_days = sum((min(t[i], period_to) - f[i] + 1) * min(bal[i], BALANCE_CAP_FEN) for i in order)
        exact = Fraction(fen_days * min(int(r["annual_rate"]), RATE_CEILING_UNITS), 10**10 * 360)
        out[loan_id] = (True, (2 * exact.numerator + exact.denominator) // (2 * exact.denominator))
    return out


@pytest.fixture(scope="module")
def loans() -> Any:
    return loans_frame(N_LOANS, seed=2022)


@pytest.fixture(scope="module")
def single(loans: Any) -> Any:
    """The single-process run, in loan id order (Dask's, by its divisions)."""
    return zjcredit.subsidy_frame(loans).sort_index()


def by_loan(loans: Any) -> Any:
    """The recipe's partitioning: rows in chunks as they come, then
    ``set_index("loan_id")``, which moves every row of a loan into one
    partition (sorted divisions)."""
    ddf = dd.from_pandas(loans, npartitions=PARTITIONS, sort=False).set_index("loan_id", npartitions=PARTITIONS)
    assert ddf.known_divisions and ddf.npartitions >= 4
    return ddf


def assert_same(out: Any, single: Any) -> None:
    assert out.index.tolist() == single.index.tolist()
    for c in OUT_COLUMNS:
        assert out[c].tolist() == single[c].tolist(), c
    assert out["amount_fen"].sum() == single["amount_fen"].sum()
    assert sum(out["amount"]) == sum(single["amount"])


def test_single_process_is_the_rule(loans: Any, single: Any) -> None:
    """The reference the Dask runs are held to, against amounts worked
    independently; and the data reaches every kind of outcome."""
    worked = expected(loans)
    assert len(single) == N_LOANS == len(worked)
    for loan_id, row in single.iterrows():
        want = worked[loan_id]
        if want is None:
            assert row["status"] != 0 and row["error"], loan_id
        else:
            assert (row["status"], bool(row["eligible"]), row["amount_fen"]) == (0, *want), loan_id
            assert row["eligible"] == (row["reasons"] == 0), loan_id
    ok = single["status"] == 0
    assert ok.sum() > N_LOANS * 0.9
    assert (~ok).sum() > 100 and single.loc[~ok, "error"].str.contains("outside the balance schedule").any()
    assert (ok & single["eligible"]).sum() > N_LOANS * 0.3 and (ok & ~single["eligible"]).sum() > N_LOANS * 0.2
    assert (single["amount_fen"] > 0).sum() > N_LOANS * 0.3


@pytest.mark.parametrize("scheduler", ["threads", "synchronous"])
def test_partitioned_by_loan_equals_single_process(loans: Any, single: Any, scheduler: str) -> None:
    ddf = by_loan(loans)
    out_ddf = ddf.map_partitions(subsidy_by_loan, meta=META)
    out = out_ddf.compute(scheduler=scheduler)
    assert out.index.is_unique  # no loan worked in two partitions
    assert_same(out, single)
    assert out_ddf["amount_fen"].sum().compute(scheduler=scheduler) == single["amount_fen"].sum()


def test_from_pandas_indexed_by_loan(loans: Any, single: Any) -> None:
    """A frame already in memory: from_pandas on the loan id index keeps a
    loan's rows together too (its divisions fall between distinct ids)."""
    ddf = dd.from_pandas(loans.set_index("loan_id"), npartitions=PARTITIONS, sort=True)
    assert ddf.npartitions >= 4
    out = ddf.map_partitions(subsidy_by_loan, meta=META).compute(scheduler="threads")
    assert_same(out, single)


def test_chunks_of_rows_split_loans_and_are_wrong(loans: Any, single: Any) -> None:
    """The naive partitioning: chunks of rows. A loan whose ranges fall in two
    chunks is worked twice, each time on part of its schedule: the quarter's
    other days are uncovered (a validation error) and its subsidy is lost."""
    naive = dd.from_pandas(loans, npartitions=PARTITIONS, sort=False)
    assert naive.npartitions >= 4
    out = naive.map_partitions(lambda p: zjcredit.subsidy_frame(p), meta=META).compute(scheduler="threads")
    split = out.index[out.index.duplicated()].unique()
    assert len(split) > 1000
    assert len(out) > len(single)
    pieces = out.loc[split]
    assert (pieces["error"].str.contains("outside the balance schedule")).sum() > 1000
    assert out["amount_fen"].sum() < single["amount_fen"].sum()
