// rules kernel: the one computation of each money rule — validation of a
// row, eligibility with every failed check, the exact sum, the one rounding
// and the caps — on records laid out as columns (rules/batch.hpp documents
// the layout). Every path runs it: the batch over many rows, and the
// one-record rules (first_loan_subsidy(), receivables_reward(), their
// *_outcome() forms, the C ABI and Python on top of them), which lay their
// one record out as a one-row column set.
//
// The kernel takes a Trace. The batch passes no_trace, and every hook
// compiles away; a one-record call passes a recorder, and builds its receipt
// from what the kernel recorded on the way (the ranges or financings summed,
// the rate used, the rounding, each cap) — never from a second computation.
// Hooks are called only under `if constexpr (Trace::enabled)`.
//
// A row the kernel refuses gets the status of the error class (parse 1,
// validation 2, overflow 3) and nothing else; which field is wrong, and why,
// is said by the record's validate() (first_loan_subsidy.hpp,
// receivables_reward.hpp), which the one-record path runs only then.
#ifndef ZJCREDIT_RULES_KERNEL_HPP
#define ZJCREDIT_RULES_KERNEL_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/detail/checked.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/rules/reason.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

namespace zjcredit::rules {
namespace detail {

inline void validate_parameters(const plan::first_loan_subsidy_parameters& p) {
    if (!p.annual_rate_max.is_positive())
        throw validation_error("parameters.annual_rate_max", money::to_string(p.annual_rate_max), "must be above 0%");
    if (p.balance_cap.is_negative())
        throw validation_error("parameters.balance_cap", money::to_string(p.balance_cap), "must not be negative");
    if (p.rate_ceiling.units() < 0)
        throw validation_error("parameters.rate_ceiling", money::to_string(p.rate_ceiling), "must not be negative");
    if (p.max_subsidy_days && *p.max_subsidy_days < 1)
        throw validation_error("parameters.max_subsidy_days", std::to_string(*p.max_subsidy_days),
                               "must be at least 1 day");
    if (p.per_borrower_cap && p.per_borrower_cap->is_negative())
        throw validation_error("parameters.per_borrower_cap", money::to_string(*p.per_borrower_cap),
                               "must not be negative");
    if (p.budget && p.budget->is_negative())
        throw validation_error("parameters.budget", money::to_string(*p.budget), "must not be negative");
}

inline void validate_parameters(const plan::receivables_reward_parameters& p) {
    if (p.reward_rate.units() < 0)
        throw validation_error("parameters.reward_rate", money::to_string(p.reward_rate), "must not be negative");
    if (p.per_enterprise_cap && p.per_enterprise_cap->is_negative())
        throw validation_error("parameters.per_enterprise_cap", money::to_string(*p.per_enterprise_cap),
                               "must not be negative");
    if (p.budget && p.budget->is_negative())
        throw validation_error("parameters.budget", money::to_string(*p.budget), "must not be negative");
}

}  // namespace detail

namespace batch {

// ---- codes ----------------------------------------------------------------------

/// borrower_kind column codes (the order of plan::borrower_kind).
inline constexpr std::uint8_t kind_small = 0;
inline constexpr std::uint8_t kind_micro = 1;                ///< plan::borrower_kind::micro
inline constexpr std::uint8_t kind_individual_business = 2;  ///< plan::borrower_kind::individual_business
inline constexpr std::uint8_t kind_medium = 3;               ///< plan::borrower_kind::medium
inline constexpr std::uint8_t kind_large = 4;                ///< plan::borrower_kind::large; the highest code

/// Loan flags column: one byte per loan, these bits; any other bit is refused.
inline constexpr std::uint8_t loan_via_platform = 1U << 0;
inline constexpr std::uint8_t loan_local_legal_person_lender = 1U << 1;  ///< the lender is a local legal-person bank
inline constexpr std::uint8_t loan_first_loan = 1U << 2;                 ///< the loan is the borrower's first loan (首贷)
/// Every loan flag bit; a flags byte with any bit outside it is a validation error.
inline constexpr std::uint8_t loan_flags_all = loan_via_platform | loan_local_legal_person_lender | loan_first_loan;

/// Financing flags column: one byte per financing. Exactly one of has_end and
/// has_days is required (both or neither is the rule's validation error, as
/// for a record); the end / days column is read only where its bit is set.
inline constexpr std::uint8_t financing_confirmed = 1U << 0;
inline constexpr std::uint8_t financing_has_end = 1U << 1;   ///< the end column holds the financing's end date
inline constexpr std::uint8_t financing_has_days = 1U << 2;  ///< the days column holds the financing's term in days
/// Every financing flag bit; a flags byte with any bit outside it is a validation error.
inline constexpr std::uint8_t financing_flags_all = financing_confirmed | financing_has_end | financing_has_days;

/// Row status: 0, or the zjcredit::errc of the error the rule throws for the row.
inline constexpr std::int32_t status_ok = 0;

/// Reason bits: the bits of rules::reason_table (rules/reason.hpp), which is
/// the one list of codes, bits and texts; a misspelt code does not compile.
inline constexpr std::uint32_t reason_application_outside_window = reason_bit_of("application_outside_window");
/// The borrower's kind is not among the parameters' eligible_kinds.
inline constexpr std::uint32_t reason_borrower_kind_not_eligible = reason_bit_of("borrower_kind_not_eligible");
/// The loan was not made through the platform (loan_via_platform unset).
inline constexpr std::uint32_t reason_not_via_platform = reason_bit_of("not_via_platform");
/// The lender is not a local legal-person bank (loan_local_legal_person_lender unset).
inline constexpr std::uint32_t reason_lender_not_local_legal_person = reason_bit_of("lender_not_local_legal_person");
/// The loan is not the borrower's first (loan_first_loan unset).
inline constexpr std::uint32_t reason_not_first_loan = reason_bit_of("not_first_loan");
/// The subsidy was cut to the per-borrower cap.
inline constexpr std::uint32_t reason_per_borrower_cap_applied = reason_bit_of("per_borrower_cap_applied");
/// The amount was cut to the budget (either rule).
inline constexpr std::uint32_t reason_budget_cap_applied = reason_bit_of("budget_cap_applied");
/// A financing was not confirmed on the platform while the parameters require it.
inline constexpr std::uint32_t reason_financing_not_confirmed = reason_bit_of("financing_not_confirmed");
/// A financing starts outside the financing window.
inline constexpr std::uint32_t reason_financing_outside_window = reason_bit_of("financing_outside_window");
/// A financing runs past the window's end and the straddle policy is exclude.
inline constexpr std::uint32_t reason_financing_straddles_window_end = reason_bit_of("financing_straddles_window_end");
/// A financing runs past the window's end and only its days up to the end counted (days_in_window).
inline constexpr std::uint32_t reason_financing_days_truncated = reason_bit_of("financing_days_truncated");
/// No financing of the enterprise counts: the enterprise is not eligible.
inline constexpr std::uint32_t reason_no_eligible_financing = reason_bit_of("no_eligible_financing");
/// The reward was cut to the per-enterprise cap.
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
inline constexpr std::int32_t first_day_number = -208188;  ///< 1400-01-01
inline constexpr std::int32_t last_day_number = 2932896;   ///< 9999-12-31, the last day of the range

// ---- columns ---------------------------------------------------------------------

/// Loans for the subsidy. n = borrower_kind.size(); every per-loan column has
/// n entries, offsets n + 1; the range columns have at least offsets[n].
struct loan_columns {
    std::span<const std::uint8_t> borrower_kind;       ///< kind_small, ... kind_large
    std::span<const std::int32_t> first_application;   ///< day number
    std::span<const std::uint8_t> flags;               ///< loan_via_platform | ...
    std::span<const std::int64_t> annual_rate;         ///< units of 10^-10 (4.35% = 435'000'000)
    std::span<const std::int32_t> period_from;         ///< day number, included
    std::span<const std::int32_t> period_to;           ///< day number, included
    std::span<const std::int64_t> offsets;             ///< n + 1: loan i owns ranges offsets[i]..offsets[i+1]-1
    std::span<const std::int32_t> range_from;          ///< day number, included
    std::span<const std::int32_t> range_to;            ///< day number, included
    std::span<const std::int64_t> range_balance;       ///< end-of-day balance in 分 on each day of the range

    /// The number of loans, n.
    std::size_t size() const noexcept { return borrower_kind.size(); }
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

    /// The number of enterprises, n.
    std::size_t size() const noexcept { return offsets.empty() ? 0 : offsets.size() - 1; }
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
    std::int32_t window_from = 0;  ///< application window's first day, day number, included
    std::int32_t window_to = 0;    ///< application window's last day, day number, included
    std::int64_t balance_cap = 0;  ///< 分, the most of a day's balance that is summed
    std::int64_t rate_ceiling = 0;  ///< units of 10^-10, the highest rate the subsidy pays
    std::int64_t annual_rate_max = 0;  ///< the highest actual rate a row may carry, included
    std::int64_t basis = 360;  ///< days in the year of the day basis (360 or 365)
    std::int64_t denominator = 0;  ///< rate::scale × basis
    detail::reduced_ratio ceiling_ratio;  ///< rate_ceiling / denominator, reduced
    money::rounding rounding = money::rounding::half_up;  ///< the one rounding of the total
    std::uint8_t eligible_kinds = 0;  ///< bit (1 << code) per eligible kind
    bool has_max_subsidy_days = false;  ///< whether max_subsidy_days applies
    std::int64_t max_subsidy_days = 0;  ///< days from the first drawn day that are summed, ≥ 1
    bool has_per_borrower_cap = false;  ///< whether per_borrower_cap applies
    std::int64_t per_borrower_cap = 0;  ///< 分, the most one loan's subsidy may be
    bool has_budget = false;  ///< whether budget applies
    std::int64_t budget = 0;  ///< 分, cap applied after per_borrower_cap
};

/// The reward's parameters as plain integers.
struct prepared_reward {
    std::int32_t window_from = 0;   ///< financing window's first day, day number, included
    std::int32_t window_to = 0;     ///< financing window's last day, day number, included
    std::int64_t reward_rate = 0;   ///< units of 10^-10 (1% = 100'000'000)
    std::int64_t basis = 365;       ///< days in the year of the day basis (360 or 365)
    std::int64_t denominator = 0;  ///< rate::scale × basis
    detail::reduced_ratio rate_ratio;  ///< reward_rate / denominator, reduced
    money::rounding rounding = money::rounding::half_up;  ///< the one rounding of the total
    plan::straddle_policy straddle = plan::straddle_policy::full_if_start_in_window;  ///< how a financing past the window's end counts
    bool require_platform_confirmation = true;  ///< whether an unconfirmed financing is refused
    bool has_per_enterprise_cap = false;  ///< whether per_enterprise_cap applies
    std::int64_t per_enterprise_cap = 0;  ///< 分, the most one enterprise's reward may be
    bool has_budget = false;  ///< whether budget applies
    std::int64_t budget = 0;  ///< 分, cap applied after per_enterprise_cap
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
    out.annual_rate_max = p.annual_rate_max.units();
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

/// Validates the reward's parameters as the rule does (the same
/// validation_error) and turns them into integers.
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

namespace detail {

constexpr bool day_ok(std::int32_t d) noexcept {
    // one unsigned comparison (the subtraction is done in unsigned arithmetic, which wraps by definition)
    return static_cast<std::uint32_t>(d) - static_cast<std::uint32_t>(first_day_number) <=
           static_cast<std::uint32_t>(last_day_number - first_day_number);
}

constexpr std::int32_t errc_code(errc c) noexcept { return static_cast<std::int32_t>(c); }

}  // namespace detail

// ---- one row ---------------------------------------------------------------------

/// One row's outcome.
struct row_result {
    std::int32_t status = status_ok;  ///< status_ok, or the errc code of the error the rule throws
    std::int64_t amount = 0;  ///< 分, after rounding and caps; 0 when not eligible or refused
    std::uint32_t reasons = 0;  ///< reason bits: every failed check, each cap that bit, days truncated
    bool eligible = false;  ///< passed every eligibility check (the amount may still be 0)
};

/// The trace of the batch: nothing is recorded, every hook compiles away.
struct no_trace {
    static constexpr bool enabled = false;  ///< false: the kernel calls no hook
};

/// The caps on a rule's rounded total, in the order applied.
enum class total_cap { per_record, budget };

namespace detail {

inline row_result row_error(errc code) noexcept { return {errc_code(code), 0, 0, false}; }

/// Caps on the rounded total, in the rule's order: the per-borrower (or
/// per-enterprise) cap, then the budget. Each that is set is reported to
/// the trace with the amount before it, and whether it bit.
template <class Trace>
[[gnu::always_inline]] inline void apply_total_caps(std::int64_t& result, std::uint32_t& reasons, bool has_first,
                                                    std::int64_t first, std::uint32_t first_bit, bool has_budget,
                                                    std::int64_t budget, Trace& trace) noexcept {
    if constexpr (Trace::enabled) trace.rounded(result);
    if (has_first) {
        const bool bites = result > first;
        if constexpr (Trace::enabled) trace.cap(total_cap::per_record, result, first, bites);
        if (bites) {
            result = first;
            reasons |= first_bit;
        }
    }
    if (has_budget) {
        const bool bites = result > budget;
        if constexpr (Trace::enabled) trace.cap(total_cap::budget, result, budget, bites);
        if (bites) {
            result = budget;
            reasons |= reason_budget_cap_applied;
        }
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
/// Each range with period days is reported to the trace (index in the loan,
/// the days summed, the balance and the balance used).
template <bool Narrow, class Trace>
[[gnu::always_inline]] inline range_scan scan_ranges(const std::int32_t* from_col, const std::int32_t* to_col,
                                                     const std::int64_t* bal_col, std::size_t b, std::size_t e,
                                                     std::int64_t pf, std::int64_t pt, std::int64_t cap,
                                                     Trace& trace) noexcept {
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
        if constexpr (Trace::enabled)
            if (n > 0) trace.range(j - b, lo, lo + n - 1, n, bal, bal > cap ? cap : bal);
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
template <bool Narrow, class Trace>
[[gnu::always_inline]] inline row_result subsidy_row(const loan_columns& c, std::size_t i, const prepared_subsidy& p,
                                                     Trace& trace) noexcept {
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
    if (kind > kind_large || !day_ok(app) || (flags & ~loan_flags_all) != 0)
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
    const range_scan scan = scan_ranges<Narrow>(from_col, to_col, bal_col, b, e, pf, pt, cap, trace);
    const std::int64_t covered = scan.covered;
    money::uint128 usum = scan.sum;
    const std::int64_t odd = scan.odd;
    if (odd < 0) {
        const std::int32_t conv = first_range_conversion_error(c, b, e);
        if (conv != status_ok) return {conv, 0, 0, false};
        return row_error(errc::validation);  // ranges out of order, overlapping, reversed, or a negative balance
    }
    if (!day_ok(pf) || !day_ok(pt)) return row_error(errc::validation);
    if (rate <= 0 || rate > p.annual_rate_max || rate >= money::rate::scale || b == e || pt < pf || covered != std::int64_t{pt} - pf + 1)
        return row_error(errc::validation);

    // Eligibility, every check.
    row_result r;
    if (app < p.window_from || app > p.window_to) r.reasons |= reason_application_outside_window;
    if ((p.eligible_kinds & (1U << kind)) == 0) r.reasons |= reason_borrower_kind_not_eligible;
    if ((flags & loan_via_platform) == 0) r.reasons |= reason_not_via_platform;
    if ((flags & loan_local_legal_person_lender) == 0) r.reasons |= reason_lender_not_local_legal_person;
    if ((flags & loan_first_loan) == 0) r.reasons |= reason_not_first_loan;
    if constexpr (Trace::enabled) trace.checks(r.reasons);
    if (r.reasons != 0) return r;
    r.eligible = true;

    if (p.has_max_subsidy_days) {
        // The maximum subsidy period: from the first day of the whole schedule
        // with a positive balance, n days; later period days are not summed.
        std::int64_t last = pt;
        bool drawn_found = false;
        for (std::size_t j = b; j < e; ++j) {
            if (bal_col[j] > 0) {
                const std::int64_t drawn = from_col[j];
                // drawn + n - 1, kept inside 9999-12-31
                const std::int64_t end = p.max_subsidy_days - 1 >= std::int64_t{last_day_number} - drawn + 1
                                             ? std::int64_t{last_day_number}
                                             : drawn + (p.max_subsidy_days - 1);
                if (end < last) last = end;
                drawn_found = true;
                if constexpr (Trace::enabled) trace.max_period(drawn, end, end < pt);
                break;
            }
        }
        if constexpr (Trace::enabled)
            if (!drawn_found) trace.max_period_unused();
        if (last < pt) {
            usum = 0;
            if constexpr (Trace::enabled) trace.restart_ranges();
            for (std::size_t j = b; j < e; ++j) {
                const std::int64_t lo = from_col[j] > pf ? from_col[j] : pf;
                const std::int64_t hi = to_col[j] < last ? to_col[j] : last;
                const std::int64_t n = hi >= lo ? hi - lo + 1 : 0;
                const std::int64_t bal = bal_col[j];
                if constexpr (Trace::enabled)
                    if (n > 0) trace.range(j - b, lo, hi, n, bal, bal > cap ? cap : bal);
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
    if constexpr (Trace::enabled) trace.total(sum, used_rate);
    if (!scaled_round(sum, used_rate, p.denominator, red, p.rounding, result)) return row_error(errc::overflow);
    apply_total_caps(result, r.reasons, p.has_per_borrower_cap, p.per_borrower_cap, reason_per_borrower_cap_applied,
                     p.has_budget, p.budget, trace);
    r.amount = result;
    return r;
}

template <class Trace>
[[gnu::always_inline]] inline row_result reward_row(const financing_columns& c, std::size_t i,
                                                    const prepared_reward& p,
                                                    std::span<std::uint32_t> financing_reasons,
                                                    Trace& trace) noexcept {
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
        const std::int64_t term = end - start;
        std::int64_t days = term;
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
        if constexpr (Trace::enabled) trace.financing(k - b, start, end, term, failed != 0 ? 0 : days, start_in, straddles, bits);
        if (per_financing) financing_reasons[k] = bits;
        r.reasons |= bits;
        if (failed != 0) continue;
        // 0 < amount < 2^63 and days < 2^22: the product fits; the sum is checked.
        sum_overflow |= __builtin_add_overflow(sum, static_cast<int128>(amount) * days, &sum);
        ++counted;
    }
    if (bad) return fail(errc::validation);
    if constexpr (Trace::enabled) trace.total(sum, counted, sum_overflow);
    if (sum_overflow) return fail(errc::overflow);
    if (counted == 0) {
        r.reasons |= reason_no_eligible_financing;
        return r;
    }
    r.eligible = true;
    std::int64_t result = 0;
    if (!scaled_round(sum, p.reward_rate, p.denominator, p.rate_ratio, p.rounding, result)) return fail(errc::overflow);
    apply_total_caps(result, r.reasons, p.has_per_enterprise_cap, p.per_enterprise_cap,
                     reason_per_enterprise_cap_applied, p.has_budget, p.budget, trace);
    r.amount = result;
    return r;
}

}  // namespace detail

/// The subsidy for loan `i` (c and p as for the batch; i < c.size(), the
/// columns checked by check_columns), reported to `trace` on the way. Never throws.
template <class Trace = no_trace>
inline row_result first_loan_subsidy_row(const loan_columns& c, std::size_t i, const prepared_subsidy& p,
                                         Trace&& trace = Trace()) noexcept {
    return p.balance_cap <= detail::narrow_cap_limit ? detail::subsidy_row<true>(c, i, p, trace)
                                                     : detail::subsidy_row<false>(c, i, p, trace);
}

/// The reward for enterprise `i`; `financing_reasons` (empty, or one entry per
/// financing) receives each financing's reason bits. Never throws.
template <class Trace = no_trace>
inline row_result receivables_reward_row(const financing_columns& c, std::size_t i, const prepared_reward& p,
                                         std::span<std::uint32_t> financing_reasons = {},
                                         Trace&& trace = Trace()) noexcept {
    return detail::reward_row(c, i, p, financing_reasons, trace);
}

}  // namespace batch
}  // namespace zjcredit::rules

#endif
