// Plan JSON, schema version 1 (docs/plan-schema.md).
//
// Writing builds an ordered_json in one fixed key order, so equal plans give
// byte-identical text. Reading goes through json::object_reader: every error
// names the JSON path and the offending text, unknown keys are errors, and
// amounts, rates and decimals are read from strings only. What the plan
// says — ids, references, ranges, comparators and the rest — is checked by
// plan::validate (validate.hpp) once the whole plan is built, so a plan built
// in C++ is held to the same rules with the same messages.
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/validate.hpp>

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
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::plan {
namespace {

using json::value;

// ---- names -----------------------------------------------------------------

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
constexpr std::array<borrower_kind, 5> all_borrower_kinds = {borrower_kind::small, borrower_kind::micro,
                                                             borrower_kind::individual_business,
                                                             borrower_kind::medium, borrower_kind::large};
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
        if (src.overridden) {
            value ov = value::object();
            ov["scenario"] = src.overridden->scenario;
            ov["plan_value"] = src.overridden->plan_value ? value(*src.overridden->plan_value) : value(nullptr);
            o["override"] = std::move(ov);
        }
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
    if (!t.indicator_name.empty()) out["indicator_name"] = t.indicator_name;
    if (!t.reference_indicator_name.empty()) out["reference_indicator_name"] = t.reference_indicator_name;
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
    out["annual_rate_max"] = money::to_string(p.annual_rate_max);
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

/// An int field: any value it can hold is read, and plan::validate says
/// which of them the plan allows.
int read_int(json::object_reader& r, std::string_view key) {
    return static_cast<int>(r.integer(key, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()));
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

sources read_sources(json::object_reader& parent) {
    json::object_reader r = parent.object("sources");
    sources out;
    for (const auto& name : r.keys()) {
        json::object_reader s = r.object(name);
        source src;
        src.clause = s.string("clause");
        src.from_plan = s.boolean("from_plan");
        src.note = text_or_empty(s, "note");
        if (s.has("override")) {
            json::object_reader ov = s.object("override");
            src.overridden = override_note{ov.string("scenario"), ov.optional_string("plan_value")};
            ov.finish();
        }
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
        x.numeral = s.string("numeral");
        x.title = s.string("title");
        d.sections.push_back(std::move(x));
    });
    r.objects("attachments", [&](json::object_reader& a) {
        attachment x;
        x.number = a.string("number");
        x.title = a.string("title");
        x.included = a.boolean("included");
        d.attachments.push_back(std::move(x));
    });
    d.rule_set_version = r.string("rule_set_version");
    return d;
}

unit read_unit(json::object_reader& r) {
    unit u;
    u.id = r.string("id");
    u.name = r.string("name");
    u.aliases = r.strings("aliases");
    u.kind = read_enum(r, "kind", all_unit_kinds, "unit kind");
    u.addressed = r.boolean("addressed");
    u.issuer = r.boolean("issuer");
    u.note = text_or_empty(r, "note");
    return u;
}

task read_task(json::object_reader& r) {
    task t;
    t.id = r.string("id");
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
    m.id = r.string("id");
    m.number = read_int(r, "number");
    m.numeral = r.string("numeral");
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
    t.id = r.string("id");
    t.text = r.string("text");
    t.indicator = r.string("indicator");
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
    t.indicator_name = text_or_empty(r, "indicator_name");
    t.reference_indicator_name = text_or_empty(r, "reference_indicator_name");
    return t;
}

deadline read_deadline(json::object_reader& r) {
    deadline d;
    d.id = r.string("id");
    d.text = r.string("text");
    d.attachment = text_or_empty(r, "attachment");
    d.due = r.optional_date("due");
    d.first_month = r.optional_date("first_month");
    d.last_month = r.optional_date("last_month");
    {
        json::object_reader rule = r.object("rule");
        d.rule.day_of_month = read_int(rule, "day_of_month");
        d.rule.inclusive = rule.boolean("inclusive");
        d.rule.roll_to_working_day = rule.boolean("roll_to_working_day");
        rule.finish();
    }
    d.clause = r.string("clause");
    d.note = text_or_empty(r, "note");
    return d;
}

first_loan_subsidy_parameters read_first_loan(json::object_reader& r) {
    const dates::window window = read_window(r, "application_window");
    first_loan_subsidy_parameters p{window, {}, {}, {}, {}, {}, {}, {}, {}, {}};
    p.balance_cap = r.amount("balance_cap");
    p.rate_ceiling = r.rate("rate_ceiling");
    p.basis = dates::day_basis_from_string(r.string("basis"), r.path_of("basis"));
    p.rounding = read_enum(r, "rounding", all_roundings, "rounding mode");
    const std::vector<std::string> kinds = r.strings("eligible_kinds");
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        const std::string path = at(r.path_of("eligible_kinds"), i);
        p.eligible_kinds.push_back(enum_at(path, kinds[i], all_borrower_kinds, "borrower kind"));
    }
    p.max_subsidy_days = r.optional_integer("max_subsidy_days", INT64_MIN, INT64_MAX);
    p.per_borrower_cap = r.optional_amount("per_borrower_cap");
    p.budget = r.optional_amount("budget");
    // Plan files written before the bound existed have none: the default.
    if (r.has("annual_rate_max")) p.annual_rate_max = r.rate("annual_rate_max");
    p.sources = read_sources(r);
    return p;
}

receivables_reward_parameters read_receivables(json::object_reader& r) {
    const dates::window window = read_window(r, "financing_window");
    receivables_reward_parameters p{window, {}, {}, {}, {}, {}, {}, {}, {}};
    p.reward_rate = r.rate("reward_rate");
    p.basis = dates::day_basis_from_string(r.string("basis"), r.path_of("basis"));
    p.rounding = read_enum(r, "rounding", all_roundings, "rounding mode");
    p.straddle = read_enum(r, "straddle", all_straddles, "straddle policy");
    p.require_platform_confirmation = r.boolean("require_platform_confirmation");
    p.per_enterprise_cap = r.optional_amount("per_enterprise_cap");
    p.budget = r.optional_amount("budget");
    p.sources = read_sources(r);
    return p;
}

listing_award_parameters read_listing(json::object_reader& r) {
    listing_award_parameters p;
    p.total_cap = r.amount("total_cap");
    r.objects("stages", [&](json::object_reader& s) {
        listing_stage x;
        x.id = s.string("id");
        x.name = s.string("name");
        x.award = s.amount("award");
        p.stages.push_back(std::move(x));
    });
    p.stages_are_placeholder = r.boolean("stages_are_placeholder");
    p.sources = read_sources(r);
    return p;
}

}  // namespace

plan plan_from_json(std::string_view text) {
    const value doc = json::parse(text, "plan");
    json::object_reader r = json::root(doc, "plan");

    // The version first, so that a newer file says so rather than failing on a key.
    const std::int64_t version = r.integer("schema_version", INT64_MIN, INT64_MAX);
    if (version < plan_schema_version_oldest || version > plan_schema_version)
        r.invalid("schema_version", std::to_string(version),
                  "unsupported schema_version (this library reads versions " +
                      std::to_string(plan_schema_version_oldest) + " to " + std::to_string(plan_schema_version) + ")");

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
