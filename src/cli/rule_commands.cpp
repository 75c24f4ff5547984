// `zjcredit subsidy`, `zjcredit reward` and `zjcredit award`: the plan's money
// rules over files of records. CSV columns carry the record fields of
// docs/records.md; a record spans the consecutive rows that share its key.
#include "batch.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/listing_award.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <sstream>

namespace zjcredit::cli {

namespace {

using cell_fn = std::function<const std::string&(std::size_t, std::string_view)>;
using rows_t = std::vector<std::vector<std::string>>;

/// The cell of a column that must be the same on every row of a record.
const std::string& record_cell(const rows_t& rows, const cell_fn& cell, std::string_view column) {
    const std::string& first = cell(0, column);
    for (std::size_t r = 1; r < rows.size(); ++r)
        if (cell(r, column) != first)
            throw validation_error(std::string(column), cell(r, column),
                                   "differs from the record's first row (\"" + first + "\")");
    cell(0, column);  // report the first row if a later check fails
    return first;
}

template <class Result>
record_outcome outcome_of(const std::string& id, const Result& r, bool with_json) {
    return {id, r.eligible, money::to_string(r.amount), r.reasons, with_json ? rules::to_json(r) : std::string()};
}

rules::loan_record loan_from_rows(const rows_t& rows, const cell_fn& cell) {
    rules::loan_record loan;
    loan.borrower = record_cell(rows, cell, "borrower");
    const std::string& kind = record_cell(rows, cell, "borrower_kind");
    const auto k = plan::borrower_kind_from_string(kind);
    if (!k) throw parse_error("borrower_kind", kind, "must be small, micro or individual_business");
    loan.borrower_kind = *k;
    loan.first_application_date =
        dates::parse_date(record_cell(rows, cell, "first_application_date"), "first_application_date");
    loan.via_platform = parse_flag(record_cell(rows, cell, "via_platform"), "via_platform");
    loan.local_legal_person_lender =
        parse_flag(record_cell(rows, cell, "local_legal_person_lender"), "local_legal_person_lender");
    loan.first_loan = parse_flag(record_cell(rows, cell, "first_loan"), "first_loan");
    loan.annual_rate = money::parse_rate(record_cell(rows, cell, "annual_rate"), "annual_rate");
    loan.period.from = dates::parse_date(record_cell(rows, cell, "period_from"), "period_from");
    loan.period.to = dates::parse_date(record_cell(rows, cell, "period_to"), "period_to");
    for (std::size_t r = 0; r < rows.size(); ++r)
        loan.balances.push_back({dates::parse_date(cell(r, "balance_from"), "balance_from"),
                                 dates::parse_date(cell(r, "balance_to"), "balance_to"),
                                 money::parse_amount(cell(r, "balance"), {.field = "balance", .round_excess = {}})});
    return loan;
}

rules::receivables_record receivables_from_rows(const rows_t& rows, const cell_fn& cell) {
    rules::receivables_record record;
    record.core_enterprise = record_cell(rows, cell, "core_enterprise");
    for (std::size_t r = 0; r < rows.size(); ++r) {
        rules::financing f;
        f.sme = cell(r, "sme");
        f.amount = money::parse_amount(cell(r, "amount"), {.field = "amount", .round_excess = {}});
        f.start = dates::parse_date(cell(r, "start"), "start");
        if (const std::string& end = cell(r, "end"); !end.empty()) f.end = dates::parse_date(end, "end");
        if (const std::string& days = cell(r, "days"); !days.empty()) {
            const money::decimal d = money::parse_decimal(days, "days").normalized();
            if (d.scale() != 0 || d.coefficient() < 1 || d.coefficient() > 3'000'000)
                throw parse_error("days", days, "must be a whole number of days from 1 to 3000000");
            f.days = static_cast<std::int64_t>(d.coefficient());
        }
        f.confirmed_on_platform = parse_flag(cell(r, "confirmed_on_platform"), "confirmed_on_platform");
        record.financings.push_back(std::move(f));
    }
    return record;
}

}  // namespace

int run_subsidy(const options& o) {
    const plan::plan& p = selected_plan(o);
    record_kind kind;
    kind.noun = "loan";
    kind.columns = {"borrower",    "borrower_kind", "first_application_date", "via_platform",
                    "local_legal_person_lender", "first_loan", "annual_rate", "period_from",
                    "period_to",   "balance_from",  "balance_to",           "balance"};
    kind.required = kind.columns;
    kind.key_column = "borrower";
    kind.from_rows = [&](const rows_t& rows, const cell_fn& cell) {
        const rules::loan_record loan = loan_from_rows(rows, cell);
        return outcome_of(loan.borrower, rules::first_loan_subsidy(loan, p), o.json);
    };
    kind.from_json = [&](const std::string& text) {
        const rules::loan_record loan = rules::loan_record_from_json(text);
        return outcome_of(loan.borrower, rules::first_loan_subsidy(loan, p), o.json);
    };
    try {
        kind.subsidy_batch = rules::batch::prepare(p.first_loan_subsidy);
    } catch (...) {
        // parameters the rule refuses: every loan says so through from_rows
    }
    return run_batch(o, kind);
}

int run_reward(const options& o) {
    const plan::plan& p = selected_plan(o);
    record_kind kind;
    kind.noun = "enterprise";
    kind.columns = {"core_enterprise", "sme", "amount", "start", "end", "days", "confirmed_on_platform"};
    kind.required = {"core_enterprise", "sme", "amount", "start", "confirmed_on_platform"};
    kind.key_column = "core_enterprise";
    kind.from_rows = [&](const rows_t& rows, const cell_fn& cell) {
        const rules::receivables_record record = receivables_from_rows(rows, cell);
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
    kind.from_rows = [](const rows_t&, const cell_fn&) -> record_outcome {
        throw parse_error("award", "", "listing claims are JSON records (docs/records.md), not CSV");
    };
    kind.from_json = [&](const std::string& text) {
        const rules::listing_record record = rules::listing_record_from_json(text);
        return outcome_of(record.company, rules::listing_award(record, p), o.json);
    };
    return run_batch(o, kind);
}

}  // namespace zjcredit::cli
