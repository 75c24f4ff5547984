// Strict JSON reading for every JSON input of zjcredit (plans, rule records,
// observations, ledgers): duplicate keys and excessive nesting are errors,
// and nlohmann's own exceptions never escape. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_JSON_DOCUMENT_HPP
#define ZJCREDIT_SRC_JSON_DOCUMENT_HPP

#include <zjcredit/limits.hpp>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

namespace zjcredit::json {

using value = nlohmann::ordered_json;

/// Deepest nesting of arrays and objects accepted in any input.
inline constexpr std::size_t max_depth = limits::max_json_depth;

/// Parses `text`; throws zjcredit::parse_error naming `what` ("plan",
/// "loan") and the byte offset on malformed JSON, a duplicate key, or
/// nesting deeper than max_depth, and without parsing when `text` is longer
/// than limits::max_document_bytes.
value parse(std::string_view text, std::string_view what);

/// Serialises with two-space indentation, UTF-8 kept as is, and a final newline.
std::string dump(const value& v);

}  // namespace zjcredit::json

#endif
