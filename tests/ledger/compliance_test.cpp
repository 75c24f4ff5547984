// Compliance of the monthly 工作台账 ("于每月25日前").
//
// Worked by hand from the calendar (weekdays checked with Python datetime):
//   2022-09-24 Saturday, 09-25 Sunday, 09-26 Monday, 09-27 Tuesday;
//   2022-10-24 Monday, 10-25 Tuesday, 10-26 Wednesday; 10-01..07 国庆节,
//   10-08 (Saturday) a make-up working day; 2022-11-25 Friday;
//   2022-12-24 Saturday, 12-25 Sunday, 12-26 Monday.
// September, named day the 25th (Sunday):
//   inclusive + roll      : last day by "前" 09-25, rolled to 09-26
//   inclusive, no roll    : 09-25
//   exclusive + roll      : 09-24 (Saturday), rolled to 09-26
//   exclusive, no roll    : 09-24
// October, named day the 25th (Tuesday): inclusive 10-25, exclusive 10-24
// (Monday, a working day), with or without roll.
#include "test_util.hpp"

#include <zjcredit/ledger/compliance.hpp>

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::ledger;
using namespace zjcredit::ledger::test;
using dates::submission_status;

namespace {

const year_month sep(2022, 9);
const year_month oct(2022, 10);
const year_month nov(2022, 11);
const year_month dec(2022, 12);

check_options rule(bool inclusive, bool roll) {
    check_options o;
    o.rule = dates::deadline_rule{25, inclusive, roll};
    return o;
}

/// 市商务局's standing when its September (or other) ledger arrives on `received`.
dates::deadline_check commerce_check(year_month m, dates::date received, const check_options& o = {}) {
    const std::vector<submission> subs = {commerce(m, received)};
    return check_month(p2022(), subs, m, o).unit("commerce").check;
}

}  // namespace

TEST_SUITE("ledger.compliance") {

TEST_CASE("September 2022 with the plan's reading: the Sunday 25th rolls to Monday the 26th") {
    const std::vector<submission> none;
    const month_compliance m = check_month(p2022(), none, sep);
    CHECK(m.named_day == d(2022, 9, 25));
    CHECK(m.before_roll == d(2022, 9, 25));
    CHECK(m.due == d(2022, 9, 26));
    CHECK(m.rolled());
    // The reading is stated in the result.
    CHECK(m.rule.deadline == "monthly_ledger");
    CHECK(m.rule.day_of_month == 25);
    CHECK(m.rule.inclusive);
    CHECK(m.rule.roll_to_working_day);
    CHECK(m.rule.from_plan);
    CHECK(m.rule.clause == "湛金函〔2022〕86号 四、组织保障（二）");
    CHECK(m.rule.text.find("于每月25日前") != std::string::npos);
    CHECK(m.rule.calendar == "2022-01-01..2023-12-31");
    CHECK(m.rule.zh.find("含当日") != std::string::npos);
    CHECK(m.rule.zh.find("民法典 第二百零三条") != std::string::npos);
    CHECK(m.rule.en.find("including the named day") != std::string::npos);
    CHECK(m.explanation_zh.find("2022-09-25（星期日，休息日）") != std::string::npos);
    CHECK(m.explanation_zh.find("2022-09-26（星期一，工作日）") != std::string::npos);
    CHECK(m.explanation_en.find("2022-09-26 (Monday, working day)") != std::string::npos);

    CHECK(commerce_check(sep, d(2022, 9, 20)).status == submission_status::on_time);
    CHECK(commerce_check(sep, d(2022, 9, 25)).status == submission_status::on_time);
    CHECK(commerce_check(sep, d(2022, 9, 26)).status == submission_status::on_time);
    const auto late = commerce_check(sep, d(2022, 9, 27));
    CHECK(late.status == submission_status::late);
    CHECK(late.days_late == 1);
    CHECK(late.due == d(2022, 9, 26));
    CHECK(late.received == d(2022, 9, 27));
}

TEST_CASE("September 2022 under each combination of the two flags") {
    struct row {
        bool inclusive, roll;
        int due_day;
        // days late when received on 09-24, 09-25, 09-26, 09-27 (0: on time)
        std::int64_t late[4];
    };
    const row table[] = {
        {true, true, 26, {0, 0, 0, 1}},
        {true, false, 25, {0, 0, 1, 2}},
        {false, true, 26, {0, 0, 0, 1}},
        {false, false, 24, {0, 1, 2, 3}},
    };
    for (const row& r : table) {
        CAPTURE(r.inclusive);
        CAPTURE(r.roll);
        const std::vector<submission> none;
        const month_compliance m = check_month(p2022(), none, sep, rule(r.inclusive, r.roll));
        CHECK(m.due == d(2022, 9, r.due_day));
        CHECK(m.before_roll == d(2022, 9, r.inclusive ? 25 : 24));
        CHECK(m.rule.inclusive == r.inclusive);
        CHECK(m.rule.roll_to_working_day == r.roll);
        CHECK_FALSE(m.rule.from_plan);
        for (int i = 0; i < 4; ++i) {
            const auto c = commerce_check(sep, d(2022, 9, 24 + i), rule(r.inclusive, r.roll));
            CAPTURE(i);
            CHECK(c.status == (r.late[i] == 0 ? submission_status::on_time : submission_status::late));
            CHECK(c.days_late == r.late[i]);
        }
    }
    CHECK(check_month(p2022(), std::vector<submission>{}, sep, rule(false, false)).rule.zh.find("不含当日") !=
          std::string::npos);
    CHECK(check_month(p2022(), std::vector<submission>{}, sep, rule(true, false)).rule.zh.find("不顺延") !=
          std::string::npos);
}

TEST_CASE("October 2022: the 25th is a Tuesday, nothing rolls") {
    struct row {
        bool inclusive, roll;
        int due_day;
        std::int64_t late[3];  // received 10-24, 10-25, 10-26
    };
    const row table[] = {
        {true, true, 25, {0, 0, 1}},
        {true, false, 25, {0, 0, 1}},
        {false, true, 24, {0, 1, 2}},
        {false, false, 24, {0, 1, 2}},
    };
    for (const row& r : table) {
        CAPTURE(r.inclusive);
        CAPTURE(r.roll);
        const month_compliance m = check_month(p2022(), std::vector<submission>{}, oct, rule(r.inclusive, r.roll));
        CHECK(m.named_day == d(2022, 10, 25));
        CHECK(m.due == d(2022, 10, r.due_day));
        CHECK_FALSE(m.rolled());
        for (int i = 0; i < 3; ++i) {
            const auto c = commerce_check(oct, d(2022, 10, 24 + i), rule(r.inclusive, r.roll));
            CAPTURE(i);
            CHECK(c.days_late == r.late[i]);
            CHECK(c.on_time == (r.late[i] == 0));
        }
    }
    const month_compliance m = check_month(p2022(), std::vector<submission>{}, oct);
    CHECK(m.explanation_zh.find("2022-10-25（星期二，工作日）") != std::string::npos);
    CHECK(m.explanation_zh.find("无需顺延") != std::string::npos);
}

TEST_CASE("late by N calendar days, across the National Day holiday") {
    // September's due day is 09-26: 10-03 is 7 days after, 10-08 (a make-up
    // working Saturday) 12 days.
    CHECK(commerce_check(sep, d(2022, 10, 3)).days_late == 7);
    CHECK(commerce_check(sep, d(2022, 10, 8)).days_late == 12);
    // The next month's ledger is judged against its own 25th.
    CHECK(commerce_check(nov, d(2022, 11, 25)).on_time);
    CHECK(commerce_check(nov, d(2022, 11, 28)).days_late == 3);
    // December: the 25th is a Sunday again, due Monday the 26th.
    CHECK(commerce_check(dec, d(2022, 12, 26)).on_time);
    CHECK(commerce_check(dec, d(2022, 12, 27)).days_late == 1);
}

TEST_CASE("missing: a unit with no ledger for the month") {
    // 市商务局's ledger is for September only; in October it is missing.
    const std::vector<submission> subs = {commerce(sep, d(2022, 9, 26))};
    const month_compliance m = check_month(p2022(), subs, oct);
    const auto& c = m.unit("commerce").check;
    CHECK(c.status == submission_status::missing);
    CHECK_FALSE(c.received);
    CHECK(c.days_late == 0);
    CHECK(c.due == d(2022, 10, 25));
    CHECK(m.unit("commerce").submissions == 0);
    // Every one of the 18 units is listed; only 市商务局 filed in September.
    const month_compliance s = check_month(p2022(), subs, sep);
    CHECK(s.units.size() == 18);
    CHECK(s.counts.on_time == 1);
    CHECK(s.counts.late == 0);
    CHECK(s.counts.missing == 17);
    CHECK(s.unit("industry_it").check.status == submission_status::missing);
    CHECK(m.counts.missing == 18);
}

TEST_CASE("corrections, tasks not reported, the issuer and unknown units") {
    // A late correction does not make a timely ledger late; both are counted.
    std::vector<submission> subs = {commerce(sep, d(2022, 9, 30)), commerce(sep, d(2022, 9, 23))};
    month_compliance m = check_month(p2022(), subs, sep);
    CHECK(m.unit("commerce").check.on_time);
    CHECK(m.unit("commerce").check.received == d(2022, 9, 23));
    CHECK(m.unit("commerce").submissions == 2);
    CHECK(m.unit("commerce").tasks_not_reported.empty());

    // A ledger with one of the three rows.
    subs = {filed("商务局", sep, d(2022, 9, 26), {{m3_fx, progress_status::done}})};
    m = check_month(p2022(), subs, sep);
    CHECK(m.unit("commerce").check.on_time);
    CHECK(m.unit("commerce").tasks_not_reported == std::vector<std::string>{m3_cips, m3_rmb});

    // The issuer owes no ledger: listed, not counted.
    subs = {submission{"市金融局", sep, d(2022, 9, 26), {}}};
    m = check_month(p2022(), subs, sep);
    CHECK(m.unexpected_units == std::vector<std::string>{"finance_bureau"});
    CHECK(m.counts.total() == 18);
    CHECK(m.counts.missing == 18);

    subs = {submission{"市教育局", sep, d(2022, 9, 26), {}}};
    CHECK(thrown<not_found_error>([&] { check_month(p2022(), subs, sep); }));

    // A broken ledger is an error, not a silent pass.
    subs = {commerce(sep, d(2022, 9, 26))};
    subs[0].entries[0].task = "m1.ip_pledge_loans";
    CHECK(thrown<validation_error>([&] { check_month(p2022(), subs, sep); }));
}

TEST_CASE("the whole of 2022-09..2022-12") {
    const std::vector<submission> subs = {
        commerce(sep, d(2022, 9, 26)),                              // on time (rolled)
        commerce(oct, d(2022, 10, 27)),                             // late 2
        commerce(dec, d(2022, 12, 26)),                             // on time (rolled)
        filed("人民银行湛江市中心支行", sep, d(2022, 10, 8), {}),  // late 12
        filed("pbc_zhanjiang", oct, d(2022, 10, 31), {}),           // late 6
    };
    const period_compliance p = check_period(p2022(), subs);
    CHECK(p.first == sep);
    CHECK(p.last == dec);
    REQUIRE(p.months.size() == 4);
    CHECK(p.months[0].due == d(2022, 9, 26));
    CHECK(p.months[1].due == d(2022, 10, 25));
    CHECK(p.months[2].due == d(2022, 11, 25));
    CHECK(p.months[3].due == d(2022, 12, 26));
    CHECK(p.rule.inclusive);
    CHECK(p.rule.roll_to_working_day);

    const unit_summary& c = p.unit("commerce");
    CHECK(c.counts.on_time == 2);
    CHECK(c.counts.late == 1);
    CHECK(c.counts.missing == 1);
    CHECK(c.days_late_total == 2);
    CHECK(c.days_late_max == 2);
    const unit_summary& b = p.unit("pbc_zhanjiang");
    CHECK(b.counts.late == 2);
    CHECK(b.counts.missing == 2);
    CHECK(b.days_late_total == 18);
    CHECK(b.days_late_max == 12);
    // 18 units × 4 months = 72 rows: 2 on time, 3 late, 67 missing.
    CHECK(p.counts.total() == 72);
    CHECK(p.counts.on_time == 2);
    CHECK(p.counts.late == 3);
    CHECK(p.counts.missing == 67);
    CHECK_FALSE(p.all_on_time());

    // An explicit run of months, and a reversed one.
    const period_compliance q = check_period(p2022(), subs, oct, oct);
    REQUIRE(q.months.size() == 1);
    CHECK(q.unit("commerce").counts.late == 1);
    CHECK(thrown<validation_error>([&] { check_period(p2022(), subs, dec, sep); }));
}

TEST_CASE("a calendar that does not cover the month is an error, not a guess") {
    // The built-in calendar ends 2023-12-31: December 2023's 25th is a
    // Monday and needs no roll, but the rule without roll never asks.
    CHECK(check_month(p2022(), std::vector<submission>{}, year_month(2023, 12)).due == d(2023, 12, 25));
    CHECK(thrown<validation_error>(
        [] { check_month(p2022(), std::vector<submission>{}, year_month(2024, 5)); }));
    CHECK(check_month(p2022(), std::vector<submission>{}, year_month(2024, 5), rule(true, false)).due ==
          d(2024, 5, 25));
}

}  // TEST_SUITE
