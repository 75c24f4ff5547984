// The batch rules across the C ABI: columns (pointers plus lengths) in, a
// status, amount, eligibility and reason bits per row out, no JSON on the
// way (include/zjcredit/rules/batch.hpp does the work); receipts on request
// for one row.
//
// Every structural check (NULLs, versions, lengths, offsets) is made here,
// before a row is read, and reported as ZJC_EINVALID naming the column; the
// C++ batch checks the same again and would report a miss as a validation
// error, which is turned into ZJC_EINVALID too (it can only be a column
// problem: the plan's parameters are prepared, and refused, beforehand).
#include "barrier.hpp"
#include "plan_handle.hpp"

#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/json.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>

using namespace zjcredit;
using namespace zjcredit::capi;
namespace batch = zjcredit::rules::batch;

// ---- the header's constants are the C++ ones ---------------------------------------

static_assert(ZJC_KIND_SMALL == batch::kind_small);
static_assert(ZJC_KIND_MICRO == batch::kind_micro);
static_assert(ZJC_KIND_INDIVIDUAL_BUSINESS == batch::kind_individual_business);
static_assert(ZJC_KIND_MEDIUM == batch::kind_medium);
static_assert(ZJC_KIND_LARGE == batch::kind_large);
static_assert(ZJC_LOAN_VIA_PLATFORM == batch::loan_via_platform);
static_assert(ZJC_LOAN_LOCAL_LEGAL_PERSON_LENDER == batch::loan_local_legal_person_lender);
static_assert(ZJC_LOAN_FIRST_LOAN == batch::loan_first_loan);
static_assert(ZJC_FINANCING_CONFIRMED == batch::financing_confirmed);
static_assert(ZJC_FINANCING_HAS_END == batch::financing_has_end);
static_assert(ZJC_FINANCING_HAS_DAYS == batch::financing_has_days);
static_assert(ZJC_REASON_APPLICATION_OUTSIDE_WINDOW == batch::reason_application_outside_window);
static_assert(ZJC_REASON_BORROWER_KIND_NOT_ELIGIBLE == batch::reason_borrower_kind_not_eligible);
static_assert(ZJC_REASON_NOT_VIA_PLATFORM == batch::reason_not_via_platform);
static_assert(ZJC_REASON_LENDER_NOT_LOCAL_LEGAL_PERSON == batch::reason_lender_not_local_legal_person);
static_assert(ZJC_REASON_NOT_FIRST_LOAN == batch::reason_not_first_loan);
static_assert(ZJC_REASON_PER_BORROWER_CAP_APPLIED == batch::reason_per_borrower_cap_applied);
static_assert(ZJC_REASON_BUDGET_CAP_APPLIED == batch::reason_budget_cap_applied);
static_assert(ZJC_REASON_FINANCING_NOT_CONFIRMED == batch::reason_financing_not_confirmed);
static_assert(ZJC_REASON_FINANCING_OUTSIDE_WINDOW == batch::reason_financing_outside_window);
static_assert(ZJC_REASON_FINANCING_STRADDLES_WINDOW_END == batch::reason_financing_straddles_window_end);
static_assert(ZJC_REASON_FINANCING_DAYS_TRUNCATED == batch::reason_financing_days_truncated);
static_assert(ZJC_REASON_NO_ELIGIBLE_FINANCING == batch::reason_no_eligible_financing);
static_assert(ZJC_REASON_PER_ENTERPRISE_CAP_APPLIED == batch::reason_per_enterprise_cap_applied);
static_assert(ZJC_OK == batch::status_ok);
// The loan flags fit the three defined bits; the same for financings.
static_assert((ZJC_LOAN_VIA_PLATFORM | ZJC_LOAN_LOCAL_LEGAL_PERSON_LENDER | ZJC_LOAN_FIRST_LOAN) ==
              batch::loan_flags_all);
static_assert((ZJC_FINANCING_CONFIRMED | ZJC_FINANCING_HAS_END | ZJC_FINANCING_HAS_DAYS) ==
              batch::financing_flags_all);

namespace {

/// ZJC_EINVALID naming the column (zjc_last_error_field()).
[[noreturn]] void column_invalid(const std::string& field, const std::string& message) {
    throw zjcredit::error(static_cast<errc>(0), field, "", message);  // code 0: ZJC_EINVALID
}

void require_version(std::uint32_t got, std::uint32_t want, const char* what, const char* macro) {
    if (got != want)
        throw invalid_argument(std::string(what) + "->version is " + std::to_string(got) + ", expected " +
                               std::to_string(want) + " (" + macro + ")");
}

/// No column may claim more entries than any address space holds (the
/// lengths are the caller's word, but a wrapped size would be nonsense).
void require_sane_count(std::size_t n, const char* field) {
    if (n > static_cast<std::size_t>(std::numeric_limits<std::ptrdiff_t>::max()) / sizeof(std::int64_t))
        column_invalid(field, std::string(field) + " is " + std::to_string(n) + ": more entries than memory holds");
}

/// A column of n entries; NULL only when n == 0 (or when `optional`: then an
/// empty span, "not given").
template <class T>
std::span<T> column(T* p, std::size_t n, const char* name, bool optional = false) {
    if (p == nullptr) {
        if (n != 0 && !optional)
            column_invalid(name, std::string(name) + " must not be NULL (" + std::to_string(n) + " entries expected)");
        return {};
    }
    return std::span<T>(p, n);
}

/// The offsets of n records into a column of `entries` entries: n + 1 of
/// them, offsets[0] >= 0, never decreasing, offsets[n] <= entries. The span
/// (empty for n == 0).
std::span<const std::int64_t> checked_offsets(const std::int64_t* offsets, std::size_t n, std::size_t entries,
                                              const char* entries_name) {
    if (n == 0) return {};
    if (offsets == nullptr)
        column_invalid("offsets", "offsets must not be NULL (" + std::to_string(n + 1) + " entries expected)");
    const std::span<const std::int64_t> o(offsets, n + 1);
    if (o[0] < 0) column_invalid("offsets[0]", "offsets[0] is " + std::to_string(o[0]) + ": must not be negative");
    for (std::size_t i = 1; i <= n; ++i)
        if (o[i] < o[i - 1])
            column_invalid("offsets[" + std::to_string(i) + "]",
                           "offsets[" + std::to_string(i) + "] is " + std::to_string(o[i]) + ", below offsets[" +
                               std::to_string(i - 1) + "] = " + std::to_string(o[i - 1]) +
                               ": offsets must not decrease");
    if (static_cast<std::uint64_t>(o[n]) > entries)
        column_invalid("offsets[" + std::to_string(n) + "]",
                       "offsets[" + std::to_string(n) + "] is " + std::to_string(o[n]) + ", past " + entries_name +
                           " = " + std::to_string(entries));
    return o;
}

/// The one record's part of the offsets: [offsets[row], offsets[row+1]) within
/// `entries`.
void checked_row_offsets(const std::int64_t* offsets, std::size_t row, std::size_t entries,
                         const char* entries_name) {
    if (offsets == nullptr) column_invalid("offsets", "offsets must not be NULL");
    const std::int64_t b = offsets[row];
    const std::int64_t e = offsets[row + 1];
    const std::string at = "offsets[" + std::to_string(row) + "]";
    if (b < 0) column_invalid(at, at + " is " + std::to_string(b) + ": must not be negative");
    if (e < b)
        column_invalid("offsets[" + std::to_string(row + 1) + "]",
                       "offsets[" + std::to_string(row + 1) + "] is " + std::to_string(e) + ", below " + at + " = " +
                           std::to_string(b) + ": offsets must not decrease");
    if (static_cast<std::uint64_t>(e) > entries)
        column_invalid("offsets[" + std::to_string(row + 1) + "]",
                       "offsets[" + std::to_string(row + 1) + "] is " + std::to_string(e) + ", past " +
                           entries_name + " = " + std::to_string(entries));
}

void require_row(std::size_t row, std::size_t count) {
    if (row >= count)
        column_invalid("row", "row " + std::to_string(row) + " is past the last record (count is " +
                                  std::to_string(count) + ")");
}

/// Turns the C++ batch's per-row errc codes into ZJC_* statuses, in place.
void to_zjc_statuses(std::span<std::int32_t> status) noexcept {
    for (auto& s : status)
        if (s != batch::status_ok) s = status_of(static_cast<errc>(s));
}

/// Runs the C++ batch; a column error it finds (which the checks above
/// should have found first) is ZJC_EINVALID, not a validation error.
template <class Call>
void run_batch(Call&& call) {
    try {
        call();
    } catch (const validation_error& e) {
        throw zjcredit::error(static_cast<errc>(0), e.field(), "", e.detail());
    }
}

// ---- loans ---------------------------------------------------------------------------

batch::loan_columns loan_columns_of(const zjc_loan_columns* in) {
    require(in, "in");
    require_version(in->version, ZJC_LOAN_COLUMNS_VERSION, "in", "ZJC_LOAN_COLUMNS_VERSION");
    const std::size_t n = in->count;
    require_sane_count(n, "count");
    require_sane_count(in->range_count, "range_count");
    batch::loan_columns c;
    c.borrower_kind = column(in->borrower_kind, n, "borrower_kind");
    c.first_application = column(in->first_application, n, "first_application");
    c.flags = column(in->flags, n, "flags");
    c.annual_rate = column(in->annual_rate, n, "annual_rate");
    c.period_from = column(in->period_from, n, "period_from");
    c.period_to = column(in->period_to, n, "period_to");
    c.range_from = column(in->range_from, in->range_count, "range_from");
    c.range_to = column(in->range_to, in->range_count, "range_to");
    c.range_balance = column(in->range_balance, in->range_count, "range_balance");
    return c;
}

/// The columns as far as loan `row` needs them.
batch::loan_columns row_loan_columns(const zjc_loan_columns* in, std::size_t row) {
    batch::loan_columns c = loan_columns_of(in);
    require_row(row, in->count);
    checked_row_offsets(in->offsets, row, in->range_count, "range_count");
    c.offsets = std::span<const std::int64_t>(in->offsets, in->count + 1);
    return c;
}

batch::subsidy_outputs subsidy_outputs_of(zjc_subsidy_outputs* out, std::size_t n) {
    require(out, "out");
    require_version(out->version, ZJC_SUBSIDY_OUTPUTS_VERSION, "out", "ZJC_SUBSIDY_OUTPUTS_VERSION");
    if (out->count != n)
        column_invalid("count", "out->count is " + std::to_string(out->count) + " but in->count is " +
                                    std::to_string(n));
    batch::subsidy_outputs o;
    o.amount = column(out->amount, n, "amount (output)");
    o.status = column(out->status, n, "status (output)");
    o.eligible = column(out->eligible, n, "eligible (output)", true);
    o.reasons = column(out->reasons, n, "reasons (output)", true);
    return o;
}

// ---- enterprises -------------------------------------------------------------------------

batch::financing_columns financing_columns_of(const zjc_financing_columns* in) {
    require(in, "in");
    require_version(in->version, ZJC_FINANCING_COLUMNS_VERSION, "in", "ZJC_FINANCING_COLUMNS_VERSION");
    require_sane_count(in->count, "count");
    const std::size_t f = in->financing_count;
    require_sane_count(f, "financing_count");
    batch::financing_columns c;
    c.amount = column(in->amount, f, "amount");
    c.start = column(in->start, f, "start");
    c.flags = column(in->flags, f, "flags");
    c.end = column(in->end, f, "end", true);
    c.days = column(in->days, f, "days", true);
    return c;
}

/// A NULL end / days column with a financing in [b, e) whose bit reads it.
void check_optional_columns(const batch::financing_columns& c, std::size_t b, std::size_t e) {
    if (!c.end.empty() && !c.days.empty()) return;
    for (std::size_t k = b; k < e; ++k) {
        if (c.end.empty() && (c.flags[k] & ZJC_FINANCING_HAS_END) != 0)
            column_invalid("end", "end is NULL but financing " + std::to_string(k) + " has ZJC_FINANCING_HAS_END");
        if (c.days.empty() && (c.flags[k] & ZJC_FINANCING_HAS_DAYS) != 0)
            column_invalid("days",
                           "days is NULL but financing " + std::to_string(k) + " has ZJC_FINANCING_HAS_DAYS");
    }
}

batch::financing_columns row_financing_columns(const zjc_financing_columns* in, std::size_t row) {
    batch::financing_columns c = financing_columns_of(in);
    require_row(row, in->count);
    checked_row_offsets(in->offsets, row, in->financing_count, "financing_count");
    c.offsets = std::span<const std::int64_t>(in->offsets, in->count + 1);
    check_optional_columns(c, static_cast<std::size_t>(c.offsets[row]), static_cast<std::size_t>(c.offsets[row + 1]));
    return c;
}

batch::reward_outputs reward_outputs_of(zjc_reward_outputs* out, const zjc_financing_columns* in) {
    require(out, "out");
    require_version(out->version, ZJC_REWARD_OUTPUTS_VERSION, "out", "ZJC_REWARD_OUTPUTS_VERSION");
    const std::size_t n = in->count;
    if (out->count != n)
        column_invalid("count", "out->count is " + std::to_string(out->count) + " but in->count is " +
                                    std::to_string(n));
    batch::reward_outputs o;
    o.amount = column(out->amount, n, "amount (output)");
    o.status = column(out->status, n, "status (output)");
    o.eligible = column(out->eligible, n, "eligible (output)", true);
    o.reasons = column(out->reasons, n, "reasons (output)", true);
    if (out->financing_reasons != nullptr) {
        if (out->financing_count != in->financing_count)
            column_invalid("financing_count", "out->financing_count is " + std::to_string(out->financing_count) +
                                                  " but in->financing_count is " +
                                                  std::to_string(in->financing_count));
        // An empty span means "not wanted" to the C++ batch; with no
        // financing at all there is nothing to write either way.
        o.financing_reasons = std::span<std::uint32_t>(out->financing_reasons, out->financing_count);
    }
    return o;
}

std::string receipt_name(const char* name) { return name == nullptr ? std::string() : std::string(name); }

}  // namespace

extern "C" {

ZJC_API int32_t zjc_first_loan_subsidy_batch(const zjc_plan* plan, const zjc_loan_columns* in,
                                             zjc_subsidy_outputs* out) {
    return guarded([&] {
        // Pointers, versions and lengths first, then the offsets column.
        batch::loan_columns c = loan_columns_of(in);
        const batch::subsidy_outputs o = subsidy_outputs_of(out, in->count);
        c.offsets = checked_offsets(in->offsets, in->count, in->range_count, "range_count");
        const batch::prepared_subsidy p = batch::prepare(plan_or_default(plan).first_loan_subsidy);
        run_batch([&] { batch::first_loan_subsidy_batch(c, o, p); });
        to_zjc_statuses(o.status);
    });
}

ZJC_API int32_t zjc_receivables_reward_batch(const zjc_plan* plan, const zjc_financing_columns* in,
                                             zjc_reward_outputs* out) {
    return guarded([&] {
        batch::financing_columns c = financing_columns_of(in);
        const batch::reward_outputs o = reward_outputs_of(out, in);
        if (in->count != 0) {  // no enterprise: offsets unread, the C++ size() is 0
            c.offsets = checked_offsets(in->offsets, in->count, in->financing_count, "financing_count");
            check_optional_columns(c, static_cast<std::size_t>(c.offsets[0]),
                                   static_cast<std::size_t>(c.offsets[in->count]));
        }
        const batch::prepared_reward p = batch::prepare(plan_or_default(plan).receivables_reward);
        run_batch([&] { batch::receivables_reward_batch(c, o, p); });
        to_zjc_statuses(o.status);
    });
}

ZJC_API int32_t zjc_first_loan_subsidy_receipt(const zjc_plan* plan, const zjc_loan_columns* in, size_t row,
                                               const char* name, char** out) {
    return guarded([&] {
        require(out, "out");
        const batch::loan_columns c = row_loan_columns(in, row);
        *out = new_string(rules::to_json(batch::receipt_for_row(c, row, plan_or_default(plan), receipt_name(name))));
    });
}

ZJC_API int32_t zjc_receivables_reward_receipt(const zjc_plan* plan, const zjc_financing_columns* in, size_t row,
                                               const char* name, char** out) {
    return guarded([&] {
        require(out, "out");
        const batch::financing_columns c = row_financing_columns(in, row);
        *out = new_string(rules::to_json(batch::receipt_for_row(c, row, plan_or_default(plan), receipt_name(name))));
    });
}

}  // extern "C"
