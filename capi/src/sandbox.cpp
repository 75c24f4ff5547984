// The sandbox across the C ABI: a plan with overridden parameters
// (plan::with_parameters), and the goal seek over banks' tables
// (sandbox/tables.hpp). The new handle is a plan like any other, so the
// rule entry points need nothing new, and the original handle is untouched.
#include "barrier.hpp"

#include "plan_handle.hpp"

#include <zjcredit/plan/overrides.hpp>
#include <zjcredit/sandbox/tables.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

ZJC_API int32_t zjc_plan_with_parameters(const zjc_plan* base, const char* overrides_json, zjc_plan** out) {
    return guarded([&] {
        require(out, "out");
        const std::string_view text = text_arg(overrides_json, "overrides_json");
        *out = new zjc_plan{plan::with_parameters_json(plan_or_default(base), text)};
    });
}

ZJC_API int32_t zjc_seek_tables(const zjc_plan* plan, const char* tables_json, const char* options_json, char** out) {
    return guarded([&] {
        require(out, "out");
        const std::string_view tables = text_arg(tables_json, "tables_json");
        const std::string_view options = text_arg(options_json, "options_json");
        *out = new_string(sandbox::seek_tables_json(tables, options, plan_or_default(plan)));
    });
}
