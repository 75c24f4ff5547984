// Strict JSON reading on nlohmann's SAX interface.
#include "document.hpp"

#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>

#include <string>
#include <unordered_set>
#include <vector>

namespace zjcredit::json {
namespace {

/// nlohmann's message made fit to show: its "last read: '...'" token (the
/// whole string so far, megabytes of it in a long one) cut to its last
/// max_quoted_text bytes, and bytes that are not UTF-8 (the bad byte itself,
/// often) shown as U+FFFD, so that the message is valid UTF-8 and short.
std::string tidy(std::string message) {
    static constexpr std::string_view open = "last read: '";
    if (const auto a = message.find(open); a != std::string::npos) {
        const std::size_t start = a + open.size();
        std::size_t end = message.rfind("'; expected");
        if (end == std::string::npos || end < start) end = message.rfind('\'');
        if (end != std::string::npos && end >= start && end - start > max_quoted_text) {
            std::size_t cut = end - max_quoted_text;
            while (cut < end && (static_cast<unsigned char>(message[cut]) & 0xC0U) == 0x80U) ++cut;
            message = message.substr(0, start) + "…" + message.substr(cut);
        }
    }
    return zjcredit::detail::printable(message);
}

/// Builds an ordered_json DOM while refusing duplicate keys and deep nesting.
class strict_builder {
public:
    using number_integer_t = value::number_integer_t;
    using number_unsigned_t = value::number_unsigned_t;
    using number_float_t = value::number_float_t;
    using string_t = value::string_t;
    using binary_t = value::binary_t;

    strict_builder() = default;

    bool null() { return put(value(nullptr)); }
    bool boolean(bool b) { return put(value(b)); }
    bool number_integer(number_integer_t n) { return put(value(n)); }
    bool number_unsigned(number_unsigned_t n) { return put(value(n)); }
    // Kept only so that a reader can say what it found: money, rate and
    // count fields refuse JSON numbers with a fraction, so the binary value
    // is never used in a computation.
    bool number_float(number_float_t n, const string_t&) { return put(value(n)); }
    bool string(string_t& s) {
        if (s.find('\0') != string_t::npos) return fail("NUL character (\\u0000) inside a string");
        return put(value(std::move(s)));
    }
    bool binary(binary_t&) { return fail("binary values are not JSON text"); }

    bool start_object(std::size_t) { return open(value::object()); }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(value::array()); }
    bool end_array() { return close(); }

    bool key(string_t& k) {
        if (k.find('\0') != string_t::npos) return fail("NUL character (\\u0000) inside a key");
        if (!keys_.back().insert(k).second) return fail("duplicate key \"" + quote_text(k) + "\"");
        key_ = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
        position_ = position;
        message_ = e.what();
        // nlohmann prefixes "[json.exception.parse_error.101] parse error at line 1, column 2: "
        if (auto colon = message_.find(": "); colon != std::string::npos) message_ = message_.substr(colon + 2);
        message_ = tidy(std::move(message_));
        return false;
    }

    value& result() { return root_; }
    const std::string& message() const { return message_; }
    std::size_t position() const { return position_; }

private:
    bool put(value v) {
        place(std::move(v));
        return true;
    }
    /// Adds `v` to the open array or object (or makes it the root) and
    /// returns where it now is.
    value& place(value v) {
        if (stack_.empty()) {
            root_ = std::move(v);
            return root_;
        }
        value& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return parent.back();
        }
        // The key is known to be new (key() checked it), so it is appended
        // without ordered_map's own lookup, which is a linear search: an
        // object of n keys is built in O(n), not O(n^2).
        auto& members = *parent.get_ptr<value::object_t*>();
        members.value::object_t::Container::emplace_back(std::move(key_), std::move(v));
        return members.back().second;
    }
    bool open(value v) {
        if (stack_.size() >= max_depth)
            return fail("nesting deeper than " + std::to_string(max_depth) + " levels");
        stack_.push_back(&place(std::move(v)));
        keys_.emplace_back();
        return true;
    }
    bool close() {
        stack_.pop_back();
        keys_.pop_back();
        return true;
    }
    bool fail(std::string message) {
        message_ = std::move(message);
        return false;
    }

    value root_;
    std::vector<value*> stack_;                         // open arrays and objects
    std::vector<std::unordered_set<std::string>> keys_;  // keys seen, per open level
    std::string key_;
    std::string message_;
    std::size_t position_ = 0;
};

}  // namespace

value parse(std::string_view text, std::string_view what) {
    if (text.size() > limits::max_document_bytes)
        throw parse_error(std::string(what), quote_text(text),
                          "document of " + std::to_string(text.size()) + " bytes is larger than " +
                              std::to_string(limits::max_document_bytes >> 20) + " MiB (" +
                              std::to_string(limits::max_document_bytes) + " bytes), the largest accepted");
    strict_builder builder;
    bool ok = false;
    try {
        ok = value::sax_parse(text.begin(), text.end(), &builder, nlohmann::detail::input_format_t::json, true);
    } catch (const nlohmann::json::exception& e) {
        throw parse_error(std::string(what), std::string(), "malformed JSON: " + tidy(e.what()));
    }
    if (!ok) {
        std::string message = builder.message().empty() ? "malformed JSON" : builder.message();
        throw parse_error(std::string(what), std::string(),
                          "malformed JSON: " + message +
                              (builder.position() ? " (byte " + std::to_string(builder.position()) + ")" : ""));
    }
    return std::move(builder.result());
}

std::string dump(const value& v) {
    return v.dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

}  // namespace zjcredit::json
