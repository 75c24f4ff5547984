// Progress of the 工作台账: one month rolled up per measure and per unit, and
// the tasks past their 时间节点 that are not done.
#ifndef ZJCREDIT_LEDGER_PROGRESS_HPP
#define ZJCREDIT_LEDGER_PROGRESS_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/plan/plan.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::ledger {

/// How many (unit, task) rows are in each state. `not_reported` counts rows
/// the unit owes but did not send (no ledger that month, or a ledger
/// without that task).
struct status_counts {
    std::size_t not_started = 0;   ///< 未启动
    std::size_t in_progress = 0;   ///< 推进中
    std::size_t done = 0;          ///< 已完成
    std::size_t at_risk = 0;       ///< 存在风险
    std::size_t not_reported = 0;  ///< owed but not sent

    /// Rows with a reported status.
    std::size_t reported() const noexcept { return not_started + in_progress + done + at_risk; }
    /// Every row owed, reported or not.
    std::size_t total() const noexcept { return reported() + not_reported; }
    /// Counts one more row of status `s`; nullopt counts as not reported.
    void add(std::optional<progress_status> s) noexcept {
        if (!s) {
            ++not_reported;
            return;
        }
        switch (*s) {
            case progress_status::not_started: ++not_started; break;
            case progress_status::in_progress: ++in_progress; break;
            case progress_status::done: ++done; break;
            case progress_status::at_risk: ++at_risk; break;
        }
    }
    /// Field by field.
    friend bool operator==(const status_counts&, const status_counts&) = default;
};

/// One (unit, task) row of a month, as last reported.
struct task_state {
    std::string unit;     ///< unit id
    std::string measure;  ///< measure id, "m3"
    std::string task;     ///< task id, "m3.fx_facilitation"
    std::optional<progress_status> status;  ///< none: not reported this month
    std::optional<dates::date> milestone;   ///< the unit's, else the plan's
    std::string figures;                    ///< 完成数据 as reported; "" when not reported
    std::optional<dates::date> received;    ///< of the submission it came from

    /// Field by field.
    friend bool operator==(const task_state&, const task_state&) = default;
};

/// One measure's rows in a month, over all filing units.
struct measure_progress {
    std::string measure;  ///< "m3"
    std::string numeral;  ///< "三"
    std::string title;    ///< the plan's title of the measure
    status_counts counts;  ///< the rows of its tasks

    /// Field by field.
    friend bool operator==(const measure_progress&, const measure_progress&) = default;
};

/// One unit's own rows in a month.
struct unit_progress {
    std::string unit;       ///< unit id
    std::string unit_name;  ///< the plan's name for it
    status_counts counts;   ///< the rows it owes

    /// Field by field.
    friend bool operator==(const unit_progress&, const unit_progress&) = default;
};

/// A month's progress: every owed row, and its counts by measure, by unit and overall.
struct progress_report {
    year_month month;  ///< the month rolled up
    std::vector<task_state> items;         ///< assignments() order
    std::vector<measure_progress> measures;  ///< plan order, every measure
    std::vector<unit_progress> units;      ///< plan::ledger_units order
    status_counts overall;  ///< every row

    /// The measure `id` ("m3"); not_found_error when it is not in the report.
    const measure_progress& measure(std::string_view id) const {
        for (const auto& m : measures)
            if (m.measure == id) return m;
        throw not_found_error("measure", std::string(id), "not in this report");
    }
    /// The unit `id`; not_found_error when it is not in the report.
    const unit_progress& unit(std::string_view id) const {
        for (const auto& u : units)
            if (u.unit == id) return u;
        throw not_found_error("unit", std::string(id), "not in this report");
    }
    /// Field by field.
    friend bool operator==(const progress_report&, const progress_report&) = default;
};

namespace detail {

/// For each submission of `month` from a ledger unit (validated), keeps the
/// latest per unit: later received wins, then later in the input.
inline std::vector<const submission*> latest_per_unit(const plan::plan& p, std::span<const submission> subs,
                                                      year_month month,
                                                      const std::vector<const plan::unit*>& units) {
    std::vector<const submission*> out(units.size(), nullptr);
    for (const submission& s : subs) {
        if (s.month != month) continue;
        const plan::unit& u = plan::find_unit(p, s.unit);
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (units[i] != &u) continue;
            validate(s, p);
            if (out[i] == nullptr || !(s.received < out[i]->received)) out[i] = &s;
        }
    }
    return out;
}

}  // namespace detail

/// Rolls up `month`: every row the ledger units owe (assignments(p)) takes
/// the status from that unit's latest submission for the month, or counts
/// as not reported. Measures count the rows of their tasks over all filing
/// units (the issuer files none, so its rows are not counted); units count
/// their own rows. Submissions from units that owe no ledger are ignored.
inline progress_report roll_up(const plan::plan& p, std::span<const submission> submissions, year_month month) {
    const auto units = plan::ledger_units(p);
    const auto latest = detail::latest_per_unit(p, submissions, month, units);
    progress_report out{month, {}, {}, {}, {}};
    for (const auto& m : p.measures) out.measures.push_back({m.id, m.numeral, m.title, {}});
    for (const auto* u : units) out.units.push_back({u->id, u->name, {}});

    for (const assignment& a : assignments(p)) {
        task_state st{a.unit->id, a.measure->id, a.task->id, std::nullopt, a.task->milestone, "", std::nullopt};
        std::size_t ui = 0;
        while (units[ui] != a.unit) ++ui;
        if (const submission* s = latest[ui]) {
            for (const entry& e : s->entries) {
                if (e.task != a.task->id) continue;
                st.status = e.status;
                if (e.milestone) st.milestone = e.milestone;
                st.figures = e.figures;
                st.received = s->received;
            }
        }
        for (auto& mp : out.measures)
            if (mp.measure == a.measure->id) mp.counts.add(st.status);
        out.units[ui].counts.add(st.status);
        out.overall.add(st.status);
        out.items.push_back(std::move(st));
    }
    return out;
}

/// A task past its 时间节点 and not done.
struct overdue_task {
    std::string unit;       ///< unit id
    std::string unit_name;  ///< the plan's name for it
    std::string measure;    ///< measure id
    std::string task;       ///< task id
    dates::date milestone;  ///< the 时间节点 that has passed
    bool milestone_from_plan = false;       ///< the plan's, the unit having set none
    std::optional<progress_status> status;  ///< last reported; none: never reported
    std::optional<year_month> reported_month;  ///< the month of that last report; none: never reported
    std::optional<dates::date> reported_on;    ///< the day that report was received; none: never reported
    std::int64_t days_past = 0;             ///< as_of − milestone, in calendar days (≥ 1)

    /// Field by field.
    friend bool operator==(const overdue_task&, const overdue_task&) = default;
};

/// Flags, as of `as_of`, every (unit, task) row whose milestone is before
/// `as_of` and whose last reported status is not done. Only submissions
/// received on or before `as_of` count (what the bureau knew that day); of
/// those, the row's latest report is the one of the latest month, then the
/// latest received, then the later in the input. The milestone is that
/// report's 时间节点, else the plan's; a row with neither is never flagged.
/// A milestone on `as_of` itself is not yet past. Order: assignments().
inline std::vector<overdue_task> past_milestone(const plan::plan& p, std::span<const submission> submissions,
                                                dates::date as_of) {
    dates::detail::require_plain(as_of, "as_of");
    const auto units = plan::ledger_units(p);
    for (const submission& s : submissions) {
        const plan::unit& u = plan::find_unit(p, s.unit);
        if (std::find(units.begin(), units.end(), &u) != units.end()) validate(s, p);
    }
    std::vector<overdue_task> out;
    for (const assignment& a : assignments(p)) {
        const entry* last = nullptr;
        const submission* from = nullptr;
        for (const submission& s : submissions) {
            if (s.received > as_of) continue;
            if (plan::find_unit(p, s.unit).id != a.unit->id) continue;
            for (const entry& e : s.entries) {
                if (e.task != a.task->id) continue;
                const bool later = from == nullptr || s.month > from->month ||
                                   (s.month == from->month && !(s.received < from->received));
                if (later) {
                    last = &e;
                    from = &s;
                }
            }
        }
        std::optional<dates::date> milestone = a.task->milestone;
        bool from_plan = true;
        if (last != nullptr && last->milestone) {
            milestone = last->milestone;
            from_plan = false;
        }
        if (!milestone || !(*milestone < as_of)) continue;
        if (last != nullptr && last->status == progress_status::done) continue;
        overdue_task o{a.unit->id, a.unit->name, a.measure->id, a.task->id, *milestone, from_plan, std::nullopt,
                       std::nullopt, std::nullopt, static_cast<std::int64_t>((as_of - *milestone).days())};
        if (last != nullptr) {
            o.status = last->status;
            o.reported_month = from->month;
            o.reported_on = from->received;
        }
        out.push_back(std::move(o));
    }
    return out;
}

}  // namespace zjcredit::ledger

#endif
