"""The batch path (zjcredit.batch) against the one-at-a-time dict path.

Loans and enterprises are generated with a fixed seed: eligible and
ineligible rows, balances around the cap, every validation error a record
can carry, and rows no record can express (unknown kind codes and flag bits,
day numbers outside 1400..9999, -2^63 分). Every row of the batch — given as
array.array and as numpy arrays — must equal first_loan_subsidy(record) /
receivables_reward(record): status and error class, amount, eligibility,
reasons; its receipt must be the same JSON text. Then the argument checks
(wrong item types: TypeError; lengths and offsets that do not fit:
ValueError) and the pandas helpers.
"""

from __future__ import annotations

import datetime
import random
import re
from array import array
from decimal import Decimal
from typing import Any, Optional

import pytest

import zjcredit
from zjcredit import batch
from helpers import loan, plan_with

EPOCH = datetime.date(1970, 1, 1)
FIRST_DAY, LAST_DAY = -208188, 2932896  # 1400-01-01, 9999-12-31
D_2022_01_01, D_2022_04_01, D_2022_06_30, D_2023_06_30 = 18993, 19083, 19173, 19538
INT64_MIN = -(2**63)
KINDS = ["small", "micro", "individual_business"]
STATUS = zjcredit.STATUS


def iso(day: int) -> str:
    return (EPOCH + datetime.timedelta(days=day)).isoformat()


def fen_text(fen: int) -> str:
    return format(Decimal(fen).scaleb(-2), "f")


# ---- generated data -------------------------------------------------------------------


class Loans:
    """Plain lists of the columns, and per loan whether a record can say it."""

    def __init__(self, n: int, seed: int) -> None:
        rnd = random.Random(seed)
        ch = lambda p: rnd.random() < p  # noqa: E731
        self.kind: list[int] = []
        self.app: list[int] = []
        self.flags: list[int] = []
        self.rate: list[int] = []
        self.pf: list[int] = []
        self.pt: list[int] = []
        self.offsets = [0]
        self.rfrom: list[int] = []
        self.rto: list[int] = []
        self.bal: list[int] = []
        self.recordable: list[bool] = []
        for _ in range(n):
            ok = True
            kind = 2 if ch(0.15) else rnd.randint(0, 1)
            if ch(0.02):
                kind, ok = rnd.randint(3, 255), False
            app = rnd.randint(D_2022_04_01, D_2022_06_30) if ch(0.85) else rnd.randint(D_2022_01_01, 19400)
            if ch(0.01):
                app, ok = rnd.choice([FIRST_DAY - 1, LAST_DAY + 1]), False
            flags = 7 if ch(0.7) else rnd.randint(0, 7)
            if ch(0.01):
                flags, ok = flags | (8 << rnd.randint(0, 4)), False
            rate = rnd.choice([435_000_000, 50_000_000, 100_000_000, rnd.randint(1, 9_999_999_999)])
            if ch(0.015):
                rate = rnd.choice([0, 10_000_000_000])
            ranges = 0 if ch(0.01) else rnd.randint(1, 12)
            day = rnd.randint(D_2022_04_01 - 40, D_2022_04_01 + 20)
            first = len(self.rfrom)
            for j in range(ranges):
                f, t = day, day + rnd.randint(1, 60) - 1
                b = rnd.choice([0, 1_000_000_000, rnd.randint(1_000_000_001, 900_000_000_000), rnd.randint(1, 999),
                                rnd.randint(1, 1_000_000_000), rnd.randint(1, 1_000_000_000)])
                if ch(0.008):
                    b = -rnd.randint(1, 1000)
                if ch(0.005):
                    t = f - 1
                if j and ch(0.008):
                    f = self.rto[-1]
                if ch(0.004):
                    b, ok = INT64_MIN, False
                self.rfrom.append(f)
                self.rto.append(t)
                self.bal.append(b)
                day = t + 1 + (3 if ch(0.05) else 0)
            if ranges:
                pf = self.rfrom[first] + rnd.randint(0, 10)
                pt = max(pf, self.rto[-1] - rnd.randint(0, 10))
            else:
                pf, pt = D_2022_04_01, D_2022_06_30
            if ch(0.01):
                pf, pt = pt + 1, pf
            if ch(0.01):
                pt += 100
            self.kind.append(kind)
            self.app.append(app)
            self.flags.append(flags)
            self.rate.append(rate)
            self.pf.append(pf)
            self.pt.append(pt)
            self.offsets.append(len(self.rfrom))
            self.recordable.append(ok)

    def __len__(self) -> int:
        return len(self.kind)

    def record(self, i: int) -> dict[str, Any]:
        b, e = self.offsets[i], self.offsets[i + 1]
        return {
            "borrower": f"loans[{i}]",
            "borrower_kind": KINDS[self.kind[i]],
            "first_application_date": iso(self.app[i]),
            "via_platform": bool(self.flags[i] & 1),
            "local_legal_person_lender": bool(self.flags[i] & 2),
            "first_loan": bool(self.flags[i] & 4),
            "annual_rate": format(Decimal(self.rate[i]).scaleb(-10), "f"),
            "balances": [{"from": iso(self.rfrom[k]), "to": iso(self.rto[k]), "balance": fen_text(self.bal[k])}
                         for k in range(b, e)],
            "period": {"from": iso(self.pf[i]), "to": iso(self.pt[i])},
        }

    def arrays(self) -> list[array]:
        return [array("B", self.kind), array("i", self.app), array("B", self.flags), array("q", self.rate),
                array("i", self.pf), array("i", self.pt), array("q", self.offsets), array("i", self.rfrom),
                array("i", self.rto), array("q", self.bal)]

    def numpy(self) -> list[Any]:
        np = pytest.importorskip("numpy")
        return [np.array(self.kind, np.uint8), np.array(self.app, np.int32), np.array(self.flags, np.uint8),
                np.array(self.rate, np.int64), np.array(self.pf, np.int32), np.array(self.pt, np.int32),
                np.array(self.offsets, np.int64), np.array(self.rfrom, np.int32), np.array(self.rto, np.int32),
                np.array(self.bal, np.int64)]


class Enterprises:
    def __init__(self, n: int, seed: int) -> None:
        rnd = random.Random(seed)
        ch = lambda p: rnd.random() < p  # noqa: E731
        self.offsets = [0]
        self.amount: list[int] = []
        self.start: list[int] = []
        self.end: list[int] = []
        self.days: list[int] = []
        self.flags: list[int] = []
        self.recordable: list[bool] = []
        for _ in range(n):
            ok = True
            for _ in range(rnd.randint(0, 6)):
                amount = rnd.randint(1, 999) if ch(0.1) else rnd.randint(100_000, 2_000_000_000)
                if ch(0.01):
                    amount = -rnd.randint(0, 100)
                if ch(0.004):
                    amount, ok = INT64_MIN, False
                start = rnd.randint(D_2022_01_01, D_2023_06_30) if ch(0.8) else rnd.randint(18800, 19700)
                flags = batch.FINANCING_CONFIRMED if ch(0.85) else 0
                end, days = 0x7F7F7F7F, -99999  # never read where the bit is unset
                if ch(0.5):
                    flags |= batch.FINANCING_HAS_END
                    end = start + (rnd.randint(1, 400) if not ch(0.02) else -rnd.randint(0, 3))
                else:
                    flags |= batch.FINANCING_HAS_DAYS
                    days = rnd.randint(1, 400) if not ch(0.02) else rnd.randint(-2, 0)
                if ch(0.015):  # both or neither
                    if flags & batch.FINANCING_HAS_END:
                        flags |= batch.FINANCING_HAS_DAYS
                        days = rnd.randint(1, 400)
                    else:
                        flags &= ~batch.FINANCING_HAS_DAYS
                if ch(0.005):
                    flags, ok = flags | 0x40, False
                self.amount.append(amount)
                self.start.append(start)
                self.end.append(end)
                self.days.append(days)
                self.flags.append(flags)
            self.offsets.append(len(self.amount))
            self.recordable.append(ok)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def record(self, i: int) -> dict[str, Any]:
        fins = []
        for k in range(self.offsets[i], self.offsets[i + 1]):
            f: dict[str, Any] = {"sme": f"financings[{k}]", "amount": fen_text(self.amount[k]),
                                 "start": iso(self.start[k])}
            if self.flags[k] & batch.FINANCING_HAS_END:
                f["end"] = iso(self.end[k])
            if self.flags[k] & batch.FINANCING_HAS_DAYS:
                f["days"] = self.days[k]
            f["confirmed_on_platform"] = bool(self.flags[k] & batch.FINANCING_CONFIRMED)
            fins.append(f)
        return {"core_enterprise": f"enterprises[{i}]", "financings": fins}

    def arrays(self) -> list[array]:
        return [array("q", self.offsets), array("q", self.amount), array("i", self.start), array("i", self.end),
                array("q", self.days), array("B", self.flags)]


LOANS = Loans(240, seed=20220401)
ENTERPRISES = Enterprises(180, seed=20230630)


@pytest.fixture(scope="module", params=["default", "capped"])
def plan(request: Any) -> Optional[zjcredit.Plan]:
    if request.param == "default":
        return None
    p = plan_with("first_loan_subsidy", {"balance_cap": "3000000.00", "max_subsidy_days": 45,
                                         "per_borrower_cap": "1500.00", "budget": "1400.00",
                                         "rounding": "half_even"})
    doc = p.to_json()
    doc = doc.replace('"straddle": "full_if_start_in_window"', '"straddle": "days_in_window"')
    doc = doc.replace('"reward_rate": "1%",', '"reward_rate": "1%", "per_enterprise_cap": "30000.00",', 1)
    return zjcredit.Plan.from_json(doc)


def bits_of(codes: list[str]) -> int:
    out = 0
    for c in codes:
        out |= batch.REASON_BITS[c]
    return out


_EXPECTED: dict[tuple[str, int, int], Any] = {}


def expected_for(one: Any, data: Any, i: int, plan: Optional[zjcredit.Plan]) -> Any:
    """one(record i, plan), or the error it raises; computed once per plan (the
    JSON path with its receipt is the slow part of this file)."""
    key = (one.__name__, id(plan), i)
    if key not in _EXPECTED:
        try:
            _EXPECTED[key] = one(data.record(i), plan)
        except zjcredit.Error as e:
            _EXPECTED[key] = e
    return _EXPECTED[key]


def check_rows(result: Any, data: Any, one: Any, plan: Optional[zjcredit.Plan]) -> dict[str, int]:
    """Row by row against the dict path; returns counts of what was covered."""
    seen = {"eligible": 0, "ineligible": 0, "error": 0, "recordless": 0}
    for i in range(len(data)):
        status = int(result.status[i])
        if not data.recordable[i]:
            seen["recordless"] += 1
            assert status in (STATUS["ZJC_EVALIDATION"], STATUS["ZJC_EOVERFLOW"]), i
            with pytest.raises(zjcredit.Error) as info:
                result.receipt(i)
            assert info.value.code == status
            continue
        expected = expected_for(one, data, i, plan)
        if isinstance(expected, zjcredit.Error):
            e = expected
            seen["error"] += 1
            assert status == e.code, (i, e)
            assert int(result.amount[i]) == 0 and int(result.eligible[i]) == 0 and int(result.reasons[i]) == 0
            with pytest.raises(type(e)):
                result.receipt(i)
            continue
        assert status == 0, (i, result.status_name(i))
        assert result.amount_decimal(i) == expected.amount, i
        assert bool(result.eligible[i]) is expected.eligible, i
        assert int(result.reasons[i]) == bits_of(expected.reason_codes), i
        assert set(result.reason_codes(i)) == set(expected.reason_codes)
        seen["eligible" if expected.eligible else "ineligible"] += 1
    return seen


# ---- loans --------------------------------------------------------------------------------


def test_subsidy_batch_equals_the_dict_path_with_array_inputs(plan: Optional[zjcredit.Plan]) -> None:
    r = zjcredit.first_loan_subsidy_batch(*LOANS.arrays(), plan=plan)
    assert isinstance(r, zjcredit.SubsidyBatch) and len(r) == len(LOANS)
    seen = check_rows(r, LOANS, zjcredit.first_loan_subsidy, plan)
    assert seen["eligible"] > 20 and seen["ineligible"] > 20 and seen["error"] > 10 and seen["recordless"] > 3, seen
    c = r.counts()
    assert c["rows"] == len(LOANS) and c["ok"] + c["errors"] == c["rows"]
    assert r.total() == sum(r.amounts())


def test_subsidy_batch_with_numpy_inputs_equals_array_inputs(plan: Optional[zjcredit.Plan]) -> None:
    np = pytest.importorskip("numpy")
    a = zjcredit.first_loan_subsidy_batch(*LOANS.arrays(), plan=plan)
    b = zjcredit.first_loan_subsidy_batch(*LOANS.numpy(), plan=plan)
    for name, dtype in (("amount", np.int64), ("status", np.int32), ("eligible", np.uint8), ("reasons", np.uint32)):
        x, y = getattr(a, name), getattr(b, name)
        assert isinstance(y, np.ndarray) and y.dtype == dtype and y.shape == (len(LOANS),)
        assert np.array_equal(x, y), name
    # int8 codes (array('b'), numpy.int8) read the same
    cols = LOANS.numpy()
    cols[0] = cols[0].astype(np.int8)
    cols[2] = array("b", [f - 256 if f > 127 else f for f in LOANS.flags])
    c = zjcredit.first_loan_subsidy_batch(*cols, plan=plan)
    assert np.array_equal(c.amount, b.amount) and np.array_equal(c.status, b.status)


def test_subsidy_receipts_are_the_dict_path_text(plan: Optional[zjcredit.Plan]) -> None:
    r = zjcredit.first_loan_subsidy_batch(*LOANS.arrays(), plan=plan)
    checked = 0
    for i in range(0, len(LOANS), 7):
        if not LOANS.recordable[i] or r.status[i] != 0:
            continue
        assert r.receipt(i).to_json() == zjcredit.first_loan_subsidy(LOANS.record(i), plan).to_json()
        checked += 1
    assert checked > 10
    i = next(i for i in range(len(LOANS)) if r.status[i] == 0)
    named = r.receipt(i, name="湛江市甲科技有限公司")
    record = dict(LOANS.record(i), borrower="湛江市甲科技有限公司")
    assert named.to_json() == zjcredit.first_loan_subsidy(record, plan).to_json()
    with pytest.raises(IndexError):
        r.receipt(len(LOANS))
    with pytest.raises(TypeError):
        r.receipt("1")  # type: ignore[arg-type]


def test_results_without_numpy_are_arrays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "_NUMPY", None)
    monkeypatch.setattr(batch, "_NUMPY_TRIED", True)
    r = zjcredit.first_loan_subsidy_batch(*LOANS.arrays())
    assert isinstance(r.amount, array) and r.amount.typecode == "q"
    assert isinstance(r.status, array) and r.status.typecode == "i"
    assert r.eligible.typecode == "B" and r.reasons.typecode == "I"
    # read-only buffers are copied once when numpy is absent
    cols: list[Any] = LOANS.arrays()
    cols[0] = bytes(LOANS.kind)
    cols[3] = memoryview(array("q", LOANS.rate)).toreadonly()
    r2 = zjcredit.first_loan_subsidy_batch(*cols)
    assert r2.amount == r.amount and r2.status == r.status
    assert r.counts() == r2.counts()
    assert "SubsidyBatch(rows=240" in repr(r)


def test_read_only_numpy_inputs() -> None:
    np = pytest.importorskip("numpy")
    cols = LOANS.numpy()
    for c in cols:
        c.flags.writeable = False
    r = zjcredit.first_loan_subsidy_batch(*cols)
    assert np.array_equal(r.amount, zjcredit.first_loan_subsidy_batch(*LOANS.arrays()).amount)


def test_a_pandas_series_is_taken_as_its_array() -> None:
    pd = pytest.importorskip("pandas")
    cols: list[Any] = LOANS.numpy()
    cols[3] = pd.Series(cols[3])
    r = zjcredit.first_loan_subsidy_batch(*cols)
    assert list(r.amount) == list(zjcredit.first_loan_subsidy_batch(*LOANS.arrays()).amount)


def test_the_arrays_are_not_held_after_the_call() -> None:
    cols = LOANS.arrays()
    r = zjcredit.first_loan_subsidy_batch(*cols)
    cols[0].append(0)  # an array.array still exporting its buffer could not grow
    cols[0].pop()
    assert len(r) == len(LOANS)


def test_empty_batch() -> None:
    empty = [array(t) for t in ("B", "i", "B", "q", "i", "i", "q", "i", "i", "q")]
    r = zjcredit.first_loan_subsidy_batch(*empty)
    assert len(r) == 0 and r.total() == Decimal("0.00")
    empty[6] = array("q", [0])
    assert len(zjcredit.first_loan_subsidy_batch(*empty)) == 0
    r2 = zjcredit.receivables_reward_batch(array("q"), array("q"), array("i"), None, None, array("B"))
    assert len(r2) == 0 and len(r2.financing_reasons) == 0


# ---- argument checks -------------------------------------------------------------------------


@pytest.mark.parametrize("index, bad", [
    (0, array("i", [0])),          # int32 for a byte column
    (1, array("q", [19083])),      # int64 for an int32 column
    (3, array("i", [435000000])),  # int32 for an int64 column
    (3, array("d", [0.0435])),     # float
    (3, array("Q", [1])),          # unsigned 64-bit
    (9, [100]),                    # a list: no buffer
    (9, "100"),
    (9, None),
])
def test_wrong_item_types_are_type_errors(index: int, bad: Any) -> None:
    cols: list[Any] = Loans(1, seed=1).arrays()
    cols[index] = bad
    with pytest.raises(TypeError):
        zjcredit.first_loan_subsidy_batch(*cols)


def test_wrong_numpy_dtypes_are_type_errors() -> None:
    np = pytest.importorskip("numpy")
    for index, dtype in ((3, np.float64), (3, np.int32), (3, ">i8"), (1, np.int64), (0, np.uint16),
                         (0, np.bool_), (9, np.uint64)):
        cols = LOANS.numpy()
        cols[index] = cols[index].astype(dtype)
        with pytest.raises(TypeError, match=["borrower_kind", "first_application", "flags", "annual_rate", "",
                                             "", "", "", "", "range_balance"][index]):
            zjcredit.first_loan_subsidy_batch(*cols)


def test_mismatched_lengths_are_value_errors() -> None:
    base = LOANS.arrays()
    for index in (1, 2, 3, 4, 5):  # a per-loan column one short
        cols = list(base)
        cols[index] = cols[index][:-1]
        with pytest.raises(ValueError, match="entries"):
            zjcredit.first_loan_subsidy_batch(*cols)
    cols = list(base)
    cols[6] = cols[6][:-1]  # offsets
    with pytest.raises(ValueError, match="offsets"):
        zjcredit.first_loan_subsidy_batch(*cols)
    cols = list(base)
    cols[8] = cols[8][:-1]  # range_to shorter than range_from
    with pytest.raises(ValueError, match="range_to"):
        zjcredit.first_loan_subsidy_batch(*cols)
    cols = list(base)  # all range columns shorter than the offsets say
    cols[7], cols[8], cols[9] = cols[7][:-1], cols[8][:-1], cols[9][:-1]
    with pytest.raises(ValueError, match="range_count"):
        zjcredit.first_loan_subsidy_batch(*cols)


def test_bad_offsets_are_value_errors() -> None:
    cols = LOANS.arrays()
    cols[6] = array("q", LOANS.offsets)
    cols[6][5] = cols[6][4] - 1
    with pytest.raises(ValueError, match="must not decrease"):
        zjcredit.first_loan_subsidy_batch(*cols)
    cols[6] = array("q", LOANS.offsets)
    cols[6][0] = -1
    with pytest.raises(ValueError, match="negative"):
        zjcredit.first_loan_subsidy_batch(*cols)


def test_layouts_that_are_value_errors() -> None:
    np = pytest.importorskip("numpy")
    cols = LOANS.numpy()
    cols[3] = np.repeat(cols[3], 2)[::2]  # strided
    with pytest.raises(ValueError, match="contiguous"):
        zjcredit.first_loan_subsidy_batch(*cols)
    cols = LOANS.numpy()
    cols[3] = cols[3].reshape(-1, 1)
    with pytest.raises(ValueError, match="one-dimensional"):
        zjcredit.first_loan_subsidy_batch(*cols)


def test_plan_must_be_a_plan() -> None:
    with pytest.raises(TypeError):
        zjcredit.first_loan_subsidy_batch(*LOANS.arrays(), plan="2022")  # type: ignore[arg-type]


# ---- enterprises ------------------------------------------------------------------------------


def test_reward_batch_equals_the_dict_path(plan: Optional[zjcredit.Plan]) -> None:
    r = zjcredit.receivables_reward_batch(*ENTERPRISES.arrays(), plan=plan)
    assert isinstance(r, zjcredit.RewardBatch) and len(r) == len(ENTERPRISES)
    seen = check_rows(r, ENTERPRISES, zjcredit.receivables_reward, plan)
    assert seen["eligible"] > 20 and seen["ineligible"] > 10 and seen["error"] > 5 and seen["recordless"] > 1, seen
    per_financing = batch.REASON_BITS["financing_not_confirmed"] | batch.REASON_BITS["financing_outside_window"] | \
        batch.REASON_BITS["financing_straddles_window_end"] | batch.REASON_BITS["financing_days_truncated"]
    for i in range(len(ENTERPRISES)):
        bits = 0
        for k in range(ENTERPRISES.offsets[i], ENTERPRISES.offsets[i + 1]):
            bits |= int(r.financing_reasons[k])
        assert bits == int(r.reasons[i]) & per_financing, i
    for i in range(0, len(ENTERPRISES), 9):
        if ENTERPRISES.recordable[i] and r.status[i] == 0:
            assert r.receipt(i).to_json() == zjcredit.receivables_reward(ENTERPRISES.record(i), plan).to_json()


def test_reward_batch_with_numpy_inputs() -> None:
    np = pytest.importorskip("numpy")
    e = ENTERPRISES
    a = zjcredit.receivables_reward_batch(*e.arrays())
    b = zjcredit.receivables_reward_batch(np.array(e.offsets, np.int64), np.array(e.amount, np.int64),
                                          np.array(e.start, np.int32), np.array(e.end, np.int32),
                                          np.array(e.days, np.int64), np.array(e.flags, np.uint8))
    assert np.array_equal(a.amount, b.amount) and np.array_equal(a.financing_reasons, b.financing_reasons)


def test_reward_optional_columns() -> None:
    e = ENTERPRISES
    cols: list[Any] = e.arrays()
    cols[3] = None  # no end column, but financings have HAS_END
    with pytest.raises(ValueError, match="end"):
        zjcredit.receivables_reward_batch(*cols)
    # only the financings with days: the end column may be left out
    only_days = array("B", [(f & ~batch.FINANCING_HAS_END) | batch.FINANCING_HAS_DAYS for f in e.flags])
    days = array("q", [d if d > 0 else 30 for d in e.days])
    r = zjcredit.receivables_reward_batch(cols[0], cols[1], cols[2], None, days, only_days)
    assert r.counts()["ok"] > 0
    with pytest.raises(TypeError):
        zjcredit.receivables_reward_batch(cols[0], cols[1], cols[2], None, days)  # flags missing
    with pytest.raises(ValueError, match="days"):
        zjcredit.receivables_reward_batch(cols[0], cols[1], cols[2], None, days[:-1], only_days)
    with pytest.raises(TypeError, match="start"):
        zjcredit.receivables_reward_batch(cols[0], cols[1], array("q", e.start), None, days, only_days)


# ---- the constants are the header's ---------------------------------------------------------------


def test_constants_match_the_header(header_text: str) -> None:
    defined = {m[1]: int(m[2], 0) for m in re.finditer(r"^#define\s+(ZJC_\w+)\s+(0x[0-9A-Fa-f]+|\d+)u?\b",
                                                          header_text, re.M)}
    assert {f"ZJC_REASON_{code.upper()}": bit for code, bit in batch.REASON_BITS.items()} == \
        {k: v for k, v in defined.items() if k.startswith("ZJC_REASON_")}
    assert {f"ZJC_KIND_{k.upper()}": v for k, v in batch.KIND_CODES.items()} == \
        {k: v for k, v in defined.items() if k.startswith("ZJC_KIND_")}
    for name in ("LOAN_VIA_PLATFORM", "LOAN_LOCAL_LEGAL_PERSON_LENDER", "LOAN_FIRST_LOAN", "FINANCING_CONFIRMED",
                 "FINANCING_HAS_END", "FINANCING_HAS_DAYS"):
        assert getattr(batch, name) == defined["ZJC_" + name]
    for name in ("LOAN_COLUMNS", "SUBSIDY_OUTPUTS", "FINANCING_COLUMNS", "REWARD_OUTPUTS"):
        assert getattr(batch, f"_{name}_VERSION") == defined[f"ZJC_{name}_VERSION"]
    assert batch.reason_codes(0x14) == ["not_via_platform", "not_first_loan"]


# ---- pandas ---------------------------------------------------------------------------------------


def loans_frame(data: Loans, interleave: bool) -> Any:
    """One row per balance range (loans without ranges left out), with dates,
    names and exact text where a person would have them."""
    pd = pytest.importorskip("pandas")
    rows = []
    for i in range(len(data)):
        if not data.recordable[i]:
            continue
        rec = data.record(i)
        for k, b in enumerate(rec["balances"]):
            rows.append({"loan_id": f"L{i:04d}", "seq": k, "borrower_kind": rec["borrower_kind"],
                         "first_application_date": datetime.date.fromisoformat(rec["first_application_date"]),
                         "via_platform": rec["via_platform"],
                         "local_legal_person_lender": rec["local_legal_person_lender"],
                         "first_loan": rec["first_loan"], "annual_rate": rec["annual_rate"],
                         "period_from": rec["period"]["from"], "period_to": rec["period"]["to"],
                         "range_from": pd.Timestamp(b["from"]), "range_to": pd.Timestamp(b["to"]),
                         "balance": Decimal(b["balance"])})
    df = pd.DataFrame(rows)
    if interleave:  # loans mixed, each loan's ranges still in order
        df = df.sample(frac=1.0, random_state=7).sort_values("seq", kind="stable").reset_index(drop=True)
    return df


def test_subsidy_frame(plan: Optional[zjcredit.Plan]) -> None:
    pytest.importorskip("pandas")
    df = loans_frame(LOANS, interleave=True)
    out = zjcredit.subsidy_frame(df, plan)
    assert out.index.name == "loan_id"
    assert list(out.columns) == ["amount", "amount_fen", "eligible", "status", "reasons", "reason_zh", "error"]
    assert len(out) == df["loan_id"].nunique()
    # row by row equal to the columns' batch, itself equal to the dict path (above)
    direct = zjcredit.first_loan_subsidy_batch(*LOANS.arrays(), plan=plan)
    rows = [int(loan_id[1:]) for loan_id in out.index]
    assert out["amount_fen"].tolist() == [int(direct.amount[i]) for i in rows]
    assert out["status"].tolist() == [int(direct.status[i]) for i in rows]
    assert out["eligible"].tolist() == [bool(direct.eligible[i]) for i in rows]
    assert out["reasons"].tolist() == [int(direct.reasons[i]) for i in rows]
    assert out["amount"].tolist() == [direct.amount_decimal(i) for i in rows]
    assert sum(out["status"] == 0) > 100
    for loan_id, row in out.iloc[::25].iterrows():  # and a sample through the dict path
        expected = expected_for(zjcredit.first_loan_subsidy, LOANS, int(loan_id[1:]), plan)
        if isinstance(expected, zjcredit.Error):
            assert row["status"] == expected.code
        else:
            assert row["amount"] == expected.amount and row["eligible"] == expected.eligible
    result = out.attrs["batch"]
    j = next(j for j in range(len(out)) if out["status"].iloc[j] == 0)
    loan_id = out.index[j]
    assert result.receipt(j, name=loan_id).amount == out["amount"].iloc[j]


def test_subsidy_frame_with_integer_columns() -> None:
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    df = loans_frame(LOANS, interleave=False)
    as_ints = df.copy()
    as_ints["borrower_kind"] = df["borrower_kind"].map(batch.KIND_CODES).astype(np.uint8)
    as_ints["annual_rate"] = [int(Decimal(r).scaleb(10)) for r in df["annual_rate"]]
    as_ints["balance"] = [int(b * 100) for b in df["balance"]]
    for c in ("first_application_date", "period_from", "period_to", "range_from", "range_to"):
        as_ints[c] = (pd.to_datetime(df[c]).to_numpy().astype("datetime64[D]").astype(np.int64)).astype(np.int32)
    a = zjcredit.subsidy_frame(df)
    b = zjcredit.subsidy_frame(as_ints)
    assert a["amount_fen"].tolist() == b["amount_fen"].tolist()
    assert a["status"].tolist() == b["status"].tolist()


def test_subsidy_frame_refusals() -> None:
    pytest.importorskip("pandas")
    df = loans_frame(LOANS, interleave=False)
    bad = df.copy()
    bad["balance"] = [float(b) for b in df["balance"]]
    with pytest.raises(TypeError, match="float"):
        zjcredit.subsidy_frame(bad)
    bad = df.copy()
    bad.loc[1, "annual_rate"] = "9%"  # differs within loan L0000's rows
    assert bad.loc[0, "loan_id"] == bad.loc[1, "loan_id"]
    with pytest.raises(ValueError, match="annual_rate"):
        zjcredit.subsidy_frame(bad)
    with pytest.raises(ValueError, match="balance"):
        zjcredit.subsidy_frame(df.drop(columns=["balance"]))
    bad = df.copy()
    bad["borrower_kind"] = "huge"
    with pytest.raises(ValueError, match="huge"):
        zjcredit.subsidy_frame(bad)


def test_reward_frame(plan: Optional[zjcredit.Plan]) -> None:
    pd = pytest.importorskip("pandas")
    e = ENTERPRISES
    rows = []
    for i in range(len(e)):
        if not e.recordable[i]:
            continue
        for f in e.record(i)["financings"]:
            rows.append({"enterprise_id": i, "amount": f["amount"], "start": f["start"], "end": f.get("end"),
                         "days": f.get("days"), "confirmed_on_platform": f["confirmed_on_platform"]})
    df = pd.DataFrame(rows)
    df["days"] = df["days"].astype("Int64")
    out = zjcredit.reward_frame(df, plan)
    assert len(out) == df["enterprise_id"].nunique()
    direct = zjcredit.receivables_reward_batch(*e.arrays(), plan=plan)
    rows = out.index.tolist()
    assert out["amount_fen"].tolist() == [int(direct.amount[i]) for i in rows]
    assert out["status"].tolist() == [int(direct.status[i]) for i in rows]
    assert out["reasons"].tolist() == [int(direct.reasons[i]) for i in rows]
    assert sum(out["status"] == 0) > 100
    for i, row in out.iloc[::20].iterrows():
        expected = expected_for(zjcredit.receivables_reward, e, i, plan)
        if isinstance(expected, zjcredit.Error):
            assert row["status"] == expected.code
        else:
            assert row["amount"] == expected.amount and row["reasons"] == bits_of(expected.reason_codes)
    bad = df.copy()
    bad["days"] = bad["days"].astype("float64")
    with pytest.raises(TypeError, match="Int64"):
        zjcredit.reward_frame(bad)


# ---- dates in frames: the library's grammar ------------------------------------------------

#: Texts and the day numbers worked by hand (2022-01-01 is day 18993: 52
#: years of 365 days and 13 leap days since 1970; April 1st is 31+28+31 days on).
DATES_ACCEPTED = {
    "2022-04-01": (19083, datetime.date(2022, 4, 1)),
    "2022/4/1": (19083, datetime.date(2022, 4, 1)),
    "2022年4月1日": (19083, datetime.date(2022, 4, 1)),
    "２０２２－０４－０１": (19083, datetime.date(2022, 4, 1)),  # full width
    " 2022-4-1\t": (19083, datetime.date(2022, 4, 1)),  # spaces and tabs around are trimmed
    "2024-02-29": (19782, datetime.date(2024, 2, 29)),  # 2024-01-01 is 18993 + 2 × 365, then 31 + 28
    "1970-01-01": (0, datetime.date(1970, 1, 1)),
    "1969-12-31": (-1, datetime.date(1969, 12, 31)),
    "1400-01-01": (FIRST_DAY, datetime.date(1400, 1, 1)),
    "9999-12-31": (LAST_DAY, datetime.date(9999, 12, 31)),
}

#: Texts the library refuses, with its message (field "date"), worked from
#: dates::date_reader in include/zjcredit/dates/date.hpp.
DATES_REFUSED = {
    "2022-4-1x": "date: unexpected 'x' in \"2022-4-1x\" at position 8",
    "20220401": "date: year has more than 4 digits in \"20220401\" at position 0",
    "2022-02-30": "date: 2022-02 has no day 30 (it has 28) in \"2022-02-30\" at position 8",
    "2023-02-29": "date: 2023-02 has no day 29 (it has 28) in \"2023-02-29\" at position 8",
    "2022-04/01": "date: expected '-' to match the separator at position 4, found '/' in \"2022-04/01\" at position 7",
    "2022-13-01": "date: month 13 does not exist in \"2022-13-01\" at position 5",
    "1399-12-31": "date: year 1399 is outside the supported range 1400..9999 in \"1399-12-31\" at position 0",
    "22-4-1": "date: year must have 4 digits in \"22-4-1\" at position 0",
    "2022-004-01": "date: month has more than 2 digits in \"2022-004-01\" at position 5",
    "2022年4月1": "date: expected '日', found the end in \"2022年4月1\" at position 8",
    "2022-04-01 10:30": "date: unexpected '1' in \"2022-04-01 10:30\" at position 11",
    "": "date: empty text in \"\" at position 0",
    " \t": "date: empty text in \" \t\" at position 2",
    "April 1, 2022": "date: expected the year, found 'A' in \"April 1, 2022\" at position 0",
}


@pytest.mark.parametrize("text", sorted(DATES_ACCEPTED))
def test_day_number_accepts_the_library_forms(text: str) -> None:
    day, date = DATES_ACCEPTED[text]
    assert batch._day_number(text) == day
    assert EPOCH + datetime.timedelta(days=day) == date


@pytest.mark.parametrize("text", sorted(DATES_REFUSED))
def test_day_number_refuses_what_the_library_refuses(text: str) -> None:
    with pytest.raises(zjcredit.ParseError) as e:
        batch._day_number(text)
    assert str(e.value) == DATES_REFUSED[text]
    assert e.value.field == "date"


@pytest.mark.parametrize("text", sorted(DATES_ACCEPTED) + sorted(DATES_REFUSED))
def test_day_number_agrees_with_the_library(text: str) -> None:
    """The same text as a JSON record's date, read by the C library: refused
    with the same words (field renamed), or accepted."""
    try:
        zjcredit.first_loan_subsidy(loan(first_application_date=text))
        library = None
    except zjcredit.ParseError as e:
        library = str(e)
    except zjcredit.Error:
        library = None  # read, then refused by the rule (a date outside the window)
    try:
        batch._day_number(text)
        ours = None
    except zjcredit.ParseError as e:
        ours = "first_application_date" + str(e)[len("date"):]
    assert ours == library


def test_subsidy_frame_refuses_dates_the_library_refuses() -> None:
    pytest.importorskip("pandas")
    df = loans_frame(LOANS, interleave=False)
    for column in ("first_application_date", "period_from", "range_to"):
        for text in ("2022-4-1x", "20220401", "2022-02-30"):
            bad = df.copy()
            bad[column] = bad[column].astype(object)
            bad.loc[0, column] = text
            with pytest.raises(zjcredit.ParseError) as e:
                zjcredit.subsidy_frame(bad)
            assert e.value.field == column
            assert str(e.value) == column + DATES_REFUSED[text][len("date"):]


def test_reward_frame_refuses_dates_the_library_refuses() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"enterprise_id": ["A", "A"], "amount": ["1000.00", "2000.00"],
                       "start": ["2022-03-01", "2022/3/1"], "end": ["2022-03-31", None],
                       "days": pd.array([None, 30], dtype="Int64"), "confirmed_on_platform": [True, True]})
    ok = zjcredit.reward_frame(df)
    assert ok["status"].tolist() == [0]
    for column, text in (("start", "2022-03-01T00:00"), ("end", "2022-02-29")):
        bad = df.copy()
        bad.loc[0, column] = text
        with pytest.raises(zjcredit.ParseError) as e:
            zjcredit.reward_frame(bad)
        assert e.value.field == column
        assert f'"{text}"' in str(e.value)


def test_frames_read_date_objects_and_text_alike() -> None:
    pd = pytest.importorskip("pandas")
    np = pytest.importorskip("numpy")
    s = pd.Series(["2022-04-01", datetime.date(2022, 4, 1), pd.Timestamp("2022-04-01"), np.datetime64("2022-04-01"),
                   "2022年4月1日", None])
    days, present = batch._day_numbers(pd, np, s, "start", allow_missing=True)
    assert days.tolist() == [19083] * 5 + [0]
    assert present.tolist() == [True] * 5 + [False]
    with pytest.raises(TypeError, match="time zones"):
        batch._day_numbers(pd, np, pd.Series([pd.Timestamp("2022-04-01", tz="Asia/Shanghai")], dtype=object), "start")


def test_doctests_of_the_batch_module() -> None:
    import doctest

    failed, attempted = doctest.testmod(batch, optionflags=doctest.ELLIPSIS)
    assert failed == 0 and attempted > 0


def test_an_empty_frame_keeps_the_column_types() -> None:
    # Dask hands subsidy_frame empty partitions (and its `meta`): amounts stay
    # Decimal objects and errors text, never float64.
    pd = pytest.importorskip("pandas")
    types = {"loan_id": object, "borrower_kind": object, "first_application_date": object, "via_platform": bool,
             "local_legal_person_lender": bool, "first_loan": bool, "annual_rate": object, "period_from": object,
             "period_to": object, "range_from": object, "range_to": object, "balance": object}
    out = zjcredit.subsidy_frame(pd.DataFrame({c: pd.Series([], dtype=t) for c, t in types.items()}))
    assert len(out) == 0
    assert out["amount"].dtype == object
    assert out["error"].dtype == object
