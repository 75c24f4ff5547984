"""The money rules, assessment and ledger check through the binding.

Every golden case of tests/golden/ (the files the C++ suite runs) goes through
the binding twice: as the record's JSON text, and as a Python dict (unless the
record holds a JSON float, which the binding refuses before C sees it).
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable

import pytest

import zjcredit
from helpers import GOLDEN_DIR, RULES, golden_cases, load_case, loan, plan_with

ERROR_CLASSES = {
    "parse": zjcredit.ParseError,
    "validation": zjcredit.ValidationError,
    "overflow": zjcredit.OverflowError,
}


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_float(v) for v in value)
    return False


def _runner(rule: str) -> Callable[[Any, Any], Any]:
    if rule == "first_loan_subsidy":
        return lambda record, plan: zjcredit.first_loan_subsidy(record, plan)
    if rule == "receivables_reward":
        return lambda record, plan: zjcredit.receivables_reward(record, plan)
    if rule == "listing_award":
        return lambda record, plan: zjcredit.listing_award(record, plan)
    # A budget request: the whole request (budget=None), or its parts.
    def budget(record: Any, plan: Any) -> Any:
        if isinstance(record, str):
            return zjcredit.allocate_budget(record, plan=plan)
        return zjcredit.allocate_budget(record["claims"], record["budget"], record["method"], plan=plan)
    return budget


ALL_CASES = [p for rule in RULES for p in golden_cases(rule)]


def test_golden_cases_exist() -> None:
    for rule in RULES:
        assert golden_cases(rule), f"no golden cases in {GOLDEN_DIR / rule}"
    assert len(ALL_CASES) >= 80


def _check_expected(rule: str, case: dict[str, Any], result: Any) -> None:
    expected = case["expected"]
    assert result.amount == Decimal(expected["amount"])
    assert isinstance(result.amount, Decimal)
    assert result.amount.as_tuple().exponent == -2
    if rule == "budget_allocation":
        assert result.claimed == Decimal(expected["claimed"])
        assert result.by_id() == {k: Decimal(v) for k, v in expected["allocations"].items()}
        assert [a.id for a in result.allocations] == sorted(expected["allocations"], key=lambda s: s.encode())
        assert sum(a.allocated for a in result.allocations) == result.amount
        assert result.receipt["rule"] == "budget_allocation"
        return
    assert result.eligible is expected["eligible"]
    assert [r.code for r in result.reasons] == expected["reasons"]
    assert result.reason_codes == expected["reasons"]
    for r in result.reasons:
        assert r.message_zh and r.message_en
    assert result.receipt["rule"] == rule
    assert result.receipt["receipt_schema_version"] == 1
    assert Decimal(result.receipt["result"]) == result.amount
    if "unrounded" in expected:
        assert result.unrounded == expected["unrounded"]
    steps = {s["id"]: s for s in result.receipt["steps"]}
    for step_id, passed in expected.get("steps", {}).items():
        assert step_id in steps, f"no step {step_id}"
        assert steps[step_id]["passed"] is passed, step_id
    if rule == "listing_award":
        assert result.stage_table_placeholder is expected["stage_table_placeholder"]
        assert [n.code for n in result.notices] == (["stage_table_placeholder"] if expected["stage_table_placeholder"] else [])
        got = [
            {"stage": a.stage, "date": a.date, "paid": f"{a.paid:f}", "reasons": [r.code for r in a.reasons]}
            for a in result.awards
        ]
        assert got == expected["awards"]


@pytest.mark.parametrize("form", ["json", "dict"])
@pytest.mark.parametrize("path", ALL_CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_golden(path: Path, form: str) -> None:
    rule = path.parent.name
    case = load_case(path)
    assert "record" in case and ("expected" in case) != ("expected_error" in case)
    plan = plan_with(rule, case["parameters"]) if case.get("parameters") else None
    if form == "json":
        record: Any = json.dumps(case["record"], ensure_ascii=False)
    else:
        if _has_float(case["record"]):
            with pytest.raises(TypeError, match="float"):
                _runner(rule)(case["record"], plan)
            return
        record = case["record"]
    run = _runner(rule)
    if "expected_error" in case:
        err = case["expected_error"]
        with pytest.raises(ERROR_CLASSES[err["code"]]) as info:
            run(record, plan)
        assert info.value.field == err["field"], info.value.message
        assert info.value.code == zjcredit.STATUS["ZJC_E" + err["code"].upper()]
        assert info.value.message
        return
    result = run(record, plan)
    _check_expected(rule, case, result)
    # Deterministic: the same input gives byte-identical JSON.
    assert run(record, plan).to_json() == result.to_json()
    assert result.to_dict() == json.loads(result.to_json())


# ---- results as objects and dicts ----------------------------------------------------


def test_subsidy_example_of_the_docs() -> None:
    r = zjcredit.first_loan_subsidy(loan())
    assert r.eligible is True
    assert r.amount == Decimal("2527.78")
    assert r.reasons == []
    d = r.to_dict()
    assert d["amount"] == "2527.78" and d["eligible"] is True and d["reasons"] == []
    assert d["receipt"] == r.receipt
    assert r.receipt["plan_document"] == "湛金函〔2022〕86号"
    # to_dict gives a copy: changing it leaves the result alone.
    d["receipt"]["rule"] = "x"
    assert r.receipt["rule"] == "first_loan_subsidy"
    assert "2527.78" in repr(r)


def test_decimal_values_in_dicts_become_strings() -> None:
    record = loan(balances=[{"from": "2022-04-01", "to": "2022-06-30", "balance": Decimal("1000000.00")},
                            {"date": datetime.date(2022, 7, 1), "balance": Decimal("0")}],
                  period={"from": datetime.date(2022, 4, 1), "to": "2022-07-01"})
    r = zjcredit.first_loan_subsidy(record)
    assert r.amount == Decimal("2527.78")
    assert r.receipt["inputs"]["balances[1].balance"] == "0.00"


def test_json_text_and_dict_agree() -> None:
    record = loan()
    assert zjcredit.first_loan_subsidy(json.dumps(record)).to_json() == zjcredit.first_loan_subsidy(record).to_json()


def test_ineligible_is_a_result() -> None:
    r = zjcredit.first_loan_subsidy(loan(via_platform=False, first_loan=False))
    assert r.eligible is False and r.amount == Decimal("0.00")
    assert r.reason_codes == ["not_via_platform", "not_first_loan"]
    assert r.reasons[0].to_dict()["code"] == "not_via_platform"
    assert r.unrounded is None


def test_plan_parameters_apply() -> None:
    plan = plan_with("first_loan_subsidy", {"rate_ceiling": "0.5%"})
    assert zjcredit.first_loan_subsidy(loan(), plan).amount == Decimal("1263.89")
    assert zjcredit.first_loan_subsidy(loan(), zjcredit.Plan.default()).amount == Decimal("2527.78")


def test_receivables_reward_example() -> None:
    r = zjcredit.receivables_reward({
        "core_enterprise": "湛江市丙集团有限公司",
        "financings": [
            {"sme": "湛江市乙贸易有限公司", "amount": Decimal("1000000.00"), "start": "2022-03-01",
             "end": "2022-08-28", "confirmed_on_platform": True},
            {"sme": "湛江市丁制造有限公司", "amount": "500000.00", "start": "2022-05-01", "days": 90,
             "confirmed_on_platform": True},
        ],
    })
    # 1% × (1000000 × 180 + 500000 × 90) / 365 = 2250000/365 = 6164.3835... → 6164.38
    assert r.eligible and r.amount == Decimal("6164.38")
    assert isinstance(r, zjcredit.RuleResult)


def test_listing_award_example() -> None:
    r = zjcredit.listing_award({
        "company": "湛江市戊股份有限公司",
        "stages": [{"stage": "listed", "date": "2023-06-20"}, {"stage": "tutoring_filed", "date": "2022-03-01"}],
        "paid_stages": ["application_accepted"],
        "paid_amount": Decimal("3000000.00"),
    })
    assert isinstance(r, zjcredit.ListingResult)
    assert r.amount == Decimal("6000000.00") and r.eligible
    assert [a.stage for a in r.awards] == ["tutoring_filed", "listed"]
    assert r.awards[1].to_dict() == {"stage": "listed", "name": "成功上市", "date": "2023-06-20",
                                     "award": "4000000.00", "paid": "4000000.00", "reasons": []}
    assert r.stage_table_placeholder is True
    assert [n.code for n in r.notices] == ["stage_table_placeholder"]


# ---- allocate_budget --------------------------------------------------------------------


def test_allocate_budget_forms_agree() -> None:
    claims = [{"id": "A", "amount": "100.00"}, {"id": "B", "amount": Decimal("100")}, {"id": "C", "amount": "100"}]
    expected = {"A": Decimal("33.34"), "B": Decimal("33.33"), "C": Decimal("33.33")}
    forms = [
        zjcredit.allocate_budget(claims, Decimal("100.00")),
        zjcredit.allocate_budget(claims, "100"),
        zjcredit.allocate_budget(claims, 100),
        zjcredit.allocate_budget({"A": "100", "B": Decimal("100"), "C": 100}, Decimal("100")),
        zjcredit.allocate_budget(json.dumps([{"id": "A", "amount": "100"}, {"id": "B", "amount": "100"},
                                             {"id": "C", "amount": "100"}]), "100.00"),
        zjcredit.allocate_budget({"budget": "100", "claims": claims}),
        zjcredit.allocate_budget(json.dumps({"budget": "100", "method": "pro_rata",
                                             "claims": [{"id": i, "amount": "100"} for i in "CBA"]})),
    ]
    for r in forms:
        assert isinstance(r, zjcredit.AllocationResult)
        assert r.by_id() == expected
        assert r.method == "pro_rata" and r.amount == Decimal("100.00") and r.claimed == Decimal("300.00")
        assert r.budget == Decimal("100.00")
        assert r.allocations[0].to_dict() == {"id": "A", "claimed": "100.00", "allocated": "33.34"}
    assert "33.34" in repr(forms[0])


def test_allocate_budget_first_come_first_served() -> None:
    r = zjcredit.allocate_budget(
        [{"id": "A", "amount": "60", "order_key": "2"}, {"id": "B", "amount": "60", "order_key": "1"}],
        Decimal("100"), method="first_come_first_served")
    assert r.by_id() == {"A": Decimal("40.00"), "B": Decimal("60.00")}
    assert r.method == "first_come_first_served"


def test_allocate_budget_argument_errors() -> None:
    with pytest.raises(TypeError, match="budget is required"):
        zjcredit.allocate_budget([{"id": "A", "amount": "1"}])
    with pytest.raises(TypeError, match="float"):
        zjcredit.allocate_budget([{"id": "A", "amount": "1"}], 1.5)
    with pytest.raises(TypeError, match="float"):
        zjcredit.allocate_budget({"A": 1.5}, "10")
    with pytest.raises(TypeError):
        zjcredit.allocate_budget(42, "10")  # type: ignore[arg-type]
    with pytest.raises(zjcredit.ParseError):
        zjcredit.allocate_budget([{"id": "A", "amount": "1"}], "10", method="lottery")
    with pytest.raises(zjcredit.ValidationError) as info:
        zjcredit.allocate_budget([{"id": "A", "amount": "1"}, {"id": "A", "amount": "2"}], "10")
    assert info.value.field == "claims[1].id"


# ---- assessment -------------------------------------------------------------------------

OBSERVATIONS = {
    "schema_version": 1,
    "as_of": "2022-12-31",
    "observations": [
        {"indicator": "sme_credit_loan_balance", "year_start": "230亿", "current": "251亿",
         "as_of": datetime.date(2022, 12, 31), "source": "人民银行湛江市中心支行"},
        {"indicator": "platform_financing_total", "current": Decimal("1604938.26"),
         "prior_year_total": "1234567.89", "source": "粤信融"},
        {"indicator": "overall_financing_cost", "year_start": "5.20%", "current": "5.05%", "source": "人行"},
    ],
}


def test_assess() -> None:
    a = zjcredit.assess(OBSERVATIONS)
    assert isinstance(a, zjcredit.Assessment)
    assert a.as_of == "2022-12-31"
    targets = [t["id"] for t in zjcredit.Plan.default().targets()]
    assert [v.target for v in a.verdicts] == targets
    assert len(a) == len(targets) and list(a) == a.verdicts
    v = a.find("sme_credit_loans")
    assert v.status == "met" and v.met
    assert v.observed == Decimal("25100000000.00") and v.threshold == Decimal("25000000000.00")
    assert v.margin == Decimal("100000000.00")
    assert v.unit == "yuan" and v.comparator == "at_least" and v.comparator_word == "以上"
    assert v.explanation["zh"] and v.explanation["en"]
    p = a.find("platform_financing")
    assert p.met and p.threshold == Decimal("1604938.257") and p.rates is not None
    cost = a.find("financing_cost")
    assert cost.unit == "percent" and cost.observed == Decimal("5.05") and cost.margin == Decimal("-0.15")
    missing = [v for v in a.verdicts if v.status == "not_assessable"]
    assert missing and all(v.problems for v in missing)
    assert missing[0].problems[0].reason == "missing_figure"
    assert missing[0].problems[0].to_dict()["field"]
    assert [g.group for g in a.groups] == ["两增"]
    assert a.groups[0].to_dict()["targets"] == ["inclusive_sme_growth", "inclusive_sme_borrowers"]
    assert a.to_dict() == json.loads(a.to_json())
    assert v.to_dict()["observed"] == "25100000000.00"
    with pytest.raises(KeyError):
        a.find("no_such_target")
    # The same observations as JSON text give the same assessment.
    text = json.dumps(OBSERVATIONS, default=str, ensure_ascii=False)
    assert zjcredit.assess(text).to_json() == a.to_json()


def test_assess_errors_name_the_path() -> None:
    bad = {**OBSERVATIONS, "observations": [{"indicator": "sme_credit_loan_balance", "curent": "1", "source": "x"}]}
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.assess(bad)
    assert info.value.field == "observations[0].curent"
    with pytest.raises(TypeError, match=r"observations\[0\]\.current"):
        zjcredit.assess({**OBSERVATIONS, "observations": [{"indicator": "x", "current": 1.5, "source": "x"}]})


# ---- the ledger ---------------------------------------------------------------------------

SUBMISSIONS = [
    {"unit": "commerce", "month": "2022-09", "received": "2022-09-27",
     "entries": [{"task": "m3.fx_facilitation", "status": "done", "figures": "1,234.56万元"}]},
    {"unit": "人行", "month": "2022-09", "received": datetime.date(2022, 9, 26), "entries": []},
]


def test_check_ledger() -> None:
    c = zjcredit.check_ledger(SUBMISSIONS, "2022-09")
    assert isinstance(c, zjcredit.LedgerCheck)
    assert c.first == c.last == "2022-09"
    assert c.rule["day_of_month"] == 25 and c.rule["roll_to_working_day"] is True
    m = c.months[0]
    assert m.month == "2022-09" and m.due == "2022-09-26" and m.rolled
    late = m.unit("commerce")
    assert late.status == "late" and late.days_late == 1 and late.received == "2022-09-27"
    assert m.unit("pbc_zhanjiang").status == "on_time"
    units = zjcredit.Plan.default().ledger_units()
    assert len(m.units) == len(units) == 18
    assert c.counts == {"on_time": 1, "late": 1, "missing": 16} == m.counts
    assert not c.all_on_time and c.liaison is None
    assert late.to_dict() == next(u for u in c.to_dict()["months"][0]["units"] if u["unit"] == "commerce")
    assert m.to_dict() == c.to_dict()["months"][0]
    with pytest.raises(KeyError):
        m.unit("nobody")


def test_check_ledger_input_forms_agree() -> None:
    doc = {"schema_version": 1, "kind": "zjcredit.ledger", "submissions": SUBMISSIONS}
    text = zjcredit.check_ledger(SUBMISSIONS, "2022-09").to_json()
    assert zjcredit.check_ledger(doc, "2022-09").to_json() == text
    assert zjcredit.check_ledger(doc, datetime.date(2022, 9, 30)).to_json() == text
    plain = json.loads(json.dumps(SUBMISSIONS, default=str))
    assert zjcredit.check_ledger(json.dumps(plain, ensure_ascii=False), "2022-09").to_json() == text
    assert zjcredit.check_ledger(json.dumps({**doc, "submissions": plain}), "2022-09", zjcredit.Plan.default()).to_json() == text


def test_check_ledger_with_liaison_forms() -> None:
    doc = {"schema_version": 1, "kind": "zjcredit.ledger", "submissions": [],
           "liaison_forms": [{"unit": "commerce", "name": "张三", "post": "科长", "phone": "0759-3388123",
                              "email": "zhangsan@example.cn", "received": "2022-09-16"}]}
    c = zjcredit.check_ledger(doc, "2022-10")
    assert c.liaison is not None and c.months[0].due == "2022-10-25"
    assert c.counts["missing"] == 18


def test_check_ledger_errors() -> None:
    with pytest.raises(zjcredit.NotFoundError):
        zjcredit.check_ledger([{**SUBMISSIONS[0], "unit": "nobody"}], "2022-09")
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.check_ledger([{**SUBMISSIONS[0], "entries": [{"task": "m3.fx_facilitation", "status": "finished"}]}],
                              "2022-09")
    assert info.value.field == "submissions[0].entries[0].status"
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.check_ledger(SUBMISSIONS, "2022-13")
    assert info.value.field == "month"
    with pytest.raises(TypeError):
        zjcredit.check_ledger(SUBMISSIONS, 202209)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zjcredit.check_ledger(SUBMISSIONS, datetime.datetime(2022, 9, 1))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        zjcredit.check_ledger(42, "2022-09")  # type: ignore[arg-type]


def test_doctests_of_the_package() -> None:
    import doctest
    for module in (zjcredit, zjcredit.rules, zjcredit.money, zjcredit.plan):
        failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
        assert failed == 0, module.__name__


def test_readme_example_runs() -> None:
    from helpers import SOURCE_DIR
    readme = (SOURCE_DIR / "bindings" / "python" / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    scope: dict[str, Any] = {}
    exec(compile(block, "bindings/python/README.md", "exec"), scope)
    assert (scope["r"].eligible, scope["r"].amount, scope["r"].reasons) == (True, Decimal("2527.78"), [])
    assert (scope["o"].eligible, scope["o"].amount, scope["o"].reason_codes) == (True, Decimal("2527.78"), [])
    late = scope["late"]
    assert (late.eligible, late.amount, [x.code for x in late.reasons]) == (
        False, Decimal("0.00"), ["application_outside_window"])
