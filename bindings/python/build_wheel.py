#!/usr/bin/python3
"""Builds the wheel of the zjcredit Python package with the C library inside.

    build_wheel.py --library PATH/libzjcredit.so.0 --outdir DIR [--version X.Y.Z]

The wheel's version is the library's own (`zjc_version()`), so the package
cannot say one version and carry another; `--version`, when given, is
checked against it (a release script's guard).
The package folder, pyproject.toml, setup.py and README.md are copied to a
staging folder with the library (the file itself, not a link) as
zjcredit/libzjcredit.so.0 (without its debug information) and a VERSION
file, then `python3 -m build
--no-isolation --wheel` runs there: no network, Debian's build tools. The
package's loader finds the library next to itself (zjcredit/_lib.py). Prints
the wheel's path.
"""

import argparse
import ctypes
import pathlib
import shutil
import subprocess
import sys
import tempfile

here = pathlib.Path(__file__).resolve().parent
parser = argparse.ArgumentParser()
parser.add_argument("--library", required=True, type=pathlib.Path)
parser.add_argument("--version", help="the version expected; refused if the library's differs")
parser.add_argument("--outdir", required=True, type=pathlib.Path)
args = parser.parse_args()

try:
    zjc_version = ctypes.CDLL(str(args.library.resolve())).zjc_version
except OSError as e:
    sys.exit(f"--library {args.library}: cannot load it to read its version: {e}")
zjc_version.restype = ctypes.c_char_p
version = zjc_version().decode("ascii")
if args.version is not None and args.version != version:
    sys.exit(f"--version {args.version}: the library {args.library} is version {version}")

with tempfile.TemporaryDirectory() as tmp:
    stage = pathlib.Path(tmp) / "zjcredit-wheel"
    shutil.copytree(here / "zjcredit", stage / "zjcredit",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "libzjcredit.so*"))
    for name in ("pyproject.toml", "setup.py", "README.md"):
        shutil.copy(here / name, stage / name)
    (stage / "VERSION").write_text(version + "\n")
    soname = "libzjcredit.so." + args.library.name.split(".so.", 1)[1].split(".")[0]
    shutil.copy(args.library.resolve(), stage / "zjcredit" / soname)
    # A build with debug information makes a library three times the size a
    # user needs; its symbols stay (ctypes looks them up by name).
    if shutil.which("strip"):
        subprocess.run(["strip", "--strip-debug", str(stage / "zjcredit" / soname)], check=True)
    args.outdir.mkdir(parents=True, exist_ok=True)
    built = subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--wheel",
                            "--outdir", str(args.outdir.resolve()), str(stage)],
                           capture_output=True, text=True)
    if built.returncode != 0:
        sys.exit(f"python3 -m build failed ({built.returncode}):\n{built.stdout}\n{built.stderr}")
wheels = sorted(args.outdir.glob(f"zjcredit-{version}-*.whl"))
if not wheels:
    sys.exit(f"no zjcredit-{version}-*.whl in {args.outdir}")
print(wheels[-1])
