// Tests of money::decimal (decimal.hpp): an exact coefficient × 10^-scale with
// 0 ≤ scale ≤ 30, compared by value (1.50 == 1.5) and printed with every
// digit of its scale ("1.50").
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/parse.hpp>

#include <doctest/doctest.h>

#include <compare>
#include <concepts>
#include <type_traits>

using zjcredit::errc;
using zjcredit::overflow_error;
using zjcredit::money::decimal;
using zjcredit::money::int128;
using zjcredit::money::parse_decimal;

static_assert(std::is_trivially_copyable_v<decimal>);
static_assert(std::is_nothrow_default_constructible_v<decimal>);
static_assert(std::regular<decimal>);
static_assert(std::totally_ordered<decimal>);
static_assert(decimal::max_scale == 30);

namespace {

// 10^n as a 128-bit integer, worked out here rather than taken from the library.
int128 ten_to(int n) {
    int128 r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

}  // namespace

TEST_SUITE("money.decimal") {

TEST_CASE("default, integers and accessors") {
    const decimal zero;
    CHECK(zero.is_zero());
    CHECK_FALSE(zero.is_negative());
    CHECK(zero.scale() == 0);
    CHECK(zero.to_string() == "0");

    const decimal d(-435, 4);
    CHECK(d.coefficient() == -435);
    CHECK(d.scale() == 4);
    CHECK(d.is_negative());
    CHECK_FALSE(d.is_zero());

    CHECK(decimal::from_integer(42) == decimal(42, 0));
    CHECK(decimal::from_integer(-7).to_string() == "-7");
}

TEST_CASE("scale outside [0, 30] is refused") {
    CHECK_NOTHROW(decimal(1, 0));
    CHECK_NOTHROW(decimal(1, 30));
    CHECK_THROWS_AS(decimal(1, -1), overflow_error);
    CHECK_THROWS_AS(decimal(1, 31), overflow_error);
}

TEST_CASE("to_string keeps every digit of the scale") {
    CHECK(decimal(150, 2).to_string() == "1.50");
    CHECK(decimal(5, 2).to_string() == "0.05");
    CHECK(decimal(-5, 2).to_string() == "-0.05");
    CHECK(decimal(-435, 4).to_string() == "-0.0435");
    CHECK(decimal(12, 0).to_string() == "12");
    CHECK(decimal(0, 3).to_string() == "0.000");
    CHECK(decimal(123456, 3).to_string() == "123.456");
    CHECK(decimal(100, 2).to_string() == "1.00");
    CHECK(decimal(1, 30).to_string() == "0.000000000000000000000000000001");
    // 2^127 - 1 = 170141183460469231731687303715884105727 (39 digits).
    const int128 big = ~(int128(1) << 127);
    CHECK(decimal(big, 0).to_string() == "170141183460469231731687303715884105727");
    CHECK(decimal(-big, 10).to_string() == "-17014118346046923173168730371.5884105727");
}

TEST_CASE("normalized drops trailing zeros of the fraction only") {
    CHECK(decimal(150, 2).normalized().coefficient() == 15);
    CHECK(decimal(150, 2).normalized().scale() == 1);
    CHECK(decimal(1200, 0).normalized().scale() == 0);          // integer zeros stay
    CHECK(decimal(1200, 0).normalized().coefficient() == 1200);
    CHECK(decimal(0, 5).normalized().scale() == 0);
    CHECK(decimal(-4350000, 8).normalized().to_string() == "-0.0435");
    CHECK(decimal(1000, 3).normalized().to_string() == "1");
}

TEST_CASE("coefficient_at rescales up only, and checks overflow") {
    CHECK(decimal(15, 1).coefficient_at(1) == 15);
    CHECK(decimal(15, 1).coefficient_at(4) == 15000);
    CHECK(decimal(-15, 1).coefficient_at(3) == -1500);
    CHECK_THROWS_AS(decimal(15, 2).coefficient_at(1), overflow_error);  // would lose a digit
    // 10^38 fits in 128 bits (max ≈ 1.7 × 10^38), 10^39 does not.
    CHECK(decimal(1, 0).coefficient_at(30) == ten_to(30));
    CHECK(decimal(10'000'000, 0).coefficient_at(30) == ten_to(37));
    CHECK_THROWS_AS(decimal(ten_to(9), 0).coefficient_at(30), overflow_error);
}

TEST_CASE("equality and ordering compare values, not representations") {
    CHECK(decimal(150, 2) == decimal(15, 1));
    CHECK(decimal(1, 0) == decimal(ten_to(30), 30));
    CHECK(decimal(0, 0) == decimal(0, 30));
    CHECK(decimal(-1, 0) == decimal(-10, 1));
    CHECK(decimal(15, 1) != decimal(151, 2));
    CHECK(decimal(149, 2) < decimal(15, 1));
    CHECK(decimal(-15, 1) < decimal(-149, 2));
    CHECK(decimal(-1, 30) < decimal(0, 0));
    CHECK(decimal(1, 30) > decimal(0, 0));
    CHECK((decimal(25, 1) <=> decimal(250, 2)) == std::strong_ordering::equal);
    CHECK((decimal(-5, 1) <=> decimal(25, 2)) == std::strong_ordering::less);
    CHECK((decimal(7, 0) <=> decimal(-7, 0)) == std::strong_ordering::greater);
}

TEST_CASE("comparing values far apart in scale does not overflow") {
    // Two valid decimals always compare: 10^37 against 10^-30 must not have to
    // form 10^67 on the way.
    const decimal huge(ten_to(37), 0);
    const decimal tiny(1, 30);
    CHECK(tiny < huge);
    CHECK(huge > tiny);
    CHECK(huge != tiny);
    CHECK(decimal(-ten_to(37), 0) < tiny);
    CHECK(decimal(ten_to(37) + 1, 30) > decimal(ten_to(7), 0));  // 10^7 + 10^-30 > 10^7
    CHECK(decimal(ten_to(37), 30) == decimal(ten_to(7), 0));
    CHECK(decimal(-ten_to(37) - 1, 30) < decimal(-ten_to(7), 0));
}

TEST_CASE("parse_decimal applies units and percent exactly") {
    CHECK(parse_decimal("1.50").to_string() == "1.50");  // digits kept
    CHECK(parse_decimal("1.50") == decimal(15, 1));
    CHECK(parse_decimal("-0.0435") == decimal(-435, 4));
    CHECK(parse_decimal("2.2亿") == decimal(220'000'000, 0));
    CHECK(parse_decimal("1万亿") == decimal(ten_to(12), 0));
    CHECK(parse_decimal("0.00001万") == decimal(1, 1));  // 10^-5 × 10^4
    CHECK(parse_decimal("3亿4500.5万") == decimal(345'005'000, 0));
    CHECK(parse_decimal("4.35%") == decimal(435, 4));
    CHECK(parse_decimal("4.35%").to_string() == "0.0435");
    CHECK(parse_decimal("1%").to_string() == "0.01");
    CHECK(parse_decimal("100%") == decimal(1, 0));
    // 38 digits fit a 128-bit coefficient; every digit survives.
    CHECK(parse_decimal("12345678901234567890123456789012345678").to_string() ==
          "12345678901234567890123456789012345678");
    CHECK(parse_decimal("-0.000000000000000000000000000001") == decimal(-1, 30));
}

TEST_CASE("parse_decimal names its field") {
    try {
        (void)parse_decimal("x", "growth");
        FAIL("no exception");
    } catch (const zjcredit::parse_error& e) {
        CHECK(e.code() == errc::parse);
        CHECK(e.field() == "growth");
    }
    try {
        (void)parse_decimal("y");
        FAIL("no exception");
    } catch (const zjcredit::parse_error& e) {
        CHECK(e.field() == "value");
    }
}

}  // TEST_SUITE
