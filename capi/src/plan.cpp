// The plan handle across the C ABI: the embedded plan, JSON load and save,
// lint and queries. A zjc_plan is immutable after creation, so sharing one
// between threads needs no lock.
#include "barrier.hpp"

#include "plan_handle.hpp"

#include <zjcredit/plan/json.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

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
        *out = new_string(plan::query_to_json(p->value, text_arg(query, "query"), arg ? arg : ""));
    });
}

}  // extern "C"
