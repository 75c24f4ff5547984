// Observations from CSV (compiled part: link zjcredit::json): the form a
// statistics office fills in a spreadsheet, read into the same records as the
// observations JSON (docs/assessment.md).
#ifndef ZJCREDIT_ASSESS_CSV_HPP
#define ZJCREDIT_ASSESS_CSV_HPP

#include <zjcredit/assess/observation.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::assess {

/// The columns of an observations CSV, one row per indicator. Any subset in
/// any order; an empty cell is a figure (or date, or source) not given.
/// A figure column may declare the unit of its bare numbers in its header,
/// "current(亿元)" or "current（万元）"; the column "unit" declares it per row.
inline constexpr std::array<std::string_view, 7> observation_csv_columns = {
    "indicator", "year_start", "current", "prior_year_total", "as_of", "source", "unit",
};

/// How the bytes of a CSV are text.
enum class csv_encoding {
    detect,   ///< a UTF-8 BOM or valid UTF-8 is UTF-8, anything else GB18030
    gb18030,  ///< GB18030 whatever the bytes look like
};

/// How an observations CSV is named in errors, decoded and its bare amounts read.
struct csv_read_options {
    /// Named in errors ("observations.csv").
    std::string source = "observations.csv";
    csv_encoding encoding = csv_encoding::detect;  ///< how the bytes are text
    /// The unit of bare amounts where neither a header nor the row's "unit"
    /// declares one ("亿元", "万元", "元"; --unit). Never guessed: a bare
    /// figure with no declaration is 元, and one far too small for its
    /// target is refused (observations_from_json).
    std::optional<std::string> unit = std::nullopt;
};

/// Reads an observations CSV: a header row of observation_csv_columns, then
/// one observation per row; the report's date is the latest `as_of` given
/// (compared as written, so write them as ISO dates). Each row reads as the
/// JSON observation with its non-empty cells as strings, through
/// observations_from_json, so a cell is checked and refused as that value is
/// in JSON: errors name the JSON path ("observations[2].current") and quote
/// the text. The CSV itself (quoting, encoding, an unknown column, a short
/// row) is a parse_error naming `source` and, for a row, its line
/// ("observations.csv:3").
///
/// Units: a row's figures are in the unit its "unit" cell names; else in the
/// unit its figure columns' headers declare ("current(亿元)": for the rows of
/// amount indicators, a count's row is not scaled by an amount unit); else in
/// options.unit for amounts. Figure columns declaring different units, or a
/// header that disagrees with options.unit, are a parse_error.
observations observations_from_csv(std::string_view text, const plan::plan& p = plan::plan_2022(),
                                   const csv_read_options& options = {});

}  // namespace zjcredit::assess

#endif
