// The results of `subsidy` and `reward` as a bank files them: the columns
// that identify each record and those carried from the input, then 是否符合,
// the amount, 原因 (reason codes) and 说明; --group-by subtotals and a 合计
// row with the total in 大写. CSV (UTF-8 with BOM, CRLF), a JSON object, and
// with --xlsx the same table as a workbook (results_xlsx.cpp). Headers and
// words in Chinese (--lang zh, the default) or English.
#ifndef ZJCREDIT_CLI_RESULTS_HPP
#define ZJCREDIT_CLI_RESULTS_HPP

#include "options.hpp"

#include "../io/csv.hpp"

#include <zjcredit/money/amount.hpp>
#include <zjcredit/report/csv.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace zjcredit::cli {

/// A column before the results, with its header in each language (a
/// carried column has the input's header in both).
struct lead_column {
    std::string zh;
    std::string en;
};

/// What kind of records the table lists, for headers and sentences.
struct result_nouns {
    std::string_view amount_zh;   ///< "贴息金额"
    std::string_view amount_en;   ///< "amount"
    std::string_view unit_zh;     ///< "笔" (loans), "户" (enterprises)
    std::string_view record_en;   ///< "loans", "enterprises"
    std::string_view rule;        ///< "first_loan_subsidy", for the xlsx's explanation sheet
    /// The rule's parameters as used, for the xlsx's explanation sheet.
    std::vector<rules::parameter_use> parameters;
};

/// One record's result.
struct result_line {
    std::vector<std::string> lead;  ///< one cell per lead column
    bool eligible = false;
    money::amount amount;
    std::vector<rules::reason> reasons;
    std::string explanation;  ///< 说明 of an eligible record (its arithmetic); empty: the reasons' texts
    std::string result_json;  ///< --json: the full result
};

class xlsx_results;

/// Writes results as they come; finish() adds the subtotals and the total.
class result_writer {
public:
    result_writer(std::ostream& out, const options& o, std::vector<lead_column> lead, result_nouns nouns);
    ~result_writer();
    result_writer(const result_writer&) = delete;
    result_writer& operator=(const result_writer&) = delete;

    void write(const result_line& line);
    /// The reasons' codes and texts as write() joins them.
    std::pair<std::string, std::string> joined(const std::vector<rules::reason>& reasons) const;
    /// A line whose reasons are already joined (the subsidy's batch path).
    void write_joined(const std::vector<std::string>& lead, bool eligible, money::amount amount,
                      const std::string& codes, const std::string& texts);
    /// Writes the subtotals and the total, closes the JSON; the xlsx is
    /// written (atomically) here too.
    void finish();

private:
    struct tally {
        std::string value;
        money::amount amount;
        std::size_t records = 0;
        std::size_t eligible = 0;
    };
    void count(const std::vector<std::string>& lead, bool eligible, money::amount amount);
    void row(std::vector<std::string> cells, bool summary);
    std::vector<std::string> notes() const;
    std::string counts_text(const tally& t) const;
    /// A subtotal (`group`) or the total as a JSON object.
    std::string tally_json(const tally& t, bool group) const;

    std::ostream& out_;
    io::csv_writer csv_;
    bool json_;
    bool en_;
    const report::results_words& words_;  ///< 是否符合, 小计, 合计 … in the language of the output
    bool first_ = true;
    std::vector<lead_column> lead_;
    result_nouns nouns_;
    std::optional<std::size_t> group_;  ///< --group-by: its lead column
    tally total_;
    std::vector<tally> groups_;  ///< in the order each value first appears
    std::unordered_map<std::string, std::size_t> group_index_;  ///< value → its place in groups_
    std::unique_ptr<xlsx_results> xlsx_;
};

}  // namespace zjcredit::cli

#endif
