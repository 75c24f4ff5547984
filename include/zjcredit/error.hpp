// The one error contract of zjcredit: every failure is a zjcredit::error that
// carries a stable code, the field it concerns and the offending text, so the
// C ABI, the Python binding and the CLI can all report it the same way.
#ifndef ZJCREDIT_ERROR_HPP
#define ZJCREDIT_ERROR_HPP

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace zjcredit {

/// Stable error codes. The numbers are pinned: the C ABI returns them as its
/// status values (negated), so never renumber, only append.
enum class errc : int {
    parse = 1,       ///< text that is not a well-formed amount, rate, date, JSON, ...
    validation = 2,  ///< well-formed input that breaks a rule (reversed window, ...)
    overflow = 3,    ///< a value or an intermediate result outside the exact range
    not_found = 4,   ///< a unit, measure or target id that the plan does not have
    io = 5,          ///< a file could not be read or written
};

/// Longest offending text quoted in a message; longer text is shortened.
inline constexpr std::size_t max_quoted_text = 64;

/// Shortens `text` for a message: at most max_quoted_text bytes, cut on a
/// UTF-8 character boundary, with "…" appended when something was cut.
inline std::string quote_text(std::string_view text) {
    if (text.size() <= max_quoted_text) return std::string(text);
    std::size_t cut = max_quoted_text;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) --cut;
    return std::string(text.substr(0, cut)) + "…";
}

/// Base of every exception zjcredit throws.
class error : public std::runtime_error {
public:
    /// position() when no character offset applies.
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    /// `field` names the input field ("annual_rate", "balances[2].to");
    /// `text` is the offending input; `position` a character offset in it
    /// (0-based, in Unicode code points) or npos when not meaningful.
    error(errc code, std::string field, std::string text, std::string message,
          std::size_t position = npos)
        : std::runtime_error(compose(field, text, message, position)),
          code_(code),
          field_(std::move(field)),
          text_(std::move(text)),
          detail_(std::move(message)),
          position_(position) {}

    /// The stable code, also the C ABI's status (negated).
    errc code() const noexcept { return code_; }
    /// The input field concerned ("annual_rate", "balances[2].to"); empty when none.
    const std::string& field() const noexcept { return field_; }
    /// The offending input text, whole (what() quotes it shortened).
    const std::string& text() const noexcept { return text_; }
    /// The message without the field and text prefix.
    const std::string& detail() const noexcept { return detail_; }
    /// 0-based offset in text(), in Unicode code points; npos when not meaningful.
    std::size_t position() const noexcept { return position_; }

private:
    static std::string compose(const std::string& field, const std::string& text,
                               const std::string& message, std::size_t position) {
        std::string out;
        if (!field.empty()) out += field + ": ";
        out += message;
        if (!text.empty() || position != npos) out += " in \"" + quote_text(text) + "\"";
        if (position != npos) out += " at position " + std::to_string(position);
        return out;
    }

    errc code_;
    std::string field_;
    std::string text_;
    std::string detail_;
    std::size_t position_;
};

/// Text that cannot be read as what the field needs.
class parse_error : public error {
public:
    /// An errc::parse error; arguments as for error.
    parse_error(std::string field, std::string text, std::string message,
                std::size_t position = npos)
        : error(errc::parse, std::move(field), std::move(text), std::move(message), position) {}
};

/// Well-formed input that breaks a rule of the model.
class validation_error : public error {
public:
    /// An errc::validation error; arguments as for error.
    validation_error(std::string field, std::string text, std::string message)
        : error(errc::validation, std::move(field), std::move(text), std::move(message)) {}
};

/// A value outside the exactly representable range: never wrapped, never rounded away.
class overflow_error : public error {
public:
    /// An errc::overflow error; arguments as for error.
    overflow_error(std::string field, std::string text, std::string message)
        : error(errc::overflow, std::move(field), std::move(text), std::move(message)) {}
};

/// A reference to something the plan does not hold.
class not_found_error : public error {
public:
    /// An errc::not_found error; `text` is the name or id looked for.
    not_found_error(std::string field, std::string text, std::string message)
        : error(errc::not_found, std::move(field), std::move(text), std::move(message)) {}
};

}  // namespace zjcredit

#endif
