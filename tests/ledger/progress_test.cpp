// Roll-ups per measure and unit, and tasks past their 时间节点.
//
// Measure 三 is led by 人民银行湛江市中心支行 with 市商务局 and 市金融局
// responsible; 市金融局 issues the plan and files no ledger, so the rows of 三
// are 人行's three and 市商务局's three: six.
#include "test_util.hpp"

#include <zjcredit/ledger/progress.hpp>

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::ledger;
using namespace zjcredit::ledger::test;

namespace {

const year_month sep(2022, 9);
const year_month oct(2022, 10);

/// The 2022 plan with milestones on two tasks of 三 (the plan leaves them
/// to the units: 四、组织保障（二）).
plan::plan with_milestones() {
    plan::plan p = p2022();
    for (auto& m : p.measures)
        for (auto& t : m.tasks) {
            if (t.id == m3_fx) t.milestone = d(2022, 10, 31);
            if (t.id == m3_cips) t.milestone = d(2022, 11, 30);
        }
    return p;
}

const overdue_task* find(const std::vector<overdue_task>& v, const std::string& unit, const std::string& task) {
    for (const auto& o : v)
        if (o.unit == unit && o.task == task) return &o;
    return nullptr;
}

}  // namespace

TEST_SUITE("ledger.progress") {

TEST_CASE("roll-up of one month per measure and per unit") {
    const std::vector<submission> subs = {
        filed("commerce", sep, d(2022, 9, 26),
              {{m3_fx, progress_status::done}, {m3_cips, progress_status::in_progress},
               {m3_rmb, progress_status::at_risk}}),
    };
    const progress_report r = roll_up(p2022(), subs, sep);
    CHECK(r.month == sep);

    const status_counts& m3 = r.measure("m3").counts;
    CHECK(m3.total() == 6);
    CHECK(m3.done == 1);
    CHECK(m3.in_progress == 1);
    CHECK(m3.at_risk == 1);
    CHECK(m3.not_started == 0);
    CHECK(m3.not_reported == 3);  // 人行's three rows
    CHECK(m3.reported() == 3);

    const status_counts& c = r.unit("commerce").counts;
    CHECK(c.total() == 3);
    CHECK(c.not_reported == 0);
    CHECK(c.done == 1);
    CHECK(r.unit("pbc_zhanjiang").counts.reported() == 0);
    CHECK(r.unit("pbc_zhanjiang").counts.not_reported == r.unit("pbc_zhanjiang").counts.total());

    // Every measure is listed, even one nobody reported on; the totals agree.
    CHECK(r.measures.size() == p2022().measures.size());
    std::size_t by_measure = 0, by_unit = 0;
    for (const auto& m : r.measures) by_measure += m.counts.total();
    for (const auto& u : r.units) by_unit += u.counts.total();
    CHECK(by_measure == r.overall.total());
    CHECK(by_unit == r.overall.total());
    CHECK(r.items.size() == r.overall.total());
    CHECK(r.overall.done == 1);
    CHECK(r.overall.reported() == 3);
}

TEST_CASE("roll-up: the latest ledger of the month wins; other months do not count") {
    const std::vector<submission> subs = {
        filed("commerce", sep, d(2022, 9, 28), {{m3_fx, progress_status::done}}),
        filed("commerce", sep, d(2022, 9, 23), {{m3_fx, progress_status::in_progress}}),
        filed("commerce", oct, d(2022, 10, 25), {{m3_cips, progress_status::done}}),
    };
    const progress_report r = roll_up(p2022(), subs, sep);
    const status_counts& c = r.unit("commerce").counts;
    CHECK(c.done == 1);
    CHECK(c.in_progress == 0);
    CHECK(c.not_reported == 2);
    const auto it = std::find_if(r.items.begin(), r.items.end(),
                                 [](const task_state& t) { return t.unit == "commerce" && t.task == m3_fx; });
    REQUIRE(it != r.items.end());
    CHECK(it->received == d(2022, 9, 28));
}

TEST_CASE("past milestone: not done after the 时间节点, as of a date") {
    const plan::plan p = with_milestones();
    std::vector<submission> subs = {commerce(sep, d(2022, 9, 26))};
    // 市商务局 sets its own milestone for the third task, 2022-10-15.
    subs[0].entries[2].milestone = d(2022, 10, 15);
    subs[0].entries[2].status = progress_status::at_risk;
    subs[0].entries[1].status = progress_status::done;

    // As of 10-31: the 10-31 milestone is not yet past; 10-15 is, by 16 days.
    auto v = past_milestone(p, subs, d(2022, 10, 31));
    REQUIRE(v.size() == 1);
    CHECK(v[0].unit == "commerce");
    CHECK(v[0].task == m3_rmb);
    CHECK(v[0].milestone == d(2022, 10, 15));
    CHECK_FALSE(v[0].milestone_from_plan);
    CHECK(v[0].status == progress_status::at_risk);
    CHECK(v[0].reported_month == sep);
    CHECK(v[0].reported_on == d(2022, 9, 26));
    CHECK(v[0].days_past == 16);

    // As of 11-01 the plan's 10-31 has passed for both units owing 三's first
    // task: 市商务局 (in progress) and 人行 (never reported).
    v = past_milestone(p, subs, d(2022, 11, 1));
    CHECK(v.size() == 3);
    const overdue_task* c = find(v, "commerce", m3_fx);
    REQUIRE(c);
    CHECK(c->milestone_from_plan);
    CHECK(c->days_past == 1);
    CHECK(c->status == progress_status::in_progress);
    const overdue_task* b = find(v, "pbc_zhanjiang", m3_fx);
    REQUIRE(b);
    CHECK_FALSE(b->status);
    CHECK_FALSE(b->reported_month);
    CHECK(find(v, "commerce", m3_rmb));
    // The second task is done: never flagged, even after its 11-30.
    CHECK_FALSE(find(past_milestone(p, subs, d(2022, 12, 1)), "commerce", m3_cips));
    CHECK(find(past_milestone(p, subs, d(2022, 12, 1)), "pbc_zhanjiang", m3_cips));

    // October's ledger says the first task is done: it clears the flag, but
    // only from the day it was received.
    subs.push_back(filed("commerce", oct, d(2022, 11, 3), {{m3_fx, progress_status::done}}));
    CHECK(find(past_milestone(p, subs, d(2022, 11, 2)), "commerce", m3_fx));
    CHECK_FALSE(find(past_milestone(p, subs, d(2022, 11, 3)), "commerce", m3_fx));
}

TEST_CASE("past milestone: no milestone, no flag; the latest month wins over a later-received older month") {
    // The embedded plan sets no milestones.
    const std::vector<submission> plain = {commerce(sep, d(2022, 9, 26))};
    CHECK(past_milestone(p2022(), plain, d(2022, 12, 31)).empty());

    std::vector<submission> subs = {
        filed("commerce", oct, d(2022, 10, 25), {{m3_fx, progress_status::done}}),
        // A corrected September ledger received later still says in progress.
        filed("commerce", sep, d(2022, 10, 28), {{m3_fx, progress_status::in_progress}}),
    };
    subs[0].entries[0].milestone = d(2022, 10, 1);
    subs[1].entries[0].milestone = d(2022, 10, 1);
    CHECK(past_milestone(p2022(), subs, d(2022, 11, 1)).empty());
}

}  // TEST_SUITE
