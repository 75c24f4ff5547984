// The sandbox across the C ABI: a plan with overridden parameters
// (plan::with_parameters). The new handle is a plan like any other, so the
// rule entry points need nothing new, and the original handle is untouched.
#include "barrier.hpp"

#include "plan_handle.hpp"

#include <zjcredit/plan/overrides.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

ZJC_API int32_t zjc_plan_with_parameters(const zjc_plan* base, const char* overrides_json, zjc_plan** out) {
    return guarded([&] {
        require(out, "out");
        const std::string_view text = text_arg(overrides_json, "overrides_json");
        *out = new zjc_plan{plan::with_parameters_json(plan_or_default(base), text)};
    });
}
