// The screen's input from banks' tables (include/zjcredit/screen/tables.hpp).
#include <zjcredit/screen/tables.hpp>

#include <zjcredit/dates/date.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/columns.hpp>

#include <gsl/narrow>

#include <algorithm>
#include <optional>

namespace zjcredit::screen {

void screen_table::add(const rules::loan_table& table, const std::string& lender, bool lender_named_for_table) {
    const auto id_column = rules::find_carried(table, "borrower_id");
    if (!id_column)
        throw parse_error(table.source + ": header", "",
                          "the screen keys borrowers by their 统一社会信用代码: the table needs a borrower_id column (" +
                              rules::accepted_headers("borrower_id", rules::loan_table_fields) + ")");
    const auto lender_column = rules::find_carried(table, "lender");
    if (!lender_column && lender.empty()) {
        // 经办机构 names the branch, not the lender (docs/columns.md); where a
        // file means the lender by it, the mapping says so.
        const bool branch_column =
            std::any_of(table.carried_header.begin(), table.carried_header.end(),
                        [](const std::string& h) { return rules::split_header(h).name == "经办机构"; });
        throw parse_error(table.source + ": header", "",
                          "no lender column (" + rules::accepted_headers("lender", rules::loan_table_fields) +
                              ") and no lender given for this file (--lender, or --lender-of FILE=NAME): the screen "
                              "needs each loan's lender" +
                              (branch_column ? std::string("; its 经办机构 column names the branch that handled each "
                                                           "loan, not the lender: where it is the lender, map it "
                                                           "(--columns with the line 经办机构,lender)")
                                             : std::string()));
    }
    if (lender_column && lender_named_for_table)
        throw parse_error(table.source + ": header", "",
                          "the file has its own lender column (" + table.carried_header.at(*lender_column) +
                              "), which the lender named for it, " + lender +
                              ", would contradict: name a lender only for a file without one");
    if (table.loan_id_header.empty())
        throw parse_error(table.source + ": header", "",
                          "the screen needs a loan_id column (" +
                              rules::accepted_headers("loan_id", rules::loan_table_fields) +
                              ") to tell a loan listed twice from two loans");
    if (places_.use_count() > 1) places_ = std::make_shared<field_places>(*places_);
    field_places& places = *places_;
    places.tables.push_back({table.places, *id_column, lender_column});
    const auto table_index = gsl::narrow<std::uint32_t>(places.tables.size() - 1);
    for (const auto& loan : table.loans) {
        places.where.push_back(table.source + ":" + (loan.lines.empty() ? "?" : std::to_string(loan.lines.front())));
        places.table_of.push_back(table_index);
        places.line.push_back(loan.lines.empty() ? 0 : loan.lines.front());
        loan_id_.push_back(loan.loan_id);
        borrower_.push_back(loan.borrower);
        borrower_id_.push_back(loan.carried.at(*id_column));
        lender_.push_back(lender_column ? loan.carried.at(*lender_column) : lender);
        if (loan.error) {
            error_.push_back(loan.error->message);
            kind_.push_back(0);
            flags_.push_back(0);
            application_.push_back(0);
            rate_.push_back(0);
            period_from_.push_back(0);
            period_to_.push_back(0);
            offsets_.push_back(offsets_.back());
            continue;
        }
        const rules::loan_record& r = *loan.record;
        error_.emplace_back();
        kind_.push_back(static_cast<std::uint8_t>(r.borrower_kind));
        flags_.push_back(static_cast<std::uint8_t>((r.via_platform ? rules::batch::loan_via_platform : 0) |
                                                   (r.local_legal_person_lender ? rules::batch::loan_local_legal_person_lender : 0) |
                                                   (r.first_loan ? rules::batch::loan_first_loan : 0)));
        application_.push_back(dates::to_day_number(r.first_application_date));
        rate_.push_back(r.annual_rate.units());
        period_from_.push_back(dates::to_day_number(r.period.from));
        period_to_.push_back(dates::to_day_number(r.period.to));
        for (const auto& b : r.balances) {
            range_from_.push_back(dates::to_day_number(b.from));
            range_to_.push_back(dates::to_day_number(b.to));
            balance_.push_back(b.balance.fen());
        }
        offsets_.push_back(static_cast<std::int64_t>(balance_.size()));
    }
}

std::string screen_table::field_places::at(std::size_t i, std::string_view field) const {
    const table& t = tables.at(table_of.at(i));
    const std::optional<std::size_t> column = field == "borrower_id" ? std::optional(t.borrower_id)
                                              : field == "lender"    ? t.lender
                                                                     : std::nullopt;
    // A table put together without its places (rules::carried_places) is located by its row.
    const bool placed = column && *column < t.places.label.size() && *column < t.places.sheet_column.size();
    if (placed && line[i] != 0) return t.places.locate(*column, line[i]);
    return where.at(i) + ": " + std::string(field);
}

screen_input screen_table::input() {
    loan_id_v_.assign(loan_id_.begin(), loan_id_.end());
    borrower_id_v_.assign(borrower_id_.begin(), borrower_id_.end());
    borrower_v_.assign(borrower_.begin(), borrower_.end());
    lender_v_.assign(lender_.begin(), lender_.end());
    error_v_.assign(error_.begin(), error_.end());
    where_v_.assign(places_->where.begin(), places_->where.end());
    screen_input in;
    in.loans = {kind_, application_, flags_, rate_, period_from_, period_to_, offsets_, range_from_, range_to_, balance_};
    in.loan_id = loan_id_v_;
    in.borrower_id = borrower_id_v_;
    in.borrower = borrower_v_;
    in.lender = lender_v_;
    in.row_errors = error_v_;
    in.source = where_v_;
    in.locate = [places = std::shared_ptr<const field_places>(places_)](std::size_t i, std::string_view field) {
        return places->at(i, field);
    };
    return in;
}

screen_table read_screen_tables(const std::vector<table_file>& files, const rules::table_options& options) {
    screen_table t;
    for (const auto& f : files) {
        rules::table_options own = options;
        if (!f.repayments.empty()) own.repayments = f.repayments;
        t.add(rules::read_loan_table(f.path, own), f.lender, f.lender_named_for_file);
    }
    return t;
}

screen_table read_screen_tables(const std::vector<std::string>& paths, const rules::table_options& options,
                                const std::string& lender) {
    std::vector<table_file> files;
    for (const auto& p : paths) files.push_back({p, lender, false, ""});
    return read_screen_tables(files, options);
}

}  // namespace zjcredit::screen
