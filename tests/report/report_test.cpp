// The report's model on the data of tests/report/data: nine months of
// observations (2022-01..2022-09, one CSV each) and two units' September
// ledgers. Every figure below is worked by hand, in each target's stated unit.
//
//   sme_credit_loans (达250亿元以上): S = 200亿, +5亿 a month, V(9) = 245亿.
//     a = 45/9 = 5, n = (250 − 245)/3 = 1.666… (1.67), P = 245 + 3·5 = 260,
//     margin 10 ≥ a and n ≤ a: 绿; not met yet (provisional): 预计达成.
//   sme_guarantee_loans (2.2亿元): S = 1.3亿, +0.05亿 a month, V(9) = 1.75亿:
//     a = 0.05, P = 1.9 < 2.2: 红: 风险. Actual 1.75, margin −0.45.
//   platform_financing (较2021年增长30%): T = 50亿 × 1.3 = 65亿, a year-to-date
//     total from 0, +5.5亿 a month, V(9) = 49.5: a = 5.5, n = 15.5/3 = 5.1666…
//     (5.17), P = 49.5 + 16.5 = 66: margin 1 < a: 黄: 预计达成.
//   inclusive_sme_borrowers (比年初增加): T = S = 52000户, +100 a month,
//     V(9) = 52900 > 52000: 达成 (margin 900); 预警 绿 (P = 53200).
//   inclusive_sme_growth: 850/800 = +6.25% ≥ 4200/4000 = +5%: 达成; ungraded (a rate).
//   ip_pledge_loans: no year-start figure: ungraded, not met yet: 暂无法评估.
//   The other 10 targets have no figures: 暂无法评估.
// Headline: 达成 2, 预计达成 2, 风险 1, 暂无法评估 11, of 16.
#include <zjcredit/assess/csv.hpp>
#include <zjcredit/ledger/read.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/report/csv.hpp>
#include <zjcredit/report/html.hpp>
#include <zjcredit/report/json.hpp>
#include <zjcredit/report/report.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace zjcredit;

namespace {

const std::filesystem::path data = ZJCREDIT_REPORT_DATA;

std::string slurp(const std::filesystem::path& f) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

report::inputs observations_only() {
    report::inputs in;
    for (int m = 1; m <= 9; ++m) {
        const auto f = data / "observations" / ("2022-0" + std::to_string(m) + ".csv");
        in.reports.push_back(assess::observations_from_csv(slurp(f), plan::plan_2022(), {.source = f.string()}));
    }
    return in;
}

const report::target_row& row(const report::report& r, std::string_view id) {
    for (const auto& t : r.targets)
        if (t.verdict.target_id == id) return t;
    FAIL("no target " << id);
    throw 0;
}

money::decimal dec(std::string_view s) { return money::parse_decimal(s); }

}  // namespace

TEST_CASE("report: the headline and each target, worked by hand") {
    const report::report r = report::build(plan::plan_2022(), observations_only());
    CHECK(r.as_of == dates::date(2022, 9, 30));
    CHECK(r.head == report::headline{.met = 2, .on_track = 2, .at_risk = 1, .unknown = 11, .total = 16});

    const auto& credit = row(r, "sme_credit_loans");
    CHECK(credit.stands == report::standing::on_track);
    CHECK(credit.warning.result == assess::grade::green);
    CHECK(credit.unit.word == "亿元");
    CHECK(*credit.actual == dec("245"));
    CHECK(*credit.threshold == dec("250"));
    CHECK(*credit.margin == dec("-5"));
    CHECK(*credit.warning.projected == dec("260"));
    CHECK(*credit.warning.pace_needed == dec("1.67"));
    CHECK(credit.warning.series.size() == 10);  // the year start and nine months

    const auto& guarantee = row(r, "sme_guarantee_loans");
    CHECK(guarantee.stands == report::standing::at_risk);
    CHECK(guarantee.warning.result == assess::grade::red);
    CHECK(*guarantee.actual == dec("1.75"));
    CHECK(*guarantee.margin == dec("-0.45"));
    CHECK(*guarantee.warning.projected == dec("1.9"));

    const auto& platform = row(r, "platform_financing");
    CHECK(platform.stands == report::standing::on_track);
    CHECK(platform.warning.result == assess::grade::yellow);
    CHECK(*platform.threshold == dec("65"));
    CHECK(*platform.warning.projected == dec("66"));
    CHECK(*platform.warning.pace_needed == dec("5.17"));

    const auto& borrowers = row(r, "inclusive_sme_borrowers");
    CHECK(borrowers.stands == report::standing::met);
    CHECK(borrowers.unit.word == "户");
    CHECK(*borrowers.margin == dec("900"));
    CHECK(*borrowers.warning.projected == dec("53200"));

    CHECK(row(r, "inclusive_sme_growth").stands == report::standing::met);
    CHECK(row(r, "inclusive_sme_growth").warning.result == assess::grade::ungraded);
    CHECK(row(r, "ip_pledge_loans").stands == report::standing::unknown);
    CHECK(row(r, "ip_pledge_loans").warning.result == assess::grade::ungraded);
    CHECK(!r.compliance);
    CHECK(!r.subsidies);
}

TEST_CASE("report: the compliance grid and the chase list from the ledgers") {
    // Due 2022-09-25, a Sunday, rolls to Monday 09-26. 市商务局 filed its 3
    // tasks on 09-26: on time. 市工信局 filed 2 of its 6 on 09-28: 2 days late,
    // 4 tasks not reported. The 16 other units: missing. Liaison forms: only
    // 市商务局's (on time, complete), so 17 units are chased for it; the
    // ledger chase is 17 (all but 商务局): 34 in all.
    report::inputs in = observations_only();
    const std::vector<std::filesystem::path> paths{data / "ledgers"};
    ledger::ledger_document doc = ledger::read_ledger_files(paths, plan::plan_2022());
    in.ledgers = doc.submissions;
    in.liaison_forms = doc.liaison_forms;
    const report::report r = report::build(plan::plan_2022(), in);
    REQUIRE(r.compliance);
    REQUIRE(r.compliance->months.size() == 1);
    CHECK(r.compliance->months[0].month == ledger::year_month(2022, 9));
    CHECK(r.compliance->counts.on_time == 1);
    CHECK(r.compliance->counts.late == 1);
    CHECK(r.compliance->counts.missing == 16);
    CHECK(r.chase.size() == 34);
    bool found = false;
    for (const auto& c : r.chase)
        if (c.unit_name == "市工信局" && c.matter == "monthly_ledger") {
            found = true;
            CHECK(c.status == dates::submission_status::late);
            CHECK(c.days_late == 2);
            CHECK(c.tasks_not_reported.size() == 4);
        }
    CHECK(found);
}

TEST_CASE("report: no observations is refused, naming the field") {
    CHECK_THROWS_WITH_AS(report::build(plan::plan_2022(), {}), doctest::Contains("observations"), validation_error);
}

TEST_CASE("report: every text put in the page is escaped") {
    CHECK(report::escape_html("<a href=\"x\">R&D's</a>") == "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s&lt;/a&gt;");
    report::inputs in = observations_only();
    in.subsidies = report::subsidy_totals{"<script>alert(1)</script>.json", {"", dec("12.34"), 3, 2}, {}};
    const std::string page = report::to_html(report::build(plan::plan_2022(), in));
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("&lt;script&gt;alert(1)&lt;/script&gt;.json") != std::string::npos);
}

TEST_CASE("report: the page is self-contained and charts every target") {
    const std::string page = report::to_html(report::build(plan::plan_2022(), observations_only()));
    CHECK(page.find("http://www.w3.org/2000/svg") != std::string::npos);  // the SVG namespace, not a fetch
    CHECK(page.find("src=") == std::string::npos);
    CHECK(page.find("<link") == std::string::npos);
    CHECK(page.find("@import") == std::string::npos);
    CHECK(page.find("url(") == std::string::npos);
    CHECK(page.find("@media print") != std::string::npos);
    std::size_t charts = 0;
    for (std::size_t at = page.find("<svg"); at != std::string::npos; at = page.find("<svg", at + 1)) ++charts;
    CHECK(charts == 16);
}

TEST_CASE("report: subsidy totals from `zjcredit subsidy --json`") {
    const auto s = report::subsidy_totals_from_json(
        R"({"results": [], "total": {"amount": "1234.56", "words": "x", "records": 3, "eligible": 2}})", "r.json");
    CHECK(s.total.amount == dec("1234.56"));
    CHECK(s.total.records == 3);
    CHECK(s.total.eligible == 2);
    CHECK_THROWS_WITH_AS(report::subsidy_totals_from_json(R"({"results": []})", "r.json"), doctest::Contains("total"),
                         parse_error);
}

// A results CSV as a bank files it, written here by hand: two loans at 甲
// (1000.10 and 0.00, one eligible), one at 乙 (234.56): 合计 1234.66, 3 笔,
// 2 符合; 小计 甲 1000.10 (2 笔, 1 符合), 乙 234.56 (1 笔, 1 符合).
const std::string bom = "\xEF\xBB\xBF";
const std::string grouped_zh = bom +
    "借据号,经办机构,是否符合,贴息金额,原因,说明\r\n"
    "J1,甲,是,1000.10,,积数…\r\n"
    "J2,甲,否,0.00,not_first_loan,不是借款人的首次贷款\r\n"
    "J3,乙,是,234.56,,积数…\r\n"
    "小计,甲,,1000.10,,2笔，其中1笔符合\r\n"
    "小计,乙,,234.56,,1笔，其中1笔符合\r\n"
    "合计,,,1234.66,,大写：人民币壹仟贰佰叁拾肆元陆角陆分；3笔，其中2笔符合\r\n";

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

TEST_CASE("report: subsidy totals from the results CSV of `zjcredit subsidy`, worked by hand") {
    const auto s = report::read_subsidy_totals(grouped_zh, "贴息.csv");
    CHECK(s.source == "贴息.csv");
    CHECK(s.total == report::subsidy_line{"", dec("1234.66"), 3, 2});
    REQUIRE(s.subtotals.size() == 2);
    CHECK(s.subtotals[0] == report::subsidy_line{"甲", dec("1000.10"), 2, 1});
    CHECK(s.subtotals[1] == report::subsidy_line{"乙", dec("234.56"), 1, 1});

    // English words, grouped by the first column ("Subtotal: J1"), without a BOM.
    const std::string en =
        "loan_id,eligible,amount,reasons,explanation\n"
        "J1,true,10.00,,x\n"
        "J2,false,0.00,not_first_loan,y\n"
        "Subtotal: J1,,10.00,,\"1 loans, 1 eligible\"\n"
        "Subtotal: J2,,0.00,,\"1 loans, 0 eligible\"\n"
        "Total,,10.00,,\"in words: 人民币拾元整; 2 loans, 1 eligible\"\n";
    const auto e = report::read_subsidy_totals(en, "r.csv");
    CHECK(e.total == report::subsidy_line{"", dec("10"), 2, 1});
    REQUIRE(e.subtotals.size() == 2);
    CHECK(e.subtotals[1] == report::subsidy_line{"J2", dec("0"), 1, 0});

    // Not grouped, in GB18030: 借款人,是否符合,贴息金额,原因,说明 / 甲,是,1.01 / 甲,否,0.00 / 合计,,1.01
    // (甲 BC D7, 是 CA C7, 否 B7 F1, 合计 BA CF BC C6).
    const std::string gb =
        "\xBD\xE8\xBF\xEE\xC8\xCB,\xCA\xC7\xB7\xF1\xB7\xFB\xBA\xCF,\xCC\xF9\xCF\xA2\xBD\xF0\xB6\xEE,\xD4\xAD\xD2\xF2,\xCB\xB5\xC3\xF7\n"
        "\xBC\xD7,\xCA\xC7,1.01,,\n"
        "\xBC\xD7,\xB7\xF1,0.00,,\n"
        "\xBA\xCF\xBC\xC6,,1.01,,\n";
    const auto g = report::read_subsidy_totals(gb, "gb.csv");
    CHECK(g.total == report::subsidy_line{"", dec("1.01"), 2, 1});
    CHECK(g.subtotals.empty());
}

TEST_CASE("report: a results CSV cut short or edited by hand is refused, naming its line") {
    const auto refused = [](const std::string& text, const std::string& where, const std::string& why) {
        try {
            report::read_subsidy_totals(text, "贴息.csv");
            FAIL("accepted, where " << why << " was expected");
        } catch (const parse_error& e) {
            const std::string what = e.what();
            INFO(what);
            CHECK(what.find(where) != std::string::npos);
            CHECK(what.find(why) != std::string::npos);
        }
    };
    refused(replaced(grouped_zh, "合计,,,1234.66", "合计,,,1234.67"), "贴息.csv:7", "1234.67 is not the sum of its rows, 1234.66");
    refused(replaced(grouped_zh, "J3,乙,是,234.56", "J3,乙,是,234.57"), "贴息.csv:7", "not the sum of its rows, 1234.67");
    refused(replaced(grouped_zh, "小计,乙,,234.56", "小计,乙,,234.55"), "贴息.csv:6", "234.55 is not the sum of its rows, 234.56");
    refused(grouped_zh.substr(0, grouped_zh.find("合计")), "贴息.csv:6", "no 合计 row at the end");
    refused(replaced(grouped_zh, "小计,乙,,234.56,,1笔，其中1笔符合\r\n", ""), "贴息.csv", "1 subtotal rows for 2 values");
    refused(replaced(grouped_zh, "J2,甲,否", "J2,甲,也许"), "贴息.csv:3 是否符合", "也许");
    refused(replaced(grouped_zh, "J3,乙,是,234.56,,", "J3,乙,是,234.56,"), "贴息.csv:4", "5 fields where the header has 6");
    refused(grouped_zh + "J4,乙,是,1.00,,\r\n", "贴息.csv:8", "a record after the 小计/合计 rows");
    refused(replaced(grouped_zh, "J3,乙,是,234.56", "J3,乙,是,二百"), "贴息.csv:4 贴息金额", "二百");
    refused("借款人,金额\n甲,1\n", "贴息.csv:1", "not a results table");
    // JSON by its first character, past a byte-order mark.
    CHECK(report::read_subsidy_totals(bom + R"( {"total": {"amount": "1.00", "records": 1, "eligible": 1}})", "r.json")
              .total == report::subsidy_line{"", dec("1"), 1, 1});
}

TEST_CASE("report: a Chinese page titles each target by the plan's words, an English page by its id") {
    const report::report r = report::build(plan::plan_2022(), observations_only());
    const std::string zh = report::to_html(r);
    const std::string en = report::to_html(r, {.english = true});
    // The words of the target inclusive_sme_borrowers (一、工作目标), as the plan gives them.
    const std::string words = "有贷款余额的户数不低于年初水平";
    CHECK(zh.find("<h3>" + words + " <span class=\"standing\">") != std::string::npos);
    CHECK(zh.find("编号 inclusive_sme_borrowers") != std::string::npos);
    CHECK(zh.find("<h3>inclusive_sme_borrowers") == std::string::npos);
    CHECK(en.find("<h3>inclusive_sme_borrowers <span class=\"standing\">") != std::string::npos);
    CHECK(en.find(words + " (lead: ") != std::string::npos);
    // Its chart is labelled the same way (the SVG's title, read aloud by a screen reader).
    CHECK(zh.find("<title>" + words + " 月度走势</title>") != std::string::npos);
    CHECK(en.find("<title>Monthly figures of inclusive_sme_borrowers</title>") != std::string::npos);
}

TEST_CASE("report: a target that compares rates shows the rates as its actual, threshold and margin") {
    // inclusive_sme_growth, worked at the top: 850/800 − 1 = 6.25% against
    // 4200/4000 − 1 = 5.00%, 1.25 percentage points above.
    const report::report r = report::build(plan::plan_2022(), observations_only());
    const std::string rates = "<td class=\"num actual_rate\">6.25%</td><td class=\"num threshold_rate\">5.00%</td>";
    CHECK(report::to_html(r).find("<tr class=\"rates\"><td>增速</td>" + rates +
                                  "<td class=\"num margin_rate\">+1.25个百分点</td>") != std::string::npos);
    CHECK(report::to_html(r, {.english = true})
              .find("<tr class=\"rates\"><td>growth</td>" + rates + "<td class=\"num margin_rate\">+1.25 pp</td>") !=
          std::string::npos);
    // A target compared by levels has its threshold, and no rates row.
    const std::string zh = report::to_html(r);
    const std::size_t card = zh.find("data-target=\"inclusive_sme_borrowers\"");
    REQUIRE(card != std::string::npos);
    CHECK(zh.substr(card, zh.find("</article>", card) - card).find("class=\"rates\"") == std::string::npos);
}
