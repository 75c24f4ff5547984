// assess::verdict: what assess() says about one target — met, not met or not
// assessable — with the exact margin, the growth rates or shares where the
// target is about growth, and an explanation in Chinese and English.
#ifndef ZJCREDIT_ASSESS_VERDICT_HPP
#define ZJCREDIT_ASSESS_VERDICT_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/comparator.hpp>
#include <zjcredit/plan/target.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::assess {

/// The verdict on a target.
enum class status {
    met,            ///< the figures satisfy the target's comparator
    not_met,        ///< they do not
    not_assessable, ///< a figure is missing, stale, invalid, or a baseline makes the rate undefined
};

/// Stable ASCII id: "met", "not_met", "not_assessable".
constexpr std::string_view to_string(status s) noexcept {
    switch (s) {
        case status::met: return "met";
        case status::not_met: return "not_met";
        case status::not_assessable: return "not_assessable";
    }
    return "not_assessable";
}

/// The bureau's words: 达成 / 未达成 / 暂无法评估.
constexpr std::string_view chinese_word(status s) noexcept {
    switch (s) {
        case status::met: return "达成";
        case status::not_met: return "未达成";
        case status::not_assessable: return "暂无法评估";
    }
    return "暂无法评估";
}

/// The word for a verdict as a table shows it: a progress check before the
/// due date that is not (yet) met reads 暂未达成, never 未达成, since the
/// target can still be reached; otherwise chinese_word().
constexpr std::string_view chinese_word(status s, bool provisional) noexcept {
    if (provisional && s == status::not_met) return "暂未达成";
    return chinese_word(s);
}

/// Why a target cannot be assessed.
enum class reason {
    missing_figure,          ///< a figure the comparison needs was not reported
    zero_baseline,           ///< the denominator of a growth rate or share is zero
    negative_baseline,       ///< the denominator of a growth rate or share is negative
    stale,                   ///< the figure is older than max_staleness_days at the evaluation date
    as_of_after_assessment,  ///< the figure is dated after the assessment date
    as_of_after_due,         ///< the figure is dated after the target's due date
    invalid_figure,          ///< a count that is not whole, or an amount finer than the 分
    plan_incomplete,         ///< the target lacks its threshold, factor or reference indicator
};

/// Stable ASCII id, the enumerator's name ("missing_figure").
constexpr std::string_view to_string(reason r) noexcept {
    switch (r) {
        case reason::missing_figure: return "missing_figure";
        case reason::zero_baseline: return "zero_baseline";
        case reason::negative_baseline: return "negative_baseline";
        case reason::stale: return "stale";
        case reason::as_of_after_assessment: return "as_of_after_assessment";
        case reason::as_of_after_due: return "as_of_after_due";
        case reason::invalid_figure: return "invalid_figure";
        case reason::plan_incomplete: return "plan_incomplete";
    }
    return "missing_figure";
}

/// One reason a target is not assessable.
struct problem {
    reason code = reason::missing_figure;  ///< why
    std::string field;       ///< "inclusive_sme_loan_balance.year_start", or the target field
    std::string message_zh;  ///< "缺少 inclusive_sme_loan_balance.year_start"
    std::string message_en;  ///< "inclusive_sme_loan_balance.year_start is missing"

    /// Field by field.
    friend bool operator==(const problem&, const problem&) = default;
};

/// What the rates of a growth target are.
enum class rate_kind {
    growth,  ///< (current − base) / base: peer_growth, prior_year_total, year_start
    share,   ///< indicator / reference indicator: share_growth
};

/// Stable ASCII id: "growth" or "share".
constexpr std::string_view to_string(rate_kind k) noexcept {
    return k == rate_kind::share ? "share" : "growth";
}

/// The two rates a growth target compares, as plain fractions (0.1200 is
/// 12%) rounded to `places` decimal places with `rounding`. They are for
/// reading only: the verdict comes from exact cross-multiplied integers, so
/// two rates that print alike can still give not_met. `margin` is rounded
/// from the exact difference, and `margin_sign` keeps the exact sign that
/// rounding to zero would hide.
///
/// - peer_growth: value = the indicator's growth since the year start,
///   reference = the reference indicator's growth (各项贷款增速).
/// - share_growth: value = the current share, reference = the year-start share.
/// - prior_year_total: value = the growth on the prior-year total,
///   reference = factor − 1 (0.3 for "增长30%").
/// - year_start: value = the growth since the year start, reference = 0
///   (reported when the year-start figure is positive and the unit is not a
///   percentage; informative only).
struct rate_comparison {
    rate_kind kind = rate_kind::growth;  ///< growth rates or shares
    money::decimal value;      ///< the target's rate, rounded (see above for each baseline)
    money::decimal reference;  ///< the rate it is compared with, rounded
    money::decimal margin;     ///< value − reference, rounded from the exact difference
    int margin_sign = 0;  ///< −1, 0 or 1: the sign of the exact value − reference
    bool value_exact = true;      ///< `value` is the exact rate (rounding changed nothing)
    bool reference_exact = true;  ///< `reference` is the exact rate
    bool margin_exact = true;     ///< `margin` is the exact difference
    int places = 4;               ///< decimal places of the fractions (assess_options::growth_places)
    money::rounding rounding = money::rounding::half_up;  ///< how they were rounded (assess_options::growth_rounding)

    /// Field by field.
    friend bool operator==(const rate_comparison&, const rate_comparison&) = default;
};

/// The verdict on one target.
struct verdict {
    // -- the target, as the plan states it
    std::string target_id;   ///< plan::target::id ("sme_credit_loans")
    std::string text;        ///< the words of the plan
    std::string clause;      ///< "一、工作目标" or the measure that sets it
    std::string indicator;   ///< the observed indicator ("sme_credit_loan_balance")
    std::optional<std::string> reference_indicator;  ///< peer_growth and share_growth: the other indicator
    std::optional<std::string> group;  ///< the group it is reported in ("两增"), if any
    plan::measure_unit unit = plan::measure_unit::yuan;  ///< what the indicator counts
    plan::comparator op = plan::comparator::at_least;    ///< how observed must compare with the baseline
    std::string comparator_word;  ///< the legal word the comparator came from: "以上"
    plan::baseline_kind baseline = plan::baseline_kind::fixed;  ///< what observed is compared with
    std::optional<money::decimal> factor;  ///< prior_year_total only
    bool qualitative = false;  ///< the plan sets no figure; the verdict compares with the baseline
    std::string note;                      ///< the target's note (what zjcredit read into the text)
    dates::date due;  ///< the day the target must be met by

    // -- the result
    status result = status::not_assessable;  ///< met, not met, or not assessable
    std::vector<problem> problems;  ///< empty unless not_assessable
    /// The day the target is judged at: the earlier of the assessment date and the due date.
    dates::date evaluated_at;
    /// The oldest as_of of the observations used, when there were any.
    std::optional<dates::date> figures_as_of;
    /// True when evaluated before the due date: a progress check, not the final verdict.
    bool provisional = false;

    /// The current figure, in the target's unit.
    std::optional<money::decimal> observed;
    /// What `observed` is compared with: the fixed threshold, the year-start
    /// figure, or factor × prior-year total (exact, possibly finer than the 分).
    /// Absent for peer_growth and share_growth, which compare rates.
    std::optional<money::decimal> threshold;
    /// observed − threshold, exact, in the target's unit (negative: short by that much).
    std::optional<money::decimal> margin;
    /// The rates of a growth target (see rate_comparison).
    std::optional<rate_comparison> rates;

    std::string explanation_zh;  ///< the verdict and its arithmetic, in Chinese
    std::string explanation_en;  ///< the same, in English

    /// Field by field.
    friend bool operator==(const verdict&, const verdict&) = default;
};

/// Targets the plan reports together ("两增"): met only if every one is met,
/// not met if any is not met, otherwise not assessable.
struct group_verdict {
    std::string group;                 ///< "两增"
    std::vector<std::string> targets;  ///< ids, in plan order
    status result = status::not_assessable;  ///< met if all are met, not_met if any is not met
    std::string explanation_zh;  ///< the group's verdict and why, in Chinese
    std::string explanation_en;  ///< the same, in English

    /// Field by field.
    friend bool operator==(const group_verdict&, const group_verdict&) = default;
};

}  // namespace zjcredit::assess

#endif
