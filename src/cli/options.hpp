// Command-line options shared by every zjcredit subcommand.
#ifndef ZJCREDIT_CLI_OPTIONS_HPP
#define ZJCREDIT_CLI_OPTIONS_HPP

#include <optional>
#include <string_view>
#include <string>
#include <vector>

namespace zjcredit::cli {

/// Exit statuses: 0 all good, 1 some rows rejected (--keep-going), 2 bad
/// input or usage, 3 an I/O failure, 4 an internal error.
enum exit_status : int { ok = 0, rows_rejected = 1, bad_input = 2, io_failure = 3, internal = 4 };

struct options {
    std::string command;
    std::vector<std::string> args;         ///< positional arguments
    std::optional<std::string> plan_file;  ///< --plan FILE
    std::optional<std::string> output;     ///< -o / --output FILE (default: stdout)
    std::optional<std::string> rejects;    ///< --rejects FILE (with --keep-going)
    std::optional<std::string> month;      ///< --month YYYY-MM
    std::optional<std::string> xlsx;       ///< --xlsx OUT
    std::optional<std::string> encoding;   ///< --encoding utf-8|gb18030
    std::optional<std::string> columns;    ///< --columns FILE: your headers → fields
    std::optional<std::string> rate_unit;  ///< --rate-unit percent|fraction
    std::optional<std::string> period;     ///< --period FROM..TO
    std::optional<std::string> repayments; ///< --repayments FILE
    std::optional<std::string> sheet;      ///< --sheet NAME (xlsx input)
    std::optional<std::string> group_by;   ///< --group-by COLUMN
    std::string lang = "zh";               ///< --lang zh|en
    bool lang_given = false;
    bool json = false;                     ///< --json
    bool keep_going = false;               ///< --keep-going
    bool prefix = false;                   ///< --prefix (words)
    bool help = false;                     ///< --help / -h
    bool receipts = false;                 ///< --receipts: full receipts in JSON output
    std::optional<std::string> lender;     ///< --lender NAME (screen: files without a lender column)
    std::vector<std::string> lender_of;    ///< --lender-of FILE=NAME (screen: that file's lender), repeatable
    std::vector<std::string> repayments_of;  ///< --repayments-of FILE=REPAYMENTS (screen: that file's), repeatable
    std::optional<std::string> budget;     ///< --budget AMOUNT (screen)
    std::vector<std::string> set;          ///< --set RULE.NAME=VALUE (repeatable): parameter overrides
    std::optional<std::string> months;     ///< --months YYYY-MM..YYYY-MM (ledger)
    std::optional<std::string> unit;       ///< --unit: ledger template: the organisational unit; assess: the unit of bare amounts (亿元/万元/元)
    std::optional<std::string> as_of;      ///< --as-of YYYY-MM-DD (ledger progress)
    std::optional<std::string> parameter;  ///< --parameter RULE.NAME (seek)
    std::optional<std::string> within;     ///< --within FROM..TO (seek: the range searched)
    bool reach = false;                    ///< --reach (seek: the smallest value reaching --budget)
    std::optional<std::string> register_db;     ///< --register DB (screen: the payout register)
    bool commit = false;                        ///< --commit (screen: record the round in the register)
    std::optional<std::string> round;           ///< --round ID (screen --commit)
    std::optional<std::string> head;            ///< --head HASH (register verify: the last_hash kept outside)
    std::optional<std::string> borrower_limit;  ///< --borrower-limit AMOUNT (screen --register)
    std::vector<std::string> observations; ///< --observations FILE|DIR (repeatable; report)
    std::vector<std::string> ledgers;      ///< --ledger FILE|DIR (repeatable; report)
    std::optional<std::string> subsidies;  ///< --subsidies FILE: `zjcredit subsidy --json` results (report)
    std::vector<std::string> scenario;     ///< --scenario NAME:RULE.NAME=VALUE[,...] (whatif, repeatable)
    std::optional<std::string> method;     ///< --method pro_rata|first_come (allocate)
    std::optional<std::string> key;        ///< --key COLUMN (allocate first_come: the order column)
};

/// Parses argv; throws zjcredit::parse_error for an unknown option or a missing value.
options parse_options(int argc, char** argv);

/// The options given on the command line, by name ("--xlsx"), in order.
std::vector<std::string> given_options(const options& o);

}  // namespace zjcredit::cli

#endif
