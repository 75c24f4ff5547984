// The what-if across the C ABI (sandbox/whatif.hpp): scenarios side by side
// over banks' tables, read as zjc_seek_tables reads them.
#include "barrier.hpp"

#include "plan_handle.hpp"

#include <zjcredit/sandbox/whatif.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

ZJC_API int32_t zjc_whatif_tables(const zjc_plan* plan, const char* tables_json, const char* options_json, char** out) {
    return guarded([&] {
        require(out, "out");
        const std::string_view tables = text_arg(tables_json, "tables_json");
        const std::string_view options = text_arg(options_json, "options_json");
        *out = new_string(sandbox::whatif_tables_json(tables, options, plan_or_default(plan)));
    });
}
