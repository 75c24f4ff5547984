// A paid subsidy's arithmetic in one line, for the 说明 column of a table of
// results: "积数 91000000.00 × 1% ÷ 360 = 2527.777… 元，四舍五入到分为
// 2527.78 元" — the receipt's "unrounded" and "rounding" steps, said at
// once. Written from what the kernel recorded (sum_trace), whether the loan
// came one at a time or in a batch. When the 积数 is less than the balances
// times the days — a day's balance above the balance cap, or days past the
// longest subsidy period — the line says so after the 积数, so that a loan
// officer who multiplies the bank's own figures sees why they differ.
#ifndef ZJCREDIT_RULES_ARITHMETIC_HPP
#define ZJCREDIT_RULES_ARITHMETIC_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <gsl/narrow>

#include <cstdint>
#include <optional>
#include <string>

namespace zjcredit::rules {

namespace detail {

/// A trace of the kernel that keeps only what the line needs: the sum, the
/// rate used, the rounded total, and whether the balance cap or the longest
/// subsidy period cut the sum. Every other hook does nothing, so a batch can
/// explain its paid loans without the receipt's ranges.
struct sum_trace {
    static constexpr bool enabled = true;

    money::int128 sum = 0;       ///< Σ min(balance_d, cap), 分·days
    std::int64_t rate_used = 0;  ///< rate units
    std::int64_t rounded_fen = 0;
    bool balance_capped = false;              ///< a day summed had a balance above the cap
    std::optional<std::int64_t> period_cut;   ///< the longest subsidy period's last day, when it cut the claim

    void total(money::int128 s, std::int64_t rate) noexcept {
        sum = s;
        rate_used = rate;
    }
    void rounded(std::int64_t fen) noexcept { rounded_fen = fen; }
    void range(std::size_t /*index*/, std::int64_t /*from*/, std::int64_t /*to*/, std::int64_t /*days*/,
               std::int64_t balance, std::int64_t used) noexcept {
        balance_capped = balance_capped || used != balance;
    }
    void restart_ranges() noexcept { balance_capped = false; }
    void max_period(std::int64_t /*first_positive*/, std::int64_t end, bool bites) noexcept {
        if (bites) period_cut = end;
    }
    template <class... A>
    void checks(A&&...) noexcept {}
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

/// " × 1% ÷ 360 = 2527.777…" (en " / "): a sum of 分·days times the rate
/// used over the day basis, its exact value in 元 — the middle of every
/// arithmetic line (a loan's, a screened listing's).
inline std::string times_rate_text(money::int128 sum, std::int64_t rate_used,
                                   const plan::first_loan_subsidy_parameters& params, bool en) {
    using money::detail::checked_mul;
    const auto basis = dates::denominator(params.basis);
    const money::int128 numerator = checked_mul<money::int128>(sum, rate_used, "subsidy numerator");
    // rate units per 1 (10^10) × basis × 100 分 per 元
    const money::int128 denominator = checked_mul<money::int128>(money::rate::scale, basis * 100, "subsidy denominator");
    return " × " + money::to_string(money::rate::from_units(rate_used)) + (en ? " / " : " ÷ ") + std::to_string(basis) +
           " = " + short_yuan(numerator, denominator);
}

}  // namespace detail

/// The line of an eligible loan whose kernel run recorded `trace` and paid
/// `paid` (after any cap on the total, which the line then names), in
/// Chinese or (`en`) English.
inline std::string subsidy_arithmetic(const detail::sum_trace& trace, const plan::first_loan_subsidy_parameters& params,
                                      money::amount paid, bool en) {
    std::string out;
    out.reserve(128);
    if (!en) out += "积数 ";
    out += detail::fen_text(trace.sum);
    if (trace.balance_capped || trace.period_cut) {
        const std::string cap = money::to_string(params.balance_cap);
        const std::string last = trace.period_cut ? dates::detail::iso(dates::from_day_number(
                                                        gsl::narrow<std::int32_t>(*trace.period_cut)))
                                                  : std::string();
        if (en)
            out += detail::concat(" (", trace.balance_capped ? "daily balances above " + cap + " not counted" : "",
                                  trace.balance_capped && trace.period_cut ? "; " : "",
                                  trace.period_cut ? "days after " + last + ", past the longest subsidy period, not counted" : "",
                                  ")");
        else
            out += detail::concat("（", trace.balance_capped ? "日余额超过 " + cap + " 元的部分不计" : "",
                                  trace.balance_capped && trace.period_cut ? "；" : "",
                                  trace.period_cut ? last + " 之后超出最长贴息期限的天数不计" : "", "）");
    }
    out += detail::times_rate_text(trace.sum, trace.rate_used, params, en);
    out += en ? " yuan, rounded " + std::string(money::rounding_en(params.rounding)) + " to the fen: "
              : " 元，" + std::string(money::rounding_zh(params.rounding)) + "到分为 ";
    out += money::to_string(money::amount::from_fen(trace.rounded_fen));
    if (!en) out += " 元";
    if (paid.fen() != trace.rounded_fen)
        out += (en ? ", capped: " : "，受上限所限付 ") + money::to_string(paid) + (en ? " paid" : " 元");
    return out;
}

}  // namespace zjcredit::rules

#endif
