// Tests of parse_number / parse_amount / parse_rate (parse.hpp) against the
// grammar in that header's top comment:
//
//     text     := sign? currency? sign? parts suffix?
//     currency := "人民币" "¥"? | "¥"
//     parts    := part (unit part)* unit?       -- units strictly decreasing
//     part     := digits ("," ddd)* ("." digits)?
//     unit     := "万亿" | "亿" | "万"
//     suffix   := "元" | "%"
//
// after full-width folding and trimming. Every expected value is in 分 (or in
// rate units of 10^-10) and worked out by hand: 万 = 10^4, 亿 = 10^8, 万亿 = 10^12.
// Every rejection is checked for its exception type, code, field, text and,
// where the header promises one, the position (0-based, in characters).
#include <zjcredit/money/parse.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

using zjcredit::errc;
using zjcredit::overflow_error;
using zjcredit::parse_error;
using zjcredit::money::amount;
using zjcredit::money::amount_parse_options;
using zjcredit::money::parse_amount;
using zjcredit::money::parse_number;
using zjcredit::money::parse_rate;
using zjcredit::money::rate;
using zjcredit::money::rounding;

static_assert(std::is_aggregate_v<amount_parse_options>);
static_assert(std::is_aggregate_v<zjcredit::money::number_syntax>);

namespace {

constexpr std::size_t any_position = std::numeric_limits<std::size_t>::max() - 1;

std::int64_t fen(std::string_view text, const amount_parse_options& options = {}) {
    return parse_amount(text, options).fen();
}

std::int64_t units(std::string_view text) { return parse_rate(text).units(); }

// Runs `f`, expects an exception of type E, and checks the error contract:
// code, field, the offending text (kept whole, and quoted in what()), position.
template <class E, class F>
void check_error(F f, errc code, const std::string& text, const std::string& field,
                 std::size_t position) {
    CAPTURE(text);
    bool thrown = false;
    try {
        f();
    } catch (const E& e) {
        thrown = true;
        CHECK(e.code() == code);
        CHECK(e.field() == field);
        CHECK(e.text() == text);
        const std::string what = e.what();
        CAPTURE(what);
        CHECK(what.find(text) != std::string::npos);
        CHECK(what.rfind(field + ": ", 0) == 0);  // the message starts with the field
        if (position != any_position) CHECK(e.position() == position);
    }
    CHECK_MESSAGE(thrown, "expected an exception");
}

void amount_parse_error(const std::string& text, std::size_t position,
                        const amount_parse_options& options = {}) {
    check_error<parse_error>([&] { (void)parse_amount(text, options); }, errc::parse, text,
                             std::string(options.field), position);
}

void amount_overflow(const std::string& text, const amount_parse_options& options = {}) {
    check_error<overflow_error>([&] { (void)parse_amount(text, options); }, errc::overflow, text,
                                std::string(options.field), any_position);
}

void rate_parse_error(const std::string& text, std::size_t position) {
    check_error<parse_error>([&] { (void)parse_rate(text); }, errc::parse, text, "rate", position);
}

amount_parse_options rounding_with(rounding mode) {
    amount_parse_options o;
    o.round_excess = mode;
    return o;
}

}  // namespace

TEST_SUITE("money.parse") {

TEST_CASE("plain, signed and grouped amounts") {
    CHECK(fen("1234.56") == 123456);
    CHECK(fen("-1234.56") == -123456);
    CHECK(fen("1,234.56") == 123456);
    CHECK(fen("-1,234.56") == -123456);
    CHECK(fen("1,234,567.8") == 123456780);
    CHECK(fen("12") == 1200);
    CHECK(fen("1.5") == 150);
    CHECK(fen("0.05") == 5);
    CHECK(fen("0") == 0);
    CHECK(fen("0.00") == 0);
    CHECK(fen("-0") == 0);
    CHECK(fen("007.10") == 710);
    CHECK(fen("999") == 99900);
    CHECK(fen("1000000.00") == 100000000);
}

TEST_CASE("full-width forms fold to ASCII") {
    CHECK(fen("１２３４．５６") == 123456);
    CHECK(fen("１，２３４．５６") == 123456);
    CHECK(fen("－１２３４．５６") == -123456);
    CHECK(fen("￥１２３４．５６") == 123456);
    CHECK(fen("１２３４．５６元") == 123456);
    CHECK(fen("１２３４.56") == 123456);  // mixed widths
    CHECK(units("４．３５％") == 435'000'000);
}

TEST_CASE("currency marks: 元, 人民币, ¥ and ￥") {
    CHECK(fen("1234.56元") == 123456);
    CHECK(fen("人民币1234.56") == 123456);
    CHECK(fen("人民币1234.56元") == 123456);
    CHECK(fen("¥1234.56") == 123456);
    CHECK(fen("￥1234.56") == 123456);
    CHECK(fen("人民币¥1234.56") == 123456);
    CHECK(fen("人民币￥1,234.56") == 123456);
    CHECK(fen("¥1,234.56元") == 123456);
    // One sign, before or after the currency.
    CHECK(fen("-¥1234.56") == -123456);
    CHECK(fen("¥-1234.56") == -123456);
    CHECK(fen("-人民币1234.56元") == -123456);
    CHECK(fen("人民币-1234.56") == -123456);
    CHECK(fen("人民币¥-12.5") == -1250);
}

TEST_CASE("spaces at both ends are trimmed") {
    CHECK(fen("  1234.56  ") == 123456);
    CHECK(fen("\t-1.5\t") == -150);
    CHECK(fen("\xE3\x80\x80" "1234.56" "\xE3\x80\x80") == 123456);  // U+3000 ideographic space
}

TEST_CASE("万, 亿 and 万亿") {
    CHECK(fen("250亿") == 2'500'000'000'000);        // 250 × 10^8 元
    CHECK(fen("2.2亿元") == 22'000'000'000);         // 220,000,000 元
    CHECK(fen("1000万元") == 1'000'000'000);         // 10^7 元
    CHECK(fen("人民币1000万元") == 1'000'000'000);
    CHECK(fen("3亿4500万") == 34'500'000'000);       // 345,000,000 元
    CHECK(fen("1万亿") == 100'000'000'000'000);      // 10^12 元
    CHECK(fen("1万亿5000亿") == 150'000'000'000'000);
    CHECK(fen("1万亿1万") == 100'000'001'000'000);   // 1,000,000,010,000 元
}

TEST_CASE("万, 亿 and 万亿 with decimals, groups and signs") {
    CHECK(fen("0.5万") == 500'000);                  // 5000 元
    CHECK(fen("1.23456万") == 1'234'560);            // 12345.6 元
    CHECK(fen("1.234567万") == 1'234'567);           // 12345.67 元
    CHECK(fen("3亿4500.5万") == 34'500'500'000);     // 345,005,000 元
    CHECK(fen("1,234万") == 1'234'000'000);          // 12,340,000 元
    CHECK(fen("3亿4,500万") == 34'500'000'000);
    CHECK(fen("-2.2亿") == -22'000'000'000);
    CHECK(fen("¥-3亿4500万元") == -34'500'000'000);
    CHECK(fen("１万亿") == 100'000'000'000'000);
    CHECK(fen("3亿9999.9999万") == 39'999'999'900);     // 300,000,000 + 99,999,999 元
}

TEST_CASE("number_syntax reports what the text said") {
    const auto plain = parse_number("12");
    CHECK_FALSE(plain.percent);
    CHECK_FALSE(plain.currency);
    CHECK_FALSE(plain.units);

    const auto rmb = parse_number("人民币1000万元");
    CHECK(rmb.currency);
    CHECK(rmb.units);
    CHECK_FALSE(rmb.percent);
    CHECK(rmb.value == zjcredit::money::decimal(10'000'000, 0));

    CHECK(parse_number("¥1").currency);
    CHECK(parse_number("1元").currency);
    CHECK(parse_number("1万").units);

    const auto pct = parse_number("4.35%");
    CHECK(pct.percent);
    CHECK_FALSE(pct.currency);
    CHECK_FALSE(pct.units);
    CHECK(pct.value == zjcredit::money::decimal(435, 4));
}

TEST_CASE("rates: percent or plain fraction") {
    CHECK(units("4.35%") == 435'000'000);
    CHECK(units("1%") == 100'000'000);
    CHECK(units("0.0435") == 435'000'000);
    CHECK(units("0.01") == 100'000'000);
    CHECK(units("0.125%") == 12'500'000);
    CHECK(units("100%") == 10'000'000'000);
    CHECK(units("1") == 10'000'000'000);
    CHECK(units("0%") == 0);
    CHECK(units("0") == 0);
    CHECK(units("-0.5%") == -50'000'000);
    CHECK(units(" 4.35% ") == 435'000'000);
    CHECK(units("4.3500000000%") == 435'000'000);  // trailing zeros beyond the scale are fine
    // The finest rate: 10^-10 = 0.00000001%.
    CHECK(units("0.00000001%") == 1);
    CHECK(units("0.0000000001") == 1);
    // The largest: (2^63 - 1) units = 922337203.6854775807 = 92233720368.54775807%.
    CHECK(units("922337203.6854775807") == std::numeric_limits<std::int64_t>::max());
    CHECK(units("92233720368.54775807%") == std::numeric_limits<std::int64_t>::max());
    CHECK(units("-922337203.6854775807") == -std::numeric_limits<std::int64_t>::max());
}

TEST_CASE("rates: rejections") {
    rate_parse_error("1万%", 2);       // '%' cannot follow a unit
    rate_parse_error("¥1%", 2);        // nor a currency
    rate_parse_error("人民币1%", 4);
    rate_parse_error("1%元", 2);
    rate_parse_error("4.35%%", 5);
    rate_parse_error("4.35 %", 5);     // no space before the suffix: after "4.35", ' ' then '%' is junk
    rate_parse_error("", 0);
    rate_parse_error("%", 0);
    rate_parse_error(".5%", 0);
    // Well-formed numbers that a rate cannot be (no position: the whole text is wrong).
    rate_parse_error("1万", any_position);
    rate_parse_error("1亿", any_position);
    rate_parse_error("5元", any_position);
    rate_parse_error("¥0.05", any_position);
    rate_parse_error("0.000000001%", any_position);   // 10^-11: finer than the scale
    rate_parse_error("0.00000000001", any_position);
    check_error<overflow_error>([] { (void)parse_rate("922337203.6854775808"); }, errc::overflow,
                                "922337203.6854775808", "rate", any_position);
    check_error<overflow_error>([] { (void)parse_rate("-922337203.6854775809"); }, errc::overflow,
                                "-922337203.6854775809", "rate", any_position);
    check_error<parse_error>([] { (void)parse_rate("x", "annual_rate"); }, errc::parse, "x",
                             "annual_rate", 0);
}

TEST_CASE("decimals beyond the 分 are refused unless a rounding is given") {
    amount_parse_error("1.234", any_position);
    amount_parse_error("0.001", any_position);
    amount_parse_error("-1.235", any_position);
    amount_parse_error("1.2345678万", any_position);  // 12345.678 元
    // Trailing zeros are not digits below the 分.
    CHECK(fen("1.2300") == 123);
    CHECK(fen("1.230000000000") == 123);
    CHECK(fen("0.1234万") == 123'400);               // 1234 元: decimals vanish under 万
    CHECK(fen("-1.2300") == -123);
}

TEST_CASE("round_excess rounds to the 分 with the mode asked for") {
    struct row {
        const char* text;
        std::int64_t half_up, half_even, down, up;  // in 分, by hand
    };
    const row rows[] = {
        {"1.235", 124, 124, 123, 124},     // 123.5 分: a tie, 123 is odd
        {"1.245", 125, 124, 124, 125},     // 124.5 分: a tie, 124 is even
        {"-1.235", -124, -124, -123, -124},
        {"-1.245", -125, -124, -124, -125},
        {"1.2349999", 123, 123, 123, 124},
        {"1.2350001", 124, 124, 123, 124},
        {"0.001", 0, 0, 0, 1},
        {"0.005", 1, 0, 0, 1},
        {"-0.005", -1, 0, 0, -1},
        {"1.23", 123, 123, 123, 123},      // nothing to round
        {"1.2300", 123, 123, 123, 123},
        {"1.23456789万", 1'234'568, 1'234'568, 1'234'567, 1'234'568},  // 12345.6789 元
    };
    for (const row& r : rows) {
        CAPTURE(r.text);
        CHECK(fen(r.text, rounding_with(rounding::half_up)) == r.half_up);
        CHECK(fen(r.text, rounding_with(rounding::half_even)) == r.half_even);
        CHECK(fen(r.text, rounding_with(rounding::down)) == r.down);
        CHECK(fen(r.text, rounding_with(rounding::up)) == r.up);
    }
    // Rounding can carry past the top of the range.
    CHECK(parse_amount("92233720368547758.074", rounding_with(rounding::half_up)) == amount::max());
    CHECK(parse_amount("92233720368547758.079", rounding_with(rounding::down)) == amount::max());
    amount_overflow("92233720368547758.075", rounding_with(rounding::half_up));
    amount_overflow("92233720368547758.071", rounding_with(rounding::up));
    amount_overflow("-92233720368547758.071", rounding_with(rounding::up));
}

TEST_CASE("the range of an amount: at most 92233720368547758.07 元 either way") {
    CHECK(parse_amount("92233720368547758.07") == amount::max());
    CHECK(parse_amount("92,233,720,368,547,758.07") == amount::max());
    CHECK(parse_amount("-92233720368547758.07") == amount::min());
    amount_overflow("92233720368547758.08");
    amount_overflow("-92233720368547758.08");
    amount_overflow("100000000000000000");           // 10^17 元, a balance too large
    amount_overflow("100000万亿");                    // the same with units
    amount_overflow("9223372036854775807");          // 2^63 - 1 元, not 分
    amount_overflow("1" + std::string(45, '0'));     // past any 128-bit intermediate
    CHECK(fen("1000万亿") == 100'000'000'000'000'000);  // 10^15 元 fits
}

TEST_CASE("malformed amounts are parse errors naming text and position") {
    amount_parse_error("", 0);
    amount_parse_error("   ", any_position);
    amount_parse_error("1.2.3", 3);
    amount_parse_error("1,23", 1);        // a group after ',' needs 3 digits
    amount_parse_error("1,2345", 1);
    amount_parse_error("1234,567", 4);    // ',' after more than 3 digits
    amount_parse_error(",123", 0);
    amount_parse_error("12亿万", 3);
    amount_parse_error("--1", 1);
    amount_parse_error("-¥-1", 2);
    amount_parse_error("+1", 0);
    amount_parse_error("1e5", 1);
    amount_parse_error("NaN", 0);
    amount_parse_error("inf", 0);
    amount_parse_error("12abc", 2);
    amount_parse_error(".5", 0);
    amount_parse_error("5.", 2);
    amount_parse_error("1万2", 2);        // a bare number after a unit is ambiguous
    amount_parse_error("3亿14500万", 2);  // 14500万 is not below 1亿
    amount_parse_error("1亿2亿", 3);      // units must decrease
    amount_parse_error("1万1亿", 3);
    amount_parse_error("1.5亿3000万", 4); // only the last part may have decimals
    amount_parse_error("5%元", 2);
    amount_parse_error("5万%", 2);
    amount_parse_error("元", 0);
    amount_parse_error("人民币", 3);
    amount_parse_error("¥", 1);
    amount_parse_error("¥人民币1", 1);
    amount_parse_error("1 234", 2);
    amount_parse_error("12元元", 3);
    amount_parse_error("1亿零", 2);      // 零 is not a digit here
}

TEST_CASE("positions count characters, not bytes") {
    amount_parse_error("人民币12abc", 5);   // 人民币 is 9 bytes but 3 characters
    amount_parse_error("１２ａｂｃ", 2);
    amount_parse_error("  12x", 4);          // leading spaces count too
    amount_parse_error("3亿4500万x", 7);
}

TEST_CASE("a percentage is not an amount") {
    amount_parse_error("5%", any_position);
    amount_parse_error("4.35%", any_position);
}

TEST_CASE("the field name is the caller's") {
    amount_parse_options o;
    o.field = "balances[2].balance";
    amount_parse_error("12abc", 2, o);
    amount_parse_error("1.234", any_position, o);
    amount_overflow("100000000000000000", o);
}

TEST_CASE("invalid UTF-8 is a parse error, never skipped") {
    const std::string bad[] = {
        std::string("12\xFF", 3),            // a byte that never starts a character
        std::string("1\x80", 2),             // a stray continuation byte
        std::string("1\xE4\xB8", 3),         // 万 cut short (E4 B8 87)
        std::string("\xC0\xB1", 2),          // overlong '1'
        std::string("\xED\xA0\x80", 3),      // a UTF-16 surrogate
        std::string("\xF4\x90\x80\x80", 4),  // above U+10FFFF
    };
    for (const std::string& text : bad) {
        CAPTURE(text.size());
        bool thrown = false;
        try {
            (void)parse_amount(text);
        } catch (const parse_error& e) {
            thrown = true;
            CHECK(e.code() == errc::parse);
            CHECK(e.field() == "amount");
            CHECK(std::string(e.what()).find("invalid UTF-8") != std::string::npos);
        }
        CHECK(thrown);
    }
    // The message gives the byte offset of the first bad byte.
    try {
        (void)parse_rate(std::string("4.35\xFF%", 6));
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(e.field() == "rate");
        CHECK(std::string(e.what()).find("byte 4") != std::string::npos);
    }
}

TEST_CASE("a long offending text is kept whole but quoted short") {
    const std::string text(100, 'a');
    try {
        (void)parse_amount(text);
        FAIL("no exception");
    } catch (const parse_error& e) {
        CHECK(e.text() == text);
        CHECK(e.position() == 0);
        const std::string what = e.what();
        CHECK(what.find(std::string(64, 'a') + "…") != std::string::npos);
        CHECK(what.find(std::string(65, 'a')) == std::string::npos);
    }
}

}  // TEST_SUITE
