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
/// `u` in decimal, written backwards ending at `end`; returns the first character.
inline char* digits_backwards(std::uint64_t u, char* end, bool grouped) noexcept {
    int written = 0;
    do {
        if (grouped && written != 0 && written % 3 == 0) *--end = ',';
        *--end = static_cast<char>('0' + u % 10);
        u /= 10;
        ++written;
    } while (u != 0);
    return end;
}

/// 分 as 元 with two decimals, formatted in a buffer (this runs for every
/// amount of every receipt).
inline std::string format_fen(std::int64_t fen, bool grouped) {
    const bool negative = fen < 0;
    // Work in unsigned so that the most negative value formats too.
    const std::uint64_t u = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(fen)
                                     : static_cast<std::uint64_t>(fen);
    char buf[40];
    char* const end = buf + sizeof buf;
    char* p = end;
    *--p = static_cast<char>('0' + u % 10);
    *--p = static_cast<char>('0' + u / 10 % 10);
    *--p = '.';
    p = digits_backwards(u / 100, p, grouped);
    if (negative) *--p = '-';
    return std::string(p, end);
}

/// A rate in units of 10^-10 as a percent with the trailing zeros removed
/// (units / 10^8 percent): what decimal(units, 8).normalized() writes, "%" added.
inline std::string format_percent(std::int64_t units) {
    const bool negative = units < 0;
    const std::uint64_t u = negative ? std::uint64_t(0) - static_cast<std::uint64_t>(units)
                                     : static_cast<std::uint64_t>(units);
    constexpr std::uint64_t per_percent = 100'000'000;  // rate::scale / 100
    char buf[48];
    char* const end = buf + sizeof buf;
    char* p = end;
    *--p = '%';
    std::uint64_t frac = u % per_percent;
    if (frac != 0) {
        int places = 8;
        while (frac % 10 == 0) {
            frac /= 10;
            --places;
        }
        for (int i = 0; i < places; ++i) {
            *--p = static_cast<char>('0' + frac % 10);
            frac /= 10;
        }
        *--p = '.';
    }
    p = digits_backwards(u / per_percent, p, false);
    if (negative) *--p = '-';
    return std::string(p, end);
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
inline std::string to_string(rate r) { return detail::format_percent(r.units()); }

}  // namespace zjcredit::money

#endif
