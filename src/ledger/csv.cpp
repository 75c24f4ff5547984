// CSV of the 工作台账: writing (through the shared tables) and reading a
// filled ledger back, every error located by row and column.
#include "../io/atomic_file.hpp"
#include "../io/csv.hpp"
#include "../io/read_all.hpp"
#include "rows.hpp"
#include "table.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/ledger/io.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace zjcredit::ledger {

std::string blank_ledger_csv(const plan::plan& p, const template_options& options) {
    return detail::to_csv(detail::blank_ledger_sheet(p, options));
}

std::string ledger_csv(const plan::plan& p, std::span<const submission> submissions) {
    return detail::to_csv(detail::ledger_sheet(p, submissions));
}

std::string compliance_csv(std::span<const month_compliance> months, const liaison_compliance* liaison) {
    return detail::to_csv(detail::compliance_sheet(months, liaison));
}

std::string chase_csv(std::span<const chase_item> items) { return detail::to_csv(detail::chase_sheet(items)); }

void write_chase_csv(const std::filesystem::path& path, std::span<const chase_item> items) {
    io::write_text_atomically(path, chase_csv(items));
}

void write_blank_ledger_csv(const std::filesystem::path& path, const plan::plan& p, const template_options& options) {
    io::write_text_atomically(path, blank_ledger_csv(p, options));
}

void write_ledger_csv(const std::filesystem::path& path, const plan::plan& p, std::span<const submission> submissions) {
    io::write_text_atomically(path, ledger_csv(p, submissions));
}

void write_compliance_csv(const std::filesystem::path& path, std::span<const month_compliance> months,
                          const liaison_compliance* liaison) {
    io::write_text_atomically(path, compliance_csv(months, liaison));
}

namespace detail {

row_table csv_rows(std::string_view text, const std::string& source) {
    std::istringstream in{std::string(text)};
    io::csv_reader reader(in, source, io::encoding::utf8);
    row_table t;
    t.source = source;
    t.fixed_width = true;
    for (;;) {
        std::optional<std::vector<std::string>> record;
        try {
            record = reader.next();
        } catch (const io::csv_format_error& e) {
            const std::string where =
                e.line() != e.record() ? " (record starting on line " + std::to_string(e.line()) + ")" : "";
            std::string name;  // the column's name, once the header has been read
            if (const auto h = find_header(t); h && e.column() >= 1 && e.column() <= t.rows[*h].size())
                name = t.rows[*h][e.column() - 1];
            throw csv_error(errc::parse, source, e.record(), e.column(), name, e.field_text(), e.detail() + where);
        }
        if (!record) break;
        t.rows.push_back(std::move(*record));
        t.numbers.push_back(reader.record());
        t.lines.push_back(reader.line());
    }
    return t;
}

}  // namespace detail

std::vector<submission> read_ledger_csv(std::string_view text, const plan::plan& p, const csv_read_options& options) {
    ledger_document doc;
    detail::read_rows(detail::csv_rows(text, options.source), p, options, false, doc);
    return doc.submissions;
}

std::vector<submission> read_ledger_csv_file(const std::filesystem::path& path, const plan::plan& p,
                                             csv_read_options options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "path", path.string(), "cannot open the file for reading");
    std::string text = io::read_all(in, path.string());
    if (options.source == csv_read_options{}.source) options.source = path.filename().string();
    return read_ledger_csv(text, p, options);
}

}  // namespace zjcredit::ledger
