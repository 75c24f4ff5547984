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
