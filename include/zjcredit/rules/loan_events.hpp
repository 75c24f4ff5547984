// rules::loan_events: a loan as a bank holds it — the drawdown, the
// repayments, the settlement — turned into the end-of-day balance schedule
// the first-loan subsidy reads (first_loan_subsidy.hpp, balance_range).
//
// 算头不算尾, day by day:
//
// * before the drawdown day the balance is 0 (a known zero: a claim period
//   wider than the loan is not an error);
// * from the drawdown day (it accrues) the balance is the drawdown amount;
// * each repayment lowers it from its own day on (the repayment day does not
//   accrue on the amount repaid); repayments may be listed in any order and
//   are applied by date, those of one day in the order listed;
// * from the settlement day (结清日期) on the balance is 0 (that day does not
//   accrue), whatever was left;
// * from the maturity day (到期日) on, when no settlement day is given and a
//   balance is left, the balance is not known: the loan may have been repaid
//   that day, extended (展期) or be overdue, and a bank's file that states
//   none of these cannot be read one way silently. A claim period that
//   reaches such a day is refused (balances_from_events), naming the
//   maturity and what would settle it.
//
// balances_from_events() returns the ranges of equal balance that cover the
// claim period exactly, zero ranges included and equal neighbours merged, so
// the rule's checks (ranges in order, every period day covered) accept them.
//
// Errors (zjcredit::validation_error; fields named as the JSON record's
// paths): a drawdown amount ≤ 0 ("drawdown_amount"); more than
// limits::max_record_items repayments ("repayments"); a repayment amount ≤ 0
// ("repayments[i].amount"), dated before the drawdown or after the settlement
// ("repayments[i].date"), or larger than the balance outstanding on its day
// ("repayments[i].amount"); a settlement before the drawdown ("settled"); a
// maturity before the drawdown, or reached by the period with a balance left
// and no settlement ("maturity"); a special date; a period ending before it
// starts ("period").
#ifndef ZJCREDIT_RULES_LOAN_EVENTS_HPP
#define ZJCREDIT_RULES_LOAN_EVENTS_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace zjcredit::rules {

/// One repayment of principal: `amount` repaid on `date`.
struct repayment {
    dates::date date;      ///< the day repaid; the amount repaid no longer accrues from it
    money::amount amount;  ///< the principal repaid, above 0.00

    /// Field by field.
    friend bool operator==(const repayment&, const repayment&) = default;
};

/// A loan's events as a bank records them.
struct loan_events {
    dates::date drawdown_date;           ///< 放款日期: the first day that accrues
    money::amount drawdown_amount;       ///< the principal lent, above 0.00
    std::vector<repayment> repayments;   ///< any order; applied by date (stable for one day)
    std::optional<dates::date> settled;  ///< 结清日期: from this day on, 0
    /// 到期日: without `settled`, a balance left on this day or after is not known.
    std::optional<dates::date> maturity;

    /// Field by field.
    friend bool operator==(const loan_events&, const loan_events&) = default;
};

namespace detail {

/// "repayments[2]".
inline std::string repayment_field(std::size_t i) { return "repayments" + index_text(i); }

/// The balance from each day on where it changes: (day number, 分), in day
/// order, one entry a day; before the first, 0. Validates the events.
inline std::vector<std::pair<std::int32_t, std::int64_t>> balance_steps(const loan_events& ev) {
    using dates::detail::iso;
    dates::detail::require_plain(ev.drawdown_date, "drawdown_date");
    if (ev.drawdown_amount.fen() <= 0)
        throw validation_error("drawdown_amount", money::to_string(ev.drawdown_amount), "must be above 0.00");
    if (ev.repayments.size() > limits::max_record_items)
        throw validation_error("repayments", std::to_string(ev.repayments.size()) + " repayments",
                               "a loan has at most " + std::to_string(limits::max_record_items) + " repayments");
    if (ev.settled) {
        dates::detail::require_plain(*ev.settled, "settled");
        if (*ev.settled < ev.drawdown_date)
            throw validation_error("settled", iso(*ev.settled),
                                   "settled on " + iso(*ev.settled) + ", before the drawdown on " +
                                       iso(ev.drawdown_date));
    }
    if (ev.maturity) {
        dates::detail::require_plain(*ev.maturity, "maturity");
        if (*ev.maturity < ev.drawdown_date)
            throw validation_error("maturity", iso(*ev.maturity),
                                   "falls due on " + iso(*ev.maturity) + ", before the drawdown on " +
                                       iso(ev.drawdown_date));
    }
    for (std::size_t i = 0; i < ev.repayments.size(); ++i) {
        const repayment& r = ev.repayments[i];
        const std::string field = repayment_field(i);
        dates::detail::require_plain(r.date, field + ".date");
        if (r.amount.fen() <= 0)
            throw validation_error(field + ".amount", money::to_string(r.amount), "a repayment must be above 0.00");
        if (r.date < ev.drawdown_date)
            throw validation_error(field + ".date", iso(r.date),
                                   "repayment dated " + iso(r.date) + ", before the drawdown on " +
                                       iso(ev.drawdown_date));
        if (ev.settled && r.date > *ev.settled)
            throw validation_error(field + ".date", iso(r.date),
                                   "repayment dated " + iso(r.date) + ", after the loan was settled on " +
                                       iso(*ev.settled));
    }

    // Repayments by date, those of one day in the order listed.
    std::vector<std::size_t> order(ev.repayments.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return ev.repayments[a].date < ev.repayments[b].date; });

    std::vector<std::pair<std::int32_t, std::int64_t>> steps;
    const auto set = [&](std::int32_t day, std::int64_t balance) {
        if (!steps.empty() && steps.back().first == day)
            steps.back().second = balance;  // a later event of the same day
        else
            steps.emplace_back(day, balance);
    };
    std::int64_t balance = ev.drawdown_amount.fen();
    set(dates::to_day_number(ev.drawdown_date), balance);
    for (std::size_t i : order) {
        const repayment& r = ev.repayments[i];
        if (r.amount.fen() > balance)
            throw validation_error(repayment_field(i) + ".amount", money::to_string(r.amount),
                                   "repayment on " + dates::detail::iso(r.date) +
                                       " exceeds the balance outstanding that day, " +
                                       money::to_string(money::amount::from_fen(balance)));
        balance -= r.amount.fen();  // 0 < amount ≤ balance: no overflow, never negative
        set(dates::to_day_number(r.date), balance);
    }
    if (ev.settled) set(dates::to_day_number(*ev.settled), 0);
    return steps;
}

}  // namespace detail

/// The end-of-day balance ranges that cover `period` exactly (both ends
/// included), derived from `events` as the top of this file says.
inline std::vector<balance_range> balances_from_events(const loan_events& events, const date_range& period) {
    using dates::detail::iso;
    const auto steps = detail::balance_steps(events);
    dates::detail::require_plain(period.from, "period.from");
    dates::detail::require_plain(period.to, "period.to");
    if (period.to < period.from)
        throw validation_error("period", iso(period.from) + ".." + iso(period.to),
                               "period ends on " + iso(period.to) + ", before it starts on " + iso(period.from));
    const std::int32_t pf = dates::to_day_number(period.from);
    const std::int32_t pt = dates::to_day_number(period.to);

    std::vector<balance_range> out;
    const auto emit = [&](std::int32_t from, std::int32_t to, std::int64_t fen) {
        const money::amount balance = money::amount::from_fen(fen);
        if (!out.empty() && out.back().balance == balance)
            out.back().to = dates::from_day_number(to);  // equal neighbours merge
        else
            out.push_back({dates::from_day_number(from), dates::from_day_number(to), balance});
    };
    std::int32_t cursor = pf;       // first period day not yet emitted
    std::int64_t balance = 0;       // the balance on `cursor`
    for (const auto& [day, fen] : steps) {
        if (day > pt) break;
        if (day > cursor) {
            emit(cursor, day - 1, balance);
            cursor = day;
        }
        balance = fen;
    }
    emit(cursor, pt, balance);
    if (events.maturity && !events.settled) {
        // After the drawdown the balance only falls, so one left on a period
        // day from the due day on was there on the due day itself.
        const std::int32_t due = dates::to_day_number(*events.maturity);
        std::int64_t on_due_day = 0;
        for (const auto& [day, fen] : steps)
            if (day <= due) on_due_day = fen;
        const bool left = std::any_of(out.begin(), out.end(), [&](const balance_range& r) {
            return dates::to_day_number(r.to) >= due && r.balance.fen() > 0;
        });
        if (left)
            throw validation_error(
                "maturity", iso(*events.maturity),
                "the loan falls due on " + iso(*events.maturity) + " with " +
                    money::to_string(money::amount::from_fen(on_due_day)) +
                    " outstanding and no settlement date is given: from that day its balance is not known "
                    "(repaid, extended or overdue), and the claim period runs to " + iso(period.to) +
                    "; give its settlement date (结清日期) or repayments, or end the claim period before it");
    }
    return out;
}

}  // namespace zjcredit::rules

#endif
