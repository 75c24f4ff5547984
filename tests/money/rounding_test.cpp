// Tests of the rounding modes and round_div (rounding.hpp). Expected values
// follow the definitions, by magnitude for negatives (会计 practice):
//   half_up   四舍五入, a tie goes away from zero:  2.5 -> 3, -2.5 -> -3
//   half_even GB/T 8170, a tie goes to the even:    2.5 -> 2,  3.5 -> 4, -2.5 -> -2
//   down      toward zero:                          2.7 -> 2, -2.7 -> -2
//   up        away from zero:                       2.1 -> 3, -2.1 -> -3
#include <zjcredit/money/rounding.hpp>

#include <doctest/doctest.h>

#include <array>
#include <optional>
#include <type_traits>

using zjcredit::errc;
using zjcredit::validation_error;
using zjcredit::money::int128;
using zjcredit::money::round_div;
using zjcredit::money::rounding;
using zjcredit::money::rounding_from_string;

static_assert(std::is_enum_v<rounding>);
static_assert(zjcredit::money::to_string(rounding::half_up) == "half_up");
static_assert(zjcredit::money::to_string(rounding::half_even) == "half_even");
static_assert(zjcredit::money::to_string(rounding::down) == "down");
static_assert(zjcredit::money::to_string(rounding::up) == "up");
static_assert(rounding_from_string("half_even") == rounding::half_even);
static_assert(!rounding_from_string("HALF_UP").has_value());

namespace {

constexpr std::array<rounding, 4> all_modes = {rounding::half_up, rounding::half_even, rounding::down,
                                               rounding::up};

struct row {
    long long num;
    long long den;
    long long half_up, half_even, down, up;  // expected, worked out by hand
};

void check_row(int128 num, int128 den, int128 half_up, int128 half_even, int128 down, int128 up) {
    CHECK(round_div(num, den, rounding::half_up) == half_up);
    CHECK(round_div(num, den, rounding::half_even) == half_even);
    CHECK(round_div(num, den, rounding::down) == down);
    CHECK(round_div(num, den, rounding::up) == up);
}

// 2^127 - 1, the largest 128-bit value, written out by hand.
const int128 int128_max = ~(int128(1) << 127);

}  // namespace

TEST_SUITE("money.rounding") {

TEST_CASE("names round-trip and unknown names are refused") {
    for (const rounding m : all_modes) {
        CAPTURE(zjcredit::money::to_string(m));
        CHECK(rounding_from_string(zjcredit::money::to_string(m)) == m);
    }
    CHECK_FALSE(rounding_from_string("").has_value());
    CHECK_FALSE(rounding_from_string("half-up").has_value());
    CHECK_FALSE(rounding_from_string("bankers").has_value());
    CHECK_FALSE(rounding_from_string("half_up ").has_value());
}

TEST_CASE("round_div: ties, near-ties and exact quotients in every mode") {
    // Each row: numerator / denominator = value, then half_up, half_even, down, up.
    constexpr row rows[] = {
        {5, 2, 3, 2, 2, 3},        //  2.5  (tie, even neighbour below)
        {7, 2, 4, 4, 3, 4},        //  3.5  (tie, even neighbour above)
        {-5, 2, -3, -2, -2, -3},   // -2.5
        {-7, 2, -4, -4, -3, -4},   // -3.5
        {1, 2, 1, 0, 0, 1},        //  0.5  (tie between 0 and 1)
        {-1, 2, -1, 0, 0, -1},     // -0.5
        {3, 2, 2, 2, 1, 2},        //  1.5
        {25, 10, 3, 2, 2, 3},      //  2.5 written as 25/10
        {24999999, 10000000, 2, 2, 2, 3},     //  2.4999999
        {25000001, 10000000, 3, 3, 2, 3},     //  2.5000001
        {-24999999, 10000000, -2, -2, -2, -3},
        {-25000001, 10000000, -3, -3, -2, -3},
        {35000001, 10000000, 4, 4, 3, 4},     //  3.5000001
        {34999999, 10000000, 3, 3, 3, 4},     //  3.4999999
        {27, 10, 3, 3, 2, 3},      //  2.7
        {-27, 10, -3, -3, -2, -3}, // -2.7
        {21, 10, 2, 2, 2, 3},      //  2.1
        {-21, 10, -2, -2, -2, -3}, // -2.1
        {1, 3, 0, 0, 0, 1},        //  0.333…
        {2, 3, 1, 1, 0, 1},        //  0.666…
        {-1, 3, 0, 0, 0, -1},
        {-2, 3, -1, -1, 0, -1},
        {6, 2, 3, 3, 3, 3},        //  exact
        {-6, 2, -3, -3, -3, -3},
        {0, 7, 0, 0, 0, 0},
        {123, 1, 123, 123, 123, 123},
        {-123, 1, -123, -123, -123, -123},
        {1235, 10, 124, 124, 123, 124},    // 1.235 元 to the 分: 123.5 分
        {1245, 10, 125, 124, 124, 125},    // 1.245 元: 124.5 分
        {-1235, 10, -124, -124, -123, -124},
        {-1245, 10, -125, -124, -124, -125},
    };
    for (const row& r : rows) {
        CAPTURE(r.num);
        CAPTURE(r.den);
        check_row(r.num, r.den, r.half_up, r.half_even, r.down, r.up);
    }
}

TEST_CASE("round_div: ties and near-ties with 128-bit fractions") {
    const int128 e30 = [] {
        int128 r = 1;
        for (int i = 0; i < 30; ++i) r *= 10;
        return r;
    }();
    // 2.5 - 10^-30, 2.5, 2.5 + 10^-30 as fractions over 10^30.
    const int128 two_and_half = 25 * (e30 / 10);
    check_row(two_and_half - 1, e30, 2, 2, 2, 3);
    check_row(two_and_half, e30, 3, 2, 2, 3);
    check_row(two_and_half + 1, e30, 3, 3, 2, 3);
    check_row(-(two_and_half - 1), e30, -2, -2, -2, -3);
    check_row(-two_and_half, e30, -3, -2, -2, -3);
    check_row(-(two_and_half + 1), e30, -3, -3, -2, -3);
}

TEST_CASE("round_div: deciding the half does not overflow near 2^127") {
    // h = (2^127 - 1) / 2 rounded down = 2^126 - 1; 2h = 2^127 - 2 < max, 2(h+1) = 2^127 > max.
    const int128 h = (int128(1) << 126) - 1;
    check_row(h, int128_max, 0, 0, 0, 1);       // just below one half
    check_row(h + 1, int128_max, 1, 1, 0, 1);   // just above one half
    check_row(-(h + 1), int128_max, -1, -1, 0, -1);
    check_row(int128_max - 1, int128_max, 1, 1, 0, 1);
    check_row(int128_max, int128_max, 1, 1, 1, 1);
    check_row(int128_max, 1, int128_max, int128_max, int128_max, int128_max);
    // (2^127 - 1) / 2 = (2^126 - 1) + 0.5: a tie, and 2^126 - 1 is odd, so half_even goes up.
    check_row(int128_max, 2, h + 1, h + 1, h, h + 1);
    check_row(-int128_max, 2, -(h + 1), -(h + 1), -h, -(h + 1));
}

TEST_CASE("round_div refuses a denominator that is not positive") {
    for (const rounding m : all_modes) {
        CHECK_THROWS_AS(round_div(1, 0, m), validation_error);
        CHECK_THROWS_AS(round_div(1, -1, m), validation_error);
        CHECK_THROWS_AS(round_div(-5, -2, m), validation_error);
    }
    try {
        (void)round_div(10, 0, rounding::half_up);
        FAIL("no exception");
    } catch (const validation_error& e) {
        CHECK(e.code() == errc::validation);
    }
}

}  // TEST_SUITE
