// Filled 工作台账 (附件1) and liaison forms (附件2) read back from the files
// units send: .xlsx workbooks (every visible sheet), CSV (UTF-8 or GB18030)
// and ledger JSON, one file, several, or a folder of them (compiled part:
// link zjcredit::io). docs/ledger.md.
//
// A table's header row is found, not assumed: rows before it that hold at
// most one non-empty cell are title rows (the template's "工作任务台账" in row
// 1, merged across the columns) and are skipped. The first row with two or
// more cells is the header; if none of its cells is a column name of the
// ledger or of the liaison form, the table has no header row and that is an
// error naming the row. A header with 任务编号 is a ledger, one with 姓名 a
// liaison form (columns liaison_columns).
//
// A template row nobody filled in (进展情况, 完成数据, 备注 and 报送日期 all
// empty) is skipped: the task counts as not reported. Every other rule is
// read_ledger_csv's, and every error a csv_error naming the file (and the
// sheet), the row as the file numbers it and the column.
#ifndef ZJCREDIT_LEDGER_READ_HPP
#define ZJCREDIT_LEDGER_READ_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/plan/plan.hpp>

#include <array>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::ledger {

/// Columns of the liaison form (联络员信息表, 附件2), in the order written.
/// All are required but 报送日期 when file_read_options supplies it.
inline constexpr std::array<std::string_view, 6> liaison_columns = {
    "单位", "姓名", "职务", "联系电话", "电子邮箱", "报送日期",
};

/// How read_ledger_bytes() and the file readers fill empty cells and decode CSV.
struct file_read_options {
    /// Used for rows whose 报送日期 is empty (e.g. the e-mail's date).
    std::optional<dates::date> received;
    /// Used for rows whose 月份 is empty.
    std::optional<year_month> month;
    /// CSV input encoding: "utf-8", "gb18030", or empty to detect.
    std::string encoding;
};

/// Reads one file's bytes: a zip is an .xlsx workbook (each visible sheet
/// with a header row is read; a workbook where no sheet has one is an
/// error), text starting with '{' ledger JSON (ledger_from_json), anything
/// else CSV. `name` names the file in errors. Submissions come back grouped
/// and validate()d, units as ids.
ledger_document read_ledger_bytes(std::string bytes, const std::string& name, const plan::plan& p,
                                  const file_read_options& options = {});

/// Reads every file of `paths`; a folder stands for its files ending in
/// .xlsx, .csv or .json (any case; not its subfolders; names starting with
/// "~$" or "." — Excel's lock files, hidden files — left out), in name
/// order. The documents are joined in that order. errc::io for a path that
/// does not exist or a folder with no such file.
ledger_document read_ledger_files(std::span<const std::filesystem::path> paths, const plan::plan& p,
                                  const file_read_options& options = {});

/// The files read_ledger_files reads for `paths`, in its order.
std::vector<std::filesystem::path> ledger_files(std::span<const std::filesystem::path> paths);

}  // namespace zjcredit::ledger

#endif
