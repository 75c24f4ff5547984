// Target assessment across the C ABI (docs/assessment.md).
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/json.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

extern "C" {

ZJC_API int32_t zjc_assess(const zjc_plan* plan, const char* observations_json, char** out) {
    return guarded([&] {
        require(out, "out");
        const plan::plan& p = plan_or_default(plan);
        const auto observations = assess::observations_from_json(text_arg(observations_json, "observations"), p);
        *out = new_string(assess::assessment_to_json(assess::assess(p, observations)));
    });
}

}  // extern "C"
