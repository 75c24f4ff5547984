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

/// A value a run put in place of the plan's (plan::with_parameters,
/// plan/overrides.hpp), so that the receipts of that run say so.
struct override_note {
    std::string scenario;                   ///< the scenario's name ("cap500")
    std::optional<std::string> plan_value;  ///< the plan's value in canonical text; nullopt: it had none

    /// Field by field.
    friend bool operator==(const override_note&, const override_note&) = default;
};

/// The clause of a parameter whose value is zjcredit's own default, not the
/// plan's, as receipts and plan files write it.
inline constexpr std::string_view zjcredit_default_clause = "zjcredit default";
/// The same clause as tables for Chinese readers say it (the 说明 sheet of a workbook).
inline constexpr std::string_view zjcredit_default_clause_zh = "zjcredit 默认值（方案未作规定）";

/// Where a parameter's value comes from: a clause of the plan, another
/// document it points to, or zjcredit's own default (then `from_plan` is false
/// and `note` says why that default was chosen). `overridden` is set when a
/// run replaced the value: `clause` still names where the plan's value came from.
struct source {
    std::string clause;      ///< "湛金函〔2022〕86号 二、主要措施（一）"
    bool from_plan = true;   ///< false for a zjcredit default or an overridden value
    std::string note;        ///< why a zjcredit default was chosen; "" for the plan's values
    std::optional<override_note> overridden = std::nullopt;  ///< set when a run replaced the value

    /// Field by field.
    friend bool operator==(const source&, const source&) = default;
};

/// Sources keyed by parameter name ("balance_cap", "rate_ceiling", ...).
using sources = std::map<std::string, source>;

/// A rule parameter's name as a person reads it, for the tables zjcredit
/// writes for people (the 说明 sheet of a workbook); receipts, plan files
/// and --set keep the code.
struct parameter_label {
    std::string_view code;  ///< "balance_cap"
    std::string_view zh;    ///< "单户贷款余额上限"
    std::string_view en;    ///< "balance cap per borrower"
};

/// Every parameter of the three rules (plan/validate.hpp lists the codes).
inline constexpr parameter_label parameter_labels[] = {
    {"application_window", "首次申请贷款日期期间", "application window"},
    {"balance_cap", "单户贷款余额上限（每日）", "daily balance cap per borrower"},
    {"rate_ceiling", "贴息利率上限", "subsidy rate ceiling"},
    {"basis", "计息天数基础", "day-count basis"},
    {"rounding", "舍入方式", "rounding"},
    {"eligible_kinds", "贴息对象的企业规模", "eligible borrower kinds"},
    {"max_subsidy_days", "最长贴息天数", "longest subsidy period (days)"},
    {"per_borrower_cap", "单户贴息金额上限", "subsidy cap per borrower"},
    {"budget", "预算", "budget"},
    {"annual_rate_max", "实际年利率合理上限（校验用）", "highest plausible actual rate (a check)"},
    {"financing_window", "融资起始日期期间", "financing window"},
    {"reward_rate", "奖励比例", "reward rate"},
    {"straddle", "跨越期末的融资", "financings straddling the window end"},
    {"require_platform_confirmation", "须经应收账款融资服务平台确认", "platform confirmation required"},
    {"per_enterprise_cap", "单户奖励金额上限", "reward cap per enterprise"},
    {"total_cap", "奖励累计上限", "total award cap"},
    {"stages", "分阶段奖励", "award stages"},
    {"stages_are_placeholder", "阶段金额为占位数据", "stage amounts are placeholders"},
};

/// The label of parameter `code`; the code itself in both languages when
/// the table has none (a parameter added without a label still shows).
constexpr parameter_label label_of_parameter(std::string_view code) noexcept {
    for (const parameter_label& l : parameter_labels)
        if (l.code == code) return l;
    return {code, code, code};
}

/// Kinds of borrower a loan record can name. The subsidy reaches those its
/// parameters list (the 2022 plan: small and micro); medium and large
/// enterprises are read so that a bank's list can be run as it is, and are
/// not eligible rather than an error. The order is the batch's kind codes.
enum class borrower_kind { small, micro, individual_business, medium, large };

/// Stable ASCII id, as JSON records and plans write it: "small", "micro", ...
constexpr std::string_view to_string(borrower_kind k) noexcept {
    switch (k) {
        case borrower_kind::small: return "small";
        case borrower_kind::micro: return "micro";
        case borrower_kind::individual_business: return "individual_business";
        case borrower_kind::medium: return "medium";
        case borrower_kind::large: return "large";
    }
    return "small";
}

/// The kind of an English code ("small", ...), as JSON records and plans write it.
constexpr std::optional<borrower_kind> borrower_kind_from_string(std::string_view s) noexcept {
    for (auto k : {borrower_kind::small, borrower_kind::micro, borrower_kind::individual_business,
                   borrower_kind::medium, borrower_kind::large})
        if (to_string(k) == s) return k;
    return std::nullopt;
}

/// The kind of a code or of the Chinese name a bank's table writes:
/// 小型 / 小型企业, 微型 / 微型企业, 个体工商户, 中型 / 中型企业, 大型 / 大型企业
/// (exactly; the caller trims the cell).
constexpr std::optional<borrower_kind> borrower_kind_from_text(std::string_view s) noexcept {
    if (const auto k = borrower_kind_from_string(s)) return k;
    struct name {
        std::string_view text;
        borrower_kind kind;
    };
    constexpr name names[] = {
        {"小型", borrower_kind::small},   {"小型企业", borrower_kind::small},
        {"微型", borrower_kind::micro},   {"微型企业", borrower_kind::micro},
        {"个体工商户", borrower_kind::individual_business},
        {"中型", borrower_kind::medium},  {"中型企业", borrower_kind::medium},
        {"大型", borrower_kind::large},   {"大型企业", borrower_kind::large},
    };
    for (const name& n : names)
        if (n.text == s) return n.kind;
    return std::nullopt;
}

/// The default of first_loan_subsidy_parameters::annual_rate_max: 24%, far
/// above the actual rate of a bank loan to a small enterprise and far below
/// the 100%+ that a percent read as a fraction gives; a zjcredit default,
/// not from the plan.
inline constexpr money::rate default_annual_rate_max = money::rate::from_percent(24);

/// 首贷贴息 (measure 一): subsidy = round(Σ_days min(balance, cap) × min(ceiling, rate) / basis).
struct first_loan_subsidy_parameters {
    dates::window application_window;     ///< first application dated inside (2022-04-01..06-30)
    money::amount balance_cap;            ///< 1000万元, "不超过" so the cap itself is included
    money::rate rate_ceiling;             ///< 1%, "不高于"
    dates::day_basis basis = dates::day_basis::actual_360;  ///< days counted actual, over a 360-day year
    money::rounding rounding = money::rounding::half_up;    ///< the one rounding of the total to the 分
    std::vector<borrower_kind> eligible_kinds;  ///< 小微企业: small and micro
    std::optional<std::int64_t> max_subsidy_days;   ///< none in the plan
    std::optional<money::amount> per_borrower_cap;  ///< none in the plan
    std::optional<money::amount> budget;            ///< none in the plan
    plan::sources sources;                          ///< where each value above comes from
    /// The highest actual annual rate a record may carry (included): a
    /// zjcredit default of 24%, not from the plan. A rate above it is refused
    /// as implausible, which catches a fraction read as a percent ("4.35"
    /// for 4.35%) or the reverse. Last, so that positional initialisers of
    /// the fields before it keep their meaning and leave it at the default.
    money::rate annual_rate_max = default_annual_rate_max;

    /// Field by field.
    friend bool operator==(const first_loan_subsidy_parameters&,
                           const first_loan_subsidy_parameters&) = default;
};

/// How a receivables financing that starts inside the window and ends after it counts.
enum class straddle_policy {
    full_if_start_in_window,  ///< its whole term counts (the default)
    days_in_window,           ///< only its days up to the window's end count
    exclude,                  ///< it does not count at all
};

/// Stable ASCII id, the enumerator's name ("days_in_window").
constexpr std::string_view to_string(straddle_policy p) noexcept {
    switch (p) {
        case straddle_policy::full_if_start_in_window: return "full_if_start_in_window";
        case straddle_policy::days_in_window: return "days_in_window";
        case straddle_policy::exclude: return "exclude";
    }
    return "full_if_start_in_window";
}

/// The policy of a to_string() id; nullopt for any other text.
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
    dates::day_basis basis = dates::day_basis::actual_365;  ///< days counted actual, over a 365-day year
    money::rounding rounding = money::rounding::half_up;    ///< the one rounding of the total to the 分
    straddle_policy straddle = straddle_policy::full_if_start_in_window;  ///< how a financing running past the window's end counts
    bool require_platform_confirmation = true;  ///< "通过中征应收账款融资服务平台在线确认"
    std::optional<money::amount> per_enterprise_cap;  ///< none in the provincial rule
    std::optional<money::amount> budget;              ///< cap on the total after per_enterprise_cap; none in the plan
    plan::sources sources;                            ///< where each value above comes from

    /// Field by field.
    friend bool operator==(const receivables_reward_parameters&,
                           const receivables_reward_parameters&) = default;
};

/// One stage of the listing award.
struct listing_stage {
    std::string id;        ///< "tutoring_filed"
    std::string name;      ///< "辅导备案"
    money::amount award;   ///< paid once when the stage is reached

    /// Field by field.
    friend bool operator==(const listing_stage&, const listing_stage&) = default;
};

/// 上市奖励 (measure 六): staged, at most `total_cap` per company.
struct listing_award_parameters {
    money::amount total_cap;  ///< 900万元, "最高"
    std::vector<listing_stage> stages;  ///< the stages and each one's award, in order
    /// True when the stage table is not from the city's 奖励办法 (the plan
    /// gives only the total), so every result says so.
    bool stages_are_placeholder = true;
    plan::sources sources;  ///< where each value above comes from

    /// Field by field.
    friend bool operator==(const listing_award_parameters&, const listing_award_parameters&) = default;
};

}  // namespace zjcredit::plan

#endif
