// `zjcredit assess FILE`: verdicts on the plan's targets from observed
// figures, given as observations JSON (docs/assessment.md) or as CSV with the
// columns indicator, year_start, current, prior_year_total, as_of, source
// (the report's date is the latest as_of).
#include "command.hpp"

#include "../io/csv.hpp"
#include "../json/document.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/json.hpp>

#include <sstream>

namespace zjcredit::cli {

namespace {

/// Observations CSV, rewritten as the observations JSON so that both forms
/// pass through the one validating reader.
std::string observations_csv_to_json(const std::string& text, const std::string& name, const options& o) {
    std::istringstream in(text);
    io::csv_reader reader(in, name, o.encoding && *o.encoding == "gb18030" ? io::encoding::gb18030 : io::encoding::detect);
    const auto header_row = reader.next();
    if (!header_row) throw parse_error(name, "", "empty file: expected a header row");
    const io::csv_header header(*header_row, name);
    header.only({"indicator", "year_start", "current", "prior_year_total", "as_of", "source"});
    json::value items = json::value::array();
    std::string latest;
    while (auto row = reader.next()) {
        json::value item = json::value::object();
        for (std::string_view column : {"indicator", "year_start", "current", "prior_year_total", "as_of", "source"}) {
            const auto i = header.find(column);
            if (!i) continue;
            if (*i >= row->size())
                throw parse_error(name + ":" + std::to_string(reader.line()), "", "row has too few columns");
            const std::string& cell = (*row)[*i];
            if (!cell.empty()) item[std::string(column)] = cell;
        }
        if (item.contains("as_of") && item["as_of"].get<std::string>() > latest) latest = item["as_of"].get<std::string>();
        items.push_back(std::move(item));
    }
    return json::dump(json::value{{"schema_version", 1}, {"as_of", latest}, {"observations", items}});
}

}  // namespace

int run_assess(const options& o) {
    const plan::plan& p = selected_plan(o);
    const std::string& file = input_file(o);
    const std::string text = read_file(file);
    const auto observations =
        assess::observations_from_json(looks_like_json(text) ? text : observations_csv_to_json(text, file, o), p);
    const assess::assessment a = assess::assess(p, observations);
    if (o.json) {
        write_output(o, assess::assessment_to_json(a));
        return ok;
    }
    const bool en = o.lang == "en";
    std::ostringstream out;
    out << "\xEF\xBB\xBF";
    io::csv_writer csv(out);
    csv.row({"target", "result", "observed", "threshold", "margin", en ? "explanation" : "说明"});
    // Figures in their unit's canonical text (元 with two decimals, as in the JSON).
    const auto figure = [](const std::optional<money::decimal>& d, plan::measure_unit unit) {
        return d ? assess::detail::figure_text(*d, unit) : std::string();
    };
    for (const auto& v : a.verdicts)
        csv.row({v.target_id, std::string(assess::to_string(v.result)), figure(v.observed, v.unit),
                 figure(v.threshold, v.unit), figure(v.margin, v.unit), en ? v.explanation_en : v.explanation_zh});
    for (const auto& g : a.groups)
        csv.row({g.group, std::string(assess::to_string(g.result)), "", "", "", en ? g.explanation_en : g.explanation_zh});
    write_output(o, out.str());
    return ok;
}

}  // namespace zjcredit::cli
