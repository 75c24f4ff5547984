// Tests of money::amount (amount.hpp): an exact count of 分 in 64 bits whose
// arithmetic is checked. The range is [-max, max] with max = 2^63 - 1 分 =
// 92233720368547758.07 元; anything outside throws overflow_error, never wraps.
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>

#include <doctest/doctest.h>

#include <compare>
#include <concepts>
#include <cstdint>
#include <functional>
#include <limits>
#include <type_traits>

using zjcredit::errc;
using zjcredit::overflow_error;
using zjcredit::money::amount;

// A value type: copied bit for bit, 8 bytes, regular and totally ordered.
static_assert(std::is_trivially_copyable_v<amount>);
static_assert(std::is_standard_layout_v<amount>);
static_assert(std::is_nothrow_default_constructible_v<amount>);
static_assert(sizeof(amount) == sizeof(std::int64_t));
static_assert(std::regular<amount>);
static_assert(std::totally_ordered<amount>);
static_assert(std::three_way_comparable<amount, std::strong_ordering>);
// No implicit conversion from a number: 5 is not 5 分 nor 5 元.
static_assert(!std::is_convertible_v<std::int64_t, amount>);
static_assert(!std::is_constructible_v<amount, std::int64_t>);
// Scaling by a count is allowed; amount × amount and amount + number are not.
static_assert(std::is_invocable_r_v<amount, std::multiplies<>, amount, std::int64_t>);
static_assert(std::is_invocable_r_v<amount, std::multiplies<>, std::int64_t, amount>);
static_assert(!std::is_invocable_v<std::multiplies<>, amount, amount>);
static_assert(!std::is_invocable_v<std::plus<>, amount, std::int64_t>);
static_assert(!std::is_invocable_v<std::divides<>, amount, std::int64_t>);
// The constexpr parts are usable at compile time.
static_assert(amount{}.fen() == 0);
static_assert(amount::from_fen(123456).fen() == 123456);
static_assert(amount::max().fen() == std::numeric_limits<std::int64_t>::max());
static_assert(amount::min().fen() == -amount::max().fen());
static_assert(amount::from_fen(-1).is_negative() && !amount::from_fen(0).is_negative());
static_assert(amount::from_fen(0).is_zero() && !amount::from_fen(1).is_zero());
static_assert(amount::from_fen(1) < amount::from_fen(2));

namespace {

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();  // 9223372036854775807

}  // namespace

TEST_SUITE("money.amount") {

TEST_CASE("construction from fen and yuan") {
    CHECK(amount().fen() == 0);
    CHECK(amount::from_fen(123456).fen() == 123456);  // 1234.56 元
    CHECK(amount::from_fen(-5).fen() == -5);
    CHECK(amount::from_yuan(1).fen() == 100);
    CHECK(amount::from_yuan(1000'0000).fen() == 10'0000'0000);  // 1000万元 = 10^9 分
    CHECK(amount::from_yuan(-250'0000'0000).fen() == -2'5000'0000'0000);  // -250亿元
    CHECK(amount::from_yuan(0).is_zero());
}

TEST_CASE("from_yuan is checked at both ends of the range") {
    // floor((2^63 - 1) / 100) = 92233720368547758 元 is the largest whole amount.
    CHECK(amount::from_yuan(92233720368547758).fen() == 9223372036854775800);
    CHECK(amount::from_yuan(-92233720368547758).fen() == -9223372036854775800);
    CHECK_THROWS_AS(amount::from_yuan(92233720368547759), overflow_error);
    CHECK_THROWS_AS(amount::from_yuan(-92233720368547759), overflow_error);
    CHECK_THROWS_AS(amount::from_yuan(i64_max), overflow_error);
    CHECK_THROWS_AS(amount::from_yuan(std::numeric_limits<std::int64_t>::min()), overflow_error);
}

TEST_CASE("largest and smallest representable amounts") {
    CHECK(amount::max().fen() == 9223372036854775807);
    CHECK(amount::min().fen() == -9223372036854775807);
    CHECK(to_string(amount::max()) == "92233720368547758.07");
    CHECK(to_string(amount::min()) == "-92233720368547758.07");
    CHECK(amount::min() < amount());
    CHECK(amount() < amount::max());
    // The range is symmetric: negation maps each end onto the other.
    CHECK(-amount::max() == amount::min());
    CHECK(-amount::min() == amount::max());

    // The same ends through the parser: 10^17 元 = 10^19 分 does not fit.
    CHECK(zjcredit::money::parse_amount("92233720368547758.07") == amount::max());
    CHECK(zjcredit::money::parse_amount("-92233720368547758.07") == amount::min());
    CHECK_THROWS_AS(zjcredit::money::parse_amount("92233720368547758.08"), overflow_error);
    CHECK_THROWS_AS(zjcredit::money::parse_amount("-92233720368547758.08"), overflow_error);
    CHECK_THROWS_AS(zjcredit::money::parse_amount("100000000000000000"), overflow_error);
}

TEST_CASE("comparison orders by value") {
    const amount a = amount::from_fen(-100);
    const amount b = amount::from_fen(5);
    const amount c = amount::from_fen(5);
    CHECK(a < b);
    CHECK(b > a);
    CHECK(b == c);
    CHECK(b <= c);
    CHECK(a != b);
    CHECK((a <=> b) == std::strong_ordering::less);
    CHECK((b <=> c) == std::strong_ordering::equal);
}

TEST_CASE("exact arithmetic inside the range") {
    const amount a = amount::from_fen(123456);  // 1234.56
    const amount b = amount::from_fen(-7890);   // -78.90
    CHECK((a + b).fen() == 115566);             // 1155.66
    CHECK((a - b).fen() == 131346);             // 1313.46
    CHECK((b - a).fen() == -131346);
    CHECK((-a).fen() == -123456);
    CHECK((-amount()).fen() == 0);
    CHECK((a * 3).fen() == 370368);
    CHECK((3 * a).fen() == 370368);
    CHECK((a * -2).fen() == -246912);
    CHECK((a * 0).is_zero());

    amount s;
    s += a;
    s += a;
    s -= b;
    CHECK(s.fen() == 123456 + 123456 + 7890);

    // Reaching the ends exactly is fine.
    CHECK(amount::max() - amount::from_fen(1) + amount::from_fen(1) == amount::max());
    CHECK(amount::min() + amount::from_fen(1) - amount::from_fen(1) == amount::min());
    CHECK(amount::max() + amount::min() == amount());
    CHECK(amount::max() * 1 == amount::max());
    CHECK(amount::max() * -1 == amount::min());
    CHECK(amount::min() * -1 == amount::max());
    // 3074457345618258602 × 3 = 9223372036854775806 = max - 1.
    CHECK((amount::from_fen(3074457345618258602) * 3).fen() == i64_max - 1);
}

TEST_CASE("addition past the ends throws, never wraps") {
    const amount one = amount::from_fen(1);
    CHECK_THROWS_AS(amount::max() + one, overflow_error);
    CHECK_THROWS_AS(one + amount::max(), overflow_error);
    CHECK_THROWS_AS(amount::max() + amount::max(), overflow_error);
    CHECK_THROWS_AS(amount::min() + -one, overflow_error);
    CHECK_THROWS_AS(amount::min() + amount::min(), overflow_error);
    try {
        (void)(amount::max() + one);
        FAIL("no exception");
    } catch (const overflow_error& e) {
        CHECK(e.code() == errc::overflow);
    }
}

TEST_CASE("subtraction past the ends throws, never wraps") {
    const amount one = amount::from_fen(1);
    CHECK_THROWS_AS(amount::min() - one, overflow_error);
    CHECK_THROWS_AS(amount::max() - -one, overflow_error);
    CHECK_THROWS_AS(amount::max() - amount::min(), overflow_error);
    CHECK_THROWS_AS(amount::min() - amount::max(), overflow_error);
    CHECK_THROWS_AS(amount() - amount::min() + one, overflow_error);  // max + 1
    CHECK(amount() - amount::min() - one == amount::max() - one);
}

TEST_CASE("multiplication past the ends throws, never wraps") {
    CHECK_THROWS_AS(amount::max() * 2, overflow_error);
    CHECK_THROWS_AS(2 * amount::max(), overflow_error);
    CHECK_THROWS_AS(amount::min() * 2, overflow_error);
    CHECK_THROWS_AS(amount::max() * -2, overflow_error);
    CHECK_THROWS_AS(amount::from_fen(2) * i64_max, overflow_error);
    // 3074457345618258603 × 3 = 9223372036854775809 = max + 2.
    CHECK_THROWS_AS(amount::from_fen(3074457345618258603) * 3, overflow_error);
    // -4611686018427387904 × 2 = -2^63: one below min(), so outside the range too.
    CHECK_THROWS_AS(amount::from_fen(-4611686018427387904) * 2, overflow_error);
    CHECK_THROWS_AS(amount::from_fen(4611686018427387904) * -2, overflow_error);
}

TEST_CASE("negation of a value outside the range throws") {
    // from_fen is unchecked, so -2^63 分 can be made; it has no negative.
    CHECK_THROWS_AS(-amount::from_fen(std::numeric_limits<std::int64_t>::min()), overflow_error);
}

TEST_CASE("a failed compound assignment leaves the value unchanged") {
    amount a = amount::max();
    CHECK_THROWS_AS(a += amount::from_fen(1), overflow_error);
    CHECK(a == amount::max());
    amount b = amount::min();
    CHECK_THROWS_AS(b -= amount::from_fen(1), overflow_error);
    CHECK(b == amount::min());
}

}  // TEST_SUITE
