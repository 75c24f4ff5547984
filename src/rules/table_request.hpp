// What the JSON entry points that take banks' tables share (the screen, the
// seek, the whatif): their options object holds their own keys and the
// table reader's (rules::table_options_from_json). Internal to the compiled part.
#ifndef ZJCREDIT_SRC_RULES_TABLE_REQUEST_HPP
#define ZJCREDIT_SRC_RULES_TABLE_REQUEST_HPP

#include "../json/document.hpp"

#include <zjcredit/rules/table.hpp>

#include <span>
#include <string_view>
#include <utility>

namespace zjcredit::rules::detail {

/// The options object `text` (not empty) parsed: its keys in `own` moved
/// into the first value returned, the others read as the table reader's
/// options (unknown keys are errors there).
std::pair<json::value, table_options> split_table_options(std::string_view text,
                                                          std::span<const std::string_view> own);

}  // namespace zjcredit::rules::detail

#endif
