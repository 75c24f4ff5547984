"""The bad-input catalogue (tests/data/bad/README.md): reading cases and
checking an interface's answer. Shared by run_python.py and run_cli.py
(stdlib only)."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

#: Kinds that every interface runs; their cases make the count of 150.
COUNTED_KINDS = ("amount", "month", "plan", "subsidy", "reward", "award", "assess", "ledger", "table", "register",
                 "screen", "ledger_file", "sandbox")
#: Kinds some interfaces cannot run (budget: no CLI command; csv: CLI only).
EXTRA_KINDS = ("budget", "csv")
MIN_CASES = 150
DEFAULT_MAX_MESSAGE = 600
MARKER = b"@@FILL@@"
STATUSES = ("parse", "validation", "overflow", "not_found", "io")
#: `table` cases: the whole call fails, or the first loan's row carries the error.
LEVELS = ("table", "loan")
#: Keys of a `table` case's `options` (the JSON of rules::table_options_from_json).
TABLE_OPTION_KEYS = ("columns", "rate_unit", "period", "sheet")


@dataclass
class Case:
    kind: str
    name: str
    input_path: Path
    keys: list[tuple[str, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.kind}/{self.name}"

    def get(self, key: str, interface: str, default: Optional[str] = None) -> Optional[str]:
        for k, v in self.keys:
            if k == f"{key}.{interface}":
                return v
        for k, v in self.keys:
            if k == key:
                return v
        return default

    def messages(self, interface: str) -> list[str]:
        own = [v for k, v in self.keys if k == f"message.{interface}"]
        return own if own else [v for k, v in self.keys if k == "message"]

    def status(self, interface: str) -> str:
        return self.get("status", interface) or ""

    def field_for(self, interface: str) -> str:
        return self.get("field", interface) or ""

    def max_message(self) -> int:
        return int(self.get("max_message", "", str(DEFAULT_MAX_MESSAGE)) or DEFAULT_MAX_MESSAGE)

    def level(self) -> str:
        """`table` cases: "table" (the call fails) or "loan" (the first row's error)."""
        return self.get("level", "") or ""

    def options(self, interface: str) -> dict:
        """`table` cases: the options, a JSON object (without repayments)."""
        text = self.get("options", interface)
        options = json.loads(text) if text else {}
        unknown = [k for k in options if k not in TABLE_OPTION_KEYS]
        if not isinstance(options, dict) or unknown:
            raise ValueError(f"{self.id}: options must be a JSON object of {TABLE_OPTION_KEYS}, not {text!r}")
        return options

    def repayments_path(self) -> Optional[Path]:
        """`table` cases: the repayments table beside the input, when there is one."""
        path = self.input_path.parent / f"{self.name}.repayments.csv"
        return path if path.is_file() else None

    def data(self) -> bytes:
        """The input bytes, generated when the case says so."""
        raw = self.input_path.read_bytes()
        fill = self.get("fill", "")
        if fill is None:
            return raw
        repeat = int(self.get("repeat", "") or "0")
        if raw.count(MARKER) != 1:
            raise ValueError(f"{self.id}: a generated case needs the marker {MARKER!r} exactly once")
        return raw.replace(MARKER, fill.encode("utf-8") * repeat)


    def write_to(self, path: Path) -> None:
        """Writes the input bytes to `path`, a generated input in chunks
        (never the whole of it in memory)."""
        raw = self.input_path.read_bytes()
        fill = self.get("fill", "")
        if fill is None:
            path.write_bytes(raw)
            return
        before, _, after = raw.partition(MARKER)
        repeat = int(self.get("repeat", "") or "0")
        unit = fill.encode("utf-8")
        chunk = unit * max(1, (1 << 20) // len(unit))
        per_chunk = len(chunk) // len(unit)
        with open(path, "wb") as f:
            f.write(before)
            for _ in range(repeat // per_chunk):
                f.write(chunk)
            f.write(unit * (repeat % per_chunk))
            f.write(after)


def read_expect(path: Path) -> list[tuple[str, str]]:
    keys = []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if not line or line.startswith("#"):
            continue
        key, sep, value = line.partition("=")
        if not sep:
            raise ValueError(f"{path}: not key=value: {line!r}")
        keys.append((key, value))
    return keys


def load(data_dir: Path, kinds: tuple[str, ...]) -> list[Case]:
    """Every case of `kinds`, in kind then name order."""
    cases = []
    for kind in kinds:
        folder = data_dir / kind
        if not folder.is_dir():
            continue
        for expect in sorted(folder.glob("*.expect")):
            inputs = [p for p in folder.glob(expect.stem + ".*") if p.suffix != ".expect" and p.stem == expect.stem]
            if len(inputs) != 1:
                raise ValueError(f"{expect}: expected exactly one input file beside it, found {len(inputs)}")
            case = Case(kind, expect.stem, inputs[0], read_expect(expect))
            for required in ("status", "field", "message"):
                if case.get(required, "") is None:
                    raise ValueError(f"{expect}: no {required}")
            if case.get("status", "") not in STATUSES:
                raise ValueError(f"{expect}: unknown status {case.get('status', '')!r}")
            if kind == "table":
                if case.level() not in LEVELS:
                    raise ValueError(f"{expect}: level must be one of {LEVELS}, not {case.level()!r}")
                case.options("")
            if kind == "screen":
                check_screen_case(case, expect)
            if kind == "sandbox":
                sandbox_request(case)
            cases.append(case)
    return cases


def check_message(case: Case, interface: str, message: str, problems: list[str], file_name: str = "") -> None:
    """The message checks every interface shares."""
    for want in case.messages(interface):
        want = want.replace("{file}", file_name)
        if want not in message:
            problems.append(f"message lacks {want!r}")
    if len(message.encode("utf-8", "surrogateescape")) > case.max_message():
        problems.append(f"message is {len(message.encode('utf-8', 'surrogateescape'))} bytes, more than {case.max_message()}")
    if "\x00" in message:
        problems.append("message holds a NUL character")


def report(interface: str, results: list[tuple[Case, list[str]]], counted_kinds=COUNTED_KINDS,
           extra_kinds=EXTRA_KINDS, verbose: bool = False, whole: bool = True) -> int:
    """Prints failures and the summary lines; returns the exit status.
    `whole`: the whole catalogue ran (not a filtered part), so it must hold
    at least MIN_CASES counted cases."""
    failed = 0
    for case, problems in results:
        if problems:
            failed += 1
            print(f"FAIL {case.id} ({case.get('why', '') or ''})")
            for p in problems:
                print(f"    {p}")
        elif verbose:
            print(f"ok   {case.id}")
    counted = [(c, p) for c, p in results if c.kind in counted_kinds]
    extra = [(c, p) for c, p in results if c.kind in extra_kinds]
    per_kind = {}
    for c, _ in results:
        per_kind[c.kind] = per_kind.get(c.kind, 0) + 1
    print("  per kind: " + ", ".join(f"{k} {n}" for k, n in per_kind.items()))
    if extra:
        n_extra_failed = sum(1 for _, p in extra if p)
        print(f"  extra cases (not counted): {len(extra)} through {interface}, "
              f"{len(extra) - n_extra_failed} passed, {n_extra_failed} failed")
    n_failed = sum(1 for _, p in counted if p)
    print(f"bad-input catalogue: {len(counted)} cases through {interface}, "
          f"{len(counted) - n_failed} passed, {n_failed} failed")
    sys.stdout.flush()
    if failed:
        return 1
    if whole and len(counted) < MIN_CASES:
        print(f"the catalogue must hold at least {MIN_CASES} cases, it holds {len(counted)}")
        return 1
    return 0


# ---- `screen` cases: a bank's table through the screen (docs/screen.md) ----
#: `screen` cases: the call fails (table) or the first listing's error (loan).
SCREEN_LEVELS = ("table", "loan")
#: Keys of a `screen` case's `options`: the claim period, the lender of a
#: table without a 贷款机构 column.
SCREEN_OPTION_KEYS = ("period", "lender")


def screen_options(case: Case, interface: str) -> dict:
    """`screen` cases: the options, a JSON object of SCREEN_OPTION_KEYS."""
    text = case.get("options", interface)
    options = json.loads(text) if text else {}
    if not isinstance(options, dict) or any(k not in SCREEN_OPTION_KEYS for k in options):
        raise ValueError(f"{case.id}: options must be a JSON object of {SCREEN_OPTION_KEYS}, not {text!r}")
    return options


def check_screen_case(case: Case, expect: Path) -> None:
    if case.level() not in SCREEN_LEVELS:
        raise ValueError(f"{expect}: level must be one of {SCREEN_LEVELS}, not {case.level()!r}")
    screen_options(case, "")


def check_screen_text(case: Case, interface: str, text: str, what: str, file_name: str = "") -> list[str]:
    """A `screen` case's listing error (`what` names it): it names the field
    and holds every expected substring."""
    if not text:
        return [f"no {what}"]
    problems: list[str] = []
    want_field = case.field_for(interface).replace("{file}", file_name)
    if want_field not in text:
        problems.append(f"the {what} does not name the field {want_field!r}")
    check_message(case, interface, text, problems, file_name)
    if problems:
        problems.append(f"the {what} was: {text[:1000]!r}")
    return problems


# ---- `sandbox` cases: a goal seek or a what-if over a bank's table (docs/sandbox.md) ----
#: `sandbox` cases: the entry point called, `call=seek` or `call=whatif`.
SANDBOX_CALLS = ("seek", "whatif")
#: Keys of a `sandbox` case's `request` for each call (the options of
#: zjc_seek_tables / zjc_whatif_tables, the keyword arguments of
#: zjcredit.seek / zjcredit.whatif).
SANDBOX_REQUEST_KEYS = {"seek": ("parameter", "budget", "within", "reach", "period"),
                        "whatif": ("scenarios", "budget", "period")}


def sandbox_request(case: Case) -> dict:
    """`sandbox` cases: the request, a JSON object of the call's keys."""
    call = case.get("call", "") or ""
    if call not in SANDBOX_CALLS:
        raise ValueError(f"{case.id}: call must be one of {SANDBOX_CALLS}, not {call!r}")
    text = case.get("request", "") or ""
    request = json.loads(text) if text else None
    if not isinstance(request, dict) or any(k not in SANDBOX_REQUEST_KEYS[call] for k in request):
        raise ValueError(f"{case.id}: request must be a JSON object of {SANDBOX_REQUEST_KEYS[call]}, not {text!r}")
    return request
