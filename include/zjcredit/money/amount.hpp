// money::amount: an exact sum of 人民币 in 分 (fen), held in 64 bits.
// Arithmetic is checked: a result outside the range throws overflow_error.
#ifndef ZJCREDIT_MONEY_AMOUNT_HPP
#define ZJCREDIT_MONEY_AMOUNT_HPP

#include <zjcredit/money/detail/checked.hpp>

#include <compare>
#include <cstdint>
#include <limits>

namespace zjcredit::money {

/// An amount of money in 分. Regular, trivially copyable, never a double.
///
///     auto a = amount::from_yuan(1000'0000);      // 1000万元
///     auto b = amount::from_fen(123456);          // 1234.56 元
///     auto c = a + b;                             // checked
class amount {
public:
    constexpr amount() noexcept = default;

    /// `fen` 分; overflow_error for -2^63, which lies below min().
    static constexpr amount from_fen(std::int64_t fen) {
        if (fen == std::numeric_limits<std::int64_t>::min()) detail::throw_overflow("amount from fen");
        return amount(fen);
    }
    /// Whole yuan; throws overflow_error past the range.
    static amount from_yuan(std::int64_t yuan) {
        return amount(detail::checked_mul<std::int64_t>(yuan, 100, "amount in yuan"));
    }
    /// The largest amount, 2^63 − 1 分.
    static constexpr amount max() noexcept { return amount(std::numeric_limits<std::int64_t>::max()); }
    /// The smallest amount, −(2^63 − 1) 分 = −max(), so every amount has a negative.
    static constexpr amount min() noexcept { return amount(std::numeric_limits<std::int64_t>::min() + 1); }

    /// The amount in 分 (1 元 = 100 分).
    constexpr std::int64_t fen() const noexcept { return fen_; }
    /// True below 0 分.
    constexpr bool is_negative() const noexcept { return fen_ < 0; }
    /// True for exactly 0 分.
    constexpr bool is_zero() const noexcept { return fen_ == 0; }

    /// Amounts compare by their 分.
    friend constexpr auto operator<=>(amount, amount) noexcept = default;

    /// Exact sum; overflow_error outside [min(), max()].
    friend amount operator+(amount a, amount b) {
        return in_range(detail::checked_add(a.fen_, b.fen_, "amount addition"), "amount addition");
    }
    /// Exact difference; overflow_error outside [min(), max()].
    friend amount operator-(amount a, amount b) {
        return in_range(detail::checked_sub(a.fen_, b.fen_, "amount subtraction"), "amount subtraction");
    }
    /// The negated amount; never overflows, as the range is symmetric.
    friend amount operator-(amount a) {
        return amount(detail::checked_sub<std::int64_t>(0, a.fen_, "amount negation"));
    }
    /// Scaling by a count (days, borrowers) is exact; amount × amount does not compile.
    friend amount operator*(amount a, std::int64_t n) {
        return in_range(detail::checked_mul(a.fen_, n, "amount multiplication"), "amount multiplication");
    }
    /// `a * n`, the count written first.
    friend amount operator*(std::int64_t n, amount a) { return a * n; }
    /// Adds `b` in place; overflow_error as for `+`.
    amount& operator+=(amount b) { return *this = *this + b; }
    /// Subtracts `b` in place; overflow_error as for `-`.
    amount& operator-=(amount b) { return *this = *this - b; }

private:
    constexpr explicit amount(std::int64_t fen) noexcept : fen_(fen) {}
    /// The range is [min(), max()], symmetric: -2^63 分 is below min() and has
    /// no negative, yet the 64-bit checks above let a result of exactly -2^63
    /// through (min() - 1分 returned it). Such a result is an overflow too.
    static amount in_range(std::int64_t fen, const char* what) {
        if (fen == std::numeric_limits<std::int64_t>::min()) detail::throw_overflow(what);
        return amount(fen);
    }
    std::int64_t fen_ = 0;
};

}  // namespace zjcredit::money

#endif
