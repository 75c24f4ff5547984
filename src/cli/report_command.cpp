// `zjcredit report`: the one report (report/report.hpp) as a self-contained
// HTML page, or its JSON. The CLI only reads the files and writes the page.
#include "command.hpp"
#include "results_xlsx.hpp"

#include "../io/files.hpp"
#include "../report/words.hpp"

#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/json.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/ledger/read.hpp>
#include <zjcredit/report/csv.hpp>
#include <zjcredit/report/html.hpp>
#include <zjcredit/report/json.hpp>
#include <zjcredit/report/report.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace zjcredit::cli {
namespace {

namespace fs = std::filesystem;

/// The observation files: each FILE, and each folder's .csv and .json files in name order (io::files_of).
std::vector<std::string> observation_files(const options& o) {
    std::vector<std::string> given = o.observations;
    given.insert(given.end(), o.args.begin(), o.args.end());
    if (given.empty())
        throw parse_error("--observations", "", "required: the monthly observations, files or a folder");
    static constexpr std::string_view kinds[] = {".csv", ".json"};
    const std::vector<fs::path> paths(given.begin(), given.end());
    std::vector<std::string> out;
    for (const auto& f : io::files_of(paths, kinds)) out.push_back(f.string());
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

/// The report as a workbook: one sheet per part (targets, compliance grid,
/// chase list, subsidy totals), figures as exact text in each target's unit.
void write_xlsx(const options& o, const report::report& r) {
    const bool en = o.lang == "en";
    const auto say = [&](const char* zh, const char* english) { return std::string(en ? english : zh); };
    xlsx_results x(*o.xlsx,
                   {say("目标", "target"), say("情况", "standing"), say("预警", "grade"), say("单位", "unit"),
                    say("实际", "actual"), say("目标值", "threshold"), say("差额", "margin"),
                    say("预测（年末）", "projected (year end)"), say("已实现月均", "pace achieved"),
                    say("尚需月均", "pace needed"), say("牵头单位", "lead")},
                   en,
                   {en ? "The one report (docs/report.md): headline " + std::to_string(r.head.met) + " met, " +
                             std::to_string(r.head.on_track) + " on track, " + std::to_string(r.head.at_risk) +
                             " at risk, " + std::to_string(r.head.unknown) + " not assessable; figures as of " +
                             dates::to_string(r.as_of) + ", in the unit each target is stated in (exact text)."
                       : "月度报告（docs/report.md）：达成" + std::to_string(r.head.met) + "项，预计达成" +
                             std::to_string(r.head.on_track) + "项，风险" + std::to_string(r.head.at_risk) +
                             "项，暂无法评估" + std::to_string(r.head.unknown) + "项；数据截至" +
                             dates::to_string(r.as_of) + "，数值以目标所用单位列示（精确文本）。"},
                   {});
    x.name_sheet(say("目标", "targets"));
    for (const auto& t : r.targets) {
        std::string lead;
        for (const auto& n : t.warning.lead) lead += (lead.empty() ? "" : "、") + n;
        x.row({t.verdict.target_id, report::words::standing_word(t.stands, en),
               report::words::grade_word(t.warning.result, en), std::string(t.unit.word),
               report::words::figure(t.actual), report::words::figure(t.threshold), report::words::figure(t.margin),
               report::words::figure(t.warning.projected), report::words::figure(t.warning.pace_achieved),
               report::words::figure(t.warning.pace_needed), lead},
              {}, false);
    }
    if (r.compliance) {
        std::vector<std::string> header{say("单位", "unit")};
        for (const auto& m : r.compliance->months) header.push_back(ledger::to_string(m.month));
        x.sheet(say("报送情况", "compliance"), header);
        for (std::size_t i = 0; i < r.compliance->units.size(); ++i) {
            std::vector<std::string> cells{r.compliance->units[i].unit_name};
            for (const auto& m : r.compliance->months) cells.push_back(report::words::cell(m.units[i].check, en));
            x.row(cells, {}, false);
        }
        x.sheet(say("催报清单", "chase"), {say("事项", "matter"), say("月份", "month"), say("单位", "unit"),
                                          say("情况", "standing"), say("联络员", "liaison"), say("电话", "phone"),
                                          say("邮箱", "e-mail")});
        for (const auto& item : r.chase) {
            dates::deadline_check c;
            c.status = item.status;
            c.days_late = item.days_late;
            x.row({en ? item.matter : ledger::matter_zh(item.matter), item.month ? ledger::to_string(*item.month) : "",
                   item.unit_name, report::words::cell(c, en), item.contact ? item.contact->name : "",
                   item.contact ? item.contact->phone : "", item.contact ? item.contact->email : ""},
                  {}, false);
        }
    }
    if (r.subsidies) {
        x.sheet(say("贴息合计", "subsidies"),
                {say("项目", "line"), say("金额（元）", "amount (元)"), say("记录数", "records"), say("符合条件", "eligible")});
        for (const auto& l : r.subsidies->subtotals)
            x.row({l.label, l.amount.to_string(), std::to_string(l.records), std::to_string(l.eligible)}, {1},
                  false);
        const auto& t = r.subsidies->total;
        x.row({say("合计", "Total"), t.amount.to_string(), std::to_string(t.records),
               std::to_string(t.eligible)},
              {1}, true);
    }
    x.commit();
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
    if (o.subsidies) in.subsidies = report::read_subsidy_totals(read_file(*o.subsidies), *o.subsidies);
    const report::report r = report::build(p, in);
    if (o.xlsx) write_xlsx(o, r);
    write_output(o, o.json ? report::to_json(r) : report::to_html(r, {.english = o.lang == "en"}));
    return ok;
}

}  // namespace zjcredit::cli
