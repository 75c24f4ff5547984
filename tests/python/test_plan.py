"""The plan: the embedded 2022 plan, JSON in and out, queries and lint."""

from __future__ import annotations

import json
import threading
from decimal import Decimal

import pytest

import zjcredit
from helpers import loan, plan_with


@pytest.fixture(scope="module")
def plan() -> zjcredit.Plan:
    return zjcredit.Plan.default()


def test_measures(plan: zjcredit.Plan) -> None:
    measures = plan.measures()
    assert [m["id"] for m in measures] == [f"m{i}" for i in range(1, len(measures) + 1)]
    assert measures[0]["numeral"] == "一" and measures[0]["clause"].startswith("二、主要措施")
    assert "first_loan_subsidy" in measures[0]["rules"]


def test_units_and_lookup(plan: zjcredit.Plan) -> None:
    units = plan.units()
    ids = {u["id"] for u in units}
    assert {"finance_bureau", "pbc_zhanjiang", "commerce"} <= ids
    assert plan.unit("人行")["id"] == "pbc_zhanjiang"
    assert plan.unit("人民银行湛江市中心支行")["id"] == "pbc_zhanjiang"
    assert plan.unit("pbc_zhanjiang")["name"] == "人民银行湛江市中心支行"
    with pytest.raises(zjcredit.NotFoundError) as info:
        plan.unit("nobody")
    assert isinstance(info.value, LookupError)
    assert info.value.code == zjcredit.STATUS["ZJC_ENOTFOUND"]


def test_targets_and_deadlines(plan: zjcredit.Plan) -> None:
    targets = plan.targets()
    by_id = {t["id"]: t for t in targets}
    assert by_id["sme_credit_loans"]["comparator_word"] == "以上"
    assert by_id["platform_financing"]["factor"] == "1.3"
    deadlines = {d["id"]: d for d in plan.deadlines()}
    assert deadlines["monthly_ledger"]["rule"]["day_of_month"] == 25


def test_measure_queries(plan: zjcredit.Plan) -> None:
    assert "m1" in [m["id"] for m in plan.measures_led_by("金融局")]
    assert plan.measures_responsible("commerce")
    assert plan.units_of("m1")
    assert plan.targets_of("m1")
    with pytest.raises(zjcredit.NotFoundError):
        plan.units_of("m99")
    assert len(plan.ledger_units()) == 18


def test_lint(plan: zjcredit.Plan) -> None:
    findings = plan.lint()
    assert isinstance(findings, list) and findings
    for f in findings:
        assert set(f) >= {"code", "severity", "subject", "clause", "message"}
    assert "unit_not_addressed" in {f["code"] for f in findings}


def test_json_round_trip(plan: zjcredit.Plan) -> None:
    text = plan.to_json()
    assert text.endswith("\n") and "湛金函〔2022〕86号" in text  # UTF-8 as is
    doc = json.loads(text)
    assert doc["schema_version"] == 2
    again = zjcredit.Plan.from_json(text)
    assert again.to_json() == text
    assert again.measures() == plan.measures()


def test_from_json_errors_name_the_path(plan: zjcredit.Plan) -> None:
    with pytest.raises(zjcredit.ParseError) as info:
        zjcredit.Plan.from_json("{")
    assert info.value.field == "plan"
    with pytest.raises(zjcredit.ValidationError) as v:
        zjcredit.Plan.from_json('{"schema_version": 3}')
    assert v.value.field == "schema_version"
    doc = json.loads(plan.to_json())
    doc["parameters"]["first_loan_subsidy"]["balance_cap"] = 10000000
    with pytest.raises(zjcredit.ParseError) as p:
        zjcredit.Plan.from_json(json.dumps(doc))
    assert p.value.field == "parameters.first_loan_subsidy.balance_cap"
    assert "JSON number" in p.value.message
    with pytest.raises(TypeError):
        zjcredit.Plan.from_json(b"{}")  # type: ignore[arg-type]
    with pytest.raises(zjcredit.ParseError):
        zjcredit.Plan.from_json("{\x00}")


def test_a_loaded_plan_drives_the_rules() -> None:
    half = plan_with("first_loan_subsidy", {"rate_ceiling": "0.5%"})
    assert zjcredit.first_loan_subsidy(loan(), half).amount == Decimal("1263.89")
    kinds = plan_with("first_loan_subsidy", {"eligible_kinds": ["small", "micro", "individual_business"]})
    record = loan(borrower_kind="individual_business")
    assert zjcredit.first_loan_subsidy(record, kinds).eligible
    assert not zjcredit.first_loan_subsidy(record).eligible


def test_close_and_context_manager() -> None:
    with zjcredit.Plan.default() as p:
        assert p.measures()
    with pytest.raises(ValueError, match="closed"):
        p.measures()
    # A closed plan is never silently replaced by the default.
    with pytest.raises(ValueError, match="closed"):
        zjcredit.first_loan_subsidy(loan(), p)
    p.close()  # twice is fine
    with pytest.raises(TypeError):
        zjcredit.first_loan_subsidy(loan(), "2022")  # type: ignore[arg-type]


def test_a_plan_is_shared_between_threads(plan: zjcredit.Plan) -> None:
    expected = zjcredit.first_loan_subsidy(loan(), plan).to_json()
    results: list[str] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(20):
                results.append(zjcredit.first_loan_subsidy(loan(), plan).to_json())
                try:
                    zjcredit.parse_amount("1.005")
                except zjcredit.ParseError as e:  # the thread's own last error
                    assert "1.005" in e.message
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 80 and set(results) == {expected}
