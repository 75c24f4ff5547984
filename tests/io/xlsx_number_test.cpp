// Number cells as Excel shows them: the stored text rounded in decimal to 15
// significant digits, date serials of the 1900 and 1904 systems, and which
// number formats are dates. Expected texts worked by hand (the digit that
// decides each rounding is named in the comment).
#include "test_util.hpp"

#include "../../src/io/xlsx_reader.hpp"

#include <doctest/doctest.h>

using namespace zjcredit::io;
using zjcredit::io::test::contains;
using zjcredit::io::test::error_of;

namespace {
std::string num(std::string_view v) { return xlsx_number_text(v, "Sheet1!B2"); }
std::string day1900(std::string_view v) { return xlsx_serial_text(v, false, "Sheet1!C2"); }
std::string day1904(std::string_view v) { return xlsx_serial_text(v, true, "Sheet1!C2"); }
}  // namespace

TEST_CASE("numbers read as Excel shows them: 15 significant digits, plain decimal text") {
    CHECK(num("1234.56") == "1234.56");
    CHECK(num("1234.5599999999999") == "1234.56");            // 123455999999999|99: up
    CHECK(num("0.30000000000000004") == "0.3");               // 300000000000000|04: down
    CHECK(num("1E-3") == "0.001");
    CHECK(num("1e-3") == "0.001");
    CHECK(num("2.5E+2") == "250");
    CHECK(num("12345678901234567890") == "12345678901234600000");  // 123456789012345|67890: up
    CHECK(num("1.234567890123457e+19") == "12345678901234600000");
    CHECK(num("0.1234567890123456789") == "0.123456789012346");    // ...345|6789: up
    CHECK(num("9.99999999999999999") == "10");                     // 15 nines then 9: carries out
    CHECK(num("0.0385") == "0.0385");
    CHECK(num("-1.5") == "-1.5");
    CHECK(num("-0") == "0");
    CHECK(num("000120.500") == "120.5");
    CHECK(num("44652") == "44652");
    CHECK(num("1.00000000000000049") == "1");                      // 100000000000000|0049: down
    CHECK(num("1.000000000000005") == "1.00000000000001");         // 100000000000000|5: half up
    CHECK(num("1E29") == "1" + std::string(29, '0'));
    CHECK(num("1E-30") == "0." + std::string(29, '0') + "1");
}

TEST_CASE("numbers that are not numbers, or too long for plain text, are errors naming the cell") {
    for (const char* bad : {"abc", "1.5e", "1..2", "--1", "1,5", " 1", "0x10", "e5", "."}) {
        const auto e = error_of([&] { (void)num(bad); });
        CHECK_MESSAGE(contains(e, "Sheet1!B2"), bad);
    }
    CHECK(contains(error_of([] { (void)num("1E30"); }), "more than 30 digits"));
    CHECK(contains(error_of([] { (void)num("1E-31"); }), "more than 30 digits"));
    CHECK(contains(error_of([] { (void)num("1E99999999"); }), "Sheet1!B2"));
}

TEST_CASE("date serials of the 1900 system, with Excel's 1900-02-29") {
    CHECK(day1900("44652") == "2022-04-01");
    CHECK(day1900("44652.0") == "2022-04-01");
    CHECK(day1900("44926") == "2022-12-31");
    CHECK(day1900("1") == "1900-01-01");
    CHECK(day1900("59") == "1900-02-28");
    CHECK(day1900("61") == "1900-03-01");
    CHECK(day1900("2958465") == "9999-12-31");
    CHECK(day1900("44652.5") == "2022-04-01 12:00:00");
    // 13:30:15 is 48615 s = 0.5626736111... of a day
    CHECK(day1900("44652.56267361111") == "2022-04-01 13:30:15");
    // one second is 0.0000115740740...; rounded to 15 digits 44652.0000115741
    CHECK(day1900("44652.00001157407") == "2022-04-01 00:00:01");
    // 44652.9999999999|99 rounds up to 44653: midnight of the next day
    CHECK(day1900("44652.999999999999") == "2022-04-02");
    CHECK(contains(error_of([] { (void)day1900("60"); }), "1900-02-29"));
    CHECK(contains(error_of([] { (void)day1900("60.25"); }), "Sheet1!C2"));
    CHECK(contains(error_of([] { (void)day1900("0.5"); }), "before 1900-01-01"));
    CHECK(contains(error_of([] { (void)day1900("0"); }), "Sheet1!C2"));
    CHECK(contains(error_of([] { (void)day1900("-1"); }), "Sheet1!C2"));
    CHECK(contains(error_of([] { (void)day1900("2958466"); }), "9999-12-31"));
    CHECK(contains(error_of([] { (void)day1900("12345678"); }), "9999-12-31"));
}

TEST_CASE("date serials of the 1904 system") {
    CHECK(day1904("0") == "1904-01-01");
    CHECK(day1904("43190") == "2022-04-01");  // 44652 - 1462, the systems' distance
    CHECK(day1904("60") == "1904-03-01");     // 1904 was a leap year: no gap here
    CHECK(day1904("2957003") == "9999-12-31");
    CHECK(contains(error_of([] { (void)day1904("-0.5"); }), "Sheet1!C2"));
    CHECK(contains(error_of([] { (void)day1904("2957004"); }), "9999-12-31"));
}

TEST_CASE("which number formats show dates") {
    CHECK(xlsx_is_date_format("yyyy-mm-dd"));
    CHECK(xlsx_is_date_format("yyyy\"年\"m\"月\"d\"日\""));
    CHECK(xlsx_is_date_format("[$-804]yyyy\"年\"m\"月\"d\"日\";@"));
    CHECK(xlsx_is_date_format("h:mm"));
    CHECK(xlsx_is_date_format("YYYY/MM/DD"));
    CHECK_FALSE(xlsx_is_date_format("General"));
    CHECK_FALSE(xlsx_is_date_format("0.00"));
    CHECK_FALSE(xlsx_is_date_format("0.00E+00"));
    CHECK_FALSE(xlsx_is_date_format("#,##0_);[Red](#,##0)"));
    CHECK_FALSE(xlsx_is_date_format("\"days\" 0"));
    CHECK_FALSE(xlsx_is_date_format("0\\d"));
    CHECK_FALSE(xlsx_is_date_format("[Red]0.00"));
    CHECK_FALSE(xlsx_is_date_format("0.00_s"));
}

TEST_CASE("percent-styled numbers read as Excel shows them: × 100, with %") {
    const auto percent = [](std::string_view stored) { return xlsx_percent_text(stored, "Sheet1!H2"); };
    CHECK(percent("0.0435") == "4.35%");
    CHECK(percent("4.3499999999999997E-2") == "4.35%");  // the double nearest 0.0435, at 15 digits
    CHECK(percent("0.038500000000000006") == "3.85%");
    CHECK(percent("1") == "100%");
    CHECK(percent("0") == "0%");
    CHECK(percent("-0.005") == "-0.5%");
    CHECK(percent("1E-12") == "0.0000000001%");
    CHECK(contains(error_of([&] { (void)percent("4.35%"); }), "Sheet1!H2"));
}

TEST_CASE("which number formats show percents") {
    CHECK(xlsx_is_percent_format("0%"));
    CHECK(xlsx_is_percent_format("0.00%"));
    CHECK(xlsx_is_percent_format("[Red]0.000%;-0.000%"));
    CHECK_FALSE(xlsx_is_percent_format("0.00"));
    CHECK_FALSE(xlsx_is_percent_format("0.00\\%"));    // an escaped %, shown as text: no × 100
    CHECK_FALSE(xlsx_is_percent_format("0.00\"%\""));  // a quoted one neither
    CHECK_FALSE(xlsx_is_percent_format("[%]0"));
    CHECK_FALSE(xlsx_is_date_format("0.00%"));
}
