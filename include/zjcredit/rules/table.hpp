// A bank's own table of loans (CSV in UTF-8 or GB18030, or .xlsx) read as
// the subsidy's records, and each loan's result with its arithmetic in one
// line (compiled part: link zjcredit::io). Columns are found by name
// (rules/columns.hpp); title rows above the header are skipped; columns the
// rule does not use are carried through; rows are grouped into loans by
// loan_id when the table has one, else by consecutive borrower. A loan is
// given either as a balance schedule (one row per range) or as its
// drawdown, with its repayments in a second table and an optional
// settlement date (rules/loan_events.hpp). docs/columns.md lists it all.
#ifndef ZJCREDIT_RULES_TABLE_HPP
#define ZJCREDIT_RULES_TABLE_HPP

#include <zjcredit/error.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace zjcredit::rules {

/// How to read a table beyond what its header says.
struct table_options {
    /// Your header → field, for names the known ones do not cover.
    std::vector<std::pair<std::string, std::string>> columns;
    /// The unit of bare numbers in a rate column whose header gives none.
    money::rate_unit rate_unit = money::rate_unit::undeclared;
    /// The claim period of every loan, instead of period_from/period_to columns.
    std::optional<date_range> period;
    /// xlsx: the sheet to read (empty: the first).
    std::string sheet;
    /// CSV: "utf-8", "gb18030" or empty (detected).
    std::string encoding;
    /// A table of repayments (loan_id, date, amount), or empty.
    std::string repayments;
};

/// A record refused while it was read or computed: its error, located.
struct record_error {
    errc code = errc::parse;  ///< the error's code, as error::code() gave it
    std::string message;  ///< "loans.csv:7: annual_rate: ..." or "Sheet1!K7: ..."
    /// The error's parts (error::field(), text(), detail(), position()), so
    /// that subsidy_for_table() throws it again as it was: field
    /// "loans.csv:7: annual_rate", text "4.35" as written.
    std::string field;
    std::string text;                    ///< the offending text as written ("4.35")
    std::string detail;                  ///< the message without field and text
    std::size_t position = error::npos;  ///< offset in `text`, in code points; npos when none
};

/// Where the cells of a table's carried columns are, for errors about them
/// found after the table was read (the screen's checks of borrower_id and lender).
struct carried_places {
    std::string source;                     ///< the file as messages name it
    std::string sheet;                      ///< xlsx: the sheet read; CSV: empty
    std::vector<std::size_t> sheet_column;  ///< per carried column, its column in the sheet (0-based)
    std::vector<std::string> label;         ///< per carried column, as errors name it ("统一社会信用代码 (borrower_id)")

    /// Carried column `carried` of the table row numbered `row_number`, as
    /// the reader's own errors say where: "甲.csv:7: 统一社会信用代码
    /// (borrower_id)", "甲.xlsx:贷款明细!C7: 统一社会信用代码 (borrower_id)".
    std::string locate(std::size_t carried, std::size_t row_number) const;
};

/// One loan of a table.
struct table_loan {
    std::string borrower;                 ///< the borrower cell of the loan's first row, as written
    std::string loan_id;                  ///< empty when the table has no loan_id column
    std::vector<std::string> carried;     ///< the carried columns' cells, from the loan's first row
    std::vector<std::size_t> lines;       ///< the table rows of the loan (CSV line / sheet row numbers)
    std::vector<std::vector<std::string>> cells;  ///< those rows as read, for a rejects file
    std::optional<loan_record> record;    ///< the loan, or
    std::optional<record_error> error;    ///< why it was refused
    std::string rate_text;                ///< the annual rate as written, and
    std::string rate_where;               ///< its cell and header ("loans.xlsx:Sheet1!J7: 利率(%) (annual_rate)"), for the rule's errors
};

/// A table of loans, read.
struct loan_table {
    std::string source;                       ///< the file's path or the name given, as messages quote it
    std::vector<std::string> header;          ///< the header row as written
    std::string borrower_header;              ///< as written ("借款人名称")
    std::string loan_id_header;               ///< as written, empty when none
    std::vector<std::string> carried_header;  ///< headers of the carried columns, in the table's order
    std::vector<std::string> carried_field;   ///< per carried column, the field it names ("borrower_id", "lender") or ""
    std::vector<table_loan> loans;            ///< in the order they first appear
    carried_places places;                    ///< where the carried cells are, for errors found after reading
};

/// The carried column (an index into carried_header) of `field`: by the
/// reader's map, so a header mapped with table_options::columns counts; by
/// the header's name for a table put together without carried_field.
std::optional<std::size_t> find_carried(const loan_table& table, std::string_view field);

/// Reads the loans of the table in `path` ("-": stdin) with `options`.
/// Throws for what concerns the whole table (no header row, a required
/// column missing, two columns for one field, an unreadable file, a
/// repayment for no loan); a bad cell or loan is that loan's `error`.
loan_table read_loan_table(const std::string& path, const table_options& options = {});
/// The same from a table already in memory (CSV text or .xlsx bytes); `name` is used in messages.
loan_table read_loan_table_bytes(std::string bytes, const std::string& name, const table_options& options = {});

/// A loan's subsidy as a table row shows it.
struct subsidy_row {
    bool eligible = false;        ///< the loan meets every condition of 首贷贴息
    money::amount amount;         ///< the subsidy paid; 0.00 when not eligible
    std::vector<reason> reasons;  ///< why nothing or less than the formula was paid
    /// For an eligible loan, its arithmetic in one line ("积数 91000000.00 ×
    /// 1% ÷ 360 = 2527.777777… 元，四舍五入到分为 2527.78 元", naming the
    /// balance cap or the longest subsidy period when they cut the 积数;
    /// rules/arithmetic.hpp); empty otherwise.
    std::string arithmetic_zh;
    std::string arithmetic_en;  ///< the same line in English; empty when not eligible
};

/// The subsidy of one loan with its arithmetic. Throws what first_loan_subsidy() throws.
subsidy_row subsidy_for_table(const loan_record& loan, const plan::plan& p);

/// The subsidy of a loan of a table: its record's, or its error. An error
/// of the rule is located at the loan's first row, and one about the
/// annual rate (above the plausible bound, say) at the rate's cell, quoting
/// the rate as written ("4.35" read as a fraction is 435%).
subsidy_row subsidy_for_table(const loan_table& table, const table_loan& loan, const plan::plan& p);

/// A claim period written "2022-04-01..2022-06-30" (dates as a table writes
/// them); a parse_error naming `field` otherwise, or when it ends before it starts.
date_range parse_period(std::string_view text, std::string_view field = "period");

/// table_options from JSON, the form the C ABI and Python hand over:
/// {"columns": {"客户号": "borrower_id"}, "rate_unit": "percent"|"fraction",
/// "period": "2022-04-01..2022-06-30", "sheet": "...", "encoding":
/// "utf-8"|"gb18030", "repayments": "path"}, every key optional; unknown
/// keys are errors.
table_options table_options_from_json(std::string_view json);

/// A table named in a request, with the lender it is said to be from ("" when not said).
struct listed_table {
    loan_table table;    ///< the loans, read
    std::string lender;  ///< "lender" of its entry: the lender of a file without a 贷款机构 column
};

/// The tables of a request, the form the C ABI and Python hand over: a JSON
/// array of {"path": "file"} or {"text": "CSV text", "name": "its name"},
/// each with an optional "lender" (only when `lender_allowed`) and an
/// optional "repayments" (the path of its own repayments table, for
/// `options.repayments`); each read with `options`. Errors name the entry
/// ("tables[1]") or the table's cell.
std::vector<listed_table> read_tables_json(std::string_view text, const table_options& options, bool lender_allowed);

/// A loans table's results as JSON: {"columns": [the lead columns: borrower,
/// loan_id when present, the carried ones as written], "rows": [{"cells":
/// [...], "eligible": true, "amount": "1850.00", "reasons": ["code", ...],
/// "reason_zh": "...", "message": "the arithmetic or the reasons in words",
/// "error": null or the loan's located error}], "total": "...", "eligible":
/// n}. A loan in error is a row with its error (amount "0.00"); what concerns
/// the whole table throws.
std::string subsidy_table_json(std::string bytes, const std::string& name, const table_options& options,
                               const plan::plan& p);

}  // namespace zjcredit::rules

#endif
