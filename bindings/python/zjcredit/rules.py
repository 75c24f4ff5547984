"""The money rules, target assessment and the monthly ledger check.

Every function takes its input as JSON text or as plain Python data (dicts,
lists, str, int, bool, ``Decimal``, ``datetime.date``; see docs/records.md,
docs/assessment.md and docs/ledger.md for the shapes) and the plan whose
parameters apply (``None``: the embedded 2022 plan). It returns a small
result object with attributes — amounts as ``decimal.Decimal`` — that also
converts back to a plain dict (``to_dict()``, the library's JSON as parsed:
amounts as canonical strings) or to the library's exact JSON text
(``to_json()``).

An ineligible claim is a result (``eligible`` False, with its ``reasons``),
not an exception; malformed or invalid input raises :class:`zjcredit.ParseError`,
:class:`zjcredit.ValidationError` or :class:`zjcredit.OverflowError` whose
``field`` is the JSON path of the offending value.

>>> r = first_loan_subsidy({
...     "borrower": "湛江市甲科技有限公司", "borrower_kind": "small",
...     "first_application_date": "2022-04-01", "via_platform": True,
...     "local_legal_person_lender": True, "first_loan": True,
...     "annual_rate": "4.35%",
...     "balances": [{"from": "2022-04-01", "to": "2022-06-30", "balance": Decimal("1000000.00")}],
...     "period": {"from": "2022-04-01", "to": "2022-06-30"}})
>>> r.eligible, r.amount
(True, Decimal('2527.78'))
"""

from __future__ import annotations

import copy
import ctypes
import datetime
import json
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, Iterator, Optional, Sequence, Union

from ._convert import RecordLike, dumps, is_sequence, jsonable, record_text, unchecked_record_text
from ._lib import encode, lib, take_string
from ._reasons import reasons_of
from .errors import Error
from .money import AmountLike, _fen_to_decimal, amount_text
from .plan import Plan

__all__ = [
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
]

#: Methods of allocate_budget.
BUDGET_METHODS = ("pro_rata", "first_come_first_served")


# ---- helpers -------------------------------------------------------------------


def _plan_handle(plan: Optional[Plan]) -> Any:
    """The C handle of ``plan``; None (NULL) means the embedded 2022 plan."""
    if plan is None:
        return None
    if not isinstance(plan, Plan):
        raise TypeError(f"plan must be a zjcredit.Plan or None, not {type(plan).__name__}")
    return plan._live()  # a closed plan is an error, never silently the default


def _amount(text: Optional[str]) -> Optional[Decimal]:
    """Decimal of a canonical amount text ("1234.56"); None stays None."""
    return None if text is None else Decimal(text)


def _figure(text: Optional[str]) -> Optional[Decimal]:
    """Decimal of an assessment figure: "25100000000.00", "12001", "5.05%"
    (percent figures are percentage points: Decimal("5.05"))."""
    if text is None:
        return None
    return Decimal(text[:-1] if text.endswith("%") else text)


def _call(func: Callable[..., int], *args: Any) -> str:
    """Calls a ``zjc_*(..., char **out)`` function and returns *out's text."""
    return take_string(lambda out: func(*args, out))


class _JsonResult:
    """Base of the result objects: keeps the library's JSON text."""

    __slots__ = ("_text", "_data")

    def __init__(self, text: str) -> None:
        self._text = text
        self._data: dict[str, Any] = json.loads(text)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain data (a fresh copy): the library's JSON as
        parsed, amounts as canonical strings such as ``"2527.78"``."""
        return copy.deepcopy(self._data)

    def to_json(self) -> str:
        """The library's JSON text, byte for byte (deterministic)."""
        return self._text


# ---- the money rules -------------------------------------------------------------


@dataclass(frozen=True)
class Reason:
    """Why a claim was refused, cut or noted (docs/records.md §7)."""

    code: str
    message_zh: str
    message_en: str

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Reason":
        return cls(d["code"], d.get("message_zh", ""), d.get("message_en", ""))

    def to_dict(self) -> dict[str, str]:
        """``{code, message_zh, message_en}``."""
        return {"code": self.code, "message_zh": self.message_zh, "message_en": self.message_en}


#: How the library writes a result's receipt: a top-level key, and the only
#: text with a line break followed by exactly two spaces and this key (the
#: writer indents by two spaces and escapes line breaks inside strings).
_RECEIPT_KEY = '\n  "receipt": '


def _split_receipt(text: str) -> Optional[tuple[str, str]]:
    """(the result's JSON without its receipt, the receipt's JSON), found by
    the layout of the library's writer; None when the text is laid out
    otherwise (the caller then decodes it whole)."""
    at = text.find(_RECEIPT_KEY)
    if at < 0:
        return None
    start = at + len(_RECEIPT_KEY)
    if text.startswith("{}", start):
        end = start + 2
    else:
        close = text.find("\n  }", start)  # the end of a top-level value
        if not text.startswith("{", start) or close < 0:
            return None
        end = close + len("\n  }")
    if text.startswith(",", end):  # a key follows: its comma goes with the receipt
        return text[:at] + text[end + 1:], text[start:end]
    before = text[:at].rstrip()
    if not before.endswith(","):
        return None
    return before[:-1] + text[end:], text[start:end]


_NOT_DECODED: Any = object()


class RuleResult(_JsonResult):
    """The result of 首贷贴息 or 应收账款融资奖励 (and the base of the listing award).

    Attributes: ``eligible`` (bool), ``amount`` (Decimal, exact to the 分),
    ``reasons`` (list of :class:`Reason`), ``receipt`` (dict, docs/records.md §6).

    The receipt — most of the text — is decoded only when ``receipt`` (or
    ``unrounded``, ``to_dict()``) is first read: a caller that wants the
    amount pays for decoding the amount. A result made by
    :meth:`_on_demand` goes further: it holds the light call's answer and
    asks the library for the full result (the same record, the same plan)
    only when ``reasons``, the receipt or the text is first read.
    """

    __slots__ = ("eligible", "amount", "_reasons", "_head", "_receipt_text", "_receipt", "_full", "_compute")

    def __init__(self, text: str) -> None:
        self._compute: Optional[Callable[[], str]] = None
        self._read(text)

    @classmethod
    def _on_demand(cls, eligible: bool, amount: Decimal, compute: Callable[[], str]) -> "RuleResult":
        """A result whose eligibility and amount are known and whose full
        text ``compute()`` gives when first needed."""
        r = cls.__new__(cls)
        r._compute = compute
        r.eligible = eligible
        r.amount = amount
        return r

    def _read(self, text: str) -> None:
        self._text = text
        self._full: Optional[dict[str, Any]] = None
        self._receipt: Any = _NOT_DECODED
        split = _split_receipt(text)
        if split is None:
            self._full = json.loads(text)
            head: dict[str, Any] = self._full
            self._receipt = head.get("receipt", {})
            self._receipt_text = ""
        else:
            head = json.loads(split[0])
            self._receipt_text = split[1]
        self._head = head
        self.eligible: bool = bool(head["eligible"])
        self.amount: Decimal = Decimal(head["amount"])
        self._reasons: list[Reason] = [Reason._from(r) for r in head.get("reasons", [])]

    def _ready(self) -> None:
        if self._compute is not None:
            compute, self._compute = self._compute, None
            self._read(compute())

    @property
    def reasons(self) -> list[Reason]:
        """Every failed check and every cap that bit, worded with the values concerned."""
        self._ready()
        return self._reasons

    @property
    def _data(self) -> dict[str, Any]:  # type: ignore[override]  # decoded whole on demand
        self._ready()
        if self._full is None:
            self._full = json.loads(self._text)
        return self._full

    def to_json(self) -> str:
        """The library's JSON text, byte for byte (deterministic)."""
        self._ready()
        return self._text

    @property
    def receipt(self) -> dict[str, Any]:
        """The receipt (docs/records.md §6), decoded on first use."""
        self._ready()
        if self._receipt is _NOT_DECODED:
            self._receipt = json.loads(self._receipt_text)
        return self._receipt

    @property
    def reason_codes(self) -> list[str]:
        """The codes of ``reasons``, in order."""
        return [r.code for r in self.reasons]

    @property
    def unrounded(self) -> Optional[str]:
        """The exact value before the rounding as ``"numerator/denominator"`` 元, or None."""
        u = self.receipt.get("unrounded")
        return None if u is None else f"{u['numerator']}/{u['denominator']}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(eligible={self.eligible!r}, amount={self.amount!r}, reasons={self.reason_codes!r})"


class Outcome:
    """A rule's answer without its receipt: what ``first_loan_subsidy(...,
    receipt=False)`` and ``receivables_reward(..., receipt=False)`` return.

    Attributes: ``eligible`` (bool), ``amount`` (Decimal, exact to the 分),
    ``amount_fen`` (int), ``reason_bits`` (int, the ``ZJC_REASON_*`` bits),
    ``reasons`` (list of :class:`Reason`: the codes of the JSON result, with
    the library's reason-table sentences, which name no values), and
    ``reason_codes``. The same answer as with the receipt, to the 分.

    There is no receipt: reading ``receipt`` raises AttributeError saying so
    (ask again with ``receipt=True`` for it).
    """

    __slots__ = ("eligible", "amount", "amount_fen", "reason_bits", "_reasons")

    def __init__(self, eligible: bool, fen: int, bits: int) -> None:
        self.eligible: bool = eligible
        self.amount_fen: int = fen
        self.amount: Decimal = _fen_to_decimal(fen)
        self.reason_bits: int = bits
        self._reasons: Optional[list[Reason]] = None

    @property
    def reasons(self) -> list[Reason]:
        """Every reason bit set, from the reason table (made on first read)."""
        if self._reasons is None:
            self._reasons = [Reason(r.code, r.text_zh, r.text_en) for r in reasons_of(self.reason_bits)]
        return self._reasons

    @property
    def reason_codes(self) -> list[str]:
        """The codes of ``reasons``, in bit order."""
        return [r.code for r in self.reasons]

    @property
    def receipt(self) -> dict[str, Any]:
        raise AttributeError("this result was computed with receipt=False and has no receipt; "
                             "call the rule with receipt=True for one")

    def to_dict(self) -> dict[str, Any]:
        """``{eligible, amount, reasons}`` as in the JSON result (amount as
        canonical text), without the receipt."""
        return {"eligible": self.eligible, "amount": f"{self.amount:f}",
                "reasons": [r.to_dict() for r in self.reasons]}

    def __repr__(self) -> str:
        return f"Outcome(eligible={self.eligible!r}, amount={self.amount!r}, reasons={self.reason_codes!r})"


class _OutParameters(threading.local):
    """The light call's three out-parameters, made once per thread (the
    library runs with the GIL released, so threads may not share them)."""

    def __init__(self) -> None:
        self.fen, self.eligible, self.bits = ctypes.c_int64(), ctypes.c_int32(), ctypes.c_uint32()
        self.refs = (ctypes.byref(self.fen), ctypes.byref(self.eligible), ctypes.byref(self.bits))


_out = _OutParameters()


def _outcome(func: Callable[..., int], handle: Any, record: bytes) -> Outcome:
    """Calls a light ``zjc_*_amount`` function."""
    out = _out
    func(handle, record, *out.refs)
    return Outcome(bool(out.eligible.value), out.fen.value, out.bits.value)


def _light_call(func: Callable[..., int], handle: Any, record: RecordLike, what: str) -> tuple[Outcome, bytes]:
    """The light call on ``record`` and the JSON bytes it read. A plain dict
    is first written without the check-only walk (unchecked_record_text);
    when the C reader refuses that text, the record goes again the checked
    way, so that a float or a key that is not a str gets record_text()'s
    error with its JSON path, and any other error is the C reader's, as
    before."""
    fast = unchecked_record_text(record)
    if fast is not None:
        try:
            return _outcome(func, handle, fast), fast
        except Error:
            pass  # said again below, in the words of the checked path
    text = record_text(record, what)
    return _outcome(func, handle, text), text


def _receipt_on_demand(outcome: Outcome, func: Callable[..., int], plan: Optional[Plan],
                       record: bytes) -> RuleResult:
    """The result with its receipt, computed by ``func`` (the full call) on
    the same record and plan when first needed. The light call has already
    answered (and raised any error the record has), and both run the one
    kernel, so the full call gives the same eligibility and amount. The plan
    is looked up again then: a plan closed in between is the usual error,
    never a freed handle."""

    def compute() -> str:
        return _call(func, _plan_handle(plan), record)

    return RuleResult._on_demand(outcome.eligible, outcome.amount, compute)


@dataclass(frozen=True)
class Award:
    """One stage of a listing award, in canonical order."""

    stage: str
    name: str
    date: str
    award: Decimal
    paid: Decimal
    reasons: list[Reason] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Award":
        return cls(d["stage"], d.get("name", ""), d["date"], Decimal(d["award"]), Decimal(d["paid"]),
                   [Reason._from(r) for r in d.get("reasons", [])])

    def to_dict(self) -> dict[str, Any]:
        """``{stage, name, date, award, paid, reasons}`` with amounts as strings."""
        return {"stage": self.stage, "name": self.name, "date": self.date, "award": f"{self.award:f}",
                "paid": f"{self.paid:f}", "reasons": [r.to_dict() for r in self.reasons]}


class ListingResult(RuleResult):
    """The result of 上市奖励: a :class:`RuleResult` plus ``awards`` (list of
    :class:`Award`), ``stage_table_placeholder`` (bool) and ``notices``."""

    __slots__ = ("awards", "stage_table_placeholder", "notices")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        d = self._head
        self.awards: list[Award] = [Award._from(a) for a in d.get("awards", [])]
        self.stage_table_placeholder: bool = bool(d.get("stage_table_placeholder", False))
        self.notices: list[Reason] = [Reason._from(n) for n in d.get("notices", [])]


@dataclass(frozen=True)
class Allocation:
    """One claim's share of a budget."""

    id: str
    claimed: Decimal
    allocated: Decimal

    def to_dict(self) -> dict[str, str]:
        """``{id, claimed, allocated}`` with amounts as strings."""
        return {"id": self.id, "claimed": f"{self.claimed:f}", "allocated": f"{self.allocated:f}"}


class AllocationResult(_JsonResult):
    """A budget split: ``method``, ``budget``, ``claimed`` (the total asked),
    ``amount`` (the total allocated, ``min(budget, claimed)``), ``allocations``
    (list of :class:`Allocation` by claim id) and ``receipt``."""

    __slots__ = ("method", "budget", "claimed", "amount", "allocations", "receipt")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        d = self._data
        self.method: str = d["method"]
        self.budget: Decimal = Decimal(d["budget"])
        self.claimed: Decimal = Decimal(d["claimed"])
        self.amount: Decimal = Decimal(d["amount"])
        self.allocations: list[Allocation] = [
            Allocation(a["id"], Decimal(a["claimed"]), Decimal(a["allocated"])) for a in d.get("allocations", [])
        ]
        self.receipt: dict[str, Any] = d.get("receipt", {})

    def by_id(self) -> dict[str, Decimal]:
        """``{claim id: amount allocated}``."""
        return {a.id: a.allocated for a in self.allocations}

    def __repr__(self) -> str:
        return f"AllocationResult(method={self.method!r}, amount={self.amount!r}, allocations={self.by_id()!r})"


def _receipt_flag(receipt: Any) -> bool:
    if not isinstance(receipt, bool):
        raise TypeError(f"receipt must be True or False, not {type(receipt).__name__}")
    return receipt


def first_loan_subsidy(loan: RecordLike, plan: Optional[Plan] = None, *,
                       receipt: bool = True) -> Union[RuleResult, Outcome]:
    """首贷贴息 for one loan record (docs/records.md §2).

    ``subsidy = round(Σ_days min(balance, cap) × min(rate, 1%) / 360)``, one
    rounding to the 分; an ineligible loan gives ``eligible=False``, amount 0
    and every failed check in ``reasons``.

    With ``receipt=False`` the library computes the same answer without
    writing the receipt and returns an :class:`Outcome` (eligible, amount,
    reasons; no receipt): the fast path for one record at a time. The
    errors are the same either way.
    """
    handle = _plan_handle(plan)
    outcome, text = _light_call(lib.zjc_first_loan_subsidy_amount, handle, loan, "loan")
    if not _receipt_flag(receipt):
        return outcome
    return _receipt_on_demand(outcome, lib.zjc_first_loan_subsidy, plan, text)


def receivables_reward(enterprise: RecordLike, plan: Optional[Plan] = None, *,
                       receipt: bool = True) -> Union[RuleResult, Outcome]:
    """应收账款融资奖励 for one core enterprise and its financings (docs/records.md §3).

    ``receipt=False``: an :class:`Outcome` without the receipt, as for
    :func:`first_loan_subsidy`.
    """
    handle = _plan_handle(plan)
    outcome, text = _light_call(lib.zjc_receivables_reward_amount, handle, enterprise, "enterprise")
    if not _receipt_flag(receipt):
        return outcome
    return _receipt_on_demand(outcome, lib.zjc_receivables_reward, plan, text)


def listing_award(company: RecordLike, plan: Optional[Plan] = None) -> ListingResult:
    """上市奖励 for one company's stages (docs/records.md §4)."""
    handle = _plan_handle(plan)
    return ListingResult(_call(lib.zjc_listing_award, handle, record_text(company, "company")))


ClaimsLike = Union[str, Sequence[Mapping[str, Any]], Mapping[str, AmountLike], Mapping[str, Any]]


def allocate_budget(
    claims: ClaimsLike,
    budget: Optional[AmountLike] = None,
    method: str = "pro_rata",
    plan: Optional[Plan] = None,
) -> AllocationResult:
    """Splits ``budget`` among ``claims`` (docs/records.md §5).

    ``claims`` is a list of ``{"id", "amount"[, "order_key"]}`` dicts, a
    mapping ``{id: amount}``, or the JSON text of such a list. ``method`` is
    ``"pro_rata"`` (largest remainder to the 分, ties by id) or
    ``"first_come_first_served"`` (by ``order_key``, ties by id).

    With ``budget=None``, ``claims`` is instead a whole budget request
    ``{"budget", "method", "claims"}`` (a dict or JSON text); a dict without
    ``"method"`` takes ``method``.

    >>> allocate_budget({"A": "100", "B": "100", "C": "100"}, Decimal("100")).by_id()
    {'A': Decimal('33.34'), 'B': Decimal('33.33'), 'C': Decimal('33.33')}
    """
    if not isinstance(method, str):
        raise TypeError(f"method must be str, not {type(method).__name__}")
    if budget is None:
        if isinstance(claims, str):
            request = encode(claims, "request")
        elif isinstance(claims, Mapping) and "claims" in claims:
            req = dict(claims)
            req.setdefault("method", method)
            request = record_text(req, "request")
        else:
            raise TypeError("budget is required unless claims is a whole budget request {budget, method, claims}")
    else:
        budget_text = amount_text(budget, "budget")
        if isinstance(claims, str):
            claims_text = claims
        elif isinstance(claims, Mapping):
            claims_text = dumps(
                [{"id": k, "amount": amount_text(v, f"claims[{k!r}]")} for k, v in claims.items()], "claims"
            )
        elif is_sequence(claims):
            claims_text = json.dumps(jsonable(list(claims), "claims", "claims"), ensure_ascii=False)
        else:
            raise TypeError(f"claims must be a list, a dict or JSON text, not {type(claims).__name__}")
        text = (
            "{" + f'"budget": {json.dumps(budget_text, ensure_ascii=False)}, '
            f'"method": {json.dumps(method, ensure_ascii=False)}, "claims": {claims_text}' + "}"
        )
        request = encode(text, "request")
    handle = _plan_handle(plan)
    return AllocationResult(_call(lib.zjc_budget_allocate, handle, request))


# ---- assessment -------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """Why a target is not assessable (docs/assessment.md, "Not assessable")."""

    reason: str
    field: str
    message_zh: str
    message_en: str

    def to_dict(self) -> dict[str, str]:
        """``{reason, field, message_zh, message_en}``."""
        return {"reason": self.reason, "field": self.field, "message_zh": self.message_zh, "message_en": self.message_en}


class Verdict:
    """The verdict on one target.

    ``status`` is ``"met"``, ``"not_met"`` or ``"not_assessable"``;
    ``observed``, ``threshold`` and ``margin`` are Decimals in the target's
    ``unit`` (元; a count; percentage points for ``"percent"``) or None;
    ``rates`` and ``explanation`` ({zh, en}) are dicts as in the JSON.
    """

    __slots__ = (
        "_data", "target", "text", "clause", "indicator", "reference_indicator", "group", "unit",
        "comparator", "comparator_word", "baseline", "qualitative", "due", "status", "evaluated_at",
        "figures_as_of", "provisional", "observed", "threshold", "margin", "rates", "problems", "note",
        "explanation",
    )

    def __init__(self, d: Mapping[str, Any]) -> None:
        self._data = d
        self.target: str = d["target"]
        self.text: str = d.get("text", "")
        self.clause: str = d.get("clause", "")
        self.indicator: str = d.get("indicator", "")
        self.reference_indicator: Optional[str] = d.get("reference_indicator")
        self.group: Optional[str] = d.get("group")
        self.unit: str = d.get("unit", "")
        self.comparator: str = d.get("comparator", "")
        self.comparator_word: str = d.get("comparator_word", "")
        self.baseline: str = d.get("baseline", "")
        self.qualitative: bool = bool(d.get("qualitative", False))
        self.due: Optional[str] = d.get("due")
        self.status: str = d["status"]
        self.evaluated_at: Optional[str] = d.get("evaluated_at")
        self.figures_as_of: Optional[str] = d.get("figures_as_of")
        self.provisional: bool = bool(d.get("provisional", False))
        self.observed: Optional[Decimal] = _figure(d.get("observed"))
        self.threshold: Optional[Decimal] = _figure(d.get("threshold"))
        self.margin: Optional[Decimal] = _figure(d.get("margin"))
        self.rates: Optional[dict[str, Any]] = d.get("rates")
        self.problems: list[Problem] = [
            Problem(p["reason"], p.get("field", ""), p.get("message_zh", ""), p.get("message_en", ""))
            for p in d.get("problems", [])
        ]
        self.note: str = d.get("note", "")
        self.explanation: dict[str, str] = d.get("explanation", {})

    @property
    def met(self) -> bool:
        """True when the target is met."""
        return self.status == "met"

    def to_dict(self) -> dict[str, Any]:
        """The verdict as in the assessment JSON (figures as text)."""
        return copy.deepcopy(dict(self._data))

    def __repr__(self) -> str:
        return f"Verdict(target={self.target!r}, status={self.status!r}, observed={self.observed!r}, margin={self.margin!r})"


@dataclass(frozen=True)
class GroupVerdict:
    """Targets reported together ("两增"): met only if every one is met."""

    group: str
    targets: list[str]
    status: str
    explanation: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        """``{group, targets, status, explanation}``."""
        return {"group": self.group, "targets": list(self.targets), "status": self.status,
                "explanation": dict(self.explanation)}


class Assessment(_JsonResult):
    """Verdicts on every target of the plan (docs/assessment.md): ``as_of``,
    ``options``, ``verdicts`` (list of :class:`Verdict` in plan order),
    ``groups`` (list of :class:`GroupVerdict`), ``unused_indicators``."""

    __slots__ = ("schema_version", "as_of", "options", "verdicts", "groups", "unused_indicators")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        d = self._data
        self.schema_version: int = d.get("schema_version", 1)
        self.as_of: Optional[str] = d.get("as_of")
        self.options: dict[str, Any] = d.get("options", {})
        self.verdicts: list[Verdict] = [Verdict(v) for v in d.get("verdicts", [])]
        self.groups: list[GroupVerdict] = [
            GroupVerdict(g["group"], list(g.get("targets", [])), g["status"], g.get("explanation", {}))
            for g in d.get("groups", [])
        ]
        self.unused_indicators: list[str] = list(d.get("unused_indicators", []))

    def find(self, target: str) -> Verdict:
        """The verdict on the target with this id (KeyError if none)."""
        for v in self.verdicts:
            if v.target == target:
                return v
        raise KeyError(target)

    def __iter__(self) -> Iterator[Verdict]:
        return iter(self.verdicts)

    def __len__(self) -> int:
        return len(self.verdicts)

    def __repr__(self) -> str:
        counts: dict[str, int] = {}
        for v in self.verdicts:
            counts[v.status] = counts.get(v.status, 0) + 1
        return f"Assessment(as_of={self.as_of!r}, {counts})"


def assess(observations: RecordLike, plan: Optional[Plan] = None) -> Assessment:
    """Assesses every target of the plan from an observations document
    (docs/assessment.md: ``{"schema_version": 1, "as_of", "observations": [...]}``).

    Figures are strings (``"251亿"``, ``"5.05%"``) or Decimals; a problem with
    the figures is a ``not_assessable`` verdict, not an exception.
    """
    handle = _plan_handle(plan)
    return Assessment(_call(lib.zjc_assess, handle, record_text(observations, "observations")))


# ---- the monthly ledger -----------------------------------------------------------


@dataclass(frozen=True)
class UnitCompliance:
    """One unit's ledger for one month: ``status`` is ``"on_time"``,
    ``"late"`` (by ``days_late`` calendar days) or ``"missing"``."""

    unit: str
    unit_name: str
    status: str
    received: Optional[str]
    days_late: int
    submissions: int
    tasks_not_reported: list[str]

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "UnitCompliance":
        return cls(d["unit"], d.get("unit_name", ""), d["status"], d.get("received"), int(d.get("days_late") or 0),
                   int(d.get("submissions") or 0), list(d.get("tasks_not_reported", [])))

    def to_dict(self) -> dict[str, Any]:
        """As in the compliance JSON."""
        return {"unit": self.unit, "unit_name": self.unit_name, "status": self.status, "received": self.received,
                "days_late": self.days_late, "submissions": self.submissions,
                "tasks_not_reported": list(self.tasks_not_reported)}


class LedgerMonth:
    """The ledger check of one month: its ``due`` day (after any roll to a
    working day), ``counts`` and each filing unit's :class:`UnitCompliance`."""

    __slots__ = ("_data", "month", "named_day", "before_roll", "due", "rolled", "explanation_zh",
                 "explanation_en", "counts", "units", "unexpected_units")

    def __init__(self, d: Mapping[str, Any]) -> None:
        self._data = d
        self.month: str = d["month"]
        self.named_day: Optional[str] = d.get("named_day")
        self.before_roll: Optional[str] = d.get("before_roll")
        self.due: str = d["due"]
        self.rolled: bool = bool(d.get("rolled", False))
        self.explanation_zh: str = d.get("explanation_zh", "")
        self.explanation_en: str = d.get("explanation_en", "")
        self.counts: dict[str, int] = d.get("counts", {})
        self.units: list[UnitCompliance] = [UnitCompliance._from(u) for u in d.get("units", [])]
        self.unexpected_units: list[Any] = list(d.get("unexpected_units", []))

    def unit(self, unit_id: str) -> UnitCompliance:
        """The row of the unit with this id (KeyError if none)."""
        for u in self.units:
            if u.unit == unit_id:
                return u
        raise KeyError(unit_id)

    def to_dict(self) -> dict[str, Any]:
        """As in the compliance JSON."""
        return copy.deepcopy(dict(self._data))

    def __repr__(self) -> str:
        return f"LedgerMonth(month={self.month!r}, due={self.due!r}, counts={self.counts!r})"


class LedgerCheck(_JsonResult):
    """The 工作台账 compliance of a month (docs/ledger.md): ``rule`` (the
    deadline rule as read, with ``zh``/``en``), ``counts``, ``all_on_time``,
    ``months`` (list of :class:`LedgerMonth`), ``units`` (per-unit totals)
    and ``liaison`` (the liaison-form check, or None when no form was given)."""

    __slots__ = ("first", "last", "rule", "counts", "all_on_time", "months", "units", "liaison")

    def __init__(self, text: str) -> None:
        super().__init__(text)
        d = self._data
        self.first: str = d["first"]
        self.last: str = d["last"]
        self.rule: dict[str, Any] = d.get("rule", {})
        self.counts: dict[str, int] = d.get("counts", {})
        self.all_on_time: bool = bool(d.get("all_on_time", False))
        self.months: list[LedgerMonth] = [LedgerMonth(m) for m in d.get("months", [])]
        self.units: list[dict[str, Any]] = d.get("units", [])
        self.liaison: Optional[dict[str, Any]] = d.get("liaison")

    def __repr__(self) -> str:
        return f"LedgerCheck(first={self.first!r}, last={self.last!r}, counts={self.counts!r})"


LedgerLike = Union[str, Mapping[str, Any], Sequence[Mapping[str, Any]]]


def _month_text(month: Union[str, datetime.date]) -> str:
    if isinstance(month, datetime.datetime):
        raise TypeError("month must be a str such as \"2022-09\" or a datetime.date, not a datetime")
    if isinstance(month, datetime.date):
        return f"{month.year:04d}-{month.month:02d}"
    if isinstance(month, str):
        return month
    raise TypeError(f"month must be a str such as \"2022-09\" or a datetime.date, not {type(month).__name__}")


def check_ledger(
    submissions: LedgerLike,
    month: Union[str, datetime.date],
    plan: Optional[Plan] = None,
) -> LedgerCheck:
    """Checks the monthly 工作台账 of ``month`` (``"2022-09"`` or a date in
    that month) against the plan's deadline rule (每月25日前, rolled to the
    next working day).

    ``submissions`` is a ledger document (docs/ledger.md: a dict or JSON text
    with ``schema_version``, ``kind``, ``submissions`` and optional
    ``liaison_forms``) or just the list of submissions (a list, or JSON text
    of one), which is wrapped in a document.
    """
    ledger: bytes
    header = '{"schema_version": 1, "kind": "zjcredit.ledger", "submissions": '
    if isinstance(submissions, str):
        if submissions.lstrip().startswith("["):
            ledger = encode(header + submissions + "}", "ledger")
        else:
            ledger = encode(submissions, "ledger")
    elif isinstance(submissions, Mapping):
        ledger = record_text(submissions, "ledger")
    elif is_sequence(submissions):
        ledger = encode(header + json.dumps(jsonable(list(submissions), "submissions", "submissions"),
                                            ensure_ascii=False) + "}", "ledger")
    else:
        raise TypeError(f"submissions must be a ledger document, a list of submissions or JSON text, "
                        f"not {type(submissions).__name__}")
    m = encode(_month_text(month), "month")
    handle = _plan_handle(plan)
    return LedgerCheck(_call(lib.zjc_ledger_check, handle, ledger, m))
