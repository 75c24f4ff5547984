// plan::plan: one whole action plan as data — the document, its units,
// measures and tasks, targets, organisational deadlines and the parameters
// of its money rules — and the queries people ask of it.
#ifndef ZJCREDIT_PLAN_PLAN_HPP
#define ZJCREDIT_PLAN_PLAN_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/detail/suggest.hpp>
#include <zjcredit/plan/deadline.hpp>
#include <zjcredit/plan/measure.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/plan/target.hpp>
#include <zjcredit/plan/unit.hpp>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {

/// A top-level section heading as printed ("一、工作目标").
struct section {
    std::string numeral;  ///< "一"
    std::string title;    ///< "工作目标"

    /// Field by field.
    friend bool operator==(const section&, const section&) = default;
};

/// An attachment the text refers to.
struct attachment {
    std::string number;    ///< "附件1"
    std::string title;     ///< "湛江市金融系统优化营商环境行动工作任务台账"
    bool included = false; ///< whether the published text carries it

    /// Field by field.
    friend bool operator==(const attachment&, const attachment&) = default;
};

/// The document itself.
struct document {
    std::string issuer;         ///< "湛江市金融工作局"
    std::string number;         ///< "湛金函〔2022〕86号"
    std::string title;          ///< the document's title as printed
    dates::date issued;         ///< 2022-09-13
    dates::date due;            ///< every target's year end: 2022-12-31
    std::string recipients;     ///< the 主送 line as printed
    std::vector<section> sections;        ///< its top-level section headings, in printed order
    std::vector<attachment> attachments;  ///< the attachments the text refers to (附件1, 附件2)
    std::string rule_set_version;  ///< version of the rules' parameters, e.g. "2022.1"

    /// Field by field.
    friend bool operator==(const document&, const document&) = default;
};

/// A whole plan. A plain value: copy it, compare it, load and save it. It has
/// no default constructor: a plan always comes with its rules' parameters.
struct plan {
    document doc;                                      ///< the document: number, title, dates, headings
    std::vector<unit> units;                           ///< every unit it names, the issuer included
    std::vector<measure> measures;                     ///< 主要措施, in plan order
    std::vector<target> targets;                       ///< 工作目标, in plan order
    std::vector<deadline> deadlines;                   ///< its reporting deadlines (monthly_ledger, liaison_form)
    first_loan_subsidy_parameters first_loan_subsidy;  ///< measure 一's parameters
    receivables_reward_parameters receivables_reward;  ///< measure 二's parameters
    listing_award_parameters listing_award;            ///< measure 六's parameters

    /// Field by field.
    friend bool operator==(const plan&, const plan&) = default;
};

// ---- queries ---------------------------------------------------------------

/// The unit with this id, name or alias; not_found_error otherwise.
inline const unit& find_unit(const plan& p, std::string_view name_or_alias) {
    for (const auto& u : p.units)
        if (u.answers_to(name_or_alias)) return u;
    throw not_found_error("unit", std::string(name_or_alias), "no unit has this name or alias");
}

/// The measure with this id ("m3"); not_found_error otherwise.
inline const measure& find_measure(const plan& p, std::string_view id) {
    for (const auto& m : p.measures)
        if (m.id == id) return m;
    throw not_found_error("measure", std::string(id), "no measure has this id");
}

/// The target with this id; not_found_error (with a did-you-mean hint) otherwise.
inline const target& find_target(const plan& p, std::string_view id) {
    std::vector<std::string> ids;
    for (const auto& t : p.targets) {
        if (t.id == id) return t;
        ids.push_back(t.id);
    }
    throw not_found_error("target", std::string(id), "no target has this id" + zjcredit::detail::did_you_mean(id, ids));
}

/// The indicator ids observations give figures for: each target's indicator
/// and reference indicator, in plan order, each once.
inline std::vector<std::string> indicators(const plan& p) {
    std::vector<std::string> out;
    const auto add = [&](const std::string& i) {
        if (std::find(out.begin(), out.end(), i) == out.end()) out.push_back(i);
    };
    for (const auto& t : p.targets) {
        add(t.indicator);
        if (t.reference_indicator) add(*t.reference_indicator);
    }
    return out;
}

/// The indicator's name in the plan's words ("普惠小微贷款余额" for
/// "inclusive_sme_loan_balance"), from the first target that names it;
/// empty when no target does.
inline std::string indicator_name(const plan& p, std::string_view indicator) {
    for (const auto& t : p.targets) {
        if (t.indicator == indicator && !t.indicator_name.empty()) return t.indicator_name;
        if (t.reference_indicator == indicator && !t.reference_indicator_name.empty())
            return t.reference_indicator_name;
    }
    return {};
}

namespace detail {
inline bool contains(const std::vector<std::string>& ids, std::string_view id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace detail

/// Measures the unit (any alias) leads (牵头), in plan order.
inline std::vector<const measure*> measures_led_by(const plan& p, std::string_view unit_name) {
    const std::string& id = find_unit(p, unit_name).id;
    std::vector<const measure*> out;
    for (const auto& m : p.measures)
        if (detail::contains(m.lead, id)) out.push_back(&m);
    return out;
}

/// Measures the unit (any alias) is responsible for (责任), in plan order.
inline std::vector<const measure*> measures_responsible(const plan& p, std::string_view unit_name) {
    const std::string& id = find_unit(p, unit_name).id;
    std::vector<const measure*> out;
    for (const auto& m : p.measures)
        if (detail::contains(m.responsible, id)) out.push_back(&m);
    return out;
}

/// Lead units then responsible units of a measure, in the plan's order.
inline std::vector<const unit*> units_of(const plan& p, std::string_view measure_id) {
    const measure& m = find_measure(p, measure_id);
    std::vector<const unit*> out;
    for (const auto* list : {&m.lead, &m.responsible})
        for (const auto& id : *list) out.push_back(&find_unit(p, id));
    return out;
}

/// Targets a measure serves, in the order of the plan's targets.
inline std::vector<const target*> targets_of(const plan& p, std::string_view measure_id) {
    const measure& m = find_measure(p, measure_id);
    std::vector<const target*> out;
    for (const auto& t : p.targets)
        if (detail::contains(m.targets, t.id)) out.push_back(&t);
    return out;
}

/// Units that must file the monthly 工作台账: every unit that leads or is
/// responsible for a measure, except the issuer that collects it. Plan order.
inline std::vector<const unit*> ledger_units(const plan& p) {
    std::vector<const unit*> out;
    for (const auto& u : p.units) {
        if (u.issuer) continue;
        const bool named = std::any_of(p.measures.begin(), p.measures.end(), [&](const measure& m) {
            return detail::contains(m.lead, u.id) || detail::contains(m.responsible, u.id);
        });
        if (named) out.push_back(&u);
    }
    return out;
}

}  // namespace zjcredit::plan

#endif
