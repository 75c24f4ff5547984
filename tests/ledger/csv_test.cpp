// CSV of the 工作台账 and the compliance table: exact text, round trip, and
// the errors of reading one back.
#include "test_util.hpp"

#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::ledger;
using namespace zjcredit::ledger::test;

namespace {

const year_month sep(2022, 9);
const char* const bom = "\xEF\xBB\xBF";
const std::string header = "单位,月份,主要措施,任务编号,工作任务,牵头单位,责任单位,进展情况,完成数据,时间节点,备注,报送日期";

/// A row of measure 三 for 市商务局 as the plan words it (二、主要措施（三）).
std::string m3_cells(const std::string& task_id, const std::string& task_text) {
    return "市商务局,2022-09,三、提升辖区跨境贸易投资便利化水平," + task_id + "," + task_text +
           ",人民银行湛江市中心支行,市商务局、市金融局";
}

/// A minimal filled ledger, LF line ends, no BOM, the columns it needs.
std::string minimal(const std::string& rows) { return "单位,月份,任务编号,进展情况,报送日期\n" + rows; }

csv_error read_error(const std::string& text, const csv_read_options& o = {}) {
    auto e = thrown<csv_error>([&] { read_ledger_csv(text, p2022(), o); });
    REQUIRE_MESSAGE(e, text);
    return *e;
}

}  // namespace

TEST_SUITE("ledger.csv") {

TEST_CASE("the blank template of 市商务局, byte for byte") {
    template_options o;
    o.month = sep;
    o.units = {"市商务局"};
    const std::string expected = std::string(bom) + header + "\r\n" +
                                 m3_cells(m3_fx, "深入推进贸易外汇收支便利化试点") + ",,,,,\r\n" +
                                 m3_cells(m3_cips, "探索部署企业人民币跨境支付系统（CIPS）标准收发器") + ",,,,,\r\n" +
                                 m3_cells(m3_rmb, "推动人民币跨境收付持续增长") + ",,,,,\r\n";
    CHECK(blank_ledger_csv(p2022(), o) == expected);
}

TEST_CASE("the blank template of every unit") {
    const std::string csv = blank_ledger_csv(p2022());
    CHECK(csv.rfind(std::string(bom) + header + "\r\n", 0) == 0);
    // One line per row the units owe, no issuer rows, the month left empty.
    std::size_t lines = 0;
    for (std::size_t i = 0; (i = csv.find("\r\n", i)) != std::string::npos; i += 2) ++lines;
    CHECK(lines == 1 + assignments(p2022()).size());
    CHECK(csv.find("\r\n市金融局,") == std::string::npos);
    CHECK(csv.find("\r\n市工信局,,二、发展供应链金融服务,") != std::string::npos);
    CHECK(csv.find("\r\n人民银行湛江市中心支行,,") != std::string::npos);
    // Only LF inside CRLF: no bare line feeds in a template without notes.
    for (std::size_t i = 0; i < csv.size(); ++i)
        if (csv[i] == '\n') REQUIRE(csv[i - 1] == '\r');
    template_options bad;
    bad.units = {"市金融局"};
    CHECK(thrown<validation_error>([&] { blank_ledger_csv(p2022(), bad); }));
}

TEST_CASE("a filled ledger: RFC 4180 quoting, and it reads back equal") {
    submission s = commerce(sep, d(2022, 9, 26));
    s.entries[0].status = progress_status::done;
    s.entries[0].figures = "1,234.56万元";
    s.entries[0].milestone = d(2022, 12, 31);
    s.entries[1].note = "他说：\"试点\"\n第二行";
    s.entries[2].figures = "  同比增长 12% ";  // spaces kept exactly
    s.entries[2].note = "a\r\nb";
    const std::vector<submission> subs = {s, filed("pbc_zhanjiang", sep, d(2022, 9, 23),
                                                   {{m3_fx, progress_status::at_risk}})};
    const std::string csv = ledger_csv(p2022(), subs);
    CHECK(csv.find(m3_cells(m3_fx, "深入推进贸易外汇收支便利化试点") +
                   ",已完成,\"1,234.56万元\",2022-12-31,,2022-09-26\r\n") != std::string::npos);
    CHECK(csv.find(",未启动,,,\"他说：\"\"试点\"\"\n第二行\",2022-09-26\r\n") != std::string::npos);
    CHECK(csv.find("\r\n人民银行湛江市中心支行,2022-09,三、") != std::string::npos);

    const auto back = read_ledger_csv(csv, p2022());
    CHECK(back == subs);
    // Again, without the BOM and with LF line ends outside the quoted fields.
    std::string lf;
    bool quoted = false;
    for (std::size_t i = 3; i < csv.size(); ++i) {
        if (csv[i] == '"') quoted = !quoted;
        if (!quoted && csv[i] == '\r' && csv[i + 1] == '\n') continue;
        lf += csv[i];
    }
    CHECK(read_ledger_csv(lf, p2022()) == subs);
}

TEST_CASE("reading accepts what people type") {
    const std::string text =
        "\xEF\xBB\xBF 报送日期 ,进展情况,任务编号,单位,月份,备注\r\n"
        "2022/9/26,已完成, m3.fx_facilitation ,商务局,2022年9月,好\r\n"
        ",,,,,\r\n"  // an empty row, as Excel writes them
        "２０２２－０９－２６,in_progress,m3.cips_transceiver,commerce,2022-9,\r\n"
        "2022-09-23,at_risk,m3.fx_facilitation,\xE3\x80\x80人行\t,2022-09,\r\n";
    const auto subs = read_ledger_csv(text, p2022());
    REQUIRE(subs.size() == 2);
    CHECK(subs[0].unit == "commerce");
    CHECK(subs[0].month == sep);
    CHECK(subs[0].received == d(2022, 9, 26));
    REQUIRE(subs[0].entries.size() == 2);
    CHECK(subs[0].entries[0].task == m3_fx);
    CHECK(subs[0].entries[0].status == progress_status::done);
    CHECK(subs[0].entries[0].note == "好");
    CHECK(subs[0].entries[0].figures.empty());
    CHECK_FALSE(subs[0].entries[0].milestone);
    CHECK(subs[0].entries[1].status == progress_status::in_progress);
    CHECK(subs[1].unit == "pbc_zhanjiang");

    // Blank lines are skipped; rows count records, and an error names the
    // line its record starts on when that differs.
    CHECK(read_ledger_csv(minimal("\n市商务局,2022-09,m3.fx_facilitation,已完成,2022-09-26\r\n\r\n\n"), p2022())
              .size() == 1);
    auto blank = thrown<csv_error>([&] {
        read_ledger_csv(minimal("市商务局,2022-09,m3.fx_facilitation,已完成,2022-09-26\n\n"
                                "市商务局,2022-09,m3.rmb_cross_border,完成,2022-09-26\n"),
                        p2022());
    });
    REQUIRE(blank);
    CHECK(blank->row() == 3);
    CHECK(blank->column() == 4);
    CHECK(mentions(*blank, "record starting on line 4"));

    // The month and date received may come from outside the file.
    csv_read_options o;
    o.month = sep;
    o.received = d(2022, 9, 26);
    const auto filled = read_ledger_csv("单位,任务编号,进展情况\n市商务局,m3.rmb_cross_border,推进中\n", p2022(), o);
    REQUIRE(filled.size() == 1);
    CHECK(filled[0].received == d(2022, 9, 26));
    CHECK(filled[0].month == sep);
}

TEST_CASE("read errors name the row, the column and the text") {
    // A bad milestone on the third row (the header is row 1).
    std::string text = std::string(bom) + header + "\r\n" + m3_cells(m3_fx, "x") + ",已完成,,,,2022-09-26\r\n" +
                       m3_cells(m3_cips, "x") + ",已完成,,2022-13-01,,2022-09-26\r\n";
    csv_error e = read_error(text);
    CHECK(e.row() == 3);
    CHECK(e.column() == 10);
    CHECK(e.column_name() == "时间节点");
    CHECK(e.text() == "2022-13-01");
    CHECK(e.code() == errc::parse);
    CHECK(mentions(e, "ledger.csv: row 3, column 10 (时间节点)"));
    CHECK(mentions(e, "month 13 does not exist"));

    e = read_error(minimal("市教育局,2022-09,m3.fx_facilitation,已完成,2022-09-26\n"));
    CHECK(e.code() == errc::not_found);
    CHECK(e.row() == 2);
    CHECK(e.column() == 1);
    CHECK(e.text() == "市教育局");

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,已完成,2022-09-26\n"
                           "市商务局,2022-09,m9.none,已完成,2022-09-26\n"));
    CHECK(e.code() == errc::not_found);
    CHECK(e.row() == 3);
    CHECK(e.column() == 3);
    CHECK(e.column_name() == "任务编号");

    e = read_error(minimal("市商务局,2022-09,m1.ip_pledge_loans,已完成,2022-09-26\n"));
    CHECK(e.code() == errc::validation);
    CHECK(mentions(e, "is not a task of 市商务局"));

    e = read_error(minimal("市金融局,2022-09,m3.fx_facilitation,已完成,2022-09-26\n"));
    CHECK(e.code() == errc::validation);
    CHECK(e.column() == 1);

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,完成,2022-09-26\n"));
    CHECK(e.column() == 4);
    CHECK(e.text() == "完成");
    CHECK(mentions(e, "已完成 (done)"));

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,,2022-09-26\n"));
    CHECK(mentions(e, "the status is empty"));

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,已完成,\n"));
    CHECK(e.column() == 5);
    CHECK(mentions(e, "the date received is empty"));

    e = read_error(minimal("市商务局,2022-9-1,m3.fx_facilitation,已完成,2022-09-26\n"));
    CHECK(e.column() == 2);
    CHECK(e.text() == "2022-9-1");

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,已完成,2022-09-26\n"
                           "市商务局,2022-09,m3.fx_facilitation,推进中,2022-09-26\n"));
    CHECK(e.code() == errc::validation);
    CHECK(e.row() == 3);
    CHECK(mentions(e, "as row 2"));

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,已完成\n"));
    CHECK(e.row() == 2);
    CHECK(e.column() == 0);
    CHECK(mentions(e, "expected 5 fields, found 4"));

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,\"已完成,2022-09-26\n"));
    CHECK(e.row() == 2);
    CHECK(e.column() == 4);
    CHECK(mentions(e, "opened on line 2 is never closed"));

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,已\"完成,2022-09-26\n"));
    CHECK(e.column() == 4);
    CHECK(mentions(e, "a quote inside an unquoted field"));

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,\"已完成\"x,2022-09-26\n"));
    CHECK(mentions(e, "after the closing quote"));

    e = read_error(minimal("市商务局,2022-09,m3.fx_facilitation,已完成,2022-09-26\r市商务局"));
    CHECK(mentions(e, "not followed by a line feed"));

    e = read_error(minimal(std::string("市商务局,2022-09,m3.fx_facilitation,已完成,2022-09-26\n") +
                           "市商务局,2022-09,m3.cips_transceiver,已完成,2022-09-26\n" +
                           "\"市商\n务局\",2022-09,m3.rmb_cross_border,已完成,2022-09-26\n"));
    CHECK(e.row() == 4);
    CHECK(e.column() == 1);
    CHECK(e.text() == "市商\n务局");
    CHECK_FALSE(mentions(e, "record starting"));

    e = read_error(std::string("单位,月份,任务编号,进展情况,报送日期,备注\n") +
                   "市商务局,2022-09,m3.fx_facilitation,已完成,2022-09-26,\n" +
                   "市商务局,2022-09,m3.cips_transceiver,已完成,2022-09-26,\"多\n行\"\n" +
                   "市商务局,2022-09,m3.rmb_cross_border,完成,2022-09-26,\n");
    CHECK(e.row() == 4);
    CHECK(mentions(e, "record starting on line 5"));

    e = read_error(minimal(std::string("市商务局,2022-09,m3.fx_facilitation,已完成\xC3\x28,2022-09-26\n")));
    CHECK(e.row() == 2);
    CHECK(e.column() == 4);
    CHECK(mentions(e, "invalid UTF-8"));

    e = read_error("单位,月份,任务编号,进展情况,报送日期,进度\n");
    CHECK(e.row() == 1);
    CHECK(e.column() == 6);
    CHECK(e.text() == "进度");
    CHECK(mentions(e, "unknown column"));

    e = read_error("单位,月份,任务编号,单位,进展情况,报送日期\n");
    CHECK(e.column() == 4);
    CHECK(mentions(e, "first as column 1"));

    e = read_error("单位,月份,进展情况,报送日期\n");
    CHECK(e.column_name() == "任务编号");
    CHECK(mentions(e, "required column is missing"));

    e = read_error("");
    CHECK(e.row() == 1);
    e = read_error(bom);
    CHECK(mentions(e, "empty"));

    csv_read_options named;
    named.source = "ledger-2022-09.csv";
    e = read_error(minimal("x,2022-09,m3.fx_facilitation,已完成,2022-09-26\n"), named);
    CHECK(e.source() == "ledger-2022-09.csv");
    CHECK(mentions(e, "ledger-2022-09.csv: row 2, column 1 (单位)"));
}

TEST_CASE("the compliance table") {
    const std::vector<submission> subs = {commerce(sep, d(2022, 9, 26)),
                                          commerce(year_month(2022, 10), d(2022, 10, 27))};
    const period_compliance p = check_period(p2022(), subs);
    const std::vector<liaison_form> forms = {
        liaison_form{"市商务局", "张三", "科长", "0759-3388123", "a@b.cn", d(2022, 9, 19)}};
    const liaison_compliance l = check_liaison_forms(p2022(), forms);
    const std::string csv = compliance_csv(p.months, &l);
    CHECK(csv.rfind(std::string(bom) +
                        "报送事项,月份,单位,规定日期,“前”含当日,遇休息日顺延,截止日期,报送日期,报送情况,逾期天数,未报任务数,依据\r\n",
                    0) == 0);
    CHECK(csv.find("联络员信息表（附件2）,,市商务局,2022-09-16,是,是,2022-09-16,2022-09-19,逾期报送,3,,"
                   "湛金函〔2022〕86号 四、组织保障（一）\r\n") != std::string::npos);
    CHECK(csv.find("联络员信息表（附件2）,,市工信局,2022-09-16,是,是,2022-09-16,,未报送,,,") != std::string::npos);
    CHECK(csv.find("工作台账（附件1）,2022-09,市商务局,2022-09-25,是,是,2022-09-26,2022-09-26,按时报送,0,0,"
                   "湛金函〔2022〕86号 四、组织保障（二）\r\n") != std::string::npos);
    CHECK(csv.find("工作台账（附件1）,2022-10,市商务局,2022-10-25,是,是,2022-10-25,2022-10-27,逾期报送,2,0,") !=
          std::string::npos);
    CHECK(csv.find("工作台账（附件1）,2022-12,市商务局,2022-12-25,是,是,2022-12-26,,未报送,,,") !=
          std::string::npos);
    // 18 liaison rows and 18 × 4 ledger rows after the header.
    std::size_t lines = 0;
    for (std::size_t i = 0; (i = csv.find("\r\n", i)) != std::string::npos; i += 2) ++lines;
    CHECK(lines == 1 + 18 + 72);

    check_options strict;
    strict.rule = dates::deadline_rule{25, false, false};
    const std::string s = compliance_csv(check_period(p2022(), subs, strict).months);
    CHECK(s.find("工作台账（附件1）,2022-09,市商务局,2022-09-25,否,否,2022-09-24,2022-09-26,逾期报送,2,0,") !=
          std::string::npos);
}

}  // TEST_SUITE
