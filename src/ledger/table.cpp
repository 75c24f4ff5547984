// The tables of the ledger files, and their CSV form.
#include "table.hpp"

#include <zjcredit/ledger/month.hpp>

#include <algorithm>

namespace zjcredit::ledger::detail {
namespace {

std::string unit_names(const plan::plan& p, const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        if (!out.empty()) out += "、";
        out += plan::find_unit(p, id).name;
    }
    return out;
}

std::string measure_text(const plan::measure& m) { return m.numeral + "、" + m.title; }

std::string ledger_title(const plan::plan& p) {
    for (const auto& a : p.doc.attachments)
        if (a.number == "附件1") return a.title;
    return "工作任务台账";
}

std::vector<std::string> headers_of(std::span<const std::string_view> columns) {
    return {columns.begin(), columns.end()};
}

/// The seven plan-derived cells of a ledger row (单位 .. 责任单位).
std::vector<cell> plan_cells(const plan::plan& p, const plan::unit& u, std::optional<year_month> month,
                             const plan::measure& m, const plan::task& t) {
    std::vector<cell> row;
    row.push_back(cell::of_text(u.name));
    row.push_back(month ? cell::of_text(to_string(*month)) : cell{});
    row.push_back(cell::of_text(measure_text(m)));
    row.push_back(cell::of_text(t.id));
    row.push_back(cell::of_text(t.text));
    row.push_back(cell::of_text(unit_names(p, t.lead)));
    row.push_back(cell::of_text(unit_names(p, t.responsible)));
    return row;
}

sheet ledger_frame(const plan::plan& p) {
    sheet s;
    s.name = "工作台账";
    s.title = ledger_title(p);
    s.headers = headers_of(ledger_columns);
    s.widths = {16, 9, 22, 26, 48, 18, 36, 10, 24, 12, 24, 12};
    return s;
}

std::string yes_no(bool b) { return b ? "是" : "否"; }

}  // namespace

sheet blank_ledger_sheet(const plan::plan& p, const template_options& options) {
    sheet s = ledger_frame(p);
    s.status_dropdown = 7;
    std::vector<std::string> only;
    for (const auto& name : options.units) {
        const std::string& id = plan::find_unit(p, name).id;
        if (!files_ledger(p, id))
            throw validation_error("units", name, "does not file the monthly 工作台账");
        only.push_back(id);
    }
    for (const assignment& a : assignments(p)) {
        if (!only.empty() && !plan::detail::contains(only, a.unit->id)) continue;
        auto row = plan_cells(p, *a.unit, options.month, *a.measure, *a.task);
        row.emplace_back();                               // 进展情况
        row.emplace_back();                               // 完成数据
        row.push_back(cell::of_date(a.task->milestone));  // 时间节点
        row.emplace_back();                               // 备注
        row.emplace_back();                               // 报送日期
        s.rows.push_back(std::move(row));
    }
    return s;
}

sheet ledger_sheet(const plan::plan& p, std::span<const submission> submissions) {
    sheet s = ledger_frame(p);
    for (const submission& sub : submissions) {
        validate(sub, p);
        const plan::unit& u = plan::find_unit(p, sub.unit);
        for (const entry& e : sub.entries) {
            const auto [m, t] = find_task(p, e.task);
            auto row = plan_cells(p, u, e.month, *m, *t);
            row.push_back(cell::of_text(std::string(label_zh(e.status))));
            row.push_back(cell::of_text(e.figures));
            row.push_back(cell::of_date(e.milestone));
            row.push_back(cell::of_text(e.note));
            row.push_back(cell::of_date(e.received));
            s.rows.push_back(std::move(row));
        }
    }
    return s;
}

sheet compliance_sheet(std::span<const month_compliance> months, const liaison_compliance* liaison) {
    sheet s;
    s.name = "报送情况";
    s.title = "工作台账及联络员信息表报送情况";
    s.headers = headers_of(compliance_columns);
    s.widths = {20, 9, 22, 12, 10, 12, 12, 12, 10, 9, 10, 34};
    auto add = [&](const std::string& what, std::optional<year_month> month, const std::string& unit_name,
                   const rule_statement& rule, const dates::deadline_check& c,
                   std::optional<std::size_t> not_reported) {
        std::vector<cell> row;
        row.push_back(cell::of_text(what));
        row.push_back(month ? cell::of_text(to_string(*month)) : cell{});
        row.push_back(cell::of_text(unit_name));
        row.push_back(cell::of_date(c.named_day));
        row.push_back(cell::of_text(yes_no(rule.inclusive)));
        row.push_back(cell::of_text(yes_no(rule.roll_to_working_day)));
        row.push_back(cell::of_date(c.due));
        row.push_back(cell::of_date(c.received));
        row.push_back(cell::of_text(std::string(label_zh(c.status))));
        row.push_back(c.status == dates::submission_status::missing ? cell{} : cell::of_integer(c.days_late));
        row.push_back(not_reported ? cell::of_integer(static_cast<std::int64_t>(*not_reported)) : cell{});
        row.push_back(cell::of_text(rule.clause));
        s.rows.push_back(std::move(row));
    };
    if (liaison != nullptr)
        for (const auto& u : liaison->units)
            add("联络员信息表（" + liaison->rule.attachment + "）", std::nullopt, u.unit_name, liaison->rule, u.check,
                std::nullopt);
    for (const auto& m : months)
        for (const auto& u : m.units)
            add("工作台账（" + m.rule.attachment + "）", m.month, u.unit_name, m.rule, u.check,
                u.submissions > 0 ? std::optional<std::size_t>(u.tasks_not_reported.size()) : std::nullopt);
    return s;
}

sheet chase_sheet(std::span<const chase_item> items) {
    sheet s;
    s.name = "催报清单";
    s.title = "工作台账及联络员信息表催报清单";
    s.headers = headers_of(chase_columns);
    s.widths = {14, 9, 22, 10, 9, 10, 60, 40, 10, 16, 16, 28};
    for (const chase_item& c : items) {
        std::vector<cell> row;
        row.push_back(cell::of_text(matter_zh(c.matter)));
        row.push_back(c.month ? cell::of_text(to_string(*c.month)) : cell{});
        row.push_back(cell::of_text(c.unit_name));
        row.push_back(cell::of_text(std::string(label_zh(c.status))));
        row.push_back(c.status == dates::submission_status::late ? cell::of_integer(c.days_late) : cell{});
        row.push_back(c.matter == "monthly_ledger" ? cell::of_integer(static_cast<std::int64_t>(c.tasks_not_reported.size()))
                                                   : cell{});
        std::string tasks, problems;
        for (const auto& t : c.tasks_not_reported) tasks += (tasks.empty() ? "" : "、") + t;
        for (const auto& f : c.problems) problems += (problems.empty() ? "" : "；") + f.zh;
        row.push_back(tasks.empty() ? cell{} : cell::of_text(tasks));
        row.push_back(problems.empty() ? cell{} : cell::of_text(problems));
        if (c.contact) {
            row.push_back(cell::of_text(c.contact->name));
            row.push_back(cell::of_text(c.contact->post));
            row.push_back(cell::of_text(c.contact->phone));
            row.push_back(cell::of_text(c.contact->email));
        } else {
            row.push_back(cell::of_text("（未报联络员信息表）"));
            for (int k = 0; k < 3; ++k) row.emplace_back();
        }
        s.rows.push_back(std::move(row));
    }
    return s;
}

note_sheet fill_in_notes(const plan::plan& p) {
    note_sheet n;
    n.name = "填报说明";
    std::string statuses;
    for (auto st : all_progress_statuses) {
        if (!statuses.empty()) statuses += "、";
        statuses += label_zh(st);
    }
    n.lines.emplace_back("文件", p.doc.number + " " + ledger_title(p) + "（附件1）");
    n.lines.emplace_back("进展情况", "填写以下之一：" + statuses);
    n.lines.emplace_back("完成数据", "按原样填写本月数据（金额注明单位，如“2.2亿元”）");
    n.lines.emplace_back("时间节点", "由各单位自行明确各项指标任务完成的时间节点（四、组织保障（二）），格式 2022-12-31");
    n.lines.emplace_back("报送日期", "报送当日，格式 2022-09-26");
    try {
        const auto& d = monthly_ledger_deadline(p);
        n.lines.emplace_back("报送时限", d.text + "（" + d.clause + "）");
    } catch (const not_found_error&) {
    }
    n.lines.emplace_back("任务编号", "请勿修改：据此识别工作任务");
    return n;
}

note_sheet compliance_notes(std::span<const month_compliance> months, const liaison_compliance* liaison) {
    note_sheet n;
    n.name = "说明";
    if (liaison != nullptr) {
        n.lines.emplace_back("联络员信息表", liaison->rule.zh);
        n.lines.emplace_back("Liaison form", liaison->rule.en);
        n.lines.emplace_back("截止日期", liaison->explanation_zh);
        n.lines.emplace_back("Due day", liaison->explanation_en);
    }
    if (!months.empty()) {
        n.lines.emplace_back("工作台账", months.front().rule.zh);
        n.lines.emplace_back("Monthly ledger", months.front().rule.en);
    }
    for (const auto& m : months) {
        n.lines.emplace_back(to_string(m.month), m.explanation_zh);
        n.lines.emplace_back(to_string(m.month) + " (en)", m.explanation_en);
    }
    return n;
}

namespace {

void append_field(std::string& out, const std::string& field) {
    const bool quote = field.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string render(const cell& c) {
    switch (c.k) {
        case cell::kind::empty: return {};
        case cell::kind::text: return c.text;
        case cell::kind::date: return dates::to_string(c.day);
        case cell::kind::integer: return std::to_string(c.number);
    }
    return {};
}

void append_line(std::string& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) out += ',';
        append_field(out, fields[i]);
    }
    out += "\r\n";
}

}  // namespace

std::string to_csv(const sheet& s) {
    std::string out = "\xEF\xBB\xBF";
    append_line(out, s.headers);
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        std::vector<std::string> fields;
        for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
            std::string text = render(s.rows[r][c]);
            zjcredit::ledger::detail::require_utf8(
                text, "row " + std::to_string(r + 2) + ", column " + std::to_string(c + 1) + " (" + s.headers[c] + ")");
            fields.push_back(std::move(text));
        }
        append_line(out, fields);
    }
    return out;
}

}  // namespace zjcredit::ledger::detail
