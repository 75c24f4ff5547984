// `zjcredit subsidy`, `zjcredit reward` and `zjcredit award`: the plan's money
// rules over files of records. CSV rows become records in the library
// (rules/csv.hpp: columns and cells as docs/records.md says); a record spans
// the consecutive rows that share its key.
#include "batch.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/csv.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/listing_award.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <span>
#include <string_view>
#include <vector>

namespace zjcredit::cli {

namespace {

template <class Result>
record_outcome outcome_of(const std::string& id, const Result& r, bool with_json) {
    return {id, r.eligible, money::to_string(r.amount), r.reasons, with_json ? rules::to_json(r) : std::string()};
}

std::vector<std::string_view> column_list(std::span<const std::string_view> columns) {
    return {columns.begin(), columns.end()};
}

}  // namespace

int run_subsidy(const options& o) {
    const plan::plan& p = selected_plan(o);
    record_kind kind;
    kind.noun = "loan";
    kind.columns = column_list(rules::loan_csv_columns);
    kind.required = kind.columns;
    kind.key_column = rules::loan_csv_key;
    kind.from_csv = [&](const rules::csv_rows& rows) {
        const rules::loan_record loan = rules::loan_from_csv(rows);
        return outcome_of(loan.borrower, rules::first_loan_subsidy(loan, p), o.json);
    };
    kind.from_json = [&](const std::string& text) {
        const rules::loan_record loan = rules::loan_record_from_json(text);
        return outcome_of(loan.borrower, rules::first_loan_subsidy(loan, p), o.json);
    };
    try {
        kind.subsidy_batch = rules::batch::prepare(p.first_loan_subsidy);
    } catch (...) {
        // parameters the rule refuses: every loan says so through from_csv
    }
    return run_batch(o, kind);
}

int run_reward(const options& o) {
    const plan::plan& p = selected_plan(o);
    record_kind kind;
    kind.noun = "enterprise";
    kind.columns = column_list(rules::financing_csv_columns);
    kind.required = column_list(rules::financing_csv_required);
    kind.key_column = rules::financing_csv_key;
    kind.from_csv = [&](const rules::csv_rows& rows) {
        const rules::receivables_record record = rules::receivables_from_csv(rows);
        return outcome_of(record.core_enterprise, rules::receivables_reward(record, p), o.json);
    };
    kind.from_json = [&](const std::string& text) {
        const rules::receivables_record record = rules::receivables_record_from_json(text);
        return outcome_of(record.core_enterprise, rules::receivables_reward(record, p), o.json);
    };
    return run_batch(o, kind);
}

int run_award(const options& o) {
    const plan::plan& p = selected_plan(o);
    record_kind kind;
    kind.noun = "company";
    kind.columns = {"company"};
    kind.key_column = "company";
    kind.from_csv = [](const rules::csv_rows& rows) -> record_outcome {
        throw rules::csv_record_error(
            parse_error("award", "", "listing claims are JSON records (docs/records.md), not CSV"), rows.source, 0,
            rows.lines[0]);
    };
    kind.from_json = [&](const std::string& text) {
        const rules::listing_record record = rules::listing_record_from_json(text);
        return outcome_of(record.company, rules::listing_award(record, p), o.json);
    };
    return run_batch(o, kind);
}

}  // namespace zjcredit::cli
