// The report as JSON ("kind": "zjcredit.report"): the same content as the
// HTML page, figures as exact decimal strings in each target's stated unit
// (docs/report.md). And the subsidy totals read from `zjcredit subsidy --json`.
#ifndef ZJCREDIT_REPORT_JSON_HPP
#define ZJCREDIT_REPORT_JSON_HPP

#include <zjcredit/report/report.hpp>

#include <string>
#include <string_view>

namespace zjcredit::report {

/// Deterministic JSON of the report.
std::string to_json(const report& r);

/// The "total" (and "subtotals", when grouped) of a subsidy results file
/// written by `zjcredit subsidy --json` (or reward); parse_error naming
/// `source` and the field on anything else.
subsidy_totals subsidy_totals_from_json(std::string_view text, const std::string& source);

/// The report's inputs as one JSON object (the C ABI's zjc_report_json):
///   "observations": [observations documents (docs/assessment.md), one per month]  (required)
///   "ledger": a ledger document (docs/ledger.md)          (optional)
///   "months": "2022-09..2022-12"                          (optional, with "ledger")
///   "subsidies": the output of `zjcredit subsidy --json`  (optional)
/// Unknown keys are a parse_error naming them.
inputs inputs_from_json(std::string_view text, const plan::plan& p);

}  // namespace zjcredit::report

#endif
