// Tests of money::rate (rate.hpp): an exact rate in units of 10^-10 of the
// plain fraction, so 1 (100%) is 10^10 units, 1% is 10^8 and 4.35% is
// 435'000'000. Parsing and text forms are in parse_test.cpp / format_test.cpp;
// the round trip of a rate through both is checked here.
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/rate.hpp>

#include <doctest/doctest.h>

#include <compare>
#include <concepts>
#include <cstdint>
#include <type_traits>

using zjcredit::money::parse_rate;
using zjcredit::money::rate;

static_assert(std::is_trivially_copyable_v<rate>);
static_assert(std::is_standard_layout_v<rate>);
static_assert(sizeof(rate) == sizeof(std::int64_t));
static_assert(std::regular<rate>);
static_assert(std::totally_ordered<rate>);
static_assert(!std::is_convertible_v<std::int64_t, rate>);
static_assert(!std::is_constructible_v<rate, std::int64_t>);

// The scale: 10 decimal places of the fraction = 8 places of a percent.
static_assert(rate::scale == 10'000'000'000);
static_assert(rate::places == 10);
static_assert(rate{}.units() == 0);
static_assert(rate::from_percent(1).units() == 100'000'000);
static_assert(rate::from_percent(100).units() == rate::scale);
static_assert(rate::from_units(435'000'000).units() == 435'000'000);
static_assert(rate::from_percent(1) < rate::from_units(435'000'000));

TEST_SUITE("money.rate") {

TEST_CASE("construction and sign") {
    CHECK(rate().units() == 0);
    CHECK_FALSE(rate().is_positive());
    CHECK(rate::from_units(1).is_positive());
    CHECK_FALSE(rate::from_units(-1).is_positive());
    CHECK(rate::from_percent(0).units() == 0);
    CHECK(rate::from_percent(-2).units() == -200'000'000);
    CHECK(rate::from_percent(5) == rate::from_units(500'000'000));
}

TEST_CASE("min picks the smaller rate (the 1% subsidy ceiling)") {
    const rate ceiling = rate::from_percent(1);
    const rate loan = rate::from_units(435'000'000);  // 4.35%
    const rate cheap = rate::from_units(80'000'000);  // 0.8%
    CHECK(zjcredit::money::min(ceiling, loan) == ceiling);
    CHECK(zjcredit::money::min(loan, ceiling) == ceiling);
    CHECK(zjcredit::money::min(ceiling, cheap) == cheap);
    CHECK(zjcredit::money::min(cheap, ceiling) == cheap);
    CHECK(zjcredit::money::min(ceiling, ceiling) == ceiling);
}

TEST_CASE("ordering") {
    CHECK(rate::from_units(-1) < rate());
    CHECK(rate::from_percent(1) < rate::from_units(435'000'000));
    CHECK((rate::from_percent(3) <=> rate::from_units(300'000'000)) == std::strong_ordering::equal);
}

TEST_CASE("the same rate from every accepted spelling") {
    const rate r = rate::from_units(435'000'000);
    CHECK(parse_rate("4.35%") == r);
    CHECK(parse_rate("0.0435") == r);
    CHECK(parse_rate("4.350%") == r);
    CHECK(parse_rate("４．３５％") == r);
    CHECK(parse_rate("1%") == rate::from_percent(1));
    CHECK(parse_rate("0.01") == rate::from_percent(1));
    CHECK(parse_rate("100%") == rate::from_percent(100));
    CHECK(parse_rate("1") == rate::from_percent(100));
}

TEST_CASE("text forms parse back to the same rate") {
    // Spread over the whole range of units, both signs, all digit counts.
    std::uint64_t x = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 300; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        const int digits = i % 19;  // 0 .. 18 significant digits
        std::int64_t magnitude = static_cast<std::int64_t>(x >> 1);
        std::int64_t bound = 1;
        for (int k = 0; k < digits; ++k) bound *= 10;
        magnitude %= bound;
        const rate r = rate::from_units(i % 2 == 0 ? magnitude : -magnitude);
        CAPTURE(r.units());
        CHECK(parse_rate(to_string(r)) == r);
        CHECK(parse_rate(to_fraction_string(r)) == r);
    }
}

}  // TEST_SUITE
