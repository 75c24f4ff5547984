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
// Every row is computed by the rule's one kernel (rules/kernel.hpp), the
// same code the one-at-a-time rule (first_loan_subsidy(),
// receivables_reward()) runs on the record that loan_record_for_row() /
// receivables_record_for_row() build from that row: the same eligibility
// and reasons, the same amount to the 分, and, where the rule throws, the
// same error class. A row is never an exception here: its status is 0 (ok)
// or the zjcredit::errc code the one-at-a-time path throws for it (parse 1,
// validation 2, overflow 3); a row in error has amount 0, eligible 0 and
// reasons 0. The record builders and the kernel agree on what is refused
// before the rule's checks even run:
//
// * a borrower_kind code other than 0 small, 1 micro, 2 individual_business,
//   3 medium, 4 large, or flag bits other than the ones defined below: validation;
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
#include <zjcredit/rules/kernel.hpp>
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

// ---- columns ---------------------------------------------------------------------

/// Where the subsidy batch writes. amount and status are required (n
/// entries each); eligible and reasons may be empty (not written).
struct subsidy_outputs {
    std::span<std::int64_t> amount;    ///< 分; 0 when not eligible or in error
    std::span<std::int32_t> status;    ///< status_ok or an errc code
    std::span<std::uint8_t> eligible;  ///< 1 eligible, 0 not (or in error)
    std::span<std::uint32_t> reasons;  ///< reason bits (failed checks, caps that bit)
};

/// Where the reward batch writes: amount and status required (n entries);
/// eligible, reasons (n) and financing_reasons (one per financing, at least
/// offsets[n]) may be empty.
struct reward_outputs {
    std::span<std::int64_t> amount;    ///< 分; 0 when not eligible or in error
    std::span<std::int32_t> status;    ///< status_ok or an errc code
    std::span<std::uint8_t> eligible;  ///< 1 eligible, 0 not (or in error)
    std::span<std::uint32_t> reasons;  ///< reason bits (of every financing, caps that bit)
    /// Per financing: financing_not_confirmed / _outside_window /
    /// _straddles_window_end when it does not count, financing_days_truncated
    /// when it counts truncated; 0 for every financing of a row in error.
    std::span<std::uint32_t> financing_reasons;
};

/// What one call did.
struct batch_summary {
    std::size_t rows = 0;      ///< rows computed: every record of the columns
    std::size_t ok = 0;        ///< status_ok
    std::size_t errors = 0;    ///< status != ok
    std::size_t eligible = 0;  ///< rows eligible (none of them in error)
    money::int128 total_fen = 0;  ///< Σ amount over the rows (exact)
};

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

}  // namespace detail

/// Throws validation_error naming the column when the loan columns do not
/// fit together (sizes, offsets), the outputs aside: once this holds, loans
/// a .. b of the columns can be taken as columns of their own.
inline void check_input_columns(const loan_columns& c) {
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
}

/// Throws validation_error naming the column when the loan columns or the
/// outputs do not fit together.
inline void check_columns(const loan_columns& c, const subsidy_outputs& out) {
    check_input_columns(c);
    const std::size_t n = c.size();
    detail::require_size(out.amount.size(), n, "amount (output)");
    detail::require_size(out.status.size(), n, "status (output)");
    detail::require_size(out.eligible.size(), n, "eligible (output)", true);
    detail::require_size(out.reasons.size(), n, "reasons (output)", true);
}

/// Throws validation_error naming the column when the financing columns or
/// the outputs do not fit together, or when `end` or `days` is empty while a
/// financing's flags say it has one.
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

// ---- the batch calls -------------------------------------------------------------

namespace detail {

/// Runs `row(i)` for every row and stores each result in `o` (amount,
/// status, and eligible and reasons where asked for): the loop of both
/// batch calls. The row function is inlined into it.
template <class Outputs, class Row>
[[gnu::always_inline]] inline batch_summary run_rows(std::size_t n, const Outputs& o, Row row) noexcept {
    const bool want_eligible = !o.eligible.empty();
    const bool want_reasons = !o.reasons.empty();
    std::size_t errors = 0;
    std::size_t eligible = 0;
    money::int128 total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const row_result r = row(i);
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

template <bool Narrow>
inline batch_summary subsidy_batch(const loan_columns& cols, const prepared_subsidy& params,
                                   const subsidy_outputs& o) noexcept {
    return run_rows(cols.size(), o, [&](std::size_t i) {
        no_trace trace;
        return subsidy_row<Narrow>(cols, i, params, trace);
    });
}

}  // namespace detail

/// The subsidy of every loan of `c` into `out`. Throws validation_error only
/// when the columns do not fit together; rows never throw.
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

/// The reward of every enterprise of `c` into `out`, and each financing's
/// reasons into out.financing_reasons when given. Throws validation_error
/// only when the columns do not fit together; rows never throw.
inline batch_summary receivables_reward_batch(const financing_columns& c, const reward_outputs& out,
                                              const prepared_reward& p) {
    check_columns(c, out);
    const financing_columns cols = c;  // local copies, as above
    const prepared_reward params = p;
    const reward_outputs o = out;
    return detail::run_rows(cols.size(), o, [&](std::size_t i) {
        no_trace trace;
        return detail::reward_row(cols, i, params, o.financing_reasons, trace);
    });
}

/// Same, preparing `params` first (throws validation_error for parameters the rule refuses).
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
    if (kind > kind_large)
        throw validation_error("borrower_kind", std::to_string(kind),
                               "unknown borrower kind code (0 small, 1 micro, 2 individual_business, 3 medium, "
                               "4 large)");
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

/// Same, with the parameters and the reference of plan `p` (the embedded 2022 plan by default).
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

/// The one-at-a-time result (with its receipt) of enterprise `i`; throws what
/// the rule throws, whose code is the batch's status for the row.
inline receivables_reward_result receipt_for_row(const financing_columns& c, std::size_t i,
                                                 const plan::receivables_reward_parameters& params,
                                                 const plan_reference& ref, std::string core_enterprise = {}) {
    return receivables_reward(receivables_record_for_row(c, i, std::move(core_enterprise)), params, ref);
}

/// Same, with the parameters and the reference of plan `p` (the embedded 2022 plan by default).
inline receivables_reward_result receipt_for_row(const financing_columns& c, std::size_t i,
                                                 const plan::plan& p = plan::plan_2022(),
                                                 std::string core_enterprise = {}) {
    return receipt_for_row(c, i, p.receivables_reward, reference_of(p), std::move(core_enterprise));
}

}  // namespace zjcredit::rules::batch

#endif
