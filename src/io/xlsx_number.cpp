// The text Excel shows for a number cell of an .xlsx: exact decimal rounding
// of the stored text, date serials, and which number formats are dates.
// Never through a double: the stored text is already the double's shortest
// decimal, and rounding it again in binary could move a half-way digit.
#include "xlsx_reader.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cctype>
#include <cstdint>

namespace zjcredit::io {

namespace {

/// Excel shows at most 15 significant digits of a number.
constexpr std::size_t excel_digits = 15;

/// A decimal value: (negative ? -1 : 1) × digits × 10^exponent; `digits`
/// has no leading or trailing zeros (empty for zero).
struct decimal_text {
    bool negative = false;
    std::string digits;
    long exponent = 0;
};

[[noreturn]] void bad_number(std::string_view stored, const std::string& cell, const std::string& why) {
    throw parse_error(cell, std::string(stored), why);
}

void strip_zeros(decimal_text& d) {
    const auto first = d.digits.find_first_not_of('0');
    if (first == std::string::npos) {
        d.digits.clear();
        d.exponent = 0;
        return;
    }
    d.digits.erase(0, first);
    const auto last = d.digits.find_last_not_of('0');
    d.exponent += static_cast<long>(d.digits.size() - 1 - last);
    d.digits.erase(last + 1);
}

/// The stored text of a number: [+-]digits[.digits][(e|E)[+-]digits].
decimal_text parse_stored(std::string_view s, const std::string& cell) {
    decimal_text d;
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) d.negative = s[i++] == '-';
    bool any_digit = false;
    bool point = false;
    long fraction = 0;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (c >= '0' && c <= '9') {
            any_digit = true;
            if (d.digits.size() > 400) bad_number(s, cell, "a number with too many digits");
            d.digits += c;
            if (point) ++fraction;
        } else if (c == '.' && !point) {
            point = true;
        } else {
            break;
        }
    }
    if (!any_digit) bad_number(s, cell, "not a number");
    long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        bool exp_negative = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) exp_negative = s[i++] == '-';
        if (i == s.size()) bad_number(s, cell, "not a number");
        for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > 10000) bad_number(s, cell, "a number beyond what a cell shows as plain digits");
        }
        if (exp_negative) exponent = -exponent;
    }
    if (i != s.size()) bad_number(s, cell, "not a number");
    d.exponent = exponent - fraction;
    strip_zeros(d);
    return d;
}

/// Rounds to `digits` significant digits, half away from zero (Excel's).
void round_significant(decimal_text& d, std::size_t digits) {
    if (d.digits.size() <= digits) return;
    const bool up = d.digits[digits] >= '5';
    d.exponent += static_cast<long>(d.digits.size() - digits);
    d.digits.resize(digits);
    if (up) {
        std::size_t k = d.digits.size();
        while (k > 0 && d.digits[k - 1] == '9') d.digits[--k] = '0';
        if (k == 0) d.digits.insert(d.digits.begin(), '1');
        else ++d.digits[k - 1];
    }
    strip_zeros(d);
}

/// The integer and fraction digits of a rounded value ("0" for no integer part).
void split(const decimal_text& d, std::string& integer, std::string& fraction) {
    const long n = static_cast<long>(d.digits.size());
    if (d.exponent >= 0) {
        integer = d.digits + std::string(static_cast<std::size_t>(d.exponent), '0');
        fraction.clear();
    } else if (n + d.exponent > 0) {
        integer = d.digits.substr(0, static_cast<std::size_t>(n + d.exponent));
        fraction = d.digits.substr(static_cast<std::size_t>(n + d.exponent));
    } else {
        integer = "0";
        fraction = std::string(static_cast<std::size_t>(-(n + d.exponent)), '0') + d.digits;
    }
}

/// The rounded value of a number cell, refused when its plain text would be absurd.
decimal_text shown_value(std::string_view stored, const std::string& cell) {
    decimal_text d = parse_stored(stored, cell);
    round_significant(d, excel_digits);
    const long n = static_cast<long>(d.digits.size());
    constexpr long most = limits::max_decimal_places;
    if (!d.digits.empty() && (n + d.exponent > most || -d.exponent > most))
        bad_number(stored, cell,
                   "a number beyond what a cell shows as plain digits (more than " + std::to_string(most) +
                       " digits before or after the point)");
    return d;
}

/// A rounded value as plain decimal text: no exponent, no trailing zeros.
std::string plain_text(const decimal_text& d) {
    if (d.digits.empty()) return "0";
    std::string integer;
    std::string fraction;
    split(d, integer, fraction);
    std::string out = d.negative ? "-" : "";
    out += integer;
    if (!fraction.empty()) out += "." + fraction;
    return out;
}

/// Two digits of a time of day (0-59).
std::string two(long v) { return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)}; }

}  // namespace

std::string xlsx_number_text(std::string_view stored, const std::string& cell) {
    return plain_text(shown_value(stored, cell));
}

std::string xlsx_percent_text(std::string_view stored, const std::string& cell) {
    decimal_text d = shown_value(stored, cell);
    if (!d.digits.empty()) d.exponent += 2;  // × 100, exactly
    return plain_text(d) + "%";
}

std::string xlsx_serial_text(std::string_view stored, bool date1904, const std::string& cell) {
    const decimal_text d = shown_value(stored, cell);
    std::string integer = "0";
    std::string fraction;
    if (!d.digits.empty()) split(d, integer, fraction);
    const long first = date1904 ? 0 : 1;
    // The last day Excel has: 9999-12-31, serial 2958465 (1900) or 2957003 (1904).
    const long last = date1904 ? 2957003 : 2958465;
    if (d.negative && !d.digits.empty())
        bad_number(stored, cell, "a date serial before the first day of Excel's calendar");
    if (integer.size() > 7) bad_number(stored, cell, "a date serial after 9999-12-31, Excel's last day");
    long day = std::stol(integer);
    if (day < first) bad_number(stored, cell, "a date serial before 1900-01-01, the first day of Excel's calendar");
    // The time of day to the second, half up: fraction × 86400. At least one
    // of the 15 significant digits is in the integer part here, so the
    // fraction has at most 14 digits and the product fits 64 bits.
    std::uint64_t seconds = 0;
    if (!fraction.empty()) {
        std::uint64_t num = std::stoull(fraction);
        std::uint64_t den = 1;
        for (std::size_t k = 0; k < fraction.size(); ++k) den *= 10;
        seconds = (num * 86400 + den / 2) / den;
        if (seconds == 86400) {
            seconds = 0;
            ++day;
        }
    }
    if (day > last) bad_number(stored, cell, "a date serial after 9999-12-31, Excel's last day");
    if (!date1904 && day == 60)
        bad_number(stored, cell, "date serial 60, Excel's 1900-02-29, a day that never was");
    namespace greg = boost::gregorian;
    // Excel's 1900 system counts 1900-02-29 as a day: serials from 61 on are
    // one day behind a plain count from 1899-12-31.
    const greg::date base = date1904 ? greg::date(1904, 1, 1) : day < 60 ? greg::date(1899, 12, 31) : greg::date(1899, 12, 30);
    const greg::date date = base + greg::days(day);
    std::string out = greg::to_iso_extended_string(date);
    if (seconds != 0) {
        const auto s = static_cast<long>(seconds);
        out += " " + two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60);
    }
    return out;
}

namespace {

/// Whether `is_code(c)` holds for a character of a number format code that
/// is a code: not quoted text, [brackets], a \-escaped character or the
/// character after a _ or * filler. An unclosed quote or bracket: false.
template <class Predicate>
bool any_code_character(std::string_view code, Predicate is_code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '"') {
            const auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
        } else if (c == '[') {
            const auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is shown (or used as a filler), not a code
        } else if (is_code(c)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool xlsx_is_date_format(std::string_view code) {
    return any_code_character(code, [](char c) {
        switch (std::tolower(static_cast<unsigned char>(c))) {
            case 'y': case 'm': case 'd': case 'h': case 's': return true;
            default: return false;
        }
    });
}

bool xlsx_is_percent_format(std::string_view code) {
    return any_code_character(code, [](char c) { return c == '%'; });
}

}  // namespace zjcredit::io
