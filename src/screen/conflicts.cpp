// Conflicts of the screen, listed for review (include/zjcredit/screen/screen.hpp).
#include "conflicts.hpp"
#include "large_arrays.hpp"
#include "listing.hpp"
#include "names.hpp"
#include "row_table.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/plan/parameters.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <initializer_list>
#include <tuple>
#include <set>
#include <unordered_map>

namespace zjcredit::screen {

namespace {

struct loan_key {
    std::string_view lender;
    std::string_view loan_id;
    friend bool operator==(const loan_key&, const loan_key&) = default;
};

struct loan_key_hash {
    std::size_t operator()(const loan_key& k) const noexcept {
        const std::hash<std::string_view> h;
        return h(k.lender) * 1000003U ^ h(k.loan_id);
    }
};

/// Appends the parts, growing `out` once.
void append(std::string& out, std::initializer_list<std::string_view> parts) {
    std::size_t size = out.size();
    for (std::string_view p : parts) size += p.size();
    out.reserve(size);
    for (std::string_view p : parts) out.append(p);
}

std::string day_text(std::int32_t d) { return dates::detail::iso(dates::from_day_number(d)); }

std::string period_text(const screen_input& in, std::size_t i) {
    return day_text(in.loans.period_from[i]) + ".." + day_text(in.loans.period_to[i]);
}

/// Same loan-level data: borrower, kind, first application, flags, rate.
bool same_data(const screen_input& in, std::size_t a, std::size_t b) {
    const auto& c = in.loans;
    return in.borrower_id[a] == in.borrower_id[b] && same_borrower_name(in.borrower[a], in.borrower[b]) &&
           c.borrower_kind[a] == c.borrower_kind[b] && c.first_application[a] == c.first_application[b] &&
           c.flags[a] == c.flags[b] && c.annual_rate[a] == c.annual_rate[b];
}

/// Same claim period and the same balances.
bool same_listing(const screen_input& in, std::size_t a, std::size_t b) {
    const auto& c = in.loans;
    if (c.period_from[a] != c.period_from[b] || c.period_to[a] != c.period_to[b]) return false;
    const auto ba = static_cast<std::size_t>(c.offsets[a]), ea = static_cast<std::size_t>(c.offsets[a + 1]);
    const auto bb = static_cast<std::size_t>(c.offsets[b]), eb = static_cast<std::size_t>(c.offsets[b + 1]);
    if (ea - ba != eb - bb) return false;
    for (std::size_t k = 0; k < ea - ba; ++k)
        if (c.range_from[ba + k] != c.range_from[bb + k] || c.range_to[ba + k] != c.range_to[bb + k] ||
            c.range_balance[ba + k] != c.range_balance[bb + k])
            return false;
    return true;
}

/// Where listing `row` was read ("甲银行.csv:7") when the input says so;
/// otherwise its row ("row 3"; zh "第 3 行").
std::string place(const screen_input& in, std::size_t row, bool en = true) {
    if (!in.source.empty() && !in.source[row].empty()) return std::string(in.source[row]);
    return en ? "row " + std::to_string(row) : "第 " + std::to_string(row) + " 行";
}

/// Where the listings were read, joined: "甲.csv:6, 乙.csv:4"; without
/// their sources "rows 1, 4" (zh "第 1, 4 行").
std::string places(const screen_input& in, const std::vector<std::size_t>& rows, bool en) {
    std::string s;
    if (!in.source.empty()) {
        for (std::size_t r : rows) append(s, {s.empty() ? "" : (en ? ", " : "、"), place(in, r, en)});
        return s;
    }
    for (std::size_t r : rows) s += (s.empty() ? "" : ", ") + std::to_string(r);
    return en ? (rows.size() == 1 ? "row " : "rows ") + s : "第 " + s + " 行";
}

/// The first field in which listings `a` and `b` differ (same_data's order),
/// its values quoted: `annual_rate "0.8%" in 甲.csv:6, "4.35%" in 乙.csv:4`
/// (`in row 0` without sources), so that a reviewer sees at once what to correct.
std::string first_difference(const screen_input& in, std::size_t a, std::size_t b) {
    const auto& c = in.loans;
    const auto said = [&](std::string_view field, std::string_view va, std::string_view vb) {
        return std::string(field) + " \"" + quote_text(va) + "\" in " + place(in, a) + ", \"" + quote_text(vb) +
               "\" in " + place(in, b);
    };
    const auto kind = [&](std::size_t i) { return plan::to_string(static_cast<plan::borrower_kind>(c.borrower_kind[i])); };
    const auto rate = [&](std::size_t i) { return money::to_string(money::rate::from_units(c.annual_rate[i])); };
    if (in.borrower_id[a] != in.borrower_id[b]) return said("borrower_id", in.borrower_id[a], in.borrower_id[b]);
    if (!same_borrower_name(in.borrower[a], in.borrower[b])) return said("borrower", in.borrower[a], in.borrower[b]);
    if (c.borrower_kind[a] != c.borrower_kind[b]) return said("borrower_kind", kind(a), kind(b));
    if (c.first_application[a] != c.first_application[b])
        return said("first_application_date", day_text(c.first_application[a]), day_text(c.first_application[b]));
    if (c.annual_rate[a] != c.annual_rate[b]) return said("annual_rate", rate(a), rate(b));
    constexpr std::array<std::pair<std::uint8_t, std::string_view>, 3> flags{{
        {rules::batch::loan_via_platform, "via_platform"},
        {rules::batch::loan_local_legal_person_lender, "local_legal_person_lender"},
        {rules::batch::loan_first_loan, "first_loan"},
    }};
    for (const auto& [bit, name] : flags)
        if ((c.flags[a] & bit) != (c.flags[b] & bit))
            return said(name, (c.flags[a] & bit) != 0 ? "true" : "false", (c.flags[b] & bit) != 0 ? "true" : "false");
    return {};
}

bool overlap(std::int32_t f1, std::int32_t t1, std::int32_t f2, std::int32_t t2) { return f1 <= t2 && f2 <= t1; }

conflict listing_conflict(const screen_input& in, std::string_view kind, std::vector<std::size_t> rows) {
    conflict c;
    c.kind = kind;
    c.borrower_id = in.borrower_id[rows.front()];
    c.loan_id = in.loan_id[rows.front()];
    c.lenders = {in.lender[rows.front()]};
    c.rows = std::move(rows);
    return c;
}


}  // namespace

void find_listing_conflicts(const screen_input& in, screen_result& r, const screen_options& options) {
    const std::size_t n = in.size();
    row_table first(n);
    const loan_key_hash hash;
    std::vector<std::size_t> next = large_vector<std::size_t>(n, n);  // the next listing of the same loan
    std::vector<std::size_t> last = large_vector<std::size_t>(n, n);  // of a first listing: its group's last
    std::vector<std::size_t> groups;
    // The hashes first, so that each row's slot is asked for some rows
    // before it is inserted (measured on the bench's 1,000,000 loans: this
    // function took 86–104 ms hashing as it inserted, 52–58 ms with the
    // hashes first, 38–45 ms with the slots asked for ahead).
    std::vector<std::size_t> hashes = large_vector<std::size_t>(n);
    for (std::size_t i = 0; i < n; ++i)
        if (r.loans[i].status == rules::batch::status_ok) hashes[i] = hash(loan_key{in.lender[i], in.loan_id[i]});
    constexpr std::size_t ahead = 16;
    for (std::size_t i = 0; i < n; ++i) {
        if (i + ahead < n) first.prefetch(hashes[i + ahead]);
        if (r.loans[i].status != rules::batch::status_ok) continue;
        const std::size_t head = first.find_or_insert(i, hashes[i], [&](std::size_t a, std::size_t b) {
            return in.loan_id[a] == in.loan_id[b] && in.lender[a] == in.lender[b];
        });
        if (head == i) {
            last[i] = i;
            continue;
        }
        if (last[head] == head) groups.push_back(head);
        next[last[head]] = i;
        last[head] = i;
    }
    for (const std::size_t head : groups) {
        std::vector<std::size_t> rows;
        for (std::size_t i = head; i < n; i = next[i]) rows.push_back(i);
        bool differs = false;
        for (std::size_t k = 1; k < rows.size(); ++k) differs |= !same_data(in, rows[0], rows[k]);
        if (differs) {
            for (std::size_t i : rows) r.loans[i].screen_reasons |= reason_data_differs;
            r.conflicts.push_back(listing_conflict(in, "loan_data_differs", std::move(rows)));
            continue;
        }
        std::vector<std::size_t> twice;
        std::set<std::size_t> overlapping;
        for (std::size_t a = 0; a < rows.size(); ++a)
            for (std::size_t b = a + 1; b < rows.size(); ++b) {
                const std::size_t x = rows[a], y = rows[b];
                if (same_listing(in, x, y)) {
                    if ((r.loans[y].screen_reasons & reason_listed_twice) == 0 &&
                        (r.loans[x].screen_reasons & reason_listed_twice) == 0) {
                        r.loans[y].screen_reasons |= reason_listed_twice;
                        twice.push_back(y);
                    }
                } else if (overlap(in.loans.period_from[x], in.loans.period_to[x], in.loans.period_from[y],
                                   in.loans.period_to[y])) {
                    overlapping.insert(x);
                    overlapping.insert(y);
                }
            }
        if (!twice.empty()) {
            std::vector<std::size_t> concerned{rows.front()};
            concerned.insert(concerned.end(), twice.begin(), twice.end());
            r.conflicts.push_back(listing_conflict(in, "loan_listed_twice", std::move(concerned)));
        }
        if (!overlapping.empty()) {
            for (std::size_t i : overlapping) r.loans[i].screen_reasons |= reason_periods_overlap;
            r.conflicts.push_back(
                listing_conflict(in, "claim_periods_overlap", std::vector<std::size_t>(overlapping.begin(), overlapping.end())));
        }
    }

    if (options.already_paid.empty()) return;
    std::unordered_map<loan_key, std::vector<const paid_loan_period*>, loan_key_hash> paid;
    for (const auto& p : options.already_paid) paid[loan_key{p.lender, p.loan_id}].push_back(&p);
    for (std::size_t i = 0; i < n; ++i) {
        if (r.loans[i].status != rules::batch::status_ok) continue;
        const auto it = paid.find(loan_key{in.lender[i], in.loan_id[i]});
        if (it == paid.end()) continue;
        for (const paid_loan_period* p : it->second) {
            if (!overlap(in.loans.period_from[i], in.loans.period_to[i], p->from, p->to)) continue;
            r.loans[i].screen_reasons |= reason_already_paid;
            conflict c = listing_conflict(in, "already_paid", {i});
            c.paid_from = p->from;
            c.paid_to = p->to;
            r.conflicts.push_back(std::move(c));
            break;
        }
    }
}

void find_borrower_conflicts(const screen_input& in, const lender_ranks& lenders, std::span<listing> loans,
                             borrower_result& br, screen_result& r, bool keep_all_first_loans,
                             const paid_loan_period* paid_before, borrower_scratch& scratch) {
    // The lenders of `some` listings, each named once, in byte order.
    const auto lenders_of = [&](const auto& some) {
        std::vector<std::uint32_t>& ranks = scratch.ranks;
        ranks.clear();
        for (const listing* l : some) ranks.push_back(l->lender);
        std::sort(ranks.begin(), ranks.end());
        ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
        std::vector<std::string_view> names;
        names.reserve(ranks.size() + 1);
        for (std::uint32_t k : ranks) names.push_back(lenders.names[k]);
        return names;
    };
    std::vector<listing*>& concerned = scratch.concerned;
    concerned.clear();
    if (!std::all_of(loans.begin(), loans.end(), [](const listing& l) { return l.same_name; })) {
        br.held = true;
        conflict c;
        c.kind = "borrower_name_differs";
        c.borrower_id = in.borrower_id[br.first_row];
        for (listing& l : loans) concerned.push_back(&l);
        c.lenders = lenders_of(concerned);
        for (const listing& l : loans) c.rows.push_back(l.row);
        std::sort(c.rows.begin(), c.rows.end());
        r.conflicts.push_back(std::move(c));
        concerned.clear();
    }

    // 首贷 at two lenders: the first in the fill order keeps it. A listing
    // already paid still holds its claim (it was paid as the 首贷), so a
    // replayed round does not hand the 首贷 to the next lender in line; and a
    // payment of an earlier round keeps it even when its listing is absent.
    const auto first_loan = [](const listing& l) { return (l.flags & rules::batch::loan_first_loan) != 0; };
    conflict c;
    c.kind = "first_loan_claimed_elsewhere";
    c.kept_all = keep_all_first_loans;
    if (paid_before != nullptr) {
        const std::uint32_t paid_lender = lenders.rank_of(paid_before->lender);
        for (listing& l : loans)
            if (first_loan(l) && l.screen_reasons == 0 && l.lender != paid_lender) concerned.push_back(&l);
        if (concerned.empty()) return;
        const paid_loan_period& kept = r.first_loans_paid_before.emplace_back(*paid_before);  // reserved: never moves
        c.lenders = lenders_of(concerned);
        c.lenders.insert(c.lenders.begin(), kept.lender);
        c.borrower_id = in.borrower_id[br.first_row];
        c.loan_id = kept.loan_id;
        c.paid_from = kept.from;
        c.paid_to = kept.to;
        c.paid_before = true;
    } else {
        const listing* keeper = nullptr;  // concerned: the others, at other lenders
        for (listing& l : loans) {
            if (!first_loan(l) || (l.screen_reasons & ~reason_already_paid) != 0) continue;
            if (keeper == nullptr) keeper = &l;
            else if (l.lender != keeper->lender) concerned.push_back(&l);
        }
        if (concerned.empty()) return;
        c.lenders = lenders_of(concerned);
        c.lenders.insert(c.lenders.begin(), lenders.names[keeper->lender]);
        c.borrower_id = in.borrower_id[keeper->row];
        c.loan_id = in.loan_id[keeper->row];
        c.keeper_reasons = keeper->eligible ? 0 : keeper->reasons;
        c.rows.reserve(1 + concerned.size());
        c.rows.push_back(keeper->row);
    }
    c.rows.reserve(c.rows.size() + concerned.size());
    for (listing* l : concerned) {
        c.rows.push_back(l->row);
        if (!keep_all_first_loans) l->screen_reasons |= reason_claimed_elsewhere;
    }
    r.conflicts.push_back(std::move(c));
}

void hold_for_listings_in_error(const screen_input& in, std::span<listing> loans, borrower_result& br,
                                std::span<const std::size_t> rows_in_error, screen_result& r) {
    if (rows_in_error.empty()) return;
    br.held = true;
    for (listing& l : loans) l.screen_reasons |= reason_listing_in_error;
    conflict c;
    c.kind = "borrower_listing_in_error";
    c.borrower_id = in.borrower_id[br.first_row];
    for (std::size_t row : rows_in_error)
        if (!in.lender[row].empty() && std::find(c.lenders.begin(), c.lenders.end(), in.lender[row]) == c.lenders.end())
            c.lenders.push_back(in.lender[row]);
    std::sort(c.lenders.begin(), c.lenders.end());
    c.rows.assign(rows_in_error.begin(), rows_in_error.end());
    r.conflicts.push_back(std::move(c));
}

void hold_for_paid_loans_not_listed(const screen_input& in, std::span<listing> loans, borrower_result& br,
                                    std::span<const paid_loan_period* const> paid, screen_result& r) {
    if (br.held) return;  // held already: nothing is paid now
    const auto listed = [&](const paid_loan_period& p) {
        return std::any_of(loans.begin(), loans.end(),
                           [&](const listing& l) { return in.lender[l.row] == p.lender && in.loan_id[l.row] == p.loan_id; });
    };
    // A loan paid now whose claim period meets the period paid: the cap of those days is shared.
    const auto meets_one_paid_now = [&](const paid_loan_period& p) {
        return std::any_of(loans.begin(), loans.end(), [&](const listing& l) {
            return l.eligible && l.screen_reasons == 0 &&
                   overlap(in.loans.period_from[l.row], in.loans.period_to[l.row], p.from, p.to);
        });
    };
    const auto unknown = std::find_if(paid.begin(), paid.end(),
                                      [&](const paid_loan_period* p) { return !listed(*p) && meets_one_paid_now(*p); });
    if (unknown == paid.end()) return;
    br.held = true;
    const paid_loan_period& kept = r.first_loans_paid_before.emplace_back(**unknown);  // reserved: never moves
    conflict c;
    c.kind = "paid_loan_not_listed";
    c.borrower_id = in.borrower_id[br.first_row];
    c.loan_id = kept.loan_id;
    c.lenders = {kept.lender};
    c.paid_from = kept.from;
    c.paid_to = kept.to;
    c.paid_before = true;
    for (listing& l : loans) {
        l.screen_reasons |= reason_paid_not_listed;
        c.rows.push_back(l.row);
    }
    std::sort(c.rows.begin(), c.rows.end());
    r.conflicts.push_back(std::move(c));
}

void sort_conflicts(screen_result& r) {
    // Each conflict's kind ranked once (the order of screen_reasons), then
    // the conflicts' indices sorted (ties: their order, as a stable sort).
    std::vector<std::size_t> rank(r.conflicts.size());
    for (std::size_t i = 0; i < rank.size(); ++i) {
        rank[i] = screen_reasons.size();
        for (std::size_t k = 0; k < screen_reasons.size(); ++k)
            if (screen_reasons[k].code == r.conflicts[i].kind) {
                rank[i] = k;
                break;
            }
    }
    // By kind first, in the order found; a kind found borrower by borrower
    // (in borrower_id order) is then sorted already, and only checked.
    std::vector<std::size_t> order;
    order.reserve(r.conflicts.size());
    std::vector<std::size_t> bucket_end;
    for (std::size_t k = 0; k <= screen_reasons.size(); ++k) {
        for (std::size_t i = 0; i < rank.size(); ++i)
            if (rank[i] == k) order.push_back(i);
        bucket_end.push_back(order.size());
    }
    const auto key = [&](std::size_t i) {
        return std::tuple(std::string_view(r.conflicts[i].borrower_id), std::string_view(r.conflicts[i].loan_id), i);
    };
    const auto before = [&](std::size_t a, std::size_t b) { return key(a) < key(b); };
    for (std::size_t k = 0, begin = 0; k < bucket_end.size(); begin = bucket_end[k++]) {
        const auto first = order.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto last = order.begin() + static_cast<std::ptrdiff_t>(bucket_end[k]);
        if (!std::is_sorted(first, last, before)) std::sort(first, last, before);
    }
    // The order applied in place, cycle by cycle: no second vector of conflicts.
    for (std::size_t k = 0; k < order.size(); ++k) {
        std::size_t at = k;
        while (order[at] != k) {  // position `at` takes conflict order[at]
            const std::size_t from = order[at];
            std::swap(r.conflicts[at], r.conflicts[from]);
            order[at] = at;
            at = from;
        }
        order[at] = at;
    }
}

std::string conflict_detail(const screen_input& in, const conflict& c, bool en) {
    std::string out;
    if (c.rows.empty()) return out;
    const std::string_view loan = c.loan_id, lender = c.lenders.empty() ? std::string_view() : c.lenders.front();
    const std::size_t row = c.rows.front();
    if (c.kind == "loan_data_differs") {
        std::size_t other = c.rows.size() > 1 ? c.rows[1] : row;
        for (std::size_t k = 1; k < c.rows.size(); ++k)
            if (!same_data(in, row, c.rows[k])) {
                other = c.rows[k];
                break;
            }
        const std::string difference = first_difference(in, row, other), rows = places(in, c.rows, en);
        if (en)
            append(out, {"loan ", loan, " (", lender, ") is listed in ", rows,
                         " with different borrower, kind, application date, flags or rate (", difference, "): all held"});
        else
            append(out, {"借据号 ", loan, "（", lender, "）在", rows,
                         "报送的借款人、企业规模、申请日期、标志或利率不一致（", difference, "），均暂缓支付"});
    } else if (c.kind == "loan_listed_twice") {
        const std::string rows = places(in, c.rows, en), first = place(in, row, en);
        if (en)
            append(out, {"loan ", loan, " (", lender, ") is listed in ", rows, " with the same data: only ", first,
                         " counts"});
        else append(out, {"借据号 ", loan, "（", lender, "）在", rows, "重复报送（数据相同），只计", first});
    } else if (c.kind == "claim_periods_overlap") {
        std::string periods;
        for (std::size_t i : c.rows) append(periods, {periods.empty() ? "" : ", ", period_text(in, i)});
        if (en) append(out, {"loan ", loan, " (", lender, ") has overlapping claim periods: ", periods, "; all held"});
        else append(out, {"借据号 ", loan, "（", lender, "）的贴息期间重叠：", periods, "，均暂缓支付"});
    } else if (c.kind == "already_paid") {
        const std::string period = period_text(in, row), paid = day_text(c.paid_from) + ".." + day_text(c.paid_to);
        if (en)
            append(out, {"loan ", loan, " (", lender, "): claim period ", period, " overlaps the period already paid ",
                         paid, "; not paid again"});
        else append(out, {"借据号 ", loan, "（", lender, "）贴息期间 ", period, " 与已支付的期间 ", paid, " 重叠，不再支付"});
    } else if (c.kind == "borrower_name_differs") {
        // The names in the order of their rows (c.rows is sorted).
        std::vector<std::string_view> names;
        for (std::size_t i : c.rows)
            if (std::none_of(names.begin(), names.end(), [&](std::string_view n) { return same_borrower_name(n, in.borrower[i]); }))
                names.push_back(in.borrower[i]);
        std::string joined;
        for (std::string_view name : names) append(joined, {joined.empty() ? "" : "、", name});
        if (en) append(out, {"borrower_id ", c.borrower_id, " has different names: ", joined, "; held"});
        else append(out, {"统一社会信用代码 ", c.borrower_id, " 对应不同的借款人名称：", joined, "，暂缓支付"});
    } else if (c.kind == "borrower_listing_in_error") {
        const std::string rows = places(in, c.rows, en);
        if (en)
            append(out, {"borrower ", c.borrower_id, ": its listing in ", rows,
                         " is in error (loans.csv says why); all its loans are held, as the cap they share cannot "
                         "be filled without it: correct it and screen again"});
        else
            append(out, {"统一社会信用代码 ", c.borrower_id, " 的报送有误（", rows, "，原因见 loans.csv）：该户贷款共用单户上限，",
                         "缺此笔无法确定各笔份额，均暂缓支付；更正后重新筛选"});
    } else if (c.kind == "paid_loan_not_listed") {
        const std::string paid = day_text(c.paid_from) + ".." + day_text(c.paid_to);
        const std::string_view name = in.borrower[row];
        if (en)
            append(out, {"borrower ", name, " (", c.borrower_id, "): loan ", loan, " (", lender, ") was paid for ", paid,
                         " in an earlier round but is not in the files screened, so the room its balances took in the "
                         "borrower's cap on those days is not known: all held; screen its file together with these"});
        else
            append(out, {"借款人 ", name, "（", c.borrower_id, "）的借据号 ", loan, "（", lender, "）已在此前轮次就 ", paid,
                         " 支付，但不在本次筛选的文件中，无法核定其在单户上限中所占的额度：均暂缓支付；请将其所在文件一并筛选"});
    } else if (c.kind == "first_loan_claimed_elsewhere") {
        std::string rest;
        for (std::size_t k = 1; k < c.lenders.size(); ++k)
            append(rest, {rest.empty() ? "" : (en ? ", " : "、"), c.lenders[k]});
        const std::string_view name = in.borrower[row];
        if (c.paid_before) {
            const std::string period = day_text(c.paid_from) + ".." + day_text(c.paid_to);
            if (en) {
                append(out, {"borrower ", name, " (", c.borrower_id, ") is marked 首贷 at ", rest,
                             ", but its 首贷 was paid in an earlier round at ", lender, " (loan ", loan, ", ", period, "); "});
                append(out, {c.kept_all ? "all kept as asked, under the one cap" : rest + " is not subsidised"});
            } else {
                append(out, {"借款人 ", name, "（", c.borrower_id, "）在 ", rest, " 报为首贷，但其首贷已在此前轮次由 ", lender,
                             "（借据号 ", loan, "，贴息期间 ", period, "）认定并支付；"});
                append(out, {c.kept_all ? "按设定均予保留，合并计算单户上限" : rest + " 的首贷不予贴息"});
            }
            return out;
        }
        if (en) {
            append(out, {"borrower ", name, " (", c.borrower_id, ") is marked 首贷 at ", lender, " and at ", rest, "; "});
            if (c.kept_all) append(out, {"all kept as asked, under the one cap"});
            else if (c.keeper_reasons != 0)
                append(out, {lender, " (loan ", loan, ") comes first in the fill order and keeps it, though it is itself "
                             "not subsidised (", reason_texts(c.keeper_reasons, 0, true), "); ", rest, " is not subsidised either"});
            else append(out, {lender, " (loan ", loan, ") comes first in the fill order and keeps it, ", rest, " is not subsidised"});
        } else {
            append(out, {"借款人 ", name, "（", c.borrower_id, "）在 ", lender, " 和 ", rest, " 均报为首贷；"});
            if (c.kept_all) append(out, {"按设定均予保留，合并计算单户上限"});
            else if (c.keeper_reasons != 0)
                append(out, {"按填充顺序由 ", lender, "（借据号 ", loan, "）认定，该笔本身不符合贴息条件（",
                             reason_texts(c.keeper_reasons, 0, false), "）；", rest, " 的首贷亦不予贴息"});
            else append(out, {"按填充顺序由 ", lender, "（借据号 ", loan, "）认定，", rest, " 的首贷不予贴息"});
        }
    }
    return out;
}

}  // namespace zjcredit::screen
