"""The light path: rules without their receipt (receipt=False), the receipt
decoded lazily otherwise, the reason table taken from the C library,
Plan.from_file and the frames' reason_zh and error columns.

Expected amounts are worked by hand in the comments (the same loan as
tests/capi/capi_light_test.c)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import zjcredit
from zjcredit import batch, rules
from helpers import SOURCE_DIR, golden_cases, load_case, loan, plan_with

# ---- records -------------------------------------------------------------------------------------

MONTHS = [("01-01", "01-31", "1000000.00"), ("02-01", "02-28", "2000000.00"), ("03-01", "03-31", "1500000.00"),
          ("04-01", "04-30", "12000000.00"), ("05-01", "05-31", "800000.50"), ("06-01", "06-30", "0.00"),
          ("07-01", "07-31", "3000000.00"), ("08-01", "08-31", "2500000.00"), ("09-01", "09-30", "1200000.00"),
          ("10-01", "10-31", "1000000.00"), ("11-01", "11-30", "600000.00"), ("12-01", "12-31", "400000.00")]


def loan12() -> dict[str, Any]:
    """Twelve monthly ranges over 2022 at 4.35% (capped at 1%), the whole
    year claimed. Σ days × min(balance, 10,000,000) =
    31×1,000,000 + 28×2,000,000 + 31×1,500,000 + 30×10,000,000 (12,000,000
    capped) + 31×800,000.50 + 30×0 + 31×3,000,000 + 31×2,500,000 +
    30×1,200,000 + 31×1,000,000 + 30×600,000 + 31×400,000 = 726,200,015.50;
    × 1% / 360 = 20,172.2226… → 20,172.22."""
    return loan(borrower_kind="micro",
                balances=[{"from": f"2022-{a}", "to": f"2022-{b}", "balance": x} for a, b, x in MONTHS],
                period={"from": "2022-01-01", "to": "2022-12-31"})


#: 1% × (1,000,000 × 180 + 500,000 × 90) / 365 = 6164.383… → 6164.38.
ENTERPRISE = {
    "core_enterprise": "湛江市丙集团有限公司",
    "financings": [
        {"sme": "湛江市乙贸易有限公司", "amount": "1000000.00", "start": "2022-03-01", "end": "2022-08-28",
         "confirmed_on_platform": True},
        {"sme": "湛江市丁制造有限公司", "amount": "500000.00", "start": "2022-05-01", "days": 90,
         "confirmed_on_platform": True},
    ],
}


def _table_of_the_header() -> list[tuple[str, int, str, str]]:
    """(code, bit, zh, en) of every entry with a bit in rules::reason_table,
    read from include/zjcredit/rules/reason.hpp (not through the library)."""
    text = (SOURCE_DIR / "include" / "zjcredit" / "rules" / "reason.hpp").read_text(encoding="utf-8")
    out = []
    for m in re.finditer(r'\{"(\w+)", 1U << (\d+), "([^"]*)", "([^"]*)"\}', text):
        out.append((m[1], 1 << int(m[2]), m[3], m[4]))
    return out


# ---- receipt=False ---------------------------------------------------------------------------------


def test_light_subsidy_of_twelve_ranges() -> None:
    o = zjcredit.first_loan_subsidy(loan12(), receipt=False)
    assert isinstance(o, zjcredit.Outcome)
    assert o.eligible is True
    assert o.amount == Decimal("20172.22") and o.amount_fen == 2017222
    assert o.reasons == [] and o.reason_codes == [] and o.reason_bits == 0
    # The same answer as the full result.
    full = zjcredit.first_loan_subsidy(loan12())
    assert (full.eligible, full.amount) == (o.eligible, o.amount)


def test_light_ineligible_loan_has_exactly_its_two_reasons() -> None:
    o = zjcredit.first_loan_subsidy(loan(borrower_kind="individual_business", via_platform=False), receipt=False)
    assert o.eligible is False and o.amount == Decimal("0.00") and o.amount_fen == 0
    assert o.reason_codes == ["borrower_kind_not_eligible", "not_via_platform"]
    assert o.reason_bits == 0x2 | 0x4
    # The sentences are the reason table's (reason.hpp), not the receipt's.
    table = {code: (zh, en) for code, _, zh, en in _table_of_the_header()}
    assert [(r.message_zh, r.message_en) for r in o.reasons] == [table["borrower_kind_not_eligible"],
                                                                  table["not_via_platform"]]
    assert o.to_dict() == {"eligible": False, "amount": "0.00",
                           "reasons": [r.to_dict() for r in o.reasons]}


def test_light_reward() -> None:
    o = zjcredit.receivables_reward(ENTERPRISE, receipt=False)
    assert o.eligible is True and o.amount == Decimal("6164.38") and o.reason_codes == []
    none = {"core_enterprise": "丙", "financings": [
        {"sme": "乙", "amount": "100000.00", "start": "2022-03-01", "days": 30, "confirmed_on_platform": False},
        {"sme": "丁", "amount": "100000.00", "start": "2021-12-01", "days": 30, "confirmed_on_platform": True}]}
    o = zjcredit.receivables_reward(none, receipt=False)
    assert o.eligible is False and o.amount == Decimal("0.00")
    assert o.reason_codes == ["financing_not_confirmed", "financing_outside_window", "no_eligible_financing"]


def test_light_result_has_no_receipt() -> None:
    o = zjcredit.first_loan_subsidy(loan(), receipt=False)
    with pytest.raises(AttributeError, match="receipt=False"):
        o.receipt  # noqa: B018 - the access is the test
    assert not hasattr(o, "receipt")
    assert "2527.78" in repr(o)


def test_receipt_flag_must_be_a_bool() -> None:
    with pytest.raises(TypeError, match="receipt"):
        zjcredit.first_loan_subsidy(loan(), receipt=0)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="receipt"):
        zjcredit.receivables_reward(ENTERPRISE, receipt="no")  # type: ignore[arg-type]


def test_light_plan_parameters_apply() -> None:
    # Ceiling 0.5%: 1,000,000 × 0.5% × 91 / 360 = 1263.888… → 1263.89.
    plan = plan_with("first_loan_subsidy", {"rate_ceiling": "0.5%"})
    assert zjcredit.first_loan_subsidy(loan(), plan, receipt=False).amount == Decimal("1263.89")


@pytest.mark.parametrize("rule", ["first_loan_subsidy", "receivables_reward"])
def test_light_and_full_agree_on_every_golden_case(rule: str) -> None:
    run = getattr(zjcredit, rule)
    bit = batch.REASON_BITS
    cases = golden_cases(rule)
    assert cases
    for path in cases:
        case = load_case(path)
        record = json.dumps(case["record"], ensure_ascii=False)
        plan = plan_with(rule, case["parameters"]) if case.get("parameters") else None
        try:
            full = run(record, plan)
        except zjcredit.Error as e:
            with pytest.raises(type(e)) as info:
                run(record, plan, receipt=False)
            assert (info.value.code, info.value.message, info.value.field) == (e.code, e.message, e.field), path
            continue
        light = run(record, plan, receipt=False)
        assert (light.eligible, light.amount) == (full.eligible, full.amount), path
        assert light.reason_codes == sorted(set(full.reason_codes), key=bit.__getitem__), path


def test_light_errors_name_the_field() -> None:
    bad = loan(balances=[{"from": "2022-04-01", "to": "2022-06-30", "balance": "1,0x0.00"}],
               period={"from": "2022-04-01", "to": "2022-06-30"})
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.first_loan_subsidy(bad, receipt=False)
    assert info.value.field == "balances[0].balance" and "1,0x0.00" in info.value.message


# ---- the receipt, decoded lazily -------------------------------------------------------------------


def test_receipt_is_decoded_only_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    decoded: list[str] = []
    real_loads = json.loads

    def loads(text: str, *args: Any, **kwargs: Any) -> Any:
        decoded.append(text)
        return real_loads(text, *args, **kwargs)

    monkeypatch.setattr(rules.json, "loads", loads)
    r = zjcredit.first_loan_subsidy(loan())
    assert r.eligible is True and r.amount == Decimal("2527.78") and r.reasons == []
    assert decoded and not any('"steps"' in t for t in decoded)  # the receipt is still text
    assert sum(len(t) for t in decoded) < len(r.to_json()) // 4
    assert r.receipt["rule"] == "first_loan_subsidy"
    assert any('"steps"' in t for t in decoded)
    assert r.receipt is r.receipt  # decoded once
    assert r.to_dict() == real_loads(r.to_json())
    # 1,000,000 × 91 days × 1% / 360 = 910,000 / 360 = 22750/9 元 before the rounding.
    numerator, denominator = r.unrounded.split("/")  # type: ignore[union-attr]
    assert Fraction(int(numerator), int(denominator)) == Fraction(22750, 9)


def test_the_receipt_is_computed_only_when_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    full_calls: list[Any] = []
    real_call = rules._call

    def call(func: Any, *args: Any) -> str:
        full_calls.append(func)
        return real_call(func, *args)

    monkeypatch.setattr(rules, "_call", call)
    r = zjcredit.first_loan_subsidy(loan())
    # The light call answered: 1,000,000 × 91 days × 1% / 360 = 2527.777… → 2527.78.
    assert r.eligible is True and r.amount == Decimal("2527.78")
    assert full_calls == []
    assert r.reasons == [] and len(full_calls) == 1  # the full call, once
    assert r.receipt["result"] == "2527.78" and len(full_calls) == 1


def test_a_receipt_asked_for_after_its_plan_is_closed_is_an_error() -> None:
    plan = zjcredit.Plan.default()
    r = zjcredit.first_loan_subsidy(loan(), plan)
    assert r.amount == Decimal("2527.78")
    plan.close()
    with pytest.raises(ValueError, match="closed"):
        _ = r.receipt


def test_lazy_result_equals_the_whole_json() -> None:
    for rule in ("first_loan_subsidy", "receivables_reward", "listing_award"):
        for path in golden_cases(rule):
            case = load_case(path)
            plan = plan_with(rule, case["parameters"]) if case.get("parameters") else None
            try:
                r = getattr(zjcredit, rule)(json.dumps(case["record"], ensure_ascii=False), plan)
            except zjcredit.Error:
                continue
            whole = json.loads(r.to_json())
            assert r.eligible == whole["eligible"] and r.amount == Decimal(whole["amount"]), path
            assert [x.to_dict() for x in r.reasons] == whole["reasons"], path
            assert r.receipt == whole["receipt"], path
            assert r.to_dict() == whole, path


def test_split_receipt_layouts() -> None:
    split = rules._split_receipt
    last = '{\n  "amount": "1.00",\n  "receipt": {\n    "a": [\n      1\n    ],\n    "b": {}\n  }\n}\n'
    head, receipt = split(last)  # type: ignore[misc]
    assert json.loads(head) == {"amount": "1.00"} and json.loads(receipt) == {"a": [1], "b": {}}
    middle = '{\n  "a": 1,\n  "receipt": {\n    "x": "y"\n  },\n  "z": [\n    2\n  ]\n}\n'
    head, receipt = split(middle)  # type: ignore[misc]
    assert json.loads(head) == {"a": 1, "z": [2]} and json.loads(receipt) == {"x": "y"}
    empty = '{\n  "a": 1,\n  "receipt": {}\n}\n'
    head, receipt = split(empty)  # type: ignore[misc]
    assert json.loads(head) == {"a": 1} and json.loads(receipt) == {}
    # Not the writer's layout: no split, the result is decoded whole.
    assert split('{"a": 1, "receipt": {"x": 1}}') is None
    r = rules.RuleResult('{"eligible": true, "amount": "1.00", "reasons": [], "receipt": {"x": 1}}')
    assert r.receipt == {"x": 1} and r.amount == Decimal("1.00")


# ---- the reason table --------------------------------------------------------------------------------


def test_reason_bits_come_from_the_library() -> None:
    table = _table_of_the_header()
    assert len(table) == 13
    assert batch.REASON_BITS == {code: bit for code, bit, _, _ in table}
    from zjcredit import _reasons
    assert [(r.code, r.bit, r.text_zh, r.text_en) for r in _reasons.REASON_TABLE] == table
    assert batch.reason_codes(0x1001 | 0x100) == ["application_outside_window", "financing_not_confirmed",
                                                  "no_eligible_financing"]


# ---- Plan.from_file ----------------------------------------------------------------------------------


def test_plan_from_file(tmp_path: Path) -> None:
    text = zjcredit.Plan.default().to_json()
    path = tmp_path / "计划.json"
    path.write_text(text, encoding="utf-8")
    assert zjcredit.Plan.from_file(path).to_json() == text
    assert zjcredit.Plan.from_file(str(path)).to_json() == text


def test_plan_from_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "none.json"
    with pytest.raises(zjcredit.FileError) as info:
        zjcredit.Plan.from_file(missing)
    assert isinstance(info.value, OSError)
    assert str(missing) in info.value.message and "No such file or directory" in info.value.message
    assert info.value.field == str(missing)
    with pytest.raises(zjcredit.FileError, match="Is a directory"):
        zjcredit.Plan.from_file(tmp_path)


def test_plan_from_a_bad_file(tmp_path: Path) -> None:
    doc = json.loads(zjcredit.Plan.default().to_json())
    doc["parameters"]["first_loan_subsidy"]["rate_ceiling"] = "1%%"
    text = json.dumps(doc, ensure_ascii=False)
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(zjcredit.Error) as from_json:
        zjcredit.Plan.from_json(text)
    with pytest.raises(type(from_json.value)) as from_file:
        zjcredit.Plan.from_file(path)
    assert from_file.value.field == from_json.value.field == "parameters.first_loan_subsidy.rate_ceiling"
    assert from_file.value.message == f"{path}: {from_json.value.message}"


def test_plan_from_file_arguments() -> None:
    with pytest.raises(TypeError, match="path"):
        zjcredit.Plan.from_file(3)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="NUL"):
        zjcredit.Plan.from_file("a\0b")


# ---- the frames' reason_zh and error columns ---------------------------------------------------------------


def _range_row(loan_id: str, kind: str, via: bool, frm: str, to: str, balance: str) -> dict[str, Any]:
    return {"loan_id": loan_id, "borrower_kind": kind, "first_application_date": "2022-04-01",
            "via_platform": via, "local_legal_person_lender": True, "first_loan": True, "annual_rate": "4.35%",
            "period_from": "2022-04-01", "period_to": "2022-06-30", "range_from": frm, "range_to": to,
            "balance": balance}


def test_subsidy_frame_reason_zh_and_error() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame([
        # 1,000,000 × 1% × 91 / 360 = 2527.78
        _range_row("ok", "small", True, "2022-04-01", "2022-06-30", "1000000.00"),
        _range_row("two", "individual_business", False, "2022-04-01", "2022-06-30", "1000000.00"),
        _range_row("overlap", "small", True, "2022-04-01", "2022-06-30", "100.00"),
        _range_row("overlap", "small", True, "2022-06-01", "2022-06-30", "100.00"),
    ])
    out = zjcredit.subsidy_frame(df)
    assert list(out.columns) == ["amount", "amount_fen", "eligible", "status", "reasons", "reason_zh", "error"]
    assert out.loc["ok", "amount"] == Decimal("2527.78")
    assert out.loc["ok", "reason_zh"] == "" and out.loc["ok", "error"] == ""
    assert out.loc["two", "reason_zh"] == "借款人类型不属于贴息对象；未依托广东省中小企业融资平台申请"
    assert out.loc["two", "error"] == ""
    assert out.loc["overlap", "status"] == zjcredit.STATUS["ZJC_EVALIDATION"]
    assert "overlaps" in out.loc["overlap", "error"]
    assert out.loc["overlap", "reason_zh"] == ""


def test_reward_frame_reason_zh_and_error() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({
        "enterprise_id": ["none", "bad"],
        "amount": ["100000.00", "100.00"],
        "start": ["2022-03-01", "2022-03-01"],
        "days": pd.array([30, 0], dtype="Int64"),
        "confirmed_on_platform": [False, True],
    })
    out = zjcredit.reward_frame(df)
    assert out.loc["none", "reason_zh"] == "有融资未在中征应收账款融资服务平台确认；没有符合条件的融资"
    assert out.loc["none", "error"] == ""
    assert out.loc["bad", "status"] == zjcredit.STATUS["ZJC_EVALIDATION"]
    assert out.loc["bad", "error"] != "" and "days" in out.loc["bad", "error"]


# ---- records to JSON: the fast path writes what jsonable() writes -------------------------------------


def test_record_text_fast_path_agrees_with_jsonable() -> None:
    import datetime
    from collections import OrderedDict

    from zjcredit import _convert

    records: list[Any] = [load_case(p)["record"] for rule in ("first_loan_subsidy", "receivables_reward")
                          for p in golden_cases(rule)]
    records += [loan12(), ENTERPRISE,
                {"a": Decimal("1.50"), "b": datetime.date(2022, 4, 1), "c": (1, True, None), "d": "湛江\n\"x\""},
                OrderedDict(a=Decimal("NaN"))]
    for record in records:
        if any(isinstance(v, float) for v in _leaves(record)):
            continue  # refused either way (below)
        assert _convert.record_text(record) == _convert.dumps(record).encode("utf-8")
    # The unusual cases still get jsonable()'s errors, with the JSON path.
    with pytest.raises(TypeError, match=r"balances\[0\]\.balance: float"):
        _convert.record_text(loan(balances=[{"from": "2022-04-01", "to": "2022-06-30", "balance": 1.5}]))
    with pytest.raises(zjcredit.ParseError) as info:
        _convert.record_text(loan(borrower="a\0b"))
    assert info.value.field == "borrower"
    with pytest.raises(zjcredit.ParseError) as info:
        _convert.record_text(loan(period={"from": "2022-04-01", "to": "\udcff"}))
    assert info.value.field == "period.to"
    with pytest.raises(TypeError, match="keys must be str"):
        _convert.record_text({1: "x"})


def test_the_unchecked_text_reads_as_the_checked_one() -> None:
    from zjcredit import _convert

    records: list[Any] = [load_case(p)["record"] for rule in ("first_loan_subsidy", "receivables_reward")
                          for p in golden_cases(rule)]
    records += [loan12(), ENTERPRISE, loan(borrower="湛江\n\"x\"\\ 한\u00e9")]
    for record in records:
        fast = _convert.unchecked_record_text(record)
        if any(isinstance(v, float) for v in _leaves(record)):
            continue  # refused by the reader, then by record_text() (below)
        assert fast is not None
        assert json.loads(fast) == json.loads(_convert.record_text(record))
    for record in (loan(first_application_date=__import__("datetime").datetime(2022, 4, 1)),
                   loan(borrower="a\0b"), loan(borrower="\ud83d\ude00"), loan(borrower="\udcff"),
                   loan(borrower="湛江𠮷"), {**loan(), (1, 2): "x"}, [loan()]):
        assert _convert.unchecked_record_text(record) is None


def test_the_light_call_gives_the_checked_paths_errors() -> None:
    """What the unchecked text lets through to the C reader (a float, a key
    that is not a str, a lone surrogate) gets the error the checked path
    gives, with its JSON path; the answer itself is the checked path's."""
    bad_balance = [{"from": "2022-04-01", "to": "2022-06-30", "balance": 1.5}]
    for receipt in (False, True):
        with pytest.raises(TypeError, match=r"balances\[0\]\.balance: float"):
            zjcredit.first_loan_subsidy(loan(balances=bad_balance), receipt=receipt)
        with pytest.raises(TypeError, match="keys must be str"):
            zjcredit.first_loan_subsidy({**loan(), 1: "x"}, receipt=receipt)
        with pytest.raises(TypeError, match="keys must be str"):
            zjcredit.first_loan_subsidy({**loan(), True: "x"}, receipt=receipt)
        with pytest.raises(zjcredit.ParseError) as info:
            zjcredit.first_loan_subsidy(loan(period={"from": "2022-04-01", "to": "\udcff"}), receipt=receipt)
        assert info.value.field == "period.to"
        with pytest.raises(zjcredit.ParseError) as info:
            zjcredit.first_loan_subsidy(loan(borrower="a\0b"), receipt=receipt)
        assert info.value.field == "borrower"
        # Two surrogates that JSON escapes would join into one 😀: not text, as record_text() says.
        with pytest.raises(zjcredit.ParseError) as info:
            zjcredit.first_loan_subsidy(loan(borrower="\ud83d\ude00"), receipt=receipt)
        assert info.value.field == "borrower"
        with pytest.raises(TypeError, match="float"):
            zjcredit.first_loan_subsidy(loan(annual_rate=float("nan")), receipt=receipt)
        with pytest.raises(TypeError, match="keys must be str"):
            zjcredit.first_loan_subsidy({**loan(), 1: "x", "1": "y"}, receipt=receipt)
        days_float = json.loads(json.dumps(ENTERPRISE))
        days_float["financings"][1]["days"] = 90.0
        with pytest.raises(TypeError, match=r"financings\[1\]\.days: float"):
            zjcredit.receivables_reward(days_float, receipt=receipt)
    # An error of the record itself is the C reader's, as for JSON text.
    with pytest.raises(zjcredit.ValidationError, match="fraction written as a percent") as info:
        zjcredit.first_loan_subsidy(loan(annual_rate="4.35"), receipt=False)
    assert info.value.field == "annual_rate"
    # The answer is the one the checked text gives, by hand for the 12-range loan,
    # also for a borrower named beyond U+FFFF (the checked path) and for an int subclass.
    assert zjcredit.first_loan_subsidy(loan12(), receipt=False).amount == Decimal("20172.22")
    named = loan12()
    named["borrower"] = "湛江𠮷科技有限公司"
    assert zjcredit.first_loan_subsidy(named, receipt=False).amount == Decimal("20172.22")
    import enum

    class Days(enum.IntEnum):
        NINETY = 90

    as_enum = json.loads(json.dumps(ENTERPRISE))
    as_enum["financings"][1]["days"] = Days.NINETY
    got, want = (zjcredit.receivables_reward(r, receipt=False) for r in (as_enum, ENTERPRISE))
    assert (got.amount, got.eligible, got.reason_bits) == (want.amount, want.eligible, want.reason_bits)


def _leaves(value: Any) -> list[Any]:
    if isinstance(value, dict):
        return [x for v in value.values() for x in _leaves(v)]
    if isinstance(value, (list, tuple)):
        return [x for v in value for x in _leaves(v)]
    return [value]
