// A paid subsidy's arithmetic in one line, for the 说明 column of a table of
// results: "积数 91000000.00 × 1% ÷ 360 = 2527.777… 元，四舍五入到分为
// 2527.78 元" — the receipt's "unrounded" and "rounding" steps, said at
// once. Written from what the kernel recorded (subsidy_trace), whether the
// loan came one at a time or in a batch.
#ifndef ZJCREDIT_RULES_ARITHMETIC_HPP
#define ZJCREDIT_RULES_ARITHMETIC_HPP

#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <cstdint>
#include <string>

namespace zjcredit::rules {

namespace detail {

/// A trace of the kernel that keeps only what the line needs: the sum, the
/// rate used and the rounded total. Every other hook does nothing, so a
/// batch can explain its paid loans without the receipt's ranges.
struct sum_trace {
    static constexpr bool enabled = true;

    money::int128 sum = 0;       ///< Σ min(balance_d, cap), 分·days
    std::int64_t rate_used = 0;  ///< rate units
    std::int64_t rounded_fen = 0;

    void total(money::int128 s, std::int64_t rate) noexcept {
        sum = s;
        rate_used = rate;
    }
    void rounded(std::int64_t fen) noexcept { rounded_fen = fen; }
    template <class... A>
    void checks(A&&...) noexcept {}
    template <class... A>
    void range(A&&...) noexcept {}
    template <class... A>
    void restart_ranges(A&&...) noexcept {}
    template <class... A>
    void max_period(A&&...) noexcept {}
    template <class... A>
    void max_period_unused(A&&...) noexcept {}
    template <class... A>
    void cap(A&&...) noexcept {}
};

/// numerator / denominator 元 (both positive) for a one-line sum: exact
/// without trailing zeros ("500.005"), or cut to six decimals with "…"
/// ("25277.777777…"). The receipt keeps the full expansion and the fraction.
inline std::string short_yuan(money::int128 numerator, money::int128 denominator) {
    std::string out = money::detail::to_string(numerator / denominator);
    money::int128 rem = numerator % denominator;
    if (rem == 0) return out;
    out += '.';
    for (int i = 0; i < 6 && rem != 0; ++i) {
        rem *= 10;  // rem < denominator < 2^80 for the subsidy: no overflow
        out += static_cast<char>('0' + static_cast<int>(rem / denominator));
        rem %= denominator;
    }
    return rem == 0 ? out : out + "…";
}

}  // namespace detail

/// The line of an eligible loan whose kernel run recorded `trace` (a
/// detail::sum_trace, or the receipt's detail::subsidy_trace) and paid
/// `paid` (after any cap on the total, which the line then names), in
/// Chinese or (`en`) English.
template <class Trace>
std::string subsidy_arithmetic(const Trace& trace, const plan::first_loan_subsidy_parameters& params,
                               money::amount paid, bool en) {
    using money::detail::checked_mul;
    const auto basis = dates::denominator(params.basis);
    const money::int128 numerator = checked_mul<money::int128>(trace.sum, trace.rate_used, "subsidy numerator");
    // rate units per 1 (10^10) × basis × 100 分 per 元
    const money::int128 denominator =
        checked_mul<money::int128>(money::rate::scale, basis * 100, "subsidy denominator");
    std::string out;
    out.reserve(128);
    if (!en) out += "积数 ";
    out += detail::fen_text(trace.sum);
    out += " × ";
    out += money::to_string(money::rate::from_units(trace.rate_used));
    out += en ? " / " : " ÷ ";
    out += std::to_string(basis);
    out += " = ";
    out += detail::short_yuan(numerator, denominator);
    out += en ? " yuan, rounded " + detail::rounding_en(params.rounding) + " to the fen: "
              : " 元，" + detail::rounding_zh(params.rounding) + "到分为 ";
    out += money::to_string(money::amount::from_fen(trace.rounded_fen));
    if (!en) out += " 元";
    if (paid.fen() != trace.rounded_fen)
        out += (en ? ", capped: " : "，受上限所限付 ") + money::to_string(paid) + (en ? " paid" : " 元");
    return out;
}

}  // namespace zjcredit::rules

#endif
