// The light calls across the C ABI: a rule's answer (eligible, amount, reason
// bits) straight into out-parameters, without the JSON result and its
// receipt that a caller sending one record at a time would only throw away.
// The record is read exactly as the JSON calls read it, so the errors match.
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/outcome.hpp>

using namespace zjcredit;
using namespace zjcredit::capi;

namespace {

/// Checks every pointer, runs `rule` on the record text and writes the
/// outcome; nothing is written unless the rule succeeds.
template <class Rule>
int32_t answer(const char* record, int64_t* out_fen, int32_t* out_eligible, uint32_t* out_reasons, Rule rule) {
    return guarded([&] {
        require(out_fen, "out_fen");
        require(out_eligible, "out_eligible");
        require(out_reasons, "out_reasons");
        const rules::outcome o = rule(text_arg(record, "record"));
        *out_fen = o.amount.fen();
        *out_eligible = o.eligible ? 1 : 0;
        *out_reasons = o.reasons;
    });
}

}  // namespace

extern "C" {

ZJC_API int32_t zjc_first_loan_subsidy_amount(const zjc_plan* plan, const char* loan_json, int64_t* out_fen,
                                              int32_t* out_eligible, uint32_t* out_reasons) {
    return answer(loan_json, out_fen, out_eligible, out_reasons, [&](std::string_view r) {
        return rules::first_loan_subsidy_outcome(rules::loan_record_from_json(r),
                                                 plan_or_default(plan).first_loan_subsidy);
    });
}

ZJC_API int32_t zjc_receivables_reward_amount(const zjc_plan* plan, const char* enterprise_json, int64_t* out_fen,
                                              int32_t* out_eligible, uint32_t* out_reasons) {
    return answer(enterprise_json, out_fen, out_eligible, out_reasons, [&](std::string_view r) {
        return rules::receivables_reward_outcome(rules::receivables_record_from_json(r),
                                                 plan_or_default(plan).receivables_reward);
    });
}

}  // extern "C"
