// The monthly 工作台账 (附件1) and the liaison form (附件2) of 四、组织保障:
// what a unit reports for each of its tasks, and how a month's submission
// and a liaison form are checked against the plan.
//
// Plan text (湛金函〔2022〕86号 四、组织保障):
//  （一）请各单位于9月16日前报送联络员信息表（附件2）……
//  （二）各有关单位要明确各项指标任务完成的时间节点……根据工作进展情况填报
//       《工作台账》，并于每月25日前将当月《工作台账》报送至市金融局金融发展科邮箱。
//
// Neither attachment is printed with the plan, so the columns and the four
// progress states below are zjcredit's reading of it, labelled as such.
#ifndef ZJCREDIT_LEDGER_LEDGER_HPP
#define ZJCREDIT_LEDGER_LEDGER_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/plan/plan.hpp>

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zjcredit::ledger {

// ---- progress status -------------------------------------------------------

/// 进展情况 of one task in one month. The plan names no states; these four and
/// their Chinese labels are zjcredit's.
enum class progress_status {
    not_started,  ///< 未启动
    in_progress,  ///< 推进中
    done,         ///< 已完成
    at_risk,      ///< 存在风险: behind, or blocked
};

/// Every status, in the order of the enum (and of the template's drop-down).
inline constexpr std::array<progress_status, 4> all_progress_statuses = {
    progress_status::not_started, progress_status::in_progress, progress_status::done, progress_status::at_risk};

/// Stable ASCII id: "not_started", "in_progress", "done", "at_risk".
constexpr std::string_view to_string(progress_status s) noexcept {
    switch (s) {
        case progress_status::not_started: return "not_started";
        case progress_status::in_progress: return "in_progress";
        case progress_status::done: return "done";
        case progress_status::at_risk: return "at_risk";
    }
    return "not_started";  // unreachable
}

/// The label written in the ledger's 进展情况 column.
constexpr std::string_view label_zh(progress_status s) noexcept {
    switch (s) {
        case progress_status::not_started: return "未启动";
        case progress_status::in_progress: return "推进中";
        case progress_status::done: return "已完成";
        case progress_status::at_risk: return "存在风险";
    }
    return "未启动";  // unreachable
}

/// The status named by its id or its Chinese label; nullopt otherwise.
constexpr std::optional<progress_status> progress_status_from_string(std::string_view s) noexcept {
    for (auto st : all_progress_statuses)
        if (s == to_string(st) || s == label_zh(st)) return st;
    return std::nullopt;
}

// ---- the records -------------------------------------------------------------

/// One row of a unit's 工作台账: its progress on one task in one month.
struct entry {
    std::string unit;                      ///< unit id (find_unit() accepts any alias)
    year_month month;                      ///< the month reported on (当月)
    std::string task;                      ///< task id, "m3.fx_facilitation"
    progress_status status = progress_status::not_started;  ///< 进展情况
    std::string figures;                   ///< 完成数据: exactly as reported, never parsed
    std::optional<dates::date> milestone;  ///< 时间节点 the unit set; none: the plan's, if any
    std::string note;                      ///< 备注
    dates::date received;                  ///< 报送日期 of the submission that carried the row

    /// Field by field.
    friend bool operator==(const entry&, const entry&) = default;
};

/// A unit's 工作台账 for one month, as received on one day. Every entry
/// carries the same unit, month and received date (validate() checks it).
/// A unit may send a month's ledger more than once (a correction): the
/// earliest decides whether it was on time, the latest is its progress.
struct submission {
    std::string unit;            ///< unit id (find_unit() accepts any alias)
    year_month month;            ///< the month reported on (当月)
    dates::date received;        ///< 报送日期: the day it arrived
    std::vector<entry> entries;  ///< one per task reported

    /// Field by field.
    friend bool operator==(const submission&, const submission&) = default;
};

/// 联络员信息表 (附件2). The attachment is not printed; these fields follow the
/// plan's words ("明确……联络员，联络员为具体业务负责同志") and the usual form.
struct liaison_form {
    std::string unit;   ///< unit id or alias
    std::string name;   ///< 姓名
    std::string post;   ///< 职务
    std::string phone;  ///< 联系电话
    std::string email;  ///< 电子邮箱
    dates::date received;  ///< 报送日期: the day it arrived

    /// Field by field.
    friend bool operator==(const liaison_form&, const liaison_form&) = default;
};

// ---- who reports what ----------------------------------------------------------

/// One row a unit owes each month: a task of a measure it leads or shares.
struct assignment {
    const plan::unit* unit = nullptr;        ///< the unit that owes the row (points into the plan)
    const plan::measure* measure = nullptr;  ///< the measure the task belongs to
    const plan::task* task = nullptr;        ///< the task reported on
};

/// The task with this id and its measure; not_found_error otherwise.
inline std::pair<const plan::measure*, const plan::task*> find_task(const plan::plan& p, std::string_view id) {
    for (const auto& m : p.measures)
        for (const auto& t : m.tasks)
            if (t.id == id) return {&m, &t};
    throw not_found_error("task", std::string(id), "no task has this id");
}

/// Whether `unit_id` is a lead or responsible unit of `t`.
inline bool assigned(const plan::task& t, std::string_view unit_id) {
    return plan::detail::contains(t.lead, unit_id) || plan::detail::contains(t.responsible, unit_id);
}

/// Whether the unit (any alias) must file the monthly ledger: it is one of
/// plan::ledger_units(p).
inline bool files_ledger(const plan::plan& p, std::string_view unit_name) {
    const std::string& id = plan::find_unit(p, unit_name).id;
    const auto units = plan::ledger_units(p);
    return std::any_of(units.begin(), units.end(), [&](const plan::unit* u) { return u->id == id; });
}

/// The rows of the monthly ledger: for every unit of plan::ledger_units(p)
/// in plan order, every task it leads or is responsible for, in plan order.
/// `only_unit` (any alias) keeps one unit's rows; it must file the ledger.
inline std::vector<assignment> assignments(const plan::plan& p, std::optional<std::string_view> only_unit = {}) {
    std::string only;
    if (only_unit) {
        only = plan::find_unit(p, *only_unit).id;
        if (!files_ledger(p, only))
            throw validation_error("unit", std::string(*only_unit), "does not file the monthly 工作台账");
    }
    std::vector<assignment> out;
    for (const plan::unit* u : plan::ledger_units(p)) {
        if (only_unit && u->id != only) continue;
        for (const auto& m : p.measures)
            for (const auto& t : m.tasks)
                if (assigned(t, u->id)) out.push_back({u, &m, &t});
    }
    return out;
}

// ---- validation ------------------------------------------------------------------

namespace detail {

inline void require_utf8(const std::string& text, const std::string& field) {
    zjcredit::detail::decode_utf8(text, field);
}

}  // namespace detail

/// Checks a submission against the plan; throws naming the field
/// ("entries[2].task"):
///  - not_found_error: a unit or task the plan does not have;
///  - validation_error: a unit that files no ledger (the issuer), an entry
///    whose unit, month or received date differs from the submission's, a
///    task the unit neither leads nor shares, a task reported twice, a
///    special (not-a-date) received date or milestone;
///  - parse_error: figures or a note that are not valid UTF-8.
inline void validate(const submission& s, const plan::plan& p) {
    const plan::unit& u = plan::find_unit(p, s.unit);
    if (!files_ledger(p, u.id))
        throw validation_error("unit", s.unit, "does not file the monthly 工作台账 (" + u.name + ")");
    dates::detail::require_plain(s.received, "received");
    std::vector<std::string> seen;
    for (std::size_t i = 0; i < s.entries.size(); ++i) {
        const entry& e = s.entries[i];
        const std::string at = "entries[" + std::to_string(i) + "]";
        if (plan::find_unit(p, e.unit).id != u.id)
            throw validation_error(at + ".unit", e.unit, "differs from the submission's unit " + u.id);
        if (e.month != s.month)
            throw validation_error(at + ".month", to_string(e.month),
                                   "differs from the submission's month " + to_string(s.month));
        dates::detail::require_plain(e.received, at + ".received");
        if (e.received != s.received)
            throw validation_error(at + ".received", dates::to_string(e.received),
                                   "differs from the submission's received date " + dates::to_string(s.received));
        const plan::task* found = nullptr;
        try {
            found = find_task(p, e.task).second;
        } catch (const not_found_error& x) {
            throw not_found_error(at + ".task", e.task, x.detail());  // name the entry, not just "task"
        }
        const plan::task& t = *found;
        if (!assigned(t, u.id))
            throw validation_error(at + ".task", e.task, "is not a task of " + u.name);
        if (plan::detail::contains(seen, e.task))
            throw validation_error(at + ".task", e.task, "reported twice in one submission");
        seen.push_back(e.task);
        if (e.milestone) dates::detail::require_plain(*e.milestone, at + ".milestone");
        detail::require_utf8(e.figures, at + ".figures");
        detail::require_utf8(e.note, at + ".note");
    }
}

/// Groups rows into submissions: one per (unit, month, received date), in
/// the order each first appears, rows in their order. Units are compared by
/// id, so "人行" and "pbc_zhanjiang" are one unit; the submission and its
/// entries carry the unit id.
inline std::vector<submission> group_entries(const std::vector<entry>& entries, const plan::plan& p) {
    std::vector<submission> out;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        entry e = entries[i];
        dates::detail::require_plain(e.received, "entries[" + std::to_string(i) + "].received");
        e.unit = plan::find_unit(p, e.unit).id;
        auto it = std::find_if(out.begin(), out.end(), [&](const submission& s) {
            return s.unit == e.unit && s.month == e.month && s.received == e.received;
        });
        if (it == out.end()) {
            out.push_back(submission{e.unit, e.month, e.received, {}});
            it = std::prev(out.end());
        }
        it->entries.push_back(std::move(e));
    }
    return out;
}

/// The entries of a submission for every task the unit owes, status
/// not_started and the plan's milestone: a blank ledger to fill in.
inline submission blank_submission(const plan::plan& p, std::string_view unit_name, year_month month,
                                   dates::date received) {
    const std::string& id = plan::find_unit(p, unit_name).id;
    submission s{id, month, received, {}};
    for (const auto& a : assignments(p, id))
        s.entries.push_back(entry{id, month, a.task->id, progress_status::not_started, "", a.task->milestone, "",
                                  received});
    return s;
}

}  // namespace zjcredit::ledger

#endif
