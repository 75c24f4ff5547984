// `zjcredit plan` and `zjcredit lint`: the plan's measures, units, targets
// and deadlines for people (zh or en), or as JSON.
#include "command.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/lint.hpp>

#include <sstream>

namespace zjcredit::cli {

namespace {

std::string unit_names(const plan::plan& p, const std::vector<std::string>& ids, bool en) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += en ? ", " : "、";
        out += en ? id : plan::find_unit(p, id).name;
    }
    return out;
}

/// The English view of a target ("≥ 25000000000 yuan"); the Chinese one
/// quotes the plan's own words instead.
std::string threshold_text(const plan::target& t) {
    if (t.threshold) return std::string(plan::symbol(t.op)) + " " + t.threshold->to_string() + " " +
                            std::string(plan::to_string(t.unit));
    if (t.factor) return std::string(plan::symbol(t.op)) + " " + t.factor->to_string() + " × prior-year total";
    return std::string(plan::symbol(t.op)) + " " + std::string(plan::to_string(t.baseline));
}

}  // namespace

int run_plan(const options& o) {
    const plan::plan& p = selected_plan(o);
    if (o.json) {
        write_output(o, plan::plan_to_json(p));
        return ok;
    }
    const bool en = o.lang == "en";
    std::ostringstream out;
    out << p.doc.issuer << " " << p.doc.number << "\n" << p.doc.title << "\n";
    out << (en ? "issued " : "印发 ") << dates::to_string(p.doc.issued) << (en ? ", targets due " : "，目标期限 ")
        << dates::to_string(p.doc.due) << "\n\n";
    out << (en ? "Measures (lead / responsible units)\n" : "主要措施（牵头单位 / 责任单位）\n");
    for (const auto& m : p.measures) {
        out << "  (" << m.numeral << ") " << m.title << "\n";
        out << (en ? "      lead: " : "      牵头：") << unit_names(p, m.lead, en) << "\n";
        out << (en ? "      responsible: " : "      责任：") << unit_names(p, m.responsible, en) << "\n";
        out << (en ? "      tasks: " : "      工作任务：") << m.tasks.size();
        if (!m.rules.empty()) {
            out << (en ? "; money rules: " : "；资金规则：");
            for (std::size_t i = 0; i < m.rules.size(); ++i) out << (i ? ", " : "") << m.rules[i];
        }
        out << "\n";
        for (const auto& t : m.tasks) out << "        " << t.id << (t.target ? "  → " + *t.target : "") << "\n";
    }
    out << "\n" << (en ? "Targets (due " : "工作目标（期限 ") << dates::to_string(p.doc.due) << (en ? ")\n" : "）\n");
    for (const auto& t : p.targets) {
        out << "  " << t.id << ": " << (en ? threshold_text(t) : t.text);
        if (!en) out << "  [" << t.comparator_word << " " << plan::symbol(t.op) << "]";
        if (t.group) out << "  (" << *t.group << ")";
        out << "\n      " << (en ? "indicator: " : "指标：") << t.indicator;
        if (t.reference_indicator) out << (en ? ", reference: " : "，参照：") << *t.reference_indicator;
        out << "\n";
    }
    // The ids observations are keyed by (assess, report), each once.
    out << "\n" << (en ? "Indicators (the ids observations give figures for)\n" : "指标（观测数据所用标识）\n");
    for (const auto& i : plan::indicators(p)) {
        const std::string name = plan::indicator_name(p, i);
        out << "  " << i << (en || name.empty() ? "" : "  " + name) << "\n";
    }
    out << "\n" << (en ? "Deadlines\n" : "报送期限\n");
    for (const auto& d : p.deadlines) {
        out << "  " << d.id << ": ";
        if (d.due) out << dates::to_string(*d.due);
        else
            out << (en ? "monthly by day " : "每月") << d.rule.day_of_month << (en ? "" : "日前") << " ("
                << dates::to_string(*d.first_month).substr(0, 7) << ".." << dates::to_string(*d.last_month).substr(0, 7)
                << ")";
        out << (en ? (d.rule.inclusive ? ", inclusive" : ", exclusive") : (d.rule.inclusive ? "，含当日" : "，不含当日"))
            << (en ? (d.rule.roll_to_working_day ? ", rolls to the next working day" : "")
                   : (d.rule.roll_to_working_day ? "，遇休息日顺延" : ""))
            << "\n";
    }
    write_output(o, out.str());
    return ok;
}

int run_lint(const options& o) {
    const plan::plan& p = selected_plan(o);
    const auto findings = plan::lint(p);
    if (o.json) {
        write_output(o, plan::lint_to_json(findings));
    } else {
        std::ostringstream out;
        for (const auto& f : findings)
            out << plan::to_string(f.level) << " " << f.code << " [" << f.clause << "] " << f.message << "\n";
        out << findings.size() << (o.lang == "en" ? " findings\n" : " 项发现\n");
        write_output(o, out.str());
    }
    // Findings are the output, not a failure; errors among them are.
    for (const auto& f : findings)
        if (f.level == plan::severity::error) return rows_rejected;
    return ok;
}

}  // namespace zjcredit::cli
