// Exact parsing of amounts, rates and decimals from the text people and
// spreadsheets write: "1,234.56", "１２３４．５６", "2.2亿元", "3亿4500万",
// "人民币1000万元", "¥-12.5", "4.35%", "0.5‰". Nothing goes through a double.
//
// Grammar (after folding full-width forms and trimming spaces at both ends):
//
//     text     := sign? currency? sign? parts suffix?
//     currency := "人民币" "¥"? | "¥"
//     parts    := part (unit part)* unit?       -- units strictly decreasing
//     part     := digits ("," ddd)* ("." digits)?   -- commas every 3 digits
//     unit     := "万亿" | "亿" | "万"
//     suffix   := "元" | "%" | "‰"                 -- ‰: per mille, 1‰ = 0.1%
//
// Only one sign is allowed; only the last part may have decimals; a part
// below a unit must be smaller than that unit ("3亿4500万", not "3亿14500万");
// a bare number after a unit ("1万2") is refused as ambiguous; "%" and "‰"
// never combine with units, a currency or "元". Exponents, NaN, ".5", "5." and
// anything else are errors naming the text and the position (0-based, in
// characters).
#ifndef ZJCREDIT_MONEY_PARSE_HPP
#define ZJCREDIT_MONEY_PARSE_HPP

#include <zjcredit/detail/plain_number.hpp>
#include <zjcredit/detail/text_cursor.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/money/rounding.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::money {

/// What a number's text said besides its value.
struct number_syntax {
    decimal value;          ///< exact value, units and percent applied
    bool percent = false;   ///< ended in "%" (value already divided by 100)
    bool currency = false;  ///< carried 人民币, ¥ or 元
    bool units = false;     ///< used 万, 亿 or 万亿
    bool per_mille = false; ///< ended in "‰" (value already divided by 1000)
};

namespace detail {

class number_reader : zjcredit::detail::text_cursor {
public:
    using text_cursor::text_cursor;

    number_syntax read() {
        number_syntax out;
        skip_spaces();
        if (at_end()) fail("empty text", i_);
        bool negative = accept(U'-');
        if (accept_word(U"人民币")) {
            out.currency = true;
            accept(U'¥');
        } else if (accept(U'¥')) {
            out.currency = true;
        }
        if (!negative) negative = accept(U'-');
        if (peek() == U'-') fail("unexpected '-'", i_);

        read_parts(out);

        if (accept(U'元')) {
            out.currency = true;
        } else if (peek() == U'%' || peek() == U'‰') {
            const bool mille = peek() == U'‰';
            const std::string sign = mille ? "'‰'" : "'%'";
            if (out.units) fail(sign + " cannot follow 万/亿", i_);
            if (out.currency) fail(sign + " cannot follow a currency", i_);
            ++i_;
            (mille ? out.per_mille : out.percent) = true;
            const int places = mille ? 3 : 2;
            if (out.value.scale() + places > decimal::max_scale) overflow("too many decimal places");
            out.value = decimal(out.value.coefficient(), out.value.scale() + places);
        }
        skip_spaces();
        if (!at_end()) fail("unexpected '" + current_utf8() + "'", i_);
        if (negative) out.value = decimal(-out.value.coefficient(), out.value.scale());
        return out;
    }

    [[noreturn]] void overflow(const std::string& message) const {
        throw overflow_error(std::string(field_), std::string(text_), message);
    }

private:
    struct part {
        int128 coefficient = 0;
        int scale = 0;
    };

    void read_parts(number_syntax& out) {
        int previous_unit = -1;          // exponent of the unit before, -1 for none
        bool previous_had_fraction = false;
        int128 total = 0;                // at total_scale
        int total_scale = 0;
        for (;;) {
            const std::size_t start = i_;
            const part p = read_part();
            const bool has_fraction = p.scale > 0;
            const std::size_t unit_pos = i_;
            const int unit = read_unit();
            if (previous_unit >= 0) {
                if (previous_had_fraction) fail("only the last part may have decimals", start);
                if (unit < 0) fail("a number after 万/亿 needs its own unit", start);
                if (unit >= previous_unit) fail("units must decrease (万亿 > 亿 > 万)", unit_pos);
                // The part must stay below the unit above it: 3亿4500万, not 3亿14500万.
                const int128 limit = pow10(previous_unit - unit);
                if (p.coefficient >= checked_mul(limit, pow10(p.scale), "number"))
                    fail("part is not smaller than the unit before it", start);
            }
            // value of this part = coefficient × 10^(unit - scale)
            const int exponent = (unit < 0 ? 0 : unit);
            int128 coef = p.coefficient;
            int scale = p.scale;
            if (scale >= exponent) {
                scale -= exponent;
            } else {
                coef = checked_mul(coef, pow10(exponent - scale), "number");
                scale = 0;
            }
            // add into the total at a common scale
            if (scale > total_scale) {
                total = checked_mul(total, pow10(scale - total_scale), "number");
                total_scale = scale;
            } else if (scale < total_scale) {
                coef = checked_mul(coef, pow10(total_scale - scale), "number");
            }
            total = checked_add(total, coef, "number");
            if (unit >= 0) out.units = true;
            if (unit < 0 || !is_digit(peek())) break;
            previous_unit = unit;
            previous_had_fraction = has_fraction;
        }
        out.value = decimal(total, total_scale);
    }

    // digits ("," ddd)* ("." digits)?
    part read_part() {
        part p;
        if (!is_digit(peek())) {
            if (at_end()) fail("expected a digit, found the end", i_);
            fail("expected a digit, found '" + current_utf8() + "'", i_);
        }
        std::size_t run = 0;
        while (is_digit(peek())) { push_digit(p); ++run; }
        if (peek() == U',') {
            if (run > 3) fail("a ',' must follow 1 to 3 digits", i_);
            while (peek() == U',') {
                const std::size_t comma = i_;
                ++i_;
                std::size_t n = 0;
                while (is_digit(peek())) { push_digit(p); ++n; }
                if (n != 3) fail("digit groups after ',' must have exactly 3 digits", comma);
            }
        }
        if (peek() == U'.') {
            ++i_;
            if (!is_digit(peek())) fail("expected a digit after '.'", i_);
            while (is_digit(peek())) {
                push_digit(p);
                if (++p.scale > decimal::max_scale) overflow("too many decimal places");
            }
        }
        return p;
    }

    // Returns the unit's power of ten (4, 8, 12) or -1.
    int read_unit() {
        if (accept_word(U"万亿")) return 12;
        if (accept(U'亿')) return 8;
        if (accept(U'万')) return 4;
        return -1;
    }

    void push_digit(part& p) {
        p.coefficient = checked_add(checked_mul(p.coefficient, 10, "number"),
                                    static_cast<int128>(s_[i_] - U'0'), "number");
        ++i_;
    }

    int128 checked_mul(int128 a, int128 b, const char*) const {
        int128 r;
        if (__builtin_mul_overflow(a, b, &r)) overflow("number too large");
        return r;
    }
    int128 checked_add(int128 a, int128 b, const char*) const {
        int128 r;
        if (__builtin_add_overflow(a, b, &r)) overflow("number too large");
        return r;
    }
};

}  // namespace detail

/// Reads any number the grammar above accepts, exactly.
inline number_syntax parse_number(std::string_view text, std::string_view field = "value") {
    return detail::number_reader(text, field).read();
}

/// Reads an exact decimal; "%" divides by 100, 万/亿 multiply.
inline decimal parse_decimal(std::string_view text, std::string_view field = "value") {
    return parse_number(text, field).value;
}

/// How parse_amount treats digits below the 分.
struct amount_parse_options {
    std::string_view field = "amount";  ///< the field an error names
    /// nullopt (the default): more than 2 decimal places is an error.
    /// A mode: round to the 分 with it, explicitly.
    std::optional<rounding> round_excess;
};

/// Converts an exact decimal to 分 under `options`; throws on excess digits or overflow.
inline amount to_amount(const decimal& value, std::string_view text, const amount_parse_options& options) {
    const decimal d = value.normalized();
    int128 fen = 0;
    if (d.scale() <= 2) {
        int128 r;
        if (__builtin_mul_overflow(d.coefficient(), detail::pow10(2 - d.scale()), &r))
            throw overflow_error(std::string(options.field), std::string(text), "amount out of range");
        fen = r;
    } else if (options.round_excess) {
        fen = round_div(d.coefficient(), detail::pow10(d.scale() - 2), *options.round_excess);
    } else {
        throw parse_error(std::string(options.field), std::string(text),
                          "more than 2 decimal places (below 分)");
    }
    if (fen > INT64_MAX || fen <= INT64_MIN)
        throw overflow_error(std::string(options.field), std::string(text),
                             "amount out of range (at most 92233720368547758.07)");
    return amount::from_fen(static_cast<std::int64_t>(fen));
}

namespace detail {

/// parse_amount by the grammar alone, without the plain-number fast path:
/// what the fast path must agree with (the tests compare them).
inline amount parse_amount_general(std::string_view text, const amount_parse_options& options = {}) {
    const number_syntax n = parse_number(text, options.field);
    if (n.percent || n.per_mille)
        throw parse_error(std::string(options.field), std::string(text), "a percentage is not an amount");
    return to_amount(n.value, text, options);
}

/// parse_rate by the grammar alone, without the plain-number fast path.
inline rate parse_rate_general(std::string_view text, std::string_view field = "rate") {
    const number_syntax n = parse_number(text, field);
    if (n.units || n.currency)
        throw parse_error(std::string(field), std::string(text), "a rate cannot carry 万/亿 or a currency");
    const decimal d = n.value.normalized();
    if (d.scale() > rate::places)
        throw parse_error(std::string(field), std::string(text),
                          "a rate has at most 8 decimal places of a percent");
    int128 units;
    if (__builtin_mul_overflow(d.coefficient(), detail::pow10(rate::places - d.scale()), &units) ||
        units > INT64_MAX || units < INT64_MIN)
        throw overflow_error(std::string(field), std::string(text), "rate out of range");
    return rate::from_units(static_cast<std::int64_t>(units));
}

/// The amount of a plain "1234.56": "-"? digits ("." 1-2 digits)?, ASCII,
/// nothing around it; nullopt for any other text. At most 16 digits before
/// the point, so the 分 stay far inside int64 and no check is skipped: a
/// larger amount goes to the general reader, which reports its overflow.
inline std::optional<amount> plain_amount(std::string_view text) {
    const auto n = zjcredit::detail::read_plain_decimal(text, 16, 2);
    if (!n) return std::nullopt;
    return amount::from_fen(n->coefficient * zjcredit::detail::pow10_i64(2 - n->scale));
}

/// The rate of a plain "4.35%" (up to 9 digits before the point, up to 8
/// after) or a plain fraction "0.0435" (up to 8 and 10): within rate::places
/// and int64 by construction; nullopt for any other text.
inline std::optional<rate> plain_rate(std::string_view text) {
    const bool percent = !text.empty() && text.back() == '%';
    if (percent) text.remove_suffix(1);
    const int places = percent ? rate::places - 2 : rate::places;
    const auto n = zjcredit::detail::read_plain_decimal(text, percent ? 9 : 8, static_cast<std::size_t>(places));
    if (!n) return std::nullopt;
    return rate::from_units(n->coefficient * zjcredit::detail::pow10_i64(places - n->scale));
}

}  // namespace detail

/// Reads an amount of money: "1,234.56", "2.2亿元", "人民币1000万元", "-12.5".
/// A plain "1234.56" is read directly; the value and every error are the
/// general reader's.
inline amount parse_amount(std::string_view text, const amount_parse_options& options = {}) {
    if (const auto a = detail::plain_amount(text)) return *a;
    return detail::parse_amount_general(text, options);
}

/// Reads a rate: "4.35%", "0.5‰" or "0.0435" (a bare number is a fraction,
/// as JSON records document it). Units and currencies are refused, and so is
/// precision finer than 10 decimal places of the fraction. A plain "4.35%" or
/// "0.0435" is read directly; the value and every error are the general
/// reader's.
inline rate parse_rate(std::string_view text, std::string_view field = "rate") {
    if (const auto r = detail::plain_rate(text)) return *r;
    return detail::parse_rate_general(text, field);
}

/// What a bare number (no "%" or "‰") in a rate's text is: not known, a
/// number of percent, or a fraction. Banks' tables write both; the unit is
/// never guessed, so it must be declared (by the column's header, or by the
/// caller, e.g. the CLI's --rate-unit).
enum class rate_unit { undeclared, percent, fraction };

/// Reads a rate under a declared unit. Text with "%" or "‰" is read as
/// written, whatever `unit` says. A bare number is that many percent under
/// `percent` ("0.8" is 0.8%), a fraction under `fraction` ("0.0435" is
/// 4.35%), and under `undeclared` a parse_error quoting the text as written.
/// Every other error is parse_rate's.
inline rate parse_rate(std::string_view text, rate_unit unit, std::string_view field) {
    const number_syntax n = parse_number(text, field);  // any syntax error, as parse_rate reports it
    if (n.percent || n.per_mille || unit == rate_unit::fraction) return parse_rate(text, field);
    if (unit == rate_unit::undeclared)
        throw parse_error(std::string(field), std::string(text),
                          "bare number: its unit is not known; write \"" + n.value.normalized().to_string() +
                              "%\" if it is a percent, or declare the unit (a header such as 利率(%), or "
                              "--rate-unit percent|fraction)");
    // A number of percent: the text read as a fraction, then scaled down by
    // 100 exactly (a fraction of up to 8 places is a percent of up to 10
    // places, the scale; finer is refused as parse_rate refuses it).
    if (n.units || n.currency)
        throw parse_error(std::string(field), std::string(text), "a rate cannot carry 万/亿 or a currency");
    const decimal d = n.value.normalized();
    if (d.scale() > rate::places - 2)
        throw parse_error(std::string(field), std::string(text), "a rate has at most 8 decimal places of a percent");
    int128 units;
    if (__builtin_mul_overflow(d.coefficient(), detail::pow10(rate::places - 2 - d.scale()), &units) ||
        units > INT64_MAX || units < INT64_MIN)
        throw overflow_error(std::string(field), std::string(text), "rate out of range");
    return rate::from_units(static_cast<std::int64_t>(units));
}

}  // namespace zjcredit::money

#endif
