// A cursor over user text for the hand-written parsers of amounts and dates:
// decodes UTF-8 once, folds full-width forms, and reports errors with the
// field, the whole text and the character position.
#ifndef ZJCREDIT_DETAIL_TEXT_CURSOR_HPP
#define ZJCREDIT_DETAIL_TEXT_CURSOR_HPP

#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>

#include <string>
#include <string_view>

namespace zjcredit::detail {

class text_cursor {
public:
    text_cursor(std::string_view text, std::string_view field)
        : text_(text), field_(field), s_(decode_utf8(text, field)) {
        for (auto& c : s_) c = fold_width(c);
    }

    [[noreturn]] void fail(const std::string& message, std::size_t position) const {
        throw parse_error(std::string(field_), std::string(text_), message, position);
    }

    static bool is_digit(char32_t c) noexcept { return c >= U'0' && c <= U'9'; }
    bool at_end() const noexcept { return i_ >= s_.size(); }
    char32_t peek() const noexcept { return at_end() ? char32_t(0) : s_[i_]; }
    bool accept(char32_t c) {
        if (peek() != c) return false;
        ++i_;
        return true;
    }
    bool accept_word(std::u32string_view w) {
        if (std::u32string_view(s_).substr(i_, w.size()) != w) return false;
        i_ += w.size();
        return true;
    }
    void skip_spaces() {
        while (!at_end() && is_space(s_[i_])) ++i_;
    }
    /// The current character as UTF-8, for messages; call only when !at_end().
    std::string current_utf8() const {
        std::string out;
        append_utf8(out, s_[i_]);
        return out;
    }
    /// "found 'x'" or "found the end", for messages.
    std::string found() const { return at_end() ? "found the end" : "found '" + current_utf8() + "'"; }

protected:
    std::string_view text_;
    std::string_view field_;
    std::u32string s_;
    std::size_t i_ = 0;
};

}  // namespace zjcredit::detail

#endif
