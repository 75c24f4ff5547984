// The register as JSON, for `zjcredit register … --json` and the C ABI.
// Amounts are decimal strings of 元 ("1234.56"), never JSON numbers.
#include "../json/document.hpp"

#include <zjcredit/money/format.hpp>
#include <zjcredit/screen/register.hpp>

namespace zjcredit::screen {

namespace {

using json::value;

value header(const char* kind) {
    value v = value::object();
    v["schema_version"] = 1;
    v["kind"] = kind;
    return v;
}

}  // namespace

std::string verify_report_to_json(const verify_report& report) {
    value v = header("zjcredit.register_verify");
    v["ok"] = report.ok();
    v["rows_checked"] = report.rows_checked;
    v["rounds_checked"] = report.rounds_checked;
    v["head_hash"] = report.head_hash;
    if (report.first_fault) {
        const register_fault& f = *report.first_fault;
        value fault = value::object();
        fault["row_id"] = f.row_id == 0 ? value(nullptr) : value(f.row_id);
        fault["round_id"] = f.round_id;
        fault["borrower_id"] = f.borrower_id;
        fault["loan_id"] = f.loan_id;
        fault["what"] = f.what;
        fault["what_zh"] = f.what_zh;
        v["first_fault"] = std::move(fault);
    } else {
        v["first_fault"] = nullptr;
    }
    return json::dump(v);
}

std::string register_summary_to_json(const payout_register& reg) {
    value v = header("zjcredit.register");
    value rounds = value::array();
    std::int64_t rows = 0;
    money::amount total;
    for (const round_summary& r : reg.rounds()) {
        value x = value::object();
        x["round_id"] = r.round_id;
        x["plan_version"] = r.plan_version;
        x["committed_at"] = r.committed_at;
        x["rows"] = r.rows;
        x["total"] = money::to_string(r.total);
        x["last_hash"] = r.last_hash;
        rounds.push_back(std::move(x));
        rows += r.rows;
        total = total + r.total;
    }
    value borrowers = value::array();
    for (const borrower_total& b : reg.totals()) {
        value x = value::object();
        x["borrower_id"] = b.borrower_id;
        x["borrower_name"] = b.borrower_name;
        x["rows"] = b.rows;
        x["total"] = money::to_string(b.total);
        borrowers.push_back(std::move(x));
    }
    v["rounds"] = std::move(rounds);
    v["borrowers"] = std::move(borrowers);
    v["rows"] = rows;
    v["total"] = money::to_string(total);
    return json::dump(v);
}

std::string paid_to_json(const std::vector<paid_period>& rows) {
    value v = header("zjcredit.register_paid");
    value out = value::array();
    for (const paid_period& r : rows) {
        value x = value::object();
        x["row_id"] = r.row_id;
        x["round_id"] = r.round_id;
        x["committed_at"] = r.committed_at;
        x["plan_version"] = r.plan_version;
        x["borrower_id"] = r.borrower_id;
        x["borrower_name"] = r.borrower_name;
        x["loan_id"] = r.loan_id;
        x["lender"] = r.lender;
        x["from"] = dates::to_string(r.from);
        x["to"] = dates::to_string(r.to);
        x["amount"] = money::to_string(r.amount);
        x["receipt_digest"] = r.receipt_digest;
        out.push_back(std::move(x));
    }
    v["paid"] = std::move(out);
    return json::dump(v);
}

}  // namespace zjcredit::screen
