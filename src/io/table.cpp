// Reading a CSV or .xlsx file whole as a table: what it is comes from its
// first bytes (table.hpp).
#include "table.hpp"

#include "read_all.hpp"
#include "xlsx_reader.hpp"

#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

namespace zjcredit::io {

namespace {

bool all_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t n = zjcredit::detail::decode_one(s, i, cp);
        if (n == 0) return false;
        i += n;
    }
    return true;
}

table read_csv_table(std::string bytes, const std::string& name, encoding enc) {
    // The whole file is here: when all of it is UTF-8 it is UTF-8, however
    // late its first non-ASCII byte; otherwise the reader decides at that
    // byte, and says so if the file then changes encoding.
    if (enc == encoding::detect && all_utf8(bytes)) enc = encoding::utf8;
    std::istringstream none;
    csv_reader reader(none, name, enc, std::move(bytes));
    table out;
    out.source = name;
    std::size_t cells = 0;
    std::vector<std::string> fields;
    while (reader.next(fields)) {
        if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return f.empty(); })) continue;
        cells += fields.size();
        if (cells > limits::max_table_cells)
            throw parse_error(name + ":" + std::to_string(reader.line()), "",
                              "a table of more than " + std::to_string(limits::max_table_cells) +
                                  " cells, the most read at once");
        out.rows.push_back(fields);
        out.row_numbers.push_back(reader.line());
    }
    return out;
}

}  // namespace

std::string column_letters(std::size_t column) {
    std::string out;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
    return out;
}

std::string cell_name(const std::string& sheet, std::size_t column, std::size_t row_number) {
    // Excel quotes a sheet name in a reference unless it is letters, digits,
    // '_' and '.' (any non-ASCII letter, such as 贷款明细, included).
    const bool plain = !sheet.empty() && std::all_of(sheet.begin(), sheet.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return u >= 0x80 || std::isalnum(u) != 0 || c == '_' || c == '.';
    });
    std::string name = sheet;
    if (!plain) {
        name = "'";
        for (char c : sheet) name += c == '\'' ? std::string("''") : std::string(1, c);
        name += "'";
    }
    return name + "!" + column_letters(column) + std::to_string(row_number);
}

std::string table::locate(std::size_t row, std::size_t column) const {
    if (row >= row_numbers.size()) return source;
    if (sheet.empty()) return source + ":" + std::to_string(row_numbers[row]);
    return source + ":" + cell_name(sheet, column, row_numbers[row]);
}

table read_table_bytes(std::string bytes, const std::string& name, const table_read_options& options) {
    if (bytes.empty()) throw parse_error(name, "", "an empty file, with no table to read");
    const std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 8));
    if (head.starts_with("PK\x03\x04")) return read_xlsx(bytes, name, options.sheet);
    if (head.starts_with("PK\x05\x06")) throw parse_error(name, "", "an empty zip archive, not an .xlsx workbook");
    if (head == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        throw parse_error(name, "", "an Excel 97-2003 .xls workbook: save it as .xlsx or CSV");
    return read_csv_table(std::move(bytes), name, options.text_encoding);
}

table read_table(const std::string& path, const table_read_options& options) {
    if (path == "-") return read_table_bytes(read_all(std::cin, path), path, options);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, path, "", std::string("cannot open: ") + std::strerror(errno));
    return read_table_bytes(read_all(in, path), path, options);
}

}  // namespace zjcredit::io
