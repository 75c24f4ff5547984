// A bank's table of loans read as records (include/zjcredit/rules/table.hpp).
#include <zjcredit/rules/table.hpp>

#include "../io/table.hpp"
#include "cells.hpp"

#include <zjcredit/rules/arithmetic.hpp>
#include <zjcredit/rules/columns.hpp>
#include <zjcredit/rules/loan_events.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

namespace zjcredit::rules {

namespace {

/// The fields the subsidy reads; every other column is carried through.
constexpr std::array<std::string_view, 16> loan_fields_used = {
    "borrower",      "loan_id",         "borrower_kind", "first_application_date", "via_platform",
    "local_legal_person_lender", "first_loan", "annual_rate",   "drawdown_date", "drawdown_amount",
    "settled",       "balance_from",    "balance_to",    "balance",                "period_from",
    "period_to",
};

/// Fields that are the same on every row of a loan.
constexpr std::array<std::string_view, 12> loan_level_fields = {
    "borrower",    "borrower_kind", "first_application_date", "via_platform", "local_legal_person_lender",
    "first_loan",  "annual_rate",   "period_from", "period_to", "drawdown_date", "drawdown_amount", "settled",
};

io::table_read_options read_options(const table_options& o) { return {io::encoding_named(o.encoding, "encoding"), o.sheet}; }

/// The header row of `t` (title rows above it skipped).
std::size_t header_row_of(const io::table& t, std::span<const column_names> fields,
                          std::span<const std::pair<std::string, std::string>> extra, std::string_view examples) {
    if (t.rows.empty()) throw parse_error(t.source, "", "empty table: expected a header row");
    const auto r = find_header_row(t.rows, fields, extra);
    if (!r)
        throw parse_error(t.source, "",
                          "no header row in the first " + std::to_string(max_title_rows + 1) +
                              " rows: expected column names such as " + std::string(examples) +
                              " (docs/columns.md), or map your own with --columns");
    return *r;
}

/// The cell of row `r` in column `c`, empty past the row's end.
const std::string& cell_at(const io::table& t, std::size_t r, std::size_t c) {
    static const std::string empty;
    return c < t.rows[r].size() ? t.rows[r][c] : empty;
}

/// A repayment with where its cells were read, for errors: each cell and
/// its header ("还款.xlsx:Sheet1!C3: 还款金额 (amount)").
struct located_repayment {
    repayment value;
    std::string date_where;
    std::string amount_where;
};

/// The repayments of each loan_id; errors in a row are kept for its loan.
struct repayment_book {
    std::map<std::string, std::vector<located_repayment>> by_loan;
    std::map<std::string, error> errors;  ///< loan_id → the first error in its rows, located
    std::map<std::string, std::string> first_row;  ///< loan_id → where its first repayment is, and the header
};

repayment_book read_repayments(const std::string& path, const table_options& o) {
    const io::table t = io::read_table(path, read_options(o));
    const std::size_t h = header_row_of(t, repayment_table_fields, o.columns, "借据号, 还款日期, 还款金额");
    const column_map m(t.rows[h], repayment_table_fields, o.columns, t.source);
    const std::size_t id = m.at("loan_id");
    const std::size_t date = m.at("date");
    const std::size_t amount = m.at("amount");
    const std::string_view suffix = read_cell::amount_suffix(m.unit("amount"), m.header()[amount], t.source);
    repayment_book book;
    for (std::size_t r = h + 1; r < t.rows.size(); ++r) {
        const std::string& loan = cell_at(t, r, id);
        if (loan.empty()) throw parse_error(t.locate(r, id) + ": " + m.label(id, "loan_id"), "", "a repayment names its loan (借据号)");
        book.first_row.try_emplace(loan, t.locate(r, id) + ": " + m.label(id, "loan_id"));
        located_repayment p{{}, t.locate(r, date) + ": " + m.label(date, "date"),
                            t.locate(r, amount) + ": " + m.label(amount, "amount")};
        try {
            p.value.date = read_cell::date(cell_at(t, r, date), "date");
            p.value.amount = read_cell::amount(cell_at(t, r, amount), suffix, "amount");
            book.by_loan[loan].push_back(std::move(p));
        } catch (const error& e) {
            book.errors.try_emplace(loan, error(e.code(), e.field() == "date" ? p.date_where : p.amount_where, e.text(),
                                                e.detail(), e.position()));
        }
    }
    return book;
}

/// Reads one loan from its rows; errors come out located at the cell read.
class loan_reader {
public:
    loan_reader(const io::table& t, const column_map& m, const table_options& o, const repayment_book* repayments)
        : t_(t), m_(m), o_(o), repayments_(repayments) {
        if (const auto c = m.find("annual_rate"))
            rate_unit_ = read_cell::rate_unit_of(m.unit("annual_rate"), o.rate_unit, m.header()[*c], t.source);
        else
            rate_unit_ = o.rate_unit;
        for (const auto field : {"drawdown_amount", "balance"})
            if (const auto c = m.find(field))
                suffix_[field] = read_cell::amount_suffix(m.unit(field), m.header()[*c], t.source);
        events_ = m.find("drawdown_date").has_value() || m.find("drawdown_amount").has_value();
        const bool schedule = m.find("balance_from") || m.find("balance_to") || m.find("balance");
        if (events_ && schedule)
            throw parse_error(t.source + ": header", "",
                              "the table has both a balance schedule (余额起日, 余额止日, 余额) and drawdowns (放款日期, "
                              "放款金额): a loan is given one way; keep the columns of one");
        for (const auto field : events_ ? std::vector<std::string_view>{"drawdown_date", "drawdown_amount"}
                                        : std::vector<std::string_view>{"balance_from", "balance_to", "balance"})
            (void)m.at(field);
        for (const auto field : {"borrower", "borrower_kind", "first_application_date", "via_platform",
                                 "local_legal_person_lender", "first_loan", "annual_rate"})
            (void)m.at(field);
        const bool period_columns = m.find("period_from") || m.find("period_to");
        if (o.period && period_columns)
            throw parse_error("--period", "", "the table has claim-period columns (贴息起日, 贴息止日) too: give one of the two");
        if (!o.period) {
            (void)m.at("period_from");
            (void)m.at("period_to");
        }
        if (repayments_ != nullptr && !events_)
            throw parse_error("--repayments", o.repayments,
                              "repayments apply to loans given by their drawdown (放款日期, 放款金额), and this table "
                              "gives balance schedules");
    }

    /// Reads an amount cell of `field`'s column, in the unit its header names.
    auto amount_reader(std::string_view field) const {
        const std::string_view suffix = suffix_.at(std::string(field));
        return [suffix](const std::string& s, std::string_view f) { return read_cell::amount(s, suffix, f); };
    }

    /// The loan of `rows` (indexes into the table); an error comes out located at its cell.
    loan_record read(const std::vector<std::size_t>& rows, const std::string& loan_id) {
        const std::size_t first = rows.front();
        for (const auto field : loan_level_fields) {
            const auto c = m_.find(field);
            if (!c) continue;
            for (const std::size_t r : rows)
                if (cell_at(t_, r, *c) != cell_at(t_, first, *c))
                    fail(r, *c, validation_error(std::string(field), cell_at(t_, r, *c),
                                                 "differs from the loan's first row (\"" + cell_at(t_, first, *c) + "\")"));
        }
        if (events_ && rows.size() > 1)
            fail(rows[1], m_.at("drawdown_date"),
                 validation_error("drawdown_date", "", "a loan given by its drawdown has one row; its repayments go in "
                                                       "a repayments table (--repayments)"));
        loan_record loan;
        loan.borrower = read(first, "borrower", [](const std::string& s, std::string_view) { return s; });
        loan.borrower_kind = read(first, "borrower_kind", read_cell::kind);
        loan.first_application_date = read(first, "first_application_date", read_cell::date);
        loan.via_platform = read(first, "via_platform", read_cell::flag);
        loan.local_legal_person_lender = read(first, "local_legal_person_lender", read_cell::flag);
        loan.first_loan = read(first, "first_loan", read_cell::flag);
        loan.annual_rate = read(first, "annual_rate", [&](const std::string& s, std::string_view f) {
            return read_cell::rate(s, rate_unit_, f);
        });
        if (o_.period) {
            loan.period = *o_.period;
        } else {
            loan.period.from = read(first, "period_from", read_cell::date);
            loan.period.to = read(first, "period_to", read_cell::date);
        }
        if (events_) {
            loan.balances = balances(first, loan_id, loan.period);
        } else {
            for (const std::size_t r : rows)
                loan.balances.push_back({read(r, "balance_from", read_cell::date), read(r, "balance_to", read_cell::date),
                                         read(r, "balance", amount_reader("balance"))});
        }
        return loan;
    }

private:
    [[noreturn]] void fail(std::size_t row, std::size_t column, const error& e) const {
        throw error(e.code(), t_.locate(row, column) + (e.field().empty() ? "" : ": " + m_.label(column, e.field())), e.text(),
                    e.detail(), e.position());
    }

    template <class F>
    auto read(std::size_t row, std::string_view field, F parse) -> decltype(parse(std::string(), field)) {
        const std::size_t c = m_.at(field);
        try {
            return parse(cell_at(t_, row, c), field);
        } catch (const error& e) {
            fail(row, c, e);
        }
    }

    std::vector<balance_range> balances(std::size_t row, const std::string& loan_id, const date_range& period) {
        loan_events events;
        events.drawdown_date = read(row, "drawdown_date", read_cell::date);
        events.drawdown_amount = read(row, "drawdown_amount", amount_reader("drawdown_amount"));
        if (const auto c = m_.find("settled"); c && !cell_at(t_, row, *c).empty())
            events.settled = read(row, "settled", read_cell::date);
        if (const auto c = m_.find("maturity"); c && !cell_at(t_, row, *c).empty())
            events.maturity = read(row, "maturity", read_cell::date);
        std::vector<const located_repayment*> located;
        if (repayments_ != nullptr) {
            if (const auto e = repayments_->errors.find(loan_id); e != repayments_->errors.end())
                throw e->second;  // located in the repayments table
            if (const auto it = repayments_->by_loan.find(loan_id); it != repayments_->by_loan.end())
                for (const auto& p : it->second) {
                    events.repayments.push_back(p.value);
                    located.push_back(&p);
                }
        }
        try {
            return balances_from_events(events, period);
        } catch (const error& e) {
            // "repayments[2].amount" or ".date": the repayment's own cell in its table
            if (e.field().starts_with("repayments[")) {
                const std::size_t i = std::stoul(e.field().substr(11));
                if (i < located.size())
                    throw error(e.code(),
                                e.field().ends_with(".date") ? located[i]->date_where : located[i]->amount_where,
                                e.text(), e.detail(), e.position());
            }
            // A field of this row (settled, maturity, the drawdown) quotes its cell as written.
            if (const auto c = m_.find(e.field()))
                fail(row, *c, error(e.code(), e.field(), cell_at(t_, row, *c), e.detail()));
            fail(row, m_.at("drawdown_amount"), e);
        }
    }

    const io::table& t_;
    const column_map& m_;
    const table_options& o_;
    const repayment_book* repayments_;
    money::rate_unit rate_unit_ = money::rate_unit::undeclared;
    std::map<std::string, std::string_view> suffix_;
    bool events_ = false;
};

/// Whether the ranges follow one another without overlapping (what the rule
/// requires; checked here only to find why they do not).
bool in_date_order(const std::vector<balance_range>& ranges) {
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].from <= ranges[i - 1].to) return false;
    return true;
}

/// The first row of `rows` (of one loan) whose cells repeat an earlier one's,
/// with that earlier row: (earlier, later); nullopt when every row differs.
/// (A loan has up to limits::max_record_items rows: sorted, not compared pair by pair.)
std::optional<std::pair<std::size_t, std::size_t>> repeated_row(const io::table& t, const std::vector<std::size_t>& rows) {
    std::vector<std::size_t> sorted = rows;  // rows ascend: a stable sort keeps the earlier of equal rows first
    std::stable_sort(sorted.begin(), sorted.end(), [&](std::size_t a, std::size_t b) { return t.rows[a] < t.rows[b]; });
    std::optional<std::pair<std::size_t, std::size_t>> first;
    for (std::size_t k = 1; k < sorted.size(); ++k)
        if (t.rows[sorted[k - 1]] == t.rows[sorted[k]] && (!first || sorted[k] < first->second))
            first = std::pair{sorted[k - 1], sorted[k]};
    return first;
}

loan_table read_loans(const io::table& t, const table_options& o) {
    const std::size_t h = header_row_of(t, loan_table_fields, o.columns, "借据号, 借款人, 企业规模, 年利率");
    const column_map m(t.rows[h], loan_table_fields, o.columns, t.source);
    std::optional<repayment_book> book;
    if (!o.repayments.empty()) {
        (void)m.at("loan_id");  // repayments find their loan by it
        book = read_repayments(o.repayments, o);
    }
    loan_reader reader(t, m, o, book ? &*book : nullptr);

    loan_table out;
    out.source = t.source;
    out.header = m.header();
    const std::size_t borrower = m.at("borrower");
    out.borrower_header = m.header()[borrower];
    const auto loan_id = m.find("loan_id");
    if (loan_id) out.loan_id_header = m.header()[*loan_id];
    std::vector<std::size_t> carried;
    for (std::size_t c = 0; c < m.header().size(); ++c) {
        const auto field = m.field_at(c);
        if (!field || std::find(loan_fields_used.begin(), loan_fields_used.end(), *field) == loan_fields_used.end())
            carried.push_back(c);
    }
    out.places.source = t.source;
    out.places.sheet = t.sheet;
    for (const std::size_t c : carried) {
        const std::string_view field = m.field_at(c).value_or(std::string_view{});
        out.carried_header.push_back(m.header()[c]);
        out.carried_field.emplace_back(field);
        out.places.sheet_column.push_back(c);
        out.places.label.push_back(field.empty() ? m.header()[c] : m.label(c, field));
    }

    // Rows into loans: by loan_id, wherever its rows are; else consecutive rows of one borrower.
    std::vector<std::vector<std::size_t>> groups;
    std::map<std::string, std::size_t> by_id;
    for (std::size_t r = h + 1; r < t.rows.size(); ++r) {
        const std::string& key = cell_at(t, r, loan_id.value_or(borrower));
        if (loan_id && !key.empty()) {
            const auto [it, fresh] = by_id.try_emplace(key, groups.size());
            if (fresh) groups.emplace_back();
            groups[it->second].push_back(r);
        } else if (!loan_id && !groups.empty() && cell_at(t, groups.back().front(), borrower) == key) {
            groups.back().push_back(r);
        } else {
            groups.push_back({r});
        }
    }
    if (book)
        for (const auto& [id, where] : book->first_row)
            if (!by_id.contains(id))
                throw validation_error(where, id, "a repayment of no loan: " + t.source + " has no loan with this loan_id");

    for (const auto& rows : groups) {
        table_loan loan;
        loan.borrower = cell_at(t, rows.front(), borrower);
        if (loan_id) loan.loan_id = cell_at(t, rows.front(), *loan_id);
        for (const std::size_t c : carried) loan.carried.push_back(cell_at(t, rows.front(), c));
        for (const std::size_t r : rows) {
            loan.lines.push_back(t.row_numbers[r]);
            loan.cells.push_back(t.rows[r]);
        }
        try {
            if (loan_id && loan.loan_id.empty())
                throw parse_error(t.locate(rows.front(), *loan_id) + ": " + m.label(*loan_id, "loan_id"), "",
                                  "a loan's loan_id (借据号) is empty");
            loan.record = reader.read(rows, loan.loan_id);
            if (loan_id && !in_date_order(loan.record->balances))
                if (const auto twice = repeated_row(t, rows))  // why, rather than the overlap the rule would name
                    throw validation_error(t.locate(twice->second, *loan_id) + ": " + m.label(*loan_id, "loan_id"), loan.loan_id,
                                           "this row repeats " + t.locate(twice->first, *loan_id) +
                                               " cell for cell: the loan is listed twice in " + t.source +
                                               " (each of its balance ranges belongs on one row); keep one of them");
            if (const auto c = m.find("annual_rate")) {
                loan.rate_text = cell_at(t, rows.front(), *c);
                loan.rate_where = t.locate(rows.front(), *c) + ": " + m.label(*c, "annual_rate");
            }
        } catch (const error& e) {
            loan.error = record_error{e.code(), e.what(), e.field(), e.text(), e.detail(), e.position()};
        }
        out.loans.push_back(std::move(loan));
    }
    return out;
}

}  // namespace

std::string carried_places::locate(std::size_t carried, std::size_t row_number) const {
    const std::string place =
        sheet.empty() ? std::to_string(row_number) : io::cell_name(sheet, sheet_column.at(carried), row_number);
    return source + ":" + place + ": " + label.at(carried);
}

std::optional<std::size_t> find_carried(const loan_table& table, std::string_view field) {
    for (std::size_t c = 0; c < table.carried_header.size(); ++c) {
        const bool names = c < table.carried_field.size()
                               ? table.carried_field[c] == field
                               : field_of(table.carried_header[c], loan_table_fields) == field;
        if (names) return c;
    }
    return std::nullopt;
}

loan_table read_loan_table(const std::string& path, const table_options& options) {
    return read_loans(io::read_table(path, read_options(options)), options);
}

loan_table read_loan_table_bytes(std::string bytes, const std::string& name, const table_options& options) {
    return read_loans(io::read_table_bytes(std::move(bytes), name, read_options(options)), options);
}

subsidy_row subsidy_for_table(const loan_record& loan, const plan::plan& p) {
    const first_loan_subsidy_result r = first_loan_subsidy(loan, p);
    subsidy_row row{r.eligible, r.amount, r.reasons, {}, {}};
    if (r.eligible) {
        const batch::prepared_subsidy prepared = batch::prepare(p.first_loan_subsidy);
        detail::sum_trace trace;
        (void)detail::run_kernel(loan, prepared, trace);
        row.arithmetic_zh = subsidy_arithmetic(trace, p.first_loan_subsidy, r.amount, false);
        row.arithmetic_en = subsidy_arithmetic(trace, p.first_loan_subsidy, r.amount, true);
    }
    return row;
}

subsidy_row subsidy_for_table(const loan_table& table, const table_loan& loan, const plan::plan& p) {
    if (loan.error) {
        const record_error& e = *loan.error;
        if (e.field.empty() && e.detail.empty()) throw error(e.code, "", "", e.message);  // made by hand: the message alone
        throw error(e.code, e.field, e.text, e.detail, e.position);
    }
    try {
        return subsidy_for_table(*loan.record, p);
    } catch (const error& e) {
        if (e.field() == "annual_rate" && !loan.rate_where.empty())
            throw error(e.code(), loan.rate_where, loan.rate_text,
                        e.detail() + " (the rate as read: " + e.text() + ")");
        const std::string where = table.source + (loan.lines.empty() ? "" : ":" + std::to_string(loan.lines.front()));
        throw error(e.code(), where + (e.field().empty() ? "" : ": " + e.field()), e.text(), e.detail(), e.position());
    }
}

}  // namespace zjcredit::rules
