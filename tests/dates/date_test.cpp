// Tests of zjcredit/dates/date.hpp: the accepted date forms, every kind of
// refusal (type, field, text, position), ISO output and day numbers.
#include <zjcredit/dates/date.hpp>

#include "test_util.hpp"

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>

using namespace zjcredit::dates;
using zjcredit::dates::test::d;
using zjcredit::dates::test::mentions;
using zjcredit::dates::test::thrown;

TEST_CASE("parse_date accepts the four written forms") {
    CHECK(parse_date("2022-04-01") == d(2022, 4, 1));
    CHECK(parse_date("2022/4/1") == d(2022, 4, 1));
    CHECK(parse_date("2022-4-1") == d(2022, 4, 1));
    CHECK(parse_date("2022年4月1日") == d(2022, 4, 1));
    // one or two digits for month and day in every form
    CHECK(parse_date("2022/04/01") == d(2022, 4, 1));
    CHECK(parse_date("2022年04月01日") == d(2022, 4, 1));
    CHECK(parse_date("2022-12-31") == d(2022, 12, 31));
    CHECK(parse_date("2022年12月31日") == d(2022, 12, 31));
}

TEST_CASE("parse_date folds full-width forms and trims surrounding spaces") {
    CHECK(parse_date("２０２２年４月１日") == d(2022, 4, 1));
    CHECK(parse_date("２０２２－０６－３０") == d(2022, 6, 30));
    CHECK(parse_date("２０２２／９／１６") == d(2022, 9, 16));
    CHECK(parse_date("  2022-04-01  ") == d(2022, 4, 1));
    CHECK(parse_date("\t2022-04-01") == d(2022, 4, 1));
    CHECK(parse_date("\xE3\x80\x80" "2022年6月30日\xE3\x80\x80") == d(2022, 6, 30));  // ideographic spaces
}

TEST_CASE("parse_date knows leap years") {
    CHECK(parse_date("2020-02-29") == d(2020, 2, 29));
    CHECK(parse_date("2000-02-29") == d(2000, 2, 29));
    CHECK(parse_date("2024-02-29") == d(2024, 2, 29));
    CHECK_THROWS_AS(parse_date("2023-02-29"), zjcredit::parse_error);
    CHECK_THROWS_AS(parse_date("1900-02-29"), zjcredit::parse_error);  // divisible by 100, not 400
}

namespace {

struct bad_case {
    const char* text;
    std::size_t position;
    const char* detail;  // part of the message that explains the refusal
};

}  // namespace

TEST_CASE("parse_date refuses impossible dates and malformed text with the position") {
    const bad_case cases[] = {
        {"2022-02-30", 8, "no day 30"},
        {"2022-04-31", 8, "no day 31"},
        {"2022-04-00", 8, "no day 0"},
        {"2022-13-01", 5, "month 13"},
        {"2022-00-10", 5, "month 0"},
        {"0000-01-01", 0, "year 0"},
        {"1399-12-31", 0, "year 1399"},
        {"2022年2月30日", 7, "no day 30"},
        {"２０２２－０２－３０", 8, "no day 30"},
        {"", 0, "empty"},
        {"   ", 3, "empty"},
        {"2022-04-01x", 10, "unexpected 'x'"},
        {"2022-04-01 12:00", 11, "unexpected '1'"},
        {"2022-04-01T00:00", 10, "unexpected 'T'"},
        {"2022-4/1", 6, "to match"},
        {"2022/4-1", 6, "to match"},
        {"22-04-01", 0, "4 digits"},
        {"20220-04-01", 0, "more than 4 digits"},
        {"2022-004-01", 5, "more than 2 digits"},
        {"2022-04-001", 8, "more than 2 digits"},
        {"2022.04.01", 4, "expected '-', '/' or '年'"},
        {"2022", 4, "found the end"},
        {"2022-04-", 8, "expected the day"},
        {"2022-04", 7, "found the end"},
        {"2022 -04-01", 4, "expected '-', '/' or '年'"},
        {"2022年4月1", 8, "expected '日'"},
        {"2022年4-1日", 6, "expected '月'"},
        {"2022-04-01日", 10, "unexpected '日'"},
        {"-2022-04-01", 0, "expected the year"},
        {"二〇二二年四月一日", 0, "expected the year"},
    };
    for (const auto& c : cases) {
        const std::string text = c.text;
        CAPTURE(text);
        const auto e = thrown<zjcredit::parse_error>([&] { (void)parse_date(c.text); });
        REQUIRE(e);
        CHECK(e->code() == zjcredit::errc::parse);
        CHECK(e->field() == "date");
        CHECK(e->text() == c.text);
        CHECK(e->position() == c.position);
        CHECK(e->detail().find(c.detail) != std::string::npos);
        CHECK(mentions(*e, "\"" + std::string(c.text) + "\""));
    }
}

TEST_CASE("parse_date errors name the caller's field") {
    const auto e = thrown<zjcredit::parse_error>([] { (void)parse_date("2022-02-30", "applied_on"); });
    REQUIRE(e);
    CHECK(e->field() == "applied_on");
    CHECK(std::string(e->what()).rfind("applied_on: ", 0) == 0);
    CHECK(mentions(*e, "2022-02-30"));
}

TEST_CASE("parse_date refuses invalid UTF-8 as a parse_error") {
    const auto e = thrown<zjcredit::parse_error>([] { (void)parse_date("2022-04-0\xFF"); });
    REQUIRE(e);
    CHECK(e->field() == "date");
}

TEST_CASE("to_string writes ISO 8601 with zero padding") {
    CHECK(to_string(d(2022, 4, 1)) == "2022-04-01");
    CHECK(to_string(d(2022, 12, 31)) == "2022-12-31");
    CHECK(to_string(d(1400, 1, 1)) == "1400-01-01");
    CHECK(to_string(parse_date("2022年9月16日")) == "2022-09-16");
    CHECK_THROWS_AS(to_string(date(boost::gregorian::not_a_date_time)), zjcredit::validation_error);
    CHECK_THROWS_AS(to_string(date(boost::gregorian::pos_infin)), zjcredit::validation_error);
}

TEST_CASE("day numbers count days from 1970-01-01") {
    CHECK(to_day_number(d(1970, 1, 1)) == 0);
    CHECK(to_day_number(d(1970, 1, 2)) == 1);
    CHECK(to_day_number(d(1969, 12, 31)) == -1);
    CHECK(to_day_number(d(2022, 4, 1)) == 19083);
    CHECK(to_day_number(d(2022, 6, 30)) == 19173);
    CHECK(to_day_number(d(1400, 1, 1)) == -208188);
    CHECK(to_day_number(d(9999, 12, 31)) == 2932896);

    CHECK(from_day_number(0) == d(1970, 1, 1));
    CHECK(from_day_number(19083) == d(2022, 4, 1));
    CHECK(from_day_number(19357) == d(2022, 12, 31));
    CHECK(from_day_number(-208188) == d(1400, 1, 1));
    CHECK(from_day_number(2932896) == d(9999, 12, 31));

    CHECK_THROWS_AS(to_day_number(date(boost::gregorian::not_a_date_time)), zjcredit::validation_error);
}

TEST_CASE("from_day_number refuses numbers outside 1400..9999") {
    for (const std::int32_t n : {std::int32_t{-208189}, std::int32_t{2932897},
                                 std::numeric_limits<std::int32_t>::max(),
                                 std::numeric_limits<std::int32_t>::min()}) {
        CAPTURE(n);
        const auto e = thrown<zjcredit::validation_error>([&] { (void)from_day_number(n); });
        REQUIRE(e);
        CHECK(e->field() == "day_number");
        CHECK(e->text() == std::to_string(n));
    }
}
