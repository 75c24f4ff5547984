// Overrides go through the plan's JSON form (plan_to_json → replace the
// value → plan_from_json), so a value is read by the one reader of its kind
// and the whole plan is validated again exactly as a plan file would be.
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/overrides.hpp>

#include "../json/document.hpp"
#include "../json/reader.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::plan {
namespace {

using json::value;

/// How an override's text becomes the JSON value the plan file would hold.
enum class kind {
    text,           ///< a JSON string read by the plan's reader (amount, rate, enum)
    optional_text,  ///< same, or "none" to unset
    window,         ///< "FROM..TO"
    list,           ///< "a,b,c"
    optional_days,  ///< a whole number, or "none"
    boolean,        ///< "true" / "false"
};

struct parameter_kind {
    std::string_view rule;
    std::string_view name;
    kind k;
};

constexpr std::array<parameter_kind, 20> parameters = {{
    {"first_loan_subsidy", "application_window", kind::window},
    {"first_loan_subsidy", "balance_cap", kind::text},
    {"first_loan_subsidy", "rate_ceiling", kind::text},
    {"first_loan_subsidy", "basis", kind::text},
    {"first_loan_subsidy", "rounding", kind::text},
    {"first_loan_subsidy", "eligible_kinds", kind::list},
    {"first_loan_subsidy", "max_subsidy_days", kind::optional_days},
    {"first_loan_subsidy", "per_borrower_cap", kind::optional_text},
    {"first_loan_subsidy", "budget", kind::optional_text},
    {"first_loan_subsidy", "annual_rate_max", kind::text},
    {"receivables_reward", "financing_window", kind::window},
    {"receivables_reward", "reward_rate", kind::text},
    {"receivables_reward", "basis", kind::text},
    {"receivables_reward", "rounding", kind::text},
    {"receivables_reward", "straddle", kind::text},
    {"receivables_reward", "require_platform_confirmation", kind::boolean},
    {"receivables_reward", "per_enterprise_cap", kind::optional_text},
    {"receivables_reward", "budget", kind::optional_text},
    {"listing_award", "total_cap", kind::text},
    {"listing_award", "stages_are_placeholder", kind::boolean},
}};

constexpr std::array<std::string_view, 3> rules = {"first_loan_subsidy", "receivables_reward", "listing_award"};

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& s : parts) out += (out.empty() ? "" : ", ") + s;
    return out;
}

void require_rule(std::string_view rule) {
    if (std::find(rules.begin(), rules.end(), rule) == rules.end())
        throw not_found_error("rule", std::string(rule), "unknown rule (known: " + join(overridable_rules()) + ")");
}

kind kind_of(std::string_view rule, const std::string& name) {
    for (const auto& p : parameters)
        if (p.rule == rule && p.name == name) return p.k;
    throw not_found_error(std::string(rule) + "." + name, name,
                          "unknown parameter of " + std::string(rule) +
                              " (known: " + join(overridable_parameters(rule)) + ")");
}

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t");
    return std::string(s.substr(b, e - b + 1));
}

/// The plan file's JSON for `text`; nullopt unsets an optional parameter.
std::optional<value> json_of(kind k, const std::string& field, const std::string& text) {
    const std::string t = trimmed(text);
    const bool none = t == "none";
    switch (k) {
        case kind::text: return value(t);
        case kind::optional_text:
            if (none) return std::nullopt;
            return value(t);
        case kind::window: {
            const auto dots = t.find("..");
            if (dots == std::string::npos)
                throw parse_error(field, text, "expected a window FROM..TO (2022-04-01..2022-06-30)");
            value w = value::object();
            w["from"] = trimmed(t.substr(0, dots));
            w["to"] = trimmed(t.substr(dots + 2));
            return w;
        }
        case kind::list: {
            value a = value::array();
            std::size_t start = 0;
            while (start <= t.size()) {
                const auto comma = t.find(',', start);
                const std::string part = trimmed(t.substr(start, comma == std::string::npos ? std::string::npos
                                                                                             : comma - start));
                if (!part.empty()) a.push_back(part);
                if (comma == std::string::npos) break;
                start = comma + 1;
            }
            return a;
        }
        case kind::optional_days: {
            if (none) return std::nullopt;
            const bool digits = !t.empty() && std::all_of(t.begin() + (t[0] == '-' ? 1 : 0), t.end(), [](char c) {
                return c >= '0' && c <= '9';
            }) && t != "-" && t.size() <= 18;
            if (!digits) throw parse_error(field, text, "expected a whole number of days or none");
            return value(std::stoll(t));
        }
        case kind::boolean:
            if (t == "true") return value(true);
            if (t == "false") return value(false);
            throw parse_error(field, text, "expected true or false");
    }
    return std::nullopt;
}

/// A parameter's value in the plan's JSON as canonical text, as receipts write it.
std::optional<std::string> canonical(const value* v) {
    if (v == nullptr || v->is_null()) return std::nullopt;
    if (v->is_string()) return v->get<std::string>();
    if (v->is_boolean()) return v->get<bool>() ? "true" : "false";
    if (v->is_number_integer()) return std::to_string(v->get<std::int64_t>());
    if (v->is_object()) return (*v)["from"].get<std::string>() + ".." + (*v)["to"].get<std::string>();
    std::vector<std::string> parts;
    for (const auto& e : *v) parts.push_back(e.get<std::string>());
    std::string out;
    for (const auto& s : parts) out += (out.empty() ? "" : ",") + s;
    return out;
}

/// The error `e` said again on the override's own field ("first_loan_subsidy.balance_cap").
[[noreturn]] void rethrow_on(const error& e, const std::string& field, const std::string& text) {
    const std::string& quoted = text;  // the whole override as given, not the part the reader saw
    switch (e.code()) {
        case errc::parse: throw parse_error(field, quoted, e.detail());
        case errc::overflow: throw overflow_error(field, quoted, e.detail());
        case errc::not_found: throw not_found_error(field, quoted, e.detail());
        default: throw validation_error(field, quoted, e.detail());
    }
}

}  // namespace

std::vector<std::string> overridable_rules() { return {rules.begin(), rules.end()}; }

std::vector<std::string> overridable_parameters(std::string_view rule) {
    require_rule(rule);
    std::vector<std::string> out;
    for (const auto& p : parameters)
        if (p.rule == rule) out.emplace_back(p.name);
    return out;
}

plan with_parameters(const plan& p, std::string_view rule, const std::map<std::string, std::string>& values,
                     std::string_view scenario) {
    require_rule(rule);
    if (values.empty()) return p;
    value doc = json::parse(plan_to_json(p), "plan");
    value& params = doc["parameters"][std::string(rule)];
    const std::string rule_name(rule);
    std::map<std::string, std::optional<std::string>> plan_values;
    for (const auto& [name, text] : values) {
        const std::string field = rule_name + "." + name;
        const kind k = kind_of(rule, name);
        plan_values[name] = canonical(params.contains(name) ? &params[name] : nullptr);
        const std::optional<value> v = json_of(k, field, text);
        if (v)
            params[name] = *v;
        else
            params.erase(name);
    }
    plan out = [&] {
        // One value at a time would name the wrong one only if two were bad;
        // the JSON path of the error tells which, so say it on that field.
        try {
            return plan_from_json(json::dump(doc));
        } catch (const error& e) {
            for (const auto& [name, text] : values)
                if (e.field().find("." + name) != std::string::npos || e.field().ends_with(name))
                    rethrow_on(e, rule_name + "." + name, text);
            throw;
        }
    }();

    sources* srcs = rule == "first_loan_subsidy"   ? &out.first_loan_subsidy.sources
                    : rule == "receivables_reward" ? &out.receivables_reward.sources
                                                   : &out.listing_award.sources;
    for (const auto& [name, text] : values) {
        source& s = (*srcs)[name];
        // Overriding an override still reports the value the plan file had.
        std::optional<std::string> original = s.overridden ? s.overridden->plan_value : plan_values[name];
        if (s.clause.empty()) s.clause = "unrecorded";
        s.from_plan = false;
        s.note = "overridden in scenario " + std::string(scenario) + "; the plan's value: " +
                 original.value_or("none");
        s.overridden = override_note{std::string(scenario), std::move(original)};
    }
    if (!out.doc.rule_set_version.ends_with(override_version_suffix))
        out.doc.rule_set_version += override_version_suffix;
    return out;
}

plan with_parameters_json(const plan& p, std::string_view overrides_json) {
    const value doc = json::parse(overrides_json, "overrides");
    json::object_reader r = json::root(doc, "overrides");
    const std::string scenario = r.optional_string("scenario").value_or(std::string(default_scenario));
    plan out = p;
    for (const auto& key : r.keys()) {
        if (key == "scenario") continue;
        require_rule(key);
        json::object_reader rule = r.object(key);
        std::map<std::string, std::string> values;
        for (const auto& name : rule.keys()) values[name] = rule.string(name);
        rule.finish();
        out = with_parameters(out, key, values, scenario);
    }
    r.finish();
    return out;
}

setting parse_setting(std::string_view text) {
    const auto eq = text.find('=');
    const auto dot = text.substr(0, eq == std::string_view::npos ? text.size() : eq).find('.');
    if (eq == std::string_view::npos || dot == std::string_view::npos || dot == 0 || dot + 1 == eq)
        throw parse_error("set", std::string(text),
                          "expected RULE.NAME=VALUE (first_loan_subsidy.balance_cap=500万)");
    return {std::string(text.substr(0, dot)), std::string(text.substr(dot + 1, eq - dot - 1)),
            std::string(text.substr(eq + 1))};
}

}  // namespace zjcredit::plan
