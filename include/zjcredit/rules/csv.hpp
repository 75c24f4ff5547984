// The rules' records from CSV rows (compiled part: link zjcredit::json): the
// columns of a loan and of a core enterprise's financings, and the reading
// of one record from its consecutive rows (docs/records.md, "CSV"). The CSV
// text itself (quoting, encodings, line numbers) is split by the caller, the
// CLI's batches for one; these functions read the cells.
//
// Cells are read by the one cell reader of banks' tables (src/rules/cells.hpp,
// docs/columns.md): amounts as JSON strings are, dates also as banks write
// them (dates::parse_table_date), borrower kinds also in Chinese, and a rate
// only with its "%" (a bare number's unit is not known here, so it is
// refused, never guessed); errors are located at the cell's file and line
// ("loans.csv:3: balance: ...").
#ifndef ZJCREDIT_RULES_CSV_HPP
#define ZJCREDIT_RULES_CSV_HPP

#include <zjcredit/error.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

// ---- columns -----------------------------------------------------------------

/// The columns of a loan (first_loan_subsidy), all required. One row per
/// balance range; the rows of a loan are consecutive and share `borrower`
/// and every column up to `period_to`.
inline constexpr std::array<std::string_view, 12> loan_csv_columns = {
    "borrower",    "borrower_kind", "first_application_date", "via_platform", "local_legal_person_lender",
    "first_loan",  "annual_rate",   "period_from",            "period_to",    "balance_from",
    "balance_to",  "balance",
};
/// The column whose value groups rows into one loan.
inline constexpr std::string_view loan_csv_key = "borrower";

/// The columns of a core enterprise's claim (receivables_reward). One row
/// per financing; the rows of a claim are consecutive and share
/// `core_enterprise`. `end` and `days` may be absent or empty (the rule
/// wants exactly one of them per financing).
inline constexpr std::array<std::string_view, 7> financing_csv_columns = {
    "core_enterprise", "sme", "amount", "start", "end", "days", "confirmed_on_platform",
};
/// Those of financing_csv_columns a file must have.
inline constexpr std::array<std::string_view, 5> financing_csv_required = {
    "core_enterprise", "sme", "amount", "start", "confirmed_on_platform",
};
/// The column whose value groups rows into one claim.
inline constexpr std::string_view financing_csv_key = "core_enterprise";

// ---- cells -------------------------------------------------------------------

/// A yes/no cell: true, 1, yes, y, Y, TRUE, True, 是 are true; false, 0, no,
/// n, N, FALSE, False, 否 are false; anything else is a parse_error naming
/// `field` and quoting the text.
bool parse_flag(std::string_view text, std::string_view field);

// ---- records -----------------------------------------------------------------

/// The consecutive rows of one record as a CSV reader split them. A column
/// missing from `header`, or a row shorter than it, reads as an empty cell.
struct csv_rows {
    std::string_view source;                       ///< the file, named in errors ("loans.csv")
    std::span<const std::string> header;           ///< column names, in the file's order (spaces around a name are ignored)
    std::span<const std::vector<std::string>> rows;  ///< cells, in header order
    std::span<const std::size_t> lines;            ///< the line each row starts on, one per row
};

/// An error in a record's rows, located at the row's line: what() and
/// field() read "loans.csv:3: balance: ..." (the form of every located
/// error of the CLI). code() is errc::parse for a cell that is not a
/// value of its column, errc::validation for a record-level cell that
/// differs between rows or a value the rule refuses (a term of 0 days),
/// whatever the error read had.
class csv_record_error : public error {
public:
    /// `e` located at `line` of `source`: its code, text, detail and position
    /// kept, its field prefixed with "source:line". `row` indexes csv_rows::rows.
    csv_record_error(const error& e, std::string_view source, std::size_t row, std::size_t line)
        : error(e.code(), locate(source, line, e.field()), e.text(), e.detail(), e.position()),
          source_(source),
          row_(row),
          line_(line),
          column_(e.field()) {}

    /// The file, as csv_rows::source names it ("loans.csv").
    const std::string& source() const noexcept { return source_; }
    /// 0-based index of the row in csv_rows::rows.
    std::size_t row() const noexcept { return row_; }
    /// The row's line in the file.
    std::size_t line() const noexcept { return line_; }
    /// The field as named before locating it: a column ("days") or the
    /// rule's path ("financings[1].days").
    const std::string& column() const noexcept { return column_; }

    /// "source:line" and, when `field` is not empty, ": field".
    static std::string locate(std::string_view source, std::size_t line, const std::string& field) {
        std::string out = std::string(source) + ":" + std::to_string(line);
        if (!field.empty()) out += ": " + field;
        return out;
    }

private:
    std::string source_;
    std::size_t row_;
    std::size_t line_;
    std::string column_;
};

/// A loan from its rows (at least one): the loan's columns from the first
/// row, one balance range per row. Throws csv_record_error for a bad cell
/// (a date, rate, amount or flag its reader refuses, a bare rate; an
/// unknown borrower_kind) or a loan column that differs from the first row's.
/// The rule's own checks (ranges in order, the period covered, ...) are
/// left to first_loan_subsidy, as for a record read from JSON.
loan_record loan_from_csv(const csv_rows& rows);

/// A core enterprise's claim from its rows (at least one): one financing per
/// row. Throws csv_record_error for a bad cell or a core_enterprise that
/// differs from the first row's. A `days` cell must be a whole number
/// (else errc::parse, field "days"); a whole number the rule refuses (under
/// one day, a term past 9999-12-31) is the rule's validation error, named
/// as the JSON reader's record names it ("financings[1].days"), at the
/// financing's own line. Other rule checks are left to receivables_reward.
receivables_record receivables_from_csv(const csv_rows& rows);

}  // namespace zjcredit::rules

#endif
