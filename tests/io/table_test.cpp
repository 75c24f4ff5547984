// io::read_table / read_table_bytes: what a file is comes from its bytes,
// never its name; CSV tables; where a cell is (locate).
#include "test_util.hpp"

#include "../../src/io/table.hpp"

#include <doctest/doctest.h>

#include <xlsxwriter.h>

using namespace zjcredit::io;
using namespace zjcredit::io::test;

namespace {

using rows_t = std::vector<std::vector<std::string>>;

std::string tiny_xlsx() {
    const auto path = temp_path("tiny.xlsx");
    lxw_workbook* wb = workbook_new(path.c_str());
    lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
    worksheet_write_string(ws, 0, 0, "a", nullptr);
    worksheet_write_number(ws, 0, 1, 2.5, nullptr);
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    std::string bytes = slurp(path);
    std::filesystem::remove(path);
    return bytes;
}

}  // namespace

TEST_CASE("a CSV table: title rows, blank lines and all-empty records skipped, line numbers kept") {
    const std::string csv =
        "\xEF\xBB\xBF湛江市首贷贴息台账,,\r\n"
        "\r\n"
        ",,\r\n"
        "借款人,贷款金额,放款日期\r\n"
        "\"张,三\",1234.56,2022-04-01\r\n"
        "\"多\n行\",1,\r\n"
        "李四\r\n";
    const table t = read_table_bytes(csv, "loans.csv");
    CHECK(t.source == "loans.csv");
    CHECK(t.sheet.empty());
    const rows_t expected = {
        {"湛江市首贷贴息台账", "", ""},
        {"借款人", "贷款金额", "放款日期"},
        {"张,三", "1234.56", "2022-04-01"},
        {"多\n行", "1", ""},
        {"李四"},
    };
    CHECK(t.rows == expected);
    CHECK(t.row_numbers == std::vector<std::size_t>{1, 4, 5, 6, 8});
    CHECK(t.locate(2, 1) == "loans.csv:5");
    CHECK(t.locate(99, 0) == "loans.csv");
}

TEST_CASE("a GB18030 CSV table, detected and forced") {
    // 借款人 / 张三 in GB18030 (Python: "张三".encode("gb18030") == b"\xd5\xc5\xc8\xfd")
    const std::string gb = "name,\xBD\xE8\xBF\xEE\xC8\xCB\r\nx,\xD5\xC5\xC8\xFD\r\n";
    CHECK(read_table_bytes(gb, "gb.csv").rows == rows_t{{"name", "借款人"}, {"x", "张三"}});
    table_read_options o;
    o.text_encoding = encoding::gb18030;
    CHECK(read_table_bytes(gb, "gb.csv", o).rows == rows_t{{"name", "借款人"}, {"x", "张三"}});
    o.text_encoding = encoding::utf8;
    CHECK(contains(error_of([&] { (void)read_table_bytes(gb, "gb.csv", o); }), "gb.csv:1"));
}

TEST_CASE("what a file is comes from its bytes, not its name") {
    const std::string xlsx = tiny_xlsx();
    // an .xlsx named .csv is read as a workbook
    const table t = read_table_bytes(xlsx, "loans.csv");
    CHECK(t.sheet == "Sheet1");
    CHECK(t.rows == rows_t{{"a", "2.5"}});
    CHECK(t.locate(0, 1) == "loans.csv:Sheet1!B1");
    // text named .xlsx is read as CSV
    const table c = read_table_bytes("a,b\n1,2\n", "loans.xlsx");
    CHECK(c.sheet.empty());
    CHECK(c.rows == rows_t{{"a", "b"}, {"1", "2"}});
    // Excel 97-2003
    const std::string xls = std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0');
    CHECK(contains(error_of([&] { (void)read_table_bytes(xls, "old.xlsx"); }),
                   "an Excel 97-2003 .xls workbook: save it as .xlsx or CSV"));
    // a zip that is not a workbook, an empty zip, an empty file, garbage after the zip magic
    CHECK(contains(error_of([] { (void)read_table_bytes(make_zip({{"a.txt", "x"}}), "a.csv"); }),
                   "a zip archive, not an .xlsx workbook"));
    CHECK(contains(error_of([] { (void)read_table_bytes(std::string("PK\x05\x06", 4) + std::string(18, '\0'), "e.xlsx"); }),
                   "not an .xlsx workbook"));
    CHECK(contains(error_of([] { (void)read_table_bytes("", "empty.csv"); }), "empty.csv: an empty file"));
    CHECK(contains(error_of([] { (void)read_table_bytes(std::string("PK\x03\x04", 4) + "junk", "j.xlsx"); }),
                   "j.xlsx: a damaged zip archive"));
}

TEST_CASE("read_table reads a file by path, whatever its name says") {
    const auto p = temp_path("looks_like.csv");
    {
        std::ofstream out(p, std::ios::binary);
        out << tiny_xlsx();
    }
    const table t = read_table(p.string());
    CHECK(t.source == p.string());
    CHECK(t.rows == rows_t{{"a", "2.5"}});
    std::filesystem::remove(p);
    const auto e = error_of([&] { (void)read_table(p.string()); });
    CHECK(contains(e, "cannot open"));
}

TEST_CASE("cell names: column letters and quoted sheet names") {
    CHECK(column_letters(0) == "A");
    CHECK(column_letters(3) == "D");
    CHECK(column_letters(25) == "Z");
    CHECK(column_letters(26) == "AA");
    CHECK(column_letters(27) == "AB");
    CHECK(column_letters(701) == "ZZ");
    CHECK(column_letters(702) == "AAA");
    CHECK(column_letters(16383) == "XFD");
    CHECK(cell_name("Sheet1", 3, 7) == "Sheet1!D7");
    CHECK(cell_name("贷款明细", 0, 1) == "贷款明细!A1");
    CHECK(cell_name("My loans", 0, 1) == "'My loans'!A1");
    CHECK(cell_name("O'Brien", 1, 2) == "'O''Brien'!B2");
}
