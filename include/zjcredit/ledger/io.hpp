// Files of the 工作台账 (compiled part: link zjcredit::io): the blank
// template pre-filled with each unit's tasks, a filled ledger and the
// compliance table, as CSV and as .xlsx, a filled ledger read back from CSV,
// and ledgers, liaison forms and results as JSON (docs/ledger.md).
//
// CSV written: UTF-8 with a byte-order mark (so Excel picks the encoding),
// CRLF line ends, RFC 4180 quoting (a field holding a comma, a quote, CR or
// LF is quoted, quotes doubled). CSV read: UTF-8 with or without the mark,
// LF or CRLF, the same quoting; header names in any order.
//
// Files are written atomically: into a temporary file in the target's
// folder, then renamed over the target. On any failure the temporary file is
// removed, an existing target is left as it was, and zjcredit::error with
// errc::io (or the error that stopped the writing) is thrown.
#ifndef ZJCREDIT_LEDGER_IO_HPP
#define ZJCREDIT_LEDGER_IO_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/chase.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/ledger/progress.hpp>
#include <zjcredit/plan/plan.hpp>

#include <array>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::ledger {

// ---- columns -------------------------------------------------------------------------

/// Columns of the 工作台账 (CSV and .xlsx), in the order written. The plan
/// does not print 附件1; the names use its words where it has them
/// (单位, 工作任务, 牵头单位, 责任单位, 进展情况, 时间节点), zjcredit's otherwise.
/// Reading needs 单位, 月份, 任务编号, 进展情况 and 报送日期 (月份 and 报送日期 may
/// be empty when csv_read_options supplies them); the rest are optional,
/// and 主要措施, 工作任务, 牵头单位, 责任单位 are for people only (not read).
inline constexpr std::array<std::string_view, 12> ledger_columns = {
    "单位", "月份", "主要措施", "任务编号", "工作任务", "牵头单位",
    "责任单位", "进展情况", "完成数据", "时间节点", "备注", "报送日期",
};

/// Columns of the compliance table.
inline constexpr std::array<std::string_view, 12> compliance_columns = {
    "报送事项", "月份", "单位", "规定日期", "“前”含当日", "遇休息日顺延",
    "截止日期", "报送日期", "报送情况", "逾期天数", "未报任务数", "依据",
};

/// Columns of the chase list (催报清单).
inline constexpr std::array<std::string_view, 12> chase_columns = {
    "报送事项", "月份", "单位", "报送情况", "逾期天数", "未报任务数",
    "未报任务", "信息表问题", "联络员", "职务", "联系电话", "电子邮箱",
};

// ---- errors --------------------------------------------------------------------------

/// An error reading a ledger or a liaison form (CSV, or a sheet of an .xlsx
/// whose source then names the sheet: "book.xlsx [市商务局]"), located by row
/// and column. Rows are the
/// CSV's records counted from 1, the header being row 1 (a quoted field with
/// a line break makes a record span lines; the message then also gives the
/// line). Columns count from 1; 0 when the error concerns a whole row or a
/// column that is absent. code() is errc::parse for malformed text,
/// errc::not_found for a unit or task the plan lacks, errc::validation for
/// a row that breaks a rule (a task the unit does not own, a duplicate).
class csv_error : public error {
public:
    /// An error of kind `code` at `row` and `column` (0: none) of `source`;
    /// `text` is the offending text, `message` what is wrong with it.
    csv_error(errc code, std::string source, std::size_t row, std::size_t column, std::string column_name,
              std::string text, std::string message)
        : error(code, locate(source, row, column, column_name), std::move(text), std::move(message)),
          source_(std::move(source)),
          row_(row),
          column_(column),
          column_name_(std::move(column_name)) {}

    /// The file, or file and sheet, named in the message; may be empty.
    const std::string& source() const noexcept { return source_; }
    /// The CSV record (or sheet row), from 1; the header is row 1.
    std::size_t row() const noexcept { return row_; }
    /// The column, from 1; 0 for a whole row or an absent column.
    std::size_t column() const noexcept { return column_; }
    /// The column's header ("进展情况"); may be empty.
    const std::string& column_name() const noexcept { return column_name_; }

private:
    static std::string locate(const std::string& source, std::size_t row, std::size_t column,
                              const std::string& name) {
        std::string out = source.empty() ? std::string() : source + ": ";
        out += "row " + std::to_string(row);
        if (column > 0) out += ", column " + std::to_string(column);
        if (!name.empty()) out += " (" + name + ")";
        return out;
    }

    std::string source_;
    std::size_t row_;
    std::size_t column_;
    std::string column_name_;
};

// ---- CSV -------------------------------------------------------------------------------

/// What the blank template holds.
struct template_options {
    /// Fills the 月份 column; empty when unset.
    std::optional<year_month> month;
    /// Only these units (any alias), in plan order; every ledger unit when empty.
    std::vector<std::string> units;
    /// .xlsx: one worksheet per unit, named by the unit's name, instead of
    /// one sheet "工作台账" with every unit's rows.
    bool sheet_per_unit = false;
};

/// The blank 工作台账: one row per unit of plan::ledger_units(p) and task it
/// owes (assignments()), with the plan's 主要措施, 工作任务, 牵头单位 and
/// 责任单位 and the task's milestone if the plan has one; 进展情况, 完成数据,
/// 备注 and 报送日期 empty.
std::string blank_ledger_csv(const plan::plan& p, const template_options& options = {});

/// A filled ledger: one row per entry, submissions in the order given.
/// Each submission is validate()d first.
std::string ledger_csv(const plan::plan& p, std::span<const submission> submissions);

/// The compliance table: one row per liaison form (if given) then one per
/// month and unit, in the results' order.
std::string compliance_csv(std::span<const month_compliance> months, const liaison_compliance* liaison = nullptr);

/// The chase list: one row per chase_item; the liaison's name reads
/// （未报联络员信息表） when the unit sent none.
std::string chase_csv(std::span<const chase_item> items);

/// How read_ledger_csv() names its source and fills empty cells.
struct csv_read_options {
    /// Named in errors ("ledger-2022-09.csv").
    std::string source = "ledger.csv";
    /// Used for rows whose 报送日期 is empty (e.g. the e-mail's date); without
    /// it such a row is an error.
    std::optional<dates::date> received;
    /// Used for rows whose 月份 is empty.
    std::optional<year_month> month;
};

/// Reads a filled ledger. Units are given by name, alias or id and come
/// back as ids; statuses by label (已完成) or id (done); dates and months in
/// the forms dates::parse_date and parse_year_month accept. 完成数据 and 备注
/// are kept exactly (not trimmed); other fields are trimmed. Rows whose
/// fields are all empty are skipped. Rows are grouped by group_entries() and
/// every submission is validate()d. Every error is a csv_error naming the
/// row, the column and the offending text.
std::vector<submission> read_ledger_csv(std::string_view text, const plan::plan& p,
                                        const csv_read_options& options = {});

// ---- files -----------------------------------------------------------------------------

/// Writes blank_ledger_csv() to `path`. Files appear whole or not at all (a
/// temporary file renamed over the target); a failure is errc::io naming it.
void write_blank_ledger_csv(const std::filesystem::path& path, const plan::plan& p,
                            const template_options& options = {});
/// Writes ledger_csv() to `path`, whole or not at all; errc::io on failure.
void write_ledger_csv(const std::filesystem::path& path, const plan::plan& p,
                      std::span<const submission> submissions);
/// Writes compliance_csv() to `path`, whole or not at all; errc::io on failure.
void write_compliance_csv(const std::filesystem::path& path, std::span<const month_compliance> months,
                          const liaison_compliance* liaison = nullptr);

/// .xlsx (libxlsxwriter): sheet "工作台账" with the title of 附件1 in row 1,
/// the column names in row 2 and the rows from row 3; dates are date cells
/// (yyyy-mm-dd), 完成数据 and 备注 text cells, exact. The blank template's
/// 进展情况 cells offer the four statuses as a drop-down, and a second sheet
/// "填报说明" says how to fill it in.
void write_blank_ledger_xlsx(const std::filesystem::path& path, const plan::plan& p,
                             const template_options& options = {});
/// The filled ledger as ledger_csv() has it, in the layout of the blank
/// template's sheet "工作台账"; each submission is validate()d first.
void write_ledger_xlsx(const std::filesystem::path& path, const plan::plan& p,
                       std::span<const submission> submissions);
/// Sheet "报送情况" (title row 1, column names row 2, rows from row 3; 逾期天数
/// and 未报任务数 are number cells) and sheet "说明" with each deadline's rule
/// statement and explanation in Chinese and English.
void write_compliance_xlsx(const std::filesystem::path& path, std::span<const month_compliance> months,
                           const liaison_compliance* liaison = nullptr);

/// Writes chase_csv() to `path`, whole or not at all; errc::io on failure.
void write_chase_csv(const std::filesystem::path& path, std::span<const chase_item> items);
/// Sheet "催报清单": title row 1, column names row 2, rows from row 3.
void write_chase_xlsx(const std::filesystem::path& path, std::span<const chase_item> items);

/// Reads a CSV file (source in errors: the file name); errc::io if it cannot be read.
std::vector<submission> read_ledger_csv_file(const std::filesystem::path& path, const plan::plan& p,
                                             csv_read_options options = {});

// ---- JSON --------------------------------------------------------------------------------

/// Version of the ledger JSON schema (docs/ledger.md).
inline constexpr int ledger_schema_version = 1;

/// Everything a unit sends: its monthly ledgers and its liaison form.
struct ledger_document {
    std::vector<submission> submissions;      ///< monthly ledgers, in the order given
    std::vector<liaison_form> liaison_forms;  ///< liaison forms (附件2), in the order given

    /// Field by field.
    friend bool operator==(const ledger_document&, const ledger_document&) = default;
};

/// Deterministic JSON ("kind": "zjcredit.ledger"): the same document gives
/// byte-identical text. Entries do not repeat their submission's unit,
/// month and received date.
std::string ledger_to_json(const ledger_document& doc);

/// Reads ledger_to_json's shape. Strict: unknown or missing keys, wrong
/// types, bad dates or months, unknown statuses are parse_error naming the
/// JSON path ("submissions[1].entries[0].status"); unknown units or tasks
/// not_found_error; every submission is validate()d, its errors naming the
/// path. Units come back as ids.
ledger_document ledger_from_json(std::string_view text, const plan::plan& p);

/// Results as JSON for the C ABI ("kind": "zjcredit.ledger.compliance",
/// ".progress", ".overdue"); write-only, deterministic.
std::string compliance_to_json(const period_compliance& period, const liaison_compliance* liaison = nullptr);
/// A progress report as JSON ("kind": "zjcredit.ledger.progress").
std::string progress_to_json(const progress_report& report);
/// The tasks past their 时间节点 on `as_of` as JSON ("kind": "zjcredit.ledger.overdue").
std::string overdue_to_json(std::span<const overdue_task> tasks, dates::date as_of);
/// A month's progress and the tasks past their 时间节点 in one document
/// ("kind": "zjcredit.ledger.month"): {"progress": progress_to_json,
/// "overdue": overdue_to_json}.
std::string month_report_to_json(const progress_report& report, std::span<const overdue_task> tasks,
                                 dates::date as_of);
/// "kind": "zjcredit.ledger.chase": {"items": [...]} (docs/ledger.md).
std::string chase_to_json(std::span<const chase_item> items);

}  // namespace zjcredit::ledger

#endif
