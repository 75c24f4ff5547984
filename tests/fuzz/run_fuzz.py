#!/usr/bin/env python3
"""Runs the libFuzzer targets of tests/fuzz (built in BUILD/tests/fuzz).

For every target: first each input of tests/fuzz/regressions/<target>/ and
tests/fuzz/corpus/<target>/ once (a regression test), then libFuzzer for
--seconds on a scratch corpus BUILD/fuzz-corpus/<target> (a fresh copy of
the seeds and regressions unless --keep-corpus), with tests/fuzz/<dict>.dict
where there is one, -rss_limit_mb=2048 -timeout=10 -print_final_stats=1.
Crashes go to BUILD/fuzz-artifacts/<target>/; libFuzzer's output to
BUILD/logs/<target>.full.log and its final stats to BUILD/logs/<target>.log.
Prints a summary table; exits 1 if any target crashed, leaked, timed out or
failed a property (a regression input included).
"""
import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TARGETS = ["fuzz_amount", "fuzz_date", "fuzz_plan_json", "fuzz_subsidy_json", "fuzz_reward_json",
           "fuzz_award_json", "fuzz_observations", "fuzz_csv", "fuzz_record_reader",
           "fuzz_loan_events", "fuzz_xlsx", "fuzz_loan_table"]
DICTS = {"fuzz_amount": "amount.dict", "fuzz_date": "date.dict", "fuzz_plan_json": "json.dict",
         "fuzz_subsidy_json": "json.dict", "fuzz_reward_json": "json.dict", "fuzz_award_json": "json.dict",
         "fuzz_observations": "json.dict", "fuzz_csv": "csv.dict", "fuzz_record_reader": "record.dict",
         "fuzz_loan_table": "loan_table.dict"}
ENV = dict(os.environ,
           ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1:symbolize=1"),
           UBSAN_OPTIONS=os.environ.get("UBSAN_OPTIONS", "halt_on_error=1:print_stacktrace=1"))
COMMON = ["-rss_limit_mb=2048", "-timeout=10"]


def files_in(d):
    if not os.path.isdir(d):
        return []
    return sorted(os.path.join(d, f) for f in os.listdir(d)
                  if not f.startswith(".") and os.path.isfile(os.path.join(d, f)))


def stat(text, name):
    m = re.findall(r"stat::%s:\s*(\d+)" % name, text)
    return int(m[-1]) if m else None


def run_target(target, a):
    binary = os.path.join(a.build, "tests", "fuzz", target)
    seeds = os.path.join(HERE, "corpus", target)
    regressions = os.path.join(HERE, "regressions", target)
    logs = os.path.join(a.build, "logs")
    artifacts = os.path.join(a.build, "fuzz-artifacts", target) + "/"
    scratch = os.path.join(a.build, "fuzz-corpus", target)
    os.makedirs(logs, exist_ok=True)
    os.makedirs(artifacts, exist_ok=True)
    nice = ["nice", "-n", str(a.nice)] if a.nice else []
    row = {"target": target, "seconds": 0, "execs": None, "exec_s": None, "corpus": 0, "findings": 0,
           "regressions": "ok", "notes": ""}

    # 1. Regressions and seeds, each input once.
    inputs = files_in(regressions) + files_in(seeds)
    reg = subprocess.CompletedProcess([], 0, "no inputs\n") if not inputs else subprocess.run(nice + [binary] + COMMON + ["-artifact_prefix=" + artifacts + "regression-"] + inputs,
                         env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, errors="replace")
    with open(os.path.join(logs, target + ".regressions.log"), "w") as f:
        f.write(reg.stdout)
    if reg.returncode != 0:
        row["regressions"] = "FAILED"
        row["findings"] += 1
        row["notes"] = "regression/seed input fails; see logs/%s.regressions.log" % target
    if a.seconds <= 0:
        return row

    # 2. Fuzzing on a scratch corpus.
    if not a.keep_corpus and os.path.isdir(scratch):
        shutil.rmtree(scratch)
    os.makedirs(scratch, exist_ok=True)
    for src in inputs:
        shutil.copy(src, os.path.join(scratch, os.path.basename(os.path.dirname(src)) + "-" + os.path.basename(src)))
    before = set(os.listdir(artifacts))
    cmd = nice + [binary, scratch] + COMMON + ["-max_total_time=%d" % a.seconds, "-print_final_stats=1",
                                               "-artifact_prefix=" + artifacts]
    if DICTS.get(target):
        cmd.append("-dict=" + os.path.join(HERE, DICTS[target]))
    start = time.time()
    with open(os.path.join(logs, target + ".full.log"), "w") as full:
        full.write("$ " + " ".join(cmd) + "\n")
        full.flush()
        proc = subprocess.run(cmd, env=ENV, stdout=full, stderr=subprocess.STDOUT)
    row["seconds"] = round(time.time() - start)
    with open(os.path.join(logs, target + ".full.log"), errors="replace") as full:
        text = full.read()
    row["execs"] = stat(text, "number_of_executed_units")
    row["exec_s"] = stat(text, "average_exec_per_sec")
    row["corpus"] = len(os.listdir(scratch))
    new = sorted(set(os.listdir(artifacts)) - before)
    if proc.returncode != 0 or new:
        row["findings"] += max(1, len(new))
        row["notes"] = (row["notes"] + " " if row["notes"] else "") + "rc=%d %s" % (proc.returncode, " ".join(new))
    stats = [l for l in text.splitlines() if l.startswith("stat::") or l.startswith("Done ")
             or "SUMMARY" in l or l.startswith("==") and "ERROR" in l or "zjcredit fuzz finding" in l]
    with open(os.path.join(logs, target + ".log"), "w") as f:
        f.write("$ " + " ".join(cmd) + "\n")
        f.write("\n".join(stats) + "\n")
        f.write("seconds=%s total_execs=%s exec_per_sec=%s corpus=%s findings=%s regressions=%s %s\n" % (
            row["seconds"], row["execs"], row["exec_s"], row["corpus"], row["findings"], row["regressions"],
            row["notes"]))
    return row


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--build", default="build-fuzz")
    p.add_argument("--seconds", type=int, default=60, help="fuzzing time per target (0: regressions only)")
    p.add_argument("--parallel", type=int, default=1, help="targets run at the same time")
    p.add_argument("--nice", type=int, default=0)
    p.add_argument("--keep-corpus", action="store_true", help="add to the scratch corpus of earlier runs")
    p.add_argument("targets", nargs="*", default=TARGETS)
    a = p.parse_args()
    for t in a.targets:
        if t not in TARGETS:
            p.error("unknown target %s" % t)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.parallel)) as ex:
        rows = list(ex.map(lambda t: run_target(t, a), a.targets))
    fmt = "%-18s %7s %12s %8s %7s %9s %11s  %s"
    print(fmt % ("target", "seconds", "total execs", "exec/s", "corpus", "findings", "regressions", "notes"))
    for r in rows:
        print(fmt % (r["target"], r["seconds"], r["execs"], r["exec_s"], r["corpus"], r["findings"],
                     r["regressions"], r["notes"]))
    return 1 if any(r["findings"] for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
