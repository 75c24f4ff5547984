// Typed, path-aware reading of JSON objects.
#include "reader.hpp"

#include <zjcredit/money/parse.hpp>

#include <limits>

namespace zjcredit::json {

std::string describe(const value& v) {
    switch (v.type()) {
        case value::value_t::null: return "null";
        case value::value_t::boolean: return v.get<bool>() ? "true" : "false";
        case value::value_t::string: return "a string";
        case value::value_t::number_integer:
        case value::value_t::number_unsigned:
        case value::value_t::number_float: return "a JSON number";
        case value::value_t::object: return "an object";
        case value::value_t::array: return "an array";
        default: return "a value of another kind";
    }
}

object_reader::object_reader(const value& v, std::string path) : v_(v), path_(std::move(path)) {
    if (!v_.is_object())
        throw parse_error(path_.empty() ? "(root)" : path_, "", "expected an object, found " + describe(v_));
}

std::string object_reader::path_of(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

bool object_reader::has(std::string_view key) const { return v_.contains(key); }

std::vector<std::string> object_reader::keys() const {
    std::vector<std::string> out;
    out.reserve(v_.size());
    for (auto it = v_.begin(); it != v_.end(); ++it) out.push_back(it.key());
    return out;
}

const value* object_reader::optional_member(std::string_view key) {
    read_.insert(std::string(key));
    auto it = v_.find(key);
    if (it == v_.end() || it->is_null()) return nullptr;
    return &*it;
}

const value& object_reader::member(std::string_view key) {
    const value* v = optional_member(key);
    if (v == nullptr) throw parse_error(path_of(key), "", "required key is missing");
    return *v;
}

void object_reader::wrong_type(std::string_view key, const value& v, std::string_view expected) const {
    std::string text = v.is_string() ? v.get<std::string>() : v.dump();
    throw parse_error(path_of(key), text, "expected " + std::string(expected) + ", found " + describe(v));
}

void object_reader::invalid(std::string_view key, const std::string& text, const std::string& message) const {
    throw validation_error(path_of(key), text, message);
}

std::string object_reader::string(std::string_view key) {
    const value& v = member(key);
    if (!v.is_string()) wrong_type(key, v, "a string");
    return v.get<std::string>();
}

std::optional<std::string> object_reader::optional_string(std::string_view key) {
    if (optional_member(key) == nullptr) return std::nullopt;
    return string(key);
}

bool object_reader::boolean(std::string_view key) {
    const value& v = member(key);
    if (!v.is_boolean()) wrong_type(key, v, "true or false");
    return v.get<bool>();
}

std::optional<bool> object_reader::optional_boolean(std::string_view key) {
    if (optional_member(key) == nullptr) return std::nullopt;
    return boolean(key);
}

std::int64_t object_reader::integer(std::string_view key, std::int64_t min, std::int64_t max) {
    const value& v = member(key);
    if (!v.is_number_integer()) wrong_type(key, v, "an integer");
    if (v.is_number_unsigned() && v.get<std::uint64_t>() > static_cast<std::uint64_t>(max))
        throw validation_error(path_of(key), v.dump(), "must be at most " + std::to_string(max));
    const auto n = v.get<std::int64_t>();
    if (n < min || n > max)
        throw validation_error(path_of(key), v.dump(),
                               "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return n;
}

std::optional<std::int64_t> object_reader::optional_integer(std::string_view key, std::int64_t min,
                                                            std::int64_t max) {
    if (optional_member(key) == nullptr) return std::nullopt;
    return integer(key, min, max);
}

std::string object_reader::text_of(std::string_view key) {
    const value& v = member(key);
    if (!v.is_string()) wrong_type(key, v, "a string such as \"1234.56\" (numbers go in quotes)");
    return v.get<std::string>();
}

money::amount object_reader::amount(std::string_view key) {
    const std::string field = path_of(key);
    return money::parse_amount(text_of(key), {.field = field, .round_excess = std::nullopt});
}

std::optional<money::amount> object_reader::optional_amount(std::string_view key) {
    if (optional_member(key) == nullptr) return std::nullopt;
    return amount(key);
}

money::rate object_reader::rate(std::string_view key) {
    const std::string field = path_of(key);
    return money::parse_rate(text_of(key), field);
}

money::decimal object_reader::decimal(std::string_view key) {
    const std::string field = path_of(key);
    return money::parse_decimal(text_of(key), field);
}

std::optional<money::decimal> object_reader::optional_decimal(std::string_view key) {
    if (optional_member(key) == nullptr) return std::nullopt;
    return decimal(key);
}

dates::date object_reader::date(std::string_view key) {
    const std::string field = path_of(key);
    const value& v = member(key);
    if (!v.is_string()) wrong_type(key, v, "a date string such as \"2022-04-01\"");
    return dates::parse_date(v.get<std::string>(), field);
}

std::optional<dates::date> object_reader::optional_date(std::string_view key) {
    if (optional_member(key) == nullptr) return std::nullopt;
    return date(key);
}

std::vector<std::string> object_reader::strings(std::string_view key) {
    const value& v = member(key);
    if (!v.is_array()) wrong_type(key, v, "an array of strings");
    std::vector<std::string> out;
    out.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string())
            throw parse_error(path_of(key) + "[" + std::to_string(i) + "]", v[i].dump(),
                              "expected a string, found " + describe(v[i]));
        out.push_back(v[i].get<std::string>());
    }
    return out;
}

std::optional<std::vector<std::string>> object_reader::optional_strings(std::string_view key) {
    if (optional_member(key) == nullptr) return std::nullopt;
    return strings(key);
}

void object_reader::objects(std::string_view key, const std::function<void(object_reader&)>& each) {
    const value& v = member(key);
    if (!v.is_array()) wrong_type(key, v, "an array of objects");
    for (std::size_t i = 0; i < v.size(); ++i) {
        object_reader r(v[i], path_of(key) + "[" + std::to_string(i) + "]");
        each(r);
        r.finish();
    }
}

object_reader object_reader::object(std::string_view key) { return object_reader(member(key), path_of(key)); }

std::optional<object_reader> object_reader::optional_object(std::string_view key) {
    const value* v = optional_member(key);
    if (v == nullptr) return std::nullopt;
    return object_reader(*v, path_of(key));
}

void object_reader::finish() const {
    for (auto it = v_.begin(); it != v_.end(); ++it)
        if (read_.find(it.key()) == read_.end())
            throw parse_error(path_of(it.key()), it.key(), "unknown key");
}

object_reader root(const value& v, std::string_view what) {
    if (!v.is_object())
        throw parse_error(std::string(what), "", "expected a JSON object, found " + describe(v));
    return object_reader(v, "");
}

}  // namespace zjcredit::json
