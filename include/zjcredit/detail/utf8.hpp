// UTF-8 decoding with full-width folding, shared by the parsers of amounts,
// rates and dates. Invalid UTF-8 is a parse error, never skipped.
#ifndef ZJCREDIT_DETAIL_UTF8_HPP
#define ZJCREDIT_DETAIL_UTF8_HPP

#include <zjcredit/error.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::detail {

/// Decodes the character starting at byte `i`: its length in bytes, with
/// the code point in `cp`, or 0 for a malformed, overlong, out-of-range or
/// surrogate sequence.
inline std::size_t decode_one(std::string_view text, std::size_t i, char32_t& cp) noexcept {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    if (b0 < 0x80) { cp = b0; return 1; }
    if ((b0 & 0xE0U) == 0xC0U) { len = 2; cp = b0 & 0x1FU; }
    else if ((b0 & 0xF0U) == 0xE0U) { len = 3; cp = b0 & 0x0FU; }
    else if ((b0 & 0xF8U) == 0xF0U) { len = 4; cp = b0 & 0x07U; }
    else return 0;
    if (i + len > text.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(text[i + k]);
        if ((b & 0xC0U) != 0x80U) return 0;
        cp = (cp << 6) | (b & 0x3FU);
    }
    static constexpr char32_t min_for_len[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_for_len[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

/// `text` with every byte that is not part of valid UTF-8 shown as U+FFFD,
/// so that a message quoting bad input is itself valid UTF-8.
inline std::string printable(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decode_one(text, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(text.substr(i, len));
            i += len;
        }
    }
    return out;
}

/// Decodes UTF-8 into code points; throws parse_error naming `field`, the
/// text (bad bytes shown as U+FFFD) and the character position on malformed,
/// overlong or surrogate sequences.
inline std::u32string decode_utf8(std::string_view text, std::string_view field) {
    std::u32string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t cp = 0;
        const std::size_t len = decode_one(text, i, cp);
        if (len == 0)
            throw parse_error(std::string(field), printable(text), "invalid UTF-8 at byte " + std::to_string(i),
                              out.size());
        out.push_back(cp);
        i += len;
    }
    return out;
}

/// Folds full-width ASCII forms (U+FF01..U+FF5E) and the ideographic space
/// to their ASCII counterparts, and ￥ to ¥, so "１２３４．５６" reads as "1234.56".
inline char32_t fold_width(char32_t c) noexcept {
    if (c >= 0xFF01 && c <= 0xFF5E) return c - 0xFF01 + 0x21;
    if (c == 0x3000) return U' ';
    if (c == 0xFFE5) return 0xA5;  // ￥ -> ¥
    return c;
}

/// UTF-8 encoding of one code point (valid input assumed).
inline void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

inline bool is_space(char32_t c) noexcept { return c == U' ' || c == U'\t'; }

}  // namespace zjcredit::detail

#endif
