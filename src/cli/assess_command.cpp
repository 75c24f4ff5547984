// `zjcredit assess FILE`: verdicts on the plan's targets from observed
// figures, given as observations JSON (docs/assessment.md) or as CSV
// (assess/csv.hpp: the columns indicator, year_start, current,
// prior_year_total, as_of, source; the report's date is the latest as_of).
#include "command.hpp"

#include "../io/csv.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/json.hpp>

#include <sstream>

namespace zjcredit::cli {

int run_assess(const options& o) {
    const plan::plan& p = selected_plan(o);
    const std::string& file = input_file(o);
    const std::string text = read_file(file);
    const auto observations =
        looks_like_json(text)
            ? assess::observations_from_json(text, p)
            : assess::observations_from_csv(
                  text, p,
                  {.source = file,
                   .encoding = o.encoding && *o.encoding == "gb18030" ? assess::csv_encoding::gb18030
                                                                      : assess::csv_encoding::detect});
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
