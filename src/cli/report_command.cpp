// `zjcredit report`: the one report (report/report.hpp) as a self-contained
// HTML page, or its JSON. The CLI only reads the files and writes the page.
#include "command.hpp"

#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/json.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/ledger/read.hpp>
#include <zjcredit/report/html.hpp>
#include <zjcredit/report/json.hpp>
#include <zjcredit/report/report.hpp>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace zjcredit::cli {
namespace {

namespace fs = std::filesystem;

/// The observation files: each FILE, and each folder's .csv and .json files in name order.
std::vector<std::string> observation_files(const options& o) {
    std::vector<std::string> given = o.observations;
    given.insert(given.end(), o.args.begin(), o.args.end());
    if (given.empty())
        throw parse_error("--observations", "", "required: the monthly observations, files or a folder");
    std::vector<std::string> out;
    for (const auto& g : given) {
        if (!fs::is_directory(g)) {
            out.push_back(g);
            continue;
        }
        std::vector<std::string> inside;
        for (const auto& e : fs::directory_iterator(g)) {
            const std::string ext = e.path().extension().string();
            if (e.is_regular_file() && (ext == ".csv" || ext == ".json")) inside.push_back(e.path().string());
        }
        if (inside.empty()) throw validation_error("--observations", g, "the folder holds no .csv or .json file");
        std::sort(inside.begin(), inside.end());
        out.insert(out.end(), inside.begin(), inside.end());
    }
    return out;
}

assess::observations read_observations(const options& o, const plan::plan& p, const std::string& file) {
    const std::string text = read_file(file);
    if (looks_like_json(text)) {
        if (o.unit) throw parse_error("--unit", *o.unit, "applies to CSV; in JSON an observation declares its \"unit\"");
        return assess::observations_from_json(text, p);
    }
    return assess::observations_from_csv(
        text, p,
        {.source = file,
         .encoding = o.encoding && *o.encoding == "gb18030" ? assess::csv_encoding::gb18030 : assess::csv_encoding::detect,
         .unit = o.unit});
}

}  // namespace

int run_report(const options& o) {
    const plan::plan& p = selected_plan(o);
    if (o.encoding) (void)input_encoding(o);  // refuses an unknown name as --encoding
    report::inputs in;
    for (const auto& f : observation_files(o)) in.reports.push_back(read_observations(o, p, f));
    if (!o.ledgers.empty()) {
        const std::vector<fs::path> paths(o.ledgers.begin(), o.ledgers.end());
        ledger::file_read_options ro;
        ro.encoding = o.encoding.value_or("");
        ledger::ledger_document doc = ledger::read_ledger_files(paths, p, ro);
        in.ledgers = std::move(doc.submissions);
        in.liaison_forms = std::move(doc.liaison_forms);
    } else if (o.months) {
        throw parse_error("--months", *o.months, "applies to the compliance grid: give --ledger too");
    }
    if (o.months) {
        in.months = ledger::parse_month_range(*o.months, "--months");
        try {
            ledger::require_reporting_months(p, in.months->first, in.months->last);
        } catch (const error& e) {
            throw validation_error("--months", e.text(), e.detail());
        }
    }
    if (o.subsidies) in.subsidies = report::subsidy_totals_from_json(read_file(*o.subsidies), *o.subsidies);
    const report::report r = report::build(p, in);
    write_output(o, o.json ? report::to_json(r) : report::to_html(r, {.english = o.lang == "en"}));
    return ok;
}

}  // namespace zjcredit::cli
