// CSV rows to the rules' records (include/zjcredit/rules/csv.hpp).
#include <zjcredit/rules/csv.hpp>

#include "cells.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/parameters.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>

namespace zjcredit::rules {

bool parse_flag(std::string_view text, std::string_view field) {
    for (const char* t : {"true", "1", "yes", "y", "Y", "TRUE", "True", "是"})
        if (text == t) return true;
    for (const char* f : {"false", "0", "no", "n", "N", "FALSE", "False", "否"})
        if (text == f) return false;
    throw parse_error(std::string(field), std::string(text), "expected true or false (also 1/0, yes/no, 是/否)");
}

namespace {

/// A header name without the spaces Excel users leave around it.
std::string_view without_spaces(std::string_view name) noexcept {
    const auto b = name.find_first_not_of(' ');
    if (b == std::string_view::npos) return {};
    return name.substr(b, name.find_last_not_of(' ') - b + 1);
}

/// The cells of one record by column name; remembers the row last read so
/// that an error names its line.
class cells {
public:
    explicit cells(const csv_rows& r) : r_(r) {
        if (r.rows.empty()) throw validation_error(std::string(r.source), "", "a record needs at least one row");
        if (r.lines.size() != r.rows.size())
            throw validation_error(std::string(r.source), "", "csv_rows needs one line number per row");
    }

    std::size_t size() const noexcept { return r_.rows.size(); }

    const std::string& operator()(std::size_t row, std::string_view column) {
        row_ = row;
        const auto it = std::find_if(r_.header.begin(), r_.header.end(),
                                     [&](const std::string& name) { return without_spaces(name) == column; });
        const auto i = static_cast<std::size_t>(it - r_.header.begin());
        if (it == r_.header.end() || i >= r_.rows[row].size()) return empty_;
        return r_.rows[row][i];
    }

    /// The cell of a column that must be the same on every row of a record.
    const std::string& record_cell(std::string_view column) {
        const std::string& first = (*this)(0, column);
        for (std::size_t r = 1; r < size(); ++r)
            if ((*this)(r, column) != first)
                throw validation_error(std::string(column), (*this)(r, column),
                                       "differs from the record's first row (\"" + first + "\")");
        row_ = 0;  // a later error in this cell is the first row's
        return first;
    }

    /// Reads with `read`; an error comes out located at the row last read.
    template <class F>
    auto located(F read) -> decltype(read(*this)) {
        try {
            return read(*this);
        } catch (const error& e) {
            throw csv_record_error(e, r_.source, row_, r_.lines[row_]);
        }
    }

private:
    const csv_rows& r_;
    std::size_t row_ = 0;
    const std::string empty_;
};

/// A `days` cell: a whole number (parse_error otherwise) that the rule's
/// term check accepts from `start` (its validation_error otherwise, named
/// as for a JSON record). `index` is the financing's.
std::int64_t days_cell(const std::string& text, const dates::date& start, std::size_t index) {
    const money::decimal d = money::parse_decimal(text, "days").normalized();
    if (d.scale() != 0) throw parse_error("days", text, "must be a whole number of days");
    if (d.coefficient() > std::numeric_limits<std::int64_t>::max() ||
        d.coefficient() < std::numeric_limits<std::int64_t>::min())
        throw parse_error("days", text, "is past a 64-bit count of days");
    financing term;
    term.start = start;
    term.days = static_cast<std::int64_t>(d.coefficient());
    detail::term_of(term, "financings[" + std::to_string(index) + "]");
    return *term.days;
}

}  // namespace

loan_record loan_from_csv(const csv_rows& rows) {
    cells cell(rows);
    return cell.located([](cells& c) {
        loan_record loan;
        loan.borrower = c.record_cell("borrower");
        loan.borrower_kind = read_cell::kind(c.record_cell("borrower_kind"), "borrower_kind");
        loan.first_application_date = read_cell::date(c.record_cell("first_application_date"), "first_application_date");
        loan.via_platform = parse_flag(c.record_cell("via_platform"), "via_platform");
        loan.local_legal_person_lender =
            parse_flag(c.record_cell("local_legal_person_lender"), "local_legal_person_lender");
        loan.first_loan = parse_flag(c.record_cell("first_loan"), "first_loan");
        loan.annual_rate = read_cell::rate(c.record_cell("annual_rate"), money::rate_unit::undeclared, "annual_rate");
        loan.period.from = read_cell::date(c.record_cell("period_from"), "period_from");
        loan.period.to = read_cell::date(c.record_cell("period_to"), "period_to");
        for (std::size_t r = 0; r < c.size(); ++r)
            loan.balances.push_back({read_cell::date(c(r, "balance_from"), "balance_from"),
                                     read_cell::date(c(r, "balance_to"), "balance_to"),
                                     read_cell::amount(c(r, "balance"), "", "balance")});
        return loan;
    });
}

receivables_record receivables_from_csv(const csv_rows& rows) {
    cells cell(rows);
    return cell.located([](cells& c) {
        receivables_record record;
        record.core_enterprise = c.record_cell("core_enterprise");
        for (std::size_t r = 0; r < c.size(); ++r) {
            financing f;
            f.sme = c(r, "sme");
            f.amount = read_cell::amount(c(r, "amount"), "", "amount");
            f.start = read_cell::date(c(r, "start"), "start");
            if (const std::string& end = c(r, "end"); !end.empty()) f.end = read_cell::date(end, "end");
            if (const std::string& days = c(r, "days"); !days.empty()) f.days = days_cell(days, f.start, r);
            f.confirmed_on_platform = read_cell::flag(c(r, "confirmed_on_platform"), "confirmed_on_platform");
            record.financings.push_back(std::move(f));
        }
        return record;
    });
}

}  // namespace zjcredit::rules
