// `zjcredit assess FILE`: verdicts on the plan's targets from observed
// figures, given as observations JSON (docs/assessment.md) or as CSV
// (assess/csv.hpp: the columns indicator, year_start, current,
// prior_year_total, as_of, source; the report's date is the latest as_of).
#include "command.hpp"
#include "results_xlsx.hpp"

#include "../io/csv.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/json.hpp>

#include <array>
#include <optional>
#include <sstream>
#include <vector>

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
    const std::vector<std::string> header{"target", "result", "observed", "threshold", "margin",
                                          en ? "explanation" : "说明"};
    csv.row(header);
    std::optional<xlsx_results> sheet;
    if (o.xlsx)
        sheet.emplace(*o.xlsx, header, en,
                      std::vector<std::string>{en ? "One row per target, then the groups of targets; figures in 元 are "
                                                    "numbers, exact to the fen (the CSV and JSON hold the exact text)."
                                                  : "每个目标一行，其后为目标组；以元计的数值为数字，精确到分（CSV 与 JSON 中为精确文本）。"},
                      std::vector<std::array<std::string, 3>>{});
    const auto write = [&](const std::vector<std::string>& cells, bool in_yuan) {
        csv.row(cells);
        if (sheet) sheet->row(cells, in_yuan ? std::vector<std::size_t>{2, 3, 4} : std::vector<std::size_t>{}, false);
    };
    // Figures in their unit's canonical text (元 with two decimals, as in the JSON).
    const auto figure = [](const std::optional<money::decimal>& d, plan::measure_unit unit) {
        return d ? assess::detail::figure_text(*d, unit) : std::string();
    };
    for (const auto& v : a.verdicts)
        write({v.target_id, std::string(assess::to_string(v.result)), figure(v.observed, v.unit),
               figure(v.threshold, v.unit), figure(v.margin, v.unit), en ? v.explanation_en : v.explanation_zh},
              v.unit == plan::measure_unit::yuan);
    for (const auto& g : a.groups)
        write({g.group, std::string(assess::to_string(g.result)), "", "", "", en ? g.explanation_en : g.explanation_zh},
              false);
    if (sheet) sheet->commit();
    write_output(o, out.str());
    return ok;
}

}  // namespace zjcredit::cli
