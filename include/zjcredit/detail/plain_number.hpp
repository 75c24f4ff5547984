// The plain number spreadsheets write most ("1234.56", "-0.5", "4"), read
// straight from the bytes: no UTF-8 decoding, no folding, no cursor. The
// parsers of money/parse.hpp try it first and hand every other text to their
// general readers, so it never fails: it gives the value the general reader
// would give, or nothing.
#ifndef ZJCREDIT_DETAIL_PLAIN_NUMBER_HPP
#define ZJCREDIT_DETAIL_PLAIN_NUMBER_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace zjcredit::detail {

/// A plain number's exact value: coefficient × 10^-scale.
struct plain_decimal {
    std::int64_t coefficient = 0;
    int scale = 0;
};

/// The whole of `text` when it is "-"? digits ("." digits)? in ASCII, with at
/// most `max_int` digits before the point and 1..`max_scale` after it; nullopt
/// for anything else (spaces, "+", commas, ".5", "5.", full-width digits, more
/// digits). max_int + max_scale must stay below 19 so that the coefficient
/// fits: with those bounds nothing here can overflow.
inline std::optional<plain_decimal> read_plain_decimal(std::string_view text, std::size_t max_int,
                                                       std::size_t max_scale) noexcept {
    const char* p = text.data();
    const char* const end = p + text.size();
    const bool negative = p != end && *p == '-';
    if (negative) ++p;
    std::int64_t coefficient = 0;
    const auto digits = [&](std::size_t max) -> std::size_t {
        std::size_t n = 0;
        for (; p != end && *p >= '0' && *p <= '9'; ++p, ++n) {
            if (n == max) return max + 1;  // too many: the caller refuses
            coefficient = coefficient * 10 + (*p - '0');
        }
        return n;
    };
    const std::size_t whole = digits(max_int);
    if (whole == 0 || whole > max_int) return std::nullopt;
    std::size_t scale = 0;
    if (p != end && *p == '.') {
        ++p;
        scale = digits(max_scale);
        if (scale == 0 || scale > max_scale) return std::nullopt;
    }
    if (p != end) return std::nullopt;
    return plain_decimal{negative ? -coefficient : coefficient, static_cast<int>(scale)};
}

/// 10^n for 0 <= n <= 18.
constexpr std::int64_t pow10_i64(int n) noexcept {
    std::int64_t r = 1;
    while (n-- > 0) r *= 10;
    return r;
}

}  // namespace zjcredit::detail

#endif
