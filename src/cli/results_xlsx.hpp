// The results table as an .xlsx workbook (libxlsxwriter): the same rows as
// the CSV, Chinese (or English) headers in a frozen first row with filters,
// amounts as numbers formatted #,##0.00, and a second sheet that explains
// the columns and lists the rule's parameters. Shared by `subsidy`, `reward`
// (results.hpp), `assess` and `screen` (several result sheets). Written
// whole at commit(), atomically.
#ifndef ZJCREDIT_CLI_RESULTS_XLSX_HPP
#define ZJCREDIT_CLI_RESULTS_XLSX_HPP

#include <zjcredit/rules/receipt.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace zjcredit::cli {

class xlsx_results {
public:
    /// `notes` are the lines of the explanation sheet, `parameters` its
    /// table: each parameter's name in the workbook's language, its code,
    /// its value and its source (an override named as such).
    xlsx_results(std::string path, std::vector<std::string> header, bool en, std::vector<std::string> notes,
                 std::vector<rules::parameter_use> parameters);
    /// A row of cells; those in `money_columns` hold amounts in 元 (exact
    /// text, e.g. "1850.00") and are written as numbers; those in
    /// `count_columns` hold counts ("12") and are written as whole numbers;
    /// those in `date_columns` hold days ("2022-04-01") and are written as
    /// Excel dates shown yyyy-mm-dd, so that a filter or a sort by date
    /// works (a day before 1900, which Excel has not, stays text); `summary`
    /// (a subtotal, the total) is written in bold.
    void row(const std::vector<std::string>& cells, const std::vector<std::size_t>& money_columns, bool summary,
             const std::vector<std::size_t>& count_columns = {}, const std::vector<std::size_t>& date_columns = {});
    /// Names the current result sheet (the first is "结果", "results").
    void name_sheet(std::string name);
    /// Starts another result sheet: the rows that follow go to it.
    void sheet(std::string name, std::vector<std::string> header);
    void commit();

private:
    struct line {
        std::vector<std::string> cells;
        std::vector<std::size_t> money_columns;
        bool summary;
        std::vector<std::size_t> count_columns;
        std::vector<std::size_t> date_columns;
    };
    struct result_sheet {
        std::string name;
        std::vector<std::string> header;
        std::vector<line> rows;
    };
    std::string path_;
    bool en_;
    std::vector<std::string> notes_;
    std::vector<rules::parameter_use> parameters_;
    std::vector<result_sheet> sheets_;
};

}  // namespace zjcredit::cli

#endif
