// `zjcredit ledger`: the bureau's month of the 工作台账 — blank templates for
// the units, their filled ledgers and liaison forms read back (.xlsx, CSV,
// JSON; files or folders), compliance over a run of months, progress
// roll-ups with the tasks past their 时间节点, and the chase list.
// `zjcredit ledger FILE --month M` (no subcommand) is `ledger check`.
#include "command.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/ledger/chase.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/ledger/progress.hpp>
#include <zjcredit/ledger/read.hpp>

#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace zjcredit::cli {
namespace {

namespace fs = std::filesystem;

/// --months A..B, or --month M (also a range): the months to check, inside
/// the plan's reporting period.
ledger::month_range months_of(const options& o, const plan::plan& p) {
    if (o.months && o.month)
        throw parse_error("--months", *o.months, "give --months or --month, not both");
    if (!o.months && !o.month)
        throw parse_error("--month", "",
                          "required: the months to check, as --months 2022-09..2022-12 or --month 2022-09");
    const std::string field = o.months ? "--months" : "--month";
    const ledger::month_range r = ledger::parse_month_range(o.months ? *o.months : *o.month, field);
    try {
        ledger::require_reporting_months(p, r.first, r.last);
    } catch (const error& e) {
        throw validation_error(field, e.text(), e.detail());
    }
    return r;
}

/// The filled ledgers and liaison forms of the FILE or DIR arguments.
ledger::ledger_document read_inputs(const options& o, const plan::plan& p, std::size_t from,
                                    std::optional<ledger::year_month> single_month) {
    if (o.args.size() <= from)
        throw parse_error("arguments", "", "expected one or more ledger FILEs or folders");
    std::vector<fs::path> paths(o.args.begin() + static_cast<std::ptrdiff_t>(from), o.args.end());
    ledger::file_read_options ro;
    ro.month = single_month;
    ro.encoding = o.encoding.value_or("");
    if (o.encoding) (void)input_encoding(o);  // refuses an unknown name as --encoding
    if (paths.size() == 1 && paths.front() == "-") {
        return ledger::read_ledger_bytes(read_file("-"), "-", p, ro);
    }
    return ledger::read_ledger_files(paths, p, ro);
}

bool is_subcommand(const std::string& s) {
    return s == "template" || s == "check" || s == "progress" || s == "chase";
}

void require_not(bool given, const char* option, const char* sub) {
    if (given)
        throw parse_error("arguments", option,
                          std::string("does not apply to `zjcredit ledger ") + sub +
                              "`; zjcredit ledger --help lists each form's options");
}

int run_template(const options& o, const plan::plan& p) {
    require_not(o.json, "--json", "template");
    require_not(o.months.has_value(), "--months", "template");
    require_not(o.as_of.has_value(), "--as-of", "template");
    if (o.args.size() != 1) throw parse_error("arguments", o.args.back(), "ledger template takes no FILE");
    if (!o.xlsx && !o.output)
        throw parse_error("--xlsx", "", "required: where to write the template, --xlsx FILE or -o FILE.csv");
    ledger::template_options t;
    if (o.month) t.month = ledger::parse_year_month(*o.month, "--month");
    if (o.unit) {
        if (!ledger::files_ledger(p, *o.unit))
            throw validation_error("--unit", *o.unit, "does not file the monthly 工作台账");
        t.units = {*o.unit};
    }
    // One file per unit into a folder; otherwise one workbook with a sheet
    // per unit, or one CSV with every unit's rows.
    auto per_unit = [&](const fs::path& dir, const char* ext, auto write) {
        for (const plan::unit* u : plan::ledger_units(p)) {
            if (o.unit && plan::find_unit(p, *o.unit).id != u->id) continue;
            ledger::template_options one = t;
            one.units = {u->id};
            write(dir / ("工作台账-" + u->name + ext), one);
        }
    };
    if (o.xlsx) {
        if (fs::is_directory(*o.xlsx)) {
            per_unit(*o.xlsx, ".xlsx", [&](const fs::path& f, const ledger::template_options& one) {
                ledger::write_blank_ledger_xlsx(f, p, one);
            });
        } else {
            t.sheet_per_unit = true;
            ledger::write_blank_ledger_xlsx(*o.xlsx, p, t);
        }
    }
    if (o.output) {
        if (*o.output != "-" && fs::is_directory(*o.output)) {
            per_unit(*o.output, ".csv", [&](const fs::path& f, const ledger::template_options& one) {
                ledger::write_blank_ledger_csv(f, p, one);
            });
        } else {
            write_output(o, ledger::blank_ledger_csv(p, t));
        }
    }
    return ok;
}

/// Problems of the liaison forms, said on stderr: the check still passes.
void warn_forms(const options& o, const ledger::liaison_compliance& l) {
    for (const auto& u : l.units)
        for (const auto& f : u.problems)
            std::cerr << "zjcredit: " << (o.lang == "en" ? "liaison form of " + u.unit_name + ": " + f.en
                                                          : "联络员信息表（" + u.unit_name + "）：" + f.zh)
                      << "\n";
}

int run_check(const options& o, const plan::plan& p, std::size_t from) {
    require_not(o.unit.has_value(), "--unit", "check");
    require_not(o.as_of.has_value(), "--as-of", "check");
    const ledger::month_range r = months_of(o, p);
    const ledger::ledger_document doc =
        read_inputs(o, p, from, r.first == r.last ? std::optional(r.first) : std::nullopt);
    const ledger::period_compliance period = ledger::check_period(p, doc.submissions, r.first, r.last);
    std::optional<ledger::liaison_compliance> liaison;
    if (!doc.liaison_forms.empty()) {
        liaison = ledger::check_liaison_forms(p, doc.liaison_forms);
        warn_forms(o, *liaison);
    }
    const ledger::liaison_compliance* l = liaison ? &*liaison : nullptr;
    if (o.xlsx) ledger::write_compliance_xlsx(*o.xlsx, period.months, l);
    write_output(o, o.json ? ledger::compliance_to_json(period, l) : ledger::compliance_csv(period.months, l));
    return ok;
}

int run_chase(const options& o, const plan::plan& p) {
    require_not(o.unit.has_value(), "--unit", "chase");
    require_not(o.as_of.has_value(), "--as-of", "chase");
    const ledger::month_range r = months_of(o, p);
    const ledger::ledger_document doc =
        read_inputs(o, p, 1, r.first == r.last ? std::optional(r.first) : std::nullopt);
    const ledger::period_compliance period = ledger::check_period(p, doc.submissions, r.first, r.last);
    const ledger::liaison_compliance liaison = ledger::check_liaison_forms(p, doc.liaison_forms);
    const std::vector<ledger::chase_item> items = ledger::chase_list(p, period, &liaison);
    if (o.xlsx) ledger::write_chase_xlsx(*o.xlsx, items);
    write_output(o, o.json ? ledger::chase_to_json(items) : ledger::chase_csv(items));
    return ok;
}

std::string counts_text(const ledger::status_counts& c, bool en) {
    if (en)
        return "not started " + std::to_string(c.not_started) + ", in progress " + std::to_string(c.in_progress) +
               ", done " + std::to_string(c.done) + ", at risk " + std::to_string(c.at_risk) + ", not reported " +
               std::to_string(c.not_reported) + ", total " + std::to_string(c.total());
    return "未启动 " + std::to_string(c.not_started) + "，推进中 " + std::to_string(c.in_progress) + "，已完成 " +
           std::to_string(c.done) + "，存在风险 " + std::to_string(c.at_risk) + "，未报送 " +
           std::to_string(c.not_reported) + "，合计 " + std::to_string(c.total());
}

int run_progress(const options& o, const plan::plan& p) {
    require_not(o.unit.has_value(), "--unit", "progress");
    require_not(o.xlsx.has_value(), "--xlsx", "progress");
    require_not(o.months.has_value(), "--months", "progress");
    if (!o.month) throw parse_error("--month", "", "required: the month to roll up, as YYYY-MM");
    const ledger::year_month month = ledger::parse_year_month(*o.month, "--month");
    ledger::require_reporting_months(p, month, month);
    const dates::date as_of = o.as_of ? dates::parse_date(*o.as_of, "--as-of") : month.last_day();
    const ledger::ledger_document doc = read_inputs(o, p, 1, month);
    const ledger::progress_report report = ledger::roll_up(p, doc.submissions, month);
    const std::vector<ledger::overdue_task> overdue = ledger::past_milestone(p, doc.submissions, as_of);
    if (o.json) {
        write_output(o, ledger::month_report_to_json(report, overdue, as_of));
        return ok;
    }
    const bool en = o.lang == "en";
    std::string out = en ? "Progress of the ledger for " + ledger::to_string(month) + "\nBy measure:\n"
                         : ledger::to_chinese(month) + "《工作台账》进展\n按主要措施：\n";
    for (const auto& m : report.measures)
        out += "  " + m.numeral + "、" + m.title + (en ? ": " : "：") + counts_text(m.counts, en) + "\n";
    out += en ? "By unit:\n" : "按单位：\n";
    for (const auto& u : report.units) out += "  " + u.unit_name + (en ? ": " : "：") + counts_text(u.counts, en) + "\n";
    out += (en ? "All: " : "全部：") + counts_text(report.overall, en) + "\n";
    out += en ? "Past their milestone and not done, as of " + dates::to_string(as_of) + ": " +
                    std::to_string(overdue.size()) + "\n"
              : "截至 " + dates::to_string(as_of) + " 已过时间节点未完成：" + std::to_string(overdue.size()) + " 项\n";
    for (const auto& t : overdue) {
        const std::string status = t.status ? std::string(en ? ledger::to_string(*t.status) : ledger::label_zh(*t.status))
                                            : (en ? "never reported" : "从未报送");
        out += "  " + t.unit_name + " " + t.task + (en ? " milestone " : " 时间节点 ") + dates::to_string(t.milestone) +
               (t.milestone_from_plan ? (en ? " (the plan's)" : "（计划）") : (en ? " (the unit's)" : "（单位自定）")) +
               (en ? ", " + std::to_string(t.days_past) + " days past, last reported: " + status
                   : "，已过 " + std::to_string(t.days_past) + " 天，最近报告：" + status) +
               "\n";
    }
    write_output(o, out);
    return ok;
}

}  // namespace

int run_ledger(const options& o) {
    const plan::plan& p = selected_plan(o);
    if (o.args.empty()) throw parse_error("arguments", "", "expected a ledger FILE or one of template, check, progress, chase");
    const std::string& first = o.args.front();
    // A file in the current folder named like a subcommand is still read as
    // a subcommand; write ./check to mean the file.
    if (!is_subcommand(first)) {
        require_not(o.unit.has_value(), "--unit", "check");
        return run_check(o, p, 0);
    }
    if (first == "template") return run_template(o, p);
    if (first == "check") return run_check(o, p, 1);
    if (first == "progress") return run_progress(o, p);
    return run_chase(o, p);
}

}  // namespace zjcredit::cli
