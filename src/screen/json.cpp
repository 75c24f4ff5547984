// The screen over banks' tables as JSON (include/zjcredit/screen/json.hpp).
#include <zjcredit/screen/json.hpp>

#include "../json/document.hpp"
#include "../json/reader.hpp"
#include "../rules/table_request.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/screen/round.hpp>
#include <zjcredit/screen/screen.hpp>
#include <zjcredit/screen/tables.hpp>

#include <array>

namespace zjcredit::screen {

namespace {

/// The screen's own keys of the options; the others are the table reader's.
constexpr std::array<std::string_view, 6> screen_option_keys{"budget", "fill_order", "other_ids_declared",
                                                            "keep_all_first_loans", "already_paid", "register"};

std::string yuan(std::int64_t fen) { return money::to_string(money::amount::from_fen(fen)); }

std::string day_text(std::int32_t d) { return dates::detail::iso(dates::from_day_number(d)); }

json::value codes_of(std::uint32_t rule_bits, std::uint32_t screen_bits) {
    json::value codes = json::value::array();
    for (unsigned b = 0; b < 32; ++b)
        if ((rule_bits >> b & 1U) != 0) codes.push_back(std::string(rules::batch::reason_code(1U << b)));
    for (const auto& s : screen_reasons)
        if ((screen_bits & s.bit) != 0) codes.push_back(std::string(s.code));
    return codes;
}

/// Reads the screen's own options from `reader` (the other keys are left for the table reader).
screen_options screen_options_from(json::object_reader& r) {
    screen_options o;
    if (const auto budget = r.optional_amount("budget")) {
        if (budget->is_negative()) r.invalid("budget", money::to_string(*budget), "must not be negative");
        o.budget = budget;
    }
    if (const auto order = r.optional_string("fill_order")) {
        const auto parsed = fill_order_from_string(*order);
        if (!parsed) r.invalid("fill_order", *order, "must be application, drawdown or loan_id");
        o.order = *parsed;
    }
    o.other_ids_declared = r.optional_boolean("other_ids_declared").value_or(false);
    o.keep_all_first_loans = r.optional_boolean("keep_all_first_loans").value_or(false);
    if (r.has("already_paid"))
        r.objects("already_paid", [&](json::object_reader& p) {
            paid_loan_period paid;
            paid.lender = p.string("lender");
            paid.loan_id = p.string("loan_id");
            paid.borrower_id = p.optional_string("borrower_id").value_or("");
            const rules::date_range period = rules::parse_period(p.string("period"), p.path_of("period"));
            paid.from = dates::to_day_number(period.from);
            paid.to = dates::to_day_number(period.to);
            o.already_paid.push_back(std::move(paid));
        });
    // A payout register's rows are loan-periods already paid too (read only:
    // committing a round is the CLI's `screen --commit`).
    if (const auto path = r.optional_string("register"))
        for (auto& paid : already_paid_of(payout_register::open(*path, register_open::existing)))
            o.already_paid.push_back(std::move(paid));
    return o;
}

/// Splits the options into the screen's and the table reader's (read by
/// rules::table_options_from_json, the one reader of a table's options).
std::pair<screen_options, rules::table_options> options_from_json(std::string_view text) {
    if (text.empty()) return {};
    auto [own, table_options] = rules::detail::split_table_options(text, screen_option_keys);
    json::object_reader r(own, "");
    screen_options screen = screen_options_from(r);
    r.finish();
    return {std::move(screen), std::move(table_options)};
}

screen_table read_tables(std::string_view text, const rules::table_options& options) {
    screen_table t;
    for (auto& listed : rules::read_tables_json(text, options, true)) t.add(std::move(listed.table), listed.lender);
    return t;
}

json::value borrowers_json(const screen_input& in, const screen_result& r) {
    json::value id = json::value::array(), name = json::value::array(), kind = json::value::array(),
                eligible = json::value::array(), held = json::value::array(), amount = json::value::array(),
                allocated = json::value::array(), lenders = json::value::array(), reasons = json::value::array(),
                loans = json::value::array();
    for (const auto& b : r.borrowers) {
        id.push_back(std::string(in.borrower_id[b.first_row]));
        name.push_back(std::string(in.borrower[b.first_row]));
        kind.push_back(std::string(plan::to_string(static_cast<plan::borrower_kind>(b.kind))));
        eligible.push_back(b.eligible);
        held.push_back(b.held);
        amount.push_back(yuan(b.amount));
        allocated.push_back(yuan(b.allocated));
        json::value shares = json::value::object();
        for (const auto& [lender, fen] : b.lenders) shares[std::string(lender)] = yuan(fen);
        lenders.push_back(std::move(shares));
        reasons.push_back(codes_of(b.reasons, b.screen_reasons));
        loans.push_back(std::vector<std::size_t>(b.loans.begin(), b.loans.end()));
    }
    json::value out = json::value::object();
    out["borrower_id"] = std::move(id);
    out["borrower"] = std::move(name);
    out["borrower_kind"] = std::move(kind);
    out["eligible"] = std::move(eligible);
    out["held"] = std::move(held);
    out["amount"] = std::move(amount);
    out["allocated"] = std::move(allocated);
    out["lenders"] = std::move(lenders);
    out["reasons"] = std::move(reasons);
    out["loans"] = std::move(loans);
    return out;
}

json::value loans_json(const screen_table& table, const screen_input& in, const screen_result& r,
                       const plan::first_loan_subsidy_parameters& params, const screen_options& options) {
    json::value source = json::value::array(), loan_id = json::value::array(), lender = json::value::array(),
                borrower_id = json::value::array(), borrower = json::value::array(), from = json::value::array(),
                to = json::value::array(), eligible = json::value::array(), amount = json::value::array(),
                allocated = json::value::array(), rate_used = json::value::array(), capped = json::value::array(), cut = json::value::array(),
                reasons = json::value::array(), error = json::value::array();
    for (std::size_t i = 0; i < r.loans.size(); ++i) {
        const loan_result& l = r.loans[i];
        const bool ok = l.status == rules::batch::status_ok;
        const bool paid = l.eligible && l.borrower != no_borrower && r.borrowers[l.borrower].eligible;
        source.push_back(table.where(i));
        loan_id.push_back(std::string(in.loan_id[i]));
        lender.push_back(std::string(in.lender[i]));
        borrower_id.push_back(std::string(in.borrower_id[i]));
        borrower.push_back(std::string(in.borrower[i]));
        from.push_back(ok ? json::value(day_text(in.loans.period_from[i])) : json::value(nullptr));
        to.push_back(ok ? json::value(day_text(in.loans.period_to[i])) : json::value(nullptr));
        eligible.push_back(paid);
        amount.push_back(yuan(l.amount));
        allocated.push_back(yuan(l.allocated));
        rate_used.push_back(paid ? json::value(money::to_string(money::rate::from_units(l.rate_used)))
                                 : json::value(nullptr));
        capped.push_back(money::decimal(l.capped_sum, 2).to_string());
        cut.push_back(paid && l.cut_by_cap);
        reasons.push_back(codes_of(l.reasons, l.screen_reasons));
        error.push_back(ok ? json::value(nullptr) : json::value(row_error_message(in, r, i, params, options)));
    }
    json::value out = json::value::object();
    out["source"] = std::move(source);
    out["loan_id"] = std::move(loan_id);
    out["lender"] = std::move(lender);
    out["borrower_id"] = std::move(borrower_id);
    out["borrower"] = std::move(borrower);
    out["period_from"] = std::move(from);
    out["period_to"] = std::move(to);
    out["eligible"] = std::move(eligible);
    out["amount"] = std::move(amount);
    out["allocated"] = std::move(allocated);
    out["rate_used"] = std::move(rate_used);
    out["capped_balance_days"] = std::move(capped);
    out["cut_by_cap"] = std::move(cut);
    out["reasons"] = std::move(reasons);
    out["error"] = std::move(error);
    return out;
}

json::value conflicts_json(const screen_input& in, const screen_result& r) {
    json::value out = json::value::array();
    for (const auto& c : r.conflicts) {
        json::value x = json::value::object();
        x["kind"] = std::string(c.kind);
        x["borrower_id"] = std::string(c.borrower_id);
        x["loan_id"] = std::string(c.loan_id);
        x["lenders"] = std::vector<std::string>(c.lenders.begin(), c.lenders.end());
        x["rows"] = c.rows;
        x["detail_zh"] = conflict_detail(in, c, false);
        x["detail_en"] = conflict_detail(in, c, true);
        out.push_back(std::move(x));
    }
    return out;
}

json::value tally_json(const tally& t) {
    json::value x = json::value::object();
    x["key"] = t.key;
    x["borrowers"] = t.borrowers;
    x["loans"] = t.loans;
    x["amount"] = yuan(t.amount);
    x["allocated"] = yuan(t.allocated);
    return x;
}

json::value totals_json(const screen_totals& t) {
    json::value out = json::value::object();
    json::value lenders = json::value::array(), kinds = json::value::array(), reasons = json::value::object();
    for (const auto& x : t.lenders) lenders.push_back(tally_json(x));
    for (const auto& x : t.kinds) kinds.push_back(tally_json(x));
    for (const auto& [code, n] : t.reasons) reasons[code] = n;
    out["lenders"] = std::move(lenders);
    out["borrower_kinds"] = std::move(kinds);
    out["all"] = tally_json(t.all);
    out["borrowers"] = t.borrowers;
    out["borrowers_eligible"] = t.borrowers_eligible;
    out["loans"] = t.loans;
    out["loans_eligible"] = t.loans_eligible;
    out["loans_in_error"] = t.loans_in_error;
    out["reasons"] = std::move(reasons);
    return out;
}

}  // namespace

std::string screen_tables_json(std::string_view tables_json, std::string_view options_json,
                               const plan::first_loan_subsidy_parameters& params) {
    const auto [options, table_options] = options_from_json(options_json);
    screen_table table = read_tables(tables_json, table_options);
    const screen_input in = table.input();
    const screen_result r = run_screen(in, params, options);
    json::value out = json::value::object();
    out["borrowers"] = borrowers_json(in, r);
    out["loans"] = loans_json(table, in, r, params, options);
    out["conflicts"] = conflicts_json(in, r);
    out["totals"] = totals_json(r.totals);
    return json::dump(out);
}

}  // namespace zjcredit::screen
