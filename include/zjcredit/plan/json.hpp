// Loading and saving plans as JSON (compiled part: link zjcredit::json).
// The schema is documented in docs/plan-schema.md; its version is
// plan_schema_version and every file carries it as "schema_version".
#ifndef ZJCREDIT_PLAN_JSON_HPP
#define ZJCREDIT_PLAN_JSON_HPP

#include <zjcredit/plan/plan.hpp>

#include <string>
#include <string_view>

namespace zjcredit::plan {

/// Version of the plan JSON schema this library reads and writes.
inline constexpr int plan_schema_version = 1;

/// Reads a plan. Throws parse_error or validation_error naming the JSON path
/// ("measures[3].lead[1]") and the offending text for malformed JSON, unknown
/// or missing keys, duplicate ids, dangling unit or target references,
/// reversed windows, comparators outside the legal set, and JSON numbers in
/// money, rate or factor fields (those are strings: "2.2亿", "1%").
plan plan_from_json(std::string_view text);

/// Writes a plan. Deterministic: the same plan gives byte-identical text,
/// and plan_from_json(plan_to_json(p)) == p.
std::string plan_to_json(const plan& p);

}  // namespace zjcredit::plan

#endif
