// The CSV reader decides the encoding at the file's first non-ASCII bytes,
// wherever they are: a file whose first 4 KiB are ASCII and whose later rows
// are GB18030 is GB18030 (it used to be taken for UTF-8 and fail), and a
// file that then changes encoding gets an error that says so.
#include "test_util.hpp"

#include "../../src/io/csv.hpp"
#include "../../src/io/table.hpp"

#include <doctest/doctest.h>

using namespace zjcredit::io;
using namespace zjcredit::io::test;

namespace {

using rows_t = std::vector<std::vector<std::string>>;

const std::string zhang_san_gb = "\xD5\xC5\xC8\xFD";  // 张三 in GB18030
const std::string li_si_gb = "\xC0\xEE\xCB\xC4";      // 李四 in GB18030

/// 200 ASCII lines (more than 4 KiB), then `tail`.
std::string ascii_then(const std::string& tail, rows_t& expected) {
    std::string text = "id,name,amount\r\n";
    expected = {{"id", "name", "amount"}};
    for (int i = 1; i <= 200; ++i) {
        const std::string id = std::to_string(i);
        text += id + ",company number " + id + ",1234.56\r\n";
        expected.push_back({id, "company number " + id, "1234.56"});
    }
    REQUIRE(text.size() > 4096);
    return text + tail;
}

rows_t stream_all(const std::string& bytes, encoding enc = encoding::detect) {
    std::istringstream in(bytes);
    csv_reader reader(in, "big.csv", enc);
    rows_t out;
    while (auto r = reader.next()) out.push_back(std::move(*r));
    return out;
}

}  // namespace

TEST_CASE("4 KiB+ of ASCII then GB18030 rows: streamed and read whole") {
    rows_t expected;
    const std::string bytes = ascii_then("201," + zhang_san_gb + ",1\r\n202,\"" + li_si_gb + "\",2\r\n", expected);
    expected.push_back({"201", "张三", "1"});
    expected.push_back({"202", "李四", "2"});
    CHECK(stream_all(bytes) == expected);
    CHECK(read_table_bytes(bytes, "big.csv").rows == expected);

    // The same through the fast path of the CLI's batches: ASCII lines are
    // plain while the encoding is undecided, the GB18030 ones are not.
    std::istringstream in(bytes);
    csv_reader reader(in, "big.csv");
    std::string line;
    std::vector<std::size_t> ends;
    std::size_t plain = 0;
    while (reader.next_line(line, ends)) ++plain;
    CHECK(plain == 201);
    // Looking at line 202 for the fast path decided it.
    CHECK(reader.detected() == encoding::gb18030);
    const auto gb_row = reader.next();
    REQUIRE(gb_row);
    CHECK(*gb_row == std::vector<std::string>{"201", "张三", "1"});
    CHECK(reader.detected() == encoding::gb18030);
    CHECK(reader.line() == 202);
}

TEST_CASE("4 KiB+ of ASCII then UTF-8 rows are UTF-8") {
    rows_t expected;
    const std::string bytes = ascii_then("201,张三,1\n", expected);
    expected.push_back({"201", "张三", "1"});
    CHECK(stream_all(bytes) == expected);
    CHECK(read_table_bytes(bytes, "big.csv").rows == expected);
}

TEST_CASE("UTF-8 rows, then a GB18030 row: the error says the file mixes encodings") {
    rows_t expected;
    const std::string bytes = ascii_then("201,张三,1\r\n202,x,2\r\n203," + li_si_gb + ",3\r\n", expected);
    for (const auto& e : {error_of([&] { (void)stream_all(bytes); }),
                          error_of([&] { (void)read_table_bytes(bytes, "big.csv"); })}) {
        CHECK(contains(e, "big.csv:204"));
        CHECK(contains(e, "not UTF-8"));
        CHECK(contains(e, "line 202"));
        CHECK(contains(e, "mix of encodings"));
    }
    // The same in a quoted field (the general path).
    const std::string quoted = ascii_then("201,张三,1\r\n203,\"" + li_si_gb + "\",3\r\n", expected);
    CHECK(contains(error_of([&] { (void)stream_all(quoted); }), "mix of encodings"));
}

TEST_CASE("the decision and its errors are unchanged for what was already right") {
    // A UTF-8 file from its first line, and one with a BOM.
    CHECK(stream_all("名,额\n张三,1\n") == rows_t{{"名", "额"}, {"张三", "1"}});
    CHECK(contains(error_of([&] { (void)stream_all("\xEF\xBB\xBFname\n" + zhang_san_gb + "\n"); }), "invalid UTF-8"));
    // A GB18030 file from its first line.
    CHECK(stream_all(zhang_san_gb + "," + li_si_gb + "\n") == rows_t{{"张三", "李四"}});
    // Forced UTF-8 on GB18030 bytes: not a "mix".
    const auto forced = error_of([&] { (void)stream_all("a\n" + zhang_san_gb + "\n", encoding::utf8); });
    CHECK(contains(forced, "invalid UTF-8"));
    CHECK_FALSE(contains(forced, "mix"));
}
