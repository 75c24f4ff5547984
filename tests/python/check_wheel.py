#!/usr/bin/python3
"""The wheel as a user gets it: built from this build's library
(bindings/python/build_wheel.py), installed with `pip install --no-index`
into a fresh `python3 -m venv`, then, with no ZJCREDIT_LIBRARY, PYTHONPATH or
LD_LIBRARY_PATH set and outside the source tree:

- the README's Python example (tests/consumers/example.py) runs and prints
  what the README says;
- the library loaded is the one inside the installed package;
- `mypy --strict` accepts a small user script (typed_example.py) through
  the package's py.typed;
- a `--version` other than the library's own is refused, naming both.

usage: check_wheel.py LIBRARY VERSION SOURCE_DIR WORK_DIR
"""

import os
import pathlib
import shutil
import subprocess
import sys

library, version, source, work = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
env = {k: v for k, v in os.environ.items()
       if k not in ("ZJCREDIT_LIBRARY", "PYTHONPATH", "LD_LIBRARY_PATH", "PYTHONHOME")}


def run(*cmd, **kw):
    done = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, env=env, cwd=work, **kw)
    if done.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, cmd))} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout


wrong = subprocess.run(["/usr/bin/python3", str(source / "bindings/python/build_wheel.py"),
                        "--library", library, "--version", version + ".9", "--outdir", str(work / "wrong")],
                       capture_output=True, text=True, env=env, cwd=work)
if wrong.returncode == 0 or f"is version {version}" not in wrong.stderr or (work / "wrong").exists():
    sys.exit(f"FAIL: --version {version}.9 was not refused: {wrong.returncode} {wrong.stderr!r}")

# Built as the README says, without --version: the wheel's version is the library's.
wheel = pathlib.Path(run("/usr/bin/python3", source / "bindings/python/build_wheel.py",
                         "--library", library, "--outdir", work / "dist").strip())
print("built", wheel.name)
if not wheel.name.startswith(f"zjcredit-{version}-py3-none-"):
    sys.exit(f"FAIL: unexpected wheel name {wheel.name}")
run("/usr/bin/python3", "-m", "venv", work / "venv")
python = work / "venv/bin/python"
run(python, "-m", "pip", "install", "--no-index", "--quiet", wheel)

out = run(python, source / "tests/consumers/example.py")
print(out, end="")
expected = f"{version} 220000000.00 贰亿贰仟万元整"
if expected not in out or "ParseError" not in out or "measures," not in out:
    sys.exit(f"FAIL: the README example printed {out!r}, expected a line {expected!r}")

where = run(python, "-c", "import zjcredit._lib as l, sys; print(l.lib._name); print(sys.prefix)").split("\n")
inside = pathlib.Path(where[1]) / "lib"
if not where[0].startswith(str(inside)) or not where[0].endswith("/zjcredit/libzjcredit.so.0"):
    sys.exit(f"FAIL: the library loaded is {where[0]}, not the one in the installed package under {inside}")

shutil.copy(source / "tests/python/typed_example.py", work / "typed_example.py")
print(run("/usr/bin/python3", "-m", "mypy", "--strict", "--no-incremental",
          "--python-executable", python, "typed_example.py"), end="")
print(run(python, "typed_example.py"), end="")
print("wheel OK")
