// Plan lint: the 2022 plan's own findings (DESIGN.md §1 "Plan lint", worked
// from the text: 市工信局 and 市商务局 are responsible units missing from the
// 主送 line; sections go 一, 二, 四; 附件1 and 附件2 are referred to but not
// printed), then every other finding class on a modified copy.
#include <zjcredit/plan/lint.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using namespace zjcredit::plan;
using zjcredit::dates::date;

namespace {

/// Findings of `p` that the unmodified 2022 plan does not have.
std::vector<finding> new_findings(const plan& p) {
    const std::vector<finding> base = lint(plan_2022());
    std::vector<finding> out;
    for (const auto& f : lint(p))
        if (std::find(base.begin(), base.end(), f) == base.end()) out.push_back(f);
    return out;
}

plan copy() { return plan_2022(); }

measure& m(plan& p, const char* id) {
    for (auto& x : p.measures)
        if (x.id == id) return x;
    FAIL("no measure ", id);
    return p.measures.front();
}

target& t(plan& p, const char* id) {
    for (auto& x : p.targets)
        if (x.id == id) return x;
    FAIL("no target ", id);
    return p.targets.front();
}

}  // namespace

TEST_CASE("lint of the 2022 plan: exactly the text's three problems") {
    const std::vector<finding> f = lint(plan_2022());
    REQUIRE(f.size() == 5);

    // 市工信局 (responsible for 二 and 四) and 市商务局 (三), reported once each, in measure order.
    CHECK(f[0].code == "unit_not_addressed");
    CHECK(f[0].subject == find_unit(plan_2022(), "市工信局").id);
    CHECK(f[0].clause == "二、主要措施（二）");
    CHECK(f[0].level == severity::warning);
    CHECK(f[0].message.find("市工信局") != std::string::npos);
    CHECK(f[1].code == "unit_not_addressed");
    CHECK(f[1].subject == find_unit(plan_2022(), "市商务局").id);
    CHECK(f[1].clause == "二、主要措施（三）");
    CHECK(f[1].message.find("市商务局") != std::string::npos);

    // 一、工作目标 二、主要措施 四、组织保障: no 三.
    CHECK(f[2].code == "section_gap");
    CHECK(f[2].subject == "三");
    CHECK(f[2].clause == "四、组织保障");

    CHECK(f[3].code == "attachment_missing");
    CHECK(f[3].subject == "附件1");
    CHECK(f[4].code == "attachment_missing");
    CHECK(f[4].subject == "附件2");
    for (const auto& x : f) CHECK(x.level == severity::warning);
}

TEST_CASE("lint: a target that no measure serves") {
    plan p = copy();
    auto& targets = m(p, "m1").targets;
    targets.erase(std::find(targets.begin(), targets.end(), "matching_events"));
    const auto f = new_findings(p);
    REQUIRE(f.size() == 1);
    CHECK(f[0].code == "target_unserved");
    CHECK(f[0].subject == "matching_events");
    CHECK(f[0].clause == "二、主要措施（一）");
}

TEST_CASE("lint: a measure with no lead unit") {
    plan p = copy();
    m(p, "m3").lead.clear();
    const auto f = new_findings(p);
    REQUIRE(f.size() == 1);
    CHECK(f[0].code == "measure_without_lead");
    CHECK(f[0].subject == "m3");
    CHECK(f[0].level == severity::error);
    CHECK(f[0].clause == "二、主要措施（三）");
}

TEST_CASE("lint: deadlines after the plan's due date (2022-12-31)") {
    SUBCASE("a one-off deadline in 2023") {
        plan p = copy();
        p.deadlines[0].due = date(2023, 1, 5);
        const auto f = new_findings(p);
        REQUIRE(f.size() == 1);
        CHECK(f[0].code == "deadline_after_due");
        CHECK(f[0].subject == "liaison_form");
        CHECK(f[0].message.find("2023-01-05") != std::string::npos);
    }
    SUBCASE("a one-off deadline on the due date itself is fine") {
        plan p = copy();
        p.deadlines[0].due = date(2022, 12, 31);
        CHECK(new_findings(p).empty());
    }
    SUBCASE("a monthly deadline whose last month runs into 2023") {
        plan p = copy();
        p.deadlines[1].last_month = date(2023, 1, 1);  // last deadline 2023-01-25
        const auto f = new_findings(p);
        REQUIRE(f.size() == 1);
        CHECK(f[0].code == "deadline_after_due");
        CHECK(f[0].subject == "monthly_ledger");
        CHECK(f[0].message.find("2023-01-25") != std::string::npos);
    }
    SUBCASE("a day of month past the end of a short month names that month's last day") {
        // "每月31日前" in November names 2022-11-30, which is not after a due date of 2022-11-30.
        plan p = copy();
        p.doc.due = date(2022, 11, 30);
        p.deadlines[1].rule.day_of_month = 31;
        p.deadlines[1].last_month = date(2022, 11, 1);
        for (auto& x : p.targets) x.due = date(2022, 11, 30);
        CHECK(new_findings(p).empty());
        p.deadlines[1].last_month = date(2022, 12, 1);  // 2022-12-31 is after it
        const auto f = new_findings(p);
        REQUIRE(f.size() == 1);
        CHECK(f[0].message.find("2022-12-31") != std::string::npos);
    }
    SUBCASE("a target due after the plan") {
        plan p = copy();
        t(p, "equity_financing").due = date(2023, 3, 31);
        const auto f = new_findings(p);
        REQUIRE(f.size() == 1);
        CHECK(f[0].code == "deadline_after_due");
        CHECK(f[0].subject == "equity_financing");
    }
}

TEST_CASE("lint: a task milestone after the plan's due date") {
    plan p = copy();
    m(p, "m1").tasks[0].milestone = date(2022, 12, 31);  // on the due date: fine
    m(p, "m6").tasks[2].milestone = date(2023, 1, 15);
    const auto f = new_findings(p);
    REQUIRE(f.size() == 1);
    CHECK(f[0].code == "milestone_after_due");
    CHECK(f[0].subject == m(p, "m6").tasks[2].id);
    CHECK(f[0].clause == "二、主要措施（六）");
    CHECK(f[0].message.find("2023-01-15") != std::string::npos);
}

TEST_CASE("lint: a comparator that contradicts its word") {
    SUBCASE("以上 includes the number, so > is wrong") {
        plan p = copy();
        t(p, "sme_credit_loans").op = comparator::more_than;
        const auto f = new_findings(p);
        REQUIRE(f.size() == 1);
        CHECK(f[0].code == "comparator_mismatch");
        CHECK(f[0].subject == "sme_credit_loans");
        CHECK(f[0].level == severity::error);
    }
    SUBCASE("a bare 增加 means any increase, so ≥ is wrong") {
        plan p = copy();
        t(p, "ip_pledge_loans").op = comparator::at_least;
        const auto f = new_findings(p);
        REQUIRE(f.size() == 1);
        CHECK(f[0].code == "comparator_mismatch");
        CHECK(f[0].subject == "ip_pledge_loans");
    }
    SUBCASE("a word outside the legal set") {
        plan p = copy();
        t(p, "listing_reserve").comparator_word = "左右";
        const auto f = new_findings(p);
        REQUIRE(f.size() == 1);
        CHECK(f[0].code == "comparator_mismatch");
        CHECK(f[0].message.find("左右") != std::string::npos);
    }
}

TEST_CASE("lint: references to units and targets the plan does not hold") {
    plan p = copy();
    m(p, "m1").tasks[0].target = "ghost_goal";
    m(p, "m4").lead.push_back("nobody");
    m(p, "m2").targets.push_back("ghost_target");
    m(p, "m5").tasks[0].responsible.push_back("ghost_unit");
    const auto f = new_findings(p);
    REQUIRE(f.size() == 4);
    for (const auto& x : f) {
        CHECK(x.code == "dangling_reference");
        CHECK(x.level == severity::error);
    }
    // Measures in plan order; within one, its units, its targets, then its tasks.
    CHECK(f[0].subject == "ghost_goal");
    CHECK(f[0].message.find(m(p, "m1").tasks[0].id) != std::string::npos);
    CHECK(f[1].subject == "ghost_target");
    CHECK(f[1].clause == "二、主要措施（二）");
    CHECK(f[2].subject == "nobody");
    CHECK(f[2].clause == "二、主要措施（四）");
    CHECK(f[3].subject == "ghost_unit");
    CHECK(f[3].message.find(m(p, "m5").tasks[0].id) != std::string::npos);
}

TEST_CASE("lint: a unit on the recipient list is not reported; one taken off it is") {
    plan p = copy();
    for (auto& u : p.units)
        if (u.name == "市工信局") u.addressed = true;
    for (auto& u : p.units)
        if (u.name == "市税务局") u.addressed = false;
    const auto f = lint(p);
    const auto count = [&](const std::string& subject) {
        return std::count_if(f.begin(), f.end(), [&](const finding& x) {
            return x.code == "unit_not_addressed" && x.subject == subject;
        });
    };
    CHECK(count(find_unit(p, "市工信局").id) == 0);
    CHECK(count(find_unit(p, "市商务局").id) == 1);
    CHECK(count(find_unit(p, "市税务局").id) == 1);
}
