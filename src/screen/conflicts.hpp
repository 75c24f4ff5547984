// The screen's parts besides the fill of the cap (src/screen/screen.cpp):
// finding conflicts (conflicts.cpp; a borrower's: listing.hpp) and the
// totals (report.cpp).
#ifndef ZJCREDIT_SRC_SCREEN_CONFLICTS_HPP
#define ZJCREDIT_SRC_SCREEN_CONFLICTS_HPP

#include "listing.hpp"

#include <zjcredit/screen/screen.hpp>

#include <cstdint>
#include <vector>

namespace zjcredit::screen {

/// Listings of one loan (lender, loan_id) and loan-periods already paid:
/// marks the listings concerned and adds the conflicts.
void find_listing_conflicts(const screen_input& in, screen_result& r, const screen_options& options);

/// Borrower `br`, some of whose listings are in error (`rows_in_error`, in
/// row order; none: nothing done): its listings held with
/// borrower_listing_in_error, and the conflict naming where the errors are.
void hold_for_listings_in_error(const screen_input& in, std::span<listing> loans, borrower_result& br,
                                std::span<const std::size_t> rows_in_error, screen_result& r);

/// Borrower `br`, not held, with loan-periods paid before (`paid`): the
/// first whose loan is not among its listings and whose period meets the
/// claim period of a listing to pay now holds the borrower
/// (paid_loan_not_listed) and is named in the conflict.
void hold_for_paid_loans_not_listed(const screen_input& in, std::span<listing> loans, borrower_result& br,
                                    std::span<const paid_loan_period* const> paid, screen_result& r);

/// What find_borrower_conflicts() works in, kept by the caller from borrower
/// to borrower: a screen finds conflicts for hundreds of thousands of borrowers.
struct borrower_scratch {
    std::vector<listing*> concerned;
    std::vector<std::uint32_t> ranks;
};

/// Borrower `br` (its listings in fill order): two names (held), 首贷 at two
/// lenders, or at another lender than the one an earlier round paid
/// (`paid_before`: that payment, or null; copied into the result when used).
/// Marks the listings and adds the conflicts to `r`.
void find_borrower_conflicts(const screen_input& in, const lender_ranks& lenders, std::span<listing> loans,
                             borrower_result& br, screen_result& r, bool keep_all_first_loans,
                             const paid_loan_period* paid_before, borrower_scratch& scratch);

/// Conflicts by kind (the order of screen_reasons), borrower_id, loan_id.
void sort_conflicts(screen_result& r);

/// The totals, per lender (`lenders`: the rows' lenders as numbers), per kind and in all.
screen_totals total_of(const screen_result& r, const lender_ranks& lenders);

}  // namespace zjcredit::screen

#endif
