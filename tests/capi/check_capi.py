#!/usr/bin/python3
"""Checks of libzjcredit.so's binary interface (standard library only).

  exports       only zjc_* is exported, exactly the functions capi/zjcredit.h
                declares, and the SONAME is the expected one (nm, readelf)
  abi           abidiff against the committed baseline: fails on a removed
                or changed interface, never on an addition (tests/capi/abi/)
  abi-baseline  writes the baseline (abidw) with the options `abi` compares with
  abi-selftest  builds stub libraries from the header (unchanged, a function
                added, one removed, one changed) and shows `abi` passes the
                first two and fails the last two
  api-macro     preprocesses the header (cc -E) as the Windows DLL's own
                build (-D_WIN32 -DZJC_BUILDING), as a Windows user (-D_WIN32)
                and as here, and checks every declaration carries
                __declspec(dllexport), __declspec(dllimport) and
                visibility("default") respectively, and nothing else

Exit status: 0 pass, 1 fail, 77 skipped (abigail-tools not installed).
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

# abidiff's exit status is a bit set (libabigail's abidiff_status).
ABIDIFF_ERROR = 1
ABIDIFF_USAGE_ERROR = 2
ABIDIFF_ABI_CHANGE = 4
ABIDIFF_ABI_INCOMPATIBLE_CHANGE = 8


# ---- the header -------------------------------------------------------------

def header_functions(header):
    """{name: (return type, parameter list)} of every ZJC_API declaration."""
    with open(header, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    found = {}
    for m in re.finditer(r"\bZJC_API\s+([^;{}()]*?)\b(zjc_\w+)\s*\(([^()]*)\)\s*;", text):
        found[m.group(2)] = (" ".join(m.group(1).split()), " ".join(m.group(3).split()))
    return found


# ---- exports ------------------------------------------------------------------

def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)


def cmd_exports(args):
    failures = []

    nm = run([args.nm, "-D", "--defined-only", args.library])
    if nm.returncode != 0:
        print(f"FAIL: {args.nm} -D --defined-only failed:\n{nm.stderr}")
        return 1
    exported = set()
    for line in nm.stdout.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        kind, name = parts[-2], parts[-1]
        base = name.split("@", 1)[0]
        if kind == "A" and "@" not in name:
            continue  # a symbol-version node such as ZJCREDIT_0
        if not base.startswith("zjc_"):
            failures.append(f"exported symbol outside zjc_*: {name} ({kind})")
        else:
            exported.add(base)

    declared = set(header_functions(args.header))
    if not declared:
        failures.append(f"no ZJC_API declaration found in {args.header}")
    for name in sorted(declared - exported):
        failures.append(f"declared in {os.path.basename(args.header)} but not exported: {name}")
    for name in sorted(exported - declared):
        failures.append(f"exported but not declared in {os.path.basename(args.header)}: {name}")

    readelf = run([args.readelf, "-d", args.library])
    m = re.search(r"Library soname: \[([^\]]*)\]", readelf.stdout)
    soname = m.group(1) if m else None
    if soname != args.soname:
        failures.append(f"SONAME is {soname!r}, expected {args.soname!r}")

    print(f"{args.library}: SONAME {soname}, {len(exported)} zjc_* functions exported, "
          f"{len(declared)} declared in the header")
    for f in failures:
        print(f"FAIL: {f}")
    if failures:
        return 1
    print("OK: only zjc_* exported, header and exports agree, SONAME as expected")
    return 0


# ---- abi ----------------------------------------------------------------------------

def abidw_options(header):
    """The one set of abidw options the baseline is written with.

    --header-file (not --headers-dir capi, which would take capi/src/*.hpp
    as public too) with --drop-private-types keeps only what zjcredit.h
    declares: zjc_plan stays opaque. --exported-interfaces-only skips the C++
    internals; the rest drops what changes between machines and builds.
    """
    return ["--no-show-locs", "--no-corpus-path", "--no-comp-dir-path", "--no-elf-needed",
            "--no-architecture", "--type-id-style", "hash", "--drop-private-types",
            "--drop-undefined-syms", "--exported-interfaces-only", "--header-file", header]


def abidiff_options(header):
    return ["--no-show-locs", "--no-corpus-path", "--no-architecture", "--drop-private-types",
            "--exported-interfaces-only", "--hf2", header]


def find_tool(given, name):
    if given and os.path.isfile(given) and os.access(given, os.X_OK):
        return given
    return shutil.which(name)


def has_debug_info(readelf, library):
    out = run([readelf or "readelf", "-S", "-W", library])
    if out.returncode != 0:
        return True  # cannot tell: let abidiff speak
    return ".debug_info" in out.stdout


def compare(abidiff, baseline, library, header, out=print):
    """Returns (ok, summary). Prints abidiff's reports through `out`."""
    full = run([abidiff] + abidiff_options(header) + [baseline, library])
    # The verdict ignores additions: within a SONAME the ABI may only grow.
    verdict = run([abidiff] + abidiff_options(header) + ["--no-added-syms", baseline, library])
    status = verdict.returncode
    if full.stdout.strip():
        out(full.stdout.rstrip())
    if full.stderr.strip():
        out(full.stderr.rstrip())
    if status & (ABIDIFF_ERROR | ABIDIFF_USAGE_ERROR) or status < 0:
        return False, f"abidiff could not compare (exit status {status}): {verdict.stderr.strip()}"
    if status & ABIDIFF_ABI_INCOMPATIBLE_CHANGE:
        out(verdict.stdout.rstrip())
        return False, "incompatible ABI change (abidiff status bit 8: a removed interface)"
    if status & ABIDIFF_ABI_CHANGE:
        # Additions are filtered out of this run, so what is left changed an
        # existing function: a break the header's promise excludes.
        out(verdict.stdout.rstrip())
        return False, ("an existing interface changed (abidiff status bit 4 with additions "
                       "filtered out): the header promises additions only within a SONAME")
    if full.returncode & ABIDIFF_ABI_CHANGE:
        return True, "compatible: only additions since the baseline (regenerate it at release)"
    return True, "identical to the baseline"


def cmd_abi(args):
    abidiff = find_tool(args.abidiff, "abidiff")
    if abidiff is None:
        print("SKIP: abidiff not found; install Debian's abigail-tools to check the ABI")
        return SKIP
    if not has_debug_info(args.readelf, args.library):
        print(f"NOTE: {args.library} has no DWARF: only removed symbols can be detected "
              "(build with debug info, e.g. RelWithDebInfo, to compare types)")
    ok, summary = compare(abidiff, args.baseline, args.library, args.header)
    print(("OK: " if ok else "FAIL: ") + summary)
    if not ok:
        print("If the break is intended, it needs a new SONAME (ZJC_ABI_VERSION) and a new "
              "baseline: see tests/capi/abi/README.md")
    return 0 if ok else 1


def cmd_abi_baseline(args):
    abidw = find_tool(args.abidw, "abidw")
    if abidw is None:
        print("abidw not found: install Debian's abigail-tools")
        return 1
    cmd = [abidw] + abidw_options(args.header) + ["--out-file", args.out, args.library]
    print(" ".join(cmd))
    return subprocess.call(cmd)


# ---- the checker, checked ----------------------------------------------------------------

STUB_PRELUDE = """#include <stddef.h>
#include <stdint.h>
typedef struct zjc_plan zjc_plan;
#define ZJC_API __attribute__((visibility("default")))
"""


def stub_source(functions):
    lines = [STUB_PRELUDE]
    # Other zjc_* types the parameters name (the batch's column structs):
    # opaque here, which is all a stub needs to compile.
    types = sorted({t for _, params in functions.values() for t in re.findall(r"\b(zjc_\w+)\s*\*", params)}
                   - {"zjc_plan"})
    lines += [f"typedef struct {t} {t};" for t in types]
    for name, (ret, params) in functions.items():
        body = "" if ret == "void" else " return 0; "
        lines.append(f"ZJC_API {ret} {name}({params});")
        lines.append(f"ZJC_API {ret} {name}({params}) {{{body}}}")
    return "\n".join(lines) + "\n"


def cmd_abi_selftest(args):
    abidw = find_tool(args.abidw, "abidw")
    abidiff = find_tool(args.abidiff, "abidiff")
    if abidw is None or abidiff is None:
        print("SKIP: abidw/abidiff not found; install Debian's abigail-tools")
        return SKIP
    base = header_functions(args.header)
    names = list(base)
    changed_name = next(n for n, (_, p) in base.items() if "int32_t" in p)
    removed_name = names[-1]

    added = dict(base)
    added["zjc_selftest_added"] = ("int32_t", "const zjc_plan *plan, int32_t x")
    removed = {n: v for n, v in base.items() if n != removed_name}
    changed = dict(base)
    ret, params = changed[changed_name]
    changed[changed_name] = (ret, params.replace("int32_t", "int64_t", 1))
    variants = [("unchanged", base, True), ("function added", added, True),
                (f"{removed_name} removed", removed, False),
                (f"{changed_name}: int32_t parameter now int64_t", changed, False)]

    failures = 0
    with tempfile.TemporaryDirectory(prefix="zjc-abi-selftest-") as tmp:
        mapfile = os.path.join(tmp, "stub.map")
        with open(mapfile, "w") as f:
            f.write("ZJCREDIT_0 { global: zjc_*; local: *; };\n")
        libs = []
        for i, (label, functions, _) in enumerate(variants):
            src = os.path.join(tmp, f"stub{i}.c")
            lib = os.path.join(tmp, f"stub{i}", "libzjcredit.so.0")
            os.makedirs(os.path.dirname(lib))
            with open(src, "w") as f:
                f.write(stub_source(functions))
            cc = run([args.cc, "-std=c99", "-g", "-O0", "-fPIC", "-shared", "-fvisibility=hidden", src,
                      "-o", lib, f"-Wl,--version-script={mapfile}", "-Wl,-soname,libzjcredit.so.0"])
            if cc.returncode != 0:
                print(f"FAIL: cannot build the '{label}' stub:\n{cc.stderr}")
                return 1
            libs.append(lib)
        baseline = os.path.join(tmp, "stub.abi")
        made = run([abidw] + abidw_options(args.header) + ["--out-file", baseline, libs[0]])
        if made.returncode != 0:
            print(f"FAIL: abidw on the stub failed:\n{made.stderr}")
            return 1
        for (label, _, expect_ok), lib in zip(variants, libs):
            report = []
            ok, summary = compare(abidiff, baseline, lib, args.header, out=report.append)
            good = ok == expect_ok
            failures += not good
            print(f"{'ok  ' if good else 'FAIL'} {label}: check {'passes' if ok else 'fails'} "
                  f"(expected to {'pass' if expect_ok else 'fail'}): {summary}")
            if not good:
                print("\n".join(report))
    print(f"abi-selftest: {len(variants) - failures} of {len(variants)} as expected")
    return 1 if failures else 0


# ---- api-macro ----------------------------------------------------------------

# What ZJC_API must expand to, for each way the header is compiled. Only the
# preprocessor runs (-E), so no Windows header or compiler is needed.
API_MACRO_CASES = [
    ("the Windows DLL's own build", ["-D_WIN32", "-DZJC_BUILDING"], "__declspec(dllexport)"),
    ("a Windows program using the DLL", ["-D_WIN32"], "__declspec(dllimport)"),
    ("a GCC-compatible compiler elsewhere", [], '__attribute__((visibility("default")))'),
]
API_MACRO_SPECIFIERS = ["__declspec(dllexport)", "__declspec(dllimport)", "visibility"]


def squeeze(text):
    """Text without whitespace, so that token spacing in cc -E output does not matter."""
    return re.sub(r"\s+", "", text)


def cmd_api_macro(args):
    functions = header_functions(args.header)
    if not functions:
        print(f"FAIL: no ZJC_API declaration found in {args.header}")
        return 1
    failures = []
    with tempfile.TemporaryDirectory(prefix="zjc-api-macro-") as tmp:
        src = os.path.join(tmp, "api_macro.c")
        with open(src, "w") as f:
            f.write("#include <zjcredit.h>\n")
        for label, defines, expected in API_MACRO_CASES:
            cc = run([args.cc, "-std=c99", "-E", "-P", *defines, "-I", os.path.dirname(args.header), src])
            if cc.returncode != 0:
                failures.append(f"{label} ({' '.join(defines) or 'no -D'}): cc -E failed:\n{cc.stderr}")
                continue
            out = squeeze(cc.stdout)
            spec = squeeze(expected)
            missing = [name for name, (ret, _) in functions.items()
                       if spec + squeeze(ret) + name + "(" not in out]
            others = [s for s in API_MACRO_SPECIFIERS if s not in expected and squeeze(s) in out]
            if missing:
                failures.append(f"{label}: {len(missing)} declarations lack {expected}, e.g. {missing[0]}")
            if others:
                failures.append(f"{label}: the expansion also has {', '.join(others)}")
            print(f"{'FAIL' if missing or others else 'ok  '} {label} ({' '.join(defines) or 'no -D'}): "
                  f"{len(functions) - len(missing)} of {len(functions)} declarations are {expected}")
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("exports")
    p.add_argument("--library", required=True)
    p.add_argument("--header", required=True)
    p.add_argument("--soname", required=True)
    p.add_argument("--nm", default="nm")
    p.add_argument("--readelf", default="readelf")
    p.set_defaults(func=cmd_exports)

    p = sub.add_parser("abi")
    p.add_argument("--library", required=True)
    p.add_argument("--header", required=True)
    p.add_argument("--baseline", required=True)
    p.add_argument("--abidiff", default="")
    p.add_argument("--readelf", default="readelf")
    p.set_defaults(func=cmd_abi)

    p = sub.add_parser("abi-baseline")
    p.add_argument("--library", required=True)
    p.add_argument("--header", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--abidw", default="")
    p.set_defaults(func=cmd_abi_baseline)

    p = sub.add_parser("abi-selftest")
    p.add_argument("--header", required=True)
    p.add_argument("--cc", default="cc")
    p.add_argument("--abidw", default="")
    p.add_argument("--abidiff", default="")
    p.set_defaults(func=cmd_abi_selftest)

    p = sub.add_parser("api-macro")
    p.add_argument("--header", required=True)
    p.add_argument("--cc", default="cc")
    p.set_defaults(func=cmd_api_macro)

    args = parser.parse_args(argv)
    for tool in ("nm", "readelf"):
        if getattr(args, tool, None) in ("", None) or str(getattr(args, tool, "")).endswith("-NOTFOUND"):
            setattr(args, tool, tool)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
