// sandbox::whatif: scenarios side by side. Each scenario is the plan as
// loaded with some parameters of the first-loan subsidy overridden
// (plan::with_parameters); all of them, and the baseline, are evaluated by
// the batch kernel over one population read once, and compared loan by loan
// with the baseline, exactly: totals and their differences in all, per
// lender and per borrower kind; how many loans gain, lose, become eligible
// or ineligible; the largest individual changes; the share of a budget
// used. (Compiled part: link zjcredit::io.)
#ifndef ZJCREDIT_SANDBOX_WHATIF_HPP
#define ZJCREDIT_SANDBOX_WHATIF_HPP

#include <zjcredit/money/amount.hpp>
#include <zjcredit/plan/overrides.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/table.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::sandbox {

/// A scenario: a name and the parameters it overrides.
struct scenario {
    std::string name;                     ///< as results name it ("半额")
    std::vector<plan::setting> settings;  ///< in the order given; a later one for the same parameter wins
};

/// "NAME:rule.name=value[,rule.name=value…]" read into a scenario. A piece
/// between commas without '=' belongs to the value before it, so that
/// "first_loan_subsidy.eligible_kinds=small,micro" keeps its list. Errors
/// (parse_error) name `field` and quote the text.
scenario scenario_from_text(std::string_view text, std::string_view field = "scenario");

/// `base` with the scenario's settings, recorded under its name. Only
/// parameters of first_loan_subsidy are taken (the what-if computes that
/// rule); another rule is a validation_error naming `field`. The values'
/// errors are those of plan::with_parameters.
plan::plan plan_of(const plan::plan& base, const scenario& s, std::string_view field = "scenario");

/// Totals of a group of loans (all, one lender, one borrower kind) under a
/// scenario, compared with the baseline.
struct group_totals {
    std::string key;                ///< "" for all; the lender; the kind's to_string ("small")
    money::int128 baseline_fen = 0; ///< Σ under the baseline
    money::int128 total_fen = 0;    ///< Σ under the scenario
    std::size_t loans = 0;              ///< loans in the group
    std::size_t gain = 0;               ///< loans whose subsidy rises
    std::size_t lose = 0;               ///< loans whose subsidy falls
    std::size_t become_eligible = 0;    ///< not eligible under the baseline, eligible under the scenario
    std::size_t become_ineligible = 0;  ///< the other way round
};

/// One loan's change.
struct loan_change {
    std::size_t loan = 0;          ///< its index in the population
    std::int64_t baseline_fen = 0; ///< its subsidy under the baseline, 分
    std::int64_t scenario_fen = 0; ///< under the scenario, 分
};

/// One scenario against the baseline.
struct scenario_result {
    std::string name;                     ///< the scenario's name (the baseline's for the baseline)
    group_totals all;                     ///< every loan
    std::vector<group_totals> by_lender;  ///< in order of first appearance; empty without lenders
    std::vector<group_totals> by_kind;    ///< kinds present, in the enum's order
    /// The largest changes, by size of the difference (largest first; ties
    /// by loan index), only loans that change.
    std::vector<loan_change> largest;
    /// Σ as a share of the budget in hundredths of a percent, rounded half
    /// up once (4000 is 40.00%); nullopt without a budget.
    std::optional<std::int64_t> budget_share_bp;
};

/// What a what-if reports besides the totals.
struct whatif_options {
    std::optional<money::amount> budget;  ///< > 0 when given
    std::size_t largest = 10;             ///< how many largest changes to keep
};

/// The baseline (first, named `baseline_name`, differences 0) and each
/// scenario over the loans of `c`. `lender` has one entry per loan, or none
/// (no per-lender totals). Throws validation_error for a budget not above
/// zero, duplicate or empty scenario names, and for a population with a loan
/// the rule refuses under a scenario (naming the scenario and the loan).
std::vector<scenario_result> whatif(const rules::batch::loan_columns& c, const std::vector<std::string>& lender,
                                    const plan::plan& baseline, const std::vector<scenario>& scenarios,
                                    const whatif_options& options, std::string_view baseline_name = "baseline");

/// Hundredths of a percent as text: 4000 → "40.00%".
std::string percent_text(std::int64_t bp);

/// The lender of each loan of `tables` (the carried column lender, 贷款机构),
/// or an empty vector when no table has such a column; a loan of a table
/// without the column has "".
std::vector<std::string> lenders_of(const std::vector<rules::loan_table>& tables);

/// Where each loan of `tables` is ("loans.csv:2"), its borrower and loan id.
struct loan_label {
    std::string where;     ///< file:line (or Sheet1!A7) of the loan's first row
    std::string borrower;  ///< the borrower's name
    std::string loan_id;   ///< 借据号, "" when the table has none
};
/// The label of each loan of `tables`, in population order.
std::vector<loan_label> labels_of(const std::vector<rules::loan_table>& tables);

/// The results as JSON (the form of whatif_tables_json below), the loans
/// named by `labels`, `lender` and their kind in `c`.
std::string whatif_json(const std::vector<scenario_result>& results, const rules::batch::loan_columns& c,
                        const std::vector<std::string>& lender, const std::vector<loan_label>& labels,
                        const std::optional<money::amount>& budget);

/// The what-if over tables given as JSON (the form of zjc_seek_tables) with
/// options {"scenarios": {"name": {"rule.name": "value", ...}, ...},
/// "budget", "largest"} and the table reader's keys; the result as JSON:
/// {"budget", "scenarios": [{"name", "total", "baseline_total",
/// "difference", "loans", "gain", "lose", "become_eligible",
/// "become_ineligible", "budget_share", "by_lender": [...],
/// "by_borrower_kind": [...], "largest_changes": [{"where", "borrower",
/// "loan_id", "lender", "borrower_kind", "baseline", "scenario",
/// "difference"}]}]}, the baseline first.
std::string whatif_tables_json(std::string_view tables_json, std::string_view options_json, const plan::plan& p);

}  // namespace zjcredit::sandbox

#endif
