// Plan JSON loading (include/zjcredit/plan/json.hpp). Property: a loaded plan
// saves to text that reloads to an equal plan and saves to the same text;
// lint and a query on it do not throw.
#include "fuzz_common.hpp"

#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/lint.hpp>

#include <optional>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using zjcredit::fuzz::must;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::as_text(data, size);
    std::optional<plan::plan> p;
    if (!accepts([&] { p.emplace(plan::plan_from_json(text)); }, "plan_from_json")) return 0;
    must([&] {
        const std::string saved = plan::plan_to_json(*p);
        const plan::plan reloaded = plan::plan_from_json(saved);
        ZJC_FUZZ_CHECK(reloaded == *p, "the reloaded plan differs");
        ZJC_FUZZ_CHECK(plan::plan_to_json(reloaded) == saved, "saving the reloaded plan gives other text");
        (void)plan::lint_to_json(plan::lint(*p));
        (void)plan::query_to_json(*p, "units");
        (void)plan::query_to_json(*p, "targets");
    }, "plan round trip");
    return 0;
}
