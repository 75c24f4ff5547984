// plan::target: one 工作目标 with its indicator, comparator (and the word it
// came from), baseline kind, threshold and due date.
#ifndef ZJCREDIT_PLAN_TARGET_HPP
#define ZJCREDIT_PLAN_TARGET_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/plan/comparator.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::plan {

/// The unit a target's figures are counted in.
enum class measure_unit {
    yuan,       ///< 元 (amounts, exact to the 分)
    borrowers,  ///< 户
    companies,  ///< 家
    events,     ///< 场
    percent,    ///< a rate such as 综合融资成本 (qualitative in the 2022 plan)
};

/// The enumerator's name ("borrowers"), as the plan's JSON writes it.
constexpr std::string_view to_string(measure_unit u) noexcept {
    switch (u) {
        case measure_unit::yuan: return "yuan";
        case measure_unit::borrowers: return "borrowers";
        case measure_unit::companies: return "companies";
        case measure_unit::events: return "events";
        case measure_unit::percent: return "percent";
    }
    return "yuan";
}

/// The Chinese counter word: 元, 户, 家, 场, %.
constexpr std::string_view chinese_word(measure_unit u) noexcept {
    switch (u) {
        case measure_unit::yuan: return "元";
        case measure_unit::borrowers: return "户";
        case measure_unit::companies: return "家";
        case measure_unit::events: return "场";
        case measure_unit::percent: return "%";
    }
    return "元";
}

/// The unit whose to_string() is `s`; nullopt for any other text.
constexpr std::optional<measure_unit> measure_unit_from_string(std::string_view s) noexcept {
    for (auto u : {measure_unit::yuan, measure_unit::borrowers, measure_unit::companies,
                   measure_unit::events, measure_unit::percent})
        if (to_string(u) == s) return u;
    return std::nullopt;
}

/// What the observed figure is compared with.
enum class baseline_kind {
    fixed,             ///< a number in the text: "达250亿元以上" -> current ≥ 250亿
    year_start,        ///< "比年初增加": current ⋄ the figure at the start of the year
    prior_year_total,  ///< "较2021年增长30%": current ⋄ factor × the 2021 total
    peer_growth,       ///< "增速不低于各项贷款增速": growth ⋄ the reference indicator's growth
    share_growth,      ///< "在…中的占比增长": share of the reference indicator ⋄ its year-start share
};

/// The enumerator's name ("prior_year_total"), as the plan's JSON writes it.
constexpr std::string_view to_string(baseline_kind b) noexcept {
    switch (b) {
        case baseline_kind::fixed: return "fixed";
        case baseline_kind::year_start: return "year_start";
        case baseline_kind::prior_year_total: return "prior_year_total";
        case baseline_kind::peer_growth: return "peer_growth";
        case baseline_kind::share_growth: return "share_growth";
    }
    return "fixed";
}

/// The baseline kind whose to_string() is `s`; nullopt for any other text.
constexpr std::optional<baseline_kind> baseline_kind_from_string(std::string_view s) noexcept {
    for (auto b : {baseline_kind::fixed, baseline_kind::year_start, baseline_kind::prior_year_total,
                   baseline_kind::peer_growth, baseline_kind::share_growth})
        if (to_string(b) == s) return b;
    return std::nullopt;
}

/// One 工作目标.
struct target {
    std::string id;             ///< "sme_credit_loans"
    std::string text;           ///< the words of the plan
    std::string indicator;      ///< key of the observed figure: "sme_credit_loan_balance"
    measure_unit unit = measure_unit::yuan;  ///< what the indicator counts: 元, 户, 家, 场 or %
    comparator op = comparator::at_least;    ///< how the current figure must compare with the baseline
    std::string comparator_word;  ///< the legal word it came from: "以上"
    baseline_kind baseline = baseline_kind::fixed;  ///< what the current figure is compared with
    /// For `fixed`: the threshold in `unit` (250亿 元 is 25000000000).
    std::optional<money::decimal> threshold;
    /// For `prior_year_total`: the factor on the prior-year total (1.3).
    std::optional<money::decimal> factor;
    /// For `peer_growth` and `share_growth`: the other indicator
    /// ("all_loan_balance", "small_business_loan_balance").
    std::optional<std::string> reference_indicator;
    /// Targets reported together: "两增" groups the two inclusive-finance targets.
    std::optional<std::string> group;
    /// True where the plan sets no figure (综合融资成本稳中有降): the verdict
    /// still compares figures but says the target is qualitative.
    bool qualitative = false;
    dates::date due;     ///< the day the target must be met by (2022-12-31 for the 2022 plan)
    std::string clause;  ///< "一、工作目标" or the measure that sets it
    std::string note;    ///< what zjcredit had to read into the text, said plainly
    /// The indicator in the plan's words ("普惠小微贷款余额"): the Chinese
    /// explanation names it so. One indicator has one name throughout a plan
    /// and one name one indicator (validate); a target may leave it empty
    /// where another target of the plan names the indicator (assess takes
    /// that name), and where none does the id is written instead.
    std::string indicator_name;
    /// The reference indicator in words ("各项贷款余额"); only with a
    /// reference indicator, and empty as indicator_name may be.
    std::string reference_indicator_name;

    /// Field by field.
    friend bool operator==(const target&, const target&) = default;
};

}  // namespace zjcredit::plan

#endif
