// Observations in and assessments out as JSON (docs/assessment.md).
#include <zjcredit/assess/json.hpp>

#include "../json/document.hpp"
#include "../json/reader.hpp"
#include "../json/writer.hpp"

#include <zjcredit/assess/figure_unit.hpp>
#include <zjcredit/detail/suggest.hpp>
#include <zjcredit/money/parse.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace zjcredit::assess {
namespace {

/// The unit of an indicator: that of the first target using it, as its own
/// indicator or as the reference of a growth or share comparison.
std::optional<plan::measure_unit> unit_of(const plan::plan& p, std::string_view indicator) {
    for (const auto& t : p.targets)
        if (t.indicator == indicator || t.reference_indicator == indicator) return t.unit;
    return std::nullopt;
}

money::decimal read_figure(json::object_reader& r, std::string_view key, const std::string& text,
                           plan::measure_unit unit, const std::optional<figure_unit>& declared) {
    const std::string field = r.path_of(key);
    money::number_syntax n = money::parse_number(text, field);
    if (declared) {
        // The declaration says what a bare number means; a figure that also
        // carries its own unit would be read twice (251.6亿 in 亿元).
        if (n.units || n.currency || n.percent)
            throw validation_error(field, text,
                                   "the figures are declared in " + std::string(declared->word) +
                                       ": write the bare number, or drop the declared unit");
        n.value = from_unit(n.value, *declared, field);
    }
    switch (unit) {
        case plan::measure_unit::yuan:
            if (n.percent) throw validation_error(field, text, "a percentage is not an amount in 元");
            if (n.value.normalized().scale() > 2)
                throw validation_error(field, text, "an amount in 元 is exact to the 分: at most 2 decimal places");
            return n.value;
        case plan::measure_unit::borrowers:
        case plan::measure_unit::companies:
        case plan::measure_unit::events: {
            const std::string what = "a count of " + std::string(plan::chinese_word(unit));
            if (n.percent) throw validation_error(field, text, what + " cannot be a percentage");
            if (n.currency) throw validation_error(field, text, what + " cannot carry 元 or a currency");
            if (n.value.normalized().scale() > 0) throw validation_error(field, text, what + " must be a whole number");
            return n.value.normalized();
        }
        case plan::measure_unit::percent:
            if (!n.percent && !declared)
                throw validation_error(field, text, "a percent indicator is written with '%' (\"4.35%\")");
            // parse_number divided by 100; the figure is kept in percentage points.
            return n.percent ? money::decimal(n.value.coefficient(), n.value.scale() - 2) : n.value;
    }
    return n.value;
}

/// Whether `text` is a bare number: no 万/亿, so read as 元 unless declared.
bool bare(const std::string& text, const std::string& field) {
    return !money::parse_number(text, field).units;
}

/// a × 10^6 < b, both positive: a figure a million times smaller than
/// another is not the same unit (10⁸ for 亿元 read as 元, 10⁴ for 万元 is
/// left alone: too close to real differences between indicators).
bool far_below(const money::decimal& a, const money::decimal& b) {
    if (a.is_negative() || a.is_zero() || b.is_negative() || b.is_zero()) return false;
    const int s = std::max(a.scale(), b.scale());
    return detail::scaled(a, s) * 1'000'000 < detail::scaled(b, s);
}

/// Refuses a bare amount that is a million times or more below the fixed
/// threshold of a target measured by the indicator (251.6 against 250亿元:
/// a sheet kept in 亿元 read as 元), or below an explicit figure of the same
/// observation, with the hint to declare the unit.
void check_scale(json::object_reader& o, const plan::plan& p, const observation& ob,
                 const std::optional<std::string> (&texts)[3], const figure (&figures)[3]) {
    for (int k = 0; k < 3; ++k) {
        if (!texts[k] || !bare(*texts[k], o.path_of(to_string(figures[k])))) continue;
        const money::decimal& d = *ob.get(figures[k]);
        const std::string key(to_string(figures[k]));
        for (const auto& t : p.targets) {
            if (t.indicator != ob.indicator || !t.threshold || !far_below(d, *t.threshold)) continue;
            const figure_unit u = stated_unit(t);
            o.invalid(key, *texts[k],
                      "a bare figure is read in 元, and " + *texts[k] + " 元 is far below the target " + t.id +
                          " (" + in_unit(*t.threshold, u).to_string() + std::string(u.word) +
                          "): if the sheet is kept in " + std::string(u.word) + ", write " + *texts[k] +
                          std::string(u.word) + " or declare the unit (\"unit\": \"" + std::string(u.word) +
                          "\", a CSV header " + key + "(" + std::string(u.word) + "), or --unit " +
                          std::string(u.word) + ")");
        }
        for (int j = 0; j < 3; ++j) {
            if (j == k || !texts[j] || bare(*texts[j], o.path_of(to_string(figures[j])))) continue;
            if (!far_below(d, *ob.get(figures[j]))) continue;
            o.invalid(key, *texts[k],
                      "a bare figure is read in 元, a million times or more below " +
                          std::string(to_string(figures[j])) + " (" + *texts[j] +
                          "): declare the unit (\"unit\": \"亿元\", a CSV header " + key +
                          "(亿元), or --unit 亿元) or write it as " + *texts[j] + " is written");
        }
    }
}

json::value figure_or_null(const std::optional<money::decimal>& d, plan::measure_unit unit) {
    if (!d) return nullptr;
    return detail::figure_text(*d, unit);
}

json::value stated_or_null(const std::optional<money::decimal>& d, const figure_unit& u) {
    if (!d) return nullptr;
    return in_unit(*d, u).to_string();
}

json::value string_or_null(const std::optional<std::string>& s) {
    if (!s) return nullptr;
    return *s;
}

}  // namespace

observations observations_from_json(std::string_view text, const plan::plan& p) {
    const json::value doc = json::parse(text, "observations");
    json::object_reader r = json::root(doc, "observations");
    const std::int64_t version = r.integer("schema_version", 0, INT32_MAX);
    if (version != observations_schema_version)
        r.invalid("schema_version", std::to_string(version),
                  "unsupported schema version; this library reads " + std::to_string(observations_schema_version));
    const dates::date as_of = r.date("as_of");
    observations out(as_of);
    std::vector<std::string> paths;  // path of each observation, for duplicate messages
    r.objects("observations", [&](json::object_reader& o) {
        const std::string indicator = o.string("indicator");
        // Read every member first so that an unknown key is reported before
        // what the known ones mean.
        std::optional<std::string> texts[3];
        const figure figures[3] = {figure::year_start, figure::current, figure::prior_year_total};
        for (int k = 0; k < 3; ++k) texts[k] = o.optional_string(to_string(figures[k]));
        const auto own_as_of = o.optional_date("as_of");
        const std::string source = o.string("source");
        const auto unit_word = o.optional_string("unit");
        o.finish();

        const auto unit = unit_of(p, indicator);
        if (!unit)
            o.invalid("indicator", indicator,
                      "no target of the plan uses this indicator" + zjcredit::detail::did_you_mean(indicator, plan::indicators(p)));
        std::optional<figure_unit> declared;
        if (unit_word) {
            declared = figure_unit_named(*unit_word);
            if (!declared) o.invalid("unit", *unit_word, "not a unit of figures; use one of " + figure_unit_names());
            if (declared->base != *unit)
                o.invalid("unit", *unit_word,
                          "the indicator is counted in " + std::string(plan::chinese_word(*unit)) + ", not in " +
                              *unit_word);
        }
        for (std::size_t k = 0; k < out.items().size(); ++k)
            if (out.items()[k].indicator == indicator)
                o.invalid("indicator", indicator, "the indicator is already observed at " + paths[k]);

        observation ob;
        ob.indicator = indicator;
        bool any = false;
        for (int k = 0; k < 3; ++k) {
            if (!texts[k]) continue;
            any = true;
            const money::decimal d = read_figure(o, to_string(figures[k]), *texts[k], *unit, declared);
            if (figures[k] == figure::year_start) ob.year_start = d;
            else if (figures[k] == figure::current) ob.current = d;
            else ob.prior_year_total = d;
        }
        if (!any)
            throw validation_error(o.path(), "",
                                   "an observation needs at least one of year_start, current, prior_year_total");
        if (!declared && *unit == plan::measure_unit::yuan) check_scale(o, p, ob, texts, figures);
        ob.as_of = own_as_of.value_or(as_of);
        ob.source = source;
        if (ob.source.empty()) o.invalid("source", "", "the source of the figures must be named");
        out.add(std::move(ob));
        paths.push_back(o.path());
    });
    r.finish();
    return out;
}

std::string observations_to_json(const observations& obs, const plan::plan& p) {
    json::value doc = json::value::object();
    doc["schema_version"] = observations_schema_version;
    doc["as_of"] = dates::to_string(obs.as_of());
    json::value items = json::value::array();
    for (const auto& o : obs.items()) {
        const auto unit = unit_of(p, o.indicator);
        if (!unit) throw validation_error("indicator", o.indicator, "no target of the plan uses this indicator");
        json::value item = json::value::object();
        item["indicator"] = o.indicator;
        for (figure f : {figure::year_start, figure::current, figure::prior_year_total})
            if (const auto& d = o.get(f)) item[std::string(to_string(f))] = detail::figure_text(*d, *unit);
        item["as_of"] = dates::to_string(o.as_of);
        item["source"] = o.source;
        items.push_back(std::move(item));
    }
    doc["observations"] = std::move(items);
    return json::dump(doc);
}

std::string assessment_to_json(const assessment& a) {
    json::value doc = json::value::object();
    doc["schema_version"] = assessment_schema_version;
    doc["as_of"] = dates::to_string(a.as_of);
    json::value options = json::value::object();
    options["max_staleness_days"] = a.max_staleness_days;
    options["growth_places"] = a.growth_places;
    options["growth_rounding"] = std::string(money::to_string(a.growth_rounding));
    doc["options"] = std::move(options);

    json::value verdicts = json::value::array();
    for (const auto& v : a.verdicts) {
        json::value j = json::value::object();
        j["target"] = v.target_id;
        j["text"] = v.text;
        j["clause"] = v.clause;
        j["indicator"] = v.indicator;
        j["reference_indicator"] = string_or_null(v.reference_indicator);
        j["group"] = string_or_null(v.group);
        j["unit"] = std::string(plan::to_string(v.unit));
        j["comparator"] = std::string(plan::to_string(v.op));
        j["comparator_word"] = v.comparator_word;
        j["baseline"] = std::string(plan::to_string(v.baseline));
        j["factor"] = v.factor ? json::value(v.factor->normalized().to_string()) : json::value(nullptr);
        j["qualitative"] = v.qualitative;
        j["due"] = dates::to_string(v.due);
        j["status"] = std::string(to_string(v.result));
        j["status_zh"] = std::string(chinese_word(v.result, v.provisional));
        j["evaluated_at"] = dates::to_string(v.evaluated_at);
        j["figures_as_of"] = json::date_or_null(v.figures_as_of);
        j["provisional"] = v.provisional;
        const figure_unit u =
            stated_unit(v.text, v.unit, v.baseline == plan::baseline_kind::fixed ? v.threshold : std::nullopt);
        j["stated_unit"] = std::string(u.word);
        j["observed_stated"] = stated_or_null(v.observed, u);
        j["threshold_stated"] = stated_or_null(v.threshold, u);
        j["margin_stated"] = stated_or_null(v.margin, u);
        j["observed"] = figure_or_null(v.observed, v.unit);
        j["threshold"] = figure_or_null(v.threshold, v.unit);
        j["margin"] = figure_or_null(v.margin, v.unit);
        if (v.rates) {
            const auto& r = *v.rates;
            json::value rates = json::value::object();
            rates["kind"] = std::string(to_string(r.kind));
            rates["value"] = r.value.to_string();
            rates["reference"] = r.reference.to_string();
            rates["margin"] = r.margin.to_string();
            rates["margin_sign"] = r.margin_sign;
            rates["value_exact"] = r.value_exact;
            rates["reference_exact"] = r.reference_exact;
            rates["margin_exact"] = r.margin_exact;
            rates["places"] = r.places;
            rates["rounding"] = std::string(money::to_string(r.rounding));
            j["rates"] = std::move(rates);
        } else {
            j["rates"] = nullptr;
        }
        json::value problems = json::value::array();
        for (const auto& p : v.problems) {
            json::value pj = json::value::object();
            pj["reason"] = std::string(to_string(p.code));
            pj["field"] = p.field;
            pj["message_zh"] = p.message_zh;
            pj["message_en"] = p.message_en;
            problems.push_back(std::move(pj));
        }
        j["problems"] = std::move(problems);
        j["note"] = v.note;
        json::value explanation = json::value::object();
        explanation["zh"] = v.explanation_zh;
        explanation["en"] = v.explanation_en;
        j["explanation"] = std::move(explanation);
        verdicts.push_back(std::move(j));
    }
    doc["verdicts"] = std::move(verdicts);

    json::value groups = json::value::array();
    for (const auto& g : a.groups) {
        json::value j = json::value::object();
        j["group"] = g.group;
        j["targets"] = g.targets;
        j["status"] = std::string(to_string(g.result));
        json::value explanation = json::value::object();
        explanation["zh"] = g.explanation_zh;
        explanation["en"] = g.explanation_en;
        j["explanation"] = std::move(explanation);
        groups.push_back(std::move(j));
    }
    doc["groups"] = std::move(groups);
    doc["unused_indicators"] = a.unused_indicators;
    json::value summary = json::value::object();
    summary["total"] = a.summary.total;
    summary["met"] = a.summary.met;
    summary["not_met"] = a.summary.not_met;
    summary["not_yet_met"] = a.summary.not_yet_met;
    summary["not_assessable"] = a.summary.not_assessable;
    summary["provisional"] = a.summary.provisional;
    doc["summary"] = std::move(summary);
    return json::dump(doc);
}

}  // namespace zjcredit::assess
