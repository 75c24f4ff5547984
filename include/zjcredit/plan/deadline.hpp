// plan::deadline: the organisational deadlines of 四、组织保障 — the liaison
// form (附件2) by a fixed date and the monthly 工作台账 (附件1).
#ifndef ZJCREDIT_PLAN_DEADLINE_HPP
#define ZJCREDIT_PLAN_DEADLINE_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/deadline.hpp>

#include <optional>
#include <string>

namespace zjcredit::plan {

/// One reporting deadline. Exactly one of `due` (a single date) and
/// `rule` with `first_month`/`last_month` (a monthly deadline) is set.
struct deadline {
    std::string id;          ///< "liaison_form", "monthly_ledger"
    std::string text;        ///< "请各单位于9月16日前报送联络员信息表（附件2）"
    std::string attachment;  ///< "附件2"
    std::optional<dates::date> due;  ///< a one-off deadline
    /// How "前" and rest days are read; for a one-off deadline only
    /// `inclusive` and `roll_to_working_day` apply.
    dates::deadline_rule rule;
    /// A monthly deadline: the first month reported, as the first day of the
    /// month (2022-09-01).
    std::optional<dates::date> first_month;
    /// A monthly deadline: the last month reported, as the first day of the
    /// month (2022-12-01).
    std::optional<dates::date> last_month;
    std::string clause;      ///< "四、组织保障（一）"
    std::string note;        ///< what zjcredit had to decide, said plainly

    /// True for a monthly deadline (no single `due` date).
    bool monthly() const noexcept { return !due.has_value(); }

    /// Field by field.
    friend bool operator==(const deadline&, const deadline&) = default;
};

}  // namespace zjcredit::plan

#endif
