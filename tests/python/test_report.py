"""zjcredit.report / report_html over zjc_report_json / zjc_report_html
(docs/report.md). Figures worked by hand, in each target's stated unit (亿元).

sme_guarantee_loans (2.2亿元): S = 1.3亿, 1.6亿 in June, 1.75亿 in September:
  a = 0.45/9 = 0.05, P = 1.75 + 3 × 0.05 = 1.9 < 2.2: 红, 风险; margin 1.75 − 2.2 = −0.45.
sme_credit_loans (250亿元): S = 200亿, 245亿 in September: a = 5, P = 260,
  margin 10 ≥ a and n = 5/3 ≤ a: 绿, 预计达成; actual 245, margin −5.
The 14 other targets have no figures: 暂无法评估.
"""

import pytest

import zjcredit


def month(as_of, rows):
    return {"schema_version": 1, "as_of": as_of, "observations": [dict(r, as_of=as_of, source="市金融局") for r in rows]}


OBSERVATIONS = [
    month("2022-06-30", [{"indicator": "sme_guarantee_loan_balance", "year_start": "1.3亿", "current": "1.6亿"},
                         {"indicator": "sme_credit_loan_balance", "year_start": "200亿", "current": "230亿"}]),
    month("2022-09-30", [{"indicator": "sme_guarantee_loan_balance", "current": "1.75亿"},
                         {"indicator": "sme_credit_loan_balance", "current": "245亿"}]),
]


def target(doc, tid):
    return next(t for t in doc["targets"] if t["id"] == tid)


def test_report_worked_by_hand():
    doc = zjcredit.report(OBSERVATIONS)
    assert doc["kind"] == "zjcredit.report"
    assert doc["as_of"] == "2022-09-30"
    assert doc["headline"] == {"met": 0, "on_track": 1, "at_risk": 1, "unknown": 14, "total": 16}
    g = target(doc, "sme_guarantee_loans")
    assert (g["unit"], g["actual"], g["threshold"], g["margin"]) == ("亿元", "1.75", "2.2", "-0.45")
    assert g["standing"] == "at_risk" and g["warning"]["grade"] == "red"
    assert g["warning"]["projected"] in ("1.9", "1.90")
    c = target(doc, "sme_credit_loans")
    assert (c["actual"], c["margin"], c["standing"], c["warning"]["grade"]) == ("245", "-5", "on_track", "green")
    assert [p["month"] for p in c["warning"]["series"]] == [0, 6, 9]
    assert doc["compliance"] is None and doc["subsidies"] is None


def test_report_html_is_one_page():
    page = zjcredit.report_html(OBSERVATIONS, lang="en")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and page.count("<svg") == 16
    assert 'data-target="sme_guarantee_loans"' in page


def test_report_refuses_bad_input():
    with pytest.raises(zjcredit.Error, match="observations"):
        zjcredit.report([])
    with pytest.raises(zjcredit.Error, match="months"):
        zjcredit.report(OBSERVATIONS, months="2022-09")
