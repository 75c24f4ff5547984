// One sheet of an .xlsx workbook as a table of text cells, read through
// libzip (the archive) and expat (the XML parts); io::read_table calls it for
// bytes that are a zip. Internal to the compiled part.
//
// The parts: _rels/.rels (where the workbook is, else xl/workbook.xml), the
// workbook and its rels (the sheets by name and order, workbookPr date1904),
// sharedStrings (rich text runs concatenated, phonetic runs left out),
// styles (cellXfs' numFmtId and the custom numFmts: which numbers are dates
// and which percents)
// and the sheet. No DOCTYPE is accepted in any part (no entities at all).
//
// A cell reads as Excel shows it:
//  * strings (shared, inline, a formula's string) as stored, with OOXML's
//    _xHHHH_ escapes of control characters decoded;
//  * numbers: the stored text rounded exactly, in decimal, to 15 significant
//    digits half-up, as plain decimal text without trailing zeros or
//    exponent (1234.5599999999999 -> "1234.56", 1E-3 -> "0.001"); more than
//    30 digits before or after the point is an error;
//  * numbers styled as percents (built-in formats 9 and 10, or a custom
//    format with % outside quotes and brackets): the value × 100 with "%",
//    as Excel shows it (0.0435 -> "4.35%"), so a rate cell shown as 4.35%
//    is read as 4.35% whatever its header says;
//  * numbers styled as dates (built-in formats 14-22, 27-36, 45-47, 50-58,
//    the last two ranges being the Chinese locale's 年月日 formats, or a
//    custom format with y, m, d, h or s outside quotes and brackets): the
//    serial in the workbook's date system as "YYYY-MM-DD", or
//    "YYYY-MM-DD HH:MM:SS" (rounded to the second) when it has a time of day;
//    serial 60 of the 1900 system (1900-02-29, which never was), serials
//    before the first day and after 9999-12-31 are errors;
//  * booleans "TRUE" / "FALSE"; t="d" cells (ISO 8601 text) as dates;
//  * error cells (#N/A, #DIV/0!, ...) and formulas with no cached value are
//    errors naming the cell ("Sheet1!D7").
// The first sheet is the first one in the workbook's order that is not
// hidden. Merged cells hold their value in the top-left cell only.
#ifndef ZJCREDIT_SRC_IO_XLSX_READER_HPP
#define ZJCREDIT_SRC_IO_XLSX_READER_HPP

#include "table.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::io {

/// The sheet named `sheet` (empty: the first visible one) of the workbook in
/// `bytes` (a zip archive). `source` names the file in messages. Throws
/// parse_error: not a workbook, a missing or malformed part, a sheet name
/// not there (listing those that are), a bad cell (naming it), a limit.
table read_xlsx(std::string_view bytes, const std::string& source, const std::string& sheet);

/// A number cell's stored text as Excel shows it (see above); `cell` names
/// the cell in errors.
std::string xlsx_number_text(std::string_view stored, const std::string& cell);

/// A date-styled number cell's stored text as a date (or date and time) in
/// the 1900 or 1904 date system (see above); `cell` names the cell in errors.
std::string xlsx_serial_text(std::string_view stored, bool date1904, const std::string& cell);

/// Whether a number format code shows a date or time: y, m, d, h or s
/// outside quoted text, [brackets], \-escapes and _/* fillers.
bool xlsx_is_date_format(std::string_view code);

/// A percent-styled number cell's stored text as Excel shows it: the value
/// × 100 with "%" (0.0435 -> "4.35%"), at the 15 significant digits of the
/// stored number (not cut to the format's decimals); `cell` names the cell.
std::string xlsx_percent_text(std::string_view stored, const std::string& cell);

/// Whether a number format code shows a percent: % outside quoted text,
/// [brackets], \-escapes and _/* fillers (built-in formats 9 and 10 are).
bool xlsx_is_percent_format(std::string_view code);

/// The names of the workbook's visible sheets, in its order (a reader of
/// every sheet, such as the ledger's, reads them one by one by name).
std::vector<std::string> xlsx_sheet_names(std::string_view bytes, const std::string& source);

}  // namespace zjcredit::io

#endif
