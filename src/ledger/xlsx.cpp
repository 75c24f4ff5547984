// .xlsx of the 工作台账 and the compliance table, with libxlsxwriter.
#include "../io/atomic_file.hpp"
#include "table.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/io.hpp>

#include <xlsxwriter.h>

#include <cstdint>
#include <string>
#include <vector>

namespace zjcredit::ledger {
namespace detail {
namespace {

/// Owns the workbook: closes it (freeing it) if writing stops early.
class workbook_handle {
public:
    explicit workbook_handle(const std::filesystem::path& file) : wb_(workbook_new(file.c_str())), file_(file) {
        if (wb_ == nullptr) throw error(errc::io, "path", file_.string(), "libxlsxwriter cannot create the workbook");
    }
    workbook_handle(const workbook_handle&) = delete;
    workbook_handle& operator=(const workbook_handle&) = delete;
    ~workbook_handle() {
        if (wb_ != nullptr) workbook_close(wb_);
    }
    lxw_workbook* get() const noexcept { return wb_; }
    void close() {
        const lxw_error err = workbook_close(wb_);
        wb_ = nullptr;
        if (err != LXW_NO_ERROR)
            throw error(errc::io, "path", file_.string(), std::string("libxlsxwriter: ") + lxw_strerror(err));
    }

private:
    lxw_workbook* wb_;
    std::filesystem::path file_;
};

struct formats {
    lxw_format* title;
    lxw_format* header;
    lxw_format* text;
    lxw_format* date;
    lxw_format* integer;
    lxw_format* label;
};

formats make_formats(lxw_workbook* wb) {
    formats f{};
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    format_set_align(f.title, LXW_ALIGN_CENTER);
    format_set_align(f.title, LXW_ALIGN_VERTICAL_CENTER);

    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_border(f.header, LXW_BORDER_THIN);
    format_set_bg_color(f.header, 0xD9E1F2);

    f.text = workbook_add_format(wb);
    format_set_text_wrap(f.text);
    format_set_align(f.text, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f.text, LXW_BORDER_THIN);

    f.date = workbook_add_format(wb);
    format_set_num_format(f.date, "yyyy-mm-dd");
    format_set_align(f.date, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f.date, LXW_BORDER_THIN);

    f.integer = workbook_add_format(wb);
    format_set_num_format(f.integer, "0");
    format_set_align(f.integer, LXW_ALIGN_VERTICAL_TOP);
    format_set_border(f.integer, LXW_BORDER_THIN);

    f.label = workbook_add_format(wb);
    format_set_bold(f.label);
    format_set_align(f.label, LXW_ALIGN_VERTICAL_TOP);
    return f;
}

/// Throws a libxlsxwriter error for the cell `row`, `column` (0-based) of `sheet_name`.
void check(lxw_error err, const std::string& sheet_name, std::size_t row, std::size_t column,
           const std::string& column_name, const std::string& text) {
    if (err == LXW_NO_ERROR) return;
    std::string field = sheet_name + " row " + std::to_string(row + 1) + ", column " + std::to_string(column + 1);
    if (!column_name.empty()) field += " (" + column_name + ")";
    throw validation_error(field, text, std::string("cannot be written to .xlsx: ") + lxw_strerror(err));
}

lxw_worksheet* add_sheet(lxw_workbook* wb, const std::string& name) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
    if (ws == nullptr) throw validation_error("sheet", name, "libxlsxwriter refused the worksheet name");
    return ws;
}

lxw_row_t row_index(std::size_t r) {
    if (r >= LXW_ROW_MAX) throw validation_error("rows", std::to_string(r + 1), "more rows than a worksheet holds");
    return static_cast<lxw_row_t>(r);
}

lxw_col_t col_index(std::size_t c) { return static_cast<lxw_col_t>(c); }

/// An Excel date cell: libxlsxwriter takes Unix seconds; whole days only.
lxw_error write_date(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const dates::date& d, lxw_format* f) {
    const std::int64_t seconds = static_cast<std::int64_t>(dates::to_day_number(d)) * 86400;
    return worksheet_write_unixtime(ws, r, c, seconds, f);
}

/// An Excel number cell holding an integer. Excel stores numbers as IEEE
/// doubles, so this is the one place a double appears: the integer is
/// converted exactly (|n| ≤ 2^53 is checked) and nothing is computed with it.
lxw_error write_integer(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, std::int64_t n, lxw_format* f) {
    constexpr std::int64_t exact = std::int64_t{1} << 53;
    if (n > exact || n < -exact) return LXW_ERROR_PARAMETER_VALIDATION;
    return worksheet_write_number(ws, r, c, static_cast<double>(n), f);
}

void write_table(lxw_workbook* wb, const sheet& s, const formats& f) {
    lxw_worksheet* ws = add_sheet(wb, s.name);
    const std::size_t ncols = s.headers.size();
    const lxw_col_t last_col = col_index(ncols - 1);

    check(worksheet_merge_range(ws, 0, 0, 0, last_col, s.title.c_str(), f.title), s.name, 0, 0, "", s.title);
    check(worksheet_set_row(ws, 0, 28, nullptr), s.name, 0, 0, "", "");
    for (std::size_t c = 0; c < ncols; ++c) {
        check(worksheet_write_string(ws, 1, col_index(c), s.headers[c].c_str(), f.header), s.name, 1, c,
              s.headers[c], s.headers[c]);
        const int width = c < s.widths.size() ? s.widths[c] : 12;
        check(worksheet_set_column(ws, col_index(c), col_index(c), width, nullptr), s.name, 1, c, s.headers[c], "");
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
        const lxw_row_t row = row_index(r + 2);
        for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
            const cell& v = s.rows[r][c];
            lxw_error err = LXW_NO_ERROR;
            std::string text;
            switch (v.k) {
                case cell::kind::empty: err = worksheet_write_blank(ws, row, col_index(c), f.text); break;
                case cell::kind::text:
                    text = v.text;
                    err = worksheet_write_string(ws, row, col_index(c), v.text.c_str(), f.text);
                    break;
                case cell::kind::date:
                    text = dates::to_string(v.day);
                    err = write_date(ws, row, col_index(c), v.day, f.date);
                    break;
                case cell::kind::integer:
                    text = std::to_string(v.number);
                    err = write_integer(ws, row, col_index(c), v.number, f.integer);
                    break;
            }
            check(err, s.name, r + 2, c, s.headers[c], text);
        }
    }
    worksheet_freeze_panes(ws, 2, 0);
    const lxw_row_t last_row = row_index(s.rows.empty() ? 1 : s.rows.size() + 1);
    check(worksheet_autofilter(ws, 1, 0, last_row, last_col), s.name, 1, 0, "", "");

    if (s.status_dropdown && !s.rows.empty()) {
        std::vector<std::string> labels;
        for (auto st : all_progress_statuses) labels.emplace_back(label_zh(st));
        std::vector<char*> list;
        for (auto& l : labels) list.push_back(l.data());
        list.push_back(nullptr);
        lxw_data_validation dv{};
        dv.validate = LXW_VALIDATION_TYPE_LIST;
        dv.value_list = list.data();
        const lxw_col_t c = col_index(*s.status_dropdown);
        check(worksheet_data_validation_range(ws, 2, c, last_row, c, &dv), s.name, 2, *s.status_dropdown,
              s.headers[*s.status_dropdown], "");
    }
}

void write_notes(lxw_workbook* wb, const note_sheet& n, const formats& f) {
    lxw_worksheet* ws = add_sheet(wb, n.name);
    check(worksheet_set_column(ws, 0, 0, 18, nullptr), n.name, 0, 0, "", "");
    check(worksheet_set_column(ws, 1, 1, 100, nullptr), n.name, 0, 1, "", "");
    for (std::size_t r = 0; r < n.lines.size(); ++r) {
        const lxw_row_t row = row_index(r);
        check(worksheet_write_string(ws, row, 0, n.lines[r].first.c_str(), f.label), n.name, r, 0, "",
              n.lines[r].first);
        check(worksheet_write_string(ws, row, 1, n.lines[r].second.c_str(), f.text), n.name, r, 1, "",
              n.lines[r].second);
    }
}

}  // namespace

void write_xlsx(const std::filesystem::path& file, std::span<const sheet> sheets, const note_sheet* notes) {
    workbook_handle wb(file);
    const formats f = make_formats(wb.get());
    for (const sheet& s : sheets) write_table(wb.get(), s, f);
    if (notes != nullptr) write_notes(wb.get(), *notes, f);
    wb.close();
}

void write_xlsx(const std::filesystem::path& file, const sheet& s, const note_sheet* notes) {
    write_xlsx(file, std::span<const sheet>(&s, 1), notes);
}

}  // namespace detail

void write_blank_ledger_xlsx(const std::filesystem::path& path, const plan::plan& p,
                             const template_options& options) {
    std::vector<detail::sheet> sheets;
    if (!options.sheet_per_unit) {
        sheets.push_back(detail::blank_ledger_sheet(p, options));
    } else {
        // One sheet per unit: each unit fills in its own, named by it. The
        // units asked for are checked as for one sheet (unknown, files none).
        (void)detail::blank_ledger_sheet(p, options);
        std::vector<std::string> ids;
        for (const auto& name : options.units) ids.push_back(plan::find_unit(p, name).id);
        for (const plan::unit* u : plan::ledger_units(p)) {
            if (!ids.empty() && !plan::detail::contains(ids, u->id)) continue;
            template_options one = options;
            one.units = {u->id};
            detail::sheet s = detail::blank_ledger_sheet(p, one);
            s.name = u->name;
            sheets.push_back(std::move(s));
        }
    }
    const detail::note_sheet notes = detail::fill_in_notes(p);
    io::write_atomically(path, [&](const std::filesystem::path& temp) { detail::write_xlsx(temp, sheets, &notes); });
}

void write_ledger_xlsx(const std::filesystem::path& path, const plan::plan& p,
                       std::span<const submission> submissions) {
    const detail::sheet s = detail::ledger_sheet(p, submissions);
    io::write_atomically(path, [&](const std::filesystem::path& temp) { detail::write_xlsx(temp, s, nullptr); });
}

void write_compliance_xlsx(const std::filesystem::path& path, std::span<const month_compliance> months,
                           const liaison_compliance* liaison) {
    const detail::sheet s = detail::compliance_sheet(months, liaison);
    const detail::note_sheet notes = detail::compliance_notes(months, liaison);
    io::write_atomically(path, [&](const std::filesystem::path& temp) { detail::write_xlsx(temp, s, &notes); });
}

}  // namespace zjcredit::ledger

namespace zjcredit::ledger {

void write_chase_xlsx(const std::filesystem::path& path, std::span<const chase_item> items) {
    const detail::sheet s = detail::chase_sheet(items);
    io::write_atomically(path, [&](const std::filesystem::path& temp) { detail::write_xlsx(temp, s, nullptr); });
}

}  // namespace zjcredit::ledger
