// JSON for the rules: records in, results and receipts out (docs/records.md).
#include <zjcredit/rules/json.hpp>

#include "../json/document.hpp"
#include "../json/reader.hpp"
#include "../json/text_writer.hpp"
#include "../json/writer.hpp"
#include "receipt_text.hpp"
#include "record_reader.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/loan_events.hpp>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace zjcredit::rules {
namespace {

using zjcredit::json::object_reader;
using zjcredit::json::text_writer;
using zjcredit::json::value;

constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();

std::string amount_text(money::amount a) { return money::to_string(a); }

/// A date for output: special values (an unset field) are written as null
/// rather than thrown, so a record can be written before it is validated.
value date_value(const dates::date& d) {
    if (d.is_special()) return value(nullptr);
    return value(dates::detail::iso(d));
}

void write_date(text_writer& w, const dates::date& d) {
    if (d.is_special())
        w.null();
    else
        w.string(dates::detail::iso(d));
}

// ---- records -------------------------------------------------------------------

loan_record read_loan(object_reader& r) {
    loan_record loan;
    loan.borrower = r.string("borrower");
    const std::string kind = r.string("borrower_kind");
    const auto k = plan::borrower_kind_from_string(kind);
    if (!k)
        throw parse_error(r.path_of("borrower_kind"), kind,
                          "unknown borrower kind (expected \"small\", \"micro\", \"individual_business\", "
                          "\"medium\" or \"large\")");
    loan.borrower_kind = *k;
    loan.first_application_date = r.date("first_application_date");
    loan.via_platform = r.boolean("via_platform");
    loan.local_legal_person_lender = r.boolean("local_legal_person_lender");
    loan.first_loan = r.boolean("first_loan");
    loan.annual_rate = r.rate("annual_rate");
    // The schedule is given either as balances or as the loan's events
    // (loan_events.hpp), which are turned into balances over the period.
    const bool has_events = r.has("drawdown_date") || r.has("drawdown_amount") || r.has("repayments") ||
                            r.has("settled") || r.has("maturity");
    if (has_events && r.has("balances"))
        throw parse_error(r.path_of("balances"), "",
                          "a loan has either \"balances\" or its events (\"drawdown_date\", \"drawdown_amount\", "
                          "\"repayments\", \"settled\", \"maturity\"), not both");
    if (has_events) {
        loan_events events;
        events.drawdown_date = r.date("drawdown_date");
        events.drawdown_amount = r.amount("drawdown_amount");
        if (r.has("repayments"))
            r.objects("repayments", [&](object_reader& p) {
                repayment item;
                item.date = p.date("date");
                item.amount = p.amount("amount");
                events.repayments.push_back(item);
            });
        events.settled = r.optional_date("settled");
        events.maturity = r.optional_date("maturity");
        object_reader period = r.object("period");
        loan.period.from = period.date("from");
        loan.period.to = period.date("to");
        period.finish();
        loan.balances = balances_from_events(events, loan.period);
        return loan;
    }
    if (!r.has("balances"))
        throw parse_error(r.path_of("balances"), "",
                          "a loan needs its balance schedule: \"balances\", or \"drawdown_date\" and "
                          "\"drawdown_amount\" (with optional \"repayments\", \"settled\" and \"maturity\")");
    r.objects("balances", [&](object_reader& b) {
        balance_range range;
        if (b.has("date")) {
            if (b.has("from") || b.has("to"))
                throw parse_error(b.path(), "", "a balance has either \"date\" or \"from\" and \"to\", not both");
            range.from = range.to = b.date("date");
        } else {
            range.from = b.date("from");
            range.to = b.date("to");
        }
        range.balance = b.amount("balance");
        loan.balances.push_back(range);
    });
    object_reader period = r.object("period");
    loan.period.from = period.date("from");
    loan.period.to = period.date("to");
    period.finish();
    return loan;
}

receivables_record read_receivables(object_reader& r) {
    receivables_record record;
    record.core_enterprise = r.string("core_enterprise");
    r.objects("financings", [&](object_reader& f) {
        financing item;
        item.sme = f.string("sme");
        item.amount = f.amount("amount");
        item.start = f.date("start");
        item.end = f.optional_date("end");
        item.days = f.optional_integer("days", int64_min, int64_max);
        item.confirmed_on_platform = f.boolean("confirmed_on_platform");
        record.financings.push_back(std::move(item));
    });
    return record;
}

listing_record read_listing(object_reader& r) {
    listing_record record;
    record.company = r.string("company");
    r.objects("stages", [&](object_reader& s) {
        stage_claim c;
        c.stage = s.string("stage");
        c.date = s.date("date");
        record.stages.push_back(std::move(c));
    });
    record.paid_stages = r.optional_strings("paid_stages").value_or(std::vector<std::string>{});
    record.paid_amount = r.optional_amount("paid_amount").value_or(money::amount());
    return record;
}

budget_request read_budget(object_reader& r) {
    budget_request request;
    request.budget = r.amount("budget");
    const std::string method = r.string("method");
    const auto m = allocation_method_from_string(method);
    if (!m)
        throw parse_error(r.path_of("method"), method,
                          "unknown method (expected \"pro_rata\" or \"first_come_first_served\")");
    request.method = *m;
    r.objects("claims", [&](object_reader& c) {
        claim item;
        item.id = c.string("id");
        item.amount = c.amount("amount");
        item.order_key = c.optional_string("order_key").value_or("");
        request.claims.push_back(std::move(item));
    });
    return request;
}

template <class T, class Read>
T read_record(std::string_view text, std::string_view what, Read read) {
    const value doc = zjcredit::json::parse(text, what);
    object_reader r = zjcredit::json::root(doc, what);
    T out = read(r);
    r.finish();
    return out;
}

// ---- results and receipts --------------------------------------------------------
//
// Written straight to text (json::text_writer, src/rules/receipt_text.hpp):
// a receipt is written once per call, and a tree of it cost more than the rule.

using detail::write_reasons;
using detail::write_receipt;

/// Writes a document with `body(writer)` into one string sized for a receipt.
template <class Body>
std::string written(Body body) {
    std::string out;
    out.reserve(16 * 1024);
    text_writer w(out);
    body(w);
    w.finish();
    return out;
}

/// A result that is only eligible, amount, reasons and receipt.
template <class Result>
std::string eligibility_json(const Result& result) {
    return written([&](text_writer& w) {
        w.begin_object();
        w.member("eligible", result.eligible);
        w.member("amount", amount_text(result.amount));
        w.key("reasons");
        write_reasons(w, result.reasons);
        w.key("receipt");
        write_receipt(w, result.receipt);
        w.end_object();
    });
}

}  // namespace

// ---- records ---------------------------------------------------------------------

loan_record loan_record_from_json(std::string_view text) {
    // The fast reader answers only what the strict one would answer alike.
    if (auto fast = detail::fast_loan_record(text)) return std::move(*fast);
    return read_record<loan_record>(text, "loan", read_loan);
}

std::string to_json(const loan_record& record) {
    value o = value::object();
    o["borrower"] = record.borrower;
    o["borrower_kind"] = std::string(plan::to_string(record.borrower_kind));
    o["first_application_date"] = date_value(record.first_application_date);
    o["via_platform"] = record.via_platform;
    o["local_legal_person_lender"] = record.local_legal_person_lender;
    o["first_loan"] = record.first_loan;
    o["annual_rate"] = money::to_string(record.annual_rate);
    value balances = value::array();
    for (const auto& b : record.balances) {
        value q = value::object();
        q["from"] = date_value(b.from);
        q["to"] = date_value(b.to);
        q["balance"] = amount_text(b.balance);
        balances.push_back(std::move(q));
    }
    o["balances"] = std::move(balances);
    value period = value::object();
    period["from"] = date_value(record.period.from);
    period["to"] = date_value(record.period.to);
    o["period"] = std::move(period);
    return zjcredit::json::dump(o);
}

receivables_record receivables_record_from_json(std::string_view text) {
    if (auto fast = detail::fast_receivables_record(text)) return std::move(*fast);
    return read_record<receivables_record>(text, "receivables", read_receivables);
}

std::string to_json(const receivables_record& record) {
    value o = value::object();
    o["core_enterprise"] = record.core_enterprise;
    value financings = value::array();
    for (const auto& f : record.financings) {
        value q = value::object();
        q["sme"] = f.sme;
        q["amount"] = amount_text(f.amount);
        q["start"] = date_value(f.start);
        if (f.end) q["end"] = date_value(*f.end);
        if (f.days) q["days"] = *f.days;
        q["confirmed_on_platform"] = f.confirmed_on_platform;
        financings.push_back(std::move(q));
    }
    o["financings"] = std::move(financings);
    return zjcredit::json::dump(o);
}

listing_record listing_record_from_json(std::string_view text) {
    return read_record<listing_record>(text, "listing", read_listing);
}

std::string to_json(const listing_record& record) {
    value o = value::object();
    o["company"] = record.company;
    value stages = value::array();
    for (const auto& s : record.stages) {
        value q = value::object();
        q["stage"] = s.stage;
        q["date"] = date_value(s.date);
        stages.push_back(std::move(q));
    }
    o["stages"] = std::move(stages);
    o["paid_stages"] = zjcredit::json::strings(record.paid_stages);
    o["paid_amount"] = amount_text(record.paid_amount);
    return zjcredit::json::dump(o);
}

budget_request budget_request_from_json(std::string_view text) {
    return read_record<budget_request>(text, "budget_request", read_budget);
}

std::string to_json(const budget_request& request) {
    value o = value::object();
    o["budget"] = amount_text(request.budget);
    o["method"] = std::string(to_string(request.method));
    value claims = value::array();
    for (const auto& c : request.claims) {
        value q = value::object();
        q["id"] = c.id;
        q["amount"] = amount_text(c.amount);
        if (!c.order_key.empty()) q["order_key"] = c.order_key;
        claims.push_back(std::move(q));
    }
    o["claims"] = std::move(claims);
    return zjcredit::json::dump(o);
}

// ---- results and receipts ------------------------------------------------------------

std::string to_json(const receipt& r) {
    return written([&](text_writer& w) { write_receipt(w, r); });
}

std::string to_json(const first_loan_subsidy_result& result) { return eligibility_json(result); }

std::string to_json(const receivables_reward_result& result) { return eligibility_json(result); }

std::string to_json(const listing_award_result& result) {
    return written([&](text_writer& w) {
        w.begin_object();
        w.member("eligible", result.eligible);
        w.member("amount", amount_text(result.amount));
        w.key("awards");
        w.begin_array();
        for (const auto& a : result.awards) {
            w.begin_object();
            w.member("stage", a.stage);
            w.member("name", a.name);
            w.key("date");
            write_date(w, a.date);
            w.member("award", amount_text(a.award));
            w.member("paid", amount_text(a.paid));
            w.key("reasons");
            write_reasons(w, a.reasons);
            w.end_object();
        }
        w.end_array();
        w.key("reasons");
        write_reasons(w, result.reasons);
        w.member("stage_table_placeholder", result.stage_table_placeholder);
        w.key("notices");
        write_reasons(w, result.notices);
        w.key("receipt");
        write_receipt(w, result.receipt);
        w.end_object();
    });
}

std::string to_json(const allocation_result& result) {
    return written([&](text_writer& w) {
        w.begin_object();
        w.member("method", to_string(result.method));
        w.member("budget", amount_text(result.budget));
        w.member("claimed", amount_text(result.claimed));
        w.member("amount", amount_text(result.amount));
        w.key("allocations");
        w.begin_array();
        for (const auto& a : result.allocations) {
            w.begin_object();
            w.member("id", a.id);
            w.member("claimed", amount_text(a.claimed));
            w.member("allocated", amount_text(a.allocated));
            w.end_object();
        }
        w.end_array();
        w.key("receipt");
        write_receipt(w, result.receipt);
        w.end_object();
    });
}

// ---- one call ------------------------------------------------------------------------------

std::string first_loan_subsidy_json(std::string_view record, const plan::plan& p) {
    return first_loan_subsidy_json(loan_record_from_json(record), p);
}

std::string first_loan_subsidy_json(const loan_record& loan, const plan::plan& p) {
    detail::receipt_text out;
    detail::subsidy_to(loan, p.first_loan_subsidy, reference_of(p), out);
    return std::move(out).text();
}

std::string receivables_reward_json(std::string_view record, const plan::plan& p) {
    return to_json(receivables_reward(receivables_record_from_json(record), p));
}

std::string listing_award_json(std::string_view record, const plan::plan& p) {
    return to_json(listing_award(listing_record_from_json(record), p));
}

std::string allocate_budget_json(std::string_view request, const plan::plan& p) {
    return to_json(allocate_budget(budget_request_from_json(request), reference_of(p)));
}

}  // namespace zjcredit::rules
