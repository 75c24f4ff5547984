// The screen over a population of loans (include/zjcredit/screen/screen.hpp).
#include <zjcredit/screen/screen.hpp>

#include <zjcredit/money/format.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/screen/credit_code.hpp>

#include "conflicts.hpp"
#include "listing.hpp"
#include "names.hpp"
#include "large_arrays.hpp"
#include "sort_rows.hpp"

#include <gsl/narrow>

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

/// An eligible listing in the fill of its borrower's cap, with its current
/// range clipped to its counted days (first..last, balance) at hand: the
/// sweep reads them several times a step.
struct fill_loan {
    listing* loan;
    std::size_t j;      ///< its current range
    std::size_t end;    ///< past its last range
    std::int32_t from;  ///< first day counted
    std::int32_t to;    ///< last day counted
    /// false: a listing already paid (by an earlier round): it takes its
    /// room in the cap, as it did when it was paid, and is not paid again.
    bool pays = true;
    std::int32_t first = 0, last = 0;  ///< range j's days counted
    std::int64_t balance = 0;          ///< range j's balance
    std::int64_t capped_sum = 0;       ///< Σ part × days so far
    bool cut = false;                  ///< on some day its part of the cap was less than its balance

    bool done() const noexcept { return j == end; }
};

/// Moves loan `l` to its first range, from range j on, that has a day inside
/// its counted days (ranges are in order and do not overlap), and takes it in hand.
void to_counted_range(const batch::loan_columns& c, fill_loan& l) {
    while (l.j < l.end && c.range_to[l.j] < l.from) ++l.j;
    if (l.j < l.end && c.range_from[l.j] > l.to) l.j = l.end;
    if (l.done()) return;
    l.first = std::max(c.range_from[l.j], l.from);
    l.last = std::min(c.range_to[l.j], l.to);
    l.balance = c.range_balance[l.j];
}

/// Adds loan `l`'s part of the cap over `days` days to its capped_sum and,
/// when it pays, to the numerator; false on overflow.
bool add_part(fill_loan& l, std::int64_t part, std::int64_t days, int128& numerator) {
    std::int64_t sum;  // part × days in 分·days: past 2^63 (≈ 9.2 × 10^16 元·days) is an overflow
    bool ok = !__builtin_mul_overflow(part, days, &sum);
    ok &= !__builtin_add_overflow(l.capped_sum, sum, &l.capped_sum);
    if (!l.pays) return ok;
    const int128 term = static_cast<int128>(sum) * l.loan->rate_used;  // < 2^126
    return ok & !__builtin_add_overflow(numerator, term, &numerator);
}

/// Fills the cap day by day over the borrower's eligible loans (in fill
/// order, those already paid first): each loan's capped_sum (written to its
/// listing) and the borrower's numerator (of the loans that pay). One sweep
/// over the days where some loan's balance changes, the loans' ranges taken
/// in step (no list of days is built). Returns false when a loan's
/// capped_sum leaves 64 bits or the numerator 128 bits.
bool fill_cap(const batch::loan_columns& c, std::vector<fill_loan>& loans, std::int64_t cap, int128& numerator) {
    numerator = 0;
    bool ok = true;
    std::int32_t day = never;
    for (auto& l : loans) {
        if (l.from > l.to) l.j = l.end;
        to_counted_range(c, l);
        if (!l.done()) day = std::min(day, l.first);
    }
    while (day != never) {
        // The segment [day, next): no loan's range starts or ends inside it.
        std::int32_t next = never;
        for (const auto& l : loans)
            if (!l.done()) next = std::min(next, l.first <= day ? l.last + 1 : l.first);
        const std::int64_t days = std::int64_t{next} - day;
        std::int64_t room = cap;
        for (auto& l : loans) {
            if (l.done() || l.first > day) continue;
            const std::int64_t part = std::min(l.balance, room);
            room -= part;
            l.cut |= part < l.balance;
            if (part != 0) ok &= add_part(l, part, days, numerator);
        }
        // Loans whose range ends here move on; the next day is the earliest
        // day any loan counts from then on.
        day = never;
        for (auto& l : loans) {
            if (l.done()) continue;
            if (l.first < next && l.last + 1 == next) {
                ++l.j;
                to_counted_range(c, l);
                if (l.done()) continue;
            }
            day = std::min(day, std::max(l.first, next));
        }
    }
    for (const auto& l : loans) l.loan->capped_sum = l.capped_sum;
    return ok;
}

/// Asks for the cache lines of [first, last).
template <class T>
void prefetch(const T* first, const T* last) noexcept {
    constexpr std::uintptr_t line = 64;
    for (auto at = reinterpret_cast<std::uintptr_t>(first) & ~(line - 1); at < reinterpret_cast<std::uintptr_t>(last);
         at += line)
        prefetch_line(reinterpret_cast<const void*>(at));
}

/// Asks for what the work on a borrower's `loans` reads and writes besides
/// its listings: their balance ranges (the fill of the cap), their ids (the
/// conflicts) and their results. The loans are anywhere in the input, so each
/// is a cache miss, one after the other; asked for a few borrowers ahead,
/// they arrive while the borrowers before are worked (measured on the
/// bench's 1,000,000 loans: the fills of the caps took 170–200 ms without,
/// 45–75 ms with; the whole loop over the borrowers 400–436 ms with the
/// ranges alone, 324–348 ms with the rest).
void prefetch_listings(const screen_input& in, const screen_result& r, std::span<const listing> loans) noexcept {
    const batch::loan_columns& c = in.loans;
    for (const listing& l : loans) {
        prefetch(c.range_from.data() + l.ranges_begin, c.range_from.data() + l.ranges_end);
        prefetch(c.range_to.data() + l.ranges_begin, c.range_to.data() + l.ranges_end);
        prefetch(c.range_balance.data() + l.ranges_begin, c.range_balance.data() + l.ranges_end);
        prefetch(in.borrower_id.data() + l.row, in.borrower_id.data() + l.row + 1);
        prefetch(in.loan_id.data() + l.row, in.loan_id.data() + l.row + 1);
        prefetch(r.loans.data() + l.row, r.loans.data() + l.row + 1);
    }
}

/// Splits `amount` in proportion to `weights` (Σ weights = `total` > 0) by
/// largest remainder to the 分 (ties: the weights' order), into `shares`:
/// they sum to `amount`. False on overflow. `remainder` and `rank` are
/// scratch, kept by the caller from borrower to borrower.
bool split_by_weight(std::int64_t amount, std::span<const int128> weights, int128 total, std::span<std::int64_t> shares,
                     std::vector<int128>& remainder, std::vector<std::size_t>& rank) {
    remainder.resize(weights.size());
    int128 handed = 0;
    for (std::size_t k = 0; k < weights.size(); ++k) {
        int128 share;
        if (__builtin_mul_overflow(static_cast<int128>(amount), weights[k], &share)) return false;
        shares[k] = static_cast<std::int64_t>(share / total);
        remainder[k] = share % total;
        handed += share / total;
    }
    rank.resize(weights.size());
    std::iota(rank.begin(), rank.end(), std::size_t{0});
    std::stable_sort(rank.begin(), rank.end(), [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    for (int128 left = amount - handed, k = 0; left > 0; --left, ++k) ++shares[rank[static_cast<std::size_t>(k)]];
    return true;
}

/// Splits `amount` over the loans in proportion to their exact parts of
/// `total` (capped_sum × rate used), by largest remainder (ties: the fill
/// order). False on overflow. `parts`, `shares`, `remainder` and `rank` are
/// scratch.
bool split(std::int64_t amount, const std::vector<fill_loan>& loans, int128 total, std::vector<int128>& parts,
           std::vector<std::int64_t>& shares, std::vector<int128>& remainder, std::vector<std::size_t>& rank) {
    if (total == 0 || amount == 0) return true;
    if (loans.size() == 1) {  // the whole amount: its part is the total
        loans.front().loan->amount = amount;
        return true;
    }
    parts.clear();
    for (const fill_loan& f : loans) parts.push_back(static_cast<int128>(f.loan->capped_sum) * f.loan->rate_used);
    shares.resize(loans.size());
    if (!split_by_weight(amount, parts, total, shares, remainder, rank)) return false;
    for (std::size_t k = 0; k < loans.size(); ++k) loans[k].loan->amount = shares[k];
    return true;
}

/// With a budget: each loan's share of its borrower's allocation, in
/// proportion to its amount (the split of the borrower's amount above), by
/// largest remainder (ties: the fill order), so that what the loans are paid
/// sums to the allocation. Without one, each loan is paid its amount.
void split_allocations(screen_result& r) {
    std::vector<int128> weights, remainder;
    std::vector<std::int64_t> shares;
    std::vector<std::size_t> rank;
    for (const borrower_result& br : r.borrowers) {
        if (br.allocated == br.amount) {
            for (std::size_t row : br.loans) r.loans[row].allocated = r.loans[row].amount;
            continue;
        }
        weights.clear();
        for (std::size_t row : br.loans) weights.push_back(r.loans[row].amount);
        shares.assign(weights.size(), 0);
        // Σ amounts = br.amount > allocated ≥ 0; the shares stay below the amounts: no overflow
        (void)split_by_weight(br.allocated, weights, br.amount, shares, remainder, rank);
        for (std::size_t k = 0; k < br.loans.size(); ++k) r.loans[br.loans[k]].allocated = shares[k];
    }
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

    // Borrowers, by borrower_id: the listings sorted by it (byte order, then
    // row), each run of one id a borrower, its check digit checked once.
    std::vector<std::size_t> begin{0};  // where each borrower's rows begin in r.borrower_rows
    std::vector<std::uint32_t> position = large_vector<std::uint32_t>(n);  // each row's place in r.borrower_rows
    {
        std::vector<std::size_t> rows;
        rows.reserve(n);
        for (std::size_t i = 0; i < n; ++i)
            if (r.loans[i].status == batch::status_ok) rows.push_back(i);
        const std::vector<text_run> runs = sort_rows_into_runs(rows, in.borrower_id);
        r.borrower_rows.reserve(rows.size());
        advise_huge_pages(r.borrower_rows.data(), rows.size() * sizeof(std::size_t));
        std::size_t borrowers = 0;
        for (std::size_t k = 0; k + 1 < runs.size(); ++k) {
            // A 统一社会信用代码 is 18 letters and digits: packed, it is checked
            // from its key, without a visit to its characters.
            std::array<char, 20> code;
            if (options.other_ids_declared || (runs[k].key.exact && check_credit_code(runs[k].key.text(code)).ok())) {
                ++borrowers;
                continue;
            }
            const std::span<const std::size_t> run(rows.data() + runs[k].begin, runs[k + 1].begin - runs[k].begin);
            for (std::size_t i : run) {  // an invalid 统一社会信用代码: a row error
                loan_result& l = r.loans[i];
                l.status = static_cast<std::int32_t>(errc::validation);
                l.screen_reasons = reason_row_error;
                l.eligible = false;
                l.reasons = 0;
                l.rate_used = 0;
            }
        }
        assign_large(r.borrowers, borrowers);
        begin.reserve(borrowers + 1);
        for (std::size_t k = 0; k + 1 < runs.size(); ++k) {
            if (r.loans[rows[runs[k].begin]].status != batch::status_ok) continue;
            const auto b = static_cast<std::uint32_t>(begin.size() - 1);
            r.borrowers[b].first_row = rows[runs[k].begin];
            for (std::size_t at = runs[k].begin; at < runs[k + 1].begin; ++at) {
                r.loans[rows[at]].borrower = b;
                position[rows[at]] = static_cast<std::uint32_t>(r.borrower_rows.size());
                r.borrower_rows.push_back(rows[at]);
            }
            begin.push_back(r.borrower_rows.size());
        }
    }
    for (std::size_t b = 0; b < r.borrowers.size(); ++b)
        r.borrowers[b].loans = std::span<const std::size_t>(r.borrower_rows).subspan(begin[b], begin[b + 1] - begin[b]);

    // Listings in error that name a borrower (the borrowers are in byte
    // order of their ids): (borrower, row), in that order. The borrower is
    // held. The id of a listing in error may itself be what is wrong with it
    // ("91440800ma4w00001f", full-width, spaced): it is looked up as the
    // code it would be once corrected (upper case, no space, ASCII forms).
    // A listing whose id is not an id at all (a wrong check character, a
    // digit mistyped, none) holds the borrowers of its name instead (借款人,
    // any of their listings', folded as names.hpp folds them): its loan may
    // be theirs, and paying them without it could pay the wrong loan or too
    // much. A listing with a valid id that names no other listing holds nobody.
    std::vector<std::pair<std::uint32_t, std::size_t>> in_error;
    std::vector<std::size_t> in_error_unmatched;
    for (std::size_t i = 0; i < n; ++i) {
        if (r.loans[i].status == batch::status_ok) continue;
        std::string corrected = folded_name(in.borrower_id[i]);
        for (char& c : corrected)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        const std::string_view id = corrected;
        const auto it = std::lower_bound(r.borrowers.begin(), r.borrowers.end(), id,
                                         [&](const borrower_result& b, std::string_view x) { return in.borrower_id[b.first_row] < x; });
        const bool not_an_id = id.empty() || (!options.other_ids_declared && !check_credit_code(id).ok());
        if (!id.empty() && it != r.borrowers.end() && in.borrower_id[it->first_row] == id)
            in_error.emplace_back(static_cast<std::uint32_t>(it - r.borrowers.begin()), i);
        else if (not_an_id && !folded_name(in.borrower[i]).empty())
            in_error_unmatched.push_back(i);
    }
    if (!in_error_unmatched.empty()) {  // rare: the names' index is built only then
        std::unordered_multimap<std::string, std::uint32_t> by_name;
        for (std::size_t b = 0; b < r.borrowers.size(); ++b)
            for (const std::size_t row : r.borrowers[b].loans)
                by_name.emplace(folded_name(in.borrower[row]), static_cast<std::uint32_t>(b));
        for (const std::size_t i : in_error_unmatched) {
            const auto [first, last] = by_name.equal_range(folded_name(in.borrower[i]));
            for (auto it = first; it != last; ++it) in_error.emplace_back(it->second, i);
        }
    }
    std::sort(in_error.begin(), in_error.end());
    in_error.erase(std::unique(in_error.begin(), in_error.end()), in_error.end());  // a borrower's name twice

    // Listings of one loan, and loan-periods already paid.
    find_listing_conflicts(in, r, options);

    // What the per-borrower work reads of each listing, gathered into
    // borrower order in one pass in row order (listing.hpp).
    const lender_ranks lenders = rank_lenders(in.lender);
    std::vector<listing> listings = large_vector<listing>(r.borrower_rows.size());
    // What row i reads and writes elsewhere (its listing's place, its
    // borrower's first row and that row's name) is asked for in stages some
    // rows ahead: each is a cache miss, and each stage needs the one before
    // (measured on the bench's 1,000,000 loans: this pass took 275–295 ms
    // without, 65–75 ms with; the whole screen 1.11–1.14 s without, 0.75 s with).
    constexpr std::size_t rows_ahead = 24;
    const auto ask_ahead = [&](std::size_t i) {
        if (i + rows_ahead < n && r.loans[i + rows_ahead].borrower != no_borrower) {
            prefetch_line(&listings[position[i + rows_ahead]]);
            prefetch_line(&r.borrowers[r.loans[i + rows_ahead].borrower].first_row);
        }
        if (const std::size_t k = i + rows_ahead * 2 / 3; k < n && r.loans[k].borrower != no_borrower)
            prefetch_line(&in.borrower[r.borrowers[r.loans[k].borrower].first_row]);
        if (const std::size_t k = i + rows_ahead / 3; k < n && r.loans[k].borrower != no_borrower)
            prefetch_line(in.borrower[r.borrowers[r.loans[k].borrower].first_row].data());
    };
    for (std::size_t i = 0; i < n; ++i) {
        ask_ahead(i);
        const loan_result& l = r.loans[i];
        if (l.borrower == no_borrower) continue;
        const std::int32_t drawdown = drawdown_of(in.loans, i);
        listings[position[i]] = {
            .row = i,
            .ranges_begin = static_cast<std::size_t>(in.loans.offsets[i]),
            .ranges_end = static_cast<std::size_t>(in.loans.offsets[i + 1]),
            .rate_used = l.rate_used,
            .application = in.loans.first_application[i],
            .drawdown = drawdown,
            .from = in.loans.period_from[i],
            .last = last_counted_day(in.loans, i, prepared, drawdown),
            .lender = lenders.of_row[i],
            .reasons = l.reasons,
            .screen_reasons = l.screen_reasons,
            .flags = in.loans.flags[i],
            .kind = in.loans.borrower_kind[i],
            .eligible = l.eligible,
            .same_name = same_borrower_name(in.borrower[i], in.borrower[r.borrowers[l.borrower].first_row]),
        };
    }
    position = {};
    // The earliest payment of an earlier round to each borrower paid (its 首贷).
    std::unordered_map<std::string_view, const paid_loan_period*> paid_first_loan;
    for (const paid_loan_period& p : options.already_paid) {
        if (p.borrower_id.empty()) continue;
        const auto [it, added] = paid_first_loan.emplace(p.borrower_id, &p);
        if (!added && p.from < it->second->from) it->second = &p;
    }
    // Each borrower's loan-periods paid before (paid_loan_not_listed).
    std::unordered_map<std::string_view, std::vector<const paid_loan_period*>> paid_by_borrower;
    for (const paid_loan_period& p : options.already_paid)
        if (!p.borrower_id.empty()) paid_by_borrower[p.borrower_id].push_back(&p);
    // Never moved (conflicts view its strings): room for every copy the conflicts may make.
    r.first_loans_paid_before.reserve(paid_first_loan.size() + options.already_paid.size());

    // At most two conflicts per borrower (two names; 首贷 at two lenders):
    // room for them all at once, so the conflicts are never moved to grow.
    // The room not used is address space only: its pages are never touched.
    // And one more per borrower with a listing in error, and per borrower
    // paid before (paid_loan_not_listed).
    r.conflicts.reserve(r.conflicts.size() + 2 * r.borrowers.size() + in_error.size() + paid_by_borrower.size());
    advise_huge_pages(r.conflicts.data() + r.conflicts.size(), 2 * r.borrowers.size() * sizeof(conflict));
    // The fill order: the dates first, the loan_id (text elsewhere in
    // memory) only read when they tie.
    const auto fill_before = [&](const listing& x, const listing& y) {
        const auto dates = [&](const listing& l) {
            switch (options.order) {
                case fill_order::application_drawdown_loan_id: return std::pair(l.application, l.drawdown);
                case fill_order::drawdown_application_loan_id: return std::pair(l.drawdown, l.application);
                case fill_order::loan_id: break;
            }
            return std::pair(0, 0);
        };
        if (const auto dx = dates(x), dy = dates(y); dx != dy) return dx < dy;
        return std::tuple(in.loan_id[x.row], x.lender, x.row) < std::tuple(in.loan_id[y.row], y.lender, y.row);
    };
    std::vector<fill_loan> fill;
    std::vector<int128> parts, remainder;
    std::vector<std::int64_t> split_shares;
    std::vector<std::size_t> rank;
    std::vector<std::pair<std::uint32_t, std::int64_t>> shares;  // a borrower's, by lender rank
    std::vector<std::size_t> shares_begin(r.borrowers.size() + 1, 0);
    // Borrower b, its listings in fill order: conflicts, the fill of its cap,
    // its amount and its split to loans and lenders.
    std::vector<std::size_t> rows_in_error;  // the borrower's
    borrower_scratch conflict_scratch;
    const auto screen_borrower = [&](borrower_result& br, std::span<listing> loans) {
        const auto paid = paid_first_loan.empty() ? paid_first_loan.end() : paid_first_loan.find(in.borrower_id[br.first_row]);
        find_borrower_conflicts(in, lenders, loans, br, r, options.keep_all_first_loans,
                                paid == paid_first_loan.end() ? nullptr : paid->second, conflict_scratch);
        const bool name_held = br.held;
        hold_for_listings_in_error(in, loans, br, rows_in_error, r);
        if (const auto it = paid_by_borrower.find(in.borrower_id[br.first_row]); it != paid_by_borrower.end())
            hold_for_paid_loans_not_listed(in, loans, br, it->second, r);
        // A listing already paid (and nothing else against it) still holds
        // the room in the cap it was paid for: it fills first, and the loans
        // paid now share what is left, so that over the rounds the borrower
        // is never paid on more than the cap a day.
        fill.clear();
        for (listing& l : loans)
            if (l.eligible && l.screen_reasons == reason_already_paid)
                fill.push_back({&l, l.ranges_begin, l.ranges_end, l.from, l.last, false});
        const std::size_t paid_before = fill.size();
        for (listing& l : loans) {
            if (name_held) l.screen_reasons |= reason_name_differs;
            if (l.screen_reasons != 0) l.eligible = false;
            if (l.eligible) fill.push_back({&l, l.ranges_begin, l.ranges_end, l.from, l.last});
        }
        br.eligible = fill.size() > paid_before;
        if (!br.eligible) {
            for (const listing& l : loans) {
                br.reasons |= l.reasons;
                br.screen_reasons |= l.screen_reasons;
            }
            return;
        }
        // A sum past its range: the borrower is in error, and none of its
        // loans shows a part of a sum that was not computed.
        const auto overflow = [&] {
            br.status = static_cast<std::int32_t>(errc::overflow);
            br.eligible = false;
            br.numerator = 0;
            br.amount = br.allocated = 0;
            for (const fill_loan& f : fill) {
                f.loan->capped_sum = f.loan->amount = 0;
                r.loans[f.loan->row].cut_by_cap = false;
            }
        };
        br.cap_listings = gsl::narrow<std::uint32_t>(fill.size());
        const bool summed = fill_cap(in.loans, fill, prepared.balance_cap, br.numerator);
        for (std::size_t k = 0; k < paid_before; ++k) fill[k].loan->capped_sum = 0;  // not paid: no part shown
        fill.erase(fill.begin(), fill.begin() + static_cast<std::ptrdiff_t>(paid_before));
        if (!summed) return overflow();
        for (const fill_loan& f : fill) r.loans[f.loan->row].cut_by_cap = f.cut;
        const int128 rounded = money::round_div(br.numerator, prepared.denominator, prepared.rounding);
        if (rounded > std::numeric_limits<std::int64_t>::max()) return overflow();
        std::int64_t amount = static_cast<std::int64_t>(rounded);
        batch::no_trace trace;
        batch::detail::apply_total_caps(amount, br.reasons, prepared.has_per_borrower_cap, prepared.per_borrower_cap,
                                        batch::reason_per_borrower_cap_applied, prepared.has_budget, prepared.budget,
                                        trace);
        br.amount = amount;
        br.allocated = amount;
        if (!split(amount, fill, br.numerator, parts, split_shares, remainder, rank)) return overflow();
        shares.clear();
        for (const fill_loan& f : fill) {
            const auto it = std::find_if(shares.begin(), shares.end(), [&](const auto& s) { return s.first == f.loan->lender; });
            if (it == shares.end()) shares.emplace_back(f.loan->lender, f.loan->amount);
            else it->second += f.loan->amount;
        }
        std::sort(shares.begin(), shares.end());  // by rank: in byte order of the lenders' names
        for (const auto& [lender, share] : shares) r.lender_shares.emplace_back(lenders.names[lender], share);
    };
    // At most one share per listing: room for them all at once, so that the
    // shares are never copied to grow.
    r.lender_shares.reserve(listings.size());
    advise_huge_pages(r.lender_shares.data(), listings.size() * sizeof(r.lender_shares[0]));
    auto next_in_error = in_error.begin();
    constexpr std::uint32_t borrowers_ahead = 8;  // borrowers whose ranges are asked for before they are worked
    const auto listings_of = [&](std::size_t b) {
        return std::span<listing>(listings.data() + begin[b], begin[b + 1] - begin[b]);
    };
    for (std::uint32_t b = 0; b < std::min<std::size_t>(borrowers_ahead, r.borrowers.size()); ++b)
        prefetch_listings(in, r, listings_of(b));
    for (std::uint32_t b = 0; b < r.borrowers.size(); ++b) {
        if (b + borrowers_ahead < r.borrowers.size()) prefetch_listings(in, r, listings_of(b + borrowers_ahead));
        rows_in_error.clear();
        for (; next_in_error != in_error.end() && next_in_error->first == b; ++next_in_error)
            rows_in_error.push_back(next_in_error->second);
        shares_begin[b] = r.lender_shares.size();
        borrower_result& br = r.borrowers[b];
        const std::span<listing> loans = listings_of(b);
        if (loans.size() > 1)
            std::sort(loans.begin(), loans.end(), fill_before);
        br.kind = loans.front().kind;
        screen_borrower(br, loans);
        for (std::size_t k = 0; k < loans.size(); ++k) {
            const listing& l = loans[k];
            r.borrower_rows[begin[b] + k] = l.row;
            loan_result& out = r.loans[l.row];
            out.screen_reasons = l.screen_reasons;
            out.eligible = l.eligible;
            out.capped_sum = l.capped_sum;
            out.amount = l.amount;
        }
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
    split_allocations(r);

    sort_conflicts(r);
    r.totals = total_of(r, lenders);
    return r;
}

}  // namespace zjcredit::screen
