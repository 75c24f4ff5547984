// The subsidy totals read from the CSV that `zjcredit subsidy` (or reward)
// writes, the form a bank files and a bureau receives, and from either of
// its two forms (compiled part: link zjcredit::io).
#ifndef ZJCREDIT_REPORT_CSV_HPP
#define ZJCREDIT_REPORT_CSV_HPP

#include <zjcredit/report/report.hpp>

#include <string>
#include <string_view>

namespace zjcredit::report {

/// The words of a results table in one language: what `zjcredit subsidy`
/// writes (src/cli/results.cpp) and subsidy_totals_from_csv reads.
struct results_words {
    std::string_view eligible;     ///< the header of the column: "是否符合"
    std::string_view yes;          ///< its cell for an eligible record: "是"
    std::string_view no;           ///< and for one that is not: "否"
    std::string_view reasons;      ///< the header after the amount's: "原因"
    std::string_view explanation;  ///< the last header: "说明"
    std::string_view subtotal;     ///< the first cell of a --group-by subtotal row: "小计"
    std::string_view subtotal_of;  ///< between it and the value when the group is the first column: "小计：甲"
    std::string_view total;        ///< the first cell of the total row: "合计"
};

/// The Chinese words (--lang zh, the default).
inline constexpr results_words results_words_zh{"是否符合", "是", "否", "原因", "说明", "小计", "：", "合计"};
/// The English words (--lang en).
inline constexpr results_words results_words_en{"eligible", "true", "false", "reasons", "explanation", "Subtotal",
                                                ": ", "Total"};

/// The total (and the subtotals, when the file was written with
/// --group-by) of a results CSV of `zjcredit subsidy` or `reward`, in
/// Chinese or English headers, UTF-8 or GB18030. Its last four columns are
/// 是否符合, the amount, 原因 and 说明 (eligible, amount, reasons,
/// explanation); its record rows come first, then the 小计 rows and the
/// 合计 row, told apart by an empty 是否符合.
///
/// The figures are counted from the record rows, exactly, and the file's
/// own 小计 and 合计 rows must agree with them: a file cut short (no 合计
/// row) or edited by hand (a 合计 that is not the sum of its rows) is a
/// parse_error naming `source`:line and quoting the row's text, never
/// read one way or the other.
subsidy_totals subsidy_totals_from_csv(std::string_view text, const std::string& source);

/// Either form, told by its first character after a UTF-8 byte-order
/// mark and white space: '{' is `zjcredit subsidy --json`
/// (subsidy_totals_from_json), anything else the CSV.
subsidy_totals read_subsidy_totals(std::string_view text, const std::string& source);

}  // namespace zjcredit::report

#endif
