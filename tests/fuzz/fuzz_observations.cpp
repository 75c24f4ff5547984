// Assessment observations (assess/json.hpp: observations_from_json), given as
// JSON or, like `zjcredit assess FILE`, as CSV (columns indicator,
// year_start, current, prior_year_total, as_of, source) read by
// assess::observations_from_csv as `zjcredit assess` reads it. Properties:
// accepted observations assess without throwing, write back to JSON that
// reads to equal observations and writes to the same text.
#include "fuzz_common.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/json.hpp>

#include <optional>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(fuzz::as_text(data, size));
    const plan::plan& p = plan::plan_2022();
    std::optional<assess::observations> obs;
    if (!accepts([&] {
            obs.emplace(looks_like_json(text) ? assess::observations_from_json(text, p)
                                              : assess::observations_from_csv(text, p));
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
