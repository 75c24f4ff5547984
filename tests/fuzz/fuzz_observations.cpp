// Assessment observations (assess/json.hpp: observations_from_json), given as
// JSON or, like `zjcredit assess FILE`, as CSV (columns indicator,
// year_start, current, prior_year_total, as_of, source) rewritten to the
// observations JSON exactly as src/cli/assess_command.cpp does. Properties:
// accepted observations assess without throwing, write back to JSON that
// reads to equal observations and writes to the same text.
#include "fuzz_common.hpp"

#include "../../src/io/csv.hpp"
#include "../../src/json/document.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/json.hpp>

#include <optional>
#include <sstream>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

namespace {

// As src/cli/common.cpp.
bool looks_like_json(std::string_view text) {
    if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
    const auto first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

// As observations_csv_to_json in src/cli/assess_command.cpp.
std::string observations_csv_to_json(const std::string& text, const std::string& name) {
    std::istringstream in(text);
    io::csv_reader reader(in, name, io::encoding::detect);
    const auto header_row = reader.next();
    if (!header_row) throw parse_error(name, "", "empty file: expected a header row");
    const io::csv_header header(*header_row, name);
    header.only({"indicator", "year_start", "current", "prior_year_total", "as_of", "source"});
    json::value items = json::value::array();
    std::string latest;
    while (auto row = reader.next()) {
        json::value item = json::value::object();
        for (std::string_view column : {"indicator", "year_start", "current", "prior_year_total", "as_of", "source"}) {
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

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::as_text(data, size));
    const plan::plan& p = plan::plan_2022();
    std::optional<assess::observations> obs;
    if (!accepts([&] {
            obs.emplace(assess::observations_from_json(
                looks_like_json(text) ? text : observations_csv_to_json(text, "observations.csv"), p));
        }, "observations_from_json"))
        return 0;
    must([&] {
        const std::string written = assess::observations_to_json(*obs, p);
        const assess::observations again = assess::observations_from_json(written, p);
        ZJC_FUZZ_CHECK(again == *obs, written);
        ZJC_FUZZ_CHECK(assess::observations_to_json(again, p) == written, written);
        const assess::assessment a = assess::assess(p, *obs);
        ZJC_FUZZ_CHECK(!assess::assessment_to_json(a).empty());
    }, "observations round trip and assessment");
    return 0;
}
