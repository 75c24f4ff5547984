// `zjcredit allocate`: a budget shared among claims (rules/budget.hpp), pro
// rata to the 分 by largest remainder or first come first served, from a CSV
// of claims; CSV, JSON (the result with its receipt) or xlsx out.
#include "command.hpp"
#include "output.hpp"
#include "results_xlsx.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/rules/budget.hpp>
#include <zjcredit/rules/json.hpp>

#include <array>
#include <fstream>
#include <sstream>

namespace zjcredit::cli {
namespace {

/// The headers a claims table may use for each field (English or Chinese).
constexpr std::array<std::string_view, 4> id_headers{"id", "claim_id", "编号", "申请编号"};
constexpr std::array<std::string_view, 4> amount_headers{"amount", "claimed", "金额", "申请金额"};

template <std::size_t N>
std::optional<std::size_t> column_of(const std::vector<std::string>& header, const std::array<std::string_view, N>& names) {
    for (std::size_t k = 0; k < header.size(); ++k)
        for (const auto n : names)
            if (header[k] == n) return k;
    return std::nullopt;
}

rules::allocation_method method_of(const options& o) {
    const std::string m = o.method.value_or("pro_rata");
    if (m == "pro_rata") return rules::allocation_method::pro_rata;
    if (m == "first_come" || m == "first_come_first_served") return rules::allocation_method::first_come_first_served;
    throw parse_error("--method", m, "must be pro_rata or first_come");
}

rules::budget_request read_claims(const options& o, const std::string& file) {
    rules::budget_request request;
    request.method = method_of(o);
    const bool first_come = request.method == rules::allocation_method::first_come_first_served;
    if (first_come && !o.key)
        throw parse_error("--key", "", "first_come serves the claims in the order of a column: name it, e.g. --key 申请时间");
    if (!first_come && o.key) throw parse_error("--key", *o.key, "applies to --method first_come only");
    try {
        request.budget = money::parse_amount(*o.budget);
    } catch (const error& e) {
        throw parse_error("--budget", *o.budget, e.detail());
    }
    if (request.budget.is_negative()) throw validation_error("--budget", *o.budget, "must not be negative");

    std::istringstream in(read_file(file));
    io::csv_reader reader(in, file, input_encoding(o));
    const auto header = reader.next();
    if (!header) throw parse_error(file, "", "empty file: expected a header row (id, amount)");
    const auto id = column_of(*header, id_headers);
    const auto amount = column_of(*header, amount_headers);
    if (!id) throw parse_error(file + ": header", "", "no claim id column (id, 编号, 申请编号)");
    if (!amount) throw parse_error(file + ": header", "", "no amount column (amount, 金额, 申请金额)");
    std::optional<std::size_t> key;
    if (o.key) {
        for (std::size_t k = 0; k < header->size(); ++k)
            if ((*header)[k] == *o.key) key = k;
        if (!key) throw parse_error("--key", *o.key, "no such column in " + file);
    }
    while (const auto row = reader.next()) {
        const std::string where = file + ":" + std::to_string(reader.line());
        if (row->size() != header->size())
            throw parse_error(where, "", "has " + std::to_string(row->size()) + " fields, the header " +
                                             std::to_string(header->size()));
        rules::claim c;
        c.id = (*row)[*id];
        try {
            c.amount = money::parse_amount((*row)[*amount]);
        } catch (const error& e) {
            throw parse_error(where + ": " + (*header)[*amount], (*row)[*amount], e.detail());
        }
        if (key) c.order_key = (*row)[*key];
        request.claims.push_back(std::move(c));
    }
    return request;
}

}  // namespace

int run_allocate(const options& o) {
    if (!o.budget) throw parse_error("--budget", "", "give the budget to share, e.g. --budget 500万");
    const rules::budget_request request = read_claims(o, input_file(o));
    const rules::allocation_result r = rules::allocate_budget(request, rules::reference_of(selected_plan(o)));
    if (o.json) {
        write_output(o, rules::to_json(r));
        return ok;
    }
    const bool en = o.lang == "en";
    const std::vector<std::string> header =
        en ? std::vector<std::string>{"id", "claimed", "allocated"} : std::vector<std::string>{"编号", "申请金额", "分配金额"};
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : r.allocations)
        rows.push_back({a.id, money::to_string(a.claimed), money::to_string(a.allocated)});
    const std::vector<std::string> total{en ? "total" : "合计", money::to_string(r.claimed), money::to_string(r.amount)};
    if (o.xlsx) {
        const std::vector<std::string> notes =
            en ? std::vector<std::string>{"The budget " + money::to_string(r.budget) + " shared " +
                                          std::string(rules::to_string(r.method)) + " (docs/allocate.md)."}
               : std::vector<std::string>{"预算 " + money::to_string(r.budget) + " 按 " +
                                          std::string(rules::to_string(r.method)) + " 分配（docs/allocate.md）。"};
        xlsx_results book(*o.xlsx, header, en, notes, {});
        for (const auto& row : rows) book.row(row, {1, 2}, false);
        book.row(total, {1, 2}, true);
        book.commit();
    }
    output out(o.output);
    io::csv_writer csv(out.stream());
    csv.bom();
    csv.row(header);
    for (const auto& row : rows) csv.row(row);
    csv.row(total);
    out.commit();
    return ok;
}

}  // namespace zjcredit::cli
