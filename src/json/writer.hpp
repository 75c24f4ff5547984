// Small helpers shared by the JSON writers of plans, rules, assessments and
// ledgers. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_JSON_WRITER_HPP
#define ZJCREDIT_SRC_JSON_WRITER_HPP

#include "document.hpp"

#include <zjcredit/dates/date.hpp>

#include <optional>
#include <string>
#include <vector>

namespace zjcredit::json {

/// A JSON array of the strings, in order (an empty vector gives []).
inline value strings(const std::vector<std::string>& v) {
    value out = value::array();
    for (const auto& s : v) out.push_back(s);
    return out;
}

/// A date as "YYYY-MM-DD", or null when there is none.
inline value date_or_null(const std::optional<dates::date>& d) {
    if (!d) return nullptr;
    return dates::to_string(*d);
}

}  // namespace zjcredit::json

#endif
