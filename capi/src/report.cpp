// The one report across the C ABI (docs/report.md).
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/report/html.hpp>
#include <zjcredit/report/json.hpp>
#include <zjcredit/report/report.hpp>

#include <string>

using namespace zjcredit;
using namespace zjcredit::capi;

extern "C" {

ZJC_API int32_t zjc_report_json(const zjc_plan* plan, const char* inputs_json, char** out) {
    return guarded([&] {
        require(out, "out");
        const plan::plan& p = plan_or_default(plan);
        *out = new_string(report::to_json(report::build(p, report::inputs_from_json(text_arg(inputs_json, "inputs"), p))));
    });
}

ZJC_API int32_t zjc_report_html(const zjc_plan* plan, const char* inputs_json, const char* lang, char** out) {
    return guarded([&] {
        require(out, "out");
        const std::string language = lang == nullptr ? "zh" : lang;
        if (language != "zh" && language != "en") throw parse_error("lang", language, "must be zh or en");
        const plan::plan& p = plan_or_default(plan);
        const report::report r = report::build(p, report::inputs_from_json(text_arg(inputs_json, "inputs"), p));
        *out = new_string(report::to_html(r, {.english = language == "en"}));
    });
}

}  // extern "C"
