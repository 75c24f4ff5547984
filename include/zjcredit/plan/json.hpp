// Loading and saving plans as JSON (compiled part: link zjcredit::io).
// The schema is documented in docs/plan-schema.md; its version is
// plan_schema_version and every file carries it as "schema_version".
#ifndef ZJCREDIT_PLAN_JSON_HPP
#define ZJCREDIT_PLAN_JSON_HPP

#include <zjcredit/plan/lint.hpp>
#include <zjcredit/plan/plan.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {

/// Version of the plan JSON schema this library writes (and reads).
inline constexpr int plan_schema_version = 2;
/// The oldest version it still reads: version 1 (zjcredit 0.1) is read as
/// version 2, whose additions are all optional (docs/plan-schema.md).
inline constexpr int plan_schema_version_oldest = 1;

/// Reads a plan and checks it with validate (validate.hpp). Throws
/// parse_error naming the JSON path ("measures[3].lead[1]") and quoting the
/// offending text for malformed JSON, unknown or missing keys, wrong types,
/// unreadable text and JSON numbers in money, rate or factor fields (those
/// are strings: "2.2亿", "1%"); validation_error for an unsupported
/// schema_version, a reversed window, and every rule validate checks
/// (duplicate ids, dangling references, comparators outside the legal set, …).
plan plan_from_json(std::string_view text);

/// Writes a plan. Deterministic: the same plan gives byte-identical text,
/// and plan_from_json(plan_to_json(p)) == p.
std::string plan_to_json(const plan& p);

/// Lint findings as a JSON array of {code, severity, subject, clause, message}.
std::string lint_to_json(const std::vector<finding>& findings);

/// The answer to a query about `p` as JSON, the parts written as in
/// plan_to_json. `query` is "units", "measures", "targets", "deadlines" or
/// "ledger_units" (`arg` ignored); "unit" (`arg`: any name or alias);
/// "measures_led_by" or "measures_responsible" (`arg`: a unit name or alias);
/// "units_of" or "targets_of" (`arg`: a measure id). Throws not_found_error
/// for an unknown query, unit or measure.
std::string query_to_json(const plan& p, std::string_view query, std::string_view arg = {});

}  // namespace zjcredit::plan

#endif
