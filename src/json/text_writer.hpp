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

#include <algorithm>
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
    /// Appends to `out`, which holds the text written so far once finish()
    /// is called or the writer is gone (not while it writes).
    explicit text_writer(std::string& out) : out_(out), used_(out.size()) {}
    /// Writes one value as the value of a member `depth` levels deep, for a
    /// caller that puts the text in place with value_text() (its indentation
    /// is already that of its place); no finish().
    text_writer(std::string& out, std::size_t depth) : text_writer(out) {
        levels_.assign(depth, level{false});
        after_key_ = true;
    }
    ~text_writer() { out_.resize(used_); }
    text_writer(const text_writer&) = delete;
    text_writer& operator=(const text_writer&) = delete;

    void begin_object() { open('{'); }
    void end_object() { close('}'); }
    void begin_array() { open('['); }
    void end_array() { close(']'); }

    /// The next member's key (inside an object); its value follows.
    void key(std::string_view k) {
        Expects(!levels_.empty());
        char* p = room(separator_bytes() + quoted_bytes(k) + 2);
        p = put_separator(p);
        p = put_quoted(p, k);
        *p++ = ':';
        *p++ = ' ';
        commit(p);
        after_key_ = true;
    }

    void string(std::string_view s) {
        char* p = room(separator_bytes() + quoted_bytes(s));
        p = put_element(p);
        commit(put_quoted(p, s));
    }
    void boolean(bool b) {
        using namespace std::string_view_literals;
        plain(b ? "true"sv : "false"sv);
    }
    void null() {
        using namespace std::string_view_literals;
        plain("null"sv);
    }
    void integer(std::int64_t n) { plain(std::to_string(n)); }
    /// A value already written as JSON text for this place (see the nested constructor).
    void value_text(std::string_view json) { plain(json); }

    /// The text written so far.
    std::string_view written() const noexcept { return {out_.data(), used_}; }

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
        out_.resize(used_);
        out_ += '\n';
        used_ = out_.size();
    }

private:
    // Each value is written in one go: room() makes space for the most it
    // can take (every byte escaped), the put_* helpers write through a
    // pointer, and commit() says how much was written — a receipt is
    // hundreds of short lines, and an append per piece cost more than the text.
    // The string is kept longer than the text (its bytes past used_ are
    // room), and cut to the text by finish() and the destructor.

    struct level {
        bool empty = true;
    };

    // Past what a value takes, room() leaves this much more, so that a new
    // line's indentation can be copied as one fixed-size block (put_line).
    static constexpr std::size_t slack = 64;

    char* room(std::size_t n) {
        if (out_.size() - used_ < n + slack)
            out_.resize(std::max({out_.capacity(), 2 * out_.size(), used_ + n + slack}));
        return out_.data() + used_;
    }
    void commit(const char* end) noexcept { used_ = static_cast<std::size_t>(end - out_.data()); }

    /// The most a separator takes: ",\n" and the indentation.
    std::size_t separator_bytes() const noexcept { return 2 + 2 * levels_.size(); }

    /// The most `s` takes quoted: every byte as \u00xx, and the quotes.
    static std::size_t quoted_bytes(std::string_view s) {
        if (s.size() > (std::string().max_size() - 64) / 6)
            throw validation_error("", "", "text too long to be written as JSON");
        return 6 * s.size() + 2;
    }

    /// A new line indented to the level. Up to `slack` spaces are copied as
    /// one block of that size (the bytes past the indentation are room, and
    /// overwritten next); a receipt has hundreds of lines.
    char* put_line(char* p) const noexcept {
        static constexpr char spaces[slack + 1] = "                                                                ";
        static_assert(sizeof(spaces) == slack + 1 && spaces[slack - 1] == ' ');
        *p++ = '\n';
        const std::size_t indent = 2 * levels_.size();
        if (indent <= slack)
            std::memcpy(p, spaces, slack);
        else
            std::memset(p, ' ', indent);
        return p + indent;
    }

    /// Before a member or an element: "," after an earlier one, then a new line.
    char* put_separator(char* p) {
        level& l = levels_.back();
        if (!l.empty) *p++ = ',';
        l.empty = false;
        return put_line(p);
    }

    /// Before a value: a member's value follows its key directly; an array
    /// element (or the root) gets its own line.
    char* put_element(char* p) {
        if (after_key_) {
            after_key_ = false;
            return p;
        }
        return levels_.empty() ? p : put_separator(p);
    }

    /// A value written as is (a literal or a number).
    void plain(std::string_view text) {
        char* p = put_element(room(separator_bytes() + text.size()));
        std::memcpy(p, text.data(), text.size());
        commit(p + text.size());
    }

    void open(char c) {
        char* p = put_element(room(separator_bytes() + 1));
        *p++ = c;
        commit(p);
        levels_.push_back({});
    }
    void close(char c) {
        Expects(!levels_.empty() && !after_key_);
        const bool empty = levels_.back().empty;
        levels_.pop_back();
        char* p = room(separator_bytes());
        if (!empty) p = put_line(p);
        *p++ = c;
        commit(p);
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

    /// One byte as nlohmann writes it inside a string.
    static char* put_byte(char* p, unsigned char c) {
        if (c >= 0x20 && c != '"' && c != '\\') {
            *p++ = static_cast<char>(c);
            return p;
        }
        *p++ = '\\';
        switch (c) {
            case '"': *p++ = '"'; break;
            case '\\': *p++ = '\\'; break;
            case '\b': *p++ = 'b'; break;
            case '\f': *p++ = 'f'; break;
            case '\n': *p++ = 'n'; break;
            case '\r': *p++ = 'r'; break;
            case '\t': *p++ = 't'; break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                *p++ = 'u';
                *p++ = '0';
                *p++ = '0';
                *p++ = hex[c >> 4];
                *p++ = hex[c & 0xF];
            }
        }
        return p;
    }

    /// `s` quoted and escaped as nlohmann writes it, at `p` (room for
    /// quoted_bytes(s)); text that is not UTF-8 is refused (nlohmann's strict
    /// error handler throws there too). Runs of 8 bytes with nothing to
    /// escape are copied whole; UTF-8 is checked once per string, by
    /// simdjson, only where a byte above 0x7F was seen.
    static char* put_quoted(char* p, std::string_view s) {
        constexpr std::uint64_t highs = 0x8080808080808080ULL;
        *p++ = '"';
        const char* in = s.data();
        const char* const end = in + s.size();
        std::uint64_t high = 0;
        bool verbatim = true;  // so far each byte written as itself, p - in the same throughout
        for (; end - in >= 8; in += 8) {
            std::uint64_t w;
            std::memcpy(&w, in, 8);
            high |= w & highs;
            if (!needs_escape(w)) {
                std::memcpy(p, in, 8);
                p += 8;
                continue;
            }
            verbatim = false;
            for (int k = 0; k < 8; ++k) p = put_byte(p, static_cast<unsigned char>(in[k]));
        }
        // The last few bytes of a string of 8 or more: its last 8 bytes again,
        // written over the same bytes already written, when none needs escaping.
        if (verbatim && in != end && s.size() >= 8) {
            std::uint64_t w;
            std::memcpy(&w, end - 8, 8);
            if (!needs_escape(w)) {
                high |= w & highs;
                const auto tail = end - in;
                std::memcpy(p + tail - 8, end - 8, 8);
                p += tail;
                in = end;
            }
        }
        for (; in != end; ++in) {
            high |= static_cast<unsigned char>(*in) & 0x80U;
            p = put_byte(p, static_cast<unsigned char>(*in));
        }
        if (high != 0 && !valid_utf8(s))
            throw validation_error("", quote_text(s), "text is not valid UTF-8 and cannot be written as JSON");
        *p++ = '"';
        return p;
    }

    std::string& out_;
    std::size_t used_;  // the text's bytes in out_
    std::vector<level> levels_;
    bool after_key_ = false;
};

}  // namespace zjcredit::json

#endif
