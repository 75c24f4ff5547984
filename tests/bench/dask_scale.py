#!/usr/bin/python3
"""How far one machine goes: subsidy_frame single-process and under Dask.

The figures of docs/dask.md ("When one machine stops being enough"). Not part
of `make test` or `make bench`; by hand, after a build in build/:

    PYTHONPATH=build/python /usr/bin/python3 tests/bench/dask_scale.py

Each measurement runs in a fresh child process (so its peak RSS is its own):
the loans of tests/python/test_dask.py (loans_frame: 1-4 ranges a loan, 2.5 on
average, rows in date order), generated in the child, then timed:

* ``single``: zjcredit.subsidy_frame(df) on typed columns (datetime64 dates,
  int 分 balances, int rate units, as a program that built the frame would
  have them);
* ``text``: the same rows as text cells (what ``pandas.read_csv(dtype=str)``
  gives: "2022-04-01", "12345.67", "4.35%"), so the binding parses them;
* ``dask``: from_pandas on the loan-id index (whole loans per partition),
  then map_partitions(subsidy_by_loan) under the threaded scheduler, 2
  threads; the partitioning and the compute are timed apart;
* ``dask-proc``: the same under the multiprocessing scheduler, 2 worker
  processes (partitions pickled to them and back; their memory is not in
  the peak RSS, which is the parent's);
* ``shuffle``: the rows in chunks (as read from files), set_index("loan_id")
  (Dask's shuffle) and map_partitions, timed together.

Each child prints one JSON line: wall and CPU seconds, loans/s and rows/s
(wall), the RSS before the timed part, its peak during it (VmHWM, reset after
the data is generated) and the frame's own size (memory_usage(deep=True)). The parent prints them as a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "python"))


def status_mib(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process in MiB, from /proc/self/status."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def reset_peak() -> None:
    """Start VmHWM again from the current RSS (Linux >= 4.0), so that the peak
    measured is the timed part's, not the data generation's."""
    Path("/proc/self/clear_refs").write_text("5")


def as_text(df: Any) -> Any:
    """The frame as a bank's CSV read with dtype=str would give it."""
    import numpy as np

    out = df.copy()
    for c in ("first_application_date", "period_from", "period_to", "range_from", "range_to"):
        out[c] = out[c].dt.strftime("%Y-%m-%d")
    bal = out["balance"].to_numpy()
    sign = np.where(bal < 0, "-", "")
    out["balance"] = [f"{s}{a // 100}.{a % 100:02d}" for s, a in zip(sign, np.abs(bal).tolist())]
    out["annual_rate"] = [format(Decimal(r).scaleb(-8), "f") + "%" for r in out["annual_rate"].tolist()]
    return out


def measure(kind: str, rows: int, partitions: int, workers: int) -> dict[str, Any]:
    import dask
    import dask.dataframe as dd

    import zjcredit
    from test_dask import META, loans_frame, subsidy_by_loan

    loans = max(1, round(rows / 2.5))
    df = loans_frame(loans, seed=7)
    if kind == "text":
        df = as_text(df)
    frame_mib = df.memory_usage(deep=True).sum() / 2**20
    before = status_mib("VmRSS")
    reset_peak()
    extra: dict[str, Any] = {}
    w0, c0 = time.perf_counter(), time.process_time()
    if kind in ("single", "text"):
        out = zjcredit.subsidy_frame(df)
    elif kind in ("dask", "dask-proc"):
        ddf = dd.from_pandas(df.set_index("loan_id"), npartitions=partitions, sort=True)
        extra["partition_s"] = time.perf_counter() - w0
        scheduler = "threads" if kind == "dask" else "processes"
        with dask.config.set(scheduler=scheduler, num_workers=workers):
            out = ddf.map_partitions(subsidy_by_loan, meta=META).compute()
        extra["partitions"] = ddf.npartitions
    elif kind == "shuffle":
        ddf = dd.from_pandas(df, npartitions=partitions, sort=False).set_index("loan_id", npartitions=partitions)
        with dask.config.set(scheduler="threads", num_workers=workers):
            out = ddf.map_partitions(subsidy_by_loan, meta=META).compute()
        extra["partitions"] = ddf.npartitions
    else:
        raise ValueError(kind)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    assert len(out) == df["loan_id"].nunique() and out.index.is_unique
    return {
        "kind": kind, "rows": len(df), "loans": int(len(out)), "wall_s": wall, "cpu_s": cpu,
        "rows_per_s": len(df) / wall, "loans_per_s": len(out) / wall,
        "total_fen": int(out["amount_fen"].sum()),
        "frame_mib": frame_mib, "rss_before_mib": before,
        "peak_rss_mib": status_mib("VmHWM"), **extra,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, nargs="+", default=[1_000_000, 5_000_000])
    ap.add_argument("--text-rows", type=int, nargs="*", default=[1_000_000])
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--one", nargs=2, metavar=("KIND", "ROWS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.one[0], int(args.one[1]), args.partitions, args.workers)))
        return 0

    plan = [("single", n) for n in args.rows] + [("text", n) for n in args.text_rows] \
        + [("dask", n) for n in args.rows] + [("dask-proc", n) for n in args.rows[:1]] \
        + [("shuffle", n) for n in args.rows[:1]]
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.machine())
    print(f"# {model}, {os.cpu_count()} CPUs, {mem_gib:.1f} GiB, "
          f"load {os.getloadavg()[0]:.2f}; partitions {args.partitions}, threads {args.workers}")
    print(f"{'kind':9} {'rows':>9} {'loans':>9} {'wall s':>7} {'cpu s':>7} {'rows/s':>10} {'loans/s':>10} "
          f"{'frame MiB':>9} {'RSS before':>10} {'peak RSS':>9}  total 分")
    totals: dict[int, int] = {}
    for kind, n in plan:
        cmd = [sys.executable, __file__, "--one", kind, str(n), "--partitions", str(args.partitions),
               "--workers", str(args.workers)]
        r = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
        note = f"  (partitioning {r['partition_s']:.2f} s)" if "partition_s" in r else ""
        print(f"{r['kind']:9} {r['rows']:>9,} {r['loans']:>9,} {r['wall_s']:>7.2f} {r['cpu_s']:>7.2f} "
              f"{r['rows_per_s']:>10,.0f} {r['loans_per_s']:>10,.0f} {r['frame_mib']:>9.0f} "
              f"{r['rss_before_mib']:>10.0f} {r['peak_rss_mib']:>9.0f}  {r['total_fen']}{note}", flush=True)
        # The same loans whatever the path: the same total, or the figures are of a wrong answer.
        if totals.setdefault(n, r["total_fen"]) != r["total_fen"]:
            print(f"{kind}: total differs from the first run on {n} rows", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
