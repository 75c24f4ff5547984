// Text forms of amounts and rates: canonical "1234.56", grouped "1,234.56",
// percent "4.35%". Every form parses back to the same value.
#ifndef ZJCREDIT_MONEY_FORMAT_HPP
#define ZJCREDIT_MONEY_FORMAT_HPP

#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/rate.hpp>

#include <cstdint>
#include <string>

namespace zjcredit::money {

namespace detail {
inline std::string format_fen(std::int64_t fen, bool grouped) {
    const bool negative = fen < 0;
    // Work in unsigned so that the most negative value formats too.
    std::uint64_t u = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(fen)
                               : static_cast<std::uint64_t>(fen);
    const std::uint64_t cents = u % 100;
    std::string whole = std::to_string(u / 100);
    if (grouped) {
        for (std::size_t i = whole.size(); i > 3; i -= 3) whole.insert(i - 3, ",");
    }
    std::string out = negative ? "-" : "";
    out += whole;
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
    return out;
}
}  // namespace detail

/// Canonical text: exactly two decimals, no grouping: "1234.56", "-0.05".
inline std::string to_string(amount a) { return detail::format_fen(a.fen(), false); }

/// Grouped by thousands: "1,234,567.80".
inline std::string to_grouped_string(amount a) { return detail::format_fen(a.fen(), true); }

/// Plain fraction with the trailing zeros removed: 4.35% -> "0.0435", 1 -> "1".
inline std::string to_fraction_string(rate r) {
    return decimal(r.units(), rate::places).normalized().to_string();
}

/// Percent form with the trailing zeros removed: "4.35%", "1%", "0.125%".
inline std::string to_string(rate r) {
    return decimal(r.units(), rate::places - 2).normalized().to_string() + "%";
}

}  // namespace zjcredit::money

#endif
