// The report as ONE self-contained HTML file: no network, no script, no
// external font or image; the charts are inline SVG drawn here. Every text
// taken from the inputs is escaped. Prints on A4 (@media print).
#ifndef ZJCREDIT_REPORT_HTML_HPP
#define ZJCREDIT_REPORT_HTML_HPP

#include <zjcredit/report/report.hpp>

#include <string>
#include <string_view>

namespace zjcredit::report {

/// How to_html() lays out the page.
struct html_options {
    bool english = false;  ///< --lang en; Chinese by default
};

/// The whole page.
std::string to_html(const report& r, const html_options& options = {});

/// `text` with & < > " ' escaped, safe in element content and in quoted attributes.
std::string escape_html(std::string_view text);

/// The small line chart of one target: the monthly figures (solid), the
/// projection from the latest figure to the deadline (dashed) and the
/// threshold (a horizontal line), in the target's stated unit. Coordinates
/// are whole pixels computed with exact rationals.
std::string trend_svg(const target_row& t, bool english);

}  // namespace zjcredit::report

#endif
