// The screen's input from a bank's table: an id's error names the bank's own
// cell and header, also after the table was moved or copied.
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/table.hpp>
#include <zjcredit/screen/tables.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using namespace zjcredit;

namespace {

// L1's code is mistyped (its check character is F, screen_lender_of.sh's
// 91440800MA4W00001F); L2's 客户代码 is right. 客户代码 is mapped by the
// caller, as --columns does.
const std::string csv =
    "借据号,借款人,客户代码,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),"
    "放款日期,放款金额,贷款机构\n"
    "L1,甲公司,91440800MA4W00001G,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00,银行甲\n"
    "L2,乙公司,91440800MA4W00002J,小型,2022-04-10,是,是,是,0.8,2022-04-10,8000000.00,银行甲\n";

rules::loan_table table(const std::string& name = "甲银行.csv") {
    rules::table_options o;
    o.columns = {{"客户代码", "borrower_id"}};
    o.period = rules::parse_period("2022-04-01..2022-06-30", "period");
    return rules::read_loan_table_bytes(csv, name, o);
}

}  // namespace

TEST_CASE("screen tables: an id's error names the cell's header, after the table moved") {
    std::vector<screen::screen_table> tables(1);
    tables[0].add(table());
    const screen::screen_input in = tables[0].input();
    // The vector grows: the table moves, and the input's locate must not point at where it was.
    tables.resize(8);
    const auto& params = plan::plan_2022().first_loan_subsidy;
    const screen::screen_result r = screen::run_screen(in, params);
    const std::string message = screen::row_error_message(in, r, 0, params);
    CHECK(message.starts_with("甲银行.csv:2: 客户代码 (borrower_id): "));
    CHECK(message.find("91440800MA4W00001G") != std::string::npos);
    CHECK(screen::row_error_message(in, r, 1, params).empty());
}

TEST_CASE("screen tables: a copy added to keeps the original's places") {
    screen::screen_table a;
    a.add(table());
    screen::screen_table b = a;
    b.add(table("乙银行.csv"));  // b's loans 2 and 3
    a.add(table("丙银行.csv"));  // a's loans 2 and 3, from a table of its own
    CHECK(a.field_where(2, "borrower_id") == "丙银行.csv:2: 客户代码 (borrower_id)");
    CHECK(b.field_where(3, "lender") == "乙银行.csv:3: 贷款机构 (lender)");
    CHECK(a.field_where(1, "loan_id") == "甲银行.csv:3: loan_id");
    CHECK(b.field_where(0, "borrower_id") == "甲银行.csv:2: 客户代码 (borrower_id)");
}
