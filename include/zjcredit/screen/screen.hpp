// The screen (免申即享): the first-loan subsidy over a population of loans
// from many lenders, per borrower (单户) rather than per loan.
//
// The plan subsidises "单户贷款余额不超过1000万元的部分": the balance cap is on
// the borrower. So, for each borrower (keyed by borrower_id, its
// 统一社会信用代码, screen/credit_code.hpp):
//
// * each loan is checked by the batch kernel (rules/kernel.hpp: validation,
//   eligibility with every failed check) exactly as `zjcredit subsidy` does;
// * every day, the balances of the borrower's eligible loans on that day
//   (inside each loan's claim period and maximum subsidy period) fill the
//   balance cap loan by loan in the fill order (default: first application
//   date, then drawdown date — the first day with a positive balance — then
//   loan_id, then lender); each loan's part is taken at its own rate used,
//   min(rate ceiling, actual rate);
// * the borrower's subsidy is Σ part × rate used ÷ (100% × day basis) over
//   the days and loans, exact, rounded once (the plan's rounding), then the
//   rule's caps on a total (per_borrower_cap, budget of the parameters);
// * it is split back to the loans in proportion to each loan's exact part,
//   by largest remainder to the 分 (ties: the fill order), so the loans' and
//   hence the lenders' amounts sum to it exactly.
//
// Conflicts are listed, never silently resolved:
// * first_loan_claimed_elsewhere: loans marked 首贷 at two lenders. The
//   lender whose 首贷 loan comes first in the fill order keeps it; the other
//   lenders' loans are not eligible (the conflict names both lenders), unless
//   screen_options::keep_all_first_loans. A borrower paid in an earlier
//   round (screen_options::already_paid with its borrower_id) keeps its 首贷
//   with the lender paid then, whether or not that lender's file is screened
//   again.
// * loan_data_differs: one loan (lender, loan_id) listed with different data
//   (borrower, kind, application date, flags, rate): all its listings held.
// * loan_listed_twice: one loan listed twice with the same data and the same
//   claim period and balances: the first listing counts, the others do not.
// * claim_periods_overlap: one loan listed for claim periods that overlap
//   (otherwise different): all those listings held. Listings of one loan for
//   periods that do not overlap (two quarters) are both counted.
// * already_paid: a listing whose claim period overlaps a loan-period in
//   `screen_options::already_paid` (a round already paid): not paid again.
//   It still takes its room in the borrower's cap, first, as it did when it
//   was paid: the loans paid now share what is left of the cap.
// * paid_loan_not_listed: a loan-period already paid to the borrower (with
//   its borrower_id) overlaps the claim period of a loan to pay now, but its
//   loan is not among the listings: the room it took in the cap cannot be
//   known without its balances, so the borrower is held (screen its file
//   again with the others).
// * borrower_name_differs: one borrower_id with two names: the borrower held.
// * borrower_listing_in_error: a listing in error (a row error: a bad cell,
//   a missing id) names the borrower_id of a borrower, or, when its id is
//   not a valid code (mistyped, missing), has a borrower's name: the borrower
//   held, since the listing in error may hold a share of the cap (or be the
//   borrower's 首贷) and its loans' parts would be wrong without it.
//   Screened again once it is corrected.
// A held listing is not eligible, with the screen reason of its conflict.
//
// Strings: the result refers to the input's strings by row; `screen_table`
// (screen/tables.hpp) keeps the strings of tables read from files.
#ifndef ZJCREDIT_SCREEN_SCREEN_HPP
#define ZJCREDIT_SCREEN_SCREEN_HPP

#include <zjcredit/money/amount.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/rules/budget.hpp>
#include <zjcredit/rules/kernel.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::screen {

namespace batch = rules::batch;

// ---- reasons of the screen -------------------------------------------------------

/// Why the screen did not pay a loan listing, besides the rule's own reasons
/// (rules/reason.hpp): one bit each.
struct screen_reason_info {
    std::string_view code;  ///< stable code, as in loans.csv's 原因 column ("already_paid")
    std::uint32_t bit;      ///< its bit in loan_result::screen_reasons
    std::string_view zh;    ///< the reason in Chinese, as results print it
    std::string_view en;    ///< the reason in English (--lang en)
};

/// The screen's reasons, one bit each; codes are stable.
inline constexpr std::array<screen_reason_info, 9> screen_reasons{{
    {"first_loan_claimed_elsewhere", 1U << 0, "同一借款人已在其他机构认定首贷",
     "the borrower's first loan is claimed at another lender"},
    {"loan_data_differs", 1U << 1, "同一笔贷款多次报送且数据不一致，暂缓", "the loan is listed with different data: held"},
    {"loan_listed_twice", 1U << 2, "同一笔贷款重复报送，只计一次", "the loan is listed twice: counted once"},
    {"claim_periods_overlap", 1U << 3, "同一笔贷款的贴息期间重叠，暂缓", "the loan's claim periods overlap: held"},
    {"already_paid", 1U << 4, "该贷款期间已经支付", "this loan-period was already paid"},
    {"borrower_name_differs", 1U << 5, "同一统一社会信用代码对应不同借款人名称，暂缓",
     "the borrower_id has two names: held"},
    {"row_error", 1U << 6, "数据有误", "the row is in error"},
    {"borrower_listing_in_error", 1U << 7, "该借款人另有报送数据有误，暂缓（更正后重新筛选）",
     "another listing of the borrower is in error: held until it is corrected"},
    {"paid_loan_not_listed", 1U << 8, "该借款人此前已支付的贷款不在本次文件中，无法核定单户上限，暂缓",
     "a loan of the borrower paid before for these days is not in the files screened: its room in the cap is not "
     "known: held"},
}};

/// The bit of a screen reason code at run time, 0 for a code not in the table
/// (a code of the rule's reasons, say: rules::reason_bit gives those).
constexpr std::uint32_t screen_reason_of(std::string_view code) noexcept {
    for (const auto& r : screen_reasons)
        if (r.code == code) return r.bit;
    return 0;
}

/// The bit of a screen reason code, at compile time: a misspelt code does not compile.
consteval std::uint32_t screen_reason_bit(std::string_view code) {
    const std::uint32_t bit = screen_reason_of(code);
    if (bit == 0) throw "unknown screen reason";  // not a constant expression: a misspelt code does not compile
    return bit;
}

/// The bit of `first_loan_claimed_elsewhere`.
inline constexpr std::uint32_t reason_claimed_elsewhere = screen_reason_bit("first_loan_claimed_elsewhere");
/// The bit of `loan_data_differs`.
inline constexpr std::uint32_t reason_data_differs = screen_reason_bit("loan_data_differs");
/// The bit of `loan_listed_twice`.
inline constexpr std::uint32_t reason_listed_twice = screen_reason_bit("loan_listed_twice");
/// The bit of `claim_periods_overlap`.
inline constexpr std::uint32_t reason_periods_overlap = screen_reason_bit("claim_periods_overlap");
/// The bit of `already_paid`.
inline constexpr std::uint32_t reason_already_paid = screen_reason_bit("already_paid");
/// The bit of `borrower_name_differs`.
inline constexpr std::uint32_t reason_name_differs = screen_reason_bit("borrower_name_differs");
/// The bit of `row_error`.
inline constexpr std::uint32_t reason_row_error = screen_reason_bit("row_error");
/// The bit of `borrower_listing_in_error`.
inline constexpr std::uint32_t reason_listing_in_error = screen_reason_bit("borrower_listing_in_error");
/// The bit of `paid_loan_not_listed`.
inline constexpr std::uint32_t reason_paid_not_listed = screen_reason_bit("paid_loan_not_listed");

// ---- input -----------------------------------------------------------------------

/// The order in which a borrower's loans fill the cap.
enum class fill_order {
    application_drawdown_loan_id,  ///< first application date, drawdown date, loan_id (the default)
    drawdown_application_loan_id,  ///< drawdown date, first application date, loan_id
    loan_id,                       ///< loan_id (byte order)
};

/// The fill order's name: "application", "drawdown" or "loan_id".
std::string_view to_string(fill_order o) noexcept;
/// "application" | "drawdown" | "loan_id" (or the enum's own names); nullopt otherwise.
std::optional<fill_order> fill_order_from_string(std::string_view s) noexcept;

/// Where field `field` ("loan_id", "lender", "borrower", "borrower_id") of
/// listing `i` was read, as an error names it: for a table
/// (screen_table::field_where), the cell and header of a borrower_id or
/// lender ("甲.xlsx:贷款明细!C7: 统一社会信用代码 (borrower_id)"), the row for another field.
using field_locator = std::function<std::string(std::size_t i, std::string_view field)>;

/// The loans: the batch's columns (rules/batch.hpp) and, per loan, its ids.
/// Every span has loans.size() entries; `row_errors` may be empty, or hold
/// per loan "" or why the loan was refused when it was read (it is then a
/// row error whatever its columns say).
struct screen_input {
    batch::loan_columns loans;                      ///< the batch kernel's columns, one entry per listing
    std::span<const std::string_view> loan_id;      ///< 借据号: with the lender, the loan's identity
    std::span<const std::string_view> borrower_id;  ///< 统一社会信用代码: the borrower (户) the cap is per
    std::span<const std::string_view> borrower;  ///< the borrower's name
    std::span<const std::string_view> lender;      ///< 贷款机构: the bank that listed the loan
    std::span<const std::string_view> row_errors;  ///< empty, or per listing "" or its read error
    /// Empty, or where each listing was read ("loans.csv:7"): its errors are located there.
    std::span<const std::string_view> source;
    /// Empty, or where each field of a listing was read (finer than
    /// `source`: a table's cell and header), for the errors of its ids.
    field_locator locate;

    /// The number of listings (rows).
    std::size_t size() const noexcept { return loans.size(); }
};

/// A loan-period already paid (by an earlier round; the register's rows).
struct paid_loan_period {
    std::string lender;   ///< the lender of the loan paid
    std::string loan_id;  ///< its 借据号
    std::int32_t from = 0;  ///< day number, included
    std::int32_t to = 0;    ///< day number, included
    /// The borrower paid (统一社会信用代码), "" when not known. Every loan
    /// paid was its borrower's 首贷: a later listing marked 首贷 at another
    /// lender is first_loan_claimed_elsewhere.
    std::string borrower_id;
};

/// How to screen: the fill order, a budget, what was paid before.
struct screen_options {
    fill_order order = fill_order::application_drawdown_loan_id;  ///< the order loans fill a borrower's cap
    /// Accept borrower_ids that are not valid 统一社会信用代码 (other
    /// registration numbers, declared as such by the caller).
    bool other_ids_declared = false;
    /// Share this budget among the eligible borrowers (rules/budget.hpp, pro rata).
    std::optional<money::amount> budget;
    /// Loan-periods already paid: a listing overlapping one is not paid again.
    std::vector<paid_loan_period> already_paid;
    /// 首贷 at two lenders: by default the first in the fill order keeps it
    /// and the others are not paid; true keeps them all (once the bureau has
    /// found them right), under the one cap. The conflict is listed either way.
    bool keep_all_first_loans = false;
};

// ---- result ----------------------------------------------------------------------

/// loan_result::borrower of a listing in error: it belongs to no borrower.
inline constexpr std::uint32_t no_borrower = UINT32_MAX;

/// One loan listing (input row).
struct loan_result {
    std::int32_t status = batch::status_ok;  ///< 0 or the errc of the row's error
    std::uint32_t reasons = 0;               ///< the rule's reason bits (rules/reason.hpp)
    std::uint32_t screen_reasons = 0;        ///< screen_reasons bits
    std::uint32_t borrower = no_borrower;    ///< index in screen_result::borrowers
    std::int64_t amount = 0;                 ///< its share of the borrower's subsidy, 分
    /// What it is paid, 分: its share of its borrower's allocation when
    /// screen_options::budget is set (in proportion to `amount`, by largest
    /// remainder, summing to borrower_result::allocated); `amount` otherwise.
    std::int64_t allocated = 0;
    std::int64_t rate_used = 0;              ///< min(rate ceiling, actual rate), units of 10^-10
    /// Σ its part of the cap × days (分·days); past 2^63 its borrower's
    /// status is errc::overflow.
    std::int64_t capped_sum = 0;
    bool eligible = false;                   ///< counted in its borrower's cap
    /// On some day of its claim the borrower's cap (balance_cap, filled in
    /// the fill order) left it less than its balance: capped_sum is less
    /// than its own balance-days. false for a listing not counted in its
    /// borrower's cap, or whose borrower's sum overflowed.
    bool cut_by_cap = false;
};

/// One borrower. Its `loans` and `lenders` view its screen_result: a copy
/// of a borrower_result is valid as long as that result is.
struct borrower_result {
    std::size_t first_row = 0;     ///< a row of the borrower: its id, name and kind
    std::int32_t status = batch::status_ok;  ///< errc::overflow when its sum leaves the range
    bool eligible = false;         ///< has at least one eligible loan
    bool held = false;             ///< held for review: borrower_name_differs, borrower_listing_in_error, paid_loan_not_listed
    std::int64_t amount = 0;       ///< 分, rounded once and capped
    std::int64_t allocated = 0;    ///< 分: the budget's allocation (amount without a budget)
    std::uint32_t reasons = 0;     ///< not eligible: the union of its loans' reasons; caps that bit
    std::uint32_t screen_reasons = 0;  ///< not eligible or held: the screen's reason bits
    /// The listings that filled its cap: those paid now and those paid
    /// before (which keep their room); 0 when none is eligible.
    std::uint32_t cap_listings = 0;
    std::uint8_t kind = 0;         ///< of its first loan in the fill order
    /// Its rows, in the fill order (a part of screen_result::borrower_rows).
    std::span<const std::size_t> loans;
    money::int128 numerator = 0;   ///< Σ part × rate used × days; amount = round(numerator / denominator)
    /// Each lender of an eligible loan, with its share (分), in the order of
    /// the lenders' names (a part of screen_result::lender_shares).
    std::span<const std::pair<std::string_view, std::int64_t>> lenders;
};

/// A conflict for review. Its text (what was found, quoting the values that
/// differ) is written on demand by conflict_detail(), as most screens print
/// only some of their conflicts, if any. Its ids and lenders view the
/// screen's input (or screen_result::first_loans_paid_before).
struct conflict {
    std::string_view kind;                  ///< a screen reason code
    std::string_view borrower_id;           ///< the borrower concerned
    std::string_view loan_id;               ///< empty when about a borrower
    std::vector<std::string_view> lenders;  ///< the lenders concerned, each named once
    std::vector<std::size_t> rows;          ///< the listings concerned
    /// already_paid, paid_loan_not_listed and a 首贷 kept by an earlier round
    /// (paid_before): the first day of the loan-period paid before (a day number).
    std::int32_t paid_from = 0;
    std::int32_t paid_to = 0;  ///< its last day (a day number, included)
    /// first_loan_claimed_elsewhere: every 首贷 kept (screen_options::keep_all_first_loans).
    bool kept_all = false;
    /// first_loan_claimed_elsewhere: the rule's reasons (batch bits) why the
    /// listing that keeps the 首贷 is itself not subsidised, 0 when it is. It
    /// keeps it all the same — the borrower's first loan is the earliest,
    /// subsidised or not — and the detail says so.
    std::uint32_t keeper_reasons = 0;
    /// The conflict names an earlier round's payment (lenders.front(),
    /// loan_id, paid_from..paid_to) rather than a listing: the 首贷 it keeps
    /// (first_loan_claimed_elsewhere), or the loan not listed (paid_loan_not_listed).
    bool paid_before = false;
};

/// Eligible borrowers, loans and amounts of one group (a lender, a borrower kind, all).
struct tally {
    std::string key;            ///< the lender's name, the kind's code, or "" for all
    std::size_t borrowers = 0;  ///< eligible borrowers
    std::size_t loans = 0;      ///< eligible loans
    std::int64_t amount = 0;    ///< 分
    std::int64_t allocated = 0; ///< 分
};

/// The totals of a screen.
struct screen_totals {
    std::vector<tally> lenders;  ///< every lender screened, by name (byte order); 0 for one with nothing paid
    std::vector<tally> kinds;    ///< by borrower kind code (only kinds with borrowers)
    tally all;                                  ///< every eligible borrower
    std::size_t borrowers = 0;                  ///< borrowers listed
    std::size_t borrowers_eligible = 0;         ///< borrowers paid (an amount, or eligible at 0)
    std::size_t loans = 0;                      ///< listings
    std::size_t loans_eligible = 0;             ///< listings counted in a cap
    std::size_t loans_in_error = 0;             ///< listings in error
    /// Loans not eligible per reason code (the rule's and the screen's).
    std::vector<std::pair<std::string, std::size_t>> reasons;
};

/// A loan-period paid: what a payout register records (hook for --register).
struct payment {
    std::string borrower_id;  ///< 统一社会信用代码
    std::string borrower;  ///< the borrower's name (of its first listing in the fill order)
    std::string loan_id;    ///< 借据号
    std::string lender;     ///< the lender the loan is at
    std::int32_t from = 0;  ///< the claim period's first day, a day number
    std::int32_t to = 0;    ///< its last day, a day number (included)
    std::int64_t amount = 0;  ///< 分
    /// The canonical text the receipt digest is taken of (one line, fields
    /// "key=value" joined by ";", the exact part of the cap and rate used).
    std::string receipt;
};

/// What a screen found: per listing, per borrower, the conflicts and the totals.
/// It can be moved, not copied: each borrower's `loans` and `lenders` are
/// parts of the flat vectors below (one allocation each for a million loans).
struct screen_result {
    std::vector<loan_result> loans;          ///< per input row
    std::vector<borrower_result> borrowers;  ///< by borrower_id (byte order)
    std::vector<conflict> conflicts;         ///< by kind, then borrower_id, loan_id
    screen_totals totals;                    ///< per lender, per kind, in all; counts per reason
    std::optional<rules::allocation_result> allocation;  ///< when a budget was given
    std::int64_t denominator = 0;  ///< 100% × day basis, in rate units
    std::vector<std::size_t> borrower_rows;  ///< every borrower's rows, borrower after borrower
    /// Every eligible borrower's lenders and shares, borrower after borrower.
    std::vector<std::pair<std::string_view, std::int64_t>> lender_shares;
    /// The earlier payments conflicts name — one that keeps a borrower's 首贷
    /// (conflict::paid_before), a loan paid and not listed
    /// (paid_loan_not_listed) —: copies, so the conflicts' views of them
    /// live as long as the result.
    std::vector<paid_loan_period> first_loans_paid_before;

    screen_result() = default;
    screen_result(screen_result&&) noexcept = default;  ///< the spans stay valid: a vector's move keeps its buffer
    screen_result& operator=(screen_result&&) noexcept = default;  ///< as the move constructor
    screen_result(const screen_result&) = delete;
    screen_result& operator=(const screen_result&) = delete;
};

/// Runs the screen. Throws validation_error for parameters the rule refuses
/// or columns that do not fit together; a row's problem is that row's status.
screen_result run_screen(const screen_input& in, const plan::first_loan_subsidy_parameters& params,
                         const screen_options& options = {});

/// The error message of row `i` in error (read error, ids, or the rule's),
/// "" otherwise. An id's error names the field where in.locate says it was
/// read; without it, at in.source[i] ("loans.csv:7: borrower_id") or,
/// without a source, as "loans[i].borrower_id".
std::string row_error_message(const screen_input& in, const screen_result& r, std::size_t i,
                              const plan::first_loan_subsidy_parameters& params, const screen_options& options = {});

/// The loan-periods paid, for a register: each loan with a subsidy above 0,
/// with what it is paid (loan_result::allocated: its share of the
/// allocation under a budget, which may be 0, its amount otherwise).
std::vector<payment> payments(const screen_input& in, const screen_result& r);

/// What conflict `c` found, in Chinese (`en` false) or English, quoting the
/// values concerned: the conflicts table's 说明 / detail.
std::string conflict_detail(const screen_input& in, const conflict& c, bool en);

/// The codes of a listing's reasons, the rule's then the screen's, joined by ";".
std::string reason_codes(std::uint32_t rule_bits, std::uint32_t screen_bits);
/// Their texts in `lang` ("zh" or "en"), joined by "；" / "; ".
std::string reason_texts(std::uint32_t rule_bits, std::uint32_t screen_bits, bool en);
/// The texts of listing `i`'s reasons, as reason_texts gives them except that
/// a borrower kind not eligible names the listing's kind and the eligible
/// ones, as the subsidy's receipt does ("借款人类型（中型企业）不属于贴息对象
/// （小型企业、微型企业）"): the loans table's 说明 of a listing not paid.
std::string listing_reason_texts(const screen_input& in, const screen_result& r, std::size_t i,
                                 const plan::first_loan_subsidy_parameters& params, bool en);

/// The arithmetic of listing `i` when its borrower is paid (the loans
/// table's 说明, so that each share can be checked by hand): its
/// balance-days within the borrower's cap × its rate used ÷ the day basis,
/// exact; the borrower's total rounded once; the listing's share of it (and
/// of the allocation under a budget). "" for a listing not paid.
std::string paid_listing_arithmetic(const screen_result& r, std::size_t i,
                                    const plan::first_loan_subsidy_parameters& params, bool en);

}  // namespace zjcredit::screen

#endif
