// A screened round and the payout register, wired together (compiled part:
// link zjcredit::io): what `zjcredit screen --register DB [--commit]` does.
//
// Why here and not in the screen or the register: the screen knows nothing
// of SQLite and the register nothing of the rule; this is the one place where
// the register's rows become the screen's already_paid, and the screen's
// payments become the register's payouts (with the receipt's digest).
//
//     auto reg = screen::payout_register::open("payouts.db", screen::register_open::existing);
//     screen::screen_options so;
//     so.already_paid = screen::already_paid_of(reg);
//     auto r = screen::run_screen(in, params, so);
//     auto pay = screen::payments(in, r);
//     reg.commit_round({"2022Q2", version}, screen::payouts_of(pay));
#ifndef ZJCREDIT_SCREEN_ROUND_HPP
#define ZJCREDIT_SCREEN_ROUND_HPP

#include <zjcredit/money/amount.hpp>
#include <zjcredit/screen/register.hpp>
#include <zjcredit/screen/screen.hpp>

#include <span>
#include <string>
#include <vector>

namespace zjcredit::screen {

/// The register's rows as loan-periods the screen must not pay again.
std::vector<paid_loan_period> already_paid_of(std::span<const paid_period> rows);

/// The rows of `reg` as loan-periods the screen must not pay again, once
/// the register verifies (require_verified: errc::validation otherwise).
std::vector<paid_loan_period> already_paid_of(const payout_register& reg);

/// The screen's payments as payouts to commit; each receipt_digest is the
/// SHA-256 (hex) of the payment's canonical receipt text.
std::vector<payout> payouts_of(std::span<const payment> payments);

/// A borrower whose cumulative subsidy would pass the per-borrower limit:
/// what the register has paid it in all, plus this round's payments.
struct limit_breach {
    std::string borrower_id;    ///< the key payments and register totals are matched by
    std::string borrower;       ///< the name in this round's payments
    money::amount paid_before;  ///< what the register has paid it in all
    money::amount this_round;   ///< Σ this round's payments to the borrower
    money::amount limit;        ///< the per-borrower limit it would pass (limit_breaches()'s `limit`; `--borrower-limit` in the CLI)
};

/// Every borrower of `payments` for which paid_before + this_round > limit,
/// by borrower_id; paid_before from `paid` (the register's totals(), empty
/// when there is no register yet). Reaching the limit exactly does not pass it.
std::vector<limit_breach> limit_breaches(std::span<const payment> payments, std::span<const borrower_total> paid,
                                         money::amount limit);

/// The payments less those to the borrowers named in `breaches`: the round
/// committed when a limit is set (those borrowers are held for review).
std::vector<payment> without_breaches(std::span<const payment> payments, std::span<const limit_breach> breaches);

}  // namespace zjcredit::screen

#endif
