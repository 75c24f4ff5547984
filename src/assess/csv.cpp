// Observations from CSV (include/zjcredit/assess/csv.hpp): the rows are
// rewritten as the observations JSON so that both forms pass through the one
// validating reader, observations_from_json; a unit declared by a header
// "(亿元)", a "unit" cell or options.unit becomes the observation's "unit".
#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/figure_unit.hpp>
#include <zjcredit/assess/json.hpp>

#include "../io/csv.hpp"
#include "../json/document.hpp"

#include <array>
#include <sstream>
#include <utility>
#include <vector>

namespace zjcredit::assess {

namespace {

/// "current(亿元)" → {"current", "亿元"}; a name with no parenthesised tail is
/// returned whole with no unit.
std::pair<std::string, std::string> split_unit(const std::string& name) {
    using brackets = std::pair<std::string_view, std::string_view>;
    for (const auto& [open, close] : std::array<brackets, 2>{brackets{"(", ")"}, brackets{"（", "）"}}) {
        if (name.size() <= close.size() || name.compare(name.size() - close.size(), close.size(), close) != 0) continue;
        const auto at = name.rfind(open);
        if (at == std::string::npos || at == 0) continue;
        return {name.substr(0, at), name.substr(at + open.size(), name.size() - close.size() - at - open.size())};
    }
    return {name, ""};
}

bool is_figure_column(std::string_view c) { return c == "year_start" || c == "current" || c == "prior_year_total"; }

std::string observations_csv_to_json(std::string_view text, const plan::plan& p, const csv_read_options& options) {
    const std::string& name = options.source;
    std::istringstream in{std::string(text)};
    io::csv_reader reader(in, name,
                          options.encoding == csv_encoding::gb18030 ? io::encoding::gb18030 : io::encoding::detect);
    auto header_row = reader.next();
    if (!header_row) throw parse_error(name, "", "empty file: expected a header row");
    if (options.unit && !figure_unit_named(*options.unit))
        throw parse_error("unit", *options.unit, "not a unit of figures; use one of " + figure_unit_names());
    // The unit the figure columns' headers declare, one for the whole sheet.
    std::optional<figure_unit> header_unit;
    std::string header_unit_column;
    for (auto& column : *header_row) {
        auto [bare_name, word] = split_unit(column);
        if (word.empty()) continue;
        if (!is_figure_column(bare_name))
            throw parse_error(name + ":1", column, "only the figure columns (year_start, current, prior_year_total) "
                                                   "declare a unit");
        const auto u = figure_unit_named(word);
        if (!u) throw parse_error(name + ":1", column, "not a unit of figures; use one of " + figure_unit_names());
        if (header_unit && !(*header_unit == *u))
            throw parse_error(name + ":1", column,
                              "declares " + word + " but " + header_unit_column + " declares " +
                                  std::string(header_unit->word) + ": write every figure column in one unit");
        if (options.unit && u->base == plan::measure_unit::yuan && *figure_unit_named(*options.unit) != *u)
            throw parse_error(name + ":1", column, "declares " + word + " but --unit says " + *options.unit);
        header_unit = u;
        header_unit_column = column;
        column = bare_name;
    }
    const io::csv_header header(*header_row, name);
    header.only({observation_csv_columns.begin(), observation_csv_columns.end()});
    json::value items = json::value::array();
    std::string latest;
    while (auto row = reader.next()) {
        json::value item = json::value::object();
        for (const std::string_view column : observation_csv_columns) {
            const auto i = header.find(column);
            if (!i) continue;
            if (*i >= row->size())
                throw parse_error(name + ":" + std::to_string(reader.line()), "", "row has too few columns");
            const std::string& cell = (*row)[*i];
            if (!cell.empty()) item[std::string(column)] = cell;
        }
        if (!item.contains("unit") && item.contains("indicator")) {
            // The header's unit applies to the rows of its kind (亿元 to
            // amounts, 户 to borrowers); --unit to amounts.
            std::optional<plan::measure_unit> base;
            for (const auto& t : p.targets)
                if (t.indicator == item["indicator"].get<std::string>() ||
                    t.reference_indicator == item["indicator"].get<std::string>()) {
                    base = t.unit;
                    break;
                }
            if (base && header_unit && header_unit->base == *base) item["unit"] = std::string(header_unit->word);
            else if (base && options.unit && *base == plan::measure_unit::yuan) item["unit"] = *options.unit;
        }
        if (item.contains("as_of") && item["as_of"].get<std::string>() > latest) latest = item["as_of"].get<std::string>();
        items.push_back(std::move(item));
    }
    return json::dump(json::value{{"schema_version", 1}, {"as_of", latest}, {"observations", items}});
}

}  // namespace

observations observations_from_csv(std::string_view text, const plan::plan& p, const csv_read_options& options) {
    return observations_from_json(observations_csv_to_json(text, p, options), p);
}

}  // namespace zjcredit::assess
