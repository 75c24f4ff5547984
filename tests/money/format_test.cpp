// Tests of the text forms (format.hpp): canonical "1234.56" (two decimals,
// no grouping), grouped "1,234.56", and a rate as "4.35%" or "0.0435" with
// trailing zeros removed. The header promises that every form parses back to
// the same value; a property test checks that on a few hundred amounts.
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace money = zjcredit::money;

using zjcredit::money::amount;
using zjcredit::money::parse_amount;
using zjcredit::money::rate;
using zjcredit::money::to_fraction_string;
using zjcredit::money::to_grouped_string;
using zjcredit::money::to_string;

namespace {

amount f(std::int64_t fen) { return amount::from_fen(fen); }

}  // namespace

TEST_SUITE("money.format") {

TEST_CASE("canonical form: two decimals, no grouping") {
    CHECK(to_string(f(123456)) == "1234.56");
    CHECK(to_string(f(-123456)) == "-1234.56");
    CHECK(to_string(f(0)) == "0.00");
    CHECK(to_string(f(5)) == "0.05");
    CHECK(to_string(f(-5)) == "-0.05");
    CHECK(to_string(f(50)) == "0.50");
    CHECK(to_string(f(100)) == "1.00");
    CHECK(to_string(f(-100)) == "-1.00");
    CHECK(to_string(f(100000000)) == "1000000.00");
    CHECK(to_string(f(1'000'000'000)) == "10000000.00");  // 1000万元
    CHECK(to_string(amount::max()) == "92233720368547758.07");
    CHECK(to_string(amount::min()) == "-92233720368547758.07");
    // -2^63 分 is outside amount's range: from_fen refuses to make it.
    CHECK_THROWS_AS(f(std::numeric_limits<std::int64_t>::min()), zjcredit::overflow_error);
}

TEST_CASE("grouped form: a comma every three digits of the yuan") {
    CHECK(to_grouped_string(f(123456)) == "1,234.56");
    CHECK(to_grouped_string(f(-123456)) == "-1,234.56");
    CHECK(to_grouped_string(f(0)) == "0.00");
    CHECK(to_grouped_string(f(5)) == "0.05");
    CHECK(to_grouped_string(f(-5)) == "-0.05");
    CHECK(to_grouped_string(f(99999)) == "999.99");          // 3 digits: no comma
    CHECK(to_grouped_string(f(-99999)) == "-999.99");        // and none after the sign
    CHECK(to_grouped_string(f(100000)) == "1,000.00");
    CHECK(to_grouped_string(f(12345678)) == "123,456.78");   // 6 digits: one comma
    CHECK(to_grouped_string(f(-12345678)) == "-123,456.78");
    CHECK(to_grouped_string(f(100000000)) == "1,000,000.00");
    CHECK(to_grouped_string(f(-100000000)) == "-1,000,000.00");
    CHECK(to_grouped_string(f(2'500'000'000'000)) == "25,000,000,000.00");  // 250亿
    CHECK(to_grouped_string(amount::max()) == "92,233,720,368,547,758.07");
    CHECK(to_grouped_string(amount::min()) == "-92,233,720,368,547,758.07");
}

TEST_CASE("rate in percent, trailing zeros removed") {
    CHECK(to_string(rate::from_units(435'000'000)) == "4.35%");
    CHECK(to_string(rate::from_percent(1)) == "1%");
    CHECK(to_string(rate::from_units(12'500'000)) == "0.125%");
    CHECK(to_string(rate::from_percent(100)) == "100%");
    CHECK(to_string(rate::from_units(1'250'000'000)) == "12.5%");
    CHECK(to_string(rate()) == "0%");
    CHECK(to_string(rate::from_units(1)) == "0.00000001%");
    CHECK(to_string(rate::from_units(-50'000'000)) == "-0.5%");
    CHECK(to_string(rate::from_units(std::numeric_limits<std::int64_t>::max())) ==
          "92233720368.54775807%");
}

TEST_CASE("rate as a plain fraction, trailing zeros removed") {
    CHECK(to_fraction_string(rate::from_units(435'000'000)) == "0.0435");
    CHECK(to_fraction_string(rate::from_percent(1)) == "0.01");
    CHECK(to_fraction_string(rate::from_units(12'500'000)) == "0.00125");
    CHECK(to_fraction_string(rate::from_percent(100)) == "1");
    CHECK(to_fraction_string(rate::from_percent(250)) == "2.5");
    CHECK(to_fraction_string(rate()) == "0");
    CHECK(to_fraction_string(rate::from_units(1)) == "0.0000000001");
    CHECK(to_fraction_string(rate::from_units(-435'000'000)) == "-0.0435");
    CHECK(to_fraction_string(rate::from_units(std::numeric_limits<std::int64_t>::max())) ==
          "922337203.6854775807");
}

TEST_CASE("both amount forms parse back to the same amount") {
    // Deterministic xorshift64; each amount gets 0 to 19 digits of 分 and a
    // sign, so short, long, grouped-at-every-length and edge amounts all occur.
    std::uint64_t x = 88172645463325252ULL;
    auto next = [&x] {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    int checked = 0;
    for (int i = 0; i < 400; ++i) {
        const int digits = static_cast<int>(next() % 20);
        std::int64_t magnitude = static_cast<std::int64_t>(next() >> 1);  // [0, 2^63 - 1]
        if (digits < 19) {
            std::int64_t bound = 1;
            for (int k = 0; k < digits; ++k) bound *= 10;
            magnitude %= bound;
        }
        const amount a = f(next() % 2 == 0 ? magnitude : -magnitude);
        const std::string plain = to_string(a);
        const std::string grouped = to_grouped_string(a);
        CAPTURE(plain);
        CAPTURE(grouped);
        CHECK(parse_amount(plain) == a);
        CHECK(parse_amount(grouped) == a);
        CHECK(parse_amount(plain + "元") == a);
        CHECK(parse_amount("¥" + grouped) == a);
        ++checked;
    }
    for (const amount a : {amount::max(), amount::min(), amount(), f(1), f(-1), f(99), f(-100)}) {
        CHECK(parse_amount(to_string(a)) == a);
        CHECK(parse_amount(to_grouped_string(a)) == a);
        ++checked;
    }
    CHECK(checked == 407);
}

}  // TEST_SUITE

TEST_CASE("the buffer formatters write what the general forms write") {
    // format_fen against the digits of std::to_string, grouped by hand;
    // format_percent against decimal(units, 8).normalized(), the general form.
    const auto plain = [](std::int64_t fen) {
        const bool neg = fen < 0;
        const std::uint64_t u = neg ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
        std::string cents = std::to_string(u % 100);
        if (cents.size() < 2) cents.insert(cents.begin(), '0');
        return (neg ? "-" : "") + std::to_string(u / 100) + "." + cents;
    };
    std::vector<std::int64_t> values = {0, 1, -1, 5, 99, 100, -100, 101, 123456, 99999999,
                                        std::numeric_limits<std::int64_t>::max(),
                                        std::numeric_limits<std::int64_t>::min() + 1,
                                        std::numeric_limits<std::int64_t>::min()};
    std::uint64_t x = 20221203;
    for (int i = 0; i < 2000; ++i) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        values.push_back(static_cast<std::int64_t>(x >> (x % 60)));
        values.push_back(-static_cast<std::int64_t>(x >> (1 + x % 60)));
    }
    for (const std::int64_t v : values) {
        CHECK(money::detail::format_fen(v, false) == plain(v));
        if (v != std::numeric_limits<std::int64_t>::min())
            CHECK(money::detail::format_percent(v) ==
                  money::decimal(v, money::rate::places - 2).normalized().to_string() + "%");
    }
    CHECK(money::detail::format_fen(123456789, true) == "1,234,567.89");
    CHECK(money::detail::format_fen(-100000, true) == "-1,000.00");
    CHECK(money::detail::format_fen(99999, true) == "999.99");
    CHECK(money::detail::format_percent(435'000'000) == "4.35%");
    CHECK(money::detail::format_percent(100'000'000) == "1%");
    CHECK(money::detail::format_percent(1) == "0.00000001%");
    CHECK(money::detail::format_percent(-50'000'000) == "-0.5%");
    CHECK(money::detail::format_percent(0) == "0%");
}
