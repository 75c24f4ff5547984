// Rounding modes and the one exact division that applies them. A computation
// keeps its value as an exact fraction and rounds once, here, at the end.
#ifndef ZJCREDIT_MONEY_ROUNDING_HPP
#define ZJCREDIT_MONEY_ROUNDING_HPP

#include <zjcredit/error.hpp>
#include <zjcredit/money/detail/checked.hpp>

#include <optional>
#include <string_view>

namespace zjcredit::money {

/// How an exact value is brought to the nearest representable one.
/// Negative values are rounded symmetrically (by magnitude), as 会计 practice
/// does: half_up turns -2.5 into -3, down turns -2.7 into -2.
enum class rounding {
    half_up,    ///< 四舍五入: ties away from zero (the banking default here)
    half_even,  ///< GB/T 8170 四舍六入五成双: ties to the even neighbour
    down,       ///< toward zero (truncate)
    up,         ///< away from zero
};

/// Stable lower-case name of a mode ("half_up", ...), as used in JSON and the CLI.
constexpr std::string_view to_string(rounding mode) noexcept {
    switch (mode) {
        case rounding::half_up: return "half_up";
        case rounding::half_even: return "half_even";
        case rounding::down: return "down";
        case rounding::up: return "up";
    }
    return "half_up";
}

/// How texts for people name a mode in Chinese ("四舍五入"): the one wording
/// of receipts, results and the assessment. down and up say their direction,
/// since a signed value (a growth rate) can be rounded too.
constexpr std::string_view rounding_zh(rounding mode) noexcept {
    switch (mode) {
        case rounding::half_up: return "四舍五入";
        case rounding::half_even: return "四舍六入五成双";
        case rounding::down: return "舍去（向零）";
        case rounding::up: return "进位（远离零）";
    }
    return "四舍五入";
}

/// The same in English ("half up").
constexpr std::string_view rounding_en(rounding mode) noexcept {
    switch (mode) {
        case rounding::half_up: return "half up";
        case rounding::half_even: return "half even";
        case rounding::down: return "toward zero";
        case rounding::up: return "away from zero";
    }
    return "half up";
}

/// The mode named `name`, or nullopt.
constexpr std::optional<rounding> rounding_from_string(std::string_view name) noexcept {
    if (name == "half_up") return rounding::half_up;
    if (name == "half_even") return rounding::half_even;
    if (name == "down") return rounding::down;
    if (name == "up") return rounding::up;
    return std::nullopt;
}

/// numerator / denominator rounded to an integer by `mode`; denominator > 0.
inline int128 round_div(int128 numerator, int128 denominator, rounding mode) {
    if (denominator <= 0)
        throw validation_error("", "", "rounding division needs a positive denominator");
    const bool negative = numerator < 0;
    // |numerator| fits: INT128_MIN cannot arise from the checked producers.
    const int128 magnitude = negative ? -numerator : numerator;
    int128 quotient = magnitude / denominator;
    const int128 remainder = magnitude % denominator;
    if (remainder != 0) {
        // Compare 2*remainder with denominator without overflowing.
        const int128 other = denominator - remainder;
        const bool above_half = remainder > other;
        const bool exactly_half = remainder == other;
        bool bump = false;
        switch (mode) {
            case rounding::half_up: bump = above_half || exactly_half; break;
            case rounding::half_even: bump = above_half || (exactly_half && quotient % 2 != 0); break;
            case rounding::down: bump = false; break;
            case rounding::up: bump = true; break;
        }
        if (bump) ++quotient;
    }
    return negative ? -quotient : quotient;
}

}  // namespace zjcredit::money

#endif
