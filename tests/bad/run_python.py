#!/usr/bin/python3
"""The bad-input catalogue (tests/data/bad) through the Python binding.

usage: run_python.py DATA_DIR [NAME_FILTER...] [--verbose]

Each case's input goes to the binding's entry point for its kind as a str:
bytes that are not UTF-8 are decoded as Python decodes such bytes from a
file name or argv (surrogateescape). The case passes when the call raises
the zjcredit exception of the expected status, whose .code is that status,
whose .field contains the expected field and whose .message contains every
expected substring and is not longer than the case allows. Any other
outcome (a result, another exception, a crash) fails it.

A `screen` case's file is read by zjcredit.screen with its options
(period, lender); `level=table` must raise as above, `level=loan` is
checked in the first listing's `error`.

A `sandbox` case's file is the loans of zjcredit.seek or zjcredit.whatif
(its `call`), given its `request` as keyword arguments.

A `table` case's input is written to a temporary file and read by
zjcredit.subsidy_table with the case's options (and its repayments table).
`level=table`: the call must raise, as above. `level=loan`: the call must
succeed and the first row's `error` must contain the expected field and
every expected substring (the row carries no status).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import catalogue  # noqa: E402
import zjcredit  # noqa: E402

EXCEPTIONS = {
    "parse": (zjcredit.ParseError, "ZJC_EPARSE"),
    "validation": (zjcredit.ValidationError, "ZJC_EVALIDATION"),
    "overflow": (zjcredit.OverflowError, "ZJC_EOVERFLOW"),
    "not_found": (zjcredit.NotFoundError, "ZJC_ENOTFOUND"),
    "io": (zjcredit.FileError, "ZJC_EIO"),
}
KINDS = catalogue.COUNTED_KINDS + ("budget",)


def entry_point(kind: str, text: str, ledger_text: str):
    if kind == "amount":
        return zjcredit.parse_amount(text)
    if kind == "month":
        return zjcredit.check_ledger(ledger_text, text)
    if kind == "plan":
        return zjcredit.Plan.from_json(text)
    if kind == "subsidy":
        return zjcredit.first_loan_subsidy(text)
    if kind == "reward":
        return zjcredit.receivables_reward(text)
    if kind == "award":
        return zjcredit.listing_award(text)
    if kind == "assess":
        return zjcredit.assess(text)
    if kind == "ledger":
        return zjcredit.check_ledger(text, "2022-09")
    if kind == "budget":
        return zjcredit.allocate_budget(text)
    raise ValueError(f"no Python entry point for kind {kind}")


def check_error(case: catalogue.Case, e: "zjcredit.Error", file_name: str = "") -> list[str]:
    problems: list[str] = []
    cls, status_name = EXCEPTIONS[case.status("python")]
    if not isinstance(e, cls):
        problems.append(f"raised {type(e).__name__}, expected {cls.__name__}")
    if e.code != zjcredit.STATUS[status_name]:
        problems.append(f"code {e.code}, expected {zjcredit.STATUS[status_name]} ({status_name})")
    want_field = case.field_for("python").replace("{file}", file_name)
    if want_field not in e.field:
        problems.append(f"field {e.field!r} lacks {want_field!r}")
    catalogue.check_message(case, "python", e.message, problems, file_name)
    if problems:
        problems.append(f"message was: {e.message[:1000]!r}")
    return problems


def run_table(case: catalogue.Case) -> list[str]:
    """A `table` case through zjcredit.subsidy_table."""
    options = case.options("python")
    repayments = case.repayments_path()
    with tempfile.TemporaryDirectory(prefix="zjcredit-bad-") as tmp:
        path = Path(tmp) / ("input" + case.input_path.suffix)
        case.write_to(path)
        try:
            frame = zjcredit.subsidy_table(path, **options, repayments=repayments)
        except zjcredit.Error as e:
            if case.level() == "loan":
                return [f"the call raised (the whole table refused), expected the first row's error: {e.message[:300]!r}"]
            return check_error(case, e, str(path))
        except Exception as e:  # noqa: BLE001 - anything else is a failure of the case
            return [f"raised {type(e).__name__}: {str(e)[:300]!r}, expected a zjcredit error"]
        if case.level() == "table":
            return ["no error: the call succeeded"]
        if len(frame) == 0:
            return ["the call succeeded with no rows, expected the first row's error"]
        message = frame["error"].iloc[0]
        if not message:
            return ["the first row has no error"]
        problems: list[str] = []
        want_field = case.field_for("python").replace("{file}", str(path))
        if want_field not in message:
            problems.append(f"the first row's error does not name the field {want_field!r}")
        catalogue.check_message(case, "python", message, problems, str(path))
        if problems:
            problems.append(f"the first row's error was: {message[:1000]!r}")
        return problems


def run_register(case: catalogue.Case) -> list[str]:
    """A `register` case through zjcredit.register_verify, on the case's file."""
    try:
        result = zjcredit.register_verify(case.input_path)
    except zjcredit.Error as e:
        return check_error(case, e, str(case.input_path))
    except Exception as e:  # noqa: BLE001 - anything else is a failure of the case
        return [f"raised {type(e).__name__}: {str(e)[:300]!r}, expected a zjcredit error"]
    return [f"no error: the call succeeded ({result})"]
def run_screen(case: catalogue.Case) -> list[str]:
    """A `screen` case through zjcredit.screen, the table read from its file.
    `level=table`: the call must raise. `level=loan`: the first listing's `error`."""
    options = catalogue.screen_options(case, "python")
    path = str(case.input_path)
    try:
        result = zjcredit.screen(path, **options)
    except zjcredit.Error as e:
        if case.level() != "table":
            return [f"the call raised (the whole request refused), expected a {case.level()}: {e.message[:300]!r}"]
        return check_error(case, e, path)
    except Exception as e:  # noqa: BLE001 - anything else is a failure of the case
        return [f"raised {type(e).__name__}: {str(e)[:300]!r}, expected a zjcredit error"]
    if case.level() == "table":
        return ["no error: the call succeeded"]
    text = result.loans["error"].iloc[0] if len(result.loans) else ""
    return catalogue.check_screen_text(case, "python", text, "first listing's error", path)
def run_sandbox(case: catalogue.Case) -> list[str]:
    """A `sandbox` case through zjcredit.seek or zjcredit.whatif, the loans read
    from its file, the request as keyword arguments."""
    request = catalogue.sandbox_request(case)
    call = zjcredit.seek if case.get("call", "") == "seek" else zjcredit.whatif
    path = str(case.input_path)
    try:
        result = call(path, **request)
    except zjcredit.Error as e:
        return check_error(case, e, path)
    except Exception as e:  # noqa: BLE001 - anything else is a failure of the case
        return [f"raised {type(e).__name__}: {str(e)[:300]!r}, expected a zjcredit error"]
    return [f"no error: the call succeeded ({str(result)[:200]})"]


def run_ledger_file(case: catalogue.Case) -> list[str]:
    """A `ledger_file` case through zjcredit.read_ledger (then a check of September)."""
    with tempfile.TemporaryDirectory(prefix="zjcredit-bad-") as tmp:
        path = Path(tmp) / ("input" + case.input_path.suffix)
        case.write_to(path)
        try:
            zjcredit.check_ledger(zjcredit.read_ledger(path), "2022-09")
        except zjcredit.Error as e:
            return check_error(case, e, str(path))
        except Exception as e:  # noqa: BLE001 - anything else is a failure of the case
            return [f"raised {type(e).__name__}: {str(e)[:300]!r}, expected a zjcredit error"]
    return ["no error: the call succeeded"]


def run(case: catalogue.Case, ledger_text: str) -> list[str]:
    if case.kind == "table":
        return run_table(case)
    if case.kind == "register":
        return run_register(case)
    if case.kind == "screen":
        return run_screen(case)
    if case.kind == "ledger_file":
        return run_ledger_file(case)
    if case.kind == "sandbox":
        return run_sandbox(case)
    data = case.data()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", "surrogateescape")
    del data
    try:
        result = entry_point(case.kind, text, ledger_text)
    except zjcredit.Error as e:
        return check_error(case, e)
    except Exception as e:  # noqa: BLE001 - anything else is a failure of the case
        return [f"raised {type(e).__name__}: {str(e)[:300]!r}, expected a zjcredit error"]
    del result
    return ["no error: the call succeeded"]


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    args = [a for a in argv[1:] if a != "--verbose"]
    if not args:
        print(__doc__)
        return 2
    data_dir = Path(args[0])
    filters = args[1:]
    cases = [c for c in catalogue.load(data_dir, KINDS) if not filters or any(f in c.id for f in filters)]
    ledger_text = (data_dir / "month" / "ledger.json").read_text(encoding="utf-8")
    results = [(case, run(case, ledger_text)) for case in cases]
    return catalogue.report("Python", results, verbose=verbose, whole=not filters)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
