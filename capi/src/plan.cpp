// The plan handle across the C ABI: the embedded plan, JSON load and save,
// lint and queries. A zjc_plan is immutable after creation, so sharing one
// between threads needs no lock.
#include "barrier.hpp"

#include "plan_handle.hpp"

#include <zjcredit/plan/json.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

namespace {

/// The queries whose `arg` names something: NULL there is an unusable argument.
bool query_needs_arg(std::string_view query) {
    return query == "unit" || query == "measures_led_by" || query == "measures_responsible" ||
           query == "units_of" || query == "targets_of";
}

}  // namespace

extern "C" {

ZJC_API int32_t zjc_plan_default(zjc_plan** out) {
    return guarded([&] {
        require(out, "out");
        *out = new zjc_plan{plan::plan_2022()};
    });
}

ZJC_API int32_t zjc_plan_load_json(zjc_plan** out, const char* json, size_t len) {
    return guarded([&] {
        require(out, "out");
        require(json, "json");
        *out = new zjc_plan{plan::plan_from_json(std::string_view(json, len))};
    });
}

ZJC_API void zjc_plan_free(zjc_plan* p) { delete p; }

ZJC_API int32_t zjc_plan_to_json(const zjc_plan* p, char** out) {
    return guarded([&] {
        require(p, "plan");
        require(out, "out");
        *out = new_string(plan::plan_to_json(p->value));
    });
}

ZJC_API int32_t zjc_plan_lint(const zjc_plan* p, char** out) {
    return guarded([&] {
        require(p, "plan");
        require(out, "out");
        *out = new_string(plan::lint_to_json(plan::lint(p->value)));
    });
}

ZJC_API int32_t zjc_plan_query(const zjc_plan* p, const char* query, const char* arg, char** out) {
    return guarded([&] {
        require(p, "plan");
        require(out, "out");
        const std::string_view q = text_arg(query, "query");
        if (arg == nullptr && query_needs_arg(q))
            throw invalid_argument("arg must not be NULL for query \"" + std::string(q) + "\"");
        *out = new_string(plan::query_to_json(p->value, q, arg ? arg : ""));
    });
}

}  // extern "C"
