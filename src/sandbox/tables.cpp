// The sandbox over banks' tables (include/zjcredit/sandbox/tables.hpp).
#include <zjcredit/sandbox/tables.hpp>

#include "tables_json.hpp"

#include "../json/document.hpp"
#include "../json/reader.hpp"
#include "../rules/table_request.hpp"

#include <zjcredit/rules/batch.hpp>

#include <array>
#include <utility>

namespace zjcredit::sandbox {

loan_population population_of(const std::vector<rules::loan_table>& tables, const plan::plan& p) {
    loan_population population;
    std::vector<std::pair<const rules::loan_table*, const rules::table_loan*>> where;
    for (const auto& t : tables)
        for (const auto& loan : t.loans) {
            // A loan refused for its cells: subsidy_for_table throws its located error.
            if (!loan.record) (void)rules::subsidy_for_table(t, loan, p);
            population.add(*loan.record);
            where.emplace_back(&t, &loan);
        }
    // A loan the rule refuses would make every total of a seek or a scenario
    // wrong; say which one here, where its table and row are still known.
    const auto c = population.columns();
    std::vector<std::int64_t> amount(c.size());
    std::vector<std::int32_t> status(c.size());
    const rules::batch::batch_summary s =
        rules::batch::first_loan_subsidy_batch(c, {amount, status, {}, {}}, p.first_loan_subsidy);
    if (s.errors != 0)
        for (std::size_t i = 0; i < status.size(); ++i)
            if (status[i] != rules::batch::status_ok) {
                (void)rules::subsidy_for_table(*where[i].first, *where[i].second, p);
                throw validation_error(where[i].first->source, where[i].second->borrower,
                                       "the rule refuses this loan; every loan must be computed");
            }
    return population;
}

seek_request seek_request_from_text(std::string_view parameter, std::string_view target,
                                    const std::optional<std::string>& within, bool reach, std::string_view prefix) {
    const auto field = [&](std::string_view name) { return std::string(prefix) + std::string(name); };
    seek_request r;
    try {
        r.parameter = seek_parameter_from(parameter);
    } catch (const error& e) {
        throw not_found_error(field("parameter"), std::string(parameter), e.detail());
    }
    try {
        r.target = money::parse_amount(target);
    } catch (const error& e) {
        throw parse_error(field("budget"), std::string(target), e.detail());
    }
    if (r.target.is_negative()) throw validation_error(field("budget"), std::string(target), "must not be negative");
    r.reach = reach;
    if (within) {
        const auto dots = within->find("..");
        if (dots == std::string::npos)
            throw parse_error(field("within"), *within,
                              "expected a range FROM..TO written as " + std::string(parameter) +
                                  " is (100万..1000万, 0.5%..1%, 2022-06-01..2022-06-30)");
        // An end that does not read is named in the message; the whole range is quoted.
        const auto end = [&](std::string_view text, std::string_view which) {
            try {
                return value_from_text(r.parameter, text, field("within"));
            } catch (const error& e) {
                throw parse_error(field("within"), *within, std::string(which) + " \"" + std::string(text) + "\": " + e.detail());
            }
        };
        r.lo = end(std::string_view(*within).substr(0, dots), "its first end");
        r.hi = end(std::string_view(*within).substr(dots + 2), "its last end");
        if (*r.hi < *r.lo) throw validation_error(field("within"), *within, "the range ends before it starts");
    }
    return r;
}

std::string seek_result_json(const seek_result& r) {
    json::value out = json::value::object();
    out["parameter"] = std::string(name_of(r.parameter));
    out["value"] = value_text(r.parameter, r.value);
    out["total"] = rules::detail::fen_text(r.total_fen);
    out["next_value"] = r.next_value ? json::value(value_text(r.parameter, *r.next_value)) : json::value(nullptr);
    out["next_total"] = r.next_total_fen ? json::value(rules::detail::fen_text(*r.next_total_fen)) : json::value(nullptr);
    json::value evals = json::value::array();
    for (const auto& e : r.evaluations) {
        json::value one = json::value::object();
        one["value"] = value_text(r.parameter, e.value);
        one["total"] = rules::detail::fen_text(e.total_fen);
        evals.push_back(std::move(one));
    }
    out["evaluations"] = std::move(evals);
    return json::dump(out);
}

namespace {

/// The seek's own keys of the options; the others are the table reader's.
constexpr std::array<std::string_view, 4> seek_option_keys{"parameter", "budget", "within", "reach"};

}  // namespace

namespace detail {

/// The tables of a request, read alike (no lender: the sandbox does not group by it).
std::vector<rules::loan_table> read_tables(std::string_view text, const rules::table_options& options) {
    std::vector<rules::loan_table> tables;
    for (auto& t : rules::read_tables_json(text, options, false)) tables.push_back(std::move(t.table));
    return tables;
}

std::pair<json::value, rules::table_options> split_options(std::string_view options_json,
                                                           std::span<const std::string_view> own_keys,
                                                           std::string_view what) {
    if (options_json.empty()) throw parse_error("options", "", std::string(what));
    return rules::detail::split_table_options(options_json, own_keys);
}

}  // namespace detail

std::string seek_tables_json(std::string_view tables_json, std::string_view options_json, const plan::plan& p) {
    auto [own, table_options] = detail::split_options(options_json, seek_option_keys,
                                                      "a seek needs at least {\"parameter\": ..., \"budget\": ...}");
    json::object_reader r(own, "");
    const std::string parameter = r.string("parameter");
    const std::string budget = r.string("budget");
    const std::optional<std::string> within = r.optional_string("within");
    const bool reach = r.optional_boolean("reach").value_or(false);
    r.finish();
    const seek_request request = seek_request_from_text(parameter, budget, within, reach);
    const std::vector<rules::loan_table> tables = detail::read_tables(tables_json, table_options);
    const loan_population population = population_of(tables, p);
    return seek_result_json(seek(population.columns(), p.first_loan_subsidy, request));
}

}  // namespace zjcredit::sandbox
