// `zjcredit assess FILE`: verdicts on the plan's targets from observed
// figures, given as observations JSON (docs/assessment.md) or as CSV
// (assess/csv.hpp: the columns indicator, year_start, current,
// prior_year_total, as_of, source; the report's date is the latest as_of).
#include "command.hpp"
#include "results_xlsx.hpp"

#include "../io/csv.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/figure_unit.hpp>
#include <zjcredit/assess/json.hpp>

#include <array>
#include <iostream>
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
                                                                      : assess::csv_encoding::detect,
                   .unit = o.unit});
    if (o.unit && looks_like_json(text))
        throw parse_error("--unit", *o.unit, "applies to CSV; in JSON an observation declares its \"unit\"");
    const assess::assessment a = assess::assess(p, observations);
    if (o.json) {
        write_output(o, assess::assessment_to_json(a));
        return ok;
    }
    const bool en = o.lang == "en";
    std::ostringstream out;
    out << "\xEF\xBB\xBF";
    io::csv_writer csv(out);
    // Figures in the unit the target is stated in (250亿元 → 亿元), exact.
    const std::vector<std::string> header{"target",    "result",    "provisional", "unit",
                                          "observed",  "threshold", "margin",      en ? "explanation" : "说明"};
    csv.row(header);
    std::optional<xlsx_results> sheet;
    if (o.xlsx)
        sheet.emplace(*o.xlsx, header, en,
                      std::vector<std::string>{en ? "One row per target, then the groups of targets; figures in the unit "
                                                    "each target is stated in (exact text)."
                                                  : "每个目标一行，其后为目标组；数值以目标所用单位列示（精确文本）。"},
                      std::vector<rules::parameter_use>{});
    const auto write = [&](const std::vector<std::string>& cells) {
        csv.row(cells);
        if (sheet) sheet->row(cells, {}, false);
    };
    const auto word = [&](assess::status s, bool provisional) {
        return std::string(en ? assess::to_string(s) : assess::chinese_word(s, provisional));
    };
    const std::string yes = en ? "yes" : "是";
    const std::string no = en ? "no" : "否";
    for (const auto& v : a.verdicts) {
        const auto u = assess::stated_unit(p.targets.at(static_cast<std::size_t>(&v - a.verdicts.data())));
        const auto figure = [&](const std::optional<money::decimal>& d) {
            return d ? assess::in_unit(*d, u).to_string() : std::string();
        };
        write({v.target_id, word(v.result, v.provisional), v.provisional ? yes : no, std::string(u.word),
               figure(v.observed), figure(v.threshold), figure(v.margin), en ? v.explanation_en : v.explanation_zh});
    }
    for (const auto& g : a.groups)
        write({g.group, word(g.result, false), "", "", "", "", "", en ? g.explanation_en : g.explanation_zh});
    if (sheet) sheet->commit();
    write_output(o, out.str());
    const auto& n = a.summary;
    if (en)
        std::cerr << n.total << " targets: " << n.met << " met, " << n.not_met << " not met, " << n.not_yet_met
                  << " not yet met (provisional), " << n.not_assessable << " not assessable\n";
    else
        std::cerr << "共" << n.total << "项目标：达成" << n.met << "项，未达成" << n.not_met << "项，暂未达成"
                  << n.not_yet_met << "项（进度评估），暂无法评估" << n.not_assessable << "项\n";
    return ok;
}

}  // namespace zjcredit::cli
