// The screen over banks' tables as JSON (screen/screen.hpp, screen/tables.hpp):
// the form the C ABI (zjc_screen_tables) and Python hand over and get back,
// so that they read tables and options exactly as `zjcredit screen` does
// (compiled part: link zjcredit::io).
//
// Tables: a JSON array, each element {"path": "甲银行.xlsx"} (a file, any
// format the table reader takes) or {"text": "借据号,...\n...", "name":
// "甲银行"} (CSV text, UTF-8), and optionally "lender": the lender of a table
// without a 贷款机构 column (as `--lender`).
//
// Options: a JSON object with the keys of rules::table_options_from_json
// (columns, rate_unit, period, sheet, encoding, repayments) and the screen's
// own: "budget" (an amount, as a string), "fill_order" ("application",
// "drawdown" or "loan_id"), "other_ids_declared" and "keep_all_first_loans"
// (booleans), "already_paid" (an array of {"lender", "loan_id", "period":
// "FROM..TO"} with an optional "borrower_id": that borrower's 首贷 stays
// with that lender), "register" (a payout register's path: its rows are already
// paid; read only).
//
// Result: {"borrowers": {column: [...]}, "loans": {column: [...]},
// "conflicts": [{...}], "totals": {...}}. Borrowers and loans are columns (one
// array per column, one entry per borrower / listing) so that a frame is one
// step away; amounts are decimal strings in 元, never numbers. docs/screen.md
// lists every column.
#ifndef ZJCREDIT_SCREEN_JSON_HPP
#define ZJCREDIT_SCREEN_JSON_HPP

#include <zjcredit/plan/parameters.hpp>

#include <string>
#include <string_view>

namespace zjcredit::screen {

/// Reads the tables and options and runs the screen under `params`. A
/// problem of the whole request (JSON, an option, a table refused whole) is
/// the thrown error, naming its JSON path ("tables[1].path", "budget") or
/// the table; a listing's own problem is that listing's "error".
std::string screen_tables_json(std::string_view tables_json, std::string_view options_json,
                               const plan::first_loan_subsidy_parameters& params);

}  // namespace zjcredit::screen

#endif
