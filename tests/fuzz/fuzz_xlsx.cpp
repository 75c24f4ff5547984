// The table reader (src/io/table.hpp) on .xlsx. The first byte chooses:
//  * even: the rest, as raw bytes, into read_table_bytes (zip or CSV or
//    anything): only zjcredit::error may come out, and what is read is
//    valid UTF-8 with one row number per row, increasing;
//  * odd: the rest describes a grid of cells that libxlsxwriter (an
//    independent writer) writes as a workbook: strings, numbers that are
//    exact decimals of at most 15 significant digits (written as the nearest
//    double), dates with a date format. Read back, every cell must be the
//    text it was made from: the string, the decimal in plain text, the date
//    as YYYY-MM-DD; blank rows gone, row numbers the sheet's.
#include "fuzz_common.hpp"

#include "../../src/io/table.hpp"

#include <xlsxwriter.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

namespace {

/// Bytes handed out one at a time; zeros once they run out.
struct bytes_in {
    const std::uint8_t* p;
    std::size_t n;
    unsigned next() {
        if (n == 0) return 0;
        --n;
        return *p++;
    }
    bool empty() const { return n == 0; }
};

/// A string cell's text: ASCII that XML must escape, spaces at the ends,
/// Chinese; never '_' (OOXML's _xHHHH_ escapes are the writer's business).
std::string make_string(bytes_in& in) {
    static const char* const pieces[] = {"a", "Z", "0", " ", ",", "\"", "<", ">", "&", "'", "\t", "#",
                                         "贷", "款", "湛江", "（元）", "年", "-", ".", "E"};
    const unsigned len = 1 + in.next() % 12;
    std::string s;
    for (unsigned k = 0; k < len; ++k) s += pieces[in.next() % (sizeof pieces / sizeof pieces[0])];
    return s;
}

/// A decimal of at most 15 significant digits as plain text, e.g. "-0.0012".
std::string make_decimal(bytes_in& in) {
    std::uint64_t m = 0;
    for (int k = 0; k < 7; ++k) m = (m << 8) | in.next();
    m %= 1'000'000'000'000'000ULL;  // < 10^15: at most 15 digits
    const unsigned scale = in.next() % 20;  // digits after the point
    const bool negative = (in.next() & 1U) != 0 && m != 0;
    std::string digits = std::to_string(m);
    if (digits.size() <= scale) digits.insert(0, scale - digits.size() + 1, '0');
    std::string text = digits.substr(0, digits.size() - scale);
    std::string fraction = digits.substr(digits.size() - scale);
    while (!fraction.empty() && fraction.back() == '0') fraction.pop_back();
    if (!fraction.empty()) text += "." + fraction;
    return negative ? "-" + text : text;
}

std::string two(unsigned v) { return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)}; }

int property(bytes_in in) {
    const unsigned rows = 1 + in.next() % 6;
    const unsigned cols = 1 + in.next() % 5;
    std::vector<std::vector<std::string>> expected_rows;
    std::vector<std::size_t> expected_numbers;
    char path[] = "/tmp/zjc_fuzz_xlsx_XXXXXX";
    const int fd = mkstemp(path);
    if (fd < 0) return 0;
    close(fd);
    lxw_workbook* wb = workbook_new(path);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "表1");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    for (unsigned r = 0; r < rows; ++r) {
        std::vector<std::string> row;
        for (unsigned c = 0; c < cols; ++c) {
            const auto rr = static_cast<lxw_row_t>(r);
            const auto cc = static_cast<lxw_col_t>(c);
            std::string text;
            switch (in.next() % 4) {
                case 0:  // no cell
                    break;
                case 1:
                    text = make_string(in);
                    worksheet_write_string(ws, rr, cc, text.c_str(), nullptr);
                    break;
                case 2:
                    text = make_decimal(in);
                    worksheet_write_number(ws, rr, cc, std::strtod(text.c_str(), nullptr), nullptr);
                    break;
                default: {
                    const unsigned y = 1901 + (in.next() << 8 | in.next()) % 8099;  // to 9999
                    const unsigned m = 1 + in.next() % 12;
                    const unsigned d = 1 + in.next() % 28;
                    lxw_datetime dt = {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d), 0, 0, 0};
                    worksheet_write_datetime(ws, rr, cc, &dt, date);
                    text = std::to_string(y) + "-" + two(m) + "-" + two(d);
                }
            }
            row.push_back(text);
        }
        while (!row.empty() && row.back().empty()) row.pop_back();
        if (!row.empty()) {
            expected_rows.push_back(row);
            expected_numbers.push_back(r + 1);
        }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) {
        std::remove(path);
        return 0;
    }
    std::ifstream file(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::remove(path);
    must([&] {
        const io::table t = io::read_table_bytes(bytes, "fuzz.xlsx");
        ZJC_FUZZ_CHECK(t.sheet == "表1");
        ZJC_FUZZ_CHECK(t.row_numbers == expected_numbers, "row numbers");
        ZJC_FUZZ_CHECK(t.rows.size() == expected_rows.size(), "row count");
        for (std::size_t r = 0; r < t.rows.size(); ++r)
            for (std::size_t c = 0; c < std::max(t.rows[r].size(), expected_rows[r].size()); ++c) {
                const std::string got = c < t.rows[r].size() ? t.rows[r][c] : "";
                const std::string want = c < expected_rows[r].size() ? expected_rows[r][c] : "";
                ZJC_FUZZ_CHECK(got == want, t.locate(r, c) + ": read \"" + got + "\", written \"" + want + "\"");
            }
    }, "libxlsxwriter cells read back");
    return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    if ((data[0] & 1U) != 0) return property({data + 1, size - 1});
    const std::string bytes(fuzz::as_text(data + 1, size - 1));
    io::table t;
    if (!accepts([&] { t = io::read_table_bytes(bytes, "fuzz.xlsx"); }, "read_table_bytes")) return 0;
    ZJC_FUZZ_CHECK(t.rows.size() == t.row_numbers.size(), "one row number per row");
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        ZJC_FUZZ_CHECK(r == 0 || t.row_numbers[r] > t.row_numbers[r - 1], "row numbers increase");
        for (const auto& cell : t.rows[r]) ZJC_FUZZ_CHECK(fuzz::valid_utf8(cell), "a cell that is not UTF-8");
    }
    return 0;
}
