// What the per-borrower work of the screen reads and writes of each listing,
// gathered into borrower order, and the lenders as numbers.
//
// A borrower's listings are anywhere in the input: read where they are, each
// of a million listings costs a dozen cache misses (its columns, its ids,
// its names), one after the other. Gathered in one pass in row order (the
// columns read in sequence, each listing written to its place), the
// borrower after borrower work then reads memory in sequence.
#ifndef ZJCREDIT_SRC_SCREEN_LISTING_HPP
#define ZJCREDIT_SRC_SCREEN_LISTING_HPP

#include <zjcredit/screen/screen.hpp>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace zjcredit::screen {

/// The lenders, numbered in byte order of their names: lenders compare as
/// numbers where the screen compares them (fill order, shares, totals).
struct lender_ranks {
    std::vector<std::string_view> names;  ///< by rank: distinct, in byte order
    std::vector<std::uint32_t> of_row;    ///< each row's lender's rank

    /// The rank of `name`, or names.size() when no row has it.
    std::uint32_t rank_of(std::string_view name) const noexcept;
};

/// Numbers the lenders of `lender` (one per row).
lender_ranks rank_lenders(std::span<const std::string_view> lender);

/// One listing of a borrower, as the per-borrower work sees it.
struct listing {
    std::size_t row = 0;           ///< the input row
    std::size_t ranges_begin = 0;  ///< its balance ranges: ranges_begin..ranges_end-1
    std::size_t ranges_end = 0;
    std::int64_t rate_used = 0;    ///< loan_result::rate_used
    std::int64_t capped_sum = 0;   ///< loan_result::capped_sum, as the fill finds it
    std::int64_t amount = 0;       ///< loan_result::amount, as the split finds it
    std::int32_t application = 0;  ///< first application date, a day number
    std::int32_t drawdown = 0;     ///< its first day with a positive balance (INT32_MAX: none)
    std::int32_t from = 0;         ///< the first day counted: the claim period's first
    std::int32_t last = 0;         ///< the last day counted (the claim period's, or the maximum subsidy period's)
    std::uint32_t lender = 0;      ///< its lender's rank
    std::uint32_t reasons = 0;     ///< loan_result::reasons
    std::uint32_t screen_reasons = 0;  ///< loan_result::screen_reasons
    std::uint8_t flags = 0;        ///< the loan's flags (rules::batch::loan_first_loan, ...)
    std::uint8_t kind = 0;         ///< the borrower's kind, as this listing gives it
    bool eligible = false;         ///< loan_result::eligible
    bool same_name = false;        ///< its borrower name is its borrower's first row's
};

}  // namespace zjcredit::screen

#endif
