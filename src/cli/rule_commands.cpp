// `zjcredit subsidy`, `zjcredit reward` and `zjcredit award`: the plan's money
// rules over files of records. CSV rows become records in the library
// (rules/csv.hpp: columns and cells as docs/records.md says); a record spans
// the consecutive rows that share its key.
#include "batch.hpp"
#include "batch_io.hpp"
#include "output.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/csv.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/listing_award.hpp>
#include <zjcredit/rules/receivables_reward.hpp>
#include <zjcredit/rules/columns.hpp>
#include <zjcredit/rules/table.hpp>
#include <zjcredit/dates/date.hpp>

#include <functional>
#include <span>
#include <string_view>
#include <vector>

namespace zjcredit::cli {

using namespace detail;

namespace {

template <class Result>
result_line line_of(const std::string& id, const Result& r, bool with_json) {
    return {{id}, r.eligible, r.amount, r.reasons, {}, with_json ? rules::to_json(r) : std::string()};
}

/// A loan's result line with its arithmetic (the 说明 of an eligible loan).
result_line subsidy_line(std::vector<std::string> lead, const rules::subsidy_row& row, const options& o,
                         const std::function<std::string()>& result_json) {
    return {std::move(lead), row.eligible, row.amount, row.reasons, o.lang == "en" ? row.arithmetic_en : row.arithmetic_zh,
            o.json ? result_json() : std::string()};
}

result_line subsidy_line(std::vector<std::string> lead, const rules::loan_record& loan, const plan::plan& p,
                         const options& o) {
    return subsidy_line(std::move(lead), rules::subsidy_for_table(loan, p), o,
                        [&] { return rules::first_loan_subsidy_json(loan, p); });
}

std::vector<std::string_view> column_list(std::span<const std::string_view> columns) {
    return {columns.begin(), columns.end()};
}

/// `zjcredit subsidy` on a bank's own table: lead columns borrower, loan_id
/// (when the table has one) and the carried ones; one line per loan.
int run_subsidy_table(const options& o, const plan::plan& p, const record_kind& kind, std::string bytes,
                      const std::string& file) {
    const rules::loan_table table = rules::read_loan_table_bytes(std::move(bytes), file, table_options_of(o));
    std::vector<lead_column> lead{kind.key_header};
    if (!table.loan_id_header.empty()) lead.push_back({"借据号", "loan_id"});
    for (const auto& h : table.carried_header) lead.push_back({h, h});

    output out(o.output);
    result_writer writer(out.stream(), o, lead, kind.nouns);
    rejects_writer rejects(o, file);
    rejects.header(table.header);
    for (const auto& loan : table.loans) {
        std::vector<std::string> cells{loan.borrower};
        if (!table.loan_id_header.empty()) cells.push_back(loan.loan_id);
        cells.insert(cells.end(), loan.carried.begin(), loan.carried.end());
        try {
            const rules::subsidy_row row = rules::subsidy_for_table(table, loan, p);
            writer.write(subsidy_line(std::move(cells), row, o,
                                      [&] { return rules::first_loan_subsidy_json(*loan.record, p); }));
        } catch (const zjcredit::error& e) {
            if (!rejects.active()) throw;
            for (std::size_t r = 0; r < loan.lines.size(); ++r) rejects.reject(loan.lines[r], e.what(), loan.cells[r]);
        }
    }
    return finish_run(writer, out, rejects, o.lang == "en");
}

}  // namespace

rules::table_options table_options_of(const options& o) {
    rules::table_options t;
    if (o.columns) t.columns = rules::read_column_mapping(*o.columns);
    if (o.rate_unit) t.rate_unit = *o.rate_unit == "percent" ? money::rate_unit::percent : money::rate_unit::fraction;
    if (o.period) t.period = rules::parse_period(*o.period, "--period");
    if (o.sheet) t.sheet = *o.sheet;
    if (o.encoding) t.encoding = *o.encoding;
    if (o.repayments) {
        // Empty means "no repayments" to the reader: said on purpose, it is no option at all.
        if (o.repayments->empty()) throw parse_error("--repayments", "", "names no file");
        t.repayments = *o.repayments;
    }
    return t;
}

int run_subsidy(const options& o) {
    const plan::plan& p = selected_plan(o);
    record_kind kind;
    kind.noun = "loan";
    kind.columns = column_list(rules::loan_csv_columns);
    kind.required = kind.columns;
    kind.key_column = rules::loan_csv_key;
    kind.key_header = {"借款人", "borrower"};
    kind.nouns = {"贴息金额", "amount", "笔", "loans", "first_loan_subsidy",
                  rules::detail::subsidy_parameters_used(p.first_loan_subsidy)};
    kind.from_csv = [&](const rules::csv_rows& rows) {
        const rules::loan_record loan = rules::loan_from_csv(rows);
        return subsidy_line({loan.borrower}, loan, p, o);
    };
    kind.from_json = [&](const std::string& text) {
        const rules::loan_record loan = rules::loan_record_from_json(text);
        return subsidy_line({loan.borrower}, loan, p, o);
    };
    kind.run_table = [&](const options& opts, std::string bytes, const std::string& file) {
        return run_subsidy_table(opts, p, kind, std::move(bytes), file);
    };
    try {
        kind.subsidy_batch = rules::batch::prepare(p.first_loan_subsidy);
        kind.subsidy_parameters = &p.first_loan_subsidy;
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
    kind.key_header = {"核心企业", "core_enterprise"};
    kind.nouns = {"奖励金额", "amount", "户", "enterprises", "receivables_reward",
                  rules::detail::reward_parameters_used(p.receivables_reward)};
    kind.from_csv = [&](const rules::csv_rows& rows) {
        const rules::receivables_record record = rules::receivables_from_csv(rows);
        return line_of(record.core_enterprise, rules::receivables_reward(record, p), o.json);
    };
    kind.from_json = [&](const std::string& text) {
        const rules::receivables_record record = rules::receivables_record_from_json(text);
        return line_of(record.core_enterprise, rules::receivables_reward(record, p), o.json);
    };
    return run_batch(o, kind);
}

int run_award(const options& o) {
    const plan::plan& p = selected_plan(o);
    record_kind kind;
    kind.noun = "company";
    kind.columns = {"company"};
    kind.key_column = "company";
    kind.key_header = {"公司", "company"};
    kind.nouns = {"奖励金额", "amount", "家", "companies", "listing_award", {}};
    kind.from_csv = [](const rules::csv_rows& rows) -> result_line {
        throw rules::csv_record_error(
            parse_error("award", "", "listing claims are JSON records (docs/records.md), not CSV"), rows.source, 0,
            rows.lines[0]);
    };
    kind.from_json = [&](const std::string& text) {
        const rules::listing_record record = rules::listing_record_from_json(text);
        return line_of(record.company, rules::listing_award(record, p), o.json);
    };
    return run_batch(o, kind);
}

}  // namespace zjcredit::cli
