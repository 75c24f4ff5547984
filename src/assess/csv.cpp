// Observations from CSV (include/zjcredit/assess/csv.hpp): the rows are
// rewritten as the observations JSON so that both forms pass through the one
// validating reader, observations_from_json.
#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/json.hpp>

#include "../io/csv.hpp"
#include "../json/document.hpp"

#include <sstream>
#include <vector>

namespace zjcredit::assess {

namespace {

std::string observations_csv_to_json(std::string_view text, const csv_read_options& options) {
    const std::string& name = options.source;
    std::istringstream in{std::string(text)};
    io::csv_reader reader(in, name,
                          options.encoding == csv_encoding::gb18030 ? io::encoding::gb18030 : io::encoding::detect);
    const auto header_row = reader.next();
    if (!header_row) throw parse_error(name, "", "empty file: expected a header row");
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
        if (item.contains("as_of") && item["as_of"].get<std::string>() > latest) latest = item["as_of"].get<std::string>();
        items.push_back(std::move(item));
    }
    return json::dump(json::value{{"schema_version", 1}, {"as_of", latest}, {"observations", items}});
}

}  // namespace

observations observations_from_csv(std::string_view text, const plan::plan& p, const csv_read_options& options) {
    return observations_from_json(observations_csv_to_json(text, options), p);
}

}  // namespace zjcredit::assess
