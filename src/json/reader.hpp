// Typed, path-aware reading of JSON objects: every error names the JSON path
// of the field ("measures[3].lead[1]") and the offending text, unknown keys
// are errors, and money, rates and dates are read from strings only.
#ifndef ZJCREDIT_SRC_JSON_READER_HPP
#define ZJCREDIT_SRC_JSON_READER_HPP

#include "document.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/rate.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::json {

/// Short description of a JSON value for messages: its type and, for
/// scalars, its text.
std::string describe(const value& v);

/// Reads one JSON object. Call finish() when done: it rejects unknown keys.
class object_reader {
public:
    /// `path` is the JSON path of `v` ("" for the root, "measures[3]").
    object_reader(const value& v, std::string path);

    const std::string& path() const noexcept { return path_; }
    /// Path of a member: "measures[3].lead".
    std::string path_of(std::string_view key) const;
    bool has(std::string_view key) const;
    /// The object's keys in document order, for objects keyed by name (a
    /// map). Listing them does not mark them read; read each to do so.
    std::vector<std::string> keys() const;

    std::string string(std::string_view key);
    std::optional<std::string> optional_string(std::string_view key);
    bool boolean(std::string_view key);
    std::optional<bool> optional_boolean(std::string_view key);
    std::int64_t integer(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<std::int64_t> optional_integer(std::string_view key, std::int64_t min, std::int64_t max);
    money::amount amount(std::string_view key);
    std::optional<money::amount> optional_amount(std::string_view key);
    money::rate rate(std::string_view key);
    money::decimal decimal(std::string_view key);
    std::optional<money::decimal> optional_decimal(std::string_view key);
    dates::date date(std::string_view key);
    std::optional<dates::date> optional_date(std::string_view key);
    std::vector<std::string> strings(std::string_view key);
    std::optional<std::vector<std::string>> optional_strings(std::string_view key);

    /// Calls `each(reader)` for every object of the array at `key`.
    void objects(std::string_view key, const std::function<void(object_reader&)>& each);
    /// The object at `key`, to read and finish().
    object_reader object(std::string_view key);
    std::optional<object_reader> optional_object(std::string_view key);

    /// Throws parse_error for the first key that was never read.
    void finish() const;

    /// Throws validation_error naming the member `key` of this object.
    [[noreturn]] void invalid(std::string_view key, const std::string& text, const std::string& message) const;

private:
    const value& member(std::string_view key);
    const value* optional_member(std::string_view key);
    [[noreturn]] void wrong_type(std::string_view key, const value& v, std::string_view expected) const;
    std::string text_of(std::string_view key);

    const value& v_;
    std::string path_;
    std::set<std::string, std::less<>> read_;
};

/// The root of a document as an object; parse_error if it is not one.
object_reader root(const value& v, std::string_view what);

}  // namespace zjcredit::json

#endif
