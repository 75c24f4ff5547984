// The results table as an .xlsx workbook (results_xlsx.hpp).
#include "results_xlsx.hpp"

#include "../io/atomic_file.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>
#include <vector>

namespace zjcredit::cli {

namespace {

void check(lxw_error err, std::string_view what) {
    if (err != LXW_NO_ERROR)
        throw error(errc::io, "--xlsx", std::string(what), std::string("libxlsxwriter: ") + lxw_strerror(err));
}

/// The largest amount in 分 an Excel number cell shows exactly under
/// #,##0.00: 15 significant digits (a double keeps any decimal of up to 15
/// digits through the nearest double and back, DBL_DIG), i.e. below 10^13 元.
constexpr std::int64_t max_cell_fen = 999'999'999'999'999;

/// The number Excel stores for an amount. Excel cells are binary doubles,
/// so this is the one place an amount becomes one: the amount is checked by
/// integers to have at most 15 digits, so the nearest double (strtod of its
/// exact text rounds correctly) shows the same 分; nothing is computed with
/// it, and the exact text stays in the CSV and JSON.
double amount_cell(const std::string& text) {
    const money::amount a = money::parse_amount(text);
    if (a.fen() > max_cell_fen || a.fen() < -max_cell_fen)
        throw overflow_error("--xlsx", text, "more digits than an Excel number shows exactly (15); use the CSV");
    return std::strtod(money::to_string(a).c_str(), nullptr);
}

/// The number Excel stores for a count: a whole number of at most 15
/// digits (exact in a double); anything else is refused, not guessed.
double count_cell(const std::string& text) {
    if (text.empty() || text.size() > 15 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw validation_error("--xlsx", text, "is not a count of at most 15 digits");
    return static_cast<double>(std::stoll(text));
}

/// The day Excel stores for a date cell ("2022-04-01"), read as the
/// library reads dates; libxlsxwriter turns it into Excel's day number.
/// Excel has no day before 1900: such a date stays text.
std::optional<lxw_datetime> date_cell(const std::string& text) {
    const dates::date d = dates::parse_date(text, "--xlsx");
    const auto ymd = d.year_month_day();
    if (ymd.year < 1900) return std::nullopt;
    return lxw_datetime{static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day), 0, 0, 0.0};
}

/// A worksheet's row and column numbers (rows are counted against LXW_ROW_MAX
/// as they are added).
lxw_row_t sheet_row(std::size_t r) { return static_cast<lxw_row_t>(r); }
lxw_col_t sheet_col(std::size_t c) { return static_cast<lxw_col_t>(c); }

/// A parameter's value as the reader of a Chinese workbook reads it: a day
/// basis, a rounding mode and borrower kinds in words ("实际天数/360",
/// "四舍五入", "小型企业、微型企业"); the receipts and the CSV keep the codes,
/// which --set takes. Any other value, or one not understood, as it is.
std::string value_zh(const std::string& name, const std::string& value) {
    if (name == "basis") {
        if (value == dates::to_string(dates::day_basis::actual_360)) return "实际天数/360";
        if (value == dates::to_string(dates::day_basis::actual_365)) return "实际天数/365";
    } else if (name == "rounding") {
        if (const auto mode = money::rounding_from_string(value)) return std::string(money::rounding_zh(*mode));
    } else if (name == "eligible_kinds") {
        std::vector<plan::borrower_kind> kinds;
        for (std::size_t at = 0; at <= value.size();) {
            const std::size_t comma = std::min(value.find(',', at), value.size());
            const auto kind = plan::borrower_kind_from_string(std::string_view(value).substr(at, comma - at));
            if (!kind) return value;
            kinds.push_back(*kind);
            at = comma + 1;
        }
        return rules::detail::kinds_zh(kinds);
    }
    return value;
}

/// A parameter's row of the explanation sheet: its name as a reader of the
/// workbook's language reads it, its code (as --set and the receipts name
/// it), its value ("not set" rather than an empty cell), and its source,
/// with an override of this run named as such.
std::array<std::string, 4> parameter_cells(const rules::parameter_use& p, bool en) {
    const plan::parameter_label label = plan::label_of_parameter(p.name);
    std::string source = !en && p.clause == plan::zjcredit_default_clause ? std::string(plan::zjcredit_default_clause_zh)
                                                                          : p.clause;
    if (p.overridden) {
        const std::string plan_value =
            p.overridden->plan_value ? (en ? *p.overridden->plan_value : value_zh(p.name, *p.overridden->plan_value))
                                     : (en ? "not set" : "未设定");
        source += en ? "; overridden in this run (scenario " + p.overridden->scenario + "; the plan's value " +
                           plan_value + ")"
                     : "；本次运行改设（情景 " + p.overridden->scenario + "，方案原值 " + plan_value + "）";
    }
    const std::string value = p.value ? (en ? *p.value : value_zh(p.name, *p.value)) : (en ? "not set" : "未设定");
    return {std::string(en ? label.en : label.zh), p.name, value, source};
}

/// The parameter table of the explanation sheet, from row `r` on.
void write_parameters(lxw_worksheet* about, std::size_t& r, const std::vector<rules::parameter_use>& parameters,
                      bool en, lxw_format* head) {
    const std::array<const char*, 4> titles =
        en ? std::array{"Parameter", "Code", "Value", "Source"} : std::array{"参数", "代码", "取值", "来源"};
    for (std::size_t c = 0; c < titles.size(); ++c)
        check(worksheet_write_string(about, sheet_row(r), sheet_col(c), titles[c], head), "about");
    ++r;
    for (const auto& p : parameters) {
        const std::array<std::string, 4> cells = parameter_cells(p, en);
        for (std::size_t c = 0; c < cells.size(); ++c)
            check(worksheet_write_string(about, sheet_row(r), sheet_col(c), cells[c].c_str(), nullptr), cells[c]);
        ++r;
    }
}

}  // namespace

xlsx_results::xlsx_results(std::string path, std::vector<std::string> header, bool en, std::vector<std::string> notes,
                           std::vector<rules::parameter_use> parameters)
    : path_(std::move(path)), en_(en), notes_(std::move(notes)), parameters_(std::move(parameters)) {
    sheets_.push_back({en ? "results" : "结果", std::move(header), {}});
}

void xlsx_results::name_sheet(std::string name) { sheets_.back().name = std::move(name); }

void xlsx_results::sheet(std::string name, std::vector<std::string> header) {
    sheets_.push_back({std::move(name), std::move(header), {}});
}

void xlsx_results::row(const std::vector<std::string>& cells, const std::vector<std::size_t>& money_columns,
                       bool summary, const std::vector<std::size_t>& count_columns,
                       const std::vector<std::size_t>& date_columns) {
    auto& rows = sheets_.back().rows;
    if (rows.size() + 1 >= LXW_ROW_MAX)
        throw validation_error("--xlsx", path_, "more rows than a worksheet holds; use the CSV");
    for (const std::size_t c : money_columns)
        if (c < cells.size() && !cells[c].empty()) (void)amount_cell(cells[c]);  // refused now, not after the run
    for (const std::size_t c : count_columns)
        if (c < cells.size() && !cells[c].empty()) (void)count_cell(cells[c]);
    for (const std::size_t c : date_columns)
        if (c < cells.size() && !cells[c].empty()) (void)date_cell(cells[c]);
    rows.push_back({cells, money_columns, summary, count_columns, date_columns});
}

void xlsx_results::commit() {
    io::write_atomically(path_, [&](const std::filesystem::path& temp) {
        lxw_workbook* wb = workbook_new(temp.c_str());
        if (wb == nullptr) throw error(errc::io, "--xlsx", path_, "libxlsxwriter cannot create the workbook");
        lxw_format* head = workbook_add_format(wb);
        format_set_bold(head);
        format_set_bg_color(head, 0xD9E1F2);
        format_set_border(head, LXW_BORDER_THIN);
        lxw_format* money = workbook_add_format(wb);
        format_set_num_format(money, "#,##0.00");
        lxw_format* bold_money = workbook_add_format(wb);
        format_set_num_format(bold_money, "#,##0.00");
        format_set_bold(bold_money);
        lxw_format* day = workbook_add_format(wb);
        format_set_num_format(day, "yyyy-mm-dd");

        std::vector<lxw_worksheet*> sheets;
        for (const auto& sh : sheets_) sheets.push_back(workbook_add_worksheet(wb, sh.name.c_str()));
        lxw_worksheet* about = workbook_add_worksheet(wb, en_ ? "about" : "说明");
        try {
            for (std::size_t k = 0; k < sheets_.size(); ++k) {
                lxw_worksheet* ws = sheets[k];
                if (ws == nullptr) throw error(errc::io, "--xlsx", sheets_[k].name, "libxlsxwriter cannot add the sheet");
                const auto& header = sheets_[k].header;
                const auto& rows = sheets_[k].rows;
                for (std::size_t c = 0; c < header.size(); ++c) {
                    check(worksheet_write_string(ws, 0, sheet_col(c), header[c].c_str(), head), header[c]);
                    check(worksheet_set_column(ws, sheet_col(c), sheet_col(c), c + 1 == header.size() ? 60 : 16, nullptr), "width");
                }
                worksheet_freeze_panes(ws, 1, 0);
                std::size_t data_rows = 0;
                for (std::size_t r = 0; r < rows.size(); ++r) {
                    const auto& l = rows[r];
                    const bool summary = l.summary;
                    if (!summary) data_rows = r + 1;
                    for (std::size_t c = 0; c < l.cells.size(); ++c) {
                        const bool amount = std::find(l.money_columns.begin(), l.money_columns.end(), c) !=
                                            l.money_columns.end();
                        const bool count = std::find(l.count_columns.begin(), l.count_columns.end(), c) !=
                                           l.count_columns.end();
                        const bool date = std::find(l.date_columns.begin(), l.date_columns.end(), c) !=
                                          l.date_columns.end();
                        std::optional<lxw_datetime> when = date && !l.cells[c].empty() ? date_cell(l.cells[c]) : std::nullopt;
                        if (when) {
                            check(worksheet_write_datetime(ws, sheet_row(r + 1), sheet_col(c), &*when, day), l.cells[c]);
                        } else if (count && !l.cells[c].empty()) {
                            check(worksheet_write_number(ws, sheet_row(r + 1), sheet_col(c), count_cell(l.cells[c]),
                                                         nullptr),
                                  l.cells[c]);
                        } else if (amount && !l.cells[c].empty()) {
                            check(worksheet_write_number(ws, sheet_row(r + 1), sheet_col(c), amount_cell(l.cells[c]),
                                                         summary ? bold_money : money),
                                  l.cells[c]);
                        } else if (!l.cells[c].empty()) {
                            check(worksheet_write_string(ws, sheet_row(r + 1), sheet_col(c), l.cells[c].c_str(), nullptr),
                                  l.cells[c]);
                        }
                    }
                }
                if (!header.empty())
                    check(worksheet_autofilter(ws, 0, 0, sheet_row(data_rows), sheet_col(header.size() - 1)), "autofilter");
            }

            std::size_t r = 0;
            check(worksheet_write_string(about, sheet_row(r++), 0, en_ ? "Columns" : "各列说明", head), "about");
            for (const auto& n : notes_) check(worksheet_write_string(about, sheet_row(r++), 0, n.c_str(), nullptr), "about");
            ++r;
            if (!parameters_.empty()) write_parameters(about, r, parameters_, en_, head);
            check(worksheet_set_column(about, 0, 0, 40, nullptr), "width");
            check(worksheet_set_column(about, 1, 1, 24, nullptr), "width");
            check(worksheet_set_column(about, 2, 3, 40, nullptr), "width");
        } catch (...) {
            workbook_close(wb);
            throw;
        }
        check(workbook_close(wb), path_);
    });
}

}  // namespace zjcredit::cli
