// Tests of zjcredit/dates/day_count.hpp: basis names and 算头不算尾 day counts.
#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/dates/window.hpp>

#include "test_util.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace zjcredit::dates;
using zjcredit::dates::test::d;
using zjcredit::dates::test::mentions;
using zjcredit::dates::test::thrown;

TEST_CASE("day_basis names round-trip and give their denominators") {
    CHECK(to_string(day_basis::actual_360) == "actual_360");
    CHECK(to_string(day_basis::actual_365) == "actual_365");
    CHECK(day_basis_from_string("actual_360") == day_basis::actual_360);
    CHECK(day_basis_from_string("actual_365") == day_basis::actual_365);
    CHECK(denominator(day_basis::actual_360) == 360);
    CHECK(denominator(day_basis::actual_365) == 365);
    static_assert(denominator(day_basis::actual_365) == 365);
}

TEST_CASE("unknown day_basis names are parse errors naming field and text") {
    for (const std::string text : {"", "Actual_360", "actual/360", "ACT/365", " actual_360", "360"}) {
        CAPTURE(text);
        const auto e = thrown<zjcredit::parse_error>([&] { (void)day_basis_from_string(text); });
        REQUIRE(e);
        CHECK(e->field() == "day_basis");
        CHECK(e->text() == text);
        // the message quotes the text (an empty text, with no position, is not quoted)
        if (!text.empty()) CHECK(mentions(*e, "\"" + text + "\""));
    }
    const auto e = thrown<zjcredit::parse_error>([] { (void)day_basis_from_string("30/360", "rules.basis"); });
    REQUIRE(e);
    CHECK(e->field() == "rules.basis");
}

TEST_CASE("interest_days counts the first day and not the last") {
    // drawn 05-10, repaid 12-31: balance held 05-10..12-30
    // May 22 + Jun 30 + Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 30 = 235
    CHECK(interest_days(d(2022, 5, 10), d(2022, 12, 31)) == 235);
    CHECK(interest_days(d(2022, 4, 1), d(2022, 4, 1)) == 0);
    CHECK(interest_days(d(2022, 4, 1), d(2022, 4, 2)) == 1);
    CHECK(interest_days(d(2022, 4, 1), d(2022, 7, 1)) == 91);
    CHECK(interest_days(d(2022, 1, 1), d(2023, 1, 1)) == 365);
    CHECK(interest_days(d(2024, 1, 1), d(2025, 1, 1)) == 366);
    CHECK(interest_days(d(2024, 2, 28), d(2024, 3, 1)) == 2);
    // one day fewer than the closed window over the same two dates
    CHECK(interest_days(d(2022, 4, 1), d(2022, 6, 30)) == 90);
    CHECK(window(d(2022, 4, 1), d(2022, 6, 30)).days() == 91);
}

TEST_CASE("interest_days refuses an end before the start") {
    const auto e = thrown<zjcredit::validation_error>([] { (void)interest_days(d(2022, 12, 31), d(2022, 5, 10)); });
    REQUIRE(e);
    CHECK(e->field() == "end");
    CHECK(mentions(*e, "2022-12-31"));
    CHECK(mentions(*e, "2022-05-10"));
    CHECK_THROWS_AS((void)interest_days(date(boost::gregorian::not_a_date_time), d(2022, 5, 10)),
                    zjcredit::validation_error);
}
