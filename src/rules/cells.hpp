// One cell of a bank's table read as a record field: dates as banks write
// them (dates::parse_table_date), rates only with a known unit, amounts in
// the unit their header names, borrower kinds in English or Chinese, flags.
// The one place a table cell becomes a value, for the streaming CSV reader
// (csv.cpp) and the table reader (table.cpp) alike. Internal to the
// compiled part.
#ifndef ZJCREDIT_SRC_RULES_CELLS_HPP
#define ZJCREDIT_SRC_RULES_CELLS_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/rules/csv.hpp>

#include <string>
#include <string_view>

namespace zjcredit::rules::read_cell {

inline dates::date date(std::string_view text, std::string_view field) {
    return dates::parse_table_date(text, field);
}

inline bool flag(std::string_view text, std::string_view field) { return parse_flag(text, field); }

inline plan::borrower_kind kind(std::string_view text, std::string_view field) {
    const auto k = plan::borrower_kind_from_text(text);
    if (!k)
        throw parse_error(std::string(field), std::string(text),
                          "expected a borrower kind: 小型/小型企业 (small), 微型/微型企业 (micro), 个体工商户 "
                          "(individual_business), 中型/中型企业 (medium) or 大型/大型企业 (large)");
    return *k;
}

/// The unit of a rate column: from its header ("利率(%)" → percent), else
/// the caller's declaration (--rate-unit); both, and different, is an error
/// naming the table (`source`) and quoting the header.
inline money::rate_unit rate_unit_of(const std::string& header_unit, money::rate_unit declared,
                                     std::string_view header, const std::string& source) {
    if (header_unit.empty()) return declared;
    if (header_unit != "%")
        throw parse_error(source + ": header", std::string(header),
                          "a rate column's unit is written (%) or left out; \"" + header_unit + "\" is not a rate unit");
    if (declared == money::rate_unit::fraction)
        throw parse_error(source + ": header", std::string(header),
                          "says the rates are percents, and the declared rate unit (--rate-unit, rate_unit) says fractions: drop one of the two");
    return money::rate_unit::percent;
}

inline money::rate rate(std::string_view text, money::rate_unit unit, std::string_view field) {
    return money::parse_rate(text, unit, field);
}

/// The multiplier of an amount column's unit: 元 (or none) 1, 万元 10^4, 亿元 10^8;
/// another unit is an error naming the table (`source`) and quoting the header.
inline std::string_view amount_suffix(const std::string& header_unit, std::string_view header,
                                      const std::string& source) {
    if (header_unit.empty() || header_unit == "元" || header_unit == "人民币元") return "";
    if (header_unit == "万元") return "万";
    if (header_unit == "亿元") return "亿";
    throw parse_error(source + ": header", std::string(header),
                      "an amount column's unit is 元, 万元 or 亿元; \"" + header_unit + "\" is not one");
}

/// An amount cell; `suffix` is amount_suffix() of its column, applied to a
/// bare number only (a cell that writes its own unit, "120万", is read as written).
inline money::amount amount(std::string_view text, std::string_view suffix, std::string_view field) {
    const money::amount_parse_options options{.field = field, .round_excess = {}};
    if (suffix.empty()) return money::parse_amount(text, options);
    const bool bare = text.find("万") == std::string_view::npos && text.find("亿") == std::string_view::npos &&
                      text.find("元") == std::string_view::npos;
    if (!bare) return money::parse_amount(text, options);
    try {
        return money::parse_amount(std::string(text) + std::string(suffix), options);
    } catch (const error& e) {
        throw error(e.code(), std::string(field), std::string(text), e.detail() + " (in " + std::string(suffix) + "元)",
                    e.position());
    }
}

}  // namespace zjcredit::rules::read_cell

#endif
