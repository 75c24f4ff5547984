// A bank's own export as a table of text cells: a CSV file (UTF-8 or
// GB18030) or the first (or a named) sheet of an .xlsx workbook, read whole,
// with the cells as the user sees them in Excel. What a file is comes from
// its bytes, never its name: a zip (PK\3\4) is read as .xlsx, anything else
// but an Excel 97-2003 .xls (refused) as CSV. Which row is the header and
// which column is which field is decided above this layer. Internal to the
// compiled part.
//
// CSV: records as io::csv_reader reads them (RFC 4180, LF or CRLF); the
// encoding is decided from the whole file (UTF-8 when all of it is, else at
// its first non-ASCII bytes, see csv_reader); a row's number is the line its
// record starts on. Rows whose fields are all empty (",,,") are skipped like
// blank lines.
//
// .xlsx (src/io/xlsx_reader.hpp says how each kind of cell reads): rows in
// sheet order, a row's number is the sheet's; rows with no non-empty cell
// are skipped; a row ends at its last non-empty cell.
//
// Limits (include/zjcredit/limits.hpp): the file is at most
// max_document_bytes, the table at most max_table_cells; an .xlsx also
// max_xlsx_unpacked_bytes, max_xlsx_entries and max_xlsx_cell_bytes. Every
// failure is a zjcredit::parse_error (errc::io when the file cannot be read)
// naming the file, and the cell where there is one.
#ifndef ZJCREDIT_SRC_IO_TABLE_HPP
#define ZJCREDIT_SRC_IO_TABLE_HPP

#include "csv.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace zjcredit::io {

/// A sheet of text cells as the user sees them, read whole.
struct table {
    std::string source;  ///< the file as named by the caller ("loans.xlsx", "-")
    std::string sheet;   ///< xlsx: the sheet's name ("Sheet1"); CSV: empty
    std::vector<std::vector<std::string>> rows;  ///< every non-blank row, UTF-8; a row may be shorter than others (missing cells are empty)
    std::vector<std::size_t> row_numbers;        ///< per row: CSV the 1-based line the record starts on; xlsx the sheet's 1-based row number
    /// Where a cell is, for errors: "loans.csv:7" for CSV (column not shown),
    /// "loans.xlsx:Sheet1!D7" for xlsx (column 0-based -> letters, AA after Z;
    /// a sheet name with spaces or punctuation quoted as Excel does:
    /// 'My loans'!D7). The file is named because a run can read several.
    /// A row past the end gives the file's name alone.
    std::string locate(std::size_t row, std::size_t column) const;
};

struct table_read_options {
    encoding text_encoding = encoding::detect;  ///< CSV only
    std::string sheet;                          ///< xlsx: sheet by name; empty = the first sheet (a wrong name lists the sheets there are)
};

/// Reads a file whole; "-" is stdin. What it is comes from its content, not its name.
table read_table(const std::string& path, const table_read_options& options = {});

/// The same from bytes already in memory (the C ABI and Python hand over a buffer); `name` is used in messages.
table read_table_bytes(std::string bytes, const std::string& name, const table_read_options& options = {});

/// Excel's letters of a 0-based column: 0 -> "A", 25 -> "Z", 26 -> "AA".
std::string column_letters(std::size_t column);

/// "Sheet1!D7": a cell as Excel names it, the sheet quoted when it must be.
std::string cell_name(const std::string& sheet, std::size_t column, std::size_t row_number);

}  // namespace zjcredit::io

#endif
