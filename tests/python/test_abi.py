"""The binding against capi/zjcredit.h: status codes, versions, the prototype
table, and how loading the library fails."""

from __future__ import annotations

import ctypes
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import zjcredit
from zjcredit import _lib, errors, money, plan, rules
from helpers import HEADER

P = ctypes.POINTER


def _defines(header: str, pattern: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(rf"^#define\s+({pattern})\s+\(?(-?\d+)\)?", header, re.M)}


def _declarations(header: str) -> dict[str, tuple[str, list[str]]]:
    """name -> (return type, [parameter types]) of every ZJC_API function."""
    code = re.sub(r"/\*.*?\*/", " ", header, flags=re.S)
    out: dict[str, tuple[str, list[str]]] = {}
    for m in re.finditer(r"\bZJC_API\s+([^;()]*?)\b(zjc_\w+)\s*\(([^)]*)\)\s*;", code):
        ret = " ".join(m[1].replace("*", " * ").split())
        params: list[str] = []
        for p in m[3].split(","):
            p = " ".join(p.replace("*", " * ").split())
            if p in ("void", ""):
                continue
            p = re.sub(r"\s*\b\w+$", "", p)  # drop the parameter's name
            params.append(p)
        out[m[2]] = (ret, params)
    return out


CTYPES = {
    "int32_t": ctypes.c_int32,
    "int64_t": ctypes.c_int64,
    "size_t": ctypes.c_size_t,
    "const char *": ctypes.c_char_p,
    "char *": ctypes.c_void_p,  # a string handed back to zjc_string_free
    "char * *": P(ctypes.c_void_p),  # out strings, freed by the binding
    "int64_t *": P(ctypes.c_int64),
    "int32_t *": P(ctypes.c_int32),
    "uint32_t": ctypes.c_uint32,
    "uint32_t *": P(ctypes.c_uint32),
    "const char * *": P(ctypes.c_char_p),  # static strings the library keeps
    "zjc_plan * *": P(_lib.PlanPtr),
    "zjc_plan *": _lib.PlanPtr,
    "const zjc_plan *": _lib.PlanPtr,
    "const zjc_loan_columns *": P(_lib.LoanColumns),
    "zjc_subsidy_outputs *": P(_lib.SubsidyOutputs),
    "const zjc_financing_columns *": P(_lib.FinancingColumns),
    "zjc_reward_outputs *": P(_lib.RewardOutputs),
    "void": None,
}

#: int32_t functions that return a value rather than a status.
NOT_A_STATUS = {"zjc_abi_version", "zjc_last_status"}


def test_status_codes_match_the_header(header_text: str) -> None:
    defined = _defines(header_text, r"ZJC_OK|ZJC_E[A-Z]+")
    assert len(defined) == 9
    assert errors.STATUS == defined
    for name, code in defined.items():
        assert zjcredit.status_name(code) == name


def test_rounding_modes_match_the_header(header_text: str) -> None:
    defined = _defines(header_text, r"ZJC_ROUND_[A-Z_]+")
    modes = {f"ZJC_ROUND_{k.upper()}": v for k, v in money.ROUNDING_MODES.items()}
    assert modes == {k: v for k, v in defined.items() if k != "ZJC_ROUND_EXACT"}


def test_versions_match_the_header(header_text: str) -> None:
    v = _defines(header_text, r"ZJC_VERSION_(?:MAJOR|MINOR|PATCH)|ZJC_ABI_VERSION")
    assert zjcredit.__version__ == f"{v['ZJC_VERSION_MAJOR']}.{v['ZJC_VERSION_MINOR']}.{v['ZJC_VERSION_PATCH']}"
    assert zjcredit.ABI_VERSION == _lib.ABI_VERSION == v["ZJC_ABI_VERSION"] == zjcredit.abi_version()
    assert _lib.SONAME == f"libzjcredit.so.{v['ZJC_ABI_VERSION']}"


def test_header_parser_sees_every_function(header_text: str) -> None:
    lines = re.findall(r"^ZJC_API\b", header_text, re.M)
    assert len(lines) == len(_declarations(header_text))


def test_prototype_table_covers_every_function(header_text: str) -> None:
    declared = _declarations(header_text)
    assert len(declared) >= 23
    assert set(_lib._PROTOTYPES) == set(declared)


@pytest.mark.parametrize("name", sorted(_lib._PROTOTYPES))
def test_prototype_matches_the_declaration(name: str, header_text: str) -> None:
    ret, params = _declarations(header_text)[name]
    argtypes, restype, checked = _lib._PROTOTYPES[name]
    assert [CTYPES[p] for p in params] == argtypes, params
    assert CTYPES[ret] is restype
    assert checked == (ret == "int32_t" and name not in NOT_A_STATUS)
    func = getattr(_lib.lib, name)
    assert func.argtypes == argtypes and func.restype is restype
    assert (getattr(func, "errcheck", None) is _lib._check) == checked


def test_public_names() -> None:
    for name in zjcredit.__all__:
        assert hasattr(zjcredit, name), name
    for module in (errors, money, plan, rules):
        for name in module.__all__:
            if name == "OverflowError":  # reachable, but kept out of `import *`
                assert zjcredit.OverflowError is errors.OverflowError
                continue
            assert name in zjcredit.__all__, f"{module.__name__}.{name}"
    assert "OverflowError" not in zjcredit.__all__
    for name in ("parse_amount", "amount_in_words", "round_amount", "Plan", "first_loan_subsidy",
                 "receivables_reward", "listing_award", "allocate_budget", "assess", "check_ledger",
                 "abi_version", "__version__", "Error", "ParseError", "ValidationError"):
        assert name in zjcredit.__all__
    for name in zjcredit.__all__:
        obj = getattr(zjcredit, name)
        if callable(obj):
            assert obj.__doc__, name
    assert zjcredit.__doc__ and "Decimal" in zjcredit.__doc__ and "None" in zjcredit.__doc__


# ---- loading ------------------------------------------------------------------------------


def _import(env_library: str | None, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Imports zjcredit in a fresh interpreter; prints the class and text of an ImportError."""
    env = dict(os.environ)
    env.pop("ZJCREDIT_LIBRARY", None)
    package_parent = str(Path(zjcredit.__file__).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join([package_parent, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    if env_library is not None:
        env["ZJCREDIT_LIBRARY"] = env_library
    code = textwrap.dedent("""
        import sys
        try:
            import zjcredit
        except ImportError as e:
            print(type(e).__name__ + ": " + str(e))
            sys.exit(3)
        print("loaded", zjcredit._lib.lib._name, zjcredit.__version__)
    """)
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)


def test_the_library_next_to_the_package_is_found(tmp_path: Path) -> None:
    r = _import(None, tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    here = Path(zjcredit.__file__).resolve().parent
    assert r.stdout.split()[1] == str(here / _lib.SONAME)


def test_zjcredit_library_names_the_library(tmp_path: Path) -> None:
    path = str(Path(_lib.lib._name).resolve())
    r = _import(path, tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout.split()[1] == path


def test_a_file_that_is_not_a_library(tmp_path: Path) -> None:
    r = _import(str(HEADER), tmp_path)
    assert r.returncode == 3, r.stdout + r.stderr
    assert r.stdout.startswith("ImportError: zjcredit: cannot load the C library")
    assert str(HEADER) in r.stdout and "ZJCREDIT_LIBRARY" in r.stdout


def test_a_missing_library(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere" / "libzjcredit.so.0")
    r = _import(missing, tmp_path)
    assert r.returncode == 3, r.stdout + r.stderr
    assert "cannot load the C library" in r.stdout and f"{missing}: no such file" in r.stdout


def _fake_library(tmp_path: Path, source: str) -> Path:
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler to build a fake library")
    c = tmp_path / "fake.c"
    c.write_text(source)
    so = tmp_path / "libzjcredit.so.0"
    subprocess.run([cc, "-shared", "-fPIC", "-o", str(so), str(c)], check=True, timeout=60)
    return so


def test_abi_mismatch(tmp_path: Path) -> None:
    so = _fake_library(tmp_path, "int zjc_abi_version(void) { return 1; }\n")
    r = _import(str(so), tmp_path)
    assert r.returncode == 3, r.stdout + r.stderr
    assert r.stdout.startswith("AbiMismatchError: ")
    assert f"has ABI 1 but this package needs ABI {_lib.ABI_VERSION}" in r.stdout
    assert str(so) in r.stdout


def test_a_library_missing_a_function(tmp_path: Path) -> None:
    so = _fake_library(tmp_path, "int zjc_abi_version(void) { return 0; }\n")
    r = _import(str(so), tmp_path)
    assert r.returncode == 3, r.stdout + r.stderr
    assert r.stdout.startswith("ImportError: ") and "missing from the C library" in r.stdout
