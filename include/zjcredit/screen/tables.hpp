// The screen's input from banks' tables (rules/table.hpp: CSV in UTF-8 or
// GB18030, or .xlsx, columns by name as docs/columns.md lists them): the
// loans of one or more files, with each loan's borrower_id (统一社会信用代码)
// and lender taken from their columns, or the lender from the caller for a
// file that has no lender column (compiled part: link zjcredit::io).
#ifndef ZJCREDIT_SCREEN_TABLES_HPP
#define ZJCREDIT_SCREEN_TABLES_HPP

#include <zjcredit/rules/table.hpp>
#include <zjcredit/screen/screen.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::screen {

/// Loans read from tables: owns the columns and strings a screen_input views.
class screen_table {
public:
    /// Adds the loans of `table`. `lender` names the lender of a table
    /// without a lender column (贷款机构); a table with neither, or without a
    /// borrower_id column (统一社会信用代码), is a parse_error naming it. When
    /// `lender_named_for_table`, `lender` was named for this table alone, and
    /// a lender column in it contradicts that: a parse_error too, rather than
    /// one of the two silently winning. A loan the reader refused is kept as
    /// a row error with its located message.
    void add(const rules::loan_table& table, const std::string& lender = {}, bool lender_named_for_table = false);

    /// The view the screen reads; valid until the next add(), and while
    /// this table is (its spans view the table's columns). Its `locate` is
    /// field_where(), and holds what it needs itself.
    screen_input input();

    /// How many loans were added, refused ones included.
    std::size_t size() const noexcept { return kind_.size(); }
    /// Where loan i was read ("loans.csv:7").
    const std::string& where(std::size_t i) const { return places_->where.at(i); }
    /// Where field `field` of loan i was read, for row_error_message: for
    /// borrower_id and a lender column, the cell with its header
    /// ("甲.xlsx:贷款明细!C7: 统一社会信用代码 (borrower_id)"); for another
    /// field, or a lender named for the file, the row ("甲.csv:7: lender").
    std::string field_where(std::size_t i, std::string_view field) const { return places_->at(i, field); }

private:
    /// Where each loan's fields were read. Shared with the locate of the
    /// screen_inputs given out, so that one outlives a move of the table;
    /// add() copies it first when another holds it (a copy of the table, an
    /// input), so that what the other holds never changes.
    struct field_places {
        /// One table added: where its carried cells are, and which are the ids.
        struct table {
            rules::carried_places places;       ///< where its carried cells are
            std::size_t borrower_id = 0;        ///< carried index of the borrower_id column
            std::optional<std::size_t> lender;  ///< carried index of the lender column, when the table has one
        };
        std::vector<table> tables;
        std::vector<std::uint32_t> table_of;  ///< per loan, its table in `tables`
        std::vector<std::size_t> line;       ///< per loan, its first row's number (0: unknown)
        std::vector<std::string> where;      ///< per loan, "loans.csv:7"

        std::string at(std::size_t i, std::string_view field) const;
    };
    std::shared_ptr<field_places> places_ = std::make_shared<field_places>();

    std::vector<std::uint8_t> kind_, flags_;
    std::vector<std::int32_t> application_, period_from_, period_to_, range_from_, range_to_;
    std::vector<std::int64_t> rate_, offsets_{0}, balance_;
    std::vector<std::string> loan_id_, borrower_id_, borrower_, lender_, error_;
    std::vector<std::string_view> loan_id_v_, borrower_id_v_, borrower_v_, lender_v_, error_v_, where_v_;
};

/// A bank's file for the screen, and the lender of its loans when the file
/// has no lender column.
struct table_file {
    std::string path;                    ///< CSV (UTF-8 or GB18030) or .xlsx
    std::string lender;                  ///< "" for none: the file must have a lender column
    bool lender_named_for_file = false;  ///< `lender` was named for this file alone (see screen_table::add)
    /// Its repayments table (rules::table_options::repayments), "" for the options' own.
    std::string repayments;
};

/// Reads each file (rules::read_loan_table with `options`, and the file's own
/// repayments table where it names one) into one screen_table.
screen_table read_screen_tables(const std::vector<table_file>& files, const rules::table_options& options);

/// Each of `paths`, with `lender` for every one without a lender column.
screen_table read_screen_tables(const std::vector<std::string>& paths, const rules::table_options& options,
                                const std::string& lender = {});

}  // namespace zjcredit::screen

#endif
