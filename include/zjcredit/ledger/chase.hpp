// The chase list (催报清单): whom the bureau must chase after a check of the
// 工作台账 and the liaison forms — every unit late or missing, and every
// unit that filed without some of its tasks — with the contact of its
// liaison (the latest liaison form) to chase them by.
#ifndef ZJCREDIT_LEDGER_CHASE_HPP
#define ZJCREDIT_LEDGER_CHASE_HPP

#include <zjcredit/dates/deadline.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/ledger/month.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::ledger {

/// One unit to chase for one thing it owes.
struct chase_item {
    std::string matter;               ///< "liaison_form" or "monthly_ledger"
    std::optional<year_month> month;  ///< the ledger's month; none for the liaison form
    std::string unit;                 ///< unit id
    std::string unit_name;            ///< the plan's name for it
    dates::submission_status status = dates::submission_status::missing;  ///< on_time: filed, but tasks are missing
    std::int64_t days_late = 0;       ///< late: calendar days after the due day
    std::vector<std::string> tasks_not_reported;  ///< ledger: tasks its submissions left out (all when missing)
    std::vector<form_problem> problems;           ///< liaison form: its empty or malformed fields
    /// The liaison's latest form: name, post, phone, e-mail. None: the unit
    /// sent no liaison form (or none was given to the check).
    std::optional<liaison_form> contact;

    /// Field by field.
    friend bool operator==(const chase_item&, const chase_item&) = default;
};

/// 联络员信息表 / 工作台账.
inline std::string matter_zh(std::string_view matter) {
    return matter == "liaison_form" ? "联络员信息表" : "工作台账";
}

/// The chase list of a check: first the liaison forms (when `liaison` is
/// given) late, missing or with a problem, then month by month the units
/// late, missing, or on time but short of tasks, in plan::ledger_units
/// order. A missing unit's tasks_not_reported are all it owes that month.
inline std::vector<chase_item> chase_list(const plan::plan& p, const period_compliance& period,
                                          const liaison_compliance* liaison = nullptr) {
    auto contact_of = [&](const std::string& unit) -> std::optional<liaison_form> {
        if (liaison == nullptr) return std::nullopt;
        for (const auto& u : liaison->units)
            if (u.unit == unit) return u.form;
        return std::nullopt;
    };
    std::vector<chase_item> out;
    if (liaison != nullptr)
        for (const auto& u : liaison->units) {
            if (u.check.status == dates::submission_status::on_time && u.problems.empty()) continue;
            out.push_back(chase_item{"liaison_form", std::nullopt, u.unit, u.unit_name, u.check.status,
                                     u.check.days_late, {}, u.problems, u.form});
        }
    for (const auto& m : period.months)
        for (const auto& u : m.units) {
            std::vector<std::string> tasks = u.tasks_not_reported;
            if (u.check.status == dates::submission_status::missing) {
                tasks.clear();
                for (const auto& a : assignments(p, u.unit)) tasks.push_back(a.task->id);
            }
            if (u.check.status == dates::submission_status::on_time && tasks.empty()) continue;
            out.push_back(chase_item{"monthly_ledger", m.month, u.unit, u.unit_name, u.check.status,
                                     u.check.days_late, std::move(tasks), {}, contact_of(u.unit)});
        }
    return out;
}

}  // namespace zjcredit::ledger

#endif
