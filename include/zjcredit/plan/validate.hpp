// plan::validate: the rules a plan's content must keep, whichever way the
// plan was made — read from JSON or built in C++.
//
// Who calls it. A plan is a plain value that anyone can build field by field,
// so its validity is settled once, where it comes into being, and not on
// every use (as libgit2 checks an object when it is created, not each time
// it is read):
//   - plan_from_json calls it on every plan it reads. The C ABI, the Python
//     binding and the CLI load plans only through plan_from_json, so the C
//     ABI's plan handle never holds an unchecked plan and does not check again.
//   - Code that builds a plan in C++ calls it once, after building and before
//     handing the plan on. The embedded plan_2022() is checked by a test
//     ("the embedded 2022 plan validates"), not on each call.
//   - The rules, the ledger and the queries do not call it. The rules take
//     one parameter set per record, not a plan, so there is no plan for them
//     to check; and validate walks the whole plan with maps, which the hot
//     path would pay on every record for a question answered once. A
//     parameter set built in C++ and handed straight to a rule is not a
//     plan: listing_award checks its own parameters, the other two rules
//     take theirs as given.
//
// What it checks is what the plan says, not how its text was written: empty
// ids and names, numbers out of range, negative money, baseline fields
// missing or out of place, comparator words outside the legal set or
// contradicting the comparator, deadlines that are neither one-off nor
// monthly, sources for parameters a set does not have, duplicate ids, one
// indicator given two names or one name two indicators, and references to units, targets, money rules
// and attachments the plan does not hold. The JSON reader keeps what is about the text (malformed JSON,
// unknown, duplicate or missing keys, JSON types, unreadable amounts, dates
// and enumeration names); a field that only another field's value makes
// required (a fixed baseline's threshold, a monthly deadline's months) is a
// rule of the content, so it is checked here. Two things cannot be wrong in a built plan, so
// there is nothing here to check: a reversed window (dates::window refuses
// one when it is constructed; the reader names the JSON path of `to`) and an
// enumeration value outside its list.
//
// Every failure is a validation_error whose field is the path the JSON
// reader uses for the same value ("measures[2].lead[0]",
// "targets[0].comparator"), so a message reads the same for a file and for a
// plan built in code. The first failure found is thrown: each part on its own,
// in plan order, then ids and references across parts.
#ifndef ZJCREDIT_PLAN_VALIDATE_HPP
#define ZJCREDIT_PLAN_VALIDATE_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/plan/plan.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zjcredit::plan {

namespace detail {

/// Ids of the money rules a measure or task can carry: the three parameter sets.
inline constexpr std::array<std::string_view, 3> rule_ids = {"first_loan_subsidy", "receivables_reward",
                                                             "listing_award"};

/// Parameter names each parameter set's `sources` may key.
inline constexpr std::array<std::string_view, 10> first_loan_parameter_names = {
    "application_window", "balance_cap",      "rate_ceiling",     "basis",  "rounding",
    "eligible_kinds",     "max_subsidy_days", "per_borrower_cap", "budget", "annual_rate_max"};
inline constexpr std::array<std::string_view, 8> receivables_parameter_names = {
    "financing_window",   "reward_rate", "basis", "rounding", "straddle", "require_platform_confirmation",
    "per_enterprise_cap", "budget"};
inline constexpr std::array<std::string_view, 3> listing_parameter_names = {"total_cap", "stages",
                                                                            "stages_are_placeholder"};

/// Ranges of the plan's counts, both ends included.
inline constexpr std::int64_t max_measure_number = 1000;
inline constexpr std::int64_t max_subsidy_days_limit = 100'000;

template <std::size_t N>
bool is_one_of(const std::array<std::string_view, N>& names, std::string_view s) {
    for (auto n : names)
        if (n == s) return true;
    return false;
}

template <std::size_t N>
std::string joined(const std::array<std::string_view, N>& names) {
    std::string out;
    for (auto n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

/// "measures[3]" from "measures" and 3.
inline std::string element_path(const std::string& path, std::size_t i) {
    return path + "[" + std::to_string(i) + "]";
}

inline void require_nonempty(const std::string& s, const std::string& path) {
    if (s.empty()) throw validation_error(path, s, "must not be empty");
}

inline void require_non_negative(money::amount a, const std::string& path) {
    if (a.is_negative()) throw validation_error(path, money::to_string(a), "must not be negative");
}

inline void require_non_negative(const std::optional<money::amount>& a, const std::string& path) {
    if (a) require_non_negative(*a, path);
}

inline void require_non_negative(money::rate r, const std::string& path) {
    if (r.units() < 0) throw validation_error(path, money::to_string(r), "must not be negative");
}

inline void require_between(std::int64_t n, std::int64_t min, std::int64_t max, const std::string& path) {
    if (n < min || n > max)
        throw validation_error(path, std::to_string(n),
                               "must be between " + std::to_string(min) + " and " + std::to_string(max));
}

// ---- each part on its own ------------------------------------------------------

inline void validate_document(const document& d) {
    for (std::size_t i = 0; i < d.sections.size(); ++i)
        require_nonempty(d.sections[i].numeral, element_path("document.sections", i) + ".numeral");
    for (std::size_t i = 0; i < d.attachments.size(); ++i)
        require_nonempty(d.attachments[i].number, element_path("document.attachments", i) + ".number");
}

inline void validate_unit(const unit& u, const std::string& path) {
    require_nonempty(u.id, path + ".id");
    require_nonempty(u.name, path + ".name");
    for (std::size_t i = 0; i < u.aliases.size(); ++i)
        if (u.aliases[i].empty())
            throw validation_error(element_path(path + ".aliases", i), "", "an alias must not be empty");
}

inline void validate_measure(const measure& m, const std::string& path) {
    require_nonempty(m.id, path + ".id");
    require_between(m.number, 1, max_measure_number, path + ".number");
    require_nonempty(m.numeral, path + ".numeral");
    for (std::size_t i = 0; i < m.tasks.size(); ++i)
        require_nonempty(m.tasks[i].id, element_path(path + ".tasks", i) + ".id");
}

inline void validate_target(const target& t, const std::string& path) {
    require_nonempty(t.id, path + ".id");
    require_nonempty(t.indicator, path + ".indicator");

    // What the baseline needs, and nothing it cannot use. A missing field
    // keeps the reader's words ("required key"): for a file it is a key.
    const bool fixed = t.baseline == baseline_kind::fixed;
    const bool prior = t.baseline == baseline_kind::prior_year_total;
    const bool peer = t.baseline == baseline_kind::peer_growth || t.baseline == baseline_kind::share_growth;
    const std::string b(to_string(t.baseline));
    if (fixed && !t.threshold)
        throw validation_error(path + ".threshold", "", "required key is missing (baseline fixed)");
    if (!fixed && t.threshold)
        throw validation_error(path + ".threshold", t.threshold->to_string(),
                               "a threshold is only read with baseline fixed, not " + b);
    if (prior && !t.factor)
        throw validation_error(path + ".factor", "", "required key is missing (baseline prior_year_total)");
    if (!prior && t.factor)
        throw validation_error(path + ".factor", t.factor->to_string(),
                               "a factor is only read with baseline prior_year_total, not " + b);
    if (peer && !t.reference_indicator)
        throw validation_error(path + ".reference_indicator", "", "required key is missing (baseline " + b + ")");
    if (!peer && t.reference_indicator)
        throw validation_error(path + ".reference_indicator", *t.reference_indicator,
                               "a reference indicator is only read with baseline peer_growth or share_growth, not " +
                                   b);
    if (!t.reference_indicator && !t.reference_indicator_name.empty())
        throw validation_error(path + ".reference_indicator_name", t.reference_indicator_name,
                               "names a reference indicator the target does not have");
    if (t.threshold && t.threshold->is_negative())
        throw validation_error(path + ".threshold", t.threshold->to_string(), "must not be negative");
    if (t.factor && (t.factor->is_negative() || t.factor->is_zero()))
        throw validation_error(path + ".factor", t.factor->to_string(), "must be positive");

    // The legal word decides the comparator (民法典 第1259条; comparator_from_word).
    const bool with_number = t.threshold.has_value() || t.factor.has_value();
    const auto implied = comparator_from_word(t.comparator_word, with_number);
    if (!implied)
        throw validation_error(path + ".comparator_word", t.comparator_word,
                               "not a comparator word of the legal set (以上, 以下, 以内, 届满, 不满, 超过, 高于, "
                               "低于, 不低于, 不少于, 达到, 不超过, 不高于, 增加, 增长, 稳中有降)");
    if (*implied != t.op)
        throw validation_error(path + ".comparator", std::string(to_string(t.op)),
                               "\"" + t.comparator_word + "\"" + (with_number ? " with a number" : "") +
                                   " means " + std::string(to_string(*implied)) + " (" +
                                   std::string(symbol(*implied)) + "), not " + std::string(to_string(t.op)) +
                                   " (" + std::string(symbol(t.op)) + ")");
}

inline void validate_deadline(const deadline& d, const std::string& path) {
    require_nonempty(d.id, path + ".id");
    require_between(d.rule.day_of_month, 1, 31, path + ".rule.day_of_month");

    // Exactly one of: a one-off `due`, or a monthly first_month..last_month.
    if (d.due) {
        if (d.first_month)
            throw validation_error(path + ".first_month", dates::to_string(*d.first_month),
                                   "a deadline with a due date is one-off and has no months");
        if (d.last_month)
            throw validation_error(path + ".last_month", dates::to_string(*d.last_month),
                                   "a deadline with a due date is one-off and has no months");
        return;
    }
    if (!d.first_month)
        throw validation_error(path + ".first_month", "", "required key is missing (a deadline needs due or months)");
    if (!d.last_month)
        throw validation_error(path + ".last_month", "", "required key is missing (a deadline needs due or months)");
    for (const auto& [key, month] : {std::pair{"first_month", *d.first_month}, std::pair{"last_month", *d.last_month}})
        if (month.day() != 1)
            throw validation_error(path + "." + key, dates::to_string(month),
                                   "a month is written as its first day (YYYY-MM-01)");
    if (*d.last_month < *d.first_month)
        throw validation_error(path + ".last_month", dates::to_string(*d.last_month),
                               "months end on " + dates::to_string(*d.last_month) + ", before they start on " +
                                   dates::to_string(*d.first_month));
}

template <std::size_t N>
void validate_sources(const sources& s, const std::array<std::string_view, N>& names, const std::string& path) {
    for (const auto& [name, src] : s)  // std::map: sorted by parameter name
        if (!is_one_of(names, name))
            throw validation_error(path + "." + name, name,
                                   "unknown parameter (expected one of " + joined(names) + ")");
}

inline void validate_first_loan(const first_loan_subsidy_parameters& p) {
    const std::string path = "parameters.first_loan_subsidy";
    require_non_negative(p.balance_cap, path + ".balance_cap");
    require_non_negative(p.rate_ceiling, path + ".rate_ceiling");
    if (!p.annual_rate_max.is_positive())
        throw validation_error(path + ".annual_rate_max", money::to_string(p.annual_rate_max), "must be above 0%");
    for (std::size_t i = 0; i < p.eligible_kinds.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (p.eligible_kinds[j] == p.eligible_kinds[i])
                throw validation_error(element_path(path + ".eligible_kinds", i),
                                       std::string(to_string(p.eligible_kinds[i])), "borrower kind listed twice");
    if (p.max_subsidy_days) require_between(*p.max_subsidy_days, 1, max_subsidy_days_limit, path + ".max_subsidy_days");
    require_non_negative(p.per_borrower_cap, path + ".per_borrower_cap");
    require_non_negative(p.budget, path + ".budget");
    validate_sources(p.sources, first_loan_parameter_names, path + ".sources");
}

inline void validate_receivables(const receivables_reward_parameters& p) {
    const std::string path = "parameters.receivables_reward";
    require_non_negative(p.reward_rate, path + ".reward_rate");
    require_non_negative(p.per_enterprise_cap, path + ".per_enterprise_cap");
    require_non_negative(p.budget, path + ".budget");
    validate_sources(p.sources, receivables_parameter_names, path + ".sources");
}

inline void validate_listing(const listing_award_parameters& p) {
    const std::string path = "parameters.listing_award";
    require_non_negative(p.total_cap, path + ".total_cap");
    std::map<std::string, std::string> seen;  // id -> path of its first use
    for (std::size_t i = 0; i < p.stages.size(); ++i) {
        const listing_stage& s = p.stages[i];
        const std::string spath = element_path(path + ".stages", i);
        require_nonempty(s.id, spath + ".id");
        require_non_negative(s.award, spath + ".award");
        if (auto [it, fresh] = seen.emplace(s.id, spath + ".id"); !fresh)
            throw validation_error(spath + ".id", s.id, "duplicate listing stage id (first at " + it->second + ")");
    }
    validate_sources(p.sources, listing_parameter_names, path + ".sources");
}

// ---- ids and references across parts ---------------------------------------------

/// Records `id` at `path`; a second use is a validation_error naming both paths.
class id_registry {
public:
    explicit id_registry(std::string what) : what_(std::move(what)) {}
    void add(const std::string& id, const std::string& path) {
        if (auto [it, fresh] = paths_.emplace(id, path); !fresh)
            throw validation_error(path, id, "duplicate " + what_ + " id (first at " + it->second + ")");
    }
    bool contains(const std::string& id) const { return paths_.find(id) != paths_.end(); }

private:
    std::string what_;
    std::map<std::string, std::string> paths_;
};

inline void check_unit_references(const std::vector<std::string>& ids, const id_registry& units,
                                  const std::string& path) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (!units.contains(ids[i]))
            throw validation_error(element_path(path, i), ids[i], "no unit has this id (dangling unit reference)");
}

inline void check_rule_reference(const std::string& id, const std::string& path) {
    if (!is_one_of(rule_ids, id))
        throw validation_error(path, id, "no money rule has this id (expected one of " + joined(rule_ids) + ")");
}

inline void validate_references(const plan& p) {
    // Units: unique ids, and every id, name and alias answers to one unit only.
    id_registry units("unit");
    std::map<std::string, std::pair<std::size_t, std::string>> names;  // name -> (unit index, path)
    for (std::size_t i = 0; i < p.units.size(); ++i) {
        const unit& u = p.units[i];
        const std::string path = element_path("units", i);
        units.add(u.id, path + ".id");
        auto claim = [&](const std::string& name, const std::string& where) {
            auto [it, fresh] = names.emplace(name, std::make_pair(i, where));
            if (!fresh && it->second.first != i)
                throw validation_error(where, name,
                                       "this name already answers to another unit (" + it->second.second + ")");
        };
        claim(u.id, path + ".id");
        claim(u.name, path + ".name");
        for (std::size_t j = 0; j < u.aliases.size(); ++j) claim(u.aliases[j], element_path(path + ".aliases", j));
    }

    id_registry targets("target");
    for (std::size_t i = 0; i < p.targets.size(); ++i) targets.add(p.targets[i].id, element_path("targets", i) + ".id");

    // One indicator, one name, and one name, one indicator: two words for one
    // figure, or one word for two, would have explanations seem to speak of
    // different things, or of one.
    std::map<std::string, std::pair<std::string, std::string>> indicator_names;  // id -> (name, path)
    std::map<std::string, std::string> named_indicators;                          // name -> id
    auto name_indicator = [&](const std::string& id, const std::string& name, const std::string& path) {
        if (name.empty()) return;
        auto [it, fresh] = indicator_names.emplace(id, std::make_pair(name, path));
        if (!fresh && it->second.first != name)
            throw validation_error(path, name,
                                   "indicator " + id + " is already named \"" + it->second.first + "\" (" +
                                       it->second.second + "); one indicator has one name");
        auto [other, first] = named_indicators.emplace(name, id);
        if (!first && other->second != id)
            throw validation_error(path, name, "names indicator " + other->second + " already; one name, one indicator");
    };
    for (std::size_t i = 0; i < p.targets.size(); ++i) {
        const target& t = p.targets[i];
        const std::string path = element_path("targets", i);
        name_indicator(t.indicator, t.indicator_name, path + ".indicator_name");
        if (t.reference_indicator)
            name_indicator(*t.reference_indicator, t.reference_indicator_name, path + ".reference_indicator_name");
    }

    // Task ids are unique across the whole plan: the monthly ledger names a task by its id alone.
    id_registry measures("measure");
    id_registry tasks("task");
    for (std::size_t i = 0; i < p.measures.size(); ++i) {
        const measure& m = p.measures[i];
        const std::string path = element_path("measures", i);
        measures.add(m.id, path + ".id");
        check_unit_references(m.lead, units, path + ".lead");
        check_unit_references(m.responsible, units, path + ".responsible");
        for (std::size_t j = 0; j < m.targets.size(); ++j)
            if (!targets.contains(m.targets[j]))
                throw validation_error(element_path(path + ".targets", j), m.targets[j],
                                       "no target has this id (dangling target reference)");
        for (std::size_t j = 0; j < m.rules.size(); ++j)
            check_rule_reference(m.rules[j], element_path(path + ".rules", j));
        for (std::size_t j = 0; j < m.tasks.size(); ++j) {
            const task& t = m.tasks[j];
            const std::string tpath = element_path(path + ".tasks", j);
            tasks.add(t.id, tpath + ".id");
            check_unit_references(t.lead, units, tpath + ".lead");
            check_unit_references(t.responsible, units, tpath + ".responsible");
            if (t.target && !targets.contains(*t.target))
                throw validation_error(tpath + ".target", *t.target,
                                       "no target has this id (dangling target reference)");
            if (t.rule) check_rule_reference(*t.rule, tpath + ".rule");
        }
    }

    id_registry deadlines("deadline");
    for (std::size_t i = 0; i < p.deadlines.size(); ++i) {
        const deadline& d = p.deadlines[i];
        const std::string path = element_path("deadlines", i);
        deadlines.add(d.id, path + ".id");
        if (!d.attachment.empty()) {
            bool found = false;
            for (const auto& a : p.doc.attachments) found = found || a.number == d.attachment;
            if (!found)
                throw validation_error(path + ".attachment", d.attachment,
                                       "no attachment of document.attachments has this number");
        }
    }
}

}  // namespace detail

/// Throws validation_error for the first rule `p` breaks, naming the field by
/// its JSON path ("measures[2].lead[0]") and quoting the offending value;
/// returns normally for a valid plan. Call it once on a plan built in C++
/// (plan_from_json already has).
inline void validate(const plan& p) {
    detail::validate_document(p.doc);
    for (std::size_t i = 0; i < p.units.size(); ++i)
        detail::validate_unit(p.units[i], detail::element_path("units", i));
    for (std::size_t i = 0; i < p.measures.size(); ++i)
        detail::validate_measure(p.measures[i], detail::element_path("measures", i));
    for (std::size_t i = 0; i < p.targets.size(); ++i)
        detail::validate_target(p.targets[i], detail::element_path("targets", i));
    for (std::size_t i = 0; i < p.deadlines.size(); ++i)
        detail::validate_deadline(p.deadlines[i], detail::element_path("deadlines", i));
    detail::validate_first_loan(p.first_loan_subsidy);
    detail::validate_receivables(p.receivables_reward);
    detail::validate_listing(p.listing_award);
    detail::validate_references(p);
}

}  // namespace zjcredit::plan

#endif
