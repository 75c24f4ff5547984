// .xlsx workbooks read by io::read_table_bytes, made by writers independent
// of the reader: libxlsxwriter here, openpyxl for the committed fixtures
// (tests/data/xlsx/make_openpyxl_fixtures.py), libzip for hand-made parts
// (error cells, rich text, broken or hostile workbooks). Expected texts are
// what Excel shows, worked by hand.
#include "test_util.hpp"

#include "../../src/io/table.hpp"

#include <doctest/doctest.h>

#include <xlsxwriter.h>

using namespace zjcredit::io;
using namespace zjcredit::io::test;

namespace {

using rows_t = std::vector<std::vector<std::string>>;

/// A workbook written by libxlsxwriter: sheet "贷款" with a title row, a
/// merged empty row, a Chinese header and data rows (a rate column styled
/// as percents); sheet "Other" with one
/// cell; sheet "Bad date" with serial 60 styled as a date.
std::string libxlsxwriter_workbook() {
    const auto path = temp_path("lxw.xlsx");
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, "贷款");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* date_time = workbook_add_format(wb);
    format_set_num_format(date_time, "yyyy-mm-dd hh:mm:ss");
    lxw_format* money = workbook_add_format(wb);
    format_set_num_format(money, "#,##0.00");
    lxw_format* percent = workbook_add_format(wb);
    format_set_num_format(percent, "0.00%");  // built-in format 10
    lxw_format* percent3 = workbook_add_format(wb);
    format_set_num_format(percent3, "0.000%");  // a custom format
    worksheet_write_string(ws, 0, 0, "湛江市首贷贴息台账", nullptr);  // A1
    worksheet_merge_range(ws, 1, 0, 1, 3, "", nullptr);               // row 2: merged and empty
    worksheet_write_string(ws, 2, 0, "借款人", nullptr);              // the header, row 3
    worksheet_write_string(ws, 2, 1, "贷款金额", nullptr);
    worksheet_write_string(ws, 2, 2, "放款日期", nullptr);
    worksheet_write_string(ws, 2, 3, "是否首贷", nullptr);
    worksheet_write_string(ws, 2, 4, "两倍", nullptr);
    worksheet_write_string(ws, 2, 5, "利率", nullptr);
    worksheet_write_string(ws, 3, 0, "张三", nullptr);                // row 4
    worksheet_write_number(ws, 3, 1, 1234.56, money);
    lxw_datetime d = {2022, 4, 1, 0, 0, 0};
    worksheet_write_datetime(ws, 3, 2, &d, date);
    worksheet_write_boolean(ws, 3, 3, 1, nullptr);
    worksheet_write_formula_num(ws, 3, 4, "=B4*2", nullptr, 2469.12);
    worksheet_write_number(ws, 3, 5, 0.0435, percent);  // Excel shows 4.35%
    const double point_three = 0.1 + 0.2;  // 0.30000000000000004
    worksheet_write_string(ws, 4, 0, "李四", nullptr);                // row 5
    worksheet_write_number(ws, 4, 1, point_three, nullptr);
    worksheet_write_number(ws, 4, 2, 44652, date);                    // the serial of 2022-04-01
    worksheet_write_boolean(ws, 4, 3, 0, nullptr);
    worksheet_write_number(ws, 4, 4, 1e-3, nullptr);
    worksheet_write_number(ws, 4, 5, 0.385 / 10, percent3);  // stored 0.0385 (as 15 digits): 3.85%
    lxw_datetime dt = {2022, 4, 1, 13, 30, 15};
    worksheet_write_datetime(ws, 6, 2, &dt, date_time);               // row 7, after blank row 6
    worksheet_write_number(ws, 7, 27, 7, nullptr);                    // AB8
    lxw_worksheet* other = workbook_add_worksheet(wb, "Other");
    worksheet_write_string(other, 0, 1, "only", nullptr);             // B1
    lxw_worksheet* bad_date = workbook_add_worksheet(wb, "Bad date");
    worksheet_write_number(bad_date, 0, 0, 60, date);                 // A1: 1900-02-29
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    std::string bytes = slurp(path);
    std::filesystem::remove(path);
    return bytes;
}

const std::string& lxw_bytes() {
    static const std::string bytes = libxlsxwriter_workbook();
    return bytes;
}

}  // namespace

TEST_CASE("a workbook written by libxlsxwriter: the first sheet as Excel shows it, percents with their %") {
    const table t = read_table_bytes(lxw_bytes(), "loans.xlsx");
    CHECK(t.source == "loans.xlsx");
    CHECK(t.sheet == "贷款");
    rows_t expected = {
        {"湛江市首贷贴息台账"},
        {"借款人", "贷款金额", "放款日期", "是否首贷", "两倍", "利率"},
        {"张三", "1234.56", "2022-04-01", "TRUE", "2469.12", "4.35%"},
        {"李四", "0.3", "2022-04-01", "FALSE", "0.001", "3.85%"},
        {"", "", "2022-04-01 13:30:15"},
        std::vector<std::string>(28),
    };
    expected.back()[27] = "7";
    CHECK(t.rows == expected);
    CHECK(t.row_numbers == std::vector<std::size_t>{1, 3, 4, 5, 7, 8});
    CHECK(t.locate(2, 3) == "loans.xlsx:贷款!D4");
    CHECK(t.locate(5, 27) == "loans.xlsx:贷款!AB8");
}

TEST_CASE("another sheet by name; a wrong name lists the sheets there are") {
    table_read_options o;
    o.sheet = "Other";
    const table t = read_table_bytes(lxw_bytes(), "loans.xlsx", o);
    CHECK(t.sheet == "Other");
    CHECK(t.rows == rows_t{{"", "only"}});
    CHECK(t.row_numbers == std::vector<std::size_t>{1});
    o.sheet = "Sheet9";
    const auto e = error_of([&] { (void)read_table_bytes(lxw_bytes(), "loans.xlsx", o); });
    CHECK(contains(e, "loans.xlsx"));
    CHECK(contains(e, "\"Sheet9\""));
    CHECK(contains(e, "\"贷款\", \"Other\", \"Bad date\""));
    o.sheet = "Bad date";
    // A cell's error names the file and the cell, once each.
    const std::string cell_error = error_of([&] { (void)read_table_bytes(lxw_bytes(), "loans.xlsx", o); }).value_or("");
    CHECK(contains(cell_error, "loans.xlsx:'Bad date'!A1"));
    CHECK(cell_error.find("loans.xlsx") == cell_error.rfind("loans.xlsx"));
}

TEST_CASE("a workbook written by openpyxl: inline strings, custom date formats, a merged title") {
    const std::string bytes = slurp(ZJC_XLSX_DATA_DIR "/openpyxl_loans.xlsx");
    REQUIRE(!bytes.empty());
    const table t = read_table_bytes(bytes, "openpyxl_loans.xlsx");
    CHECK(t.sheet == "贷款明细");
    const rows_t expected = {
        {"湛江市首贷贴息台账（2022年）"},
        {"借款人", "贷款金额（元）", "放款日期", "年利率", "是否首贷", "备注"},
        {"湛江某科技有限公司", "1234.56", "2022-04-01", "0.0385", "TRUE", "  前后有空格  "},
        {"某商行", "0.3", "2022-12-31", "0.001", "FALSE"},
        {"大数", "12345678901234600000", "2022-04-01 13:30:15", "44652"},
        {"", "", "", "", "", "末行"},
    };
    CHECK(t.rows == expected);
    CHECK(t.row_numbers == std::vector<std::size_t>{1, 3, 4, 5, 6, 8});
}

TEST_CASE("openpyxl: an error cell and a formula never calculated are errors naming the cell") {
    const std::string bytes = slurp(ZJC_XLSX_DATA_DIR "/openpyxl_loans.xlsx");
    table_read_options o;
    o.sheet = "错误";
    const auto e = error_of([&] { (void)read_table_bytes(bytes, "x.xlsx", o); });
    CHECK(contains(e, "错误!B2"));
    CHECK(contains(e, "\"#N/A\""));
    o.sheet = "公式";
    const auto f = error_of([&] { (void)read_table_bytes(bytes, "x.xlsx", o); });
    CHECK(contains(f, "公式!B1"));
    CHECK(contains(f, "save it"));
}

TEST_CASE("openpyxl: the 1904 date system") {
    const table t = read_table_bytes(slurp(ZJC_XLSX_DATA_DIR "/openpyxl_1904.xlsx"), "mac.xlsx");
    CHECK(t.rows == rows_t{{"2022-04-01", "1904-01-01"}});
}

TEST_CASE("hand-made parts: shared rich text without phonetic runs, escapes, t=str, t=d, styles") {
    const std::string shared =
        "<si><t>plain</t></si>"
        "<si><r><t>湛江</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">市 </t></r>"
        "<rPh sb=\"0\" eb=\"1\"><t>ZHAN</t></rPh></si>"
        "<si><t>a_x000D_b_x005F_x0041_</t></si>";
    const std::string styles =
        "<numFmts count=\"1\"><numFmt numFmtId=\"200\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;\"/></numFmts>"
        "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
        "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"200\"/><xf numFmtId=\"31\"/></cellXfs>";
    const std::string rows =
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>2</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" t=\"str\"><f>\"x\"&amp;\"y\"</f><v>xy</v></c>"
        "<c r=\"B3\" t=\"d\"><v>2022-04-01T00:00:00</v></c>"
        "<c r=\"C3\" t=\"d\"><v>2022-04-01T08:15:00.000</v></c><c r=\"D3\" t=\"inlineStr\"><is><t>内联</t></is></c></row>"
        "<row r=\"4\"><c r=\"A4\" s=\"1\"><v>44652</v></c><c r=\"B4\" s=\"2\"><v>44652</v></c>"
        "<c r=\"C4\" s=\"3\"><v>44652</v></c><c r=\"D4\" s=\"0\"><v>44652</v></c><c r=\"E4\" s=\"9\"><v>1.5</v></c></row>"
        "<row r=\"5\"><c r=\"A5\" s=\"1\"/><c r=\"B5\" t=\"s\"/></row>"
        "<row><c><v>1</v></c><c><v>2</v></c></row>";
    const table t = read_table_bytes(hand_made_xlsx(rows, shared, styles), "h.xlsx");
    const rows_t expected = {
        {"plain", "湛江市 ", "a\rb_x0041_"},
        {"xy", "2022-04-01", "2022-04-01 08:15:00", "内联"},
        {"2022-04-01", "2022-04-01", "2022-04-01", "44652", "1.5"},
        {"1", "2"},
    };
    CHECK(t.rows == expected);
    CHECK(t.row_numbers == std::vector<std::size_t>{2, 3, 4, 6});

    // The same serial in a 1904 workbook is four years and a day later.
    const table mac = read_table_bytes(
        hand_made_xlsx("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>43190</v></c><c r=\"B1\" s=\"1\"><v>44652</v></c></row>",
                       "", styles, "<workbookPr date1904=\"1\"/>"),
        "mac.xlsx");
    CHECK(mac.rows == rows_t{{"2022-04-01", "2026-04-02"}});
}

TEST_CASE("hand-made parts: bad cells are errors naming the cell and quoting the text") {
    const auto read = [](const std::string& rows) {
        return error_of([&] { (void)read_table_bytes(hand_made_xlsx(rows, "<si><t>x</t></si>"), "h.xlsx"); });
    };
    const auto e = read("<row r=\"7\"><c r=\"D7\" t=\"e\"><v>#DIV/0!</v></c></row>");
    CHECK(contains(e, "Sheet1!D7"));
    CHECK(contains(e, "\"#DIV/0!\""));
    CHECK(contains(read("<row r=\"7\"><c r=\"D7\"><f>A1+1</f></c></row>"), "Sheet1!D7"));
    CHECK(contains(read("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>5</v></c></row>"), "Sheet1!B2"));
    CHECK(contains(read("<row r=\"2\"><c r=\"B2\" t=\"b\"><v>2</v></c></row>"), "Sheet1!B2"));
    CHECK(contains(read("<row r=\"2\"><c r=\"B2\"><v>1E40</v></c></row>"), "Sheet1!B2"));
    CHECK(contains(read("<row r=\"2\"><c r=\"B2\" t=\"d\"><v>01/04/2022</v></c></row>"), "Sheet1!B2"));
    CHECK(contains(read("<row r=\"2\"><c r=\"B2\" t=\"zz\"><v>1</v></c></row>"), "Sheet1!B2"));
    CHECK(contains(read("<row r=\"3\"><c r=\"A3\"><v>1</v></c></row><row r=\"2\"/>"), "out of order"));
    CHECK(contains(read("<row r=\"3\"><c r=\"B3\"><v>1</v></c><c r=\"A3\"><v>1</v></c></row>"), "Sheet1!A3"));
    CHECK(contains(read("<row r=\"3\"><c r=\"A4\"><v>1</v></c></row>"), "A4"));
    CHECK(contains(read("<row r=\"2\"><c r=\"A2\"><v>1</v></row>"), "malformed XML"));
}

TEST_CASE("broken and hostile workbooks are clear errors") {
    const auto not_book = error_of([] { (void)read_table_bytes(make_zip({{"hello.txt", "hi"}}), "a.xlsx"); });
    CHECK(contains(not_book, "a zip archive, not an .xlsx workbook"));
    CHECK(contains(not_book, "xl/workbook.xml"));
    // A DOCTYPE (the door to entity expansion) is refused in any part.
    const std::string doctype =
        make_zip({{"xl/workbook.xml", "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">]><workbook/>"}});
    CHECK(contains(error_of([&] { (void)read_table_bytes(doctype, "d.xlsx"); }), "DOCTYPE"));
    const std::string no_rels = make_zip({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}});
    CHECK(contains(error_of([&] { (void)read_table_bytes(no_rels, "r.xlsx"); }), "xl/_rels/workbook.xml.rels"));
    std::string damaged = lxw_bytes();
    damaged.resize(damaged.size() / 2);
    CHECK(contains(error_of([&] { (void)read_table_bytes(damaged, "half.xlsx"); }), "half.xlsx"));
    std::string flipped = lxw_bytes();
    for (std::size_t i = 200; i < 600; ++i) flipped[i] = static_cast<char>(flipped[i] ^ 0x5A);
    CHECK(error_of([&] { (void)read_table_bytes(flipped, "flipped.xlsx"); }).has_value());
}
