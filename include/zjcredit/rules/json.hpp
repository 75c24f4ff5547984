// JSON for the rules (compiled part: link zjcredit::io): records in, results
// and receipts out. Every shape is documented in docs/records.md; field names
// are the same in C++, JSON, the C ABI, Python and the CLI.
//
// Reading is strict: unknown, duplicate or missing keys, JSON numbers where
// money, rates or dates belong (those are strings: "1,234.56", "4.35%",
// "2022-04-01") and malformed text are parse_error naming the JSON path
// ("balances[2].balance") and the text. Rule violations (overlapping ranges,
// a negative balance, ...) are the rules' validation_error, raised when the
// rule runs, so the C++ API and JSON report them alike.
//
// Writing is deterministic: identical values give byte-identical text (keys
// in a fixed order, two-space indentation, UTF-8 as is, a final newline).
// Amounts are strings with exactly two decimals; rates are percent strings
// ("4.35%"); dates are ISO 8601.
#ifndef ZJCREDIT_RULES_JSON_HPP
#define ZJCREDIT_RULES_JSON_HPP

#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/budget.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/listing_award.hpp>
#include <zjcredit/rules/receipt.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <string>
#include <string_view>

namespace zjcredit::rules {

// ---- records ---------------------------------------------------------------

/// A loan record (docs/records.md, "Loan"). Balances may also be given one
/// day at a time as {"date", "balance"}.
loan_record loan_record_from_json(std::string_view text);
/// The loan record in the shape loan_record_from_json() reads (balances as ranges).
std::string to_json(const loan_record& record);

/// A receivables record (docs/records.md, "Receivables").
receivables_record receivables_record_from_json(std::string_view text);
/// The receivables record in the shape receivables_record_from_json() reads.
std::string to_json(const receivables_record& record);

/// A listing record (docs/records.md, "Listing").
listing_record listing_record_from_json(std::string_view text);
/// The listing record in the shape listing_record_from_json() reads.
std::string to_json(const listing_record& record);

/// A budget request (docs/records.md, "Budget request").
budget_request budget_request_from_json(std::string_view text);
/// The budget request in the shape budget_request_from_json() reads.
std::string to_json(const budget_request& request);

// ---- results and receipts -----------------------------------------------------

/// A receipt alone; carries "receipt_schema_version" (= receipt_schema_version).
std::string to_json(const receipt& r);

/// A subsidy result: eligible, amount, reasons and receipt (docs/records.md, "Subsidy result").
std::string to_json(const first_loan_subsidy_result& result);
/// A reward result with its receipt (docs/records.md, "Reward result").
std::string to_json(const receivables_reward_result& result);
/// A listing result with its receipt (docs/records.md, "Listing result").
std::string to_json(const listing_award_result& result);
/// An allocation result with its receipt (docs/records.md, "Allocation result").
std::string to_json(const allocation_result& result);

// ---- one call: record text in, result text out ----------------------------------

/// Reads the loan record, applies the subsidy under `p`'s parameters, writes
/// the result. Throws parse_error for bad text and the rule's errors.
std::string first_loan_subsidy_json(std::string_view record, const plan::plan& p = plan::plan_2022());
/// to_json(first_loan_subsidy(loan, p)), the same text, written from the
/// rule's pieces without building the result (several times faster).
std::string first_loan_subsidy_json(const loan_record& loan, const plan::plan& p = plan::plan_2022());
/// Reads the receivables record, applies the reward under `p`'s parameters,
/// writes the result. Throws parse_error for bad text and the rule's errors.
std::string receivables_reward_json(std::string_view record, const plan::plan& p = plan::plan_2022());
/// Reads the listing record, applies the award under `p`'s parameters,
/// writes the result. Throws parse_error for bad text and the rule's errors.
std::string listing_award_json(std::string_view record, const plan::plan& p = plan::plan_2022());
/// Reads the budget request, allocates it as the request says, writes the
/// result; `p` only names the plan in the receipt. Throws parse_error for bad
/// text and the rule's errors.
std::string allocate_budget_json(std::string_view request, const plan::plan& p = plan::plan_2022());

}  // namespace zjcredit::rules

#endif
