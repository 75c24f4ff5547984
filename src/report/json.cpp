// The report as JSON, and subsidy totals read from results JSON (report/json.hpp).
#include <zjcredit/report/json.hpp>

#include "../json/document.hpp"
#include "../json/writer.hpp"
#include "words.hpp"

#include <zjcredit/assess/json.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/money/parse.hpp>

#include <cstdint>
#include <string>

namespace zjcredit::report {
namespace {

json::value figure(const std::optional<money::decimal>& d) {
    if (!d) return nullptr;
    return words::figure(d);
}

json::value target_json(const target_row& t) {
    const assess::warning& w = t.warning;
    json::value j = json::value::object();
    j["id"] = t.verdict.target_id;
    j["text"] = t.verdict.text;
    j["indicator"] = t.verdict.indicator;
    j["unit"] = std::string(t.unit.word);
    j["standing"] = std::string(to_string(t.stands));
    j["standing_zh"] = std::string(chinese_word(t.stands));
    j["result"] = std::string(assess::to_string(t.verdict.result));
    j["provisional"] = t.verdict.provisional;
    j["actual"] = figure(t.actual);
    j["threshold"] = figure(t.threshold);
    j["margin"] = figure(t.margin);
    json::value warning = json::value::object();
    warning["grade"] = std::string(assess::to_string(w.result));
    warning["grade_zh"] = std::string(assess::chinese_word(w.result));
    warning["lead"] = json::strings(w.lead);
    json::value series = json::value::array();
    for (const auto& p : w.series) {
        json::value point = json::value::object();
        point["month"] = p.month;
        point["value"] = assess::in_unit(p.value, t.unit).to_string();
        series.push_back(std::move(point));
    }
    warning["series"] = std::move(series);
    warning["months_elapsed"] = w.months_elapsed;
    warning["months_left"] = w.months_left;
    warning["deadline"] = dates::to_string(w.deadline);
    warning["threshold"] = figure(w.threshold);
    warning["latest"] = figure(w.latest);
    warning["pace_achieved"] = figure(w.pace_achieved);
    warning["pace_needed"] = figure(w.pace_needed);
    warning["projected"] = figure(w.projected);
    warning["best"] = figure(w.best);
    warning["worst"] = figure(w.worst);
    warning["projected_margin"] = figure(w.projected_margin);
    warning["why_ungraded_zh"] = w.why_ungraded_zh;
    warning["why_ungraded_en"] = w.why_ungraded_en;
    warning["receipt_zh"] = json::strings(w.receipt_zh);
    warning["receipt_en"] = json::strings(w.receipt_en);
    j["warning"] = std::move(warning);
    j["explanation_zh"] = t.verdict.explanation_zh;
    j["explanation_en"] = t.verdict.explanation_en;
    return j;
}

json::value compliance_json(const ledger::period_compliance& c) {
    json::value j = json::value::object();
    j["first"] = ledger::to_string(c.first);
    j["last"] = ledger::to_string(c.last);
    json::value months = json::value::array();
    for (const auto& m : c.months) months.push_back(ledger::to_string(m.month));
    j["months"] = std::move(months);
    json::value units = json::value::array();
    for (std::size_t i = 0; i < c.units.size(); ++i) {
        json::value u = json::value::object();
        u["unit"] = c.units[i].unit;
        u["unit_name"] = c.units[i].unit_name;
        json::value cells = json::value::array();
        for (const auto& m : c.months) {
            const dates::deadline_check& check = m.units[i].check;
            json::value cell = json::value::object();
            cell["status"] = std::string(dates::to_string(check.status));
            cell["days_late"] = check.days_late;
            cell["due"] = dates::to_string(check.due);
            cell["received"] = json::date_or_null(check.received);
            cell["text_zh"] = words::cell(check, false);
            cells.push_back(std::move(cell));
        }
        u["months"] = std::move(cells);
        units.push_back(std::move(u));
    }
    j["units"] = std::move(units);
    j["counts"] = {{"on_time", c.counts.on_time}, {"late", c.counts.late}, {"missing", c.counts.missing}};
    return j;
}

json::value chase_json(const std::vector<ledger::chase_item>& items) {
    json::value out = json::value::array();
    for (const auto& item : items) {
        json::value j = json::value::object();
        j["matter"] = item.matter;
        j["month"] = item.month ? json::value(ledger::to_string(*item.month)) : json::value(nullptr);
        j["unit"] = item.unit;
        j["unit_name"] = item.unit_name;
        j["status"] = std::string(dates::to_string(item.status));
        j["days_late"] = item.days_late;
        j["tasks_not_reported"] = json::strings(item.tasks_not_reported);
        json::value problems = json::value::array();
        for (const auto& p : item.problems) problems.push_back({{"field", p.field}, {"zh", p.zh}, {"en", p.en}});
        j["problems"] = std::move(problems);
        if (item.contact)
            j["contact"] = {{"name", item.contact->name},
                            {"post", item.contact->post},
                            {"phone", item.contact->phone},
                            {"email", item.contact->email}};
        else
            j["contact"] = nullptr;
        out.push_back(std::move(j));
    }
    return out;
}

json::value line_json(const subsidy_line& l) {
    return {{"label", l.label}, {"amount", l.amount.to_string()}, {"records", l.records}, {"eligible", l.eligible}};
}

subsidy_line read_line(const json::value& v, const std::string& source, const std::string& path, bool labelled) {
    if (!v.is_object()) throw parse_error(source + ": " + path, v.dump(), "expected an object");
    const auto need = [&](const char* key) -> const json::value& {
        const auto it = v.find(key);
        if (it == v.end()) throw parse_error(source + ": " + path + "." + key, "", "missing");
        return *it;
    };
    subsidy_line l;
    const json::value& amount = need("amount");
    if (!amount.is_string()) throw parse_error(source + ": " + path + ".amount", amount.dump(), "expected a string");
    l.amount = money::parse_decimal(amount.get<std::string>(), source + ": " + path + ".amount");
    for (const auto& [key, field] : {std::pair{"records", &l.records}, std::pair{"eligible", &l.eligible}}) {
        const json::value& n = need(key);
        if (!n.is_number_integer() || n.get<std::int64_t>() < 0)
            throw parse_error(source + ": " + path + "." + key, n.dump(), "expected a whole number ≥ 0");
        *field = n.get<std::int64_t>();
    }
    if (labelled) {
        const json::value& value = need("value");
        if (!value.is_string()) throw parse_error(source + ": " + path + ".value", value.dump(), "expected a string");
        l.label = value.get<std::string>();
    }
    return l;
}

}  // namespace

std::string to_json(const report& r) {
    json::value doc = json::value::object();
    doc["kind"] = "zjcredit.report";
    doc["plan"] = r.plan_number;
    doc["as_of"] = dates::to_string(r.as_of);
    doc["headline"] = {{"met", r.head.met},
                       {"on_track", r.head.on_track},
                       {"at_risk", r.head.at_risk},
                       {"unknown", r.head.unknown},
                       {"total", r.head.total}};
    json::value targets = json::value::array();
    for (const auto& t : r.targets) targets.push_back(target_json(t));
    doc["targets"] = std::move(targets);
    doc["compliance"] = r.compliance ? compliance_json(*r.compliance) : json::value(nullptr);
    doc["chase"] = r.compliance ? chase_json(r.chase) : json::value(nullptr);
    if (r.subsidies) {
        json::value s = json::value::object();
        s["source"] = r.subsidies->source;
        s["total"] = line_json(r.subsidies->total);
        json::value subtotals = json::value::array();
        for (const auto& l : r.subsidies->subtotals) subtotals.push_back(line_json(l));
        s["subtotals"] = std::move(subtotals);
        doc["subsidies"] = std::move(s);
    } else {
        doc["subsidies"] = nullptr;
    }
    return json::dump(doc);
}

subsidy_totals subsidy_totals_from_json(std::string_view text, const std::string& source) {
    const json::value doc = json::parse(text, source);
    if (!doc.is_object() || !doc.contains("total"))
        throw parse_error(source, "", "not a results file of `zjcredit subsidy --json`: no \"total\"");
    subsidy_totals out;
    out.source = source;
    out.total = read_line(doc["total"], source, "total", false);
    if (doc.contains("subtotals")) {
        const json::value& subtotals = doc["subtotals"];
        if (!subtotals.is_array()) throw parse_error(source + ": subtotals", "", "expected an array");
        for (std::size_t i = 0; i < subtotals.size(); ++i)
            out.subtotals.push_back(read_line(subtotals[i], source, "subtotals[" + std::to_string(i) + "]", true));
    }
    return out;
}

inputs inputs_from_json(std::string_view text, const plan::plan& p) {
    const json::value doc = json::parse(text, "report inputs");
    if (!doc.is_object()) throw parse_error("report inputs", "", "expected an object");
    for (const auto& [key, v] : doc.items())
        if (key != "observations" && key != "ledger" && key != "months" && key != "subsidies")
            throw parse_error(key, "", "unknown key of the report inputs (observations, ledger, months, subsidies)");
    inputs in;
    const auto obs = doc.find("observations");
    if (obs == doc.end() || !obs->is_array())
        throw parse_error("observations", "", "required: an array of observations documents, one per month");
    for (const auto& month : *obs) in.reports.push_back(assess::observations_from_json(json::dump(month), p));
    if (const auto l = doc.find("ledger"); l != doc.end()) {
        ledger::ledger_document d = ledger::ledger_from_json(json::dump(*l), p);
        in.ledgers = std::move(d.submissions);
        in.liaison_forms = std::move(d.liaison_forms);
    }
    if (const auto m = doc.find("months"); m != doc.end()) {
        if (!m->is_string()) throw parse_error("months", m->dump(), "expected \"2022-09..2022-12\"");
        if (!in.ledgers) throw parse_error("months", m->get<std::string>(), "applies to the compliance grid: give \"ledger\" too");
        in.months = ledger::parse_month_range(m->get<std::string>(), "months");
    }
    if (const auto s = doc.find("subsidies"); s != doc.end()) in.subsidies = subsidy_totals_from_json(json::dump(*s), "subsidies");
    return in;
}

}  // namespace zjcredit::report
