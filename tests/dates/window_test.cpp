// Tests of zjcredit/dates/window.hpp: closed windows, both ends included.
#include <zjcredit/dates/window.hpp>

#include "test_util.hpp"

#include <doctest/doctest.h>

using namespace zjcredit::dates;
using zjcredit::dates::test::d;
using zjcredit::dates::test::mentions;
using zjcredit::dates::test::thrown;

TEST_CASE("the first-loan window 2022-04-01..2022-06-30 includes both ends") {
    const window w(d(2022, 4, 1), d(2022, 6, 30));
    CHECK(w.from() == d(2022, 4, 1));
    CHECK(w.to() == d(2022, 6, 30));
    CHECK_FALSE(w.contains(d(2022, 3, 31)));
    CHECK(w.contains(d(2022, 4, 1)));
    CHECK(w.contains(d(2022, 5, 15)));
    CHECK(w.contains(d(2022, 6, 30)));
    CHECK_FALSE(w.contains(d(2022, 7, 1)));
    CHECK_FALSE(w.contains(d(2021, 5, 15)));
    // April 30 + May 31 + June 30
    CHECK(w.days() == 91);
    CHECK(to_string(w) == "2022-04-01..2022-06-30");
}

TEST_CASE("window days count both ends") {
    CHECK(window(d(2022, 9, 16), d(2022, 9, 16)).days() == 1);
    CHECK(window(d(2022, 1, 1), d(2022, 12, 31)).days() == 365);
    CHECK(window(d(2020, 1, 1), d(2020, 12, 31)).days() == 366);
    // the receivables window: 365 days of 2022 + 181 of 2023's first half
    CHECK(window(d(2022, 1, 1), d(2023, 6, 30)).days() == 546);
    CHECK(window(d(2022, 2, 28), d(2022, 3, 1)).days() == 2);
    CHECK(window(d(2024, 2, 28), d(2024, 3, 1)).days() == 3);
}

TEST_CASE("a reversed window is a validation_error naming both dates") {
    const auto e = thrown<zjcredit::validation_error>([] { (void)window(d(2022, 6, 30), d(2022, 4, 1)); });
    REQUIRE(e);
    CHECK(e->code() == zjcredit::errc::validation);
    CHECK(e->field() == "window");
    CHECK(mentions(*e, "2022-06-30"));
    CHECK(mentions(*e, "2022-04-01"));

    const auto named = thrown<zjcredit::validation_error>(
        [] { (void)window(d(2022, 7, 1), d(2022, 6, 30), "application_window"); });
    REQUIRE(named);
    CHECK(named->field() == "application_window");

    CHECK_THROWS_AS(window(date(boost::gregorian::not_a_date_time), d(2022, 6, 30)), zjcredit::validation_error);
}

TEST_CASE("overlaps counts touching ends, because both ends are included") {
    const window q2(d(2022, 4, 1), d(2022, 6, 30));
    const window june_july(d(2022, 6, 30), d(2022, 7, 31));
    const window july(d(2022, 7, 1), d(2022, 7, 31));
    const window march(d(2022, 3, 1), d(2022, 3, 31));
    const window may(d(2022, 5, 1), d(2022, 5, 31));

    CHECK(q2.overlaps(june_july));
    CHECK(june_july.overlaps(q2));
    CHECK_FALSE(q2.overlaps(july));
    CHECK_FALSE(july.overlaps(q2));
    CHECK_FALSE(q2.overlaps(march));
    CHECK(q2.overlaps(may));
    CHECK(may.overlaps(q2));
    CHECK(q2.overlaps(q2));
}

TEST_CASE("intersect returns the shared days or nothing") {
    const window q2(d(2022, 4, 1), d(2022, 6, 30));

    const auto touching = q2.intersect(window(d(2022, 6, 30), d(2022, 7, 31)));
    REQUIRE(touching);
    CHECK(*touching == window(d(2022, 6, 30), d(2022, 6, 30)));
    CHECK(touching->days() == 1);

    CHECK_FALSE(q2.intersect(window(d(2022, 7, 1), d(2022, 7, 31))));
    CHECK_FALSE(q2.intersect(window(d(2022, 1, 1), d(2022, 3, 31))));

    const auto inside = q2.intersect(window(d(2022, 5, 10), d(2022, 12, 31)));
    REQUIRE(inside);
    CHECK(inside->from() == d(2022, 5, 10));
    CHECK(inside->to() == d(2022, 6, 30));
    // May 10..31 is 22 days, June 30
    CHECK(inside->days() == 52);

    const auto whole = q2.intersect(window(d(2022, 1, 1), d(2022, 12, 31)));
    REQUIRE(whole);
    CHECK(*whole == q2);
}
