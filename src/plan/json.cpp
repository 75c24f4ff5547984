// Plan JSON, schema version 1 (docs/plan-schema.md).
//
// Writing builds an ordered_json in one fixed key order, so equal plans give
// byte-identical text. Reading goes through json::object_reader: every error
// names the JSON path and the offending text, unknown keys are errors, and
// amounts, rates and decimals are read from strings only. Cross-references
// (unit, target and rule ids) and uniqueness are checked after the whole
// document is read, with the path of the offending element.
#include <zjcredit/plan/json.hpp>

#include "json_parts.hpp"

#include "../json/document.hpp"
#include "../json/reader.hpp"
#include "../json/writer.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/rounding.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {
namespace {

using json::value;

// ---- names -----------------------------------------------------------------

/// Ids of the money rules a measure or task can carry: the three parameter sets.
constexpr std::array<std::string_view, 3> rule_ids = {"first_loan_subsidy", "receivables_reward", "listing_award"};

/// Parameter names each parameter set's `sources` may key.
constexpr std::array<std::string_view, 9> first_loan_parameters = {
    "application_window", "balance_cap",      "rate_ceiling",     "basis", "rounding",
    "eligible_kinds",     "max_subsidy_days", "per_borrower_cap", "budget"};
constexpr std::array<std::string_view, 8> receivables_parameters = {
    "financing_window", "reward_rate",   "basis",
    "rounding",         "straddle",      "require_platform_confirmation",
    "per_enterprise_cap", "budget"};
constexpr std::array<std::string_view, 3> listing_parameters = {"total_cap", "stages", "stages_are_placeholder"};

template <std::size_t N>
bool one_of(const std::array<std::string_view, N>& names, std::string_view s) {
    for (auto n : names)
        if (n == s) return true;
    return false;
}

template <std::size_t N>
std::string list_names(const std::array<std::string_view, N>& names) {
    std::string out;
    for (auto n : names) {
        if (!out.empty()) out += ", ";
        out += n;
    }
    return out;
}

constexpr std::array<unit_kind, 7> all_unit_kinds = {
    unit_kind::government_department, unit_kind::public_institution, unit_kind::regulator,
    unit_kind::bank_group,            unit_kind::state_enterprise,   unit_kind::private_enterprise,
    unit_kind::guarantee_company};
constexpr std::array<comparator, 4> all_comparators = {comparator::at_least, comparator::more_than,
                                                       comparator::at_most, comparator::less_than};
constexpr std::array<measure_unit, 5> all_measure_units = {measure_unit::yuan, measure_unit::borrowers,
                                                           measure_unit::companies, measure_unit::events,
                                                           measure_unit::percent};
constexpr std::array<baseline_kind, 5> all_baselines = {baseline_kind::fixed, baseline_kind::year_start,
                                                        baseline_kind::prior_year_total,
                                                        baseline_kind::peer_growth, baseline_kind::share_growth};
constexpr std::array<borrower_kind, 3> all_borrower_kinds = {borrower_kind::small, borrower_kind::micro,
                                                             borrower_kind::individual_business};
constexpr std::array<straddle_policy, 3> all_straddles = {straddle_policy::full_if_start_in_window,
                                                          straddle_policy::days_in_window, straddle_policy::exclude};
constexpr std::array<money::rounding, 4> all_roundings = {money::rounding::half_up, money::rounding::half_even,
                                                          money::rounding::down, money::rounding::up};

/// "measures[3]" from "measures" and 3.
std::string at(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// ---- writing ---------------------------------------------------------------

value window_json(const dates::window& w) {
    value out = value::object();
    out["from"] = dates::to_string(w.from());
    out["to"] = dates::to_string(w.to());
    return out;
}

value sources_json(const sources& s) {
    value out = value::object();
    for (const auto& [name, src] : s) {  // std::map: sorted by parameter name
        value o = value::object();
        o["clause"] = src.clause;
        o["from_plan"] = src.from_plan;
        if (!src.note.empty()) o["note"] = src.note;
        out[name] = std::move(o);
    }
    return out;
}

value document_json(const document& d) {
    value out = value::object();
    out["issuer"] = d.issuer;
    out["number"] = d.number;
    out["title"] = d.title;
    out["issued"] = dates::to_string(d.issued);
    out["due"] = dates::to_string(d.due);
    out["recipients"] = d.recipients;
    value sections = value::array();
    for (const auto& s : d.sections) {
        value o = value::object();
        o["numeral"] = s.numeral;
        o["title"] = s.title;
        sections.push_back(std::move(o));
    }
    out["sections"] = std::move(sections);
    value attachments = value::array();
    for (const auto& a : d.attachments) {
        value o = value::object();
        o["number"] = a.number;
        o["title"] = a.title;
        o["included"] = a.included;
        attachments.push_back(std::move(o));
    }
    out["attachments"] = std::move(attachments);
    out["rule_set_version"] = d.rule_set_version;
    return out;
}

value unit_json(const unit& u) {
    value out = value::object();
    out["id"] = u.id;
    out["name"] = u.name;
    out["aliases"] = json::strings(u.aliases);
    out["kind"] = to_string(u.kind);
    out["addressed"] = u.addressed;
    out["issuer"] = u.issuer;
    if (!u.note.empty()) out["note"] = u.note;
    return out;
}

value task_json(const task& t) {
    value out = value::object();
    out["id"] = t.id;
    out["text"] = t.text;
    out["lead"] = json::strings(t.lead);
    out["responsible"] = json::strings(t.responsible);
    if (t.target) out["target"] = *t.target;
    if (t.rule) out["rule"] = *t.rule;
    out["quantitative"] = t.quantitative;
    if (t.milestone) out["milestone"] = dates::to_string(*t.milestone);
    out["clause"] = t.clause;
    return out;
}

value measure_json(const measure& m) {
    value out = value::object();
    out["id"] = m.id;
    out["number"] = m.number;
    out["numeral"] = m.numeral;
    out["title"] = m.title;
    out["text"] = m.text;
    out["lead"] = json::strings(m.lead);
    out["responsible"] = json::strings(m.responsible);
    out["targets"] = json::strings(m.targets);
    out["rules"] = json::strings(m.rules);
    out["clause"] = m.clause;
    value tasks = value::array();
    for (const auto& t : m.tasks) tasks.push_back(task_json(t));
    out["tasks"] = std::move(tasks);
    return out;
}

value target_json(const target& t) {
    value out = value::object();
    out["id"] = t.id;
    out["text"] = t.text;
    out["indicator"] = t.indicator;
    out["unit"] = to_string(t.unit);
    out["comparator"] = to_string(t.op);
    out["comparator_word"] = t.comparator_word;
    out["baseline"] = to_string(t.baseline);
    if (t.threshold) out["threshold"] = t.threshold->to_string();
    if (t.factor) out["factor"] = t.factor->to_string();
    if (t.reference_indicator) out["reference_indicator"] = *t.reference_indicator;
    if (t.group) out["group"] = *t.group;
    out["qualitative"] = t.qualitative;
    out["due"] = dates::to_string(t.due);
    out["clause"] = t.clause;
    if (!t.note.empty()) out["note"] = t.note;
    return out;
}

value deadline_json(const deadline& d) {
    value out = value::object();
    out["id"] = d.id;
    out["text"] = d.text;
    if (!d.attachment.empty()) out["attachment"] = d.attachment;
    if (d.due) out["due"] = dates::to_string(*d.due);
    if (d.first_month) out["first_month"] = dates::to_string(*d.first_month);
    if (d.last_month) out["last_month"] = dates::to_string(*d.last_month);
    value rule = value::object();
    rule["day_of_month"] = d.rule.day_of_month;
    rule["inclusive"] = d.rule.inclusive;
    rule["roll_to_working_day"] = d.rule.roll_to_working_day;
    out["rule"] = std::move(rule);
    out["clause"] = d.clause;
    if (!d.note.empty()) out["note"] = d.note;
    return out;
}

value first_loan_json(const first_loan_subsidy_parameters& p) {
    value out = value::object();
    out["application_window"] = window_json(p.application_window);
    out["balance_cap"] = money::to_string(p.balance_cap);
    out["rate_ceiling"] = money::to_string(p.rate_ceiling);
    out["basis"] = dates::to_string(p.basis);
    out["rounding"] = money::to_string(p.rounding);
    value kinds = value::array();
    for (auto k : p.eligible_kinds) kinds.push_back(to_string(k));
    out["eligible_kinds"] = std::move(kinds);
    if (p.max_subsidy_days) out["max_subsidy_days"] = *p.max_subsidy_days;
    if (p.per_borrower_cap) out["per_borrower_cap"] = money::to_string(*p.per_borrower_cap);
    if (p.budget) out["budget"] = money::to_string(*p.budget);
    out["sources"] = sources_json(p.sources);
    return out;
}

value receivables_json(const receivables_reward_parameters& p) {
    value out = value::object();
    out["financing_window"] = window_json(p.financing_window);
    out["reward_rate"] = money::to_string(p.reward_rate);
    out["basis"] = dates::to_string(p.basis);
    out["rounding"] = money::to_string(p.rounding);
    out["straddle"] = to_string(p.straddle);
    out["require_platform_confirmation"] = p.require_platform_confirmation;
    if (p.per_enterprise_cap) out["per_enterprise_cap"] = money::to_string(*p.per_enterprise_cap);
    if (p.budget) out["budget"] = money::to_string(*p.budget);
    out["sources"] = sources_json(p.sources);
    return out;
}

value listing_json(const listing_award_parameters& p) {
    value out = value::object();
    out["total_cap"] = money::to_string(p.total_cap);
    value stages = value::array();
    for (const auto& s : p.stages) {
        value o = value::object();
        o["id"] = s.id;
        o["name"] = s.name;
        o["award"] = money::to_string(s.award);
        stages.push_back(std::move(o));
    }
    out["stages"] = std::move(stages);
    out["stages_are_placeholder"] = p.stages_are_placeholder;
    out["sources"] = sources_json(p.sources);
    return out;
}

// ---- reading: scalars ------------------------------------------------------

/// A required string that must not be empty (ids, names).
std::string nonempty(json::object_reader& r, std::string_view key) {
    std::string s = r.string(key);
    if (s.empty()) r.invalid(key, s, "must not be empty");
    return s;
}

/// An optional string; absent (or null) reads as "".
std::string text_or_empty(json::object_reader& r, std::string_view key) {
    return r.optional_string(key).value_or(std::string());
}

/// The enumerator whose to_string name is `text`; parse_error at `path` listing the names otherwise.
template <class E, std::size_t N>
E enum_at(const std::string& path, const std::string& text, const std::array<E, N>& all, std::string_view what) {
    std::string names;
    for (auto e : all) {
        if (to_string(e) == text) return e;
        if (!names.empty()) names += ", ";
        names += to_string(e);
    }
    throw parse_error(path, text, "unknown " + std::string(what) + " (expected one of " + names + ")");
}

template <class E, std::size_t N>
E read_enum(json::object_reader& r, std::string_view key, const std::array<E, N>& all, std::string_view what) {
    return enum_at(r.path_of(key), r.string(key), all, what);
}

money::amount non_negative(json::object_reader& r, std::string_view key, money::amount a) {
    if (a.is_negative()) r.invalid(key, money::to_string(a), "must not be negative");
    return a;
}

money::amount read_amount(json::object_reader& r, std::string_view key) {
    return non_negative(r, key, r.amount(key));
}

std::optional<money::amount> read_optional_amount(json::object_reader& r, std::string_view key) {
    if (auto a = r.optional_amount(key)) return non_negative(r, key, *a);
    return std::nullopt;
}

money::rate read_rate(json::object_reader& r, std::string_view key) {
    const money::rate x = r.rate(key);
    if (x.units() < 0) r.invalid(key, money::to_string(x), "must not be negative");
    return x;
}

dates::window read_window(json::object_reader& parent, std::string_view key) {
    json::object_reader r = parent.object(key);
    const dates::date from = r.date("from");
    const dates::date to = r.date("to");
    r.finish();
    if (to < from)
        throw validation_error(r.path_of("to"), dates::to_string(to),
                               "window ends on " + dates::to_string(to) + ", before it starts on " +
                                   dates::to_string(from));
    return dates::window(from, to, r.path());
}

template <std::size_t N>
sources read_sources(json::object_reader& parent, const std::array<std::string_view, N>& parameters) {
    json::object_reader r = parent.object("sources");
    sources out;
    for (const auto& name : r.keys()) {
        if (!one_of(parameters, name))
            throw parse_error(r.path_of(name), name,
                              "unknown parameter (expected one of " + list_names(parameters) + ")");
        json::object_reader s = r.object(name);
        source src;
        src.clause = s.string("clause");
        src.from_plan = s.boolean("from_plan");
        src.note = text_or_empty(s, "note");
        s.finish();
        out.emplace(name, std::move(src));
    }
    r.finish();
    return out;
}

// ---- reading: parts ----------------------------------------------------------

document read_document(json::object_reader& r) {
    document d;
    d.issuer = r.string("issuer");
    d.number = r.string("number");
    d.title = r.string("title");
    d.issued = r.date("issued");
    d.due = r.date("due");
    d.recipients = r.string("recipients");
    r.objects("sections", [&](json::object_reader& s) {
        section x;
        x.numeral = nonempty(s, "numeral");
        x.title = s.string("title");
        d.sections.push_back(std::move(x));
    });
    r.objects("attachments", [&](json::object_reader& a) {
        attachment x;
        x.number = nonempty(a, "number");
        x.title = a.string("title");
        x.included = a.boolean("included");
        d.attachments.push_back(std::move(x));
    });
    d.rule_set_version = r.string("rule_set_version");
    return d;
}

unit read_unit(json::object_reader& r) {
    unit u;
    u.id = nonempty(r, "id");
    u.name = nonempty(r, "name");
    u.aliases = r.strings("aliases");
    for (std::size_t i = 0; i < u.aliases.size(); ++i)
        if (u.aliases[i].empty())
            throw validation_error(at(r.path_of("aliases"), i), "", "an alias must not be empty");
    u.kind = read_enum(r, "kind", all_unit_kinds, "unit kind");
    u.addressed = r.boolean("addressed");
    u.issuer = r.boolean("issuer");
    u.note = text_or_empty(r, "note");
    return u;
}

task read_task(json::object_reader& r) {
    task t;
    t.id = nonempty(r, "id");
    t.text = r.string("text");
    t.lead = r.strings("lead");
    t.responsible = r.strings("responsible");
    t.target = r.optional_string("target");
    t.rule = r.optional_string("rule");
    t.quantitative = r.boolean("quantitative");
    t.milestone = r.optional_date("milestone");
    t.clause = r.string("clause");
    return t;
}

measure read_measure(json::object_reader& r) {
    measure m;
    m.id = nonempty(r, "id");
    m.number = static_cast<int>(r.integer("number", 1, 1000));
    m.numeral = nonempty(r, "numeral");
    m.title = r.string("title");
    m.text = r.string("text");
    m.lead = r.strings("lead");
    m.responsible = r.strings("responsible");
    m.targets = r.strings("targets");
    m.rules = r.strings("rules");
    m.clause = r.string("clause");
    r.objects("tasks", [&](json::object_reader& t) { m.tasks.push_back(read_task(t)); });
    return m;
}

target read_target(json::object_reader& r) {
    target t;
    t.id = nonempty(r, "id");
    t.text = r.string("text");
    t.indicator = nonempty(r, "indicator");
    t.unit = read_enum(r, "unit", all_measure_units, "unit of measure");
    t.op = read_enum(r, "comparator", all_comparators, "comparator");
    t.comparator_word = r.string("comparator_word");
    t.baseline = read_enum(r, "baseline", all_baselines, "baseline kind");
    t.threshold = r.optional_decimal("threshold");
    t.factor = r.optional_decimal("factor");
    t.reference_indicator = r.optional_string("reference_indicator");
    t.group = r.optional_string("group");
    t.qualitative = r.boolean("qualitative");
    t.due = r.date("due");
    t.clause = r.string("clause");
    t.note = text_or_empty(r, "note");

    // What the baseline needs, and nothing it cannot use.
    const bool fixed = t.baseline == baseline_kind::fixed;
    const bool prior = t.baseline == baseline_kind::prior_year_total;
    const bool peer = t.baseline == baseline_kind::peer_growth || t.baseline == baseline_kind::share_growth;
    const std::string b(to_string(t.baseline));
    if (fixed && !t.threshold)
        throw parse_error(r.path_of("threshold"), "", "required key is missing (baseline fixed)");
    if (!fixed && t.threshold)
        r.invalid("threshold", t.threshold->to_string(), "a threshold is only read with baseline fixed, not " + b);
    if (prior && !t.factor)
        throw parse_error(r.path_of("factor"), "", "required key is missing (baseline prior_year_total)");
    if (!prior && t.factor)
        r.invalid("factor", t.factor->to_string(), "a factor is only read with baseline prior_year_total, not " + b);
    if (peer && !t.reference_indicator)
        throw parse_error(r.path_of("reference_indicator"), "", "required key is missing (baseline " + b + ")");
    if (!peer && t.reference_indicator)
        r.invalid("reference_indicator", *t.reference_indicator,
                  "a reference indicator is only read with baseline peer_growth or share_growth, not " + b);
    if (t.threshold && t.threshold->is_negative())
        r.invalid("threshold", t.threshold->to_string(), "must not be negative");
    if (t.factor && (t.factor->is_negative() || t.factor->is_zero()))
        r.invalid("factor", t.factor->to_string(), "must be positive");

    // The legal word decides the comparator (民法典 第1259条; comparator_from_word).
    const bool with_number = t.threshold.has_value() || t.factor.has_value();
    const auto implied = comparator_from_word(t.comparator_word, with_number);
    if (!implied)
        r.invalid("comparator_word", t.comparator_word,
                  "not a comparator word of the legal set (以上, 以下, 以内, 届满, 不满, 超过, 高于, 低于, "
                  "不低于, 不少于, 达到, 不超过, 不高于, 增加, 增长, 稳中有降)");
    if (*implied != t.op)
        r.invalid("comparator", std::string(to_string(t.op)),
                  "\"" + t.comparator_word + "\"" + (with_number ? " with a number" : "") + " means " +
                      std::string(to_string(*implied)) + " (" + std::string(symbol(*implied)) + "), not " +
                      std::string(to_string(t.op)) + " (" + std::string(symbol(t.op)) + ")");
    return t;
}

deadline read_deadline(json::object_reader& r) {
    deadline d;
    d.id = nonempty(r, "id");
    d.text = r.string("text");
    d.attachment = text_or_empty(r, "attachment");
    d.due = r.optional_date("due");
    d.first_month = r.optional_date("first_month");
    d.last_month = r.optional_date("last_month");
    {
        json::object_reader rule = r.object("rule");
        d.rule.day_of_month = static_cast<int>(rule.integer("day_of_month", 1, 31));
        d.rule.inclusive = rule.boolean("inclusive");
        d.rule.roll_to_working_day = rule.boolean("roll_to_working_day");
        rule.finish();
    }
    d.clause = r.string("clause");
    d.note = text_or_empty(r, "note");

    // Exactly one of: a one-off `due`, or a monthly first_month..last_month.
    if (d.due) {
        if (d.first_month)
            r.invalid("first_month", dates::to_string(*d.first_month),
                      "a deadline with a due date is one-off and has no months");
        if (d.last_month)
            r.invalid("last_month", dates::to_string(*d.last_month),
                      "a deadline with a due date is one-off and has no months");
    } else {
        if (!d.first_month)
            throw parse_error(r.path_of("first_month"), "", "required key is missing (a deadline needs due or months)");
        if (!d.last_month)
            throw parse_error(r.path_of("last_month"), "", "required key is missing (a deadline needs due or months)");
        for (const char* key : {"first_month", "last_month"}) {
            const dates::date& m = std::string_view(key) == "first_month" ? *d.first_month : *d.last_month;
            if (m.day() != 1)
                r.invalid(key, dates::to_string(m), "a month is written as its first day (YYYY-MM-01)");
        }
        if (*d.last_month < *d.first_month)
            r.invalid("last_month", dates::to_string(*d.last_month),
                      "months end on " + dates::to_string(*d.last_month) + ", before they start on " +
                          dates::to_string(*d.first_month));
    }
    return d;
}

first_loan_subsidy_parameters read_first_loan(json::object_reader& r) {
    const dates::window window = read_window(r, "application_window");
    first_loan_subsidy_parameters p{window, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    p.balance_cap = read_amount(r, "balance_cap");
    p.rate_ceiling = read_rate(r, "rate_ceiling");
    p.basis = dates::day_basis_from_string(r.string("basis"), r.path_of("basis"));
    p.rounding = read_enum(r, "rounding", all_roundings, "rounding mode");
    const std::vector<std::string> kinds = r.strings("eligible_kinds");
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const std::string path = at(r.path_of("eligible_kinds"), i);
        const borrower_kind k = enum_at(path, kinds[i], all_borrower_kinds, "borrower kind");
        for (auto seen : p.eligible_kinds)
            if (seen == k) throw validation_error(path, kinds[i], "borrower kind listed twice");
        p.eligible_kinds.push_back(k);
    }
    p.max_subsidy_days = r.optional_integer("max_subsidy_days", 1, 100'000);
    p.per_borrower_cap = read_optional_amount(r, "per_borrower_cap");
    p.budget = read_optional_amount(r, "budget");
    p.sources = read_sources(r, first_loan_parameters);
    return p;
}

receivables_reward_parameters read_receivables(json::object_reader& r) {
    const dates::window window = read_window(r, "financing_window");
    receivables_reward_parameters p{window, {}, {}, {}, {}, {}, {}, {}, {}};
    p.reward_rate = read_rate(r, "reward_rate");
    p.basis = dates::day_basis_from_string(r.string("basis"), r.path_of("basis"));
    p.rounding = read_enum(r, "rounding", all_roundings, "rounding mode");
    p.straddle = read_enum(r, "straddle", all_straddles, "straddle policy");
    p.require_platform_confirmation = r.boolean("require_platform_confirmation");
    p.per_enterprise_cap = read_optional_amount(r, "per_enterprise_cap");
    p.budget = read_optional_amount(r, "budget");
    p.sources = read_sources(r, receivables_parameters);
    return p;
}

listing_award_parameters read_listing(json::object_reader& r) {
    listing_award_parameters p;
    p.total_cap = read_amount(r, "total_cap");
    std::map<std::string, std::string> seen;  // id -> path
    r.objects("stages", [&](json::object_reader& s) {
        listing_stage x;
        x.id = nonempty(s, "id");
        x.name = s.string("name");
        x.award = read_amount(s, "award");
        if (auto [it, fresh] = seen.emplace(x.id, s.path_of("id")); !fresh)
            s.invalid("id", x.id, "duplicate listing stage id (first at " + it->second + ")");
        p.stages.push_back(std::move(x));
    });
    p.stages_are_placeholder = r.boolean("stages_are_placeholder");
    p.sources = read_sources(r, listing_parameters);
    return p;
}

// ---- reading: the whole plan's consistency -----------------------------------

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

void check_units(const std::vector<std::string>& ids, const id_registry& units, const std::string& path) {
    for (std::size_t i = 0; i < ids.size(); ++i)
        if (!units.contains(ids[i]))
            throw validation_error(at(path, i), ids[i], "no unit has this id (dangling unit reference)");
}

void check_rule(const std::string& id, const std::string& path) {
    if (!one_of(rule_ids, id))
        throw validation_error(path, id, "no money rule has this id (expected one of " + list_names(rule_ids) + ")");
}

void validate(const plan& p) {
    // Units: unique ids, and every id, name and alias answers to one unit only.
    id_registry units("unit");
    std::map<std::string, std::pair<std::size_t, std::string>> names;  // name -> (unit index, path)
    for (std::size_t i = 0; i < p.units.size(); ++i) {
        const unit& u = p.units[i];
        const std::string path = at("units", i);
        units.add(u.id, path + ".id");
        auto claim = [&](const std::string& name, const std::string& where) {
            auto [it, fresh] = names.emplace(name, std::make_pair(i, where));
            if (!fresh && it->second.first != i)
                throw validation_error(where, name,
                                       "this name already answers to another unit (" + it->second.second + ")");
        };
        claim(u.id, path + ".id");
        claim(u.name, path + ".name");
        for (std::size_t j = 0; j < u.aliases.size(); ++j) claim(u.aliases[j], at(path + ".aliases", j));
    }

    id_registry targets("target");
    for (std::size_t i = 0; i < p.targets.size(); ++i) targets.add(p.targets[i].id, at("targets", i) + ".id");

    id_registry measures("measure");
    id_registry tasks("task");
    for (std::size_t i = 0; i < p.measures.size(); ++i) {
        const measure& m = p.measures[i];
        const std::string path = at("measures", i);
        measures.add(m.id, path + ".id");
        check_units(m.lead, units, path + ".lead");
        check_units(m.responsible, units, path + ".responsible");
        for (std::size_t j = 0; j < m.targets.size(); ++j)
            if (!targets.contains(m.targets[j]))
                throw validation_error(at(path + ".targets", j), m.targets[j],
                                       "no target has this id (dangling target reference)");
        for (std::size_t j = 0; j < m.rules.size(); ++j) check_rule(m.rules[j], at(path + ".rules", j));
        for (std::size_t j = 0; j < m.tasks.size(); ++j) {
            const task& t = m.tasks[j];
            const std::string tpath = at(path + ".tasks", j);
            tasks.add(t.id, tpath + ".id");
            check_units(t.lead, units, tpath + ".lead");
            check_units(t.responsible, units, tpath + ".responsible");
            if (t.target && !targets.contains(*t.target))
                throw validation_error(tpath + ".target", *t.target,
                                       "no target has this id (dangling target reference)");
            if (t.rule) check_rule(*t.rule, tpath + ".rule");
        }
    }

    id_registry deadlines("deadline");
    for (std::size_t i = 0; i < p.deadlines.size(); ++i) {
        const deadline& d = p.deadlines[i];
        const std::string path = at("deadlines", i);
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

}  // namespace

plan plan_from_json(std::string_view text) {
    const value doc = json::parse(text, "plan");
    json::object_reader r = json::root(doc, "plan");

    // The version first, so that a newer file says so rather than failing on a key.
    const std::int64_t version = r.integer("schema_version", INT64_MIN, INT64_MAX);
    if (version != plan_schema_version)
        r.invalid("schema_version", std::to_string(version),
                  "unsupported schema_version (this library reads version " + std::to_string(plan_schema_version) +
                      ")");

    json::object_reader d = r.object("document");
    document document_part = read_document(d);
    d.finish();

    std::vector<unit> units;
    r.objects("units", [&](json::object_reader& u) { units.push_back(read_unit(u)); });
    std::vector<measure> measures;
    r.objects("measures", [&](json::object_reader& m) { measures.push_back(read_measure(m)); });
    std::vector<target> targets;
    r.objects("targets", [&](json::object_reader& t) { targets.push_back(read_target(t)); });
    std::vector<deadline> deadlines;
    r.objects("deadlines", [&](json::object_reader& x) { deadlines.push_back(read_deadline(x)); });

    json::object_reader params = r.object("parameters");
    json::object_reader first = params.object("first_loan_subsidy");
    first_loan_subsidy_parameters first_loan = read_first_loan(first);
    first.finish();
    json::object_reader recv = params.object("receivables_reward");
    receivables_reward_parameters receivables = read_receivables(recv);
    recv.finish();
    json::object_reader listing = params.object("listing_award");
    listing_award_parameters listing_award = read_listing(listing);
    listing.finish();
    params.finish();
    r.finish();

    plan p{std::move(document_part), std::move(units),  std::move(measures),   std::move(targets),
           std::move(deadlines),     std::move(first_loan), std::move(receivables), std::move(listing_award)};
    validate(p);
    return p;
}

std::string plan_to_json(const plan& p) {
    value out = value::object();
    out["schema_version"] = plan_schema_version;
    out["document"] = document_json(p.doc);
    value units = value::array();
    for (const auto& u : p.units) units.push_back(unit_json(u));
    out["units"] = std::move(units);
    value measures = value::array();
    for (const auto& m : p.measures) measures.push_back(measure_json(m));
    out["measures"] = std::move(measures);
    value targets = value::array();
    for (const auto& t : p.targets) targets.push_back(target_json(t));
    out["targets"] = std::move(targets);
    value deadlines = value::array();
    for (const auto& d : p.deadlines) deadlines.push_back(deadline_json(d));
    out["deadlines"] = std::move(deadlines);
    value parameters = value::object();
    parameters["first_loan_subsidy"] = first_loan_json(p.first_loan_subsidy);
    parameters["receivables_reward"] = receivables_json(p.receivables_reward);
    parameters["listing_award"] = listing_json(p.listing_award);
    out["parameters"] = std::move(parameters);
    return json::dump(out);
}

}  // namespace zjcredit::plan

// Pieces of the plan's JSON for answers about parts of a plan (query_json.cpp).
namespace zjcredit::plan::json_parts {
json::value to_value(const unit& u) { return unit_json(u); }
json::value to_value(const measure& m) { return measure_json(m); }
json::value to_value(const target& t) { return target_json(t); }
json::value to_value(const deadline& d) { return deadline_json(d); }
}  // namespace zjcredit::plan::json_parts
