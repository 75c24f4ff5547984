// money::rate: an exact annual rate or ratio as a scaled integer
// (units of 10^-10, so 4.35% is 435'000'000 units).
#ifndef ZJCREDIT_MONEY_RATE_HPP
#define ZJCREDIT_MONEY_RATE_HPP

#include <zjcredit/money/detail/checked.hpp>

#include <compare>
#include <cstdint>

namespace zjcredit::money {

/// A rate as an exact fixed-point number with 10 decimal places of the plain
/// fraction (8 places of a percentage). Finer rates are refused when parsed.
class rate {
public:
    /// Units in 1: a rate of 1 (100%) is `scale` units.
    static constexpr std::int64_t scale = 10'000'000'000;
    /// Decimal places of the plain fraction that `scale` holds.
    static constexpr int places = 10;

    constexpr rate() noexcept = default;
    /// A rate of `units` × 10^-10 (435'000'000 units is 4.35%).
    static constexpr rate from_units(std::int64_t units) noexcept { return rate(units); }
    /// `n` percent, exactly (from_percent(1) is 1%); overflow_error past the range.
    static constexpr rate from_percent(std::int64_t n) {
        std::int64_t units = 0;
        if (__builtin_mul_overflow(n, scale / 100, &units)) detail::throw_overflow("rate from percent");
        return rate(units);
    }

    /// The rate in units of 10^-10 of the plain fraction.
    constexpr std::int64_t units() const noexcept { return units_; }
    /// True above 0.
    constexpr bool is_positive() const noexcept { return units_ > 0; }

    /// Rates compare by their units.
    friend constexpr auto operator<=>(rate, rate) noexcept = default;

private:
    constexpr explicit rate(std::int64_t units) noexcept : units_(units) {}
    std::int64_t units_ = 0;
};

/// The lower of two rates (`a` when equal), as in min(ceiling, annual_rate) of the 首贷贴息 formula.
constexpr rate min(rate a, rate b) noexcept { return b < a ? b : a; }

}  // namespace zjcredit::money

#endif
