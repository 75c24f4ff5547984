// `zjcredit screen --register DB [--commit] [--round ID] [--borrower-limit AMOUNT]`:
// the screen against the payout register (include/zjcredit/screen/round.hpp).
// A file of its own so that screen_command.cpp stays about the screen's tables.
#ifndef ZJCREDIT_CLI_SCREEN_REGISTER_HPP
#define ZJCREDIT_CLI_SCREEN_REGISTER_HPP

#include "options.hpp"

#include <zjcredit/plan/plan.hpp>
#include <zjcredit/screen/round.hpp>

#include <optional>
#include <vector>

namespace zjcredit::cli {

/// What the register says before the screen runs.
struct screen_register {
    std::optional<screen::payout_register> reg;  ///< open when --register names an existing register
    std::vector<screen::paid_loan_period> already_paid;
    std::vector<screen::borrower_total> totals;
};

/// Checks the register options (--commit, --round and --borrower-limit need
/// --register) and reads the register, once it verifies (a register edited
/// by hand is refused, naming its first fault). A dry run on a file that does
/// not exist yet reads an empty register and creates nothing; --commit needs
/// a register that exists (`zjcredit register init` starts one), so that a
/// mistyped path does not start a second register that pays everything again.
screen_register read_screen_register(const options& o);

/// The borrowers past --borrower-limit (none without it).
std::vector<screen::limit_breach> borrower_limit_breaches(const options& o, const screen_register& sr,
                                                          const std::vector<screen::payment>& payments);

/// Commits the round (--commit) or says what it would pay (a dry run), on
/// stderr. The borrowers in `breaches` are held, not committed; a round with
/// listings in error is refused (validation_error), nothing written.
void commit_or_dry_run(const options& o, screen_register& sr, const std::vector<screen::payment>& payments,
                       const std::vector<screen::limit_breach>& breaches, std::size_t loans_in_error,
                       const plan::plan& plan);

}  // namespace zjcredit::cli

#endif
