"""zjcredit: exact money for the 2022 Zhanjiang credit plan (湛金函〔2022〕86号).

A pure-ctypes binding of the C library ``libzjcredit.so.0`` (capi/zjcredit.h).
The library is found through the environment variable ``ZJCREDIT_LIBRARY``,
then next to this package, then through the system's dynamic loader; its ABI
version is checked at import (:class:`AbiMismatchError`, an ImportError).

How the Python view differs from the C ABI:

* **Decimal, never float.** Amounts go in as ``decimal.Decimal``, int or str
  and come out as ``Decimal`` (``parse_amount("2.2亿元") ==
  Decimal("220000000.00")``), where C uses ``int64_t`` 分 or text. A ``float``
  anywhere — an argument or a value inside a record dict — is a ``TypeError``.
* **Exceptions, not status codes.** A C status other than ``ZJC_OK`` raises a
  subclass of :class:`Error` (:class:`ParseError`, :class:`ValidationError`,
  :class:`OverflowError`, :class:`NotFoundError`, ...) carrying ``code`` (the
  C status), ``message`` (``zjc_last_error()``) and ``field`` (the JSON path,
  ``zjc_last_error_field()``). Text with a NUL character, which C would
  silently cut, is a :class:`ParseError`.
* **None for the default plan.** Where C takes a NULL ``zjc_plan*`` for the
  embedded 2022 plan, Python takes ``plan=None``; a :class:`Plan` is freed
  when collected (or by ``close()`` / ``with``).
* **Records as dicts or JSON text.** The rules take a dict (Decimal values
  are written as JSON strings) or JSON text, and return objects with
  attributes (``eligible``, ``amount``, ``reasons``, ``receipt``) that convert
  to plain dicts with ``to_dict()``. Strings are freed by the binding. The
  receipt is decoded only when first read; ``receipt=False`` skips it
  altogether (an :class:`Outcome`: eligible, amount, reasons).

* **Columns for many records.** :func:`first_loan_subsidy_batch` and
  :func:`receivables_reward_batch` take buffer-protocol arrays (``array``,
  numpy) in the C ABI's layout (int64 分, int32 day numbers) and return
  arrays, one C call for the lot; :func:`subsidy_frame` / :func:`reward_frame`
  do the same over pandas DataFrames (see zjcredit.batch).

* **A bank's own table.** :func:`subsidy_table` reads a loans file as the
  bank exported it (CSV in GB18030 or UTF-8, or .xlsx; Chinese headers;
  loans by drawdown with a repayments table; docs/columns.md), and
  :func:`subsidy_frame` does the same for a DataFrame read with ``dtype=str``
  (see zjcredit.tables).

* **The screen.** :func:`screen` takes the tables of many lenders (frames
  or files) and pays each borrower once under the one 1000万 cap, returning
  DataFrames ``borrowers``, ``loans``, ``conflicts`` and ``totals`` (see
  zjcredit.screen, docs/screen.md).

>>> import zjcredit
>>> zjcredit.amount_in_words(zjcredit.parse_amount("1,409.50"))
'壹仟肆佰零玖元伍角'
"""

from __future__ import annotations

from . import errors
from ._lib import ABI_VERSION, lib
from .errors import (
    STATUS,
    AbiMismatchError,
    Error,
    FileError,
    InternalError,
    InvalidArgumentError,
    NotFoundError,
    OverflowError,  # noqa: F401 - zjcredit.OverflowError, kept out of __all__
    ParseError,
    ValidationError,
)
from .batch import (
    RewardBatch,
    SubsidyBatch,
    first_loan_subsidy_batch,
    receivables_reward_batch,
    reward_frame,
    subsidy_frame,
)
from .money import ROUNDING_MODES, amount_in_words, format_amount, parse_amount, parse_rate, round_amount
from .plan import Plan
from .tables import subsidy_table
from .sandbox import SeekResult, seek, with_parameters
from .screen import FILL_ORDERS, ScreenResult, screen
from .ledger import chase_list, ledger_progress, ledger_template, read_ledger, write_ledger_template
from .rules import (
    Allocation,
    AllocationResult,
    Assessment,
    Award,
    GroupVerdict,
    LedgerCheck,
    LedgerMonth,
    ListingResult,
    Outcome,
    Problem,
    Reason,
    RuleResult,
    UnitCompliance,
    Verdict,
    allocate_budget,
    assess,
    check_ledger,
    first_loan_subsidy,
    listing_award,
    receivables_reward,
)
from .register import PaidPeriod, RegisterCheck, RegisterFault, register_paid, register_verify
from .monthly_report import report, report_html
from .whatif import WhatifResult, whatif

#: The version of the C library loaded, e.g. "0.2.0" (``zjc_version()``).
__version__: str = lib.zjc_version().decode("ascii")


def abi_version() -> int:
    """The ABI version of the C library loaded (``zjc_abi_version()``), the
    number of its SONAME; equal to ``ABI_VERSION`` once imported."""
    return int(lib.zjc_abi_version())


def status_name(code: int) -> str:
    """The stable name of a C status code, ``"ZJC_EPARSE"`` for -1
    (``"ZJC_UNKNOWN"`` for a code the library does not define)."""
    if isinstance(code, bool) or not isinstance(code, int):
        raise TypeError(f"code must be an int, not {type(code).__name__}")
    if not -(2**31) <= code < 2**31:
        return "ZJC_UNKNOWN"
    return lib.zjc_status_name(code).decode("ascii")


# OverflowError is deliberately left out of __all__: ``from zjcredit import *``
# would otherwise shadow the builtin OverflowError. Use zjcredit.OverflowError
# (a subclass of the builtin).
__all__ = [
    "__version__",
    "ABI_VERSION",
    "abi_version",
    "status_name",
    "errors",
    # errors
    "STATUS",
    "Error",
    "ParseError",
    "ValidationError",
    "NotFoundError",
    "FileError",
    "InvalidArgumentError",
    "InternalError",
    "AbiMismatchError",
    # amounts
    "ROUNDING_MODES",
    "parse_amount",
    "parse_rate",
    "format_amount",
    "amount_in_words",
    "round_amount",
    # the plan
    "Plan",
    # rules, assessment, ledger
    "first_loan_subsidy",
    "receivables_reward",
    "listing_award",
    "allocate_budget",
    "assess",
    "check_ledger",
    "Reason",
    "RuleResult",
    "Outcome",
    "Award",
    "ListingResult",
    "Allocation",
    "AllocationResult",
    "Problem",
    "Verdict",
    "GroupVerdict",
    "Assessment",
    "UnitCompliance",
    "LedgerMonth",
    "LedgerCheck",
    # many records at once, as columns (zjcredit.batch)
    "first_loan_subsidy_batch",
    "receivables_reward_batch",
    "subsidy_frame",
    "reward_frame",
    "SubsidyBatch",
    "RewardBatch",
    # a bank's own table of loans (zjcredit.tables, docs/columns.md)
    "subsidy_table",
    # the payout register (zjcredit.register, docs/register.md)
    "register_verify",
    "register_paid",
    "RegisterCheck",
    "RegisterFault",
    "PaidPeriod",
    # overrides and the sandbox (zjcredit.sandbox, docs/sandbox.md)
    "with_parameters",
    "seek",
    "SeekResult",
    # the screen per borrower over many lenders' tables (zjcredit.screen, docs/screen.md)
    "screen",
    "ScreenResult",
    "FILL_ORDERS",
    # the ledger workflow (zjcredit.ledger, docs/ledger.md)
    "ledger_template",
    "write_ledger_template",
    "read_ledger",
    "ledger_progress",
    "chase_list",
    # the one report (zjcredit.monthly_report, docs/report.md)
    "report",
    "report_html",
    # scenarios side by side (zjcredit.whatif, docs/whatif.md)
    "whatif",
    "WhatifResult",
]
