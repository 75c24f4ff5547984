// The plans the rule targets run every record under: the embedded 2022 plan,
// and a copy whose optional caps are set (so that "never above the cap" is
// checked against caps that bite).
#ifndef ZJCREDIT_TESTS_FUZZ_RULE_PLANS_HPP
#define ZJCREDIT_TESTS_FUZZ_RULE_PLANS_HPP

#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <algorithm>
#include <array>
#include <cstdint>

namespace zjcredit::fuzz {

inline const std::array<const plan::plan*, 2>& rule_plans() {
    static const plan::plan capped = [] {
        plan::plan p = plan::plan_2022();
        p.first_loan_subsidy.per_borrower_cap = money::amount::from_fen(200'000);  // 2,000.00
        p.first_loan_subsidy.budget = money::amount::from_fen(150'000);            // 1,500.00
        p.first_loan_subsidy.max_subsidy_days = 30;
        p.receivables_reward.per_enterprise_cap = money::amount::from_fen(300'000);
        p.receivables_reward.budget = money::amount::from_fen(250'000);
        p.listing_award.total_cap = money::amount::from_fen(100'000'000);  // 1,000,000.00
        return p;
    }();
    static const std::array<const plan::plan*, 2> plans{&plan::plan_2022(), &capped};
    return plans;
}

/// Smallest of the optional caps, or `fallback`.
inline std::int64_t min_cap(std::int64_t fallback, const std::optional<money::amount>& a,
                            const std::optional<money::amount>& b) {
    std::int64_t out = fallback;
    if (a) out = std::min(out, a->fen());
    if (b) out = std::min(out, b->fen());
    return out;
}

/// ceil(n / d) for n >= 0, d > 0.
inline money::int128 ceil_div(money::int128 n, money::int128 d) { return (n + d - 1) / d; }

}  // namespace zjcredit::fuzz

#endif
