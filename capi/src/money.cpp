// Amounts, rates and decimals across the C ABI.
#include "barrier.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/words.hpp>

#include <optional>

using namespace zjcredit;
using namespace zjcredit::capi;

namespace {

std::optional<money::rounding> rounding_arg(int32_t mode, bool exact_allowed) {
    switch (mode) {
        case ZJC_ROUND_HALF_UP: return money::rounding::half_up;
        case ZJC_ROUND_HALF_EVEN: return money::rounding::half_even;
        case ZJC_ROUND_DOWN: return money::rounding::down;
        case ZJC_ROUND_UP: return money::rounding::up;
        case ZJC_ROUND_EXACT:
            if (exact_allowed) return std::nullopt;
            break;
        default: break;
    }
    throw invalid_argument("rounding must be a ZJC_ROUND_* mode, got " + std::to_string(mode));
}

}  // namespace

extern "C" {

ZJC_API int32_t zjc_amount_parse(int64_t* out_fen, const char* text, int32_t rounding) {
    return guarded([&] {
        require(out_fen, "out_fen");
        const auto mode = rounding_arg(rounding, true);
        *out_fen = money::parse_amount(text_arg(text, "text"), {.field = "amount", .round_excess = mode}).fen();
    });
}

ZJC_API int32_t zjc_amount_format(char** out, int64_t fen, int32_t style) {
    return guarded([&] {
        require(out, "out");
        const auto a = money::amount::from_fen(fen);
        std::string s;
        switch (style) {
            case ZJC_FORMAT_CANONICAL: s = money::to_string(a); break;
            case ZJC_FORMAT_GROUPED: s = money::to_grouped_string(a); break;
            case ZJC_FORMAT_WORDS: s = money::to_words(a); break;
            case ZJC_FORMAT_WORDS_PREFIX: s = money::to_words(a, {.prefix = true}); break;
            default: throw invalid_argument("style must be a ZJC_FORMAT_* value, got " + std::to_string(style));
        }
        *out = new_string(s);
    });
}

ZJC_API int32_t zjc_decimal_round(char** out, const char* value, int32_t places, int32_t rounding) {
    return guarded([&] {
        require(out, "out");
        if (places < 0 || places > 18)
            throw invalid_argument("places must be 0..18, got " + std::to_string(places));
        const auto mode = *rounding_arg(rounding, false);
        const money::decimal d = money::parse_decimal(text_arg(value, "value"), "value").normalized();
        money::int128 coefficient = d.coefficient();
        if (d.scale() > places) {
            coefficient = money::round_div(coefficient, money::detail::pow10(d.scale() - places), mode);
        } else if (__builtin_mul_overflow(coefficient, money::detail::pow10(places - d.scale()), &coefficient)) {
            throw overflow_error("value", value,
                                 "has too many digits to write with " + std::to_string(places) + " decimal places");
        }
        *out = new_string(money::decimal(coefficient, places).to_string());
    });
}

ZJC_API int32_t zjc_rate_parse(int64_t* out_units, const char* text) {
    return guarded([&] {
        require(out_units, "out_units");
        *out_units = money::parse_rate(text_arg(text, "text"), "rate").units();
    });
}

}  // extern "C"
