// What a parser made of a text, whole: its value, or everything its error
// carries (dynamic type, code, field, text, message, position). Two parsers
// that must agree (a fast path and the general reader it stands in for) are
// compared on this, so a fast path that answered with another error class,
// field or wording would show. Used by the doctests and the fuzz targets.
#ifndef ZJCREDIT_TESTS_PARSE_OUTCOME_HPP
#define ZJCREDIT_TESTS_PARSE_OUTCOME_HPP

#include <zjcredit/error.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <typeinfo>

namespace zjcredit::test {

struct parse_outcome {
    std::optional<std::int64_t> value;  ///< the result as a number (分, rate units, day number)
    std::string error_type;             ///< typeid name of the exception, "" when none
    int code = 0;
    std::string field;
    std::string text;
    std::string detail;
    std::size_t position = 0;
    std::string what;

    bool operator==(const parse_outcome&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, const parse_outcome& o) {
    if (o.value) return os << "value " << *o.value;
    return os << o.error_type << " [" << o.code << "] " << o.what;
}

/// Runs `f` (returning the parsed value as std::int64_t) and records what happened.
template <class F>
parse_outcome outcome_of(F&& f) {
    parse_outcome o;
    try {
        o.value = f();
    } catch (const zjcredit::error& e) {
        o.error_type = typeid(e).name();
        o.code = static_cast<int>(e.code());
        o.field = e.field();
        o.text = e.text();
        o.detail = e.detail();
        o.position = e.position();
        o.what = e.what();
    }
    return o;
}

}  // namespace zjcredit::test

#endif
