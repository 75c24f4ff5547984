// rules::batch: the first-loan subsidy and the receivables reward over many
// records at once, laid out as columns (struct of arrays), for recomputing a
// province's loans in seconds.
//
//     namespace batch = zjcredit::rules::batch;
//     const auto params = batch::prepare(plan.first_loan_subsidy);  // once; throws on bad parameters
//     batch::first_loan_subsidy_batch(columns, outputs, params);    // no allocation, no strings
//     auto r = batch::receipt_for_row(columns, 17, plan);           // one row's full result + receipt
//
// Layout. Amounts are int64 分, dates int32 day numbers (dates::to_day_number,
// days since 1970-01-01), rates int64 units of 10^-10 (money::rate). Per-record
// columns have one entry per record; the variable-length parts (balance ranges,
// financings) are columns of their own, record i owning the entries
// offsets[i] .. offsets[i+1]-1 (offsets has records + 1 entries, starts at or
// above 0 and never decreases).
//
// The result of every row is IDENTICAL to the one-at-a-time rule
// (first_loan_subsidy(), receivables_reward()) on the record that
// loan_record_for_row() / receivables_record_for_row() build from that row:
// the same eligibility and reasons, the same amount to the 分 (the same exact
// sum in checked 128-bit integers, one money::round_div at the end, the same
// caps), and, where the rule throws, the same error class. A row is never an
// exception here: its status is 0 (ok) or the zjcredit::errc code the
// one-at-a-time path throws for it (parse 1, validation 2, overflow 3); a row
// in error has amount 0, eligible 0 and reasons 0. The record builders and the
// batch agree on what is refused before the rule even runs:
//
// * a borrower_kind code other than 0 small, 1 micro, 2 individual_business,
//   or flag bits other than the ones defined below: validation;
// * a day number outside 1400-01-01..9999-12-31 (dates::from_day_number):
//   validation;
// * an amount of -2^63 分 (below money::amount::min()): overflow.
//
// These are checked for the whole record, in column order (for a loan: kind,
// first application, flags, then each range's from, to, balance, then the
// period; for an enterprise: each financing's flags, amount, start, end), before
// the rule's own validation, exactly as building the record would throw first.
//
// Exceptions are thrown only for a call that cannot be carried out at all:
// parameters the rule refuses (prepare(), the rule's own validation_error),
// or columns that do not fit together (sizes, offsets): validation_error
// naming the column.
//
// Strings: the batch has none. Receipts name the record by the `name` given to
// receipt_for_row(), or "loans[i]" / "enterprises[i]" by default, and an
// SME by "financings[k]", k its index in the financing columns.
#ifndef ZJCREDIT_RULES_BATCH_HPP
#define ZJCREDIT_RULES_BATCH_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/detail/checked.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/receipt.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules::batch {

// ---- codes ----------------------------------------------------------------------

/// borrower_kind column codes (the order of plan::borrower_kind).
inline constexpr std::uint8_t kind_small = 0;
inline constexpr std::uint8_t kind_micro = 1;
inline constexpr std::uint8_t kind_individual_business = 2;

/// Loan flags column: one byte per loan, these bits; any other bit is refused.
inline constexpr std::uint8_t loan_via_platform = 1U << 0;
inline constexpr std::uint8_t loan_local_legal_person_lender = 1U << 1;
inline constexpr std::uint8_t loan_first_loan = 1U << 2;
inline constexpr std::uint8_t loan_flags_all = loan_via_platform | loan_local_legal_person_lender | loan_first_loan;

/// Financing flags column: one byte per financing. Exactly one of has_end and
/// has_days is required (both or neither is the rule's validation error, as
/// for a record); the end / days column is read only where its bit is set.
inline constexpr std::uint8_t financing_confirmed = 1U << 0;
inline constexpr std::uint8_t financing_has_end = 1U << 1;
inline constexpr std::uint8_t financing_has_days = 1U << 2;
inline constexpr std::uint8_t financing_flags_all = financing_confirmed | financing_has_end | financing_has_days;

/// Row status: 0, or the zjcredit::errc of the error the rule throws for the row.
inline constexpr std::int32_t status_ok = 0;

/// Reason bits: the bits of rules::reason_table (rules/reason.hpp), which is
/// the one list of codes, bits and texts; a misspelt code does not compile.
inline constexpr std::uint32_t reason_application_outside_window = reason_bit_of("application_outside_window");
inline constexpr std::uint32_t reason_borrower_kind_not_eligible = reason_bit_of("borrower_kind_not_eligible");
inline constexpr std::uint32_t reason_not_via_platform = reason_bit_of("not_via_platform");
inline constexpr std::uint32_t reason_lender_not_local_legal_person = reason_bit_of("lender_not_local_legal_person");
inline constexpr std::uint32_t reason_not_first_loan = reason_bit_of("not_first_loan");
inline constexpr std::uint32_t reason_per_borrower_cap_applied = reason_bit_of("per_borrower_cap_applied");
inline constexpr std::uint32_t reason_budget_cap_applied = reason_bit_of("budget_cap_applied");
inline constexpr std::uint32_t reason_financing_not_confirmed = reason_bit_of("financing_not_confirmed");
inline constexpr std::uint32_t reason_financing_outside_window = reason_bit_of("financing_outside_window");
inline constexpr std::uint32_t reason_financing_straddles_window_end = reason_bit_of("financing_straddles_window_end");
inline constexpr std::uint32_t reason_financing_days_truncated = reason_bit_of("financing_days_truncated");
inline constexpr std::uint32_t reason_no_eligible_financing = reason_bit_of("no_eligible_financing");
inline constexpr std::uint32_t reason_per_enterprise_cap_applied = reason_bit_of("per_enterprise_cap_applied");

/// The eligibility failures of the subsidy (any of them: not eligible).
inline constexpr std::uint32_t subsidy_failures = reason_application_outside_window |
                                                  reason_borrower_kind_not_eligible | reason_not_via_platform |
                                                  reason_lender_not_local_legal_person | reason_not_first_loan;

using rules::reason_bit;
using rules::reason_bits;

/// The code of a single bit, "" for none.
constexpr std::string_view reason_code(std::uint32_t bit) noexcept {
    const reason_info* r = reason_of_bit(bit);
    return r == nullptr ? std::string_view() : r->code;
}

/// Day numbers of Boost's range (dates::from_day_number accepts exactly these).
inline constexpr std::int32_t first_day_number = -208188;  // 1400-01-01
inline constexpr std::int32_t last_day_number = 2932896;   // 9999-12-31

// ---- columns ---------------------------------------------------------------------

/// Loans for the subsidy. n = borrower_kind.size(); every per-loan column has
/// n entries, offsets n + 1; the range columns have at least offsets[n].
struct loan_columns {
    std::span<const std::uint8_t> borrower_kind;       ///< kind_small, kind_micro, kind_individual_business
    std::span<const std::int32_t> first_application;   ///< day number
    std::span<const std::uint8_t> flags;               ///< loan_via_platform | ...
    std::span<const std::int64_t> annual_rate;         ///< units of 10^-10 (4.35% = 435'000'000)
    std::span<const std::int32_t> period_from;         ///< day number, included
    std::span<const std::int32_t> period_to;           ///< day number, included
    std::span<const std::int64_t> offsets;             ///< n + 1: loan i owns ranges offsets[i]..offsets[i+1]-1
    std::span<const std::int32_t> range_from;          ///< day number, included
    std::span<const std::int32_t> range_to;            ///< day number, included
    std::span<const std::int64_t> range_balance;       ///< end-of-day balance in 分 on each day of the range

    std::size_t size() const noexcept { return borrower_kind.size(); }
};

/// Where the subsidy batch writes. amount and status are required (n
/// entries each); eligible and reasons may be empty (not written).
struct subsidy_outputs {
    std::span<std::int64_t> amount;    ///< 分; 0 when not eligible or in error
    std::span<std::int32_t> status;    ///< status_ok or an errc code
    std::span<std::uint8_t> eligible;  ///< 1 eligible, 0 not (or in error)
    std::span<std::uint32_t> reasons;  ///< reason bits (failed checks, caps that bit)
};

/// Enterprises for the reward. n = offsets.size() - 1 (an empty offsets
/// column is 0 enterprises); enterprise i owns financings
/// offsets[i]..offsets[i+1]-1. amount, start and flags have at least
/// offsets[n] entries; `end` and `days` too, or may be empty when no
/// financing has the bit that reads them.
struct financing_columns {
    std::span<const std::int64_t> offsets;  ///< n + 1
    std::span<const std::int64_t> amount;   ///< 分, > 0
    std::span<const std::int32_t> start;    ///< day number
    std::span<const std::int32_t> end;      ///< day number, read where flags has financing_has_end
    std::span<const std::int64_t> days;     ///< term in days, read where flags has financing_has_days
    std::span<const std::uint8_t> flags;    ///< financing_confirmed | financing_has_end | financing_has_days

    std::size_t size() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
};

/// Where the reward batch writes: amount and status required (n entries);
/// eligible, reasons (n) and financing_reasons (one per financing, at least
/// offsets[n]) may be empty.
struct reward_outputs {
    std::span<std::int64_t> amount;
    std::span<std::int32_t> status;
    std::span<std::uint8_t> eligible;
    std::span<std::uint32_t> reasons;
    /// Per financing: financing_not_confirmed / _outside_window /
    /// _straddles_window_end when it does not count, financing_days_truncated
    /// when it counts truncated; 0 for every financing of a row in error.
    std::span<std::uint32_t> financing_reasons;
};

/// What one call did.
struct batch_summary {
    std::size_t rows = 0;
    std::size_t ok = 0;        ///< status_ok
    std::size_t errors = 0;    ///< status != ok
    std::size_t eligible = 0;
    money::int128 total_fen = 0;  ///< Σ amount over the rows (exact)
};

namespace detail {

/// rate / denominator with common factors of 2 (and, when asked, of 5)
/// taken out: the same value, smaller terms. rate > 0, denominator > 0.
struct reduced_ratio {
    std::uint64_t mult = 0;
    std::uint64_t den = 1;
};

constexpr reduced_ratio reduce(std::int64_t rate, std::int64_t denominator, bool fives) noexcept {
    auto r = static_cast<std::uint64_t>(rate);
    auto d = static_cast<std::uint64_t>(denominator);
    const int twos = std::min(__builtin_ctzll(r), __builtin_ctzll(d));
    r >>= twos;
    d >>= twos;
    while (fives && r % 5 == 0 && d % 5 == 0) {
        r /= 5;
        d /= 5;
    }
    return {r, d};
}

}  // namespace detail

// ---- parameters, prepared once ---------------------------------------------------

/// The subsidy's parameters as plain integers.
struct prepared_subsidy {
    std::int32_t window_from = 0;
    std::int32_t window_to = 0;
    std::int64_t balance_cap = 0;
    std::int64_t rate_ceiling = 0;
    std::int64_t basis = 360;
    std::int64_t denominator = 0;  ///< rate::scale × basis
    detail::reduced_ratio ceiling_ratio;  ///< rate_ceiling / denominator, reduced
    money::rounding rounding = money::rounding::half_up;
    std::uint8_t eligible_kinds = 0;  ///< bit (1 << code) per eligible kind
    bool has_max_subsidy_days = false;
    std::int64_t max_subsidy_days = 0;
    bool has_per_borrower_cap = false;
    std::int64_t per_borrower_cap = 0;
    bool has_budget = false;
    std::int64_t budget = 0;
};

/// The reward's parameters as plain integers.
struct prepared_reward {
    std::int32_t window_from = 0;
    std::int32_t window_to = 0;
    std::int64_t reward_rate = 0;
    std::int64_t basis = 365;
    std::int64_t denominator = 0;  ///< rate::scale × basis
    detail::reduced_ratio rate_ratio;  ///< reward_rate / denominator, reduced
    money::rounding rounding = money::rounding::half_up;
    plan::straddle_policy straddle = plan::straddle_policy::full_if_start_in_window;
    bool require_platform_confirmation = true;
    bool has_per_enterprise_cap = false;
    std::int64_t per_enterprise_cap = 0;
    bool has_budget = false;
    std::int64_t budget = 0;
};

/// Validates the parameters as the rule does (the same validation_error) and
/// turns them into integers.
inline prepared_subsidy prepare(const plan::first_loan_subsidy_parameters& p) {
    rules::detail::validate_parameters(p);
    prepared_subsidy out;
    out.window_from = dates::to_day_number(p.application_window.from());
    out.window_to = dates::to_day_number(p.application_window.to());
    out.balance_cap = p.balance_cap.fen();
    out.rate_ceiling = p.rate_ceiling.units();
    out.basis = dates::denominator(p.basis);
    out.denominator = money::detail::checked_mul<std::int64_t>(money::rate::scale, out.basis, "subsidy denominator");
    if (out.rate_ceiling > 0) out.ceiling_ratio = detail::reduce(out.rate_ceiling, out.denominator, true);
    out.rounding = p.rounding;
    for (auto k : p.eligible_kinds)
        out.eligible_kinds = static_cast<std::uint8_t>(out.eligible_kinds | (1U << static_cast<unsigned>(k)));
    if (p.max_subsidy_days) {
        out.has_max_subsidy_days = true;
        out.max_subsidy_days = *p.max_subsidy_days;
    }
    if (p.per_borrower_cap) {
        out.has_per_borrower_cap = true;
        out.per_borrower_cap = p.per_borrower_cap->fen();
    }
    if (p.budget) {
        out.has_budget = true;
        out.budget = p.budget->fen();
    }
    return out;
}

inline prepared_reward prepare(const plan::receivables_reward_parameters& p) {
    rules::detail::validate_parameters(p);
    prepared_reward out;
    out.window_from = dates::to_day_number(p.financing_window.from());
    out.window_to = dates::to_day_number(p.financing_window.to());
    out.reward_rate = p.reward_rate.units();
    out.basis = dates::denominator(p.basis);
    out.denominator = money::detail::checked_mul<std::int64_t>(money::rate::scale, out.basis, "reward denominator");
    if (out.reward_rate > 0) out.rate_ratio = detail::reduce(out.reward_rate, out.denominator, true);
    out.rounding = p.rounding;
    out.straddle = p.straddle;
    out.require_platform_confirmation = p.require_platform_confirmation;
    if (p.per_enterprise_cap) {
        out.has_per_enterprise_cap = true;
        out.per_enterprise_cap = p.per_enterprise_cap->fen();
    }
    if (p.budget) {
        out.has_budget = true;
        out.budget = p.budget->fen();
    }
    return out;
}

// ---- column checks (the only exceptions of a batch call) -------------------------

namespace detail {

[[noreturn]] inline void column_error(const std::string& column, const std::string& message) {
    throw validation_error(column, "", message);
}

inline void require_size(std::size_t size, std::size_t want, const char* column, bool may_be_empty = false) {
    if (size == want || (may_be_empty && size == 0)) return;
    column_error(column, std::string("has ") + std::to_string(size) + " entries, expected " + std::to_string(want) +
                             (may_be_empty ? " (or none)" : ""));
}

inline void require_at_least(std::size_t size, std::size_t want, const char* column, bool may_be_empty = false) {
    if (size >= want || (may_be_empty && size == 0)) return;
    column_error(column, std::string("has ") + std::to_string(size) + " entries, needs at least " +
                             std::to_string(want) + (may_be_empty ? " (or none)" : ""));
}

/// Offsets for n records: n + 1 entries (or none when n == 0), ≥ 0, never
/// decreasing. Returns offsets[n] (0 for none).
inline std::size_t check_offsets(std::span<const std::int64_t> offsets, std::size_t n, const char* column) {
    if (n == 0 && offsets.size() <= 1) return 0;
    require_size(offsets.size(), n + 1, column);
    if (offsets[0] < 0) column_error(std::string(column) + "[0]", "must not be negative");
    for (std::size_t i = 1; i <= n; ++i)
        if (offsets[i] < offsets[i - 1])
            column_error(std::string(column) + "[" + std::to_string(i) + "]",
                         "offsets must not decrease (" + std::to_string(offsets[i]) + " after " +
                             std::to_string(offsets[i - 1]) + ")");
    return static_cast<std::size_t>(offsets[n]);
}

constexpr bool day_ok(std::int32_t d) noexcept {
    // one unsigned comparison (the subtraction is done in unsigned arithmetic, which wraps by definition)
    return static_cast<std::uint32_t>(d) - static_cast<std::uint32_t>(first_day_number) <=
           static_cast<std::uint32_t>(last_day_number - first_day_number);
}

constexpr std::int32_t errc_code(errc c) noexcept { return static_cast<std::int32_t>(c); }

}  // namespace detail

/// Throws validation_error naming the column when the loan columns or the
/// outputs do not fit together.
inline void check_columns(const loan_columns& c, const subsidy_outputs& out) {
    const std::size_t n = c.size();
    detail::require_size(c.first_application.size(), n, "first_application");
    detail::require_size(c.flags.size(), n, "flags");
    detail::require_size(c.annual_rate.size(), n, "annual_rate");
    detail::require_size(c.period_from.size(), n, "period_from");
    detail::require_size(c.period_to.size(), n, "period_to");
    const std::size_t ranges = detail::check_offsets(c.offsets, n, "offsets");
    detail::require_at_least(c.range_from.size(), ranges, "range_from");
    detail::require_at_least(c.range_to.size(), ranges, "range_to");
    detail::require_at_least(c.range_balance.size(), ranges, "range_balance");
    detail::require_size(out.amount.size(), n, "amount (output)");
    detail::require_size(out.status.size(), n, "status (output)");
    detail::require_size(out.eligible.size(), n, "eligible (output)", true);
    detail::require_size(out.reasons.size(), n, "reasons (output)", true);
}

inline void check_columns(const financing_columns& c, const reward_outputs& out) {
    const std::size_t n = c.size();
    const std::size_t fins = detail::check_offsets(c.offsets, n, "offsets");
    detail::require_at_least(c.amount.size(), fins, "amount");
    detail::require_at_least(c.start.size(), fins, "start");
    detail::require_at_least(c.flags.size(), fins, "flags");
    detail::require_at_least(c.end.size(), fins, "end", true);
    detail::require_at_least(c.days.size(), fins, "days", true);
    const std::size_t first = n == 0 ? 0 : static_cast<std::size_t>(c.offsets[0]);
    if (fins > first && (c.end.empty() || c.days.empty())) {
        for (std::size_t k = first; k < fins; ++k) {
            if (c.end.empty() && (c.flags[k] & financing_has_end) != 0)
                detail::column_error("end", "is empty but financing " + std::to_string(k) + " has financing_has_end");
            if (c.days.empty() && (c.flags[k] & financing_has_days) != 0)
                detail::column_error("days",
                                     "is empty but financing " + std::to_string(k) + " has financing_has_days");
        }
    }
    detail::require_size(out.amount.size(), n, "amount (output)");
    detail::require_size(out.status.size(), n, "status (output)");
    detail::require_size(out.eligible.size(), n, "eligible (output)", true);
    detail::require_size(out.reasons.size(), n, "reasons (output)", true);
    detail::require_at_least(out.financing_reasons.size(), fins, "financing_reasons (output)", true);
}

// ---- one row ---------------------------------------------------------------------

/// One row's outcome.
struct row_result {
    std::int32_t status = status_ok;
    std::int64_t amount = 0;
    std::uint32_t reasons = 0;
    bool eligible = false;
};

namespace detail {

inline row_result row_error(errc code) noexcept { return {errc_code(code), 0, 0, false}; }

/// Caps on the rounded total, in the rule's order.
inline void apply_total_caps(std::int64_t& result, std::uint32_t& reasons, bool has_first, std::int64_t first,
                             std::uint32_t first_bit, bool has_budget, std::int64_t budget) noexcept {
    if (has_first && result > first) {
        result = first;
        reasons |= first_bit;
    }
    if (has_budget && result > budget) {
        result = budget;
        reasons |= reason_budget_cap_applied;
    }
}

/// round(sum × rate / denominator) to a 64-bit 分 count, exactly as the rules
/// do it: checked_mul<int128>(sum, rate), money::round_div, checked_narrow.
/// Returns false where the rule throws overflow_error. sum ≥ 0, rate ≥ 0,
/// 0 < denominator < 2^63; `red` is reduce(rate, denominator, ...).
///
/// Fast path: with the fraction reduced (1% over 360 days is 1/36000), the
/// value, hence the quotient, the remainder's place against one half and so
/// every rounding mode, is unchanged, and when sum × red.mult fits 64 bits
/// one 64-bit division replaces the 128-bit one. Otherwise the rule's own
/// steps are taken. (sum < 2^64 and rate < 2^63 cannot overflow 128 bits, so
/// the fast path never hides an overflow the rule would report.)
[[gnu::always_inline]] inline bool scaled_round(money::int128 sum, std::int64_t rate, std::int64_t denominator, reduced_ratio red,
                         money::rounding mode, std::int64_t& out) noexcept {
    using money::int128;
    using money::uint128;
    if (sum == 0 || rate == 0) {
        out = 0;
        return true;
    }
    if ((sum >> 64) == 0) {
        const uint128 n = static_cast<uint128>(static_cast<std::uint64_t>(sum)) * red.mult;
        if ((n >> 64) == 0) {
            const auto n64 = static_cast<std::uint64_t>(n);
            const std::uint64_t d = red.den;
            std::uint64_t q = n64 / d;
            const std::uint64_t rem = n64 % d;
            if (rem != 0) {
                const std::uint64_t other = d - rem;
                bool bump = false;
                switch (mode) {
                    case money::rounding::half_up: bump = rem >= other; break;
                    case money::rounding::half_even: bump = rem > other || (rem == other && (q & 1U) != 0); break;
                    case money::rounding::down: bump = false; break;
                    case money::rounding::up: bump = true; break;
                }
                q += bump ? 1U : 0U;  // rem != 0 means d ≥ 2, so q ≤ n64 / 2: no wrap
            }
            if (q > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
            out = static_cast<std::int64_t>(q);
            return true;
        }
    }
    int128 numerator;
    if (__builtin_mul_overflow(sum, static_cast<int128>(rate), &numerator)) return false;
    const int128 q = money::round_div(numerator, denominator, mode);  // denominator > 0: never throws
    if (q > std::numeric_limits<std::int64_t>::max()) return false;
    out = static_cast<std::int64_t>(q);
    return true;
}

/// The error class of the first value of a loan's ranges and period that
/// building the record refuses, in column order; status_ok when there is none.
inline std::int32_t first_range_conversion_error(const loan_columns& c, std::size_t b, std::size_t e) noexcept {
    for (std::size_t j = b; j < e; ++j) {
        if (!day_ok(c.range_from[j]) || !day_ok(c.range_to[j])) return errc_code(errc::validation);
        if (c.range_balance[j] == std::numeric_limits<std::int64_t>::min()) return errc_code(errc::overflow);
    }
    return status_ok;
}

/// Balance caps up to this many 分 (about 110 亿元; the plan's is 1000万元)
/// let the sum run in 64 bits: a valid row sums at most 3,141,085 days of at
/// most the cap, below 2^62.
inline constexpr std::int64_t narrow_cap_limit = std::int64_t{1} << 40;

/// What one pass over a loan's ranges finds.
struct range_scan {
    std::int64_t odd = 0;      ///< negative when some range is unusual (see below)
    std::int64_t covered = 0;  ///< period days lying in a range
    money::uint128 sum = 0;    ///< Σ over the period days of min(balance_d, cap), in 分·days (wraps only when odd)
};

/// The pass over ranges [b, e), branch-free. `odd` gathers signs: each term
/// is negative exactly when its check fails (from ≤ the previous to, the
/// first's previous being 1399-12-31; to < from; balance < 0; and, once for
/// the last range, whose to is then the largest, to past 9999-12-31); the
/// differences are of 32-bit values taken in 64 bits, so nothing overflows.
/// `Narrow` (cap ≤ narrow_cap_limit) sums in 64 bits, exact for a valid row.
template <bool Narrow>
[[gnu::always_inline]] inline range_scan scan_ranges(const std::int32_t* from_col, const std::int32_t* to_col,
                                                     const std::int64_t* bal_col, std::size_t b, std::size_t e,
                                                     std::int64_t pf, std::int64_t pt, std::int64_t cap) noexcept {
    std::int64_t odd = 0;
    std::int64_t next = first_day_number;  // the first day the next range may start on
    std::int64_t covered = 0;
    std::uint64_t sum64 = 0;
    money::uint128 sum128 = 0;
    const std::int64_t pt1 = pt + 1;
    for (std::size_t j = b; j < e; ++j) {
        const std::int64_t from = from_col[j];
        const std::int64_t to1 = std::int64_t{to_col[j]} + 1;  // the day after the range
        const std::int64_t bal = bal_col[j];
        odd |= (from - next) | (to1 - 1 - from) | bal;
        next = to1;
        const std::int64_t lo = from > pf ? from : pf;
        const std::int64_t hi1 = to1 < pt1 ? to1 : pt1;
        std::int64_t n = hi1 - lo;
        n &= ~(n >> 63);  // max(n, 0)
        covered += n;
        const auto used = static_cast<std::uint64_t>(bal > cap ? cap : bal);
        if constexpr (Narrow)
            sum64 += used * static_cast<std::uint64_t>(n);  // unsigned: wraps, by definition, only when odd
        else
            sum128 += static_cast<money::uint128>(used) * static_cast<std::uint64_t>(n);
    }
    odd |= std::int64_t{last_day_number} + 1 - next;
    if constexpr (Narrow)
        return {odd, covered, sum64};
    else
        return {odd, covered, sum128};
}

/// One loan.
///
/// One branch-free pass over its ranges gathers what the rule needs: whether
/// any range is unusual (then the error is found again in column order, off
/// the hot path), how many period days the ranges cover, and the sum. With
/// ranges in order and not overlapping, "every period day lies in a range"
/// is exactly "the ranges cover as many period days as the period has" — the
/// rule's walk through the schedule, without its branches.
///
/// The sum needs no per-step check: it is used only for a valid row, whose
/// ranges do not overlap, so it counts each of at most 3,141,085 days once at
/// most 2^63 分 a day: below 2^85, where the rule's checked additions can
/// never fail either; it is the rule's exact sum. (For a row that is not
/// valid it is computed in unsigned arithmetic, which wraps by definition,
/// and thrown away.)
template <bool Narrow>
[[gnu::always_inline]] inline row_result subsidy_row(const loan_columns& c, std::size_t i,
                                                     const prepared_subsidy& p) noexcept {
    using money::int128;
    const auto b = static_cast<std::size_t>(c.offsets[i]);
    const auto e = static_cast<std::size_t>(c.offsets[i + 1]);
    const std::uint8_t kind = c.borrower_kind[i];
    const std::int32_t app = c.first_application[i];
    const std::uint8_t flags = c.flags[i];
    const std::int32_t pf = c.period_from[i];
    const std::int32_t pt = c.period_to[i];
    const std::int64_t rate = c.annual_rate[i];

    // What building the record refuses, in column order: the loan's own
    // columns, its ranges, its period.
    if (kind > kind_individual_business || !day_ok(app) || (flags & ~loan_flags_all) != 0)
        return row_error(errc::validation);
    if (e - b > limits::max_record_items) {
        const std::int32_t conv = first_range_conversion_error(c, b, e);
        if (conv != status_ok) return {conv, 0, 0, false};
        return row_error(errc::validation);  // the schedule is too long, whatever else is wrong
    }

    // One pass: is anything unusual, how many period days are covered, and
    // the sum. A usual range starts after the previous one ends (the first:
    // on or after 1400-01-01), ends on or after it starts and by 9999-12-31,
    // and has a balance ≥ 0 — then every day number converts, no balance is
    // -2^63, and the rule's range checks pass. Anything else is classified
    // after the pass, in column order, off the hot path.
    const std::int32_t* const from_col = c.range_from.data();
    const std::int32_t* const to_col = c.range_to.data();
    const std::int64_t* const bal_col = c.range_balance.data();
    const std::int64_t cap = p.balance_cap;
    const range_scan scan = scan_ranges<Narrow>(from_col, to_col, bal_col, b, e, pf, pt, cap);
    const std::int64_t covered = scan.covered;
    money::uint128 usum = scan.sum;
    const std::int64_t odd = scan.odd;
    if (odd < 0) {
        const std::int32_t conv = first_range_conversion_error(c, b, e);
        if (conv != status_ok) return {conv, 0, 0, false};
        return row_error(errc::validation);  // ranges out of order, overlapping, reversed, or a negative balance
    }
    if (!day_ok(pf) || !day_ok(pt)) return row_error(errc::validation);
    if (rate <= 0 || rate >= money::rate::scale || b == e || pt < pf || covered != std::int64_t{pt} - pf + 1)
        return row_error(errc::validation);

    // Eligibility, every check.
    row_result r;
    if (app < p.window_from || app > p.window_to) r.reasons |= reason_application_outside_window;
    if ((p.eligible_kinds & (1U << kind)) == 0) r.reasons |= reason_borrower_kind_not_eligible;
    if ((flags & loan_via_platform) == 0) r.reasons |= reason_not_via_platform;
    if ((flags & loan_local_legal_person_lender) == 0) r.reasons |= reason_lender_not_local_legal_person;
    if ((flags & loan_first_loan) == 0) r.reasons |= reason_not_first_loan;
    if (r.reasons != 0) return r;
    r.eligible = true;

    if (p.has_max_subsidy_days) {
        // The maximum subsidy period: from the first day of the whole schedule
        // with a positive balance, n days; later period days are not summed.
        std::int64_t last = pt;
        for (std::size_t j = b; j < e; ++j) {
            if (bal_col[j] > 0) {
                const std::int64_t drawn = from_col[j];
                // last_of_run(drawn, n): drawn + n - 1, kept inside 9999-12-31
                const std::int64_t end = p.max_subsidy_days - 1 >= std::int64_t{last_day_number} - drawn + 1
                                             ? std::int64_t{last_day_number}
                                             : drawn + (p.max_subsidy_days - 1);
                if (end < last) last = end;
                break;
            }
        }
        if (last < pt) {
            usum = 0;
            for (std::size_t j = b; j < e; ++j) {
                const std::int64_t lo = from_col[j] > pf ? from_col[j] : pf;
                const std::int64_t hi = to_col[j] < last ? to_col[j] : last;
                const std::int64_t n = hi >= lo ? hi - lo + 1 : 0;
                const std::int64_t bal = bal_col[j];
                usum += static_cast<money::uint128>(static_cast<std::uint64_t>(bal > cap ? cap : bal)) *
                        static_cast<std::uint64_t>(n);
            }
        }
    }
    const auto sum = static_cast<int128>(usum);  // exact: below 2^85 for a valid row
    std::int64_t result = 0;
    const bool at_ceiling = p.rate_ceiling < rate;
    const std::int64_t used_rate = at_ceiling ? p.rate_ceiling : rate;
    const reduced_ratio red = at_ceiling ? p.ceiling_ratio : reduce(used_rate, p.denominator, false);
    if (!scaled_round(sum, used_rate, p.denominator, red, p.rounding, result)) return row_error(errc::overflow);
    apply_total_caps(result, r.reasons, p.has_per_borrower_cap, p.per_borrower_cap, reason_per_borrower_cap_applied,
                     p.has_budget, p.budget);
    r.amount = result;
    return r;
}

[[gnu::always_inline]] inline row_result reward_row(const financing_columns& c, std::size_t i,
                                                    const prepared_reward& p,
                                                    std::span<std::uint32_t> financing_reasons) noexcept {
    using money::int128;
    const auto b = static_cast<std::size_t>(c.offsets[i]);
    const auto e = static_cast<std::size_t>(c.offsets[i + 1]);
    const bool per_financing = !financing_reasons.empty();
    const auto fail = [&](errc code) noexcept {
        if (per_financing)
            for (std::size_t k = b; k < e; ++k) financing_reasons[k] = 0;
        return row_error(code);
    };

    // What building the record refuses (per financing, in column order:
    // flags, amount, start, end), then the rule's validation (all of it a
    // validation error), then each financing's checks and the sum, which
    // only count when nothing was refused.
    bool bad = e - b > limits::max_record_items;  // reported after the conversion errors, as the rule does
    row_result r;
    int128 sum = 0;  // Σ amount × days counted, in 分·days
    bool sum_overflow = false;
    std::size_t counted = 0;
    for (std::size_t k = b; k < e; ++k) {
        const std::uint8_t flags = c.flags[k];
        const std::int64_t amount = c.amount[k];
        const std::int32_t start = c.start[k];
        if ((flags & ~financing_flags_all) != 0) return fail(errc::validation);
        if (amount == std::numeric_limits<std::int64_t>::min()) return fail(errc::overflow);
        if (!day_ok(start)) return fail(errc::validation);
        const bool has_end = (flags & financing_has_end) != 0;
        const bool has_days = (flags & financing_has_days) != 0;
        if (has_end && !day_ok(c.end[k])) return fail(errc::validation);
        bad |= amount <= 0;
        std::int64_t end = 0;
        if (has_end == has_days) {
            bad = true;
            continue;
        } else if (has_end) {
            end = c.end[k];
            bad |= end <= start;
        } else {
            const std::int64_t days = c.days[k];
            bad |= days < 1 || days >= std::int64_t{last_day_number} - start + 1;
            end = start + (days > 0 && days <= std::int64_t{last_day_number} ? days : 1);
        }
        if (bad) continue;
        std::int64_t days = end - start;
        const bool confirmed_ok = (flags & financing_confirmed) != 0 || !p.require_platform_confirmation;
        const bool start_in = p.window_from <= start && start <= p.window_to;
        const bool straddles = start_in && end - 1 > p.window_to;
        std::uint32_t failed = 0;
        std::uint32_t truncated = 0;
        if (!confirmed_ok) failed |= reason_financing_not_confirmed;
        if (!start_in) failed |= reason_financing_outside_window;
        if (straddles) {
            switch (p.straddle) {
                case plan::straddle_policy::full_if_start_in_window: break;
                case plan::straddle_policy::days_in_window:
                    days = std::int64_t{p.window_to} - start + 1;
                    truncated = reason_financing_days_truncated;
                    break;
                case plan::straddle_policy::exclude: failed |= reason_financing_straddles_window_end; break;
            }
        }
        const std::uint32_t bits = failed != 0 ? failed : truncated;
        if (per_financing) financing_reasons[k] = bits;
        r.reasons |= bits;
        if (failed != 0) continue;
        // 0 < amount < 2^63 and days < 2^22: the product fits; the sum is checked.
        sum_overflow |= __builtin_add_overflow(sum, static_cast<int128>(amount) * days, &sum);
        ++counted;
    }
    if (bad) return fail(errc::validation);
    if (sum_overflow) return fail(errc::overflow);
    if (counted == 0) {
        r.reasons |= reason_no_eligible_financing;
        return r;
    }
    r.eligible = true;
    std::int64_t result = 0;
    if (!scaled_round(sum, p.reward_rate, p.denominator, p.rate_ratio, p.rounding, result)) return fail(errc::overflow);
    apply_total_caps(result, r.reasons, p.has_per_enterprise_cap, p.per_enterprise_cap,
                     reason_per_enterprise_cap_applied, p.has_budget, p.budget);
    r.amount = result;
    return r;
}

}  // namespace detail

/// The subsidy for loan `i` (c and p as for the batch; i < c.size(), the
/// columns checked by check_columns). Never throws.
inline row_result first_loan_subsidy_row(const loan_columns& c, std::size_t i, const prepared_subsidy& p) noexcept {
    return p.balance_cap <= detail::narrow_cap_limit ? detail::subsidy_row<true>(c, i, p)
                                                     : detail::subsidy_row<false>(c, i, p);
}

/// The reward for enterprise `i`; `financing_reasons` (empty, or one entry per
/// financing) receives each financing's reason bits. Never throws.
inline row_result receivables_reward_row(const financing_columns& c, std::size_t i, const prepared_reward& p,
                                         std::span<std::uint32_t> financing_reasons = {}) noexcept {
    return detail::reward_row(c, i, p, financing_reasons);
}

// ---- the batch calls -------------------------------------------------------------

/// The subsidy of every loan of `c` into `out`. Throws validation_error only
/// when the columns do not fit together; rows never throw.
namespace detail {

template <bool Narrow>
inline batch_summary subsidy_batch(const loan_columns& cols, const prepared_subsidy& params,
                                   const subsidy_outputs& o) noexcept {
    const std::size_t n = cols.size();
    const bool want_eligible = !o.eligible.empty();
    const bool want_reasons = !o.reasons.empty();
    std::size_t errors = 0;
    std::size_t eligible = 0;
    money::int128 total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const row_result r = subsidy_row<Narrow>(cols, i, params);
        o.amount[i] = r.amount;
        o.status[i] = r.status;
        if (want_eligible) o.eligible[i] = r.eligible ? 1 : 0;
        if (want_reasons) o.reasons[i] = r.reasons;
        errors += r.status != status_ok ? 1U : 0U;
        eligible += r.eligible ? 1U : 0U;
        total += r.amount;
    }
    batch_summary s;
    s.rows = n;
    s.errors = errors;
    s.ok = n - errors;
    s.eligible = eligible;
    s.total_fen = total;
    return s;
}

}  // namespace detail

inline batch_summary first_loan_subsidy_batch(const loan_columns& c, const subsidy_outputs& out,
                                              const prepared_subsidy& p) {
    check_columns(c, out);
    // Local copies: the compiler cannot otherwise tell that the stores into
    // the outputs leave the columns, the parameters and the counts alone.
    const loan_columns cols = c;
    const prepared_subsidy params = p;
    const subsidy_outputs o = out;
    return params.balance_cap <= detail::narrow_cap_limit ? detail::subsidy_batch<true>(cols, params, o)
                                                          : detail::subsidy_batch<false>(cols, params, o);
}

/// Same, preparing `params` first (throws validation_error for parameters the rule refuses).
inline batch_summary first_loan_subsidy_batch(const loan_columns& c, const subsidy_outputs& out,
                                              const plan::first_loan_subsidy_parameters& params) {
    return first_loan_subsidy_batch(c, out, prepare(params));
}

/// The reward of every enterprise of `c` into `out`.
inline batch_summary receivables_reward_batch(const financing_columns& c, const reward_outputs& out,
                                              const prepared_reward& p) {
    check_columns(c, out);
    const financing_columns cols = c;  // local copies, as above
    const prepared_reward params = p;
    const reward_outputs o = out;
    const std::size_t n = cols.size();
    const bool want_eligible = !o.eligible.empty();
    const bool want_reasons = !o.reasons.empty();
    std::size_t errors = 0;
    std::size_t eligible = 0;
    money::int128 total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const row_result r = detail::reward_row(cols, i, params, o.financing_reasons);
        o.amount[i] = r.amount;
        o.status[i] = r.status;
        if (want_eligible) o.eligible[i] = r.eligible ? 1 : 0;
        if (want_reasons) o.reasons[i] = r.reasons;
        errors += r.status != status_ok ? 1U : 0U;
        eligible += r.eligible ? 1U : 0U;
        total += r.amount;
    }
    batch_summary s;
    s.rows = n;
    s.errors = errors;
    s.ok = n - errors;
    s.eligible = eligible;
    s.total_fen = total;
    return s;
}

inline batch_summary receivables_reward_batch(const financing_columns& c, const reward_outputs& out,
                                              const plan::receivables_reward_parameters& params) {
    return receivables_reward_batch(c, out, prepare(params));
}

// ---- receipts on request: one row through the one-at-a-time rule ----------------

namespace detail {

inline void require_row(std::size_t i, std::size_t n) {
    if (i >= n)
        throw validation_error("row", std::to_string(i), "no such row (the columns have " + std::to_string(n) + ")");
}

inline dates::date day(std::int32_t n, const std::string& field) { return dates::from_day_number(n, field); }

inline money::amount fen(std::int64_t v, const std::string& field) {
    if (v == std::numeric_limits<std::int64_t>::min())
        throw overflow_error(field, std::to_string(v), "amount below the smallest amount (-2^63 分)");
    return money::amount::from_fen(v);
}

}  // namespace detail

/// The loan record of row `i`, as the batch reads it; throws what the batch
/// reports as the row's status when the row cannot be a record (see the top).
inline loan_record loan_record_for_row(const loan_columns& c, std::size_t i, std::string borrower = {}) {
    detail::require_row(i, c.size());
    // Sizes and offsets must hold for this row before anything is read.
    detail::require_at_least(c.first_application.size(), i + 1, "first_application");
    detail::require_at_least(c.flags.size(), i + 1, "flags");
    detail::require_at_least(c.annual_rate.size(), i + 1, "annual_rate");
    detail::require_at_least(c.period_from.size(), i + 1, "period_from");
    detail::require_at_least(c.period_to.size(), i + 1, "period_to");
    detail::require_at_least(c.offsets.size(), i + 2, "offsets");
    if (c.offsets[i] < 0 || c.offsets[i + 1] < c.offsets[i])
        detail::column_error("offsets[" + std::to_string(i) + "]", "offsets must be ≥ 0 and must not decrease");
    const auto b = static_cast<std::size_t>(c.offsets[i]);
    const auto e = static_cast<std::size_t>(c.offsets[i + 1]);
    detail::require_at_least(c.range_from.size(), e, "range_from");
    detail::require_at_least(c.range_to.size(), e, "range_to");
    detail::require_at_least(c.range_balance.size(), e, "range_balance");

    loan_record loan;
    loan.borrower = borrower.empty() ? "loans[" + std::to_string(i) + "]" : std::move(borrower);
    const std::uint8_t kind = c.borrower_kind[i];
    if (kind > kind_individual_business)
        throw validation_error("borrower_kind", std::to_string(kind),
                               "unknown borrower kind code (0 small, 1 micro, 2 individual_business)");
    loan.borrower_kind = static_cast<plan::borrower_kind>(kind);
    loan.first_application_date = detail::day(c.first_application[i], "first_application_date");
    const std::uint8_t flags = c.flags[i];
    if ((flags & ~loan_flags_all) != 0)
        throw validation_error("flags", std::to_string(flags), "unknown loan flag bits");
    loan.via_platform = (flags & loan_via_platform) != 0;
    loan.local_legal_person_lender = (flags & loan_local_legal_person_lender) != 0;
    loan.first_loan = (flags & loan_first_loan) != 0;
    loan.annual_rate = money::rate::from_units(c.annual_rate[i]);
    loan.balances.reserve(e - b);
    for (std::size_t j = b; j < e; ++j) {
        const std::string field = "balances[" + std::to_string(j - b) + "]";
        balance_range r;
        r.from = detail::day(c.range_from[j], field + ".from");
        r.to = detail::day(c.range_to[j], field + ".to");
        r.balance = detail::fen(c.range_balance[j], field + ".balance");
        loan.balances.push_back(r);
    }
    loan.period.from = detail::day(c.period_from[i], "period.from");
    loan.period.to = detail::day(c.period_to[i], "period.to");
    return loan;
}

/// The one-at-a-time result (with its receipt) of loan `i`; throws what the
/// rule throws, whose code is the batch's status for the row.
inline first_loan_subsidy_result receipt_for_row(const loan_columns& c, std::size_t i,
                                                 const plan::first_loan_subsidy_parameters& params,
                                                 const plan_reference& ref, std::string borrower = {}) {
    return first_loan_subsidy(loan_record_for_row(c, i, std::move(borrower)), params, ref);
}

inline first_loan_subsidy_result receipt_for_row(const loan_columns& c, std::size_t i,
                                                 const plan::plan& p = plan::plan_2022(), std::string borrower = {}) {
    return receipt_for_row(c, i, p.first_loan_subsidy, reference_of(p), std::move(borrower));
}

/// The receivables record of enterprise `i`, as the batch reads it.
inline receivables_record receivables_record_for_row(const financing_columns& c, std::size_t i,
                                                     std::string core_enterprise = {}) {
    detail::require_row(i, c.size());
    if (c.offsets[i] < 0 || c.offsets[i + 1] < c.offsets[i])
        detail::column_error("offsets[" + std::to_string(i) + "]", "offsets must be ≥ 0 and must not decrease");
    const auto b = static_cast<std::size_t>(c.offsets[i]);
    const auto e = static_cast<std::size_t>(c.offsets[i + 1]);
    detail::require_at_least(c.amount.size(), e, "amount");
    detail::require_at_least(c.start.size(), e, "start");
    detail::require_at_least(c.flags.size(), e, "flags");

    receivables_record record;
    record.core_enterprise =
        core_enterprise.empty() ? "enterprises[" + std::to_string(i) + "]" : std::move(core_enterprise);
    record.financings.reserve(e - b);
    for (std::size_t k = b; k < e; ++k) {
        const std::string field = "financings[" + std::to_string(k - b) + "]";
        const std::uint8_t flags = c.flags[k];
        if ((flags & ~financing_flags_all) != 0)
            throw validation_error(field + ".flags", std::to_string(flags), "unknown financing flag bits");
        financing f;
        f.sme = "financings[" + std::to_string(k) + "]";
        f.amount = detail::fen(c.amount[k], field + ".amount");
        f.start = detail::day(c.start[k], field + ".start");
        if ((flags & financing_has_end) != 0) {
            detail::require_at_least(c.end.size(), k + 1, "end");
            f.end = detail::day(c.end[k], field + ".end");
        }
        if ((flags & financing_has_days) != 0) {
            detail::require_at_least(c.days.size(), k + 1, "days");
            f.days = c.days[k];
        }
        f.confirmed_on_platform = (flags & financing_confirmed) != 0;
        record.financings.push_back(std::move(f));
    }
    return record;
}

inline receivables_reward_result receipt_for_row(const financing_columns& c, std::size_t i,
                                                 const plan::receivables_reward_parameters& params,
                                                 const plan_reference& ref, std::string core_enterprise = {}) {
    return receivables_reward(receivables_record_for_row(c, i, std::move(core_enterprise)), params, ref);
}

inline receivables_reward_result receipt_for_row(const financing_columns& c, std::size_t i,
                                                 const plan::plan& p = plan::plan_2022(),
                                                 std::string core_enterprise = {}) {
    return receipt_for_row(c, i, p.receivables_reward, reference_of(p), std::move(core_enterprise));
}

}  // namespace zjcredit::rules::batch

#endif
