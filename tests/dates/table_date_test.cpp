// dates::parse_table_date: the date cells of banks' tables. Every expected
// date is written out by hand.
#include <doctest/doctest.h>

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>

#include <string>

namespace {

using zjcredit::dates::date;
using zjcredit::dates::parse_table_date;

const date april_first(2022, 4, 1);

}  // namespace

TEST_CASE("parse_table_date reads what parse_date reads, and yyyymmdd") {
    CHECK(parse_table_date("2022-04-01") == april_first);
    CHECK(parse_table_date("2022/04/01") == april_first);
    CHECK(parse_table_date("2022/4/1") == april_first);
    CHECK(parse_table_date("2022年4月1日") == april_first);
    CHECK(parse_table_date("20220401") == april_first);
    CHECK(parse_table_date(" 20220401 ") == april_first);
    CHECK(parse_table_date("20240229") == date(2024, 2, 29));
    CHECK(parse_table_date("14000101") == date(1400, 1, 1));
}

TEST_CASE("parse_table_date: midnight may follow the date") {
    CHECK(parse_table_date("2022/04/01 00:00:00") == april_first);
    CHECK(parse_table_date("2022/4/1 00:00") == april_first);
    CHECK(parse_table_date("2022-04-01 00:00:00") == april_first);
    CHECK(parse_table_date("20220401 00:00:00") == april_first);
    CHECK(parse_table_date("2022年4月1日 00:00") == april_first);
    CHECK(parse_table_date(" 2022/04/01  00:00:00 ") == april_first);
}

TEST_CASE("parse_table_date: another time of day, or a bad date, quotes the whole text") {
    for (std::string text : {"2022/04/01 12:30:00", "2022/04/01 00:00:01", "2022-04-01 09:00", "20220401 23:59"}) {
        try {
            (void)parse_table_date(text, "drawdown_date");
            FAIL("no error for " << text);
        } catch (const zjcredit::parse_error& e) {
            CHECK(e.field() == "drawdown_date");
            CHECK(e.text() == text);
            CHECK(std::string(e.what()).find("a date without a time of day is expected") != std::string::npos);
        }
    }
    for (std::string text : {"20221301", "20220230", "13990101", "2022041", "202204011", "2022-02-30 00:00:00",
                             "2022/04/01T00:00:00", "2022/04/01 00:00:00.000", "2022/04/01 midnight", ""}) {
        try {
            (void)parse_table_date(text, "d");
            FAIL("no error for " << text);
        } catch (const zjcredit::parse_error& e) {
            CHECK(e.field() == "d");
            CHECK(e.text() == text);
        }
    }
}

TEST_CASE("parse_date (JSON) stays strict") {
    CHECK_THROWS_AS((void)zjcredit::dates::parse_date("20220401"), zjcredit::parse_error);
    CHECK_THROWS_AS((void)zjcredit::dates::parse_date("2022/04/01 00:00:00"), zjcredit::parse_error);
}
