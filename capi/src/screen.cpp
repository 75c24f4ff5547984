// The screen (免申即享) across the C ABI: banks' tables and options as JSON
// in, the per-borrower and per-loan columns, conflicts and totals as JSON out
// (include/zjcredit/screen/json.hpp).
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/screen/json.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

extern "C" {

ZJC_API int32_t zjc_screen_tables(const zjc_plan* plan, const char* tables_json, const char* options_json,
                                  char** out) {
    return guarded([&] {
        require(out, "out");
        const std::string_view tables = text_arg(tables_json, "tables_json");
        const std::string_view options =
            options_json == nullptr ? std::string_view() : text_arg(options_json, "options_json");
        *out = new_string(screen::screen_tables_json(tables, options, plan_or_default(plan).first_loan_subsidy));
    });
}

}  // extern "C"
