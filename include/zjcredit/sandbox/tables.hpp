// The sandbox over banks' tables (compiled part: link zjcredit::io): the
// loans of one or more tables laid out once as a population, a goal seek
// asked for in words ("first_loan_subsidy.balance_cap", "5000万",
// "100万..1000万"), and its answer as JSON. `zjcredit seek`, the C ABI
// (zjc_seek_tables) and Python all go through here, so that they read a
// request, and refuse it, alike.
#ifndef ZJCREDIT_SANDBOX_TABLES_HPP
#define ZJCREDIT_SANDBOX_TABLES_HPP

#include <zjcredit/plan/plan.hpp>
#include <zjcredit/rules/table.hpp>
#include <zjcredit/sandbox/population.hpp>
#include <zjcredit/sandbox/seek.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::sandbox {

/// The loans of `tables` as one population. A loan refused for its own cells,
/// or by the rule under `p`, is an error of the whole population: the first
/// such loan's error, located in its table ("loans.csv:7: annual_rate: ...").
loan_population population_of(const std::vector<rules::loan_table>& tables, const plan::plan& p);

/// A seek request from its words: `parameter` a name of seek_parameters,
/// `target` an amount (the budget, or with `reach` the required total),
/// `within` an optional range "FROM..TO" written as the parameter's kind is
/// ("100万..1000万", "0.5%..1%", "2022-06-01..2022-06-30"). Errors name the
/// field as `prefix` + "parameter" / "budget" / "within" ("--" for the CLI).
seek_request seek_request_from_text(std::string_view parameter, std::string_view target,
                                    const std::optional<std::string>& within, bool reach, std::string_view prefix = "");

/// {"parameter", "value", "total", "next_value", "next_total" (null when the
/// answer is the end of the range), "evaluations": [{"value", "total"}] in
/// the order made}; values in the parameter's canonical text, totals in 元.
std::string seek_result_json(const seek_result& r);

/// The seek over tables given as JSON (the form of zjc_screen_tables: an
/// array of {"path"} or {"text", "name"}) with options {"parameter",
/// "budget", "within", "reach"} and the table reader's keys (period,
/// columns, rate_unit, sheet, encoding, repayments); the result as
/// seek_result_json.
std::string seek_tables_json(std::string_view tables_json, std::string_view options_json, const plan::plan& p);

}  // namespace zjcredit::sandbox

#endif
