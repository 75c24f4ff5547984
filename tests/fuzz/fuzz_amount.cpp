// Amount, rate and decimal parsing (include/zjcredit/money/parse.hpp).
// Properties: a parsed amount formats (plain and grouped) to text that parses
// to the same amount; likewise rates (percent and fraction forms) and exact
// decimals; an amount rounded from excess digits formats and parses back equal;
// the plain-number fast paths of parse_amount and parse_rate give, for every
// input, what the general readers give (the value, or the same error).
#include "../parse_outcome.hpp"
#include "fuzz_common.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/words.hpp>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);

    // fast path == general reader, value or error (parse_outcome compares all of it)
    const auto fast_amount = test::outcome_of([&] { return money::parse_amount(text).fen(); });
    const auto general_amount = test::outcome_of([&] { return money::detail::parse_amount_general(text).fen(); });
    ZJC_FUZZ_CHECK(fast_amount == general_amount, text);
    const auto fast_rate = test::outcome_of([&] { return money::parse_rate(text).units(); });
    const auto general_rate = test::outcome_of([&] { return money::detail::parse_rate_general(text).units(); });
    ZJC_FUZZ_CHECK(fast_rate == general_rate, text);

    money::amount a;
    if (accepts([&] { a = money::parse_amount(text); }, "parse_amount")) {
        must([&] {
            const std::string plain = money::to_string(a);
            ZJC_FUZZ_CHECK(money::parse_amount(plain) == a, plain);
            const std::string grouped = money::to_grouped_string(a);
            ZJC_FUZZ_CHECK(money::parse_amount(grouped) == a, grouped);
            // The same text read as a decimal is the same value.
            ZJC_FUZZ_CHECK(money::parse_decimal(text) == money::parse_decimal(plain), plain);
        }, "amount round trip");
        // 大写 may refuse (negative, too large) but only with a zjcredit error.
        (void)accepts([&] { (void)money::to_words(a); }, "to_words");
    }

    money::amount rounded;
    if (accepts([&] { rounded = money::parse_amount(text, {.round_excess = money::rounding::half_up}); },
                "parse_amount(round_excess)")) {
        must([&] {
            ZJC_FUZZ_CHECK(money::parse_amount(money::to_string(rounded)) == rounded, money::to_string(rounded));
        }, "rounded amount round trip");
    }

    money::rate r;
    if (accepts([&] { r = money::parse_rate(text); }, "parse_rate")) {
        must([&] {
            const std::string percent = money::to_string(r);
            ZJC_FUZZ_CHECK(money::parse_rate(percent) == r, percent);
            const std::string fraction = money::to_fraction_string(r);
            ZJC_FUZZ_CHECK(money::parse_rate(fraction) == r, fraction);
        }, "rate round trip");
    }

    money::decimal d;
    if (accepts([&] { d = money::parse_decimal(text); }, "parse_decimal")) {
        must([&] {
            const std::string s = d.to_string();
            ZJC_FUZZ_CHECK(money::parse_decimal(s) == d, s);
            ZJC_FUZZ_CHECK(money::parse_decimal(d.normalized().to_string()) == d, s);
        }, "decimal round trip");
    }
    return 0;
}
