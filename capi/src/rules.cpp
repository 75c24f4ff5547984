// The money rules across the C ABI: a JSON record in, a JSON result with its
// receipt out (docs/records.md).
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/table.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

namespace {

template <class Rule>
int32_t apply(const zjc_plan* plan, const char* record, char** out, Rule rule) {
    return guarded([&] {
        require(out, "out");
        *out = new_string(rule(text_arg(record, "record"), plan_or_default(plan)));
    });
}

}  // namespace

extern "C" {

ZJC_API int32_t zjc_first_loan_subsidy(const zjc_plan* plan, const char* loan_json, char** out) {
    return apply(plan, loan_json, out, [](std::string_view r, const plan::plan& p) {
        return rules::first_loan_subsidy_json(r, p);
    });
}

ZJC_API int32_t zjc_receivables_reward(const zjc_plan* plan, const char* enterprise_json, char** out) {
    return apply(plan, enterprise_json, out, [](std::string_view r, const plan::plan& p) {
        return rules::receivables_reward_json(r, p);
    });
}

ZJC_API int32_t zjc_listing_award(const zjc_plan* plan, const char* company_json, char** out) {
    return apply(plan, company_json, out, [](std::string_view r, const plan::plan& p) {
        return rules::listing_award_json(r, p);
    });
}

ZJC_API int32_t zjc_subsidy_table(const zjc_plan* plan, const char* data, size_t size, const char* name,
                                  const char* options_json, char** out) {
    return guarded([&] {
        require(out, "out");
        if (data == nullptr && size != 0) require(data, "data");
        const rules::table_options options =
            rules::table_options_from_json(options_json == nullptr ? std::string_view() : text_arg(options_json, "options_json"));
        *out = new_string(rules::subsidy_table_json(std::string(data == nullptr ? "" : data, size),
                                                    name == nullptr ? "table" : std::string(text_arg(name, "name")),
                                                    options, plan_or_default(plan)));
    });
}

ZJC_API int32_t zjc_budget_allocate(const zjc_plan* plan, const char* request_json, char** out) {
    return apply(plan, request_json, out, [](std::string_view r, const plan::plan& p) {
        return rules::allocate_budget_json(r, p);
    });
}

}  // extern "C"
