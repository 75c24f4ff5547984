// Answers about a plan as JSON: lint findings and the plan's queries, shared
// by the C ABI and the CLI.
#include "json_parts.hpp"

#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/lint.hpp>

namespace zjcredit::plan {

std::string lint_to_json(const std::vector<finding>& findings) {
    json::value out = json::value::array();
    for (const auto& f : findings)
        out.push_back(json::value{{"code", f.code},
                                  {"severity", std::string(to_string(f.level))},
                                  {"subject", f.subject},
                                  {"clause", f.clause},
                                  {"message", f.message}});
    return json::dump(out);
}

namespace {

template <class T>
json::value list(const std::vector<const T*>& items) {
    json::value out = json::value::array();
    for (const T* item : items) out.push_back(json_parts::to_value(*item));
    return out;
}

template <class T>
json::value all(const std::vector<T>& items) {
    json::value out = json::value::array();
    for (const T& item : items) out.push_back(json_parts::to_value(item));
    return out;
}

}  // namespace

std::string query_to_json(const plan& p, std::string_view query, std::string_view arg) {
    json::value out;
    if (query == "units") out = all(p.units);
    else if (query == "measures") out = all(p.measures);
    else if (query == "targets") out = all(p.targets);
    else if (query == "deadlines") out = all(p.deadlines);
    else if (query == "ledger_units") out = list(ledger_units(p));
    else if (query == "unit") out = json_parts::to_value(find_unit(p, arg));
    else if (query == "measures_led_by") out = list(measures_led_by(p, arg));
    else if (query == "measures_responsible") out = list(measures_responsible(p, arg));
    else if (query == "units_of") out = list(units_of(p, arg));
    else if (query == "targets_of") out = list(targets_of(p, arg));
    else
        throw not_found_error("query", std::string(query),
                              "unknown query (units, measures, targets, deadlines, ledger_units, unit, "
                              "measures_led_by, measures_responsible, units_of, targets_of)");
    return json::dump(out);
}

}  // namespace zjcredit::plan
