// money::decimal: an exact decimal number coefficient × 10^-scale, for values
// that are neither amounts nor rates (growth factors, counts, parsed text).
#ifndef ZJCREDIT_MONEY_DECIMAL_HPP
#define ZJCREDIT_MONEY_DECIMAL_HPP

#include <zjcredit/limits.hpp>
#include <zjcredit/money/detail/checked.hpp>

#include <compare>
#include <string>

namespace zjcredit::money {

/// An exact decimal: `coefficient() × 10^-scale()`, 0 ≤ scale ≤ max_scale.
/// Equality and ordering compare values, so 1.50 == 1.5.
class decimal {
public:
    /// Most decimal places a decimal holds (limits::max_decimal_places, 30).
    static constexpr int max_scale = limits::max_decimal_places;

    constexpr decimal() noexcept = default;
    /// `coefficient × 10^-scale`; overflow_error unless 0 ≤ scale ≤ max_scale.
    decimal(int128 coefficient, int scale) : coefficient_(coefficient), scale_(scale) {
        if (scale < 0 || scale > max_scale) detail::throw_overflow("decimal scale");
    }
    /// The integer `v`, at scale 0.
    static decimal from_integer(std::int64_t v) { return decimal(v, 0); }

    /// The integer of the value at scale(): 1.50 is 150 at scale 2.
    int128 coefficient() const noexcept { return coefficient_; }
    /// Decimal places of the value, trailing zeros included (2 for 1.50).
    int scale() const noexcept { return scale_; }
    /// True for the value 0 at any scale.
    bool is_zero() const noexcept { return coefficient_ == 0; }
    /// True below 0.
    bool is_negative() const noexcept { return coefficient_ < 0; }

    /// The same value with trailing zeros of the fraction removed.
    decimal normalized() const {
        decimal d = *this;
        while (d.scale_ > 0 && d.coefficient_ % 10 == 0) {
            d.coefficient_ /= 10;
            --d.scale_;
        }
        return d;
    }

    /// The coefficient at `scale` ≥ scale(); throws overflow_error if it does not fit.
    int128 coefficient_at(int scale) const {
        if (scale < scale_) detail::throw_overflow("decimal rescale");
        return detail::checked_mul(coefficient_, detail::pow10(scale - scale_), "decimal rescale");
    }

    /// Equal values, whatever their scales (1.50 == 1.5); never throws overflow_error.
    friend bool operator==(const decimal& a, const decimal& b) { return (a <=> b) == 0; }
    /// Orders by value, whatever the scales; never throws overflow_error.
    friend std::strong_ordering operator<=>(const decimal& a, const decimal& b) {
        // Integer parts first, then the fractions at the common scale. Rescaling
        // whole coefficients could overflow (10^37 against 10^-30 needs 10^67)
        // and made comparing two valid decimals throw; a fraction is below
        // 10^max_scale in magnitude, so neither step here can overflow.
        const int128 unit_a = detail::pow10(a.scale_);
        const int128 unit_b = detail::pow10(b.scale_);
        if (const auto c = a.coefficient_ / unit_a <=> b.coefficient_ / unit_b; c != 0) return c;
        const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
        return a.coefficient_ % unit_a * detail::pow10(s - a.scale_) <=>
               b.coefficient_ % unit_b * detail::pow10(s - b.scale_);
    }

    /// Plain decimal text, all digits of the scale kept: "1.50", "-0.0435", "12".
    std::string to_string() const {
        const bool negative = coefficient_ < 0;
        std::string digits = detail::to_string(coefficient_);
        if (negative) digits.erase(0, 1);  // detail::to_string handles the most negative value
        if (scale_ > 0) {
            if (static_cast<int>(digits.size()) <= scale_)
                digits.insert(0, static_cast<std::size_t>(scale_ + 1) - digits.size(), '0');
            digits.insert(digits.size() - static_cast<std::size_t>(scale_), ".");
        }
        return negative ? "-" + digits : digits;
    }

private:
    int128 coefficient_ = 0;
    int scale_ = 0;
};

}  // namespace zjcredit::money

#endif
