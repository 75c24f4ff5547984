// Plan lint: what a plan's text gets wrong or leaves open, found by looking
// at the plan as data. The 2022 plan has three such findings (units not on
// its recipient list, a section numbering gap, attachments not included).
#ifndef ZJCREDIT_PLAN_LINT_HPP
#define ZJCREDIT_PLAN_LINT_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/plan/plan.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {

/// How serious a finding is. `zjcredit lint` exits with status 1 when
/// any finding is an error.
enum class severity {
    info,     ///< a remark; the text is not wrong (no check of lint() reports it today)
    warning,  ///< the text leaves something open or out: a unit not addressed, a missing attachment
    error,    ///< the plan contradicts itself as data: a dangling id, an operator its legal word contradicts
};

/// The enumerator's name ("warning"), as lint's text and JSON output write it.
constexpr std::string_view to_string(severity s) noexcept {
    switch (s) {
        case severity::info: return "info";
        case severity::warning: return "warning";
        case severity::error: return "error";
    }
    return "info";
}

/// One lint finding. `code` is stable and machine-readable.
struct finding {
    std::string code;     ///< "unit_not_addressed", "section_gap", ...
    severity level = severity::warning;  ///< how serious it is
    std::string subject;  ///< what it is about: a unit id, a section numeral, ...
    std::string clause;   ///< where in the plan
    std::string message;  ///< one sentence, Chinese names quoted as printed

    /// Field by field.
    friend bool operator==(const finding&, const finding&) = default;
};

/// Codes lint() can report, in the order it checks them.
inline constexpr std::array<std::string_view, 9> lint_codes = {
    "dangling_reference",  "measure_without_lead", "unit_not_addressed",
    "section_gap",         "attachment_missing",   "target_unserved",
    "comparator_mismatch", "deadline_after_due",   "milestone_after_due",
};

namespace detail {

/// 一 … 十 as 1 … 10; nullopt for anything else.
inline std::optional<int> chinese_numeral(std::string_view s) {
    static constexpr std::array<std::string_view, 10> numerals = {"一", "二", "三", "四", "五",
                                                                  "六", "七", "八", "九", "十"};
    for (std::size_t i = 0; i < numerals.size(); ++i)
        if (s == numerals[i]) return static_cast<int>(i) + 1;
    return std::nullopt;
}

inline const char* chinese_numeral_text(int n) {
    static constexpr std::array<const char*, 10> numerals = {"一", "二", "三", "四", "五",
                                                             "六", "七", "八", "九", "十"};
    return (n >= 1 && n <= 10) ? numerals[static_cast<std::size_t>(n - 1)] : "?";
}

inline bool has_unit(const plan& p, const std::string& id) {
    for (const auto& u : p.units)
        if (u.id == id) return true;
    return false;
}

inline bool has_target(const plan& p, const std::string& id) {
    for (const auto& t : p.targets)
        if (t.id == id) return true;
    return false;
}

}  // namespace detail

/// Every finding for `p`, in the order of lint_codes, then plan order.
inline std::vector<finding> lint(const plan& p) {
    std::vector<finding> out;
    auto report = [&](std::string_view code, severity s, std::string subject, std::string clause,
                      std::string message) {
        out.push_back(finding{std::string(code), s, std::move(subject), std::move(clause), std::move(message)});
    };

    // References to units and targets that the plan does not hold.
    for (const auto& m : p.measures) {
        for (const auto* list : {&m.lead, &m.responsible})
            for (const auto& id : *list)
                if (!detail::has_unit(p, id))
                    report("dangling_reference", severity::error, id, m.clause,
                           "measure " + m.id + " names unit \"" + id + "\", which the plan does not list");
        for (const auto& id : m.targets)
            if (!detail::has_target(p, id))
                report("dangling_reference", severity::error, id, m.clause,
                       "measure " + m.id + " serves target \"" + id + "\", which the plan does not list");
        for (const auto& t : m.tasks)
            for (const auto* list : {&t.lead, &t.responsible})
                for (const auto& id : *list)
                    if (!detail::has_unit(p, id))
                        report("dangling_reference", severity::error, id, t.clause,
                               "task " + t.id + " names unit \"" + id + "\", which the plan does not list");
        for (const auto& t : m.tasks)
            if (t.target && !detail::has_target(p, *t.target))
                report("dangling_reference", severity::error, *t.target, t.clause,
                       "task " + t.id + " serves target \"" + *t.target + "\", which the plan does not list");
    }

    for (const auto& m : p.measures)
        if (m.lead.empty())
            report("measure_without_lead", severity::error, m.id, m.clause,
                   "measure " + m.id + " (" + m.title + ") has no lead unit (牵头单位)");

    // Units the measures name that the notice was not sent to.
    std::set<std::string> reported;
    for (const auto& m : p.measures)
        for (const auto* list : {&m.lead, &m.responsible})
            for (const auto& id : *list) {
                const unit* u = nullptr;
                for (const auto& candidate : p.units)
                    if (candidate.id == id) u = &candidate;
                if (u == nullptr || u->addressed || u->issuer || !reported.insert(id).second) continue;
                report("unit_not_addressed", severity::warning, id, m.clause,
                       u->name + " is a unit of measure " + m.numeral + " but not on the notice's recipient list");
            }

    // Top-level section numbering: 一, 二, 四 skips 三.
    int expected = 1;
    for (const auto& s : p.doc.sections) {
        const auto n = detail::chinese_numeral(s.numeral);
        if (!n) {
            report("section_gap", severity::warning, s.numeral, s.numeral + "、" + s.title,
                   "section numeral \"" + s.numeral + "\" is not 一 … 十");
            continue;
        }
        for (int missing = expected; missing < *n; ++missing)
            report("section_gap", severity::warning, detail::chinese_numeral_text(missing), s.numeral + "、" + s.title,
                   std::string("section ") + detail::chinese_numeral_text(missing) + " is missing before " +
                       s.numeral + "、" + s.title);
        expected = *n + 1;
    }

    for (const auto& a : p.doc.attachments)
        if (!a.included)
            report("attachment_missing", severity::warning, a.number, a.number,
                   a.number + " (" + a.title + ") is referred to but not included");

    for (const auto& t : p.targets) {
        bool served = false;
        for (const auto& m : p.measures)
            for (const auto& id : m.targets) served = served || id == t.id;
        if (!served)
            report("target_unserved", severity::warning, t.id, t.clause,
                   "target " + t.id + " is served by no measure");
    }

    for (const auto& t : p.targets) {
        const bool with_number = t.threshold.has_value() || t.factor.has_value();
        const auto implied = comparator_from_word(t.comparator_word, with_number);
        if (!implied || *implied != t.op)
            report("comparator_mismatch", severity::error, t.id, t.clause,
                   "target " + t.id + " uses \"" + t.comparator_word + "\" but compares with " +
                       std::string(symbol(t.op)));
    }

    const dates::date& due = p.doc.due;
    for (const auto& d : p.deadlines) {
        std::optional<dates::date> last;
        if (d.due) last = *d.due;
        else if (d.last_month) {
            // The named day of the last month; a month too short for it names
            // its own last day (as dates::for_month does), so "每月31日前" in
            // November is the 30th, not December 1st.
            const int year = static_cast<int>(d.last_month->year());
            const int month = static_cast<int>(d.last_month->month());
            const int day = std::clamp(d.rule.day_of_month, 1, dates::detail::days_in_month(year, month));
            last = dates::date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                               static_cast<unsigned short>(day));
        }
        if (last && !due.is_not_a_date() && *last > due)
            report("deadline_after_due", severity::warning, d.id, d.clause,
                   "deadline " + d.id + " falls on " + dates::to_string(*last) + ", after the plan's due date " +
                       dates::to_string(due));
    }
    for (const auto& t : p.targets)
        if (!due.is_not_a_date() && !t.due.is_not_a_date() && t.due > due)
            report("deadline_after_due", severity::warning, t.id, t.clause,
                   "target " + t.id + " is due " + dates::to_string(t.due) + ", after the plan's due date " +
                       dates::to_string(due));
    for (const auto& m : p.measures)
        for (const auto& t : m.tasks)
            if (t.milestone && !due.is_not_a_date() && *t.milestone > due)
                report("milestone_after_due", severity::warning, t.id, t.clause,
                       "task " + t.id + " has its milestone on " + dates::to_string(*t.milestone) +
                           ", after the plan's due date " + dates::to_string(due));
    return out;
}

}  // namespace zjcredit::plan

#endif
