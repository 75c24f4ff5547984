// Submission deadlines of the plan's 组织保障: the liaison form "by 2022-09-16"
// and the monthly 工作台账 "于每月25日前", with the two readings the text leaves
// open (is the named day itself allowed? does a deadline on a rest day move?)
// as explicit flags, so a receipt can state which reading was applied.
#ifndef ZJCREDIT_DATES_DEADLINE_HPP
#define ZJCREDIT_DATES_DEADLINE_HPP

#include <zjcredit/dates/calendar.hpp>
#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::dates {

/// A deadline that repeats every month on a named day, "于每月25日前".
///
/// How the last on-time day is found, in this order:
///  1. The named day: `day_of_month` of that month. A month too short for it
///     names its own last day (a rule for the 31st names 2022-02-28).
///  2. `inclusive`: true (the default) means the named day itself is still on
///     time. "前" is ambiguous: 民法典 第1259条 makes 以上、以下、以内、届满
///     include the number and 不满、超过、以外 exclude it, but does not list
///     "前", so the reading is a parameter. The default follows the usual
///     administrative reading "no later than the 25th". false means the last
///     on-time day is the day before the named day (for the 1st, the last day
///     of the month before).
///  3. `roll_to_working_day`: true (the default) applies 民法典 第203条
///     ("期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日")
///     to the last on-time day found in step 2 — not to the named day: when
///     that day is a rest day in the calendar (a weekend not made up, or a
///     holiday), the deadline moves to the next working day. A make-up working
///     Saturday or Sunday is a working day and never rolls. So in 2022-09,
///     whose 24th is a Saturday and 25th a Sunday, inclusive+roll gives
///     Monday the 26th, and exclusive+roll also gives the 26th (the 24th
///     rolls), while without roll the answers are the 25th and the 24th.
///     Without roll the calendar is not consulted at all.
struct deadline_rule {
    int day_of_month = 25;            ///< the named day, 1..31 (25 for "每月25日前")
    bool inclusive = true;            ///< step 2: the named day itself is on time
    bool roll_to_working_day = true;  ///< step 3: a last day on a rest day moves to the next working day

    /// Field by field.
    friend bool operator==(const deadline_rule&, const deadline_rule&) = default;
};

/// A one-off deadline on a named date, e.g. the liaison form (附件2) due
/// 2022-09-16; `inclusive` and `roll_to_working_day` mean exactly what they
/// mean in deadline_rule.
struct fixed_deadline {
    date named_day;                   ///< the date the text names (2022-09-16)
    bool inclusive = true;            ///< the named day itself is on time
    bool roll_to_working_day = true;  ///< a last day on a rest day moves to the next working day
};

/// The fixed deadline a monthly rule sets in `year`-`month`. Throws
/// validation_error for a day_of_month outside 1..31, a month outside 1..12 or
/// a year outside 1400..9999.
inline fixed_deadline for_month(const deadline_rule& rule, int year, int month) {
    if (rule.day_of_month < 1 || rule.day_of_month > 31)
        throw validation_error("day_of_month", std::to_string(rule.day_of_month), "must be 1..31");
    if (month < 1 || month > 12) throw validation_error("month", std::to_string(month), "must be 1..12");
    if (year < min_year || year > max_year)
        throw validation_error("year", std::to_string(year),
                               "must be " + std::to_string(min_year) + ".." + std::to_string(max_year));
    const int day = std::min(rule.day_of_month, detail::days_in_month(year, month));
    const std::string text = std::to_string(year) + "-" + std::to_string(month) + "-" + std::to_string(day);
    return fixed_deadline{detail::make_date(year, month, day, "deadline", text), rule.inclusive,
                          rule.roll_to_working_day};
}

/// The result of checking one submission against one deadline.
enum class submission_status {
    on_time,  ///< received on or before the due day
    late,     ///< received after the due day
    missing,  ///< not received
};

/// The enumerator's name ("on_time", "late", "missing"), as the ledger's JSON writes it.
constexpr std::string_view to_string(submission_status s) noexcept {
    switch (s) {
        case submission_status::on_time: return "on_time";
        case submission_status::late: return "late";
        case submission_status::missing: return "missing";
    }
    return "missing";  // unreachable
}

/// One submission checked against one deadline: the days the reading went
/// through (named, before and after rolling) and the verdict.
struct deadline_check {
    date named_day;    ///< the day the text names (the 25th, 2022-09-16)
    date before_roll;  ///< the last on-time day by `inclusive` alone
    date due;          ///< the last on-time day after rolling; == before_roll when no roll
    submission_status status = submission_status::missing;  ///< the verdict
    bool on_time = false;        ///< status == on_time
    std::int64_t days_late = 0;  ///< calendar days after `due` when late; 0 when on time or missing
    std::optional<date> received;  ///< the day the submission came in; nullopt when missing

    /// True when rolling moved the due day off a rest day (due differs from before_roll).
    bool rolled() const noexcept { return due != before_roll; }

    /// Field by field.
    friend bool operator==(const deadline_check&, const deadline_check&) = default;
};

namespace detail {

// Step 2 of deadline_rule: the named day or the day before it.
inline date last_day_by_inclusion(const fixed_deadline& deadline) {
    require_plain(deadline.named_day, "named_day");
    if (deadline.inclusive) return deadline.named_day;
    if (deadline.named_day == date(static_cast<unsigned short>(min_year), 1, 1))
        throw validation_error("named_day", iso(deadline.named_day), "no day before it in the supported range");
    return deadline.named_day - boost::gregorian::date_duration(1);
}

}  // namespace detail

/// The last day a submission is on time. `calendar` is used only when rolling;
/// a day it does not cover is its validation_error, never a guess.
inline date last_on_time_day(const fixed_deadline& deadline, const china_calendar& calendar = default_calendar()) {
    const date last = detail::last_day_by_inclusion(deadline);
    return deadline.roll_to_working_day ? calendar.next_working_day_on_or_after(last) : last;
}

/// The last on-time day of `rule` in `year`-`month`; throws as for_month does,
/// and as the other overload does when rolling.
inline date last_on_time_day(const deadline_rule& rule, int year, int month,
                             const china_calendar& calendar = default_calendar()) {
    return last_on_time_day(for_month(rule, year, month), calendar);
}

/// Checks a submission received on `received` (nullopt: not received) against
/// `deadline`. On time means received on or before the due day, however early;
/// lateness is counted in calendar days, not working days.
inline deadline_check check_submission(const fixed_deadline& deadline, std::optional<date> received,
                                       const china_calendar& calendar = default_calendar()) {
    deadline_check out;
    out.named_day = deadline.named_day;
    out.before_roll = detail::last_day_by_inclusion(deadline);
    out.due = deadline.roll_to_working_day ? calendar.next_working_day_on_or_after(out.before_roll)
                                           : out.before_roll;
    out.received = received;
    if (!received) {
        out.status = submission_status::missing;
    } else {
        detail::require_plain(*received, "received");
        if (*received <= out.due) {
            out.status = submission_status::on_time;
            out.on_time = true;
        } else {
            out.status = submission_status::late;
            out.days_late = static_cast<std::int64_t>((*received - out.due).days());
        }
    }
    return out;
}

/// The monthly form: the `year`-`month` deadline of `rule`.
inline deadline_check check_submission(const deadline_rule& rule, int year, int month,
                                       std::optional<date> received,
                                       const china_calendar& calendar = default_calendar()) {
    return check_submission(for_month(rule, year, month), received, calendar);
}

}  // namespace zjcredit::dates

#endif
