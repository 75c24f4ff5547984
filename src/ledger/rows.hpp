// The rows of a filled ledger or liaison form, however they were read (CSV
// text record by record, or a sheet of an .xlsx through io::read_table):
// the header found, each row checked and turned into entries or forms.
// One reader of a ledger's cells, so every format says the same things.
// Internal to the compiled part.
#ifndef ZJCREDIT_SRC_LEDGER_ROWS_HPP
#define ZJCREDIT_SRC_LEDGER_ROWS_HPP

#include <zjcredit/ledger/io.hpp>
#include <zjcredit/plan/plan.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::ledger::detail {

struct row_table {
    std::string source;                          ///< names the file (and sheet) in errors
    std::vector<std::vector<std::string>> rows;  ///< UTF-8 cells; blank rows may be left out
    std::vector<std::size_t> numbers;            ///< per row: its number as errors give it
    std::vector<std::size_t> lines;              ///< per row: CSV line its record starts on (empty: not CSV)
    bool fixed_width = false;                    ///< CSV text: every row has as many fields as the header
};

/// CSV text (UTF-8) as rows: numbered by record (the header is 1), with
/// each record's first line; a malformed record is a csv_error.
row_table csv_rows(std::string_view text, const std::string& source);

/// The index in t.rows of the header row: the first row with two or more
/// non-empty cells, when rows before it hold one cell at most and it names
/// at least one column of the ledger or the liaison form; nullopt otherwise.
std::optional<std::size_t> find_header(const row_table& t);

/// Reads `t` into `doc`: ledger rows become entries (grouped into
/// submissions and validated, appended to doc.submissions), liaison rows
/// forms (when `liaison` is allowed; otherwise their columns are unknown).
/// Every error is a csv_error.
void read_rows(const row_table& t, const plan::plan& p, const csv_read_options& options, bool liaison,
               ledger_document& doc);

}  // namespace zjcredit::ledger::detail

#endif
