// plan::measure and plan::task: the six 主要措施 and the concrete 工作任务
// each lists, which are the rows of the monthly 工作台账.
#ifndef ZJCREDIT_PLAN_MEASURE_HPP
#define ZJCREDIT_PLAN_MEASURE_HPP

#include <zjcredit/dates/date.hpp>

#include <optional>
#include <string>
#include <vector>

namespace zjcredit::plan {

/// One 工作任务 of a measure.
struct task {
    std::string id;                        ///< "m1.ip_pledge_loans"
    std::string text;                      ///< the task as the plan words it
    std::vector<std::string> lead;         ///< unit ids (牵头单位)
    std::vector<std::string> responsible;  ///< unit ids (责任单位)
    std::optional<std::string> target;     ///< id of the target it serves, if any
    std::optional<std::string> rule;       ///< id of the money rule it carries out, if any
    bool quantitative = false;             ///< has a figure to report
    /// 时间节点: set by the responsible unit (四、组织保障（二）); the plan
    /// gives none, so the embedded plan leaves it empty.
    std::optional<dates::date> milestone;
    std::string clause;                    ///< where the plan says it

    /// Field by field.
    friend bool operator==(const task&, const task&) = default;
};

/// One 主要措施.
struct measure {
    std::string id;                        ///< "m1" … "m6"
    int number = 0;                        ///< 1 … 6
    std::string numeral;                   ///< "一" … "六", as printed
    std::string title;                     ///< "加大对中小微企业的信贷支持力度"
    std::string text;                      ///< the whole paragraph
    std::vector<std::string> lead;         ///< unit ids (牵头单位)
    std::vector<std::string> responsible;  ///< unit ids (责任单位)
    std::vector<std::string> targets;      ///< ids of the targets it serves
    std::vector<std::string> rules;        ///< ids of the money rules it carries
    std::vector<task> tasks;               ///< its 工作任务, in the plan's order
    std::string clause;                    ///< "二、主要措施（一）"

    /// Field by field.
    friend bool operator==(const measure&, const measure&) = default;
};

}  // namespace zjcredit::plan

#endif
