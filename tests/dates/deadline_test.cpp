// Tests of zjcredit/dates/deadline.hpp: "于每月25日前" under all four readings
// (inclusive or not, rolling or not), the liaison form due 2022-09-16, and
// on-time / late / missing submissions. Expected days worked out by hand from
// the notices; weekdays checked with Python's datetime.
#include <zjcredit/dates/deadline.hpp>

#include "test_util.hpp"

#include <doctest/doctest.h>

#include <optional>

using namespace zjcredit::dates;
using zjcredit::dates::test::d;
using zjcredit::dates::test::mentions;
using zjcredit::dates::test::thrown;

namespace {

constexpr deadline_rule incl_roll{25, true, true};
constexpr deadline_rule incl_fixed{25, true, false};
constexpr deadline_rule excl_roll{25, false, true};
constexpr deadline_rule excl_fixed{25, false, false};

}  // namespace

TEST_CASE("the default rule is the 25th, inclusive, rolling") {
    constexpr deadline_rule rule;
    CHECK(rule.day_of_month == 25);
    CHECK(rule.inclusive);
    CHECK(rule.roll_to_working_day);
}

TEST_CASE("September 2022: the 24th is a Saturday, the 25th a Sunday") {
    CHECK(last_on_time_day(incl_roll, 2022, 9) == d(2022, 9, 26));   // 25 Sun -> Mon 26
    CHECK(last_on_time_day(incl_fixed, 2022, 9) == d(2022, 9, 25));  // the Sunday itself
    CHECK(last_on_time_day(excl_fixed, 2022, 9) == d(2022, 9, 24));  // the Saturday before
    CHECK(last_on_time_day(excl_roll, 2022, 9) == d(2022, 9, 26));   // 24 Sat -> Mon 26

    const auto c = check_submission(incl_roll, 2022, 9, std::nullopt);
    CHECK(c.named_day == d(2022, 9, 25));
    CHECK(c.before_roll == d(2022, 9, 25));
    CHECK(c.due == d(2022, 9, 26));
    CHECK(c.rolled());
    const auto x = check_submission(excl_roll, 2022, 9, std::nullopt);
    CHECK(x.named_day == d(2022, 9, 25));
    CHECK(x.before_roll == d(2022, 9, 24));
    CHECK(x.due == d(2022, 9, 26));
    CHECK(x.rolled());
}

TEST_CASE("October 2022: the 25th is an ordinary Tuesday, after the 国庆 break") {
    // 10-01..07 off and 10-08/09 made up are all before the 24th: nothing rolls.
    CHECK(last_on_time_day(incl_roll, 2022, 10) == d(2022, 10, 25));
    CHECK(last_on_time_day(incl_fixed, 2022, 10) == d(2022, 10, 25));
    CHECK(last_on_time_day(excl_fixed, 2022, 10) == d(2022, 10, 24));  // Mon
    CHECK(last_on_time_day(excl_roll, 2022, 10) == d(2022, 10, 24));   // Mon, working
    CHECK_FALSE(check_submission(incl_roll, 2022, 10, std::nullopt).rolled());
    CHECK_FALSE(check_submission(excl_roll, 2022, 10, std::nullopt).rolled());
}

TEST_CASE("December 2022: the 24th is a Saturday, the 25th a Sunday") {
    CHECK(last_on_time_day(incl_roll, 2022, 12) == d(2022, 12, 26));
    CHECK(last_on_time_day(incl_fixed, 2022, 12) == d(2022, 12, 25));
    CHECK(last_on_time_day(excl_fixed, 2022, 12) == d(2022, 12, 24));
    CHECK(last_on_time_day(excl_roll, 2022, 12) == d(2022, 12, 26));
}

TEST_CASE("rolling crosses holidays and stops on make-up working days") {
    // 2023-01-25 (Wed) and 01-24 are inside 春节 01-21..27; 01-28 is a make-up Saturday.
    CHECK(last_on_time_day(incl_roll, 2023, 1) == d(2023, 1, 28));
    CHECK(last_on_time_day(excl_roll, 2023, 1) == d(2023, 1, 28));
    CHECK(last_on_time_day(incl_fixed, 2023, 1) == d(2023, 1, 25));
    // 2023-06-25 is a Sunday but a make-up working day: no roll.
    CHECK(last_on_time_day(incl_roll, 2023, 6) == d(2023, 6, 25));
    CHECK_FALSE(check_submission(incl_roll, 2023, 6, std::nullopt).rolled());
    // A rule for the 1st: 2022-10-01 is 国庆, the next working day the make-up 10-08.
    CHECK(last_on_time_day(deadline_rule{1, true, true}, 2022, 10) == d(2022, 10, 8));
    // ... exclusive, the last on-time day is the Friday before, 09-30.
    CHECK(last_on_time_day(deadline_rule{1, false, true}, 2022, 10) == d(2022, 9, 30));
    CHECK(last_on_time_day(deadline_rule{1, false, false}, 2022, 10) == d(2022, 9, 30));
}

TEST_CASE("a named day the month lacks is the month's last day") {
    CHECK(for_month(deadline_rule{31, true, true}, 2022, 2).named_day == d(2022, 2, 28));
    CHECK(for_month(deadline_rule{31, true, true}, 2024, 2).named_day == d(2024, 2, 29));
    CHECK(for_month(deadline_rule{31, true, true}, 2022, 4).named_day == d(2022, 4, 30));
    CHECK(last_on_time_day(deadline_rule{31, true, true}, 2022, 2) == d(2022, 2, 28));   // Mon
    CHECK(last_on_time_day(deadline_rule{31, false, false}, 2022, 2) == d(2022, 2, 27));
}

TEST_CASE("monthly submissions: on time, late, missing") {
    SUBCASE("inclusive + roll, September 2022: due Monday 09-26") {
        const auto on_due = check_submission(incl_roll, 2022, 9, d(2022, 9, 26));
        CHECK(on_due.status == submission_status::on_time);
        CHECK(on_due.on_time);
        CHECK(on_due.days_late == 0);
        CHECK(on_due.received == d(2022, 9, 26));

        const auto early = check_submission(incl_roll, 2022, 9, d(2022, 8, 31));
        CHECK(early.status == submission_status::on_time);

        const auto late = check_submission(incl_roll, 2022, 9, d(2022, 9, 27));
        CHECK(late.status == submission_status::late);
        CHECK_FALSE(late.on_time);
        CHECK(late.days_late == 1);
    }
    SUBCASE("the same Monday under the other readings") {
        const auto a = check_submission(incl_fixed, 2022, 9, d(2022, 9, 26));
        CHECK(a.status == submission_status::late);
        CHECK(a.days_late == 1);
        const auto b = check_submission(excl_fixed, 2022, 9, d(2022, 9, 26));
        CHECK(b.status == submission_status::late);
        CHECK(b.days_late == 2);
        const auto c = check_submission(excl_roll, 2022, 9, d(2022, 9, 26));
        CHECK(c.status == submission_status::on_time);
    }
    SUBCASE("the 25th of October under each reading") {
        CHECK(check_submission(incl_roll, 2022, 10, d(2022, 10, 25)).on_time);
        CHECK(check_submission(incl_fixed, 2022, 10, d(2022, 10, 25)).on_time);
        const auto x = check_submission(excl_roll, 2022, 10, d(2022, 10, 25));
        CHECK(x.status == submission_status::late);
        CHECK(x.days_late == 1);
        CHECK(check_submission(excl_fixed, 2022, 10, d(2022, 10, 25)).days_late == 1);
    }
    SUBCASE("December 2022, received on the 31st") {
        CHECK(check_submission(incl_roll, 2022, 12, d(2022, 12, 31)).days_late == 5);   // after 12-26
        CHECK(check_submission(incl_fixed, 2022, 12, d(2022, 12, 31)).days_late == 6);  // after 12-25
        CHECK(check_submission(excl_fixed, 2022, 12, d(2022, 12, 31)).days_late == 7);  // after 12-24
        CHECK(check_submission(excl_roll, 2022, 12, d(2022, 12, 31)).days_late == 5);
        // the Sunday 25th: on time when included, or when the excluded 24th rolls to the 26th
        CHECK(check_submission(incl_fixed, 2022, 12, d(2022, 12, 25)).on_time);
        CHECK_FALSE(check_submission(excl_fixed, 2022, 12, d(2022, 12, 25)).on_time);
        CHECK(check_submission(excl_roll, 2022, 12, d(2022, 12, 25)).on_time);
    }
    SUBCASE("not received") {
        const auto m = check_submission(incl_roll, 2022, 11, std::nullopt);
        CHECK(m.status == submission_status::missing);
        CHECK_FALSE(m.on_time);
        CHECK(m.days_late == 0);
        CHECK_FALSE(m.received);
        CHECK(m.due == d(2022, 11, 25));  // Fri
    }
}

TEST_CASE("the liaison form, a fixed deadline on Friday 2022-09-16") {
    const fixed_deadline liaison{d(2022, 9, 16)};
    CHECK(liaison.inclusive);
    CHECK(liaison.roll_to_working_day);
    CHECK(last_on_time_day(liaison) == d(2022, 9, 16));
    CHECK(last_on_time_day(fixed_deadline{d(2022, 9, 16), true, false}) == d(2022, 9, 16));
    CHECK(last_on_time_day(fixed_deadline{d(2022, 9, 16), false, true}) == d(2022, 9, 15));
    CHECK(last_on_time_day(fixed_deadline{d(2022, 9, 16), false, false}) == d(2022, 9, 15));

    CHECK(check_submission(liaison, d(2022, 9, 16)).on_time);
    CHECK(check_submission(liaison, d(2022, 9, 13)).on_time);  // the day the plan was issued
    const auto late = check_submission(liaison, d(2022, 9, 19));
    CHECK(late.status == submission_status::late);
    CHECK(late.days_late == 3);
    const auto excl = check_submission(fixed_deadline{d(2022, 9, 16), false, true}, d(2022, 9, 16));
    CHECK(excl.status == submission_status::late);
    CHECK(excl.days_late == 1);
    CHECK(check_submission(liaison, std::nullopt).status == submission_status::missing);
    // a fixed deadline on a holiday rolls like a monthly one
    CHECK(last_on_time_day(fixed_deadline{d(2022, 9, 10)}) == d(2022, 9, 13));
}

TEST_CASE("status names") {
    CHECK(to_string(submission_status::on_time) == "on_time");
    CHECK(to_string(submission_status::late) == "late");
    CHECK(to_string(submission_status::missing) == "missing");
}

TEST_CASE("bad rules and months are validation errors") {
    for (const int dom : {0, 32, -1}) {
        CAPTURE(dom);
        const auto e = thrown<zjcredit::validation_error>([&] { (void)for_month(deadline_rule{dom}, 2022, 9); });
        REQUIRE(e);
        CHECK(e->field() == "day_of_month");
        CHECK(e->text() == std::to_string(dom));
    }
    const auto m = thrown<zjcredit::validation_error>([] { (void)last_on_time_day(deadline_rule{}, 2022, 13); });
    REQUIRE(m);
    CHECK(m->field() == "month");
    CHECK(m->text() == "13");
    const auto y = thrown<zjcredit::validation_error>([] { (void)last_on_time_day(deadline_rule{}, 0, 1); });
    REQUIRE(y);
    CHECK(y->field() == "year");
    CHECK_THROWS_AS((void)check_submission(fixed_deadline{date(boost::gregorian::not_a_date_time)}, std::nullopt),
                    zjcredit::validation_error);
}

TEST_CASE("rolling needs calendar data; not rolling does not") {
    // 2024 is not in the built-in calendar: the roll cannot be decided.
    const auto e = thrown<zjcredit::validation_error>([] { (void)last_on_time_day(incl_roll, 2024, 1); });
    REQUIRE(e);
    CHECK(mentions(*e, "calendar has no data for 2024-01-25"));
    // Without roll the answer is the named day, whatever the calendar knows.
    CHECK(last_on_time_day(incl_fixed, 2024, 1) == d(2024, 1, 25));
    CHECK(last_on_time_day(excl_fixed, 2024, 1) == d(2024, 1, 24));
    // December 2023: 25th Monday, covered.
    CHECK(last_on_time_day(incl_roll, 2023, 12) == d(2023, 12, 25));
}
