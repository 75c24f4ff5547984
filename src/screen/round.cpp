// A screened round and the payout register wired together (include/zjcredit/screen/round.hpp).
#include <zjcredit/dates/date.hpp>
#include <zjcredit/screen/round.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace zjcredit::screen {

std::vector<paid_loan_period> already_paid_of(std::span<const paid_period> rows) {
    std::vector<paid_loan_period> out;
    out.reserve(rows.size());
    for (const paid_period& r : rows)
        out.push_back({r.lender, r.loan_id, dates::to_day_number(r.from), dates::to_day_number(r.to), r.borrower_id});
    return out;
}

std::vector<paid_loan_period> already_paid_of(const payout_register& reg) {
    require_verified(reg);
    return already_paid_of(reg.paid());
}

std::vector<payout> payouts_of(std::span<const payment> payments) {
    std::vector<payout> out;
    out.reserve(payments.size());
    for (const payment& p : payments)
        out.push_back({p.borrower_id, p.borrower, p.loan_id, p.lender, dates::from_day_number(p.from),
                       dates::from_day_number(p.to), money::amount::from_fen(p.amount), sha256_hex(p.receipt)});
    return out;
}

std::vector<limit_breach> limit_breaches(std::span<const payment> payments, std::span<const borrower_total> paid,
                                         money::amount limit) {
    std::map<std::string_view, money::amount> before;
    for (const borrower_total& t : paid) before[t.borrower_id] = t.total;
    // By borrower_id (byte order): this round's sum and the name.
    std::map<std::string, std::pair<std::string, money::amount>> round;
    for (const payment& p : payments) {
        auto& [name, sum] = round[p.borrower_id];
        if (name.empty()) name = p.borrower;
        sum += money::amount::from_fen(p.amount);
    }
    std::vector<limit_breach> out;
    for (const auto& [id, entry] : round) {
        const auto it = before.find(id);
        const money::amount paid_before = it == before.end() ? money::amount{} : it->second;
        if (paid_before + entry.second > limit) out.push_back({id, entry.first, paid_before, entry.second, limit});
    }
    return out;
}

std::vector<payment> without_breaches(std::span<const payment> payments, std::span<const limit_breach> breaches) {
    std::set<std::string_view> held;
    for (const limit_breach& b : breaches) held.insert(b.borrower_id);
    std::vector<payment> out;
    for (const payment& p : payments)
        if (!held.contains(p.borrower_id)) out.push_back(p);
    return out;
}

}  // namespace zjcredit::screen
