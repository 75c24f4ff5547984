// The report as one self-contained HTML page (report/html.hpp).
#include <zjcredit/report/html.hpp>

#include "words.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/version.hpp>

#include <string>
#include <string_view>

namespace zjcredit::report {

std::string escape_html(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

namespace {

// No web font: the system's CJK fonts, then any sans-serif. @page sizes the
// printout to A4; cards and rows are not split across pages.
constexpr std::string_view style = R"css(
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC","WenQuanYi Micro Hei",sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;border-bottom:2px solid #1f4e79;padding-bottom:4px;margin-top:28px}
.meta{color:#555;font-size:13px}
.headline{display:flex;gap:12px;margin:16px 0}
.count{flex:1;border-radius:6px;padding:10px 14px;color:#fff}
.count b{display:block;font-size:28px}
.count.met{background:#2e7d32}.count.on_track{background:#1f4e79}.count.at_risk{background:#c62828}.count.unknown{background:#757575}
.targets{display:grid;grid-template-columns:repeat(auto-fill,minmax(500px,1fr));gap:12px}
.target{border:1px solid #ccc;border-radius:6px;padding:10px;break-inside:avoid;page-break-inside:avoid}
.target h3{font-size:14px;margin:0 0 6px}
.grade{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;color:#fff;margin-left:6px}
.standing{display:inline-block;padding:0 8px;border:1px solid #999;border-radius:10px;font-size:12px;font-weight:normal;margin-left:6px}
.grade.green{background:#2e7d32}.grade.yellow{background:#f9a825;color:#222}.grade.red{background:#c62828}.grade.ungraded{background:#9e9e9e}
table{border-collapse:collapse;font-size:12px;margin:6px 0}
td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
td.on_time{background:#e8f5e9}td.late{background:#fff8e1}td.missing{background:#ffebee}
.receipt{font-size:11px;color:#555;margin:4px 0 0;padding-left:16px}
.note{font-size:12px;color:#555}
@media print{
  @page{size:A4;margin:12mm}
  body{margin:0;max-width:none;font-size:11px}
  .targets{display:block}
  .target{margin-bottom:8px}
  h2{break-after:avoid;page-break-after:avoid}
  tr{break-inside:avoid;page-break-inside:avoid}
  .count{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  td,.grade{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)css";

class page {
public:
    explicit page(bool en) : en_(en) {}
    std::string& out() { return out_; }
    const char* say(const char* zh, const char* en) const { return en_ ? en : zh; }
    void text(std::string_view t) { out_ += escape_html(t); }
    void raw(std::string_view t) { out_ += t; }
    void cell(std::string_view t, std::string_view cls = {}) {
        out_ += cls.empty() ? "<td>" : "<td class=\"" + std::string(cls) + "\">";
        text(t);
        out_ += "</td>";
    }
    void head_cell(std::string_view t) {
        out_ += "<th>";
        text(t);
        out_ += "</th>";
    }
    bool en() const { return en_; }

private:
    bool en_;
    std::string out_;
};

void write_headline(page& pg, const report& r) {
    pg.raw("<section class=\"headline\" id=\"headline\">");
    const auto count = [&](standing s, int n) {
        pg.raw("<div class=\"count " + std::string(to_string(s)) + "\" data-standing=\"" + std::string(to_string(s)) +
               "\"><b>" + std::to_string(n) + "</b>");
        pg.text(words::standing_word(s, pg.en()));
        pg.raw("</div>");
    };
    count(standing::met, r.head.met);
    count(standing::on_track, r.head.on_track);
    count(standing::at_risk, r.head.at_risk);
    count(standing::unknown, r.head.unknown);
    pg.raw("</section>");
}

void write_target(page& pg, const target_row& t) {
    const assess::warning& w = t.warning;
    const std::string unit(t.unit.word);
    // A Chinese reader is titled by the plan's own words; an English one by
    // the target's id, with the (Chinese) words below it.
    pg.raw("<article class=\"target\" data-target=\"" + escape_html(t.verdict.target_id) + "\" data-standing=\"" +
           std::string(to_string(t.stands)) + "\"><h3>");
    pg.text(pg.en() ? t.verdict.target_id : t.verdict.text);
    pg.raw(" <span class=\"standing\">");
    pg.text(words::standing_word(t.stands, pg.en()));
    pg.raw("</span><span class=\"grade " + std::string(to_string(w.result)) + "\">");
    pg.text(words::grade_word(w.result, pg.en()));
    pg.raw("</span></h3><div class=\"note\">");
    std::string lead;
    for (const auto& n : w.lead) lead += (lead.empty() ? "" : "、") + n;
    if (pg.en())
        pg.text(t.verdict.text + (lead.empty() ? "" : " (lead: " + lead + ")"));
    else
        pg.text((lead.empty() ? "" : "牵头单位：" + lead + "；") + "编号 " + t.verdict.target_id);
    pg.raw("</div><table class=\"figures\"><tr>");
    for (const char* h : {pg.say("单位", "unit"), pg.say("实际", "actual"), pg.say("目标值", "threshold"),
                          pg.say("差额", "margin"), pg.say("预测（年末）", "projected (year end)"),
                          pg.say("已实现月均", "pace achieved"), pg.say("尚需月均", "pace needed")})
        pg.head_cell(h);
    pg.raw("</tr><tr>");
    pg.cell(unit);
    pg.cell(words::figure(t.actual), "num actual");
    pg.cell(words::figure(t.threshold), "num threshold");
    pg.cell(words::figure(t.margin), "num margin");
    pg.cell(words::figure(w.projected), "num projected");
    pg.cell(words::figure(w.pace_achieved), "num pace_achieved");
    pg.cell(words::figure(w.pace_needed), "num pace_needed");
    // A target that compares rates (增速不低于…, 占比增长) has no threshold
    // in its unit: the rates it compares are its 实际, 目标值 and 差额.
    if (t.verdict.rates && !t.threshold) {
        using namespace assess::detail;
        const assess::rate_comparison& r = *t.verdict.rates;
        pg.raw("</tr><tr class=\"rates\">");
        pg.cell(r.kind == assess::rate_kind::share ? pg.say("占比", "share") : pg.say("增速", "growth"));
        pg.cell(percent_text(r.value), "num actual_rate");
        pg.cell(percent_text(r.reference), "num threshold_rate");
        pg.cell(points_text(r.margin, r.margin_sign) + pg.say("个百分点", " pp"), "num margin_rate");
        for (int k = 0; k < 3; ++k) pg.cell("");
    }
    pg.raw("</tr></table>");
    pg.raw(trend_svg(t, pg.en()));
    pg.raw("<ul class=\"receipt\">");
    const auto& lines = pg.en() ? w.receipt_en : w.receipt_zh;
    for (const auto& line : lines) {
        pg.raw("<li>");
        pg.text(line);
        pg.raw("</li>");
    }
    const std::string& why = pg.en() ? t.verdict.explanation_en : t.verdict.explanation_zh;
    if (!why.empty()) {
        pg.raw("<li>");
        pg.text(why);
        pg.raw("</li>");
    }
    pg.raw("</ul></article>");
}

void write_compliance(page& pg, const ledger::period_compliance& c) {
    pg.raw("<section id=\"compliance\"><h2>");
    pg.text(pg.say("工作台账报送情况", "Monthly ledger: compliance"));
    pg.raw("</h2><table class=\"grid\"><tr>");
    pg.head_cell(pg.say("单位", "unit"));
    for (const auto& m : c.months) pg.head_cell(pg.en() ? ledger::to_string(m.month) : ledger::to_chinese(m.month));
    pg.raw("</tr>");
    for (std::size_t i = 0; i < c.units.size(); ++i) {
        pg.raw("<tr data-unit=\"" + escape_html(c.units[i].unit) + "\">");
        pg.cell(c.units[i].unit_name);
        for (const auto& m : c.months) {
            const dates::deadline_check& check = m.units[i].check;
            pg.cell(words::cell(check, pg.en()), dates::to_string(check.status));
        }
        pg.raw("</tr>");
    }
    pg.raw("</table><p class=\"note\">");
    pg.text(pg.en() ? c.rule.en : c.rule.zh);
    pg.raw("</p></section>");
}

void write_chase(page& pg, const std::vector<ledger::chase_item>& items) {
    pg.raw("<section id=\"chase\"><h2>");
    pg.text(pg.say("催报清单", "Whom to chase"));
    pg.raw("</h2>");
    if (items.empty()) {
        pg.raw("<p>");
        pg.text(pg.say("无：各单位均已按时报送。", "Nobody: every unit reported on time."));
        pg.raw("</p></section>");
        return;
    }
    pg.raw("<table><tr>");
    for (const char* h : {pg.say("事项", "matter"), pg.say("月份", "month"), pg.say("单位", "unit"),
                          pg.say("情况", "standing"), pg.say("未报任务", "tasks not reported"),
                          pg.say("联络员", "liaison"), pg.say("电话", "phone"), pg.say("邮箱", "e-mail")})
        pg.head_cell(h);
    pg.raw("</tr>");
    for (const auto& item : items) {
        pg.raw("<tr>");
        pg.cell(pg.en() ? (item.matter == "liaison_form" ? "liaison form" : "monthly ledger") : ledger::matter_zh(item.matter));
        pg.cell(item.month ? (pg.en() ? ledger::to_string(*item.month) : ledger::to_chinese(*item.month)) : "");
        pg.cell(item.unit_name);
        dates::deadline_check c;
        c.status = item.status;
        c.days_late = item.days_late;
        std::string standing = words::cell(c, pg.en());
        if (item.status == dates::submission_status::on_time) standing = pg.say("缺报任务", "tasks missing");
        for (const auto& pr : item.problems) standing += std::string(pg.say("；", "; ")) + (pg.en() ? pr.en : pr.zh);
        pg.cell(standing, dates::to_string(item.status));
        std::string tasks;
        for (const auto& t : item.tasks_not_reported) tasks += (tasks.empty() ? "" : pg.say("；", "; ")) + t;
        pg.cell(tasks);
        pg.cell(item.contact ? item.contact->name : std::string(pg.say("（无联络员信息表）", "(no liaison form)")));
        pg.cell(item.contact ? item.contact->phone : "");
        pg.cell(item.contact ? item.contact->email : "");
        pg.raw("</tr>");
    }
    pg.raw("</table></section>");
}

void write_subsidies(page& pg, const subsidy_totals& s) {
    pg.raw("<section id=\"subsidies\"><h2>");
    pg.text(pg.say("首贷贴息合计", "Subsidy totals"));
    pg.raw("</h2><p class=\"note\">");
    pg.text(std::string(pg.say("来源：", "Source: ")) + s.source);
    pg.raw("</p><table><tr>");
    for (const char* h : {pg.say("项目", "line"), pg.say("金额（元）", "amount (元)"), pg.say("记录数", "records"),
                          pg.say("符合条件", "eligible")})
        pg.head_cell(h);
    pg.raw("</tr>");
    const auto line = [&](const subsidy_line& l, const std::string& label) {
        pg.raw("<tr>");
        pg.cell(label);
        pg.cell(l.amount.to_string(), "num");
        pg.cell(std::to_string(l.records), "num");
        pg.cell(std::to_string(l.eligible), "num");
        pg.raw("</tr>");
    };
    for (const auto& l : s.subtotals) line(l, std::string(pg.say("小计：", "Subtotal: ")) + l.label);
    line(s.total, pg.say("合计", "Total"));
    pg.raw("</table></section>");
}

}  // namespace

std::string to_html(const report& r, const html_options& options) {
    page pg(options.english);
    const std::string title = std::string(pg.say("湛江市普惠金融目标与工作台账月度报告", "Monthly report: targets and ledgers"));
    pg.raw("<!DOCTYPE html>\n<html lang=\"");
    pg.raw(options.english ? "en" : "zh-CN");
    pg.raw("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
           "<meta name=\"generator\" content=\"zjcredit " ZJCREDIT_VERSION_STRING "\"><title>");
    pg.text(title);
    pg.raw("</title><style>");
    pg.raw(style);
    pg.raw("</style></head><body><header><h1>");
    pg.text(title);
    pg.raw("</h1><div class=\"meta\">");
    pg.text(r.plan_number + " " + r.plan_title);
    pg.raw("<br>");
    pg.text(std::string(pg.say("数据截至 ", "Figures as of ")) + dates::to_string(r.as_of));
    pg.raw("</div></header>");
    write_headline(pg, r);
    pg.raw("<section id=\"targets\"><h2>");
    pg.text(pg.say("目标与预警", "Targets and early warning"));
    pg.raw("</h2><p class=\"note\">");
    pg.text(pg.say("实线：月度数据；虚线：按年初以来月均变化推算至年末；红色虚线：目标值。数值以目标所用单位列示。",
                   "Solid: monthly figures; dashed: the average monthly change since the year start carried to the "
                   "year end; red dashes: the threshold. Figures in the unit each target is stated in."));
    pg.raw("</p><div class=\"targets\">");
    for (const auto& t : r.targets) write_target(pg, t);
    pg.raw("</div></section>");
    if (r.compliance) {
        write_compliance(pg, *r.compliance);
        write_chase(pg, r.chase);
    }
    if (r.subsidies) write_subsidies(pg, *r.subsidies);
    pg.raw("<footer class=\"note\"><p>");
    pg.text("zjcredit " ZJCREDIT_VERSION_STRING);
    pg.raw("</p></footer></body></html>\n");
    return std::move(pg.out());
}

}  // namespace zjcredit::report
