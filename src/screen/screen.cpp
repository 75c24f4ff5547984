// The screen over a population of loans (include/zjcredit/screen/screen.hpp).
#include <zjcredit/screen/screen.hpp>

#include <zjcredit/money/format.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/screen/credit_code.hpp>

#include "conflicts.hpp"
#include "large_arrays.hpp"
#include "row_table.hpp"
#include "sort_rows.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <map>
#include <numeric>
#include <unordered_map>

namespace zjcredit::screen {

std::string_view to_string(fill_order o) noexcept {
    switch (o) {
        case fill_order::application_drawdown_loan_id: return "application";
        case fill_order::drawdown_application_loan_id: return "drawdown";
        case fill_order::loan_id: return "loan_id";
    }
    return "application";
}

std::optional<fill_order> fill_order_from_string(std::string_view s) noexcept {
    if (s == "application" || s == "application_drawdown_loan_id") return fill_order::application_drawdown_loan_id;
    if (s == "drawdown" || s == "drawdown_application_loan_id") return fill_order::drawdown_application_loan_id;
    if (s == "loan_id") return fill_order::loan_id;
    return std::nullopt;
}

namespace {

using money::int128;
constexpr std::int32_t never = std::numeric_limits<std::int32_t>::max();

void check_sizes(const screen_input& in) {
    const std::size_t n = in.size();
    const auto need = [n](std::size_t size, const char* column) {
        if (size != n)
            throw validation_error(column, std::to_string(size),
                                   "has " + std::to_string(size) + " entries for " + std::to_string(n) + " loans");
    };
    if (n >= std::numeric_limits<std::uint32_t>::max())  // rows and borrowers are numbered in 32 bits
        throw validation_error("loans", std::to_string(n), "are too many: at most 4294967294 loans");
    need(in.loan_id.size(), "loan_id");
    need(in.borrower_id.size(), "borrower_id");
    need(in.borrower.size(), "borrower");
    need(in.lender.size(), "lender");
    if (!in.row_errors.empty()) need(in.row_errors.size(), "row_errors");
}

/// Whether row i has its ids (the messages are row_error_message()'s,
/// report.cpp). The borrower_id's check digit is checked once per borrower.
bool ids_present(const screen_input& in, std::size_t i) {
    return !in.loan_id[i].empty() && !in.lender[i].empty() && !in.borrower[i].empty() && !in.borrower_id[i].empty();
}

/// The first day with a positive balance, `never` when none.
std::int32_t drawdown_of(const batch::loan_columns& c, std::size_t i) {
    for (auto j = static_cast<std::size_t>(c.offsets[i]); j < static_cast<std::size_t>(c.offsets[i + 1]); ++j)
        if (c.range_balance[j] > 0) return c.range_from[j];
    return never;
}

/// The last day of loan i's claim that counts: its period end, or earlier
/// under the maximum subsidy period (as the kernel counts it).
std::int32_t last_counted_day(const batch::loan_columns& c, std::size_t i, const batch::prepared_subsidy& p,
                              std::int32_t drawdown) {
    std::int64_t last = c.period_to[i];
    if (p.has_max_subsidy_days && drawdown != never) {
        const std::int64_t end = p.max_subsidy_days - 1 >= std::int64_t{batch::last_day_number} - drawdown + 1
                                     ? std::int64_t{batch::last_day_number}
                                     : drawdown + (p.max_subsidy_days - 1);
        last = std::min(last, end);
    }
    return static_cast<std::int32_t>(last);
}

struct fill_loan {
    std::size_t row;
    std::size_t j;      ///< its current range
    std::size_t end;    ///< past its last range
    std::int32_t from;  ///< first day counted
    std::int32_t to;    ///< last day counted
    std::int64_t rate;  ///< rate used

    bool done() const noexcept { return j == end; }
};

/// Moves loan `l` to its first range, from range j on, that has a day inside
/// its counted days (ranges are in order and do not overlap).
void skip_uncounted(const batch::loan_columns& c, fill_loan& l) {
    while (l.j < l.end && c.range_to[l.j] < l.from) ++l.j;
    if (l.j < l.end && c.range_from[l.j] > l.to) l.j = l.end;
}

/// Fills the cap day by day over the borrower's eligible loans (in fill
/// order): each loan's capped_sum and the borrower's numerator. One sweep
/// over the days where some loan's balance changes, the loans' ranges taken
/// in step (no list of days is built). Returns false when a loan's
/// capped_sum leaves 64 bits or the numerator 128 bits.
bool fill_cap(const batch::loan_columns& c, std::vector<fill_loan>& loans, std::int64_t cap,
              std::vector<loan_result>& out, int128& numerator) {
    numerator = 0;
    bool ok = true;
    const auto first_day = [&](const fill_loan& l) { return std::max(c.range_from[l.j], l.from); };
    const auto last_day = [&](const fill_loan& l) { return std::min(c.range_to[l.j], l.to); };
    std::int32_t day = never;
    for (auto& l : loans) {
        if (l.from > l.to) l.j = l.end;
        skip_uncounted(c, l);
        if (!l.done()) day = std::min(day, first_day(l));
    }
    while (day != never) {
        // The segment [day, next): no loan's range starts or ends inside it.
        std::int32_t next = never;
        for (const auto& l : loans) {
            if (l.done()) continue;
            const std::int32_t f = first_day(l);
            next = std::min(next, f <= day ? last_day(l) + 1 : f);
        }
        const std::int64_t days = std::int64_t{next} - day;
        std::int64_t room = cap;
        for (auto& l : loans) {
            if (l.done() || first_day(l) > day) continue;
            const std::int64_t part = std::min(c.range_balance[l.j], room);
            room -= part;
            if (part == 0) continue;
            std::int64_t sum;  // part × days in 分·days: past 2^63 (≈ 9.2 × 10^16 元·days) is an overflow
            ok &= !__builtin_mul_overflow(part, days, &sum);
            ok &= !__builtin_add_overflow(out[l.row].capped_sum, sum, &out[l.row].capped_sum);
            const int128 term = static_cast<int128>(sum) * l.rate;  // < 2^126
            ok &= !__builtin_add_overflow(numerator, term, &numerator);
        }
        // Loans whose range ends here move on; the next day is the earliest
        // day any loan counts from then on.
        day = never;
        for (auto& l : loans) {
            if (l.done()) continue;
            if (first_day(l) < next && last_day(l) + 1 == next) {
                ++l.j;
                skip_uncounted(c, l);
                if (l.done()) continue;
            }
            day = std::min(day, std::max(first_day(l), next));
        }
    }
    return ok;
}

/// Splits `amount` over the loans in proportion to their exact numerators,
/// by largest remainder (ties: the fill order). False on overflow.
/// `remainder` and `rank` are scratch, kept by the caller from borrower to borrower.
bool split(std::int64_t amount, std::span<const std::size_t> rows, const std::vector<int128>& parts, int128 total,
           std::vector<loan_result>& out, std::vector<int128>& remainder, std::vector<std::size_t>& rank) {
    if (total == 0 || amount == 0) return true;
    if (rows.size() == 1) {  // the whole amount: its part is the total
        out[rows.front()].amount = amount;
        return true;
    }
    remainder.resize(rows.size());
    int128 handed = 0;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        int128 share;
        if (__builtin_mul_overflow(static_cast<int128>(amount), parts[k], &share)) return false;
        out[rows[k]].amount = static_cast<std::int64_t>(share / total);
        remainder[k] = share % total;
        handed += share / total;
    }
    rank.resize(rows.size());
    std::iota(rank.begin(), rank.end(), std::size_t{0});
    std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (int128 left = amount - handed, k = 0; left > 0; --left, ++k) ++out[rows[rank[static_cast<std::size_t>(k)]]].amount;
    return true;
}

}  // namespace

screen_result run_screen(const screen_input& in, const plan::first_loan_subsidy_parameters& params,
                         const screen_options& options) {
    check_sizes(in);
    const batch::prepared_subsidy prepared = batch::prepare(params);
    const std::size_t n = in.size();
    screen_result r;
    r.denominator = prepared.denominator;
    assign_large(r.loans, n);

    // Each listing by the kernel: validation and eligibility (its amount,
    // a loan on its own, is not used: the cap is the borrower's).
    {
        batch::prepared_subsidy per_loan = prepared;
        per_loan.has_per_borrower_cap = false;
        per_loan.has_budget = false;
        std::vector<std::int64_t> amount = large_vector<std::int64_t>(n);
        std::vector<std::int32_t> status = large_vector<std::int32_t>(n);
        std::vector<std::uint8_t> eligible = large_vector<std::uint8_t>(n);
        std::vector<std::uint32_t> reasons = large_vector<std::uint32_t>(n);
        batch::first_loan_subsidy_batch(in.loans, {amount, status, eligible, reasons}, per_loan);
        for (std::size_t i = 0; i < n; ++i) {
            loan_result& l = r.loans[i];
            l.status = status[i];
            if (!in.row_errors.empty() && !in.row_errors[i].empty()) l.status = static_cast<std::int32_t>(errc::parse);
            else if (l.status == batch::status_ok && !ids_present(in, i))
                l.status = static_cast<std::int32_t>(errc::validation);
            if (l.status != batch::status_ok) {
                l.screen_reasons = reason_row_error;
                continue;
            }
            l.eligible = eligible[i] != 0;
            l.reasons = reasons[i];
            const std::int64_t rate = in.loans.annual_rate[i];
            l.rate_used = prepared.rate_ceiling < rate ? prepared.rate_ceiling : rate;
        }
    }

    // Borrowers, by borrower_id: each row's first row of its borrower_id
    // (one flat table; the id's check digit checked there, once per id),
    // then the borrowers in byte order of their ids.
    std::vector<std::uint32_t> borrower_of = large_vector<std::uint32_t>(n, no_borrower);  // by first row, then the borrower's index
    std::vector<std::size_t> heads;                          // first rows, in row order
    {
        row_table table(n);
        const std::hash<std::string_view> hash;
        for (std::size_t i = 0; i < n; ++i) {
            if (r.loans[i].status != batch::status_ok) continue;
            const std::size_t head = table.find_or_insert(i, hash(in.borrower_id[i]), [&](std::size_t a, std::size_t b) {
                return in.borrower_id[a] == in.borrower_id[b];
            });
            if (head == i) {
                const bool valid = options.other_ids_declared || check_credit_code(in.borrower_id[i]).ok();
                borrower_of[i] = valid ? static_cast<std::uint32_t>(heads.size()) : no_borrower - 1;
                if (valid) heads.push_back(i);
            }
            if (borrower_of[head] == no_borrower - 1) {  // an invalid 统一社会信用代码: a row error
                r.loans[i].status = static_cast<std::int32_t>(errc::validation);
                r.loans[i].screen_reasons = reason_row_error;
                r.loans[i].eligible = false;
                r.loans[i].reasons = 0;
                r.loans[i].rate_used = 0;
                continue;
            }
            borrower_of[i] = borrower_of[head];  // the head's number, in row order (renumbered below)
        }
    }
    // Renumber: borrower k is the k-th id in byte order.
    {
        std::vector<std::size_t> sorted = heads;
        sort_rows_by_text(sorted, in.borrower_id);
        std::vector<std::uint32_t> number(heads.size());
        assign_large(r.borrowers, sorted.size());
        for (std::uint32_t k = 0; k < sorted.size(); ++k) {
            r.borrowers[k].first_row = sorted[k];
            number[borrower_of[sorted[k]]] = k;
        }
        for (std::size_t i = 0; i < n; ++i)
            if (r.loans[i].status == batch::status_ok) r.loans[i].borrower = number[borrower_of[i]];
    }
    borrower_of = {};
    heads = {};
    // Each borrower's rows, borrower after borrower (counted, then placed).
    std::vector<std::size_t> begin(r.borrowers.size() + 1, 0);
    for (const loan_result& l : r.loans)
        if (l.borrower != no_borrower) ++begin[l.borrower + 1];
    std::partial_sum(begin.begin(), begin.end(), begin.begin());
    assign_large(r.borrower_rows, begin.back());
    {
        std::vector<std::size_t> next(begin.begin(), begin.end() - 1);
        for (std::size_t i = 0; i < n; ++i)
            if (r.loans[i].borrower != no_borrower) r.borrower_rows[next[r.loans[i].borrower]++] = i;
    }
    for (std::size_t b = 0; b < r.borrowers.size(); ++b)
        r.borrowers[b].loans = std::span<const std::size_t>(r.borrower_rows).subspan(begin[b], begin[b + 1] - begin[b]);

    // Listings of one loan, and loan-periods already paid.
    find_listing_conflicts(in, r, options);

    // Drawdowns in row order (the balances read in sequence, not borrower by borrower).
    std::vector<std::int32_t> drawdown = large_vector<std::int32_t>(n, never);
    for (std::size_t i = 0; i < n; ++i)
        if (r.loans[i].borrower != no_borrower) drawdown[i] = drawdown_of(in.loans, i);
    // The earliest payment of an earlier round to each borrower paid (its 首贷).
    std::unordered_map<std::string_view, const paid_loan_period*> paid_first_loan;
    for (const paid_loan_period& p : options.already_paid) {
        if (p.borrower_id.empty()) continue;
        const auto [it, added] = paid_first_loan.emplace(p.borrower_id, &p);
        if (!added && p.from < it->second->from) it->second = &p;
    }
    r.first_loans_paid_before.reserve(paid_first_loan.size());  // never moved: conflicts view its strings

    // At most two conflicts per borrower (two names; 首贷 at two lenders):
    // room for them all at once, so the conflicts are never moved to grow.
    // The room not used is address space only: its pages are never touched.
    r.conflicts.reserve(r.conflicts.size() + 2 * r.borrowers.size());
    advise_huge_pages(r.conflicts.data() + r.conflicts.size(), 2 * r.borrowers.size() * sizeof(conflict));
    std::vector<fill_loan> fill;
    std::vector<int128> parts;
    std::vector<std::size_t> paid_rows, rank;
    std::vector<int128> remainder;
    std::vector<std::size_t> shares_begin(r.borrowers.size() + 1, 0);
    for (std::uint32_t b = 0; b < r.borrowers.size(); ++b) {
        shares_begin[b] = r.lender_shares.size();
        borrower_result& br = r.borrowers[b];
        const auto key = [&](std::size_t row) {
            const std::int32_t app = in.loans.first_application[row];
            switch (options.order) {
                case fill_order::application_drawdown_loan_id:
                    return std::tuple(app, drawdown[row], in.loan_id[row], in.lender[row], row);
                case fill_order::drawdown_application_loan_id:
                    return std::tuple(drawdown[row], app, in.loan_id[row], in.lender[row], row);
                case fill_order::loan_id: break;
            }
            return std::tuple(0, 0, in.loan_id[row], in.lender[row], row);
        };
        const auto rows = r.borrower_rows.begin() + static_cast<std::ptrdiff_t>(begin[b]);
        if (br.loans.size() > 1)
            std::sort(rows, rows + static_cast<std::ptrdiff_t>(br.loans.size()),
                      [&](std::size_t x, std::size_t y) { return key(x) < key(y); });
        br.kind = in.loans.borrower_kind[br.loans.front()];

        const auto paid = paid_first_loan.empty() ? paid_first_loan.end() : paid_first_loan.find(in.borrower_id[br.first_row]);
        find_borrower_conflicts(in, r, b, options.keep_all_first_loans,
                                paid == paid_first_loan.end() ? nullptr : paid->second);

        fill.clear();
        paid_rows.clear();
        for (std::size_t row : br.loans) {
            loan_result& l = r.loans[row];
            if (br.held) l.screen_reasons |= reason_name_differs;
            if (l.screen_reasons != 0) l.eligible = false;
            if (!l.eligible) continue;
            fill.push_back({row, static_cast<std::size_t>(in.loans.offsets[row]),
                            static_cast<std::size_t>(in.loans.offsets[row + 1]), in.loans.period_from[row],
                            last_counted_day(in.loans, row, prepared, drawdown[row]), l.rate_used});
            paid_rows.push_back(row);
        }
        br.eligible = !fill.empty();
        if (!br.eligible) {
            for (std::size_t row : br.loans) {
                br.reasons |= r.loans[row].reasons;
                br.screen_reasons |= r.loans[row].screen_reasons;
            }
            continue;
        }
        // A sum past its range: the borrower is in error, and none of its
        // loans shows a part of a sum that was not computed.
        const auto overflow = [&] {
            br.status = static_cast<std::int32_t>(errc::overflow);
            br.eligible = false;
            br.numerator = 0;
            br.amount = br.allocated = 0;
            for (std::size_t row : paid_rows) r.loans[row].capped_sum = r.loans[row].amount = 0;
        };
        if (!fill_cap(in.loans, fill, prepared.balance_cap, r.loans, br.numerator)) {
            overflow();
            continue;
        }
        const int128 rounded = money::round_div(br.numerator, prepared.denominator, prepared.rounding);
        if (rounded > std::numeric_limits<std::int64_t>::max()) {
            overflow();
            continue;
        }
        std::int64_t amount = static_cast<std::int64_t>(rounded);
        batch::no_trace trace;
        batch::detail::apply_total_caps(amount, br.reasons, prepared.has_per_borrower_cap, prepared.per_borrower_cap,
                                        batch::reason_per_borrower_cap_applied, prepared.has_budget, prepared.budget,
                                        trace);
        br.amount = amount;
        br.allocated = amount;
        parts.clear();
        for (std::size_t row : paid_rows) parts.push_back(static_cast<int128>(r.loans[row].capped_sum) * r.loans[row].rate_used);
        if (!split(amount, paid_rows, parts, br.numerator, r.loans, remainder, rank)) {
            overflow();
            continue;
        }
        const std::size_t from = r.lender_shares.size();
        for (std::size_t row : paid_rows) {
            const std::string_view lender = in.lender[row];
            const auto mine = r.lender_shares.begin() + static_cast<std::ptrdiff_t>(from);
            auto it = std::find_if(mine, r.lender_shares.end(), [&](const auto& p) { return p.first == lender; });
            if (it == r.lender_shares.end()) r.lender_shares.emplace_back(lender, r.loans[row].amount);
            else it->second += r.loans[row].amount;
        }
        if (r.lender_shares.size() - from > 1)
            std::sort(r.lender_shares.begin() + static_cast<std::ptrdiff_t>(from), r.lender_shares.end());
    }
    shares_begin.back() = r.lender_shares.size();
    for (std::size_t b = 0; b < r.borrowers.size(); ++b)
        r.borrowers[b].lenders = std::span<const std::pair<std::string_view, std::int64_t>>(r.lender_shares)
                                     .subspan(shares_begin[b], shares_begin[b + 1] - shares_begin[b]);

    if (options.budget) {
        rules::budget_request request;
        request.budget = *options.budget;
        for (const auto& br : r.borrowers)
            if (br.eligible)
                request.claims.push_back({std::string(in.borrower_id[br.first_row]), money::amount::from_fen(br.amount), {}});
        r.allocation = rules::allocate_budget(request);
        std::size_t k = 0;  // allocations are by claim id, as the borrowers are
        for (auto& br : r.borrowers)
            if (br.eligible) br.allocated = r.allocation->allocations[k++].allocated.fen();
    }

    sort_conflicts(r);
    r.totals = total_of(in, r);
    return r;
}

}  // namespace zjcredit::screen
