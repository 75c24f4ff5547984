// Deadline compliance of the 工作台账 ("于每月25日前") and of the liaison form
// ("于9月16日前"): per unit on time, late by N calendar days, or missing, with
// the reading of the deadline (is the named day included? does a rest day
// roll to the next working day?) stated in every result.
#ifndef ZJCREDIT_LEDGER_COMPLIANCE_HPP
#define ZJCREDIT_LEDGER_COMPLIANCE_HPP

#include <zjcredit/dates/calendar.hpp>
#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/deadline.hpp>
#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/plan/plan.hpp>

#include <gsl/narrow>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::ledger {

// ---- the deadlines of the plan ---------------------------------------------------

/// The plan's monthly 工作台账 deadline: the one with id "monthly_ledger", else
/// the first monthly deadline; not_found_error when the plan has none.
inline const plan::deadline& monthly_ledger_deadline(const plan::plan& p) {
    for (const auto& d : p.deadlines)
        if (d.id == "monthly_ledger" && d.monthly()) return d;
    for (const auto& d : p.deadlines)
        if (d.monthly()) return d;
    throw not_found_error("deadline", "monthly_ledger", "the plan has no monthly deadline");
}

/// The plan's liaison-form deadline: id "liaison_form", else the first
/// one-off deadline; not_found_error when the plan has none.
inline const plan::deadline& liaison_form_deadline(const plan::plan& p) {
    for (const auto& d : p.deadlines)
        if (d.id == "liaison_form" && !d.monthly()) return d;
    for (const auto& d : p.deadlines)
        if (!d.monthly()) return d;
    throw not_found_error("deadline", "liaison_form", "the plan has no one-off deadline");
}

/// What a check may replace. Unset: the plan's parameters and
/// dates::default_calendar().
struct check_options {
    /// Monthly ledger: day of month, inclusive "前", roll to a working day.
    std::optional<dates::deadline_rule> rule;
    /// Liaison form: the named date and the same two flags.
    std::optional<dates::fixed_deadline> deadline;
    /// Working-day calendar used to roll; not owned, must outlive the call.
    const dates::china_calendar* calendar = nullptr;
};

/// The reading of a deadline a result was computed with, said in full.
struct rule_statement {
    std::string deadline;                   ///< "monthly_ledger", "liaison_form"
    std::string text;                       ///< the plan's words
    std::string clause;                     ///< "湛金函〔2022〕86号 四、组织保障（二）"
    std::string attachment;                 ///< "附件1"
    int day_of_month = 0;                   ///< 25 for the monthly ledger; 0 for a one-off deadline
    std::optional<dates::date> named_date;  ///< 2022-09-16 for the liaison form
    bool inclusive = true;                  ///< "前" includes the named day
    bool roll_to_working_day = true;        ///< a rest day moves to the next working day (民法典 第二百零三条)
    bool from_plan = true;                  ///< false when check_options replaced the plan's parameters
    std::string calendar;                   ///< the calendar's coverage, "2022-01-01..2023-12-31"
    std::string zh;                         ///< the whole reading, in Chinese
    std::string en;                         ///< and in English

    /// Field by field.
    friend bool operator==(const rule_statement&, const rule_statement&) = default;
};

/// One unit's standing for one deadline.
struct unit_compliance {
    std::string unit;       ///< unit id
    std::string unit_name;  ///< the plan's name for it
    /// named day, before_roll, due, status, days_late (calendar days after
    /// `due`) and received (the earliest submission's date).
    dates::deadline_check check;
    std::size_t submissions = 0;  ///< how many were received for this month (corrections included)
    /// Tasks the unit owes this month that none of its submissions reported.
    std::vector<std::string> tasks_not_reported;

    /// Field by field.
    friend bool operator==(const unit_compliance&, const unit_compliance&) = default;
};

/// Tallies of a check.
struct compliance_counts {
    std::size_t on_time = 0;  ///< units (or unit-months) received by the due day
    std::size_t late = 0;     ///< received after the due day
    std::size_t missing = 0;  ///< not received at all

    /// Every unit (or unit-month) checked.
    std::size_t total() const noexcept { return on_time + late + missing; }
    /// Counts one more of status `s`.
    void add(dates::submission_status s) noexcept {
        switch (s) {
            case dates::submission_status::on_time: ++on_time; break;
            case dates::submission_status::late: ++late; break;
            case dates::submission_status::missing: ++missing; break;
        }
    }
    /// Field by field.
    friend bool operator==(const compliance_counts&, const compliance_counts&) = default;
};

/// One month of the 工作台账.
struct month_compliance {
    year_month month;     ///< the month whose ledger is due
    rule_statement rule;  ///< the reading of the deadline used
    dates::date named_day;    ///< the 25th
    dates::date before_roll;  ///< the last on-time day by "前" alone
    dates::date due;          ///< the last on-time day after rolling
    std::vector<unit_compliance> units;         ///< plan::ledger_units order
    std::vector<std::string> unexpected_units;  ///< units of the plan that filed but owe no ledger (the issuer)
    compliance_counts counts;    ///< over `units`
    std::string explanation_zh;  ///< how this month's due day was found
    std::string explanation_en;  ///< the same, in English

    /// Whether a rest day moved the due day past before_roll.
    bool rolled() const noexcept { return due != before_roll; }
    /// The standing of unit `id`; not_found_error when it is not among `units`.
    const unit_compliance& unit(std::string_view id) const {
        for (const auto& u : units)
            if (u.unit == id) return u;
        throw not_found_error("unit", std::string(id), "not among the units of this check");
    }
    /// Field by field.
    friend bool operator==(const month_compliance&, const month_compliance&) = default;
};

/// One unit over a run of months.
struct unit_summary {
    std::string unit;          ///< unit id
    std::string unit_name;     ///< the plan's name for it
    compliance_counts counts;  ///< its months, by status
    std::int64_t days_late_total = 0;  ///< sum of days late over the late months
    std::int64_t days_late_max = 0;    ///< the most days late in one month; 0 when never late

    /// Field by field.
    friend bool operator==(const unit_summary&, const unit_summary&) = default;
};

/// The 工作台账 over a run of months (by default the plan's, 2022-09..2022-12).
struct period_compliance {
    year_month first;                      ///< the first month checked, included
    year_month last;                       ///< the last month checked, included
    rule_statement rule;                   ///< the reading of the deadline used
    std::vector<month_compliance> months;  ///< each month, first to last
    std::vector<unit_summary> units;  ///< plan::ledger_units order
    compliance_counts counts;              ///< over every unit-month

    /// No unit-month late or missing.
    bool all_on_time() const noexcept { return counts.late == 0 && counts.missing == 0; }
    /// The summary of unit `id`; not_found_error when it is not among `units`.
    const unit_summary& unit(std::string_view id) const {
        for (const auto& u : units)
            if (u.unit == id) return u;
        throw not_found_error("unit", std::string(id), "not among the units of this check");
    }
    /// Field by field.
    friend bool operator==(const period_compliance&, const period_compliance&) = default;
};

/// Something missing or malformed on a liaison form. Reported, not thrown:
/// the form still arrived.
struct form_problem {
    std::string field;  ///< "name", "post", "phone", "email"
    std::string zh;     ///< what is wrong, in Chinese
    std::string en;     ///< the same, in English

    /// Field by field.
    friend bool operator==(const form_problem&, const form_problem&) = default;
};

/// One unit's standing for the liaison form.
struct liaison_unit {
    std::string unit;       ///< unit id
    std::string unit_name;  ///< the plan's name for it
    dates::deadline_check check;       ///< received: the earliest form's date
    std::size_t forms = 0;             ///< how many were received
    std::optional<liaison_form> form;  ///< the latest form: the contact to use
    std::vector<form_problem> problems;  ///< of the latest form

    /// Field by field.
    friend bool operator==(const liaison_unit&, const liaison_unit&) = default;
};

/// The liaison forms (附件2), due 2022-09-16 in the 2022 plan.
struct liaison_compliance {
    rule_statement rule;      ///< the reading of the deadline used
    dates::date named_day;    ///< the day the plan names (2022-09-16)
    dates::date before_roll;  ///< the last on-time day by "前" alone
    dates::date due;          ///< the last on-time day after rolling
    std::vector<liaison_unit> units;  ///< plan::ledger_units order
    std::vector<std::string> unexpected_units;  ///< units of the plan that sent a form but owe none
    compliance_counts counts;    ///< over `units`
    std::string explanation_zh;  ///< how the due day was found
    std::string explanation_en;  ///< the same, in English

    /// Whether a rest day moved the due day past before_roll.
    bool rolled() const noexcept { return due != before_roll; }
    /// The standing of unit `id`; not_found_error when it is not among `units`.
    const liaison_unit& unit(std::string_view id) const {
        for (const auto& u : units)
            if (u.unit == id) return u;
        throw not_found_error("unit", std::string(id), "not among the units of this check");
    }
    /// Field by field.
    friend bool operator==(const liaison_compliance&, const liaison_compliance&) = default;
};

// ---- wording ------------------------------------------------------------------------

/// 按时报送 / 逾期报送 / 未报送.
constexpr std::string_view label_zh(dates::submission_status s) noexcept {
    switch (s) {
        case dates::submission_status::on_time: return "按时报送";
        case dates::submission_status::late: return "逾期报送";
        case dates::submission_status::missing: return "未报送";
    }
    return "未报送";  // unreachable
}

namespace detail {

inline const char* const weekday_zh[7] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
inline const char* const weekday_en[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                          "Saturday"};

inline std::size_t weekday(const dates::date& d) { return static_cast<std::size_t>(d.day_of_week().as_number()); }

/// "2022-09-25（星期日，休息日）" / "2022-09-25 (Sunday, rest day)".
inline std::string describe_day(const dates::date& d, const dates::china_calendar& cal, bool zh) {
    std::string out = dates::to_string(d);
    std::string kind;
    if (cal.covers(d)) {
        const std::string holiday(cal.holiday_name(d));
        switch (cal.kind(d)) {
            case dates::day_kind::working_day: kind = zh ? "工作日" : "working day"; break;
            case dates::day_kind::weekend: kind = zh ? "休息日" : "rest day"; break;
            case dates::day_kind::holiday: kind = zh ? holiday + "假期，休息日" : "rest day, " + holiday; break;
            case dates::day_kind::makeup_working_day:
                kind = zh ? holiday + "调休上班，工作日" : "working day, make-up for " + holiday;
                break;
        }
    }
    if (zh) return out + "（" + weekday_zh[weekday(d)] + (kind.empty() ? "" : "，" + kind) + "）";
    return out + " (" + weekday_en[weekday(d)] + (kind.empty() ? "" : ", " + kind) + ")";
}

inline std::string coverage_text(const dates::china_calendar& cal) {
    return dates::to_string(cal.coverage().from()) + ".." + dates::to_string(cal.coverage().to());
}

inline rule_statement make_statement(const plan::plan& p, const plan::deadline& d, int day_of_month,
                                     std::optional<dates::date> named_date, bool inclusive, bool roll,
                                     bool from_plan, const dates::china_calendar& cal) {
    rule_statement r;
    r.deadline = d.id;
    r.text = d.text;
    r.clause = p.doc.number.empty() ? d.clause : p.doc.number + " " + d.clause;
    r.attachment = d.attachment;
    r.day_of_month = day_of_month;
    r.named_date = named_date;
    r.inclusive = inclusive;
    r.roll_to_working_day = roll;
    r.from_plan = from_plan;
    r.calendar = coverage_text(cal);
    const std::string named_zh =
        named_date ? dates::to_string(*named_date) : "每月" + std::to_string(day_of_month) + "日";
    const std::string named_en =
        named_date ? dates::to_string(*named_date) : "day " + std::to_string(day_of_month) + " of each month";
    r.zh = "依据：" + r.clause + "“" + d.text + "”。“前”按" +
           (inclusive ? "含当日理解（" + named_zh + "当日报送仍为按时）"
                      : "不含当日理解（最后按时日为" + named_zh + "的前一日）") +
           "；" +
           (roll ? "最后按时日遇休息日（周末或法定节假日）顺延至其后第一个工作日（民法典 第二百零三条）"
                 : "最后按时日遇休息日不顺延") +
           "；逾期天数按自然日计算；工作日依据国务院办公厅节假日安排（日历覆盖 " + r.calendar + "）。" +
           (from_plan ? "" : "以上参数由调用方指定，非计划默认。");
    r.en = "Source: " + r.clause + " \"" + d.text + "\". \"前\" read as " +
           (inclusive ? "including the named day (" + named_en + " itself is on time)"
                      : "excluding the named day (the last on-time day is the day before " + named_en + ")") +
           "; " +
           (roll ? "a last on-time day on a rest day (weekend or public holiday) rolls to the next working day "
                   "(Civil Code art. 203)"
                 : "a last on-time day on a rest day does not roll") +
           "; days late are calendar days; working days per the State Council holiday notices (calendar covers " +
           r.calendar + ")." + (from_plan ? "" : " These parameters were set by the caller, not the plan.");
    return r;
}

/// How one deadline's last on-time day was found.
inline void explain_due(const dates::date& named, const dates::date& before_roll, const dates::date& due,
                        bool inclusive, bool roll, const std::string& what_zh, const std::string& what_en,
                        const dates::china_calendar& cal, std::string& zh, std::string& en) {
    zh = what_zh + "：规定日 " + describe_day(named, cal, true) + "；";
    en = what_en + ": named day " + describe_day(named, cal, false) + "; ";
    if (inclusive) {
        zh += "“前”含当日；";
        en += "\"前\" includes it; ";
    } else {
        zh += "“前”不含当日，按“前”最后按时日为 " + describe_day(before_roll, cal, true) + "；";
        en += "\"前\" excludes it, so the last on-time day by \"前\" is " + describe_day(before_roll, cal, false) +
              "; ";
    }
    if (!roll) {
        zh += "不顺延；截止日 " + dates::to_string(due) + "。";
        en += "no roll; due " + dates::to_string(due) + ".";
    } else if (due != before_roll) {
        zh += "顺延至下一个工作日，截止日 " + describe_day(due, cal, true) + "。";
        en += "rolled to the next working day: due " + describe_day(due, cal, false) + ".";
    } else {
        zh += "当日为工作日，无需顺延；截止日 " + dates::to_string(due) + "。";
        en += "a working day, so no roll; due " + dates::to_string(due) + ".";
    }
}

inline const dates::china_calendar& calendar_of(const check_options& o) {
    return o.calendar != nullptr ? *o.calendar : dates::default_calendar();
}

inline bool is_ascii_space(char32_t c) noexcept { return c == U' ' || c == U'\t' || c == U'\r' || c == U'\n'; }

inline std::u32string trimmed(const std::string& s, const std::string& field) {
    std::u32string u = zjcredit::detail::decode_utf8(s, field);
    for (auto& c : u) c = zjcredit::detail::fold_width(c);
    std::size_t b = 0, e = u.size();
    while (b < e && is_ascii_space(u[b])) ++b;
    while (e > b && is_ascii_space(u[e - 1])) --e;
    return u.substr(b, e - b);
}

/// Problems of a liaison form's content (an empty or malformed field).
inline std::vector<form_problem> form_problems(const liaison_form& f) {
    std::vector<form_problem> out;
    const auto name = trimmed(f.name, "name");
    const auto post = trimmed(f.post, "post");
    const auto phone = trimmed(f.phone, "phone");
    const auto email = trimmed(f.email, "email");
    if (name.empty()) out.push_back({"name", "联络员姓名为空", "the liaison's name is empty"});
    if (post.empty()) out.push_back({"post", "职务为空", "the post is empty"});
    if (phone.empty()) {
        out.push_back({"phone", "联系电话为空", "the phone number is empty"});
    } else {
        std::size_t digits = 0;
        bool ok = true;
        for (char32_t c : phone) {
            if (c >= U'0' && c <= U'9') ++digits;
            else if (c != U'-' && c != U'+' && c != U' ' && c != U'(' && c != U')' && c != U'（' && c != U'）' &&
                     c != U'转')
                ok = false;
        }
        if (!ok || digits < 7)
            out.push_back({"phone", "联系电话格式有误：" + f.phone, "the phone number is malformed: " + f.phone});
    }
    if (email.empty()) {
        out.push_back({"email", "电子邮箱为空", "the e-mail address is empty"});
    } else {
        const auto at = email.find(U'@');
        bool ok = at != std::u32string::npos && at > 0 && email.find(U'@', at + 1) == std::u32string::npos;
        if (ok) {
            const auto domain = email.substr(at + 1);
            const auto dot = domain.find(U'.');
            ok = dot != std::u32string::npos && dot > 0 && domain.back() != U'.';
        }
        for (char32_t c : email)
            if (c <= U' ' || c > U'~') ok = false;
        if (!ok)
            out.push_back({"email", "电子邮箱格式有误：" + f.email, "the e-mail address is malformed: " + f.email});
    }
    return out;
}

}  // namespace detail

// ---- the checks -----------------------------------------------------------------------

/// The plan's reading of the monthly deadline, or the caller's.
inline rule_statement monthly_rule_statement(const plan::plan& p, const check_options& options = {}) {
    const plan::deadline& d = monthly_ledger_deadline(p);
    const dates::deadline_rule rule = options.rule.value_or(d.rule);
    return detail::make_statement(p, d, rule.day_of_month, std::nullopt, rule.inclusive, rule.roll_to_working_day,
                                  !options.rule.has_value(), detail::calendar_of(options));
}

/// Checks one month: for every unit of plan::ledger_units(p), whether its
/// ledger for `month` arrived by the month's deadline (the plan's
/// monthly_ledger rule unless options.rule is set). The earliest
/// submission of a unit for the month decides; days late are calendar days
/// after the due day. Each submission for the month from a ledger unit is
/// validate()d (its errors propagate); a submission from a unit that owes
/// no ledger is listed in unexpected_units; an unknown unit is a
/// not_found_error. Submissions for other months are ignored.
inline month_compliance check_month(const plan::plan& p, std::span<const submission> submissions, year_month month,
                                    const check_options& options = {}) {
    const dates::china_calendar& cal = detail::calendar_of(options);
    const dates::deadline_rule rule = options.rule.value_or(monthly_ledger_deadline(p).rule);
    const dates::fixed_deadline fixed = dates::for_month(rule, month.year(), month.month());

    month_compliance out{month, monthly_rule_statement(p, options), fixed.named_day, {}, {}, {}, {}, {}, {}, {}};
    // The deadline itself, also when no unit is required to file. Found first:
    // a due day the calendar cannot place is an error of the month asked for.
    const dates::deadline_check c = [&] {
        try {
            return dates::check_submission(fixed, std::nullopt, cal);
        } catch (const validation_error& e) {
            throw validation_error("month", to_string(month), "cannot place the due day: " + e.detail());
        }
    }();
    const auto units = plan::ledger_units(p);

    struct found {
        std::optional<dates::date> earliest;
        std::size_t count = 0;
        std::vector<std::string> tasks;
    };
    std::vector<found> per_unit(units.size());
    for (const submission& s : submissions) {
        if (s.month != month) continue;
        const plan::unit& u = plan::find_unit(p, s.unit);
        const auto it = std::find(units.begin(), units.end(), &u);
        if (it == units.end()) {
            if (!plan::detail::contains(out.unexpected_units, u.id)) out.unexpected_units.push_back(u.id);
            continue;
        }
        validate(s, p);
        found& f = per_unit[gsl::narrow<std::size_t>(it - units.begin())];
        ++f.count;
        if (!f.earliest || s.received < *f.earliest) f.earliest = s.received;
        for (const entry& e : s.entries)
            if (!plan::detail::contains(f.tasks, e.task)) f.tasks.push_back(e.task);
    }

    for (std::size_t i = 0; i < units.size(); ++i) {
        unit_compliance uc{units[i]->id, units[i]->name, dates::check_submission(fixed, per_unit[i].earliest, cal),
                           per_unit[i].count, {}};
        if (per_unit[i].count > 0)
            for (const auto& a : assignments(p, units[i]->id))
                if (!plan::detail::contains(per_unit[i].tasks, a.task->id))
                    uc.tasks_not_reported.push_back(a.task->id);
        out.counts.add(uc.check.status);
        out.units.push_back(std::move(uc));
    }
    out.before_roll = c.before_roll;
    out.due = c.due;
    detail::explain_due(out.named_day, out.before_roll, out.due, rule.inclusive, rule.roll_to_working_day,
                        to_chinese(month) + "《工作台账》", "Ledger for " + to_string(month), cal,
                        out.explanation_zh, out.explanation_en);
    return out;
}

/// The months the plan asks the 工作台账 for: the monthly_ledger deadline's
/// first_month..last_month (2022-09..2022-12 in the 2022 plan); nullopt
/// when the plan gives none.
inline std::optional<month_range> reporting_period(const plan::plan& p) {
    const plan::deadline& d = monthly_ledger_deadline(p);
    if (!d.first_month || !d.last_month) return std::nullopt;
    return month_range{year_month::of(*d.first_month), year_month::of(*d.last_month)};
}

/// Refuses months outside reporting_period(p) (a validation_error naming
/// "month", the month and the period): no ledger is owed for them, so a
/// check would report every unit 未报送. A plan with no period allows any.
inline void require_reporting_months(const plan::plan& p, year_month first, year_month last) {
    const auto period = reporting_period(p);
    if (!period) return;
    for (const year_month m : {first, last})
        if (m < period->first || period->last < m)
            throw validation_error("month", to_string(m),
                                   "is outside the plan's reporting period of the 工作台账, " +
                                       to_string(period->first) + ".." + to_string(period->last));
}

/// Checks every month from `first` to `last` (both included); they must lie
/// in reporting_period(p) (require_reporting_months).
inline period_compliance check_period(const plan::plan& p, std::span<const submission> submissions,
                                      year_month first, year_month last, const check_options& options = {}) {
    if (last < first)
        throw validation_error("last", to_string(last), "precedes the first month " + to_string(first));
    require_reporting_months(p, first, last);
    period_compliance out{first, last, monthly_rule_statement(p, options), {}, {}, {}};
    for (const plan::unit* u : plan::ledger_units(p)) out.units.push_back(unit_summary{u->id, u->name, {}, 0, 0});
    for (year_month m = first;; m = m.next()) {
        month_compliance mc = check_month(p, submissions, m, options);
        for (std::size_t i = 0; i < mc.units.size(); ++i) {
            const dates::deadline_check& c = mc.units[i].check;
            unit_summary& s = out.units[i];
            s.counts.add(c.status);
            s.days_late_total += c.days_late;
            s.days_late_max = std::max(s.days_late_max, c.days_late);
            out.counts.add(c.status);
        }
        out.months.push_back(std::move(mc));
        if (m == last) break;
    }
    return out;
}

/// Checks the plan's own months (the monthly_ledger deadline's first_month
/// to last_month: 2022-09..2022-12 in the 2022 plan).
inline period_compliance check_period(const plan::plan& p, std::span<const submission> submissions,
                                      const check_options& options = {}) {
    const plan::deadline& d = monthly_ledger_deadline(p);
    if (!d.first_month || !d.last_month)
        throw validation_error("deadlines." + d.id, d.text, "the plan gives no first and last month");
    return check_period(p, submissions, year_month::of(*d.first_month), year_month::of(*d.last_month), options);
}

/// The plan's reading of the liaison-form deadline, or the caller's.
inline rule_statement liaison_rule_statement(const plan::plan& p, const check_options& options = {}) {
    const plan::deadline& d = liaison_form_deadline(p);
    const dates::fixed_deadline f =
        options.deadline.value_or(dates::fixed_deadline{*d.due, d.rule.inclusive, d.rule.roll_to_working_day});
    return detail::make_statement(p, d, 0, f.named_day, f.inclusive, f.roll_to_working_day,
                                  !options.deadline.has_value(), detail::calendar_of(options));
}

/// Checks that every unit of plan::ledger_units(p) sent its liaison form by
/// the plan's liaison_form deadline (2022-09-16, unless options.deadline is
/// set). The earliest form of a unit decides on-time; the latest is its
/// contact and is checked for empty or malformed fields (reported as
/// problems, not thrown). Forms from units that owe none are listed in
/// unexpected_units; an unknown unit is a not_found_error.
// GCC 12 at -O3, inlining this function into a caller, reports the
// destruction of the local vector `latest` as "operator delete called on
// pointer with nonzero offset" (-Wfree-nonheap-object), a false positive of
// that warning's pointer tracking (GCC meta-bug 99098): `latest` is a plain
// std::vector that frees only the buffer it allocated. Silenced for this
// function alone, and for GCC alone.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wfree-nonheap-object"
#endif
inline liaison_compliance check_liaison_forms(const plan::plan& p, std::span<const liaison_form> forms,
                                              const check_options& options = {}) {
    const dates::china_calendar& cal = detail::calendar_of(options);
    const plan::deadline& d = liaison_form_deadline(p);
    const dates::fixed_deadline fixed =
        options.deadline.value_or(dates::fixed_deadline{*d.due, d.rule.inclusive, d.rule.roll_to_working_day});

    liaison_compliance out{liaison_rule_statement(p, options), fixed.named_day, {}, {}, {}, {}, {}, {}, {}};
    const auto units = plan::ledger_units(p);
    std::vector<std::optional<dates::date>> earliest(units.size());
    std::vector<const liaison_form*> latest(units.size(), nullptr);
    std::vector<std::size_t> count(units.size(), 0);
    for (std::size_t k = 0; k < forms.size(); ++k) {
        const liaison_form& f = forms[k];
        const plan::unit& u = plan::find_unit(p, f.unit);
        dates::detail::require_plain(f.received, "forms[" + std::to_string(k) + "].received");
        const auto it = std::find(units.begin(), units.end(), &u);
        if (it == units.end()) {
            if (!plan::detail::contains(out.unexpected_units, u.id)) out.unexpected_units.push_back(u.id);
            continue;
        }
        const auto i = gsl::narrow<std::size_t>(it - units.begin());
        ++count[i];
        if (!earliest[i] || f.received < *earliest[i]) earliest[i] = f.received;
        if (latest[i] == nullptr || !(f.received < latest[i]->received)) latest[i] = &f;
    }
    for (std::size_t i = 0; i < units.size(); ++i) {
        liaison_unit lu{units[i]->id, units[i]->name, dates::check_submission(fixed, earliest[i], cal), count[i],
                        std::nullopt, {}};
        if (latest[i] != nullptr) {
            lu.form = *latest[i];
            lu.form->unit = units[i]->id;
            lu.problems = detail::form_problems(*latest[i]);
        }
        out.counts.add(lu.check.status);
        out.units.push_back(std::move(lu));
    }
    const dates::deadline_check c = dates::check_submission(fixed, std::nullopt, cal);
    out.before_roll = c.before_roll;
    out.due = c.due;
    detail::explain_due(out.named_day, out.before_roll, out.due, fixed.inclusive, fixed.roll_to_working_day,
                        "联络员信息表（" + d.attachment + "）", "Liaison form (" + d.attachment + ")", cal,
                        out.explanation_zh, out.explanation_en);
    return out;
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace zjcredit::ledger

#endif
