// A loans table's options and results as JSON (include/zjcredit/rules/table.hpp):
// the form the C ABI and Python hand over and get back.
#include <zjcredit/rules/table.hpp>

#include "table_request.hpp"

#include "../json/document.hpp"
#include "../json/reader.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/format.hpp>

namespace zjcredit::rules {

date_range parse_period(std::string_view text, std::string_view field) {
    const auto dots = text.find("..");
    if (dots == std::string_view::npos)
        throw parse_error(std::string(field), std::string(text), "expected FROM..TO, e.g. 2022-04-01..2022-06-30");
    const date_range r{dates::parse_table_date(text.substr(0, dots), field),
                       dates::parse_table_date(text.substr(dots + 2), field)};
    if (r.to < r.from) throw parse_error(std::string(field), std::string(text), "ends before it starts");
    return r;
}

table_options table_options_from_json(std::string_view text) {
    table_options o;
    if (text.empty()) return o;
    const json::value doc = json::parse(text, "options");
    json::object_reader r(doc, "");
    if (auto columns = r.optional_object("columns")) {
        for (const auto& header : columns->keys()) o.columns.emplace_back(header, columns->string(header));
        columns->finish();
    }
    if (const auto unit = r.optional_string("rate_unit")) {
        if (*unit == "percent") o.rate_unit = money::rate_unit::percent;
        else if (*unit == "fraction") o.rate_unit = money::rate_unit::fraction;
        else r.invalid("rate_unit", *unit, "must be percent (0.8 means 0.8%) or fraction (0.008 means 0.8%)");
    }
    if (const auto period = r.optional_string("period")) o.period = parse_period(*period, "period");
    if (const auto sheet = r.optional_string("sheet")) o.sheet = *sheet;
    if (const auto encoding = r.optional_string("encoding")) o.encoding = *encoding;
    if (const auto repayments = r.optional_string("repayments")) o.repayments = *repayments;
    r.finish();
    return o;
}

namespace detail {

std::pair<json::value, table_options> split_table_options(std::string_view text,
                                                          std::span<const std::string_view> own) {
    json::value doc = json::parse(text, "options");
    if (!doc.is_object()) throw parse_error("options", "", "expected a JSON object, found " + json::describe(doc));
    json::value mine = json::value::object();
    for (const std::string_view key : own) {
        const std::string k(key);
        if (doc.contains(k)) {
            mine[k] = std::move(doc[k]);
            doc.erase(k);
        }
    }
    return {std::move(mine), table_options_from_json(json::dump(doc))};
}

}  // namespace detail

std::vector<listed_table> read_tables_json(std::string_view text, const table_options& options, bool lender_allowed) {
    const json::value doc = json::parse(text, "tables");
    if (!doc.is_array())
        throw parse_error("tables", "", "expected a JSON array of tables ({\"path\": ...} or {\"text\": ..., "
                                        "\"name\": ...}), found " + json::describe(doc));
    std::vector<listed_table> tables;
    for (std::size_t i = 0; i < doc.size(); ++i) {
        json::object_reader r(doc[i], "tables[" + std::to_string(i) + "]");
        if (!doc[i].is_object())
            throw parse_error(r.path(), "", "expected a table object, found " + json::describe(doc[i]));
        const auto path = r.optional_string("path");
        const auto data = r.optional_string("text");
        const auto name = r.optional_string("name");
        const std::string lender = lender_allowed ? r.optional_string("lender").value_or("") : std::string();
        table_options own = options;  // its own repayments, where the entry names them
        if (const auto repayments = r.optional_string("repayments")) own.repayments = *repayments;
        if (path.has_value() == data.has_value())
            throw parse_error(r.path(), "", "a table has either \"path\" (a file) or \"text\" (CSV text), not " +
                                                std::string(path ? "both" : "neither"));
        if (path && name) r.invalid("name", *name, "a file is named by its path: give \"name\" with \"text\" only");
        r.finish();
        tables.push_back({path ? read_loan_table(*path, own) : read_loan_table_bytes(*data, name.value_or(r.path()), own),
                          lender});
    }
    return tables;
}

std::string subsidy_table_json(std::string bytes, const std::string& name, const table_options& options,
                               const plan::plan& p) {
    const loan_table table = read_loan_table_bytes(std::move(bytes), name, options);
    json::value out = json::value::object();
    json::value columns = json::value::array({"borrower"});
    if (!table.loan_id_header.empty()) columns.push_back("loan_id");
    for (const auto& h : table.carried_header) columns.push_back(h);
    out["columns"] = columns;
    json::value rows = json::value::array();
    money::amount total;
    std::size_t eligible = 0;
    for (const auto& loan : table.loans) {
        json::value row = json::value::object();
        json::value cells = json::value::array({loan.borrower});
        if (!table.loan_id_header.empty()) cells.push_back(loan.loan_id);
        for (const auto& c : loan.carried) cells.push_back(c);
        row["cells"] = cells;
        std::optional<subsidy_row> result;
        std::string error_text;
        try {
            result = subsidy_for_table(table, loan, p);
        } catch (const error& e) {
            error_text = e.what();
        }
        row["eligible"] = result && result->eligible;
        row["amount"] = money::to_string(result ? result->amount : money::amount());
        json::value codes = json::value::array();
        std::string zh;
        if (result)
            for (const auto& reason : result->reasons) {
                codes.push_back(reason.code);
                zh += (zh.empty() ? "" : "；") + reason.message_zh;
            }
        row["reasons"] = codes;
        row["reason_zh"] = zh;
        row["message"] = result ? (result->eligible ? result->arithmetic_zh : zh) : error_text;
        row["error"] = error_text.empty() ? json::value(nullptr) : json::value(error_text);
        if (result) {
            total = total + result->amount;
            if (result->eligible) ++eligible;
        }
        rows.push_back(std::move(row));
    }
    out["rows"] = std::move(rows);
    out["total"] = money::to_string(total);
    out["eligible"] = eligible;
    return json::dump(out);
}

}  // namespace zjcredit::rules
