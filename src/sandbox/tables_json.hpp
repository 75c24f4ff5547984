// What the sandbox's JSON entry points (seek_tables_json, whatif_tables_json)
// share: the tables given as JSON, and the split of their options into the
// entry point's own keys and the table reader's.
#ifndef ZJCREDIT_SRC_SANDBOX_TABLES_JSON_HPP
#define ZJCREDIT_SRC_SANDBOX_TABLES_JSON_HPP

#include "../json/document.hpp"

#include <zjcredit/rules/table.hpp>

#include <span>
#include <string_view>
#include <vector>

namespace zjcredit::sandbox::detail {

/// The tables of a JSON array of {"path"} or {"text", "name"}.
std::vector<rules::loan_table> read_tables(std::string_view text, const rules::table_options& options);

/// The options JSON object parsed, its `own` keys moved into the first
/// value returned, the rest (the table reader's keys) read as table options.
/// `what` names the entry point in the error for empty options.
std::pair<json::value, rules::table_options> split_options(std::string_view options_json,
                                                           std::span<const std::string_view> own,
                                                           std::string_view what);

}  // namespace zjcredit::sandbox::detail

#endif
