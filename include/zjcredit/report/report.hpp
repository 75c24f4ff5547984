// The one report (issue 16): what the bureau shows the leadership each month.
// A model built from the monthly observations (the 工作台账 figures), and,
// when given, the filled ledgers and the subsidy results; the HTML and JSON
// writers (report/html.hpp, report/json.hpp) only lay it out.
//
// Each target stands as one of four (the headline counts them):
//   达成       met   — the latest figures meet it (assess::assess)
//   预计达成   on_track — not met yet, projected to meet by the deadline
//              (预警 grade 绿 or 黄, assess/warning.hpp)
//   风险       at_risk — projected to miss (红), or finally not met
//   暂无法评估 unknown — neither a verdict nor a projection can be given
#ifndef ZJCREDIT_REPORT_REPORT_HPP
#define ZJCREDIT_REPORT_REPORT_HPP

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/figure_unit.hpp>
#include <zjcredit/assess/observation.hpp>
#include <zjcredit/assess/warning.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/chase.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/plan/plan.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::report {

/// How a target stands in the report (the four above).
enum class standing {
    met,       ///< 达成: the latest figures meet it
    on_track,  ///< 预计达成: not met yet, 预警 grade 绿 or 黄
    at_risk,   ///< 风险: 预警 grade 红, or finally not met
    unknown    ///< 暂无法评估: neither met nor finally missed, and no 预警 grade
};

/// "met", "on_track", "at_risk" or "unknown": the JSON spelling.
constexpr std::string_view to_string(standing s) noexcept {
    switch (s) {
        case standing::met: return "met";
        case standing::on_track: return "on_track";
        case standing::at_risk: return "at_risk";
        case standing::unknown: return "unknown";
    }
    return "unknown";
}

/// 达成 / 预计达成 / 风险 / 暂无法评估
constexpr std::string_view chinese_word(standing s) noexcept {
    switch (s) {
        case standing::met: return "达成";
        case standing::on_track: return "预计达成";
        case standing::at_risk: return "风险";
        case standing::unknown: return "暂无法评估";
    }
    return "暂无法评估";
}

/// The headline: how many targets stand each way.
struct headline {
    int met = 0;       ///< targets that stand met
    int on_track = 0;  ///< targets that stand on_track
    int at_risk = 0;   ///< targets that stand at_risk
    int unknown = 0;   ///< targets that stand unknown
    int total = 0;     ///< every target of the plan (the sum of the four)

    /// Equal when every count is.
    friend bool operator==(const headline&, const headline&) = default;
};

/// One target: actual vs threshold in the unit it is stated in (exact), its
/// monthly trend, projection and grade.
struct target_row {
    assess::verdict verdict;  ///< on the latest figures (base units)
    assess::warning warning;  ///< 预警: series (base units), projection (stated unit, rounded once)
    assess::figure_unit unit; ///< the unit the target is stated in
    std::optional<money::decimal> actual;     ///< verdict.observed in `unit`
    std::optional<money::decimal> threshold;  ///< verdict.threshold in `unit`
    std::optional<money::decimal> margin;     ///< verdict.margin in `unit`
    standing stands = standing::unknown;  ///< from the verdict, then the 预警 grade
};

/// One line of the subsidy totals (the total, or a subtotal).
struct subsidy_line {
    std::string label;         ///< the --group-by column's value; empty for the total
    money::decimal amount;     ///< Σ the subsidy of its records, in 元 (exact)
    std::int64_t records = 0;  ///< loan records counted
    std::int64_t eligible = 0; ///< of which eligible

    /// Equal when every field is.
    friend bool operator==(const subsidy_line&, const subsidy_line&) = default;
};

/// The totals of a subsidy results file (`zjcredit subsidy --json`).
struct subsidy_totals {
    std::string source;  ///< the file, as named on the command line
    subsidy_line total;                   ///< every record of the file
    std::vector<subsidy_line> subtotals;  ///< one per --group-by value, in the file's order; empty without --group-by

    /// Equal when every field is.
    friend bool operator==(const subsidy_totals&, const subsidy_totals&) = default;
};

/// What the report is made from. Each part appears when its input is given.
struct inputs {
    std::vector<assess::observations> reports;       ///< monthly observations, any order
    std::optional<std::vector<ledger::submission>> ledgers;  ///< filled ledgers
    /// 联络员信息表 (附件2) as filed; read only with `ledgers`, and when empty
    /// the chase list leaves the liaison forms out.
    std::vector<ledger::liaison_form> liaison_forms;
    /// The months of the compliance grid; nullopt: from the reporting
    /// period's first month to the latest month any ledger is for.
    std::optional<ledger::month_range> months;
    std::optional<subsidy_totals> subsidies;  ///< the subsidy totals to show, as read
    assess::warning_options warning;          ///< the 预警 thresholds (defaults: assess/warning.hpp)
};

/// The report: what build() makes and the writers lay out.
struct report {
    std::string plan_title;   ///< the plan document's title
    std::string plan_number;  ///< 湛金函〔2022〕86号
    dates::date as_of;  ///< the latest observation date
    headline head;                    ///< the counts of `targets` by standing
    std::vector<target_row> targets;  ///< plan order
    /// The ledgers' check over the months of the grid (inputs::months);
    /// nullopt without ledgers.
    std::optional<ledger::period_compliance> compliance;
    std::vector<ledger::chase_item> chase;               ///< whom to chase (ledger::chase_list); empty without ledgers
    std::optional<subsidy_totals> subsidies;             ///< as given in inputs::subsidies
};

namespace detail {

/// One report of the latest figures: per indicator, the observation with the
/// latest as_of, its year-start and prior-year figures filled from any report
/// that gives them (the first report of the year carries them).
inline assess::observations latest_figures(const std::vector<assess::observations>& reports) {
    dates::date as_of = reports.front().as_of();
    std::map<std::string, assess::observation> by_indicator;
    for (const auto& r : reports) {
        if (as_of < r.as_of()) as_of = r.as_of();
        for (const auto& o : r.items()) {
            auto [it, fresh] = by_indicator.try_emplace(o.indicator, o);
            if (fresh) continue;
            assess::observation& kept = it->second;
            if (kept.as_of < o.as_of) {
                auto start = kept.year_start;
                auto prior = kept.prior_year_total;
                kept = o;
                if (!kept.year_start) kept.year_start = start;
                if (!kept.prior_year_total) kept.prior_year_total = prior;
            } else {
                if (!kept.year_start) kept.year_start = o.year_start;
                if (!kept.prior_year_total) kept.prior_year_total = o.prior_year_total;
            }
        }
    }
    assess::observations out(as_of);
    for (auto& [id, o] : by_indicator) out.add(std::move(o));
    return out;
}

inline standing standing_of(const assess::verdict& v, const assess::warning& w) {
    if (v.result == assess::status::met) return standing::met;
    if (v.result == assess::status::not_met && !v.provisional) return standing::at_risk;
    switch (w.result) {
        case assess::grade::green:
        case assess::grade::yellow: return standing::on_track;
        case assess::grade::red: return standing::at_risk;
        case assess::grade::ungraded: break;
    }
    return standing::unknown;
}

}  // namespace detail

/// The report of `in` on plan `p`. Throws validation_error when no
/// observations are given (field "observations"), and whatever the 预警,
/// assessment or ledger checks throw for their inputs.
inline report build(const plan::plan& p, const inputs& in) {
    if (in.reports.empty())
        throw validation_error("observations", "", "the report needs at least one month of observations");
    report out;
    out.plan_title = p.doc.title;
    out.plan_number = p.doc.number;
    const assess::observations latest = detail::latest_figures(in.reports);
    out.as_of = latest.as_of();
    const assess::assessment a = assess::assess(p, latest);
    const std::vector<assess::warning> warnings = assess::warn_all(p, in.reports, in.warning);
    for (std::size_t i = 0; i < p.targets.size(); ++i) {
        target_row row{a.verdicts[i], warnings[i], assess::stated_unit(p.targets[i]), {}, {}, {}, {}};
        const auto shown = [&](const std::optional<money::decimal>& d) -> std::optional<money::decimal> {
            if (!d) return std::nullopt;
            return assess::in_unit(*d, row.unit);
        };
        row.actual = shown(row.verdict.observed);
        row.threshold = shown(row.verdict.threshold);
        row.margin = shown(row.verdict.margin);
        row.stands = detail::standing_of(row.verdict, row.warning);
        switch (row.stands) {
            case standing::met: ++out.head.met; break;
            case standing::on_track: ++out.head.on_track; break;
            case standing::at_risk: ++out.head.at_risk; break;
            case standing::unknown: ++out.head.unknown; break;
        }
        ++out.head.total;
        out.targets.push_back(std::move(row));
    }
    if (in.ledgers) {
        ledger::month_range months{ledger::year_month(2022, 1), ledger::year_month(2022, 1)};
        if (in.months) {
            months = *in.months;
        } else {
            const auto period = ledger::reporting_period(p);
            if (!period) throw validation_error("months", "", "the plan gives no reporting period: name the months");
            months = {period->first, period->first};
            for (const auto& s : *in.ledgers)
                if (months.last < s.month && !(period->last < s.month)) months.last = s.month;
        }
        out.compliance = ledger::check_period(p, *in.ledgers, months.first, months.last);
        const ledger::liaison_compliance liaison = ledger::check_liaison_forms(p, in.liaison_forms);
        out.chase = ledger::chase_list(p, *out.compliance, in.liaison_forms.empty() ? nullptr : &liaison);
    }
    out.subsidies = in.subsidies;
    return out;
}

}  // namespace zjcredit::report

#endif
