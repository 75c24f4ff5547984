// Calendar dates for the plan's windows and deadlines: boost::gregorian::date
// read strictly from the forms people write ("2022-04-01", "2022/4/1",
// "2022年4月1日", full width too), written back as ISO 8601, and mapped to
// day numbers for the batch API.
//
// Grammar (after folding full-width forms and trimming spaces at both ends):
//
//     text  := year sep month sep day       -- the same sep ('-' or '/') twice
//            | year "年" month "月" day "日"
//     year  := 4 digits                     -- 1400..9999, Boost's range
//     month := 1 or 2 digits                -- 1..12
//     day   := 1 or 2 digits                -- 1..the month's last day
//
// Nothing else is a date: no spaces inside, no times, no two-digit years,
// no Chinese numerals. (parse_table_date, for the cells of banks' tables,
// also reads "20220401" and a trailing midnight "00:00:00".) Errors name the
// field, the text and the position (0-based, in characters). No Boost exception ever leaves this header.
#ifndef ZJCREDIT_DATES_DATE_HPP
#define ZJCREDIT_DATES_DATE_HPP

#include <zjcredit/detail/text_cursor.hpp>
#include <zjcredit/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <gsl/narrow>

#include <bit>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace zjcredit::dates {

/// A calendar day: Boost.Date_Time's Gregorian date, which may also hold the
/// special values (not_a_date_time, ±infinity) that the parsers never return.
using date = boost::gregorian::date;

/// First year of Boost.Date_Time's range; the parser and the day numbers stay inside it.
inline constexpr int min_year = 1400;
/// Last year of Boost.Date_Time's range.
inline constexpr int max_year = 9999;

namespace detail {

/// "2022-04-01" for a plain date; the caller has ruled out special values.
inline std::string iso(const date& d) {
    const auto ymd = d.year_month_day();
    const int y = ymd.year;  // 1400..9999: four digits
    const int m = ymd.month;
    const int dd = ymd.day;
    const char text[10] = {static_cast<char>('0' + y / 1000),     static_cast<char>('0' + y / 100 % 10),
                           static_cast<char>('0' + y / 10 % 10),  static_cast<char>('0' + y % 10),
                           '-',
                           static_cast<char>('0' + m / 10),       static_cast<char>('0' + m % 10),
                           '-',
                           static_cast<char>('0' + dd / 10),      static_cast<char>('0' + dd % 10)};
    return std::string(text, sizeof text);
}

/// Rejects not_a_date_time and ±infinity: the model never stores them, so a
/// special value reaching an API is a caller's bug reported as such.
inline void require_plain(const date& d, std::string_view field) {
    if (d.is_special())
        throw validation_error(std::string(field), std::string(), "not a calendar date (a special Boost value)");
}

/// Days in `month` of `year` (Gregorian); arguments already range-checked.
inline int days_in_month(int year, int month) noexcept {
    static constexpr int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    // a multiple of 4, and of 16 when it is one of 100 (as of 400 then)
    if (month == 2 && (year & 3) == 0 && (year % 100 != 0 || (year & 15) == 0)) return 29;
    return days[month - 1];
}

/// Builds a date from checked parts. Boost validates again and throws
/// std::out_of_range subclasses; converting here keeps our error contract even
/// if the checks above it were ever wrong.
inline date make_date(int year, int month, int day, std::string_view field, std::string_view text) {
    try {
        return date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                     static_cast<unsigned short>(day));
    } catch (const std::exception& e) {
        throw validation_error(std::string(field), std::string(text), std::string("invalid date: ") + e.what());
    }
}

class date_reader : zjcredit::detail::text_cursor {
public:
    using text_cursor::text_cursor;

    date read() {
        skip_spaces();
        if (at_end()) fail("empty text", i_);

        const std::size_t year_pos = i_;
        const int year = read_number(4, 4, "year");

        const std::size_t sep_pos = i_;
        const char32_t sep = peek();
        const bool chinese = sep == U'年';
        if (sep != U'-' && sep != U'/' && !chinese) {
            if (at_end()) fail("expected '-', '/' or '年' after the year, found the end", i_);
            fail("expected '-', '/' or '年' after the year, found '" + current_utf8() + "'", i_);
        }
        ++i_;

        const std::size_t month_pos = i_;
        const int month = read_number(1, 2, "month");
        expect(chinese ? U'月' : sep, sep_pos);

        const std::size_t day_pos = i_;
        const int day = read_number(1, 2, "day");
        if (chinese) expect(U'日', sep_pos);

        skip_spaces();
        if (!at_end()) fail("unexpected '" + current_utf8() + "'", i_);

        if (year < min_year)
            fail("year " + std::to_string(year) + " is outside the supported range " +
                     std::to_string(min_year) + ".." + std::to_string(max_year),
                 year_pos);
        if (month < 1 || month > 12) fail("month " + std::to_string(month) + " does not exist", month_pos);
        const int last = days_in_month(year, month);
        if (day < 1 || day > last)
            fail(std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) +
                     " has no day " + std::to_string(day) + " (it has " + std::to_string(last) + ")",
                 day_pos);
        return make_date(year, month, day, field_, text_);
    }

private:
    // Reads min..max ASCII digits; more digits than `max` is an error rather
    // than a silent split ("2022-041" is not April).
    int read_number(std::size_t min, std::size_t max, const char* what) {
        const std::size_t start = i_;
        int value = 0;
        while (is_digit(peek())) {
            if (i_ - start == max)
                fail(std::string(what) + " has more than " + std::to_string(max) + " digits", start);
            value = value * 10 + static_cast<int>(s_[i_] - U'0');
            ++i_;
        }
        const std::size_t n = i_ - start;
        if (n == 0) {
            if (at_end()) fail(std::string("expected the ") + what + ", found the end", i_);
            fail(std::string("expected the ") + what + ", found '" + current_utf8() + "'", i_);
        }
        if (n < min) fail(std::string(what) + " must have " + std::to_string(min) + " digits", start);
        return value;
    }

    // `first_sep` is where the first separator stood, named when they differ.
    void expect(char32_t c, std::size_t first_sep) {
        if (peek() == c) {
            ++i_;
            return;
        }
        std::string want;
        zjcredit::detail::append_utf8(want, c);
        std::string why = "expected '" + want + "'";
        if (c == U'-' || c == U'/') why += " to match the separator at position " + std::to_string(first_sep);
        if (at_end()) fail(why + ", found the end", i_);
        fail(why + ", found '" + current_utf8() + "'", i_);
    }
};

/// parse_date by the grammar alone, without the plain-date fast path: what
/// the fast path must agree with (the tests compare them).
inline date parse_date_general(std::string_view text, std::string_view field = "date") {
    return date_reader(text, field).read();
}

/// A calendar day as its three numbers.
struct civil_day {
    int year;
    int month;
    int day;
};

/// Days since 1970-01-01 of an existing Gregorian day, counted directly:
/// years from 1 March (so that a leap day ends its year), whole 400-year
/// cycles of 146,097 days, then the years, the days before the month
/// ((153 m + 2) / 5 for month m counted from March = 0) and the day inside
/// the cycle. Equal to to_day_number() of the same day (the tests compare
/// every day of the range).
constexpr std::int32_t days_since_epoch(civil_day d) noexcept {
    const int y = d.year - (d.month <= 2 ? 1 : 0);  // 1400..9999: never negative
    const int cycle = y / 400;
    const int year_of_cycle = y - cycle * 400;
    const int month_from_march = d.month > 2 ? d.month - 3 : d.month + 9;
    const int day_of_year = (153 * month_from_march + 2) / 5 + d.day - 1;
    const int day_of_cycle = year_of_cycle * 365 + year_of_cycle / 4 - year_of_cycle / 100 + day_of_year;
    return cycle * 146097 + day_of_cycle - 719468;  // 719,468: days from 0000-03-01 to 1970-01-01
}

/// Not a day number: what plain_day_number returns for any other text.
inline constexpr std::int32_t not_plain = std::numeric_limits<std::int32_t>::min();

/// The day number (days_since_epoch) of a plain "2022-04-01" or "2022/04/01"
/// (ten ASCII bytes, two digits for the month and the day) that exists in
/// the supported range; not_plain for any other text, left to the general
/// reader and its errors. (A plain integer rather than an optional, which
/// compilers return through memory.)
///
/// Dates are most of the cells of a bank's table, so the eight digits are
/// checked and read together: the first eight bytes as one integer, its
/// separators set to '0', '0' taken from every byte; a byte was a digit when
/// it is now below 10, which the top bit of (byte + 0x76) | byte tells for
/// all of them at once (a byte below '0' borrows and sets its own top bit,
/// so the check holds whatever the other bytes are).
inline std::int32_t plain_day_number(std::string_view s) noexcept {
    if (s.size() != 10 || s[4] != s[7] || (s[4] != '-' && s[4] != '/')) return not_plain;
    constexpr std::uint64_t zeros = 0x3030303030303030ULL;      // '0' in every byte
    constexpr std::uint64_t digit_bytes = 0x00FFFF00FFFFFFFFULL;  // YYYY and MM of "YYYY-MM-"
    constexpr std::uint64_t tops = 0x8080808080808080ULL;
    // Byte k of the integers is character k: one load where memory is in that order.
    std::uint64_t ymd = 0;
    if constexpr (std::endian::native == std::endian::little)
        std::memcpy(&ymd, s.data(), 8);
    else
        for (int k = 7; k >= 0; --k) ymd = ymd << 8 | static_cast<unsigned char>(s[static_cast<std::size_t>(k)]);
    auto dd = static_cast<std::uint16_t>(static_cast<unsigned char>(s[9]) << 8 | static_cast<unsigned char>(s[8]));
    ymd = ((ymd & digit_bytes) | (zeros & ~digit_bytes)) - zeros;
    dd = static_cast<std::uint16_t>(dd - 0x3030U);
    if ((((ymd + 0x7676767676767676ULL) | ymd) & tops) != 0 || (((dd + 0x7676U) | dd) & 0x8080U) != 0)
        return not_plain;
    const auto byte = [](std::uint64_t v, int k) { return static_cast<int>((v >> (8 * k)) & 0xFF); };
    const int year = byte(ymd, 0) * 1000 + byte(ymd, 1) * 100 + byte(ymd, 2) * 10 + byte(ymd, 3);
    const int month = byte(ymd, 5) * 10 + byte(ymd, 6);
    const int day = byte(dd, 0) * 10 + byte(dd, 1);
    if (year < min_year || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return not_plain;
    return days_since_epoch({year, month, day});
}

/// The date of a plain "2022-04-01" (plain_day_number); nullopt for any
/// other text. Counted from the epoch, as to_day_number counts back: Boost's
/// checked constructor would only check again what has been checked.
inline std::optional<date> plain_date(std::string_view s) {
    const std::int32_t n = plain_day_number(s);
    if (n == not_plain) return std::nullopt;
    static const date epoch(1970, 1, 1);
    return epoch + boost::gregorian::date_duration(n);
}

}  // namespace detail

/// Reads a date in one of the forms in the grammar above; anything else,
/// including an impossible date ("2022-02-30", month 13, year 0), is a
/// parse_error naming `field`, the text and, where it helps, the position.
/// A plain "2022-04-01" is read directly; the value and every error are the
/// general reader's.
inline date parse_date(std::string_view text, std::string_view field = "date") {
    if (const auto d = detail::plain_date(text)) return *d;
    return detail::parse_date_general(text, field);
}

namespace detail {

inline bool is_ascii_digits(std::string_view s) noexcept {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}

inline std::string_view trim_ascii_spaces(std::string_view s) noexcept {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

/// A time of day as spreadsheets append it: digits and ':' with at least one ':'.
inline bool looks_like_time(std::string_view s) noexcept {
    bool colon = false;
    for (char c : s) {
        if (c == ':')
            colon = true;
        else if (c < '0' || c > '9')
            return false;
    }
    return colon;
}

}  // namespace detail

/// Reads a date cell of a bank's table (CSV, xlsx): what parse_date reads,
/// and also "20220401" (eight digits, yyyymmdd), each optionally followed by
/// " 00:00:00" or " 00:00", the midnight that spreadsheets add to a date. A
/// date with another time of day is a parse_error (a day is expected, not
/// an instant); every error quotes the whole text. parse_date itself, the
/// reader of JSON records, stays strict.
inline date parse_table_date(std::string_view text, std::string_view field = "date") {
    if (const auto d = detail::plain_date(text)) return *d;  // the common cell, as parse_date reads it
    std::string_view day_part = text;  // leading spaces kept: positions in errors are positions in `text`
    const std::string_view trimmed = detail::trim_ascii_spaces(text);
    if (const std::size_t space = trimmed.rfind(' '); space != std::string_view::npos) {
        const std::string_view time = trimmed.substr(space + 1);
        if (detail::looks_like_time(time)) {
            if (time != "00:00" && time != "00:00:00")
                throw parse_error(std::string(field), std::string(text),
                                  "a date without a time of day is expected (only midnight, 00:00 or 00:00:00, may "
                                  "follow it)");
            day_part = text.substr(0, static_cast<std::size_t>(trimmed.data() - text.data()) + space);
        }
    }
    const std::string_view bare = detail::trim_ascii_spaces(day_part);
    if (bare.size() == 8 && detail::is_ascii_digits(bare)) {
        const std::string iso = std::string(bare.substr(0, 4)) + "-" + std::string(bare.substr(4, 2)) + "-" +
                                std::string(bare.substr(6, 2));
        if (const auto d = detail::plain_date(iso)) return *d;
        throw parse_error(std::string(field), std::string(text),
                          "eight digits are read as yyyymmdd, and " + iso + " is not a date in 1400..9999");
    }
    try {
        return parse_date(day_part, field);
    } catch (const parse_error& e) {
        if (day_part.size() == text.size()) throw;
        throw parse_error(std::string(field), std::string(text), e.detail(), e.position());
    }
}

/// to_day_number(parse_table_date(text, field)): the day number of a date
/// cell, a plain "2022-04-01" counted without building a date (the batch
/// columns read from a bank's table take millions of them).
inline std::int32_t parse_table_day_number(std::string_view text, std::string_view field = "date");

/// ISO 8601 "2022-04-01". Throws validation_error for Boost's special values
/// so "not-a-date-time" can never end up in a receipt.
inline std::string to_string(const date& d) {
    detail::require_plain(d, "date");
    return detail::iso(d);
}

/// Days since 1970-01-01 (negative before it), the form dates take in the
/// batch API. 1400-01-01..9999-12-31 maps to -208188..2932896.
inline std::int32_t to_day_number(const date& d) {
    detail::require_plain(d, "date");
    static const date epoch(1970, 1, 1);
    return gsl::narrow<std::int32_t>((d - epoch).days());  // always fits: 1400..9999 is ±3 million days
}

inline std::int32_t parse_table_day_number(std::string_view text, std::string_view field) {
    if (const std::int32_t n = detail::plain_day_number(text); n != detail::not_plain) return n;
    return to_day_number(parse_table_date(text, field));
}

/// The inverse of to_day_number; numbers outside Boost's year range are a
/// validation_error rather than a wrapped or special date.
inline date from_day_number(std::int32_t n, std::string_view field = "day_number") {
    static constexpr std::int32_t first = -208188;  // 1400-01-01
    static constexpr std::int32_t last = 2932896;   // 9999-12-31
    if (n < first || n > last)
        throw validation_error(std::string(field), std::to_string(n),
                               "day number outside " + std::to_string(first) + ".." + std::to_string(last) +
                                   " (1400-01-01..9999-12-31)");
    static const date epoch(1970, 1, 1);
    return epoch + boost::gregorian::date_duration(n);
}

}  // namespace zjcredit::dates

#endif
