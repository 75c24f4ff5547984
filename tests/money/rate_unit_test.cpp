// parse_rate under a declared unit (money/parse.hpp), and "‰" in the number
// grammar. Expected values are worked by hand in units of 10^-10.
#include <doctest/doctest.h>

#include <zjcredit/error.hpp>
#include <zjcredit/money/parse.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

using zjcredit::money::parse_rate;
using zjcredit::money::rate_unit;

std::int64_t units(std::string_view text, rate_unit unit) { return parse_rate(text, unit, "annual_rate").units(); }

}  // namespace

TEST_CASE("per mille: 1‰ is 0.1%") {
    using zjcredit::money::parse_number;
    CHECK(parse_rate("1‰").units() == 10'000'000);    // 0.001 × 10^10
    CHECK(parse_rate("0.5‰").units() == 5'000'000);   // 0.0005
    CHECK(parse_rate("43.5‰").units() == 435'000'000);  // 4.35%
    CHECK(parse_rate("-2‰").units() == -20'000'000);
    CHECK(parse_rate("0.0000001‰").units() == 1);     // 10^-10: the finest
    CHECK_THROWS_AS((void)parse_rate("0.00000001‰"), zjcredit::parse_error);  // 10^-11
    const auto n = parse_number("2.5‰");
    CHECK(n.per_mille);
    CHECK_FALSE(n.percent);
    CHECK(n.value.coefficient() == 25);
    CHECK(n.value.scale() == 4);  // 0.0025
    CHECK_THROWS_AS((void)parse_rate("1万‰"), zjcredit::parse_error);
    CHECK_THROWS_AS((void)parse_rate("¥1‰"), zjcredit::parse_error);
    CHECK_THROWS_AS((void)parse_rate("1%‰"), zjcredit::parse_error);
    CHECK_THROWS_AS((void)parse_rate("1‰%"), zjcredit::parse_error);
    CHECK_THROWS_AS((void)zjcredit::money::parse_amount("5‰"), zjcredit::parse_error);
}

TEST_CASE("parse_rate with a unit: '%' and '‰' are read as written, whatever the unit") {
    for (rate_unit u : {rate_unit::undeclared, rate_unit::percent, rate_unit::fraction}) {
        CHECK(units("3.85%", u) == 385'000'000);
        CHECK(units("0.8%", u) == 80'000'000);
        CHECK(units("38.5‰", u) == 385'000'000);
        CHECK(units(" ３.８５％ ", u) == 385'000'000);
    }
}

TEST_CASE("parse_rate with a unit: a bare number under percent and fraction") {
    CHECK(units("0.8", rate_unit::percent) == 80'000'000);       // 0.8%
    CHECK(units("3.85", rate_unit::percent) == 385'000'000);     // 3.85%
    CHECK(units("24", rate_unit::percent) == 2'400'000'000);     // 24%
    CHECK(units("4.12345678", rate_unit::percent) == 412'345'678);  // 8 places of a percent: the finest
    CHECK(units("0.0435", rate_unit::fraction) == 435'000'000);  // 4.35%
    CHECK(units("0.8", rate_unit::fraction) == 8'000'000'000);   // 80%: the plausibility bound's to refuse
    CHECK(units("0", rate_unit::percent) == 0);
    CHECK(units("-1", rate_unit::percent) == -100'000'000);
    CHECK_THROWS_AS((void)units("4.123456789", rate_unit::percent), zjcredit::parse_error);
    CHECK_THROWS_AS((void)units("0.04123456789", rate_unit::fraction), zjcredit::parse_error);
    CHECK_THROWS_AS((void)units("1万", rate_unit::percent), zjcredit::parse_error);
    CHECK_THROWS_AS((void)units("¥1", rate_unit::percent), zjcredit::parse_error);
    CHECK_THROWS_AS((void)units("92233720368.54775808", rate_unit::percent), zjcredit::overflow_error);
}

TEST_CASE("parse_rate with a unit: a bare number of undeclared unit quotes the text as written") {
    for (std::string text : {"3.85", "0.0385", " 3.85 ", "３.８５", "385"}) {
        try {
            (void)units(text, rate_unit::undeclared);
            FAIL("no error for " << text);
        } catch (const zjcredit::parse_error& e) {
            CHECK(e.field() == "annual_rate");
            CHECK(e.text() == text);  // the user's own text, not a reformatted "385%"
            const std::string what = e.what();
            CHECK(what.find("in \"" + text + "\"") != std::string::npos);
            // the hint writes the user's own number with a % sign ("385" -> "385%")
            const std::string number = text == "385" ? "385" : text == "0.0385" ? "0.0385" : "3.85";
            CHECK(what.find("bare number: its unit is not known; write \"" + number +
                            "%\" if it is a percent, or declare the unit (a header such as 利率(%), or --rate-unit "
                            "percent|fraction)") != std::string::npos);
        }
    }
    // A syntax error stays a syntax error, whatever the unit.
    for (rate_unit u : {rate_unit::undeclared, rate_unit::percent, rate_unit::fraction}) {
        CHECK_THROWS_AS((void)units("4.35%%", u), zjcredit::parse_error);
        CHECK_THROWS_AS((void)units("", u), zjcredit::parse_error);
        CHECK_THROWS_AS((void)units("1e2", u), zjcredit::parse_error);
    }
}

TEST_CASE("parse_rate with a unit agrees with the fast path and the 2-argument form") {
    // Under percent, "x" is "x%"; under fraction, "x" is what parse_rate("x")
    // (fast path included) reads. Both forms are compared on many texts.
    const std::vector<std::string> texts = {"0",      "1",       "0.5",        "4.35",    "04.35",   "12.5",
                                            "0.0435", "99.99",   "4.12345678", "1,000",   "100",     "0.00000001",
                                            "7",      "0.07",    "24",         "23.99999999"};
    for (const auto& t : texts) {
        CHECK(parse_rate(t, rate_unit::percent, "r") == parse_rate(t + "%", "r"));
        CHECK(parse_rate(t, rate_unit::fraction, "r") == parse_rate(t, "r"));
        CHECK(parse_rate(t + "%", rate_unit::undeclared, "r") == zjcredit::money::detail::parse_rate_general(t + "%"));
    }
}
