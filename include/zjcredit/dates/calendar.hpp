// China's working-day calendar (public holidays and make-up working weekend
// days) for the years the plan runs in, 2022 and 2023. Dates outside the data
// are refused, never guessed: a weekend-only rule would be wrong for the very
// days deadlines roll over.
#ifndef ZJCREDIT_DATES_CALENDAR_HPP
#define ZJCREDIT_DATES_CALENDAR_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/window.hpp>
#include <zjcredit/error.hpp>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <gsl/narrow>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::dates {

/// A day written as plain numbers, so the holiday table can be constexpr
/// (boost::gregorian::date is not a literal type).
struct calendar_day {
    int year;   ///< the Gregorian year, 2022
    int month;  ///< 1 (January) to 12
    int day;    ///< 1 to 31, the day of the month
};

/// Consecutive days off, both ends included, as a notice lists them.
struct holiday_block {
    calendar_day first;     ///< the first day off
    calendar_day last;      ///< the last day off (equal to first for a single day)
    std::string_view name;  ///< the holiday, as the notice names it ("春节")
};

/// A Saturday or Sunday declared a working day (调休上班).
struct makeup_day {
    calendar_day day;       ///< the Saturday or Sunday worked
    std::string_view name;  ///< the holiday it pays for
};

/// The public holidays (放假) of 2022 and 2023. Source: 国务院办公厅关于2022年
/// 部分节假日安排的通知 (国办发明电〔2021〕11号, 2021-10-25) and 国务院办公厅关于
/// 2023年部分节假日安排的通知 (国办发明电〔2022〕16号, 2022-12-08), as DESIGN.md §1
/// lists them. The 2023 notice's 元旦 block starts on 2022-12-31, so it is one
/// block across the year end.
inline constexpr holiday_block china_holidays_2022_2023[] = {
    {{2022, 1, 1}, {2022, 1, 3}, "元旦"},
    {{2022, 1, 31}, {2022, 2, 6}, "春节"},
    {{2022, 4, 3}, {2022, 4, 5}, "清明节"},
    {{2022, 4, 30}, {2022, 5, 4}, "劳动节"},
    {{2022, 6, 3}, {2022, 6, 5}, "端午节"},
    {{2022, 9, 10}, {2022, 9, 12}, "中秋节"},
    {{2022, 10, 1}, {2022, 10, 7}, "国庆节"},
    {{2022, 12, 31}, {2023, 1, 2}, "元旦"},
    {{2023, 1, 21}, {2023, 1, 27}, "春节"},
    {{2023, 4, 5}, {2023, 4, 5}, "清明节"},
    {{2023, 4, 29}, {2023, 5, 3}, "劳动节"},
    {{2023, 6, 22}, {2023, 6, 24}, "端午节"},
    {{2023, 9, 29}, {2023, 10, 6}, "中秋节、国庆节"},
};

/// Same sources: the weekend days worked in exchange (上班).
inline constexpr makeup_day china_makeup_days_2022_2023[] = {
    {{2022, 1, 29}, "春节"},   {{2022, 1, 30}, "春节"},   {{2022, 4, 2}, "清明节"},
    {{2022, 4, 24}, "劳动节"}, {{2022, 5, 7}, "劳动节"},  {{2022, 10, 8}, "国庆节"},
    {{2022, 10, 9}, "国庆节"}, {{2023, 1, 28}, "春节"},   {{2023, 1, 29}, "春节"},
    {{2023, 4, 23}, "劳动节"}, {{2023, 5, 6}, "劳动节"},  {{2023, 6, 25}, "端午节"},
    {{2023, 10, 7}, "中秋节、国庆节"}, {{2023, 10, 8}, "中秋节、国庆节"},
};

/// Why a day is or is not worked.
enum class day_kind {
    working_day,         ///< Monday to Friday, no holiday
    weekend,             ///< Saturday or Sunday, not made up
    holiday,             ///< inside a holiday block (whatever the weekday)
    makeup_working_day,  ///< a weekend day worked in exchange for a holiday
};

/// The enumerator's name, "makeup_working_day" for day_kind::makeup_working_day.
constexpr std::string_view to_string(day_kind k) noexcept {
    switch (k) {
        case day_kind::working_day: return "working_day";
        case day_kind::weekend: return "weekend";
        case day_kind::holiday: return "holiday";
        case day_kind::makeup_working_day: return "makeup_working_day";
    }
    return "working_day";  // unreachable
}

/// Working and rest days over a fixed coverage window. Every query about a
/// day outside the coverage throws validation_error ("calendar has no data
/// for 2024-01-01 ..."), including next_working_day_on_or_after when its
/// search would have to step past the last covered day.
class china_calendar {
public:
    /// The built-in data: 2022-01-01..2023-12-31 from the tables above.
    china_calendar()
        : china_calendar(window(date(2022, 1, 1), date(2023, 12, 31)), china_holidays_2022_2023,
                         china_makeup_days_2022_2023) {}

    /// Other data (a later year, a plan file). Checked on the way in: every
    /// day must exist and lie inside `coverage`, blocks must not overlap, and
    /// a make-up day must be a Saturday or Sunday outside every block.
    china_calendar(window coverage, std::span<const holiday_block> holidays,
                   std::span<const makeup_day> makeup_days)
        : coverage_(coverage),
          kinds_(gsl::narrow<std::size_t>(coverage.days())),
          name_of_day_(gsl::narrow<std::size_t>(coverage.days()), no_name) {
        for (std::size_t i = 0; i < kinds_.size(); ++i)
            kinds_[i] = is_weekend(coverage_.from() + boost::gregorian::date_duration(static_cast<long>(i)))
                            ? day_kind::weekend
                            : day_kind::working_day;

        for (std::size_t b = 0; b < holidays.size(); ++b) {
            const std::string field = "holidays[" + std::to_string(b) + "]";
            const window block(to_date(holidays[b].first, field + ".first"),
                               to_date(holidays[b].last, field + ".last"), field);
            require_covered(block.from(), field + ".first");
            require_covered(block.to(), field + ".last");
            const auto name = add_name(holidays[b].name);
            for (date d = block.from(); d <= block.to(); d += boost::gregorian::date_duration(1)) {
                const std::size_t k = index(d);
                if (kinds_[k] == day_kind::holiday)
                    throw validation_error(field, to_string(block), "overlaps another block on " + detail::iso(d));
                kinds_[k] = day_kind::holiday;
                name_of_day_[k] = name;
            }
        }

        for (std::size_t m = 0; m < makeup_days.size(); ++m) {
            const std::string field = "makeup_days[" + std::to_string(m) + "]";
            const date d = to_date(makeup_days[m].day, field);
            require_covered(d, field);
            const std::size_t k = index(d);
            if (kinds_[k] == day_kind::holiday)
                throw validation_error(field, detail::iso(d), "a make-up working day inside a holiday block");
            if (kinds_[k] == day_kind::makeup_working_day)
                throw validation_error(field, detail::iso(d), "listed twice");
            if (kinds_[k] != day_kind::weekend)
                throw validation_error(field, detail::iso(d), "a make-up working day must be a Saturday or Sunday");
            kinds_[k] = day_kind::makeup_working_day;
            name_of_day_[k] = add_name(makeup_days[m].name);
        }
    }

    /// The days this calendar has data for, both ends included.
    const window& coverage() const noexcept { return coverage_; }
    /// True when `d` is a plain date inside coverage(); never throws.
    bool covers(const date& d) const noexcept { return !d.is_special() && coverage_.contains(d); }

    /// What kind of day `d` is; throws validation_error outside coverage().
    day_kind kind(const date& d) const { return kinds_[checked_index(d)]; }

    /// True for a working_day or a makeup_working_day (调休上班); throws
    /// validation_error outside coverage().
    bool is_working_day(const date& d) const {
        const day_kind k = kind(d);
        return k == day_kind::working_day || k == day_kind::makeup_working_day;
    }
    /// True for a weekend or a holiday; throws validation_error outside coverage().
    bool is_rest_day(const date& d) const { return !is_working_day(d); }

    /// The holiday a day is off for or made up for ("国庆节"), empty for an
    /// ordinary working day or weekend. For receipts explaining a roll.
    std::string_view holiday_name(const date& d) const {
        const std::size_t k = checked_index(d);
        return name_of_day_[k] == no_name ? std::string_view() : std::string_view(names_[name_of_day_[k]]);
    }

    /// `d` itself when it is a working day, else the first working day after
    /// it. Throws validation_error when `d` is outside coverage() or when the
    /// search runs past its end (from 2023-12-30 the built-in calendar would
    /// need 2024, which it does not know, so it does not guess 2024-01-01).
    date next_working_day_on_or_after(const date& d) const {
        checked_index(d);
        for (date x = d;; x += boost::gregorian::date_duration(1)) {
            if (!covers(x))
                throw validation_error("date", detail::iso(d),
                                       no_data_message(x) + "; cannot find the next working day on or after " +
                                           detail::iso(d));
            if (is_working_day(x)) return x;
        }
    }

private:
    static constexpr std::uint16_t no_name = 0xFFFF;

    static bool is_weekend(const date& d) {
        const auto w = d.day_of_week();
        return w == boost::date_time::Saturday || w == boost::date_time::Sunday;
    }

    static date to_date(const calendar_day& c, const std::string& field) {
        const std::string text = std::to_string(c.year) + "-" + std::to_string(c.month) + "-" + std::to_string(c.day);
        if (c.year < min_year || c.year > max_year || c.month < 1 || c.month > 12 || c.day < 1 ||
            c.day > detail::days_in_month(c.year, c.month))
            throw validation_error(field, text, "not a calendar date");
        return detail::make_date(c.year, c.month, c.day, field, text);
    }

    void require_covered(const date& d, const std::string& field) const {
        if (!coverage_.contains(d))
            throw validation_error(field, detail::iso(d), "outside the calendar's coverage " + to_string(coverage_));
    }

    std::uint16_t add_name(std::string_view name) {
        for (std::size_t i = 0; i < names_.size(); ++i)
            if (names_[i] == name) return static_cast<std::uint16_t>(i);
        if (names_.size() >= no_name)
            throw validation_error("holidays", std::string(name), "too many distinct holiday names");
        names_.emplace_back(name);
        return static_cast<std::uint16_t>(names_.size() - 1);
    }

    std::string no_data_message(const date& d) const {
        return "calendar has no data for " + detail::iso(d) + " (it covers " + to_string(coverage_) + ")";
    }

    std::size_t index(const date& d) const noexcept {
        return static_cast<std::size_t>((d - coverage_.from()).days());
    }

    std::size_t checked_index(const date& d) const {
        detail::require_plain(d, "date");
        if (!coverage_.contains(d)) throw validation_error("date", detail::iso(d), no_data_message(d));
        return index(d);
    }

    window coverage_;
    std::vector<day_kind> kinds_;
    std::vector<std::uint16_t> name_of_day_;  ///< index into names_, or no_name
    std::vector<std::string> names_;
};

/// The built-in 2022-2023 calendar, built once (thread-safe) and shared.
inline const china_calendar& default_calendar() {
    static const china_calendar calendar;
    return calendar;
}

}  // namespace zjcredit::dates

#endif
