// Streaming a CSV or JSON file of records through a rule: rows are read one
// group at a time (the consecutive rows of one loan or one enterprise), each
// group is computed and written at once, so memory does not grow with the
// file. Shared by `subsidy` and `reward`.
#ifndef ZJCREDIT_CLI_BATCH_HPP
#define ZJCREDIT_CLI_BATCH_HPP

#include "command.hpp"
#include "options.hpp"
#include "results.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/csv.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/table.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace zjcredit::cli {

/// How to read one kind of record.
struct record_kind {
    std::string_view noun;                    ///< "loan", "enterprise"
    std::vector<std::string_view> columns;    ///< every CSV column accepted
    std::vector<std::string_view> required;   ///< those that must be present
    std::string_view key_column;              ///< consecutive rows with the same value form one record
    lead_column key_header;                   ///< the key column's header in the results
    result_nouns nouns;                       ///< words for the results table
    /// Computes one record from its CSV rows (lead: its key). An error in a
    /// cell is a rules::csv_record_error (located at its line); any other
    /// error, the rule's, concerns the whole record and is located at its
    /// last row.
    std::function<result_line(const rules::csv_rows& rows)> from_csv;
    /// Computes one record from its JSON text (an element of a JSON array).
    std::function<result_line(const std::string& json)> from_json;
    /// `subsidy` only, when the plan's parameters prepare: plain CSV output
    /// computes loans in blocks with the batch engine (subsidy_blocks.cpp):
    /// loans with no reason and no error are written from it, loans that are
    /// not eligible reuse an earlier loan's reasons for the same failed
    /// checks, every other loan goes through from_csv; the output is the
    /// same byte for byte.
    std::optional<rules::batch::prepared_subsidy> subsidy_batch;
    const plan::first_loan_subsidy_parameters* subsidy_parameters = nullptr;
    /// `subsidy` only: a bank's own table (any header of docs/columns.md,
    /// .xlsx, loans by their drawdown, ...) read whole by the library; run
    /// when the input is not the plain CSV of `columns` or an option of
    /// such tables is given. Takes the whole input.
    std::function<int(const options& o, std::string bytes, const std::string& file)> run_table;
};

/// Runs `kind` over the input file of `o`; returns the exit status.
int run_batch(const options& o, const record_kind& kind);

/// The options of a bank's table (rules/table.hpp) from the command line:
/// --columns, --rate-unit, --period, --sheet, --encoding, --repayments.
/// Shared by `subsidy` on a bank's table and `screen`.
rules::table_options table_options_of(const options& o);

}  // namespace zjcredit::cli

#endif
