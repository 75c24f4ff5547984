// ledger::year_month: the month a 工作台账 reports on ("当月《工作台账》"),
// written "2022-09" and read from the forms people type ("2022-9",
// "2022/09", "2022年9月", full width too).
#ifndef ZJCREDIT_LEDGER_MONTH_HPP
#define ZJCREDIT_LEDGER_MONTH_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>

#include <compare>
#include <string>
#include <string_view>

namespace zjcredit::ledger {

/// A calendar month. Always valid: the constructor refuses a month outside
/// 1..12 or a year outside dates::min_year..dates::max_year. There is no
/// default month on purpose: a ledger row without its month is a bug.
class year_month {
public:
    /// The month `month` (1..12) of `year`; validation_error naming "month"
    /// or "year" outside those ranges.
    year_month(int year, int month) : year_(year), month_(month) {
        if (month < 1 || month > 12) throw validation_error("month", std::to_string(month), "must be 1..12");
        if (year < dates::min_year || year > dates::max_year)
            throw validation_error("year", std::to_string(year),
                                   "must be " + std::to_string(dates::min_year) + ".." +
                                       std::to_string(dates::max_year));
    }

    /// The month a day falls in.
    static year_month of(const dates::date& d) {
        dates::detail::require_plain(d, "date");
        const auto ymd = d.year_month_day();
        return year_month(static_cast<int>(ymd.year), static_cast<int>(ymd.month));
    }

    /// The year, dates::min_year..dates::max_year.
    int year() const noexcept { return year_; }
    /// The month, 1..12.
    int month() const noexcept { return month_; }

    /// The month's 1st.
    dates::date first_day() const { return dates::detail::make_date(year_, month_, 1, "month", text()); }
    /// The month's last day (28th to 31st).
    dates::date last_day() const {
        return dates::detail::make_date(year_, month_, dates::detail::days_in_month(year_, month_), "month", text());
    }

    /// The month after this one; validation_error after 9999-12.
    year_month next() const { return month_ == 12 ? year_month(year_ + 1, 1) : year_month(year_, month_ + 1); }

    /// Field by field.
    friend bool operator==(const year_month&, const year_month&) = default;
    /// Earlier months first: by year, then month.
    friend std::strong_ordering operator<=>(const year_month&, const year_month&) = default;

private:
    std::string text() const { return std::to_string(year_) + "-" + std::to_string(month_); }

    int year_;
    int month_;
};

/// "2022-09".
inline std::string to_string(const year_month& m) {
    std::string out = std::to_string(m.year());
    out += m.month() < 10 ? "-0" : "-";
    out += std::to_string(m.month());
    return out;
}

/// "2022年9月", as the plan writes months.
inline std::string to_chinese(const year_month& m) {
    return std::to_string(m.year()) + "年" + std::to_string(m.month()) + "月";
}

namespace detail {
[[noreturn]] inline void month_error(std::string_view text, std::string_view field, const std::string& message,
                                     std::size_t at) {
    throw parse_error(std::string(field), std::string(text), message, at);
}
}  // namespace detail

/// Reads "2022-09", "2022-9", "2022/09" or "2022年9月" (full-width digits and
/// separators folded, spaces at both ends ignored). Anything else, including
/// a day ("2022-09-25") or month 13, is a parse_error naming `field`, the
/// text and the position (in characters).
inline year_month parse_year_month(std::string_view text, std::string_view field = "month") {
    std::u32string s = zjcredit::detail::decode_utf8(text, field);
    for (auto& c : s) c = zjcredit::detail::fold_width(c);
    std::size_t i = 0;
    auto fail = [&](const std::string& message, std::size_t at) { detail::month_error(text, field, message, at); };
    auto digit = [&](std::size_t k) { return k < s.size() && s[k] >= U'0' && s[k] <= U'9'; };
    while (i < s.size() && zjcredit::detail::is_space(s[i])) ++i;
    std::size_t end = s.size();
    while (end > i && zjcredit::detail::is_space(s[end - 1])) --end;
    s.resize(end);
    if (i == s.size()) fail("empty text; expected a month such as 2022-09", i);

    const std::size_t year_at = i;
    int year = 0;
    while (digit(i) && i - year_at < 4) year = year * 10 + static_cast<int>(s[i++] - U'0');
    if (i - year_at != 4 || digit(i)) fail("expected a four-digit year", year_at);

    if (i == s.size()) fail("expected '-', '/' or '年' after the year, found the end", i);
    const char32_t sep = s[i];
    if (sep != U'-' && sep != U'/' && sep != U'年') fail("expected '-', '/' or '年' after the year", i);
    ++i;

    const std::size_t month_at = i;
    int month = 0;
    while (digit(i) && i - month_at < 2) month = month * 10 + static_cast<int>(s[i++] - U'0');
    if (i == month_at) fail("expected the month", i);
    if (digit(i)) fail("the month has more than 2 digits", month_at);
    if (sep == U'年') {
        if (i == s.size() || s[i] != U'月') fail("expected '月' after the month", i);
        ++i;
    }
    if (i != s.size()) {
        if (s[i] == sep || s[i] == U'-' || s[i] == U'/' || s[i] == U'日' || digit(i))
            fail("a month has no day; write it as 2022-09", i);
        fail("unexpected text after the month", i);
    }
    if (year < dates::min_year) fail("year " + std::to_string(year) + " is outside the supported range", year_at);
    if (month < 1 || month > 12) fail("month " + std::to_string(month) + " does not exist", month_at);
    return year_month(year, month);
}

/// A run of months, first..last inclusive.
struct month_range {
    year_month first;  ///< the first month, included
    year_month last;   ///< the last month, included; not before `first`

    /// Field by field.
    friend bool operator==(const month_range&, const month_range&) = default;
};

/// Reads "2022-09..2022-12" (each end as parse_year_month reads it) or one
/// month ("2022-09", first == last). A last month before the first is a
/// validation_error; each end's errors name `field`.
inline month_range parse_month_range(std::string_view text, std::string_view field = "months") {
    const auto dots = text.find("..");
    if (dots == std::string_view::npos) {
        const year_month m = parse_year_month(text, field);
        return {m, m};
    }
    const year_month first = parse_year_month(text.substr(0, dots), field);
    const year_month last = parse_year_month(text.substr(dots + 2), field);
    if (last < first)
        throw validation_error(std::string(field), std::string(text),
                               "the last month " + to_string(last) + " precedes the first " + to_string(first));
    return {first, last};
}

}  // namespace zjcredit::ledger

#endif
