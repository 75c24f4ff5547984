// json::text_writer: JSON written straight into one string, value by value,
// with no tree in between — for the outputs written once per call on the
// hot path (results and receipts of the rules). The text is byte for byte
// what json::dump() gives for the same values: two-space indentation, ": "
// after a key, "{}" and "[]" for empty containers, UTF-8 kept as is, the
// escapes nlohmann writes (\" \\ \b \f \n \r \t, other control characters as
// \u00xx), and a final newline from finish(). Internal to the compiled part.
//
//     std::string out;
//     json::text_writer w(out);
//     w.begin_object();
//     w.key("amount"); w.string("1234.56");
//     w.end_object();
//     w.finish();  // out == "{\n  \"amount\": \"1234.56\"\n}\n"
#ifndef ZJCREDIT_SRC_JSON_TEXT_WRITER_HPP
#define ZJCREDIT_SRC_JSON_TEXT_WRITER_HPP

#include <zjcredit/error.hpp>

#include <gsl/assert>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::json {

/// Whether `s` is valid UTF-8 (simdjson's validator; src/json/utf8.cpp).
bool valid_utf8(std::string_view s) noexcept;

class text_writer {
public:
    explicit text_writer(std::string& out) : out_(out) {}

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The next member's key (inside an object); its value follows.
    void key(std::string_view k) {
        Expects(!levels_.empty());
        separate();
        quoted(k);
        out_.append(": ", 2);
        after_key_ = true;
    }

    void string(std::string_view s) {
        element();
        quoted(s);
    }
    void boolean(bool b) {
        element();
        using namespace std::string_view_literals;
        out_ += b ? "true"sv : "false"sv;
    }
    void null() {
        element();
        out_.append("null", 4);
    }
    void integer(std::int64_t n) {
        element();
        out_ += std::to_string(n);
    }

    /// A member with a string, boolean or integer value (inside an object).
    void member(std::string_view k, std::string_view s) {
        key(k);
        string(s);
    }
    template <std::size_t N>
    void member(std::string_view k, const char (&s)[N]) {
        member(k, std::string_view(s, N - 1));
    }
    void member(std::string_view k, bool b) {
        key(k);
        boolean(b);
    }
    void member(std::string_view k, std::int64_t n) {
        key(k);
        integer(n);
    }

    /// The final newline; every container must be closed.
    void finish() {
        Expects(levels_.empty());
        out_ += '\n';
    }

private:
    struct level {
        bool empty = true;
    };

    /// Before a value: a member's value follows its key directly; an array
    /// element (or the root) gets its own line.
    void element() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (!levels_.empty()) separate();
    }
    void separate() {
        level& l = levels_.back();
        using namespace std::string_view_literals;
        out_ += l.empty ? "\n"sv : ",\n"sv;
        l.empty = false;
        out_.append(2 * levels_.size(), ' ');
    }
    void open(char c) {
        element();
        out_ += c;
        levels_.push_back({});
    }
    void close(char c) {
        Expects(!levels_.empty() && !after_key_);
        const bool empty = levels_.back().empty;
        levels_.pop_back();
        if (!empty) {
            out_ += '\n';
            out_.append(2 * levels_.size(), ' ');
        }
        out_ += c;
    }

    /// Whether any of the 8 bytes of `w` must be escaped: a control
    /// character, '"' or '\\' (the usual test for a byte below n, and for a
    /// zero byte after an XOR; exact as a yes/no).
    static bool needs_escape(std::uint64_t w) noexcept {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t highs = 0x8080808080808080ULL;
        const auto zero_byte = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
        return ((w - 0x20 * ones) & ~w & highs) != 0 || zero_byte(w ^ ('"' * ones)) != 0 ||
               zero_byte(w ^ ('\\' * ones)) != 0;
    }

    /// `s` quoted and escaped as nlohmann writes it; text that is not UTF-8
    /// is refused (nlohmann's strict error handler throws there too). Runs
    /// of 8 bytes with nothing to escape are copied without a look at each
    /// byte; UTF-8 is checked once per string, by simdjson, only where a
    /// byte above 0x7F was seen.
    void quoted(std::string_view s) {
        constexpr std::uint64_t highs = 0x8080808080808080ULL;
        out_ += '"';
        std::size_t plain = 0;  // start of the run not yet copied
        std::size_t i = 0;
        std::uint64_t high = 0;
        while (i < s.size()) {
            if (i + 8 <= s.size()) {
                std::uint64_t w;
                std::memcpy(&w, s.data() + i, 8);
                high |= w & highs;
                if (!needs_escape(w)) {
                    i += 8;
                    continue;
                }
            }
            const auto c = static_cast<unsigned char>(s[i]);
            if (c >= 0x20 && c != '"' && c != '\\') {
                high |= c & 0x80U;
                ++i;
                continue;
            }
            out_.append(s.substr(plain, i - plain));
            plain = i + 1;
            switch (c) {
                case '"': out_ += "\\\""; break;
                case '\\': out_ += "\\\\"; break;
                case '\b': out_ += "\\b"; break;
                case '\f': out_ += "\\f"; break;
                case '\n': out_ += "\\n"; break;
                case '\r': out_ += "\\r"; break;
                case '\t': out_ += "\\t"; break;
                default: {
                    static constexpr char hex[] = "0123456789abcdef";
                    out_ += "\\u00";
                    out_ += hex[c >> 4];
                    out_ += hex[c & 0xF];
                }
            }
            ++i;
        }
        if (high != 0 && !valid_utf8(s))
            throw validation_error("", quote_text(s), "text is not valid UTF-8 and cannot be written as JSON");
        out_.append(s.substr(plain));
        out_ += '"';
    }

    std::string& out_;
    std::vector<level> levels_;
    bool after_key_ = false;
};

}  // namespace zjcredit::json

#endif
