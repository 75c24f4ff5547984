// Filled ledgers and liaison forms read back from .xlsx, CSV and JSON
// files, one or many (read.hpp).
#include "../io/csv.hpp"
#include "../io/files.hpp"
#include "../io/read_all.hpp"
#include "../io/table.hpp"
#include "../io/xlsx_reader.hpp"
#include "rows.hpp"

#include <zjcredit/ledger/read.hpp>

#include <fstream>

namespace zjcredit::ledger {
namespace {

bool is_json(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const auto at = text.find_first_not_of(" \t\r\n");
    return at != std::string_view::npos && (text[at] == '{' || text[at] == '[');
}

csv_read_options row_options(const std::string& source, const file_read_options& o) {
    return csv_read_options{source, o.received, o.month};
}

void read_workbook(const std::string& bytes, const std::string& name, const plan::plan& p,
                   const file_read_options& options, ledger_document& doc) {
    const std::vector<std::string> sheets = io::xlsx_sheet_names(bytes, name);
    std::optional<detail::row_table> first;
    bool read_any = false;
    for (const std::string& sheet : sheets) {
        const io::table t = io::read_table_bytes(bytes, name, {.text_encoding = io::encoding::detect, .sheet = sheet});
        detail::row_table rt{name + " [" + sheet + "]", t.rows, t.row_numbers, {}, false};
        if (!detail::find_header(rt)) {  // the instructions sheet, or a sheet left empty
            if (!first) first = std::move(rt);
            continue;
        }
        detail::read_rows(rt, p, row_options(rt.source, options), true, doc);
        read_any = true;
    }
    if (read_any) return;
    if (!first) throw csv_error(errc::parse, name, 1, 0, "", "", "a workbook with no visible sheet");
    detail::read_rows(*first, p, row_options(first->source, options), true, doc);  // throws: no header row
}

}  // namespace

ledger_document read_ledger_bytes(std::string bytes, const std::string& name, const plan::plan& p,
                                  const file_read_options& options) {
    ledger_document doc;
    if (bytes.starts_with("PK\x03\x04")) {
        read_workbook(bytes, name, p, options, doc);
        return doc;
    }
    if (is_json(bytes)) return ledger_from_json(bytes, p);
    const io::encoding enc = io::encoding_named(options.encoding, "encoding");
    const std::string text = io::text_to_utf8(std::move(bytes), name, enc);
    detail::read_rows(detail::csv_rows(text, name), p, row_options(name, options), true, doc);
    return doc;
}

std::vector<std::filesystem::path> ledger_files(std::span<const std::filesystem::path> paths) {
    static constexpr std::string_view kinds[] = {".xlsx", ".csv", ".json"};
    return io::files_of(paths, kinds);
}

ledger_document read_ledger_files(std::span<const std::filesystem::path> paths, const plan::plan& p,
                                  const file_read_options& options) {
    ledger_document all;
    for (const auto& file : ledger_files(paths)) {
        std::ifstream in(file, std::ios::binary);
        if (!in) throw error(errc::io, "path", file.string(), "cannot open the file for reading");
        ledger_document one = read_ledger_bytes(io::read_all(in, file.string()), file.string(), p, options);
        all.submissions.insert(all.submissions.end(), one.submissions.begin(), one.submissions.end());
        all.liaison_forms.insert(all.liaison_forms.end(), one.liaison_forms.begin(), one.liaison_forms.end());
    }
    return all;
}

}  // namespace zjcredit::ledger
