// rules::outcome: a money rule's answer without its receipt — eligible, the
// amount and the reason bits (rules::reason_table) — for callers that send
// one record at a time and do not want the receipt (a bureau system that
// pays, a script that sums). The same answer as first_loan_subsidy() /
// receivables_reward() give, and the same errors.
#ifndef ZJCREDIT_RULES_OUTCOME_HPP
#define ZJCREDIT_RULES_OUTCOME_HPP

#include <zjcredit/money/amount.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <cstdint>

namespace zjcredit::rules {

/// A rule's answer for one record: the verdict, the amount paid and why.
struct outcome {
    bool eligible = false;      ///< the rule's verdict, as its result (with receipt) gives it
    money::amount amount;       ///< 0.00 when not eligible
    std::uint32_t reasons = 0;  ///< reason_table bits: failed checks, caps that bit

    /// Field by field.
    friend bool operator==(const outcome&, const outcome&) = default;
};

/// The first-loan subsidy of `loan` without its receipt: the kernel alone.
/// Throws what first_loan_subsidy() throws.
inline outcome first_loan_subsidy_outcome(const loan_record& loan, const plan::first_loan_subsidy_parameters& params) {
    const batch::prepared_subsidy prepared = batch::prepare(params);
    batch::no_trace trace;
    const batch::row_result r = detail::run_kernel(loan, prepared, trace);
    if (r.status != batch::status_ok) {  // an overflow of the total: the rule says it with the exact value
        (void)first_loan_subsidy(loan, params, plan_reference{});
        throw overflow_error("amount", "", "the subsidy is out of the amount range");
    }
    return {r.eligible, money::amount::from_fen(r.amount), r.reasons};
}

/// The receivables reward of `record` without its receipt: the kernel alone.
inline outcome receivables_reward_outcome(const receivables_record& record,
                                          const plan::receivables_reward_parameters& params) {
    const batch::prepared_reward prepared = batch::prepare(params);
    batch::no_trace trace;
    const batch::row_result r = detail::run_kernel(record, prepared, trace);
    if (r.status != batch::status_ok) {  // an overflow of a sum or the total: the rule says which
        (void)receivables_reward(record, params, plan_reference{});
        throw overflow_error("amount", "", "the reward is out of the amount range");
    }
    return {r.eligible, money::amount::from_fen(r.amount), r.reasons};
}

}  // namespace zjcredit::rules

#endif
