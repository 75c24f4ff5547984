// assess::observation: the figures reported for one indicator (the year-start
// figure, the current figure, the prior year's total), each an exact decimal
// in the unit of the targets that use the indicator, with the date they stand
// at and where they come from.
#ifndef ZJCREDIT_ASSESS_OBSERVATION_HPP
#define ZJCREDIT_ASSESS_OBSERVATION_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/decimal.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zjcredit::assess {

/// Which figure of an observation a comparison uses.
enum class figure {
    year_start,        ///< 年初: the balance or count at the start of the year
    current,           ///< the balance or count as of `as_of`
    prior_year_total,  ///< the whole prior year's total (2021 for the 2022 plan)
};

/// Stable ASCII id: "year_start", "current", "prior_year_total".
constexpr std::string_view to_string(figure f) noexcept {
    switch (f) {
        case figure::year_start: return "year_start";
        case figure::current: return "current";
        case figure::prior_year_total: return "prior_year_total";
    }
    return "current";
}

/// The figures of one indicator ("sme_credit_loan_balance").
///
/// Figures are in the unit of the targets that use the indicator: 元 exact
/// to the 分 (at most 2 decimal places: 250亿 is 25000000000), whole counts
/// for 户/家/场, percentage points for a percent indicator (4.35 is 4.35%).
/// assess() reports a figure that breaks this as not assessable
/// (reason::invalid_figure) rather than rounding it.
struct observation {
    std::string indicator;                           ///< the indicator's id, non-empty
    std::optional<money::decimal> year_start;        ///< 年初 figure; none: not reported
    std::optional<money::decimal> current;           ///< figure as of `as_of`; none: not reported
    std::optional<money::decimal> prior_year_total;  ///< the prior year's total; none: not reported
    dates::date as_of;   ///< the day the current figure stands at
    std::string source;  ///< where the figures come from ("人民银行湛江市中心支行 2022年12月报表")

    /// The figure `f`, if reported.
    const std::optional<money::decimal>& get(figure f) const noexcept {
        switch (f) {
            case figure::year_start: return year_start;
            case figure::prior_year_total: return prior_year_total;
            case figure::current: break;
        }
        return current;
    }

    /// Field by field.
    friend bool operator==(const observation&, const observation&) = default;
};

/// A report: the observations of several indicators, at most one each, and
/// the date of the report (the default assessment date).
class observations {
public:
    /// Throws validation_error for a special (not-a-date) value.
    explicit observations(dates::date as_of) : as_of_(as_of) {
        if (as_of.is_special()) throw validation_error("as_of", "", "not a calendar date (a special Boost value)");
    }

    /// The report's date, the default assessment date.
    dates::date as_of() const noexcept { return as_of_; }

    /// Adds an observation. Throws validation_error for an empty indicator, a
    /// second observation of the same indicator, or a special as_of date.
    void add(observation o) {
        if (o.indicator.empty()) throw validation_error("indicator", "", "an observation needs an indicator");
        if (find(o.indicator) != nullptr)
            throw validation_error("indicator", o.indicator, "the indicator is observed twice");
        if (o.as_of.is_special())
            throw validation_error(o.indicator + ".as_of", "", "not a calendar date (a special Boost value)");
        items_.push_back(std::move(o));
    }

    /// The observation of `indicator`, or nullptr.
    const observation* find(std::string_view indicator) const noexcept {
        for (const auto& o : items_)
            if (o.indicator == indicator) return &o;
        return nullptr;
    }

    /// In the order they were added.
    const std::vector<observation>& items() const noexcept { return items_; }
    /// No observation added.
    bool empty() const noexcept { return items_.empty(); }

    /// Field by field.
    friend bool operator==(const observations&, const observations&) = default;

private:
    dates::date as_of_;
    std::vector<observation> items_;
};

}  // namespace zjcredit::assess

#endif
