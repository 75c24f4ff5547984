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

}  // namespace zjcredit::report

#endif
