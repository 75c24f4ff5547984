// The plain-date fast path of parse_date (date.hpp) against the general
// reader it stands in for (detail::parse_date_general): for every text the
// same date or the same error (class, code, field, text, message, position).
// Each case also says whether the fast path answers at all. Day numbers
// worked by hand: 2022-01-01 is 52 × 365 + 13 leap days = 18993 days after
// 1970-01-01, so 2022-04-01 is 18993 + 31 + 28 + 31 = 19083; 2000-01-01 is
// 30 × 365 + 7 = 10957; 2024-01-01 is 18993 + 730 = 19723.
#include "../parse_outcome.hpp"

#include <zjcredit/dates/date.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

using zjcredit::parse_error;
using zjcredit::dates::parse_date;
using zjcredit::dates::to_day_number;
using zjcredit::test::outcome_of;
using zjcredit::test::parse_outcome;
namespace detail = zjcredit::dates::detail;

namespace {

parse_outcome date_outcome(std::string_view text) {
    return outcome_of([&] { return std::int64_t{to_day_number(parse_date(text, "application_date"))}; });
}
parse_outcome general_date_outcome(std::string_view text) {
    return outcome_of(
        [&] { return std::int64_t{to_day_number(detail::parse_date_general(text, "application_date"))}; });
}

struct date_case {
    std::string_view text;
    bool fast;
    std::optional<std::int64_t> day;  ///< nullopt: a parse_error
};

}  // namespace

TEST_CASE("parse_date: the fast path and the general reader agree on hand-picked texts") {
    const std::vector<date_case> cases = {
        {"2022-04-01", true, 19083},
        {"2022/04/01", true, 19083},
        {"1970-01-01", true, 0},
        {"2024-02-29", true, 19723 + 31 + 28},  // a leap year
        {"2000-02-29", true, 10957 + 31 + 28},  // divisible by 400: a leap year
        {"1400-01-01", true, -208188},          // the first day supported
        {"9999-12-31", true, 2932896},          // the last
        {"2022-4-1", false, 19083},             // one-digit month and day: the general reader
        {"2022-04-1", false, 19083},
        {"2022年4月1日", false, 19083},
        {"２０２２－０４－０１", false, 19083},  // full width
        {"2022-04-01 ", false, 19083},          // spaces at either end are trimmed
        {" 2022-04-01", false, 19083},
        {"2022-02-29", false, std::nullopt},    // 2022 is not a leap year
        {"1900-02-29", false, std::nullopt},    // divisible by 100, not by 400
        {"2022-04-31", false, std::nullopt},
        {"2022-13-01", false, std::nullopt},
        {"2022-00-10", false, std::nullopt},
        {"2022-04-00", false, std::nullopt},
        {"1399-12-31", false, std::nullopt},    // before Boost's range
        {"0000-01-01", false, std::nullopt},
        {"2022-04/01", false, std::nullopt},    // two different separators
        {"2022/04-01", false, std::nullopt},
        {"20220401", false, std::nullopt},
        {"2022-04-01T00", false, std::nullopt},
        {"+022-04-01", false, std::nullopt},
        {"2022-+4-01", false, std::nullopt},
        {"2022.04.01", false, std::nullopt},
        {"", false, std::nullopt},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const parse_outcome got = date_outcome(c.text);
        CHECK(got == general_date_outcome(c.text));
        CHECK(detail::plain_date(c.text).has_value() == c.fast);
        if (c.day) {
            CHECK(got.value == c.day);
        } else {
            CHECK(!got.value);
            CHECK(got.error_type == typeid(parse_error).name());
            CHECK(got.field == "application_date");
            CHECK(got.text == c.text);
        }
    }
}

TEST_CASE("parse_date: both paths agree on every month 00..13 and day 00..32 of some years") {
    std::size_t fast = 0;
    std::size_t texts = 0;
    for (const char* year : {"0000", "1399", "1400", "1900", "2000", "2022", "2024", "9999"})
        for (int m = 0; m <= 13; ++m)
            for (int d = 0; d <= 32; ++d)
                for (const char* seps : {"--", "//", "-/", "-.", "- "}) {
                    const std::string text = std::string(year) + seps[0] + (m < 10 ? "0" : "") + std::to_string(m) +
                                             seps[1] + (d < 10 ? "0" : "") + std::to_string(d);
                    ++texts;
                    if (date_outcome(text) != general_date_outcome(text))
                        FAIL_CHECK("dates differ on \"" << text << "\"");
                    fast += detail::plain_date(text) ? 1 : 0;
                }
    // Every existing day of 2022 and of 2024 (365 + 366), in both separators,
    // and those of 1400, 1900, 2000 and 9999 (365 + 365 + 366 + 365).
    CHECK(fast == 2 * (365 + 366 + 365 + 365 + 366 + 365));
    CHECK(texts == 8 * 14 * 33 * 5);
}

TEST_CASE("a plain date cell's day number, counted directly, is to_day_number of its date") {
    using zjcredit::dates::parse_table_day_number;
    // Worked by hand (see the top of this file) and with Python's datetime.date.
    CHECK(parse_table_day_number("1970-01-01") == 0);
    CHECK(parse_table_day_number("2022-04-01") == 19083);
    CHECK(parse_table_day_number("2022/04/01") == 19083);
    CHECK(parse_table_day_number("2000-02-29") == 11016);
    CHECK(parse_table_day_number("2000-03-01") == 11017);
    CHECK(parse_table_day_number("1900-03-01") == -25508);
    CHECK(parse_table_day_number("1400-01-01") == -208188);
    CHECK(parse_table_day_number("9999-12-31") == 2932896);
    // Every day of the supported range, against Boost's count.
    const zjcredit::dates::date first(1400, 1, 1);
    const zjcredit::dates::date last(9999, 12, 31);
    std::size_t differ = 0;
    std::size_t days = 0;
    for (zjcredit::dates::date d = first; d <= last; d += boost::gregorian::date_duration(1), ++days) {
        const auto ymd = d.year_month_day();
        const detail::civil_day plain{ymd.year, ymd.month, ymd.day};
        if (detail::days_since_epoch(plain) != to_day_number(d)) ++differ;
    }
    CHECK(differ == 0);
    CHECK(days == 2932896 + 208188 + 1);
    // The other forms of a cell go the general way, with its errors.
    CHECK(parse_table_day_number("20220401") == 19083);
    CHECK(parse_table_day_number("2022年4月1日 00:00") == 19083);
    CHECK_THROWS_AS(parse_table_day_number("2022-02-29", "起息日"), parse_error);
}

TEST_CASE("the fast path reads its eight digits together: any one byte changed, both paths still agree") {
    // Every byte value at every position of three plain dates (a month and
    // a day with a leading 0 among them: "0:" would read as 10): a byte below
    // '0', a letter, a byte of UTF-8, NUL, a separator in a digit's place,
    // a digit in a separator's place. The bytes are checked eight at a time,
    // so a wrong byte must not hide behind (or spoil) its neighbours. The
    // fast path must answer exactly for the texts of the plain shape (ten
    // bytes, digits where digits stand, the same '-' or '/' twice) that the
    // general reader reads as a date: `expected` counts them by that rule.
    constexpr std::array<std::size_t, 8> digit_at{0, 1, 2, 3, 5, 6, 8, 9};
    std::size_t fast = 0;
    std::size_t expected = 0;
    for (const std::string_view plain : {"2024-02-29", "1999/12/31", "2000-01-05"})
        for (std::size_t at = 0; at < plain.size(); ++at)
            for (int b = 0; b < 256; ++b) {
                std::string text(plain);
                text[at] = static_cast<char>(b);
                if (date_outcome(text) != general_date_outcome(text))
                    FAIL_CHECK("dates differ on byte " << b << " at " << at << " of " << plain);
                fast += detail::plain_date(text) ? 1 : 0;
                const bool is_date = general_date_outcome(text).value.has_value();
                const bool digits = std::all_of(digit_at.begin(), digit_at.end(),
                                                [&](std::size_t k) { return text[k] >= '0' && text[k] <= '9'; });
                const bool separators = text[4] == text[7] && (text[4] == '-' || text[4] == '/');
                expected += is_date && digits && separators ? 1 : 0;
            }
    CHECK(fast == expected);
    CHECK(fast > 20);  // the originals themselves, at each of their 10 positions, and more
}

TEST_CASE("every day of the supported range, written plainly, reads back as its own day number") {
    using zjcredit::dates::parse_table_day_number;
    const zjcredit::dates::date first(1400, 1, 1);
    const zjcredit::dates::date last(9999, 12, 31);
    std::size_t differ = 0;
    for (zjcredit::dates::date d = first; d <= last; d += boost::gregorian::date_duration(1)) {
        const std::string text = detail::iso(d);
        const std::int32_t n = to_day_number(d);
        if (parse_table_day_number(text) != n || to_day_number(parse_date(text)) != n) ++differ;
    }
    CHECK(differ == 0);
}
