// Tests of zjcredit/dates/calendar.hpp against the 国务院办公厅 notices for
// 2022 and 2023. Weekdays were checked by hand with Python's datetime.
#include <zjcredit/dates/calendar.hpp>

#include "test_util.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace zjcredit::dates;
using zjcredit::dates::test::d;
using zjcredit::dates::test::mentions;
using zjcredit::dates::test::thrown;

namespace {

struct block_case {
    date first;
    date last;
    date day_before;  // a working day unless noted
    date day_after;   // a working day
    const char* name;
};

}  // namespace

TEST_CASE("every holiday block is off from its first to its last day") {
    const auto& cal = default_calendar();
    const block_case blocks[] = {
        // 2022 (国办发明电〔2021〕11号)
        {d(2022, 1, 1), d(2022, 1, 3), d(2021, 12, 31), d(2022, 1, 4), "元旦"},      // Sat..Mon; before: no data
        {d(2022, 1, 31), d(2022, 2, 6), d(2022, 1, 30), d(2022, 2, 7), "春节"},      // Mon..Sun; 01-30 Sun made up
        {d(2022, 4, 3), d(2022, 4, 5), d(2022, 4, 2), d(2022, 4, 6), "清明节"},      // Sun..Tue; 04-02 Sat made up
        {d(2022, 4, 30), d(2022, 5, 4), d(2022, 4, 29), d(2022, 5, 5), "劳动节"},    // Sat..Wed
        {d(2022, 6, 3), d(2022, 6, 5), d(2022, 6, 2), d(2022, 6, 6), "端午节"},      // Fri..Sun
        {d(2022, 9, 10), d(2022, 9, 12), d(2022, 9, 9), d(2022, 9, 13), "中秋节"},   // Sat..Mon
        {d(2022, 10, 1), d(2022, 10, 7), d(2022, 9, 30), d(2022, 10, 8), "国庆节"},  // Sat..Fri; 10-08 Sat made up
        // 2023 (国办发明电〔2022〕16号); its 元旦 starts on 2022-12-31
        {d(2022, 12, 31), d(2023, 1, 2), d(2022, 12, 30), d(2023, 1, 3), "元旦"},     // Sat..Mon
        {d(2023, 1, 21), d(2023, 1, 27), d(2023, 1, 20), d(2023, 1, 28), "春节"},     // Sat..Fri; 01-28 Sat made up
        {d(2023, 4, 5), d(2023, 4, 5), d(2023, 4, 4), d(2023, 4, 6), "清明节"},       // Wed
        {d(2023, 4, 29), d(2023, 5, 3), d(2023, 4, 28), d(2023, 5, 4), "劳动节"},     // Sat..Wed
        {d(2023, 6, 22), d(2023, 6, 24), d(2023, 6, 21), d(2023, 6, 25), "端午节"},   // Thu..Sat; 06-25 Sun made up
        {d(2023, 9, 29), d(2023, 10, 6), d(2023, 9, 28), d(2023, 10, 7), "中秋节、国庆节"},  // Fri..Fri; 10-07 Sat made up
    };
    for (const auto& b : blocks) {
        CAPTURE(to_string(b.first));
        CHECK(cal.is_rest_day(b.first));
        CHECK_FALSE(cal.is_working_day(b.first));
        CHECK(cal.kind(b.first) == day_kind::holiday);
        CHECK(cal.holiday_name(b.first) == b.name);
        CHECK(cal.is_rest_day(b.last));
        CHECK(cal.kind(b.last) == day_kind::holiday);
        CHECK(cal.holiday_name(b.last) == b.name);
        if (cal.covers(b.day_before)) CHECK(cal.is_working_day(b.day_before));
        CHECK(cal.is_working_day(b.day_after));
    }
    CHECK_FALSE(cal.covers(d(2021, 12, 31)));
}

TEST_CASE("weekdays inside a holiday block are off") {
    const auto& cal = default_calendar();
    CHECK(cal.is_rest_day(d(2022, 2, 1)));   // Tue, 春节
    CHECK(cal.is_rest_day(d(2022, 4, 4)));   // Mon, 清明节
    CHECK(cal.is_rest_day(d(2022, 5, 2)));   // Mon, 劳动节
    CHECK(cal.is_rest_day(d(2022, 10, 3)));  // Mon, 国庆节
    CHECK(cal.is_rest_day(d(2023, 1, 25)));  // Wed, 春节
    CHECK(cal.is_rest_day(d(2023, 10, 2)));  // Mon, 国庆节
    CHECK(cal.is_rest_day(d(2023, 1, 1)));   // Sun, 元旦
}

TEST_CASE("every make-up weekend day is a working day") {
    const auto& cal = default_calendar();
    struct makeup_case {
        date day;
        const char* name;
    };
    const makeup_case days[] = {
        {d(2022, 1, 29), "春节"},   // Sat
        {d(2022, 1, 30), "春节"},   // Sun
        {d(2022, 4, 2), "清明节"},  // Sat
        {d(2022, 4, 24), "劳动节"}, // Sun
        {d(2022, 5, 7), "劳动节"},  // Sat
        {d(2022, 10, 8), "国庆节"}, // Sat
        {d(2022, 10, 9), "国庆节"}, // Sun
        {d(2023, 1, 28), "春节"},   // Sat
        {d(2023, 1, 29), "春节"},   // Sun
        {d(2023, 4, 23), "劳动节"}, // Sun
        {d(2023, 5, 6), "劳动节"},  // Sat
        {d(2023, 6, 25), "端午节"}, // Sun
        {d(2023, 10, 7), "中秋节、国庆节"},  // Sat
        {d(2023, 10, 8), "中秋节、国庆节"},  // Sun
    };
    for (const auto& m : days) {
        CAPTURE(to_string(m.day));
        CHECK(cal.is_working_day(m.day));
        CHECK_FALSE(cal.is_rest_day(m.day));
        CHECK(cal.kind(m.day) == day_kind::makeup_working_day);
        CHECK(cal.holiday_name(m.day) == m.name);
    }
}

TEST_CASE("an ordinary weekend is off and an ordinary weekday is worked") {
    const auto& cal = default_calendar();
    CHECK(cal.kind(d(2022, 9, 24)) == day_kind::weekend);  // Sat
    CHECK(cal.kind(d(2022, 9, 25)) == day_kind::weekend);  // Sun
    CHECK(cal.is_rest_day(d(2022, 9, 25)));
    CHECK(cal.kind(d(2022, 9, 26)) == day_kind::working_day);  // Mon
    CHECK(cal.is_rest_day(d(2022, 12, 25)));                   // Sun
    CHECK(cal.is_rest_day(d(2023, 3, 11)));                    // Sat
    CHECK(cal.is_rest_day(d(2023, 3, 12)));                    // Sun
    CHECK(cal.is_working_day(d(2022, 10, 25)));                // Tue
    CHECK(cal.holiday_name(d(2022, 10, 25)).empty());
    CHECK(cal.holiday_name(d(2022, 9, 25)).empty());
}

TEST_CASE("each year has 249 working days") {
    // 2022 and 2023 both have 105 weekend days, so 260 weekdays; 18 of them
    // are holidays and 7 weekend days are made up: 260 - 18 + 7 = 249.
    const auto& cal = default_calendar();
    for (const int year : {2022, 2023}) {
        CAPTURE(year);
        int working = 0;
        for (date x = d(year, 1, 1); x <= d(year, 12, 31); x += boost::gregorian::date_duration(1))
            if (cal.is_working_day(x)) ++working;
        CHECK(working == 249);
    }
}

TEST_CASE("the calendar refuses dates it has no data for") {
    const auto& cal = default_calendar();
    CHECK(cal.covers(d(2022, 1, 1)));
    CHECK(cal.covers(d(2023, 12, 31)));
    CHECK_FALSE(cal.covers(d(2021, 12, 31)));
    CHECK_FALSE(cal.covers(d(2024, 1, 1)));
    CHECK_FALSE(cal.covers(date(boost::gregorian::not_a_date_time)));
    CHECK(cal.coverage() == window(d(2022, 1, 1), d(2023, 12, 31)));

    const auto e = thrown<zjcredit::validation_error>([&] { (void)cal.is_working_day(d(2024, 1, 2)); });
    REQUIRE(e);
    CHECK(e->field() == "date");
    CHECK(e->text() == "2024-01-02");
    CHECK(mentions(*e, "calendar has no data for 2024-01-02"));

    CHECK_THROWS_AS((void)cal.is_rest_day(d(2021, 12, 31)), zjcredit::validation_error);
    CHECK_THROWS_AS((void)cal.kind(d(2024, 6, 1)), zjcredit::validation_error);
    CHECK_THROWS_AS((void)cal.holiday_name(d(2021, 10, 1)), zjcredit::validation_error);
    CHECK_THROWS_AS((void)cal.next_working_day_on_or_after(d(2024, 1, 2)), zjcredit::validation_error);
}

TEST_CASE("next_working_day_on_or_after") {
    const auto& cal = default_calendar();
    CHECK(cal.next_working_day_on_or_after(d(2022, 9, 26)) == d(2022, 9, 26));  // Mon itself
    CHECK(cal.next_working_day_on_or_after(d(2022, 9, 24)) == d(2022, 9, 26));  // Sat -> Mon
    CHECK(cal.next_working_day_on_or_after(d(2022, 9, 10)) == d(2022, 9, 13));  // 中秋 Sat..Mon -> Tue
    CHECK(cal.next_working_day_on_or_after(d(2022, 10, 1)) == d(2022, 10, 8));  // 国庆 -> make-up Sat
    CHECK(cal.next_working_day_on_or_after(d(2022, 10, 8)) == d(2022, 10, 8));  // make-up Sat itself
    CHECK(cal.next_working_day_on_or_after(d(2022, 12, 31)) == d(2023, 1, 3));  // across the year end
    CHECK(cal.next_working_day_on_or_after(d(2023, 1, 21)) == d(2023, 1, 28));  // 春节 -> make-up Sat
    CHECK(cal.next_working_day_on_or_after(d(2023, 6, 24)) == d(2023, 6, 25));  // 端午 Sat -> make-up Sun
    CHECK(cal.next_working_day_on_or_after(d(2023, 9, 29)) == d(2023, 10, 7));  // 8 days off
    CHECK(cal.next_working_day_on_or_after(d(2023, 12, 29)) == d(2023, 12, 29));  // last Fri covered
}

TEST_CASE("next_working_day_on_or_after will not step into 2024") {
    const auto& cal = default_calendar();
    for (const date start : {d(2023, 12, 30), d(2023, 12, 31)}) {
        CAPTURE(to_string(start));
        const auto e = thrown<zjcredit::validation_error>([&] { (void)cal.next_working_day_on_or_after(start); });
        REQUIRE(e);
        CHECK(e->text() == to_string(start));
        CHECK(mentions(*e, "calendar has no data for 2024-01-01"));
    }
}

TEST_CASE("default_calendar is built once") {
    CHECK(&default_calendar() == &default_calendar());
}

TEST_CASE("a calendar from other data is checked on the way in") {
    const window y2024(d(2024, 1, 1), d(2024, 12, 31));
    const holiday_block new_year[] = {{{2024, 1, 1}, {2024, 1, 1}, "元旦"}};
    const makeup_day makeups[] = {{{2024, 2, 4}, "春节"}};  // Sun

    const china_calendar cal(y2024, new_year, makeups);
    CHECK(cal.is_rest_day(d(2024, 1, 1)));     // Mon, holiday
    CHECK(cal.is_working_day(d(2024, 1, 2)));  // Tue
    CHECK(cal.kind(d(2024, 2, 4)) == day_kind::makeup_working_day);
    CHECK_THROWS_AS((void)cal.is_working_day(d(2023, 12, 29)), zjcredit::validation_error);

    SUBCASE("a make-up day on a weekday") {
        const makeup_day bad[] = {{{2024, 1, 2}, "x"}};  // Tue
        const auto e = thrown<zjcredit::validation_error>([&] { (void)china_calendar(y2024, new_year, bad); });
        REQUIRE(e);
        CHECK(e->field() == "makeup_days[0]");
        CHECK(e->text() == "2024-01-02");
    }
    SUBCASE("a make-up day inside a block") {
        const holiday_block spring[] = {{{2024, 2, 10}, {2024, 2, 17}, "春节"}};
        const makeup_day bad[] = {{{2024, 2, 11}, "春节"}};  // Sun
        CHECK_THROWS_AS((void)china_calendar(y2024, spring, bad), zjcredit::validation_error);
    }
    SUBCASE("overlapping blocks") {
        const holiday_block bad[] = {{{2024, 5, 1}, {2024, 5, 5}, "a"}, {{2024, 5, 5}, {2024, 5, 6}, "b"}};
        const auto e =
            thrown<zjcredit::validation_error>([&] { (void)china_calendar(y2024, bad, std::span<const makeup_day>()); });
        REQUIRE(e);
        CHECK(e->field() == "holidays[1]");
    }
    SUBCASE("a reversed block") {
        const holiday_block bad[] = {{{2024, 5, 5}, {2024, 5, 1}, "a"}};
        CHECK_THROWS_AS((void)china_calendar(y2024, bad, std::span<const makeup_day>()), zjcredit::validation_error);
    }
    SUBCASE("a block outside the coverage") {
        const holiday_block bad[] = {{{2024, 12, 31}, {2025, 1, 1}, "元旦"}};
        const auto e =
            thrown<zjcredit::validation_error>([&] { (void)china_calendar(y2024, bad, std::span<const makeup_day>()); });
        REQUIRE(e);
        CHECK(e->field() == "holidays[0].last");
    }
    SUBCASE("a day that does not exist") {
        const holiday_block bad[] = {{{2024, 2, 30}, {2024, 3, 1}, "x"}};
        const auto e =
            thrown<zjcredit::validation_error>([&] { (void)china_calendar(y2024, bad, std::span<const makeup_day>()); });
        REQUIRE(e);
        CHECK(e->field() == "holidays[0].first");
        CHECK(e->text() == "2024-2-30");
    }
}
