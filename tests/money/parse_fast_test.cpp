// The plain-number fast paths of parse_amount and parse_rate (parse.hpp)
// against the general readers they stand in for (detail::parse_amount_general,
// detail::parse_rate_general): for every text the same value or the same
// error (class, code, field, text, message, position). Each case also says
// whether the fast path answers at all, so a fast path that gave up on
// everything would fail too. Values worked by hand, in 分 and in rate units
// of 10^-10 (4.35% = 0.0435 = 435,000,000 units).
#include "../parse_outcome.hpp"

#include <zjcredit/money/parse.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

using zjcredit::overflow_error;
using zjcredit::parse_error;
using zjcredit::money::amount_parse_options;
using zjcredit::money::parse_amount;
using zjcredit::money::parse_rate;
using zjcredit::money::rounding;
using zjcredit::test::outcome_of;
using zjcredit::test::parse_outcome;
namespace detail = zjcredit::money::detail;

namespace {

parse_outcome amount_outcome(std::string_view text, const amount_parse_options& o = {}) {
    return outcome_of([&] { return parse_amount(text, o).fen(); });
}
parse_outcome general_amount_outcome(std::string_view text, const amount_parse_options& o = {}) {
    return outcome_of([&] { return detail::parse_amount_general(text, o).fen(); });
}
parse_outcome rate_outcome(std::string_view text) {
    return outcome_of([&] { return parse_rate(text, "annual_rate").units(); });
}
parse_outcome general_rate_outcome(std::string_view text) {
    return outcome_of([&] { return detail::parse_rate_general(text, "annual_rate").units(); });
}

/// A case: the text, whether the fast path answers, and the value (nullopt: an error).
struct number_case {
    std::string_view text;
    bool fast;
    std::optional<std::int64_t> value;
    const std::type_info* error = nullptr;
};

const std::type_info& parse = typeid(parse_error);
const std::type_info& overflow = typeid(overflow_error);

void check_amount(const number_case& c) {
    CAPTURE(c.text);
    const parse_outcome got = amount_outcome(c.text);
    CHECK(got == general_amount_outcome(c.text));
    CHECK(detail::plain_amount(c.text).has_value() == c.fast);
    if (c.value) {
        CHECK(got.value == c.value);
    } else {
        CHECK(!got.value);
        CHECK(got.error_type == c.error->name());
        CHECK(got.field == "amount");
        CHECK(got.text == c.text);
    }
}

void check_rate(const number_case& c) {
    CAPTURE(c.text);
    const parse_outcome got = rate_outcome(c.text);
    CHECK(got == general_rate_outcome(c.text));
    CHECK(detail::plain_rate(c.text).has_value() == c.fast);
    if (c.value) {
        CHECK(got.value == c.value);
    } else {
        CHECK(!got.value);
        CHECK(got.error_type == c.error->name());
        CHECK(got.field == "annual_rate");
        CHECK(got.text == c.text);
    }
}

}  // namespace

TEST_CASE("parse_amount: the fast path and the general reader agree on hand-picked texts") {
    const std::vector<number_case> cases = {
        {"1234.56", true, 123456},
        {"0", true, 0},
        {"007", true, 700},                     // leading zeros: the general reader takes them too
        {"0001234.50", true, 123450},
        {"-12.5", true, -1250},
        {"-0.00", true, 0},                     // minus zero is zero
        {"-0", true, 0},
        {"9999999999999999.99", true, 999999999999999999},  // 16 digits: the fast path's widest
        {"1234.567", false, std::nullopt, &parse},           // below the 分
        {"+1", false, std::nullopt, &parse},                 // only '-' is a sign
        {".5", false, std::nullopt, &parse},
        {"1.", false, std::nullopt, &parse},
        {"-", false, std::nullopt, &parse},
        {"--1", false, std::nullopt, &parse},
        {"", false, std::nullopt, &parse},
        {"1e5", false, std::nullopt, &parse},
        {"12-3", false, std::nullopt, &parse},
        {"1,234.56", false, 123456},            // commas: the general reader
        {"1,23", false, std::nullopt, &parse},
        {"１２３４．５６", false, 123456},       // full width: the general reader
        {"1234.56 ", false, 123456},            // spaces at either end are trimmed
        {" 1234.56", false, 123456},
        {"2.2亿", false, 22000000000},          // 2.2 × 10^8 元 = 2.2 × 10^10 分
        {"4.35%", false, std::nullopt, &parse},              // a percentage is not an amount
        // 2^63 - 1 分 = 92233720368547758.07 元: the largest amount; its
        // negative is the smallest (-2^63 分 is refused).
        {"92233720368547758.07", false, 9223372036854775807},
        {"-92233720368547758.07", false, -9223372036854775807},
        {"92233720368547758.08", false, std::nullopt, &overflow},
        {"-92233720368547758.08", false, std::nullopt, &overflow},
        {"1234567890123456789", false, std::nullopt, &overflow},   // 19 digits of 元
        {"12345678901234567890", false, std::nullopt, &overflow},  // 20 digits
        {"12345678901234567.89", false, 1234567890123456789},     // 19 digits of 分
    };
    for (const auto& c : cases) check_amount(c);
}

TEST_CASE("parse_amount: the fast path answers as round_excess does for two places or fewer") {
    const amount_parse_options half_up{.round_excess = rounding::half_up};
    for (std::string_view text : {"1234.56", "-0.5", "7", "1234.565"}) {
        CAPTURE(text);
        CHECK(amount_outcome(text, half_up) == general_amount_outcome(text, half_up));
    }
    CHECK(parse_amount("1234.565", half_up).fen() == 123457);
    CHECK(parse_amount("-0.5", half_up).fen() == -50);
    // the field named in errors is the caller's, on either path
    const parse_outcome e = amount_outcome("1.", {.field = "balance", .round_excess = {}});
    CHECK(e.field == "balance");
    CHECK(e == general_amount_outcome("1.", {.field = "balance", .round_excess = {}}));
}

TEST_CASE("parse_rate: the fast path and the general reader agree on hand-picked texts") {
    const std::vector<number_case> cases = {
        {"4.35%", true, 435000000},              // 0.0435 × 10^10
        {"4.350%", true, 435000000},
        {"4.35", true, 43500000000},             // bare: a fraction, 435%
        {"0.0435", true, 435000000},
        {"0", true, 0},
        {"-1.5%", true, -150000000},
        {"04.35%", true, 435000000},
        {"4.12345678%", true, 412345678},        // 8 places of a percent: the finest
        {"0.0412345678", true, 412345678},       // 10 places of a fraction
        {"999999999%", true, 99999999900000000}, // 9 digits of a percent: the fast path's widest
        {"4.123456789%", false, std::nullopt, &parse},   // 9 places of a percent
        {"0.04123456789", false, std::nullopt, &parse},  // 11 places of a fraction
        {"4.350000000%", false, 435000000},      // trailing zeros do not count
        {"1000000000%", false, 100000000000000000},
        {"922337203.6854775807", false, 9223372036854775807},
        {"922337203.6854775808", false, std::nullopt, &overflow},
        {"4.35 %", false, std::nullopt, &parse},
        {"4.35% ", false, 435000000},
        {"５%", false, 500000000},
        {"1,000%", false, 100000000000},
        {"+1%", false, std::nullopt, &parse},
        {"%", false, std::nullopt, &parse},
        {"4.35%%", false, std::nullopt, &parse},
        {".5%", false, std::nullopt, &parse},
        {"1.%", false, std::nullopt, &parse},
        {"1万%", false, std::nullopt, &parse},
        {"¥1", false, std::nullopt, &parse},
    };
    for (const auto& c : cases) check_rate(c);
}

TEST_CASE("parse_amount and parse_rate: both paths agree on every short text of a small alphabet") {
    // Every string of up to 5 characters over the characters the fast path
    // looks at, and some it must leave alone.
    const std::string_view alphabet = "-09.,% +";
    std::vector<std::string> texts{""};
    std::size_t from = 0;
    for (int len = 1; len <= 5; ++len) {
        const std::size_t to = texts.size();
        for (std::size_t i = from; i < to; ++i)
            for (char c : alphabet) texts.push_back(texts[i] + c);
        from = to;
    }
    std::size_t fast_amounts = 0;
    std::size_t fast_rates = 0;
    for (const auto& t : texts) {
        if (amount_outcome(t) != general_amount_outcome(t)) FAIL_CHECK("amount differs on \"" << t << "\"");
        if (rate_outcome(t) != general_rate_outcome(t)) FAIL_CHECK("rate differs on \"" << t << "\"");
        fast_amounts += detail::plain_amount(t) ? 1 : 0;
        fast_rates += detail::plain_rate(t) ? 1 : 0;
    }
    CHECK(fast_amounts > 0);
    CHECK(fast_rates > fast_amounts);  // the rates' fast path also takes "9%" forms
}
