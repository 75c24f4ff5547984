// The content of every ledger file, built once and rendered as CSV or .xlsx,
// so both formats always carry the same cells. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_LEDGER_TABLE_HPP
#define ZJCREDIT_SRC_LEDGER_TABLE_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/ledger/chase.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/ledger.hpp>
#include <zjcredit/plan/plan.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace zjcredit::ledger::detail {

struct cell {
    enum class kind { empty, text, date, integer };
    kind k = kind::empty;
    std::string text;
    dates::date day;
    std::int64_t number = 0;

    static cell of_text(std::string s) {
        cell c;
        c.k = kind::text;
        c.text = std::move(s);
        return c;
    }
    static cell of_date(const std::optional<dates::date>& d) {
        cell c;
        if (d) {
            c.k = kind::date;
            c.day = *d;
        }
        return c;
    }
    static cell of_integer(std::int64_t n) {
        cell c;
        c.k = kind::integer;
        c.number = n;
        return c;
    }
};

/// One table: a title (row 1 of the .xlsx only), column names, rows.
struct sheet {
    std::string name;   ///< worksheet name
    std::string title;  ///< the .xlsx's first row
    std::vector<std::string> headers;
    std::vector<std::vector<cell>> rows;
    std::vector<int> widths;  ///< column widths in characters (.xlsx)
    std::optional<std::size_t> status_dropdown;  ///< column offering the four statuses
};

/// A sheet of notes: label, text.
struct note_sheet {
    std::string name;
    std::vector<std::pair<std::string, std::string>> lines;
};

sheet blank_ledger_sheet(const plan::plan& p, const template_options& options);
sheet ledger_sheet(const plan::plan& p, std::span<const submission> submissions);
sheet compliance_sheet(std::span<const month_compliance> months, const liaison_compliance* liaison);
sheet chase_sheet(std::span<const chase_item> items);
note_sheet fill_in_notes(const plan::plan& p);
note_sheet compliance_notes(std::span<const month_compliance> months, const liaison_compliance* liaison);

/// UTF-8 with BOM, CRLF, RFC 4180 quoting; no title row.
std::string to_csv(const sheet& s);

/// Writes `s` (and `notes`) to `file` with libxlsxwriter. Throws on any
/// libxlsxwriter error; the caller removes the file.
void write_xlsx(const std::filesystem::path& file, const sheet& s, const note_sheet* notes);

/// The same with several tables, one worksheet each, in order.
void write_xlsx(const std::filesystem::path& file, std::span<const sheet> sheets, const note_sheet* notes);

}  // namespace zjcredit::ledger::detail

#endif
