// The parameters of the plan's three money rules, each with its source, so
// that every receipt can say where a number came from. A plan file replaces
// any of them; the embedded 2022 plan holds the values the text gives.
#ifndef ZJCREDIT_PLAN_PARAMETERS_HPP
#define ZJCREDIT_PLAN_PARAMETERS_HPP

#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/dates/window.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/money/rounding.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {

/// Where a parameter's value comes from: a clause of the plan, another
/// document it points to, or zjcredit's own default (then `from_plan` is false
/// and `note` says why that default was chosen).
struct source {
    std::string clause;      ///< "湛金函〔2022〕86号 二、主要措施（一）"
    bool from_plan = true;
    std::string note;

    friend bool operator==(const source&, const source&) = default;
};

/// Sources keyed by parameter name ("balance_cap", "rate_ceiling", ...).
using sources = std::map<std::string, source>;

/// Kinds of borrower the first-loan subsidy can reach.
enum class borrower_kind { small, micro, individual_business };

constexpr std::string_view to_string(borrower_kind k) noexcept {
    switch (k) {
        case borrower_kind::small: return "small";
        case borrower_kind::micro: return "micro";
        case borrower_kind::individual_business: return "individual_business";
    }
    return "small";
}

constexpr std::optional<borrower_kind> borrower_kind_from_string(std::string_view s) noexcept {
    for (auto k : {borrower_kind::small, borrower_kind::micro, borrower_kind::individual_business})
        if (to_string(k) == s) return k;
    return std::nullopt;
}

/// 首贷贴息 (measure 一): subsidy = round(Σ_days min(balance, cap) × min(ceiling, rate) / basis).
struct first_loan_subsidy_parameters {
    dates::window application_window;     ///< first application dated inside (2022-04-01..06-30)
    money::amount balance_cap;            ///< 1000万元, "不超过" so the cap itself is included
    money::rate rate_ceiling;             ///< 1%, "不高于"
    dates::day_basis basis = dates::day_basis::actual_360;
    money::rounding rounding = money::rounding::half_up;
    std::vector<borrower_kind> eligible_kinds;  ///< 小微企业: small and micro
    std::optional<std::int64_t> max_subsidy_days;   ///< none in the plan
    std::optional<money::amount> per_borrower_cap;  ///< none in the plan
    std::optional<money::amount> budget;            ///< none in the plan
    plan::sources sources;

    friend bool operator==(const first_loan_subsidy_parameters&,
                           const first_loan_subsidy_parameters&) = default;
};

/// How a receivables financing that starts inside the window and ends after it counts.
enum class straddle_policy {
    full_if_start_in_window,  ///< its whole term counts (the default)
    days_in_window,           ///< only its days up to the window's end count
    exclude,                  ///< it does not count at all
};

constexpr std::string_view to_string(straddle_policy p) noexcept {
    switch (p) {
        case straddle_policy::full_if_start_in_window: return "full_if_start_in_window";
        case straddle_policy::days_in_window: return "days_in_window";
        case straddle_policy::exclude: return "exclude";
    }
    return "full_if_start_in_window";
}

constexpr std::optional<straddle_policy> straddle_policy_from_string(std::string_view s) noexcept {
    for (auto p : {straddle_policy::full_if_start_in_window, straddle_policy::days_in_window,
                   straddle_policy::exclude})
        if (to_string(p) == s) return p;
    return std::nullopt;
}

/// 应收账款融资奖励 (measure 二): reward = round(rate × Σ amount × days / basis).
struct receivables_reward_parameters {
    dates::window financing_window;  ///< 2022-01-01..2023-06-30
    money::rate reward_rate;         ///< 1%, "不超过"
    dates::day_basis basis = dates::day_basis::actual_365;
    money::rounding rounding = money::rounding::half_up;
    straddle_policy straddle = straddle_policy::full_if_start_in_window;
    bool require_platform_confirmation = true;  ///< "通过中征应收账款融资服务平台在线确认"
    std::optional<money::amount> per_enterprise_cap;  ///< none in the provincial rule
    std::optional<money::amount> budget;
    plan::sources sources;

    friend bool operator==(const receivables_reward_parameters&,
                           const receivables_reward_parameters&) = default;
};

/// One stage of the listing award.
struct listing_stage {
    std::string id;        ///< "tutoring_filed"
    std::string name;      ///< "辅导备案"
    money::amount award;   ///< paid once when the stage is reached

    friend bool operator==(const listing_stage&, const listing_stage&) = default;
};

/// 上市奖励 (measure 六): staged, at most `total_cap` per company.
struct listing_award_parameters {
    money::amount total_cap;  ///< 900万元, "最高"
    std::vector<listing_stage> stages;
    /// True when the stage table is not from the city's 奖励办法 (the plan
    /// gives only the total), so every result says so.
    bool stages_are_placeholder = true;
    plan::sources sources;

    friend bool operator==(const listing_award_parameters&, const listing_award_parameters&) = default;
};

}  // namespace zjcredit::plan

#endif
