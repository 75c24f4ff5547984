// A bank's own tables (rules/columns.hpp, rules/table.hpp): header names and
// units, the header row below title rows, loans by loan_id, loans by their
// drawdown and repayments, rates with and without a declared unit. Every
// amount below is worked by hand in its comment.
#include <doctest/doctest.h>

#include <zjcredit/money/format.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/columns.hpp>
#include <zjcredit/rules/table.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace zjcredit;
using namespace zjcredit::rules;

namespace {

/// A file in the temporary folder, removed at the end of the test.
struct temp_text {
    std::filesystem::path path;
    explicit temp_text(const std::string& name, const std::string& text)
        : path(std::filesystem::temp_directory_path() / name) {
        std::ofstream(path, std::ios::binary) << text;
    }
    ~temp_text() { std::filesystem::remove(path); }
};

std::string message_of(const table_loan& loan) { return loan.error ? loan.error->message : std::string(); }

const std::string bank_header =
    "序号,借据号,借款人名称,经办机构,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,"
    "利率(%),放款日期,放款金额（元）,结清日期,备注\n";

}  // namespace

TEST_CASE("split_header takes a unit in brackets or a trailing % from the end of a header") {
    CHECK(split_header("利率(%)").name == "利率");
    CHECK(split_header("利率(%)").unit == "%");
    CHECK(split_header("放款金额（元）").name == "放款金额");
    CHECK(split_header("放款金额（元）").unit == "元");
    CHECK(split_header("年利率%").name == "年利率");
    CHECK(split_header("年利率％").unit == "%");
    CHECK(split_header(" 金额 [万元] ").name == "金额");
    CHECK(split_header(" 金额 [万元] ").unit == "万元");
    CHECK(split_header("\u3000借据号\u3000").name == "借据号");
    CHECK(split_header("borrower").unit.empty());
    // a header that is all bracket has no unit: it is its own name
    CHECK(split_header("(备注)").name == "(备注)");
    CHECK(split_header("(备注)").unit.empty());
}

TEST_CASE("field_of knows the English field names and the banks' Chinese headers") {
    CHECK(field_of("借据号", loan_table_fields) == "loan_id");
    CHECK(field_of("借款人名称", loan_table_fields) == "borrower");
    CHECK(field_of("统一社会信用代码", loan_table_fields) == "borrower_id");
    CHECK(field_of("贷款银行", loan_table_fields) == "lender");
    // 经办机构 is the branch that handled the loan, within the lender: read
    // as the lender, each branch of one bank would be a lender of its own.
    CHECK_FALSE(field_of("经办机构", loan_table_fields).has_value());
    CHECK(field_of("执行利率", loan_table_fields) == "annual_rate");
    // as Guangdong banks name the platform flag (the plan: 依托广东省中小企业融资平台; 粤信融)
    CHECK(field_of("是否通过粤信融等平台申请", loan_table_fields) == "via_platform");
    CHECK(field_of("是否依托融资平台申请", loan_table_fields) == "via_platform");
    CHECK(field_of("annual_rate", loan_table_fields) == "annual_rate");
    CHECK_FALSE(field_of("序号", loan_table_fields).has_value());
    CHECK(field_of("还款金额", repayment_table_fields) == "amount");
}

TEST_CASE("column_map: two columns for one field, a missing field, a caller's own names") {
    const std::vector<std::pair<std::string, std::string>> none;
    CHECK_THROWS_WITH_AS(column_map({"借款人", "客户名称"}, loan_table_fields, none, "loans.csv"),
                         doctest::Contains("客户名称"), parse_error);
    const column_map m({"序号", "客户号", "借款人"}, loan_table_fields, none, "loans.csv");
    CHECK(m.at("borrower") == 2);
    CHECK(m.unmapped() == std::vector<std::size_t>{0, 1});
    CHECK_THROWS_WITH_AS((void)m.at("annual_rate"), doctest::Contains("年利率, 执行利率, 利率"), parse_error);

    const std::vector<std::pair<std::string, std::string>> mine{{"客户号", "borrower_id"}};
    const column_map mapped({"序号", "客户号", "借款人"}, loan_table_fields, mine, "loans.csv");
    CHECK(mapped.at("borrower_id") == 1);
    const std::vector<std::pair<std::string, std::string>> wrong{{"客户号", "customer"}};
    CHECK_THROWS_WITH_AS(column_map({"客户号"}, loan_table_fields, wrong, "loans.csv"),
                         doctest::Contains("borrower_id"), parse_error);
}

TEST_CASE("find_header_row skips title and blank rows") {
    const std::vector<std::pair<std::string, std::string>> none;
    const std::vector<std::vector<std::string>> rows{
        {"2022年二季度首贷贴息申报表"}, {"", ""}, {"填报单位：湛江某银行", "借款人"}, {"序号", "借据号", "借款人", "利率(%)"}};
    CHECK(find_header_row(rows, loan_table_fields, none) == 3);
    const std::vector<std::vector<std::string>> no_header{{"a", "b"}, {"1", "2"}};
    CHECK_FALSE(find_header_row(no_header, loan_table_fields, none).has_value());
}

TEST_CASE("a loan pasted twice into one file is named as such, not as ranges out of order") {
    const std::string csv = "借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),"
                            "余额起日,余额止日,余额\n"
                            "L1,甲公司,小型,2022-04-10,是,是,是,0.8,2022-04-01,2022-04-30,1000000.00\n"
                            "L1,甲公司,小型,2022-04-10,是,是,是,0.8,2022-05-01,2022-06-30,2000000.00\n"
                            "L2,乙公司,小型,2022-04-10,是,是,是,0.8,2022-04-01,2022-06-30,1000000.00\n"
                            "L1,甲公司,小型,2022-04-10,是,是,是,0.8,2022-04-01,2022-04-30,1000000.00\n"
                            "L1,甲公司,小型,2022-04-10,是,是,是,0.8,2022-05-01,2022-06-30,2000000.00\n";
    table_options o;
    o.period = date_range{dates::date(2022, 4, 1), dates::date(2022, 6, 30)};
    const loan_table t = read_loan_table_bytes(csv, "loans.csv", o);
    REQUIRE(t.loans.size() == 2);
    REQUIRE(t.loans[0].error);
    CHECK(t.loans[0].error->message ==
          "loans.csv:5: 借据号 (loan_id): this row repeats loans.csv:2 cell for cell: the loan is listed twice in loans.csv (each "
          "of its balance ranges belongs on one row); keep one of them in \"L1\"");
    CHECK(t.loans[1].record);
}

TEST_CASE("a bank's loans by drawdown, with repayments and settlement, give the hand-worked subsidies") {
    const temp_text repayments("zjc_table_test_repayments.csv",
                               "借据号,还款日期,还款金额\nJJ001,20220501,400000\n");
    const std::string csv = "2022年二季度首贷贴息申报表\n,,\n" + bank_header +
                            "1,JJ001,甲公司,赤坎支行,小型,20220401,是,是,是,4.35,20220401,1000000,,\n"
                            "2,JJ002,乙公司,霞山支行,中型企业,20220410,是,是,是,0.8,2022/04/10 00:00:00,2000000,"
                            "20220601,提前结清\n"
                            "3,JJ003,丙公司,赤坎支行,微型企业,20220415,Y,Y,1,0.8,20220415,500000.00,20220615,\n";
    table_options o;
    o.period = date_range{dates::date(2022, 4, 1), dates::date(2022, 6, 30)};
    o.repayments = repayments.path.string();
    const loan_table t = read_loan_table_bytes(csv, "loans.csv", o);
    CHECK(t.borrower_header == "借款人名称");
    CHECK(t.loan_id_header == "借据号");
    CHECK(t.carried_header == std::vector<std::string>{"序号", "经办机构", "备注"});
    REQUIRE(t.loans.size() == 3);
    for (const auto& loan : t.loans) REQUIRE_MESSAGE(loan.record, message_of(loan));
    CHECK(t.loans[1].carried == std::vector<std::string>{"2", "霞山支行", "提前结清"});
    CHECK(t.loans[0].lines == std::vector<std::size_t>{4});

    const plan::plan& p = plan::plan_2022();
    // JJ001: 1,000,000.00 on 04-01..04-30 (30 days), 600,000.00 from the
    // repayment on 05-01 to 06-30 (61 days): 30,000,000 + 36,600,000 =
    // 66,600,000 元·日 × min(4.35%, 1%) ÷ 360 = 666,000 ÷ 360 = 1,850.00.
    const subsidy_row a = subsidy_for_table(*t.loans[0].record, p);
    CHECK(a.eligible);
    CHECK(money::to_string(a.amount) == "1850.00");
    CHECK(a.arithmetic_zh == "积数 66600000.00 × 1% ÷ 360 = 1850 元，四舍五入到分为 1850.00 元");
    // JJ002: 中型企业 is read and is not eligible, not an error.
    const subsidy_row b = subsidy_for_table(*t.loans[1].record, p);
    CHECK_FALSE(b.eligible);
    REQUIRE(b.reasons.size() == 1);
    CHECK(b.reasons[0].code == "borrower_kind_not_eligible");
    // JJ003: 500,000.00 from 04-15 to 06-14 (settled 06-15 does not accrue):
    // 16 + 31 + 14 = 61 days, 30,500,000 元·日 × 0.8% ÷ 360 = 244,000 ÷ 360
    // = 677.777… → 677.78.
    const subsidy_row c = subsidy_for_table(*t.loans[2].record, p);
    CHECK(c.eligible);
    CHECK(money::to_string(c.amount) == "677.78");
}

TEST_CASE("the arithmetic line names the balance cap and the longest subsidy period when they cut the 积数") {
    const std::string csv =
        "借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额,"
        "结清日期\n"
        "JJ1,丁公司,微型企业,2022-06-01,是,是,是,0.8,2022-06-01,12000000.00,2022-06-21\n"
        "JJ2,戊公司,小型企业,2022-04-01,是,是,是,4.35,2022-04-01,1000000.00,\n";
    table_options o;
    o.period = date_range{dates::date(2022, 4, 1), dates::date(2022, 6, 30)};
    const loan_table t = read_loan_table_bytes(csv, "loans.csv", o);
    REQUIRE(t.loans.size() == 2);
    for (const auto& loan : t.loans) REQUIRE_MESSAGE(loan.record, message_of(loan));

    // JJ1: 12,000,000.00 from 06-01, settled 06-21: 20 days at the cap
    // 10,000,000.00 = 200,000,000.00 元·日 × 0.8% ÷ 360 = 4444.444… → 4444.44.
    const subsidy_row capped = subsidy_for_table(*t.loans[0].record, plan::plan_2022());
    CHECK(capped.arithmetic_zh ==
          "积数 200000000.00（日余额超过 10000000.00 元的部分不计） × 0.8% ÷ 360 = 4444.444444… 元，四舍五入到分为 4444.44 元");
    CHECK(capped.arithmetic_en == "200000000.00 (daily balances above 10000000.00 not counted) × 0.8% / 360 = "
                                  "4444.444444… yuan, rounded half up to the fen: 4444.44");

    // A longest subsidy period of 10 days from the first day with a balance.
    // JJ1: 06-01..06-10, 10 × 10,000,000.00 = 100,000,000.00 × 0.8% ÷ 360 =
    // 2222.222… → 2222.22, both cuts named. JJ2: 04-01..04-10, 10 ×
    // 1,000,000.00 = 10,000,000.00 × 1% ÷ 360 = 277.777… → 277.78.
    plan::plan p = plan::plan_2022();
    p.first_loan_subsidy.max_subsidy_days = 10;
    CHECK(subsidy_for_table(*t.loans[0].record, p).arithmetic_zh ==
          "积数 100000000.00（日余额超过 10000000.00 元的部分不计；2022-06-10 之后超出最长贴息期限的天数不计） × 0.8% ÷ "
          "360 = 2222.222222… 元，四舍五入到分为 2222.22 元");
    const subsidy_row cut = subsidy_for_table(*t.loans[1].record, p);
    CHECK(cut.arithmetic_zh ==
          "积数 10000000.00（2022-04-10 之后超出最长贴息期限的天数不计） × 1% ÷ 360 = 277.777777… 元，四舍五入到分为 277.78 元");
    CHECK(cut.arithmetic_en == "10000000.00 (days after 2022-04-10, past the longest subsidy period, not counted) × 1% / "
                               "360 = 277.777777… yuan, rounded half up to the fen: 277.78");
}

TEST_CASE("a bare rate is refused unless its unit is declared; a declared fraction meets the plausibility bound") {
    const std::string csv =
        "借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率,放款日期,放款金额\n"
        "JJ001,甲公司,小型,2022-04-01,是,是,是,3.85,2022-04-01,1000000\n";
    table_options o;
    o.period = date_range{dates::date(2022, 4, 1), dates::date(2022, 6, 30)};
    const loan_table bare = read_loan_table_bytes(csv, "loans.csv", o);
    REQUIRE(bare.loans.size() == 1);
    CHECK_FALSE(bare.loans[0].record);
    CHECK(message_of(bare.loans[0]).find("\"3.85\"") != std::string::npos);
    CHECK(message_of(bare.loans[0]).find("--rate-unit") != std::string::npos);
    CHECK(message_of(bare.loans[0]).find("loans.csv:2") != std::string::npos);

    o.rate_unit = money::rate_unit::percent;
    const loan_table percent = read_loan_table_bytes(csv, "loans.csv", o);
    REQUIRE(percent.loans[0].record);
    CHECK(money::to_string(percent.loans[0].record->annual_rate) == "3.85%");

    // 3.85 as a fraction is 385%: read, and refused by the rule's bound (24%).
    o.rate_unit = money::rate_unit::fraction;
    const loan_table fraction = read_loan_table_bytes(csv, "loans.csv", o);
    REQUIRE(fraction.loans[0].record);
    CHECK_THROWS_WITH_AS((void)subsidy_for_table(*fraction.loans[0].record, plan::plan_2022()),
                         doctest::Contains("24%"), validation_error);
}

TEST_CASE("rows are grouped by loan_id wherever they are; a balance schedule in 万元") {
    // Two loans of one borrower, their ranges interleaved.
    const std::string csv =
        "借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,年利率,贴息起日,贴息止日,"
        "余额起日,余额止日,余额(万元)\n"
        "A1,甲公司,small,2022-04-01,true,true,true,4.35%,2022-04-01,2022-06-30,2022-04-01,2022-04-30,100\n"
        "A2,甲公司,small,2022-04-01,true,true,true,0.5%,2022-04-01,2022-06-30,2022-04-01,2022-06-30,36\n"
        "A1,甲公司,small,2022-04-01,true,true,true,4.35%,2022-04-01,2022-06-30,2022-05-01,2022-06-30,50\n";
    const loan_table t = read_loan_table_bytes(csv, "loans.csv");
    REQUIRE(t.loans.size() == 2);
    CHECK(t.loans[0].loan_id == "A1");
    CHECK(t.loans[0].lines == std::vector<std::size_t>{2, 4});
    REQUIRE(t.loans[0].record);
    REQUIRE(t.loans[1].record);
    CHECK(t.loans[0].record->balances.size() == 2);
    // A1: 1,000,000.00 × 30 + 500,000.00 × 61 = 60,500,000 元·日 × 1% ÷ 360
    // = 605,000 ÷ 360 = 1,680.555… → 1,680.56.
    CHECK(money::to_string(subsidy_for_table(*t.loans[0].record, plan::plan_2022()).amount) == "1680.56");
    // A2: 360,000.00 × 91 = 32,760,000 元·日 × 0.5% ÷ 360 = 163,800 ÷ 360 = 455.00.
    CHECK(money::to_string(subsidy_for_table(*t.loans[1].record, plan::plan_2022()).amount) == "455.00");
}

TEST_CASE("a loan's cells that differ between its rows, and a repayment for no loan, are named") {
    const std::string csv =
        "借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,年利率,贴息起日,贴息止日,"
        "余额起日,余额止日,余额\n"
        "A1,甲公司,small,2022-04-01,true,true,true,4.35%,2022-04-01,2022-06-30,2022-04-01,2022-04-30,100\n"
        "A1,甲公司,micro,2022-04-01,true,true,true,4.35%,2022-04-01,2022-06-30,2022-05-01,2022-06-30,50\n";
    const loan_table t = read_loan_table_bytes(csv, "loans.csv");
    REQUIRE(t.loans.size() == 1);
    CHECK(message_of(t.loans[0]).find("loans.csv:3: 企业规模 (borrower_kind)") != std::string::npos);
    CHECK(message_of(t.loans[0]).find("differs") != std::string::npos);

    const temp_text repayments("zjc_table_test_orphan.csv", "借据号,还款日期,还款金额\nZZ9,20220501,1\n");
    const std::string events = bank_header + "1,JJ001,甲公司,赤坎支行,小型,20220401,是,是,是,4.35,20220401,1000000,,\n";
    table_options o;
    o.period = date_range{dates::date(2022, 4, 1), dates::date(2022, 6, 30)};
    o.repayments = repayments.path.string();
    CHECK_THROWS_WITH_AS(read_loan_table_bytes(events, "loans.csv", o), doctest::Contains("ZZ9"), validation_error);
}

TEST_CASE("a repayment larger than the balance is named at its own row of the repayments table") {
    const temp_text repayments("zjc_table_test_large.csv",
                               "借据号,还款日期,还款金额\nJJ001,20220501,600000\nJJ001,20220601,600000\n");
    const std::string events = bank_header + "1,JJ001,甲公司,赤坎支行,小型,20220401,是,是,是,4.35,20220401,1000000,,\n";
    table_options o;
    o.period = date_range{dates::date(2022, 4, 1), dates::date(2022, 6, 30)};
    o.repayments = repayments.path.string();
    const loan_table t = read_loan_table_bytes(events, "loans.csv", o);
    REQUIRE(t.loans.size() == 1);
    CHECK_FALSE(t.loans[0].record);
    // the second repayment (row 3 of its file) is larger than the 400,000.00 left
    CHECK(message_of(t.loans[0]).find(":3") != std::string::npos);
    CHECK(message_of(t.loans[0]).find("600000") != std::string::npos);
}

TEST_CASE("a table without a header row, and one with both a schedule and drawdowns, are refused") {
    CHECK_THROWS_WITH_AS(read_loan_table_bytes("a,b,c\n1,2,3\n", "loans.csv"), doctest::Contains("no header row"),
                         parse_error);
    const std::string both =
        "借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,年利率,放款日期,放款金额,余额\n";
    CHECK_THROWS_WITH_AS(read_loan_table_bytes(both, "loans.csv"), doctest::Contains("one way"), parse_error);
}

TEST_CASE("an error names the bank's own header only for its own column's field") {
    // The claim period's error is located at the loan's drawdown cell (its
    // balances come from the drawdown), but it is not about 放款金额; a cell
    // of a header written with spaces around it is named without them.
    const std::string csv = "借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),"
                            "贴息起日,贴息止日,放款日期, 放款金额 \n"
                            "L1,甲公司,小型,2022-04-10,是,是,是,0.8,2022-06-30,2022-04-01,2022-04-10,1000000.00\n"
                            "L2,乙公司,小型,2022-04-10,是,是,是,0.8,2022-04-01,2022-06-30,2022-04-10,1.005\n";
    const loan_table t = read_loan_table_bytes(csv, "loans.csv");
    REQUIRE(t.loans.size() == 2);
    CHECK(message_of(t.loans[0]).starts_with("loans.csv:2: period: "));
    CHECK(message_of(t.loans[1]).starts_with("loans.csv:3: 放款金额 (drawdown_amount): "));
}
