// Overrides: a plan with some of a rule's parameters replaced for a run,
// without editing the plan file. The values are read exactly as a plan file
// reads them (amounts with 万/亿, rates, dates, enums) with the same errors,
// because they go through the plan's one JSON reader. The result's sources
// record each override (scenario and the plan's value) so that every receipt
// computed under it says so, and its rule-set version is marked
// "<version>+override". (Compiled part: link zjcredit::io.)
#ifndef ZJCREDIT_PLAN_OVERRIDES_HPP
#define ZJCREDIT_PLAN_OVERRIDES_HPP

#include <zjcredit/plan/plan.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {

/// Suffix of the rule-set version of a plan with overridden parameters.
inline constexpr std::string_view override_version_suffix = "+override";

/// The scenario name an override carries when the caller gives none.
inline constexpr std::string_view default_scenario = "override";

/// The rules whose parameters can be overridden, in plan order.
std::vector<std::string> overridable_rules();

/// The parameter names of `rule` an override may set; not_found_error
/// listing the rules for an unknown rule.
std::vector<std::string> overridable_parameters(std::string_view rule);

/// `p` with `values` (parameter name → text) replacing the parameters of
/// `rule`. Texts are canonical or anything the plan file accepts: amounts
/// "500万", "5000000.00"; rates "0.8%"; windows "2022-04-01..2022-06-30";
/// enums by name; eligible_kinds "small,micro"; integers; booleans
/// "true"/"false"; "none" unsets an optional parameter. Throws
/// not_found_error for an unknown rule or parameter (listing the known
/// ones), parse_error / validation_error naming the parameter and quoting
/// the text for a value of the wrong kind or one the plan refuses (a
/// reversed window, a negative cap). `p` itself is never changed.
plan with_parameters(const plan& p, std::string_view rule, const std::map<std::string, std::string>& values,
                     std::string_view scenario = default_scenario);

/// The same from JSON: {"scenario": "name" (optional),
/// "<rule>": {"<name>": "<text>", ...}, ...}. Used by the C ABI and Python.
plan with_parameters_json(const plan& p, std::string_view overrides_json);

/// "rule.name=value" split into its three parts; parse_error quoting the
/// text when a part is missing.
struct setting {
    std::string rule;   ///< "first_loan_subsidy"
    std::string name;   ///< "balance_cap"
    std::string value;  ///< the text after '=', as given
};
/// Splits `text` ("first_loan_subsidy.balance_cap=5000000") into a setting.
setting parse_setting(std::string_view text);

}  // namespace zjcredit::plan

#endif
