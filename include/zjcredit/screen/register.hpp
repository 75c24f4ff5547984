// The payout register (compiled part: link zjcredit::io): the rounds of
// subsidy a screen has paid, one row per borrower and loan-period, in a
// SQLite database (docs/register.md).
//
// Why a register: the same loan comes back in the next quarter's files, the
// same borrower at two banks; the register is what makes "paid once" hold
// across rounds. A round is committed in one transaction (all of its rows or
// none, even if the process is killed), concurrent writers wait for each
// other (BEGIN IMMEDIATE with a busy timeout) and are never interleaved, and
// a loan-period that overlaps one already paid is refused. Each row carries
// the SHA-256 of a canonical text of its content and of the previous row's
// hash, so an edit by hand is found by verify(), which names the first row
// that does not match.
//
//     auto reg = screen::payout_register::open("payouts.db", screen::register_open::existing);
//     reg.commit_round({"2022Q3", "湛金函〔2022〕86号"}, payouts);
//     for (const auto& p : reg.paid()) ...;       // not to be paid again
//     if (!reg.verify().ok()) ...;                // the first bad row, named
#ifndef ZJCREDIT_SCREEN_REGISTER_HPP
#define ZJCREDIT_SCREEN_REGISTER_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::screen {

/// The schema version this zjcredit writes and reads (PRAGMA user_version).
/// A register of a newer version is refused rather than misread.
inline constexpr int register_schema_version = 1;

/// PRAGMA application_id of a register ("ZJCR"): what tells a register from
/// any other SQLite database.
inline constexpr std::int32_t register_application_id = 0x5A4A4352;

/// The hash before the first row: 64 zeros.
inline constexpr std::string_view register_genesis_hash =
    "0000000000000000000000000000000000000000000000000000000000000000";

/// One payment to record: a borrower's subsidy on one loan for one period.
/// Text fields hold no control characters (they are joined by tabs and
/// line ends in the canonical text); borrower_id, loan_id and lender are
/// required, amount is not negative and from <= to.
struct payout {
    std::string borrower_id;    ///< 统一社会信用代码 or another declared registration number
    std::string borrower_name;  ///< 借款人
    std::string loan_id;        ///< 借据号, unique within its lender
    std::string lender;         ///< the lending institution
    dates::date from;           ///< first day of the subsidised period
    dates::date to;             ///< last day (inclusive)
    money::amount amount;       ///< the subsidy paid on this loan for this period
    std::string receipt_digest; ///< the digest of the receipt that explains the amount (may be empty)
};

/// What identifies a round; its time is taken at commit (UTC).
struct round_info {
    std::string round_id;      ///< unique in the register, e.g. "2022Q3"
    std::string plan_version;  ///< the plan (and overrides) the round was computed under
};

/// A row of the register.
struct paid_period {
    std::int64_t row_id = 0;      ///< the row's place in the chain, from 1, one more than the row before
    std::string round_id;         ///< the round that paid it (round_info::round_id)
    std::string committed_at;     ///< "YYYY-MM-DDTHH:MM:SSZ"
    std::string plan_version;     ///< the round's round_info::plan_version
    std::string borrower_id;      ///< as in payout::borrower_id
    std::string borrower_name;    ///< as in payout::borrower_name
    std::string loan_id;          ///< as in payout::loan_id
    std::string lender;           ///< as in payout::lender
    dates::date from;             ///< first day of the paid period
    dates::date to;               ///< last day of the paid period (inclusive)
    money::amount amount;         ///< the subsidy paid (stored as fen)
    std::string receipt_digest;   ///< as in payout::receipt_digest (may be empty)
    std::string prev_hash;        ///< the row_hash of the row before (register_genesis_hash for row 1)
    std::string row_hash;         ///< sha256_hex(canonical_row_text(*this))
};

/// A committed round, as the rounds table records it.
struct round_summary {
    std::string round_id;      ///< as in round_info::round_id
    std::string plan_version;  ///< as in round_info::plan_version
    std::string committed_at;  ///< "YYYY-MM-DDTHH:MM:SSZ", the same for every row of the round
    std::int64_t rows = 0;     ///< how many rows the round added
    money::amount total;       ///< Σ the amounts of those rows
    std::string last_hash;  ///< the chain's head after this round (keep it outside the register)
};

/// What a borrower has been paid over every round.
struct borrower_total {
    std::string borrower_id;    ///< the key the rows are summed by
    std::string borrower_name;  ///< the name of the borrower's latest row
    std::int64_t rows = 0;      ///< how many rows pay this borrower, over every round
    money::amount total;        ///< Σ their amounts
};

/// The first row (or round) where the register does not match itself.
struct register_fault {
    std::int64_t row_id = 0;    ///< 0 when the fault is a round's, not a row's
    std::string round_id;       ///< the faulty row's round, or the faulty round
    std::string borrower_id;    ///< the faulty row's borrower (empty for a round's fault)
    std::string loan_id;        ///< the faulty row's loan (empty for a round's fault)
    std::string what;           ///< why, in English ("row_hash does not match the row's content")
    std::string what_zh;        ///< the same, in Chinese
};

/// verify()'s answer: how many rows were checked and the first fault.
struct verify_report {
    std::int64_t rows_checked = 0;    ///< rows read before the check stopped (the faulty one included)
    std::int64_t rounds_checked = 0;  ///< rounds read before the check stopped (0 when a row failed)
    std::string head_hash;  ///< the last row's hash (genesis when empty)
    std::optional<register_fault> first_fault;  ///< empty when every row and round matches
    /// True when no fault was found.
    bool ok() const noexcept { return !first_fault; }
};

/// How open() treats a path with no register yet.
enum class register_open { create, existing };

/// An open payout register. Move-only; closing is the destructor's.
class payout_register {
public:
    /// Opens the register at `path`. With register_open::create a missing or
    /// empty file becomes a new register (WAL, schema version 1); with
    /// register_open::existing it is an error. Refused, with errc::validation
    /// naming the path: a file that is not a SQLite database, a database that
    /// is not a register (another application_id, or tables without one), a
    /// register of a newer schema version. errc::io when the file cannot be
    /// opened at all.
    /// The mode has no default: starting a register is a decision (a
    /// mistyped path must not become a second, empty register).
    static payout_register open(const std::filesystem::path& path, register_open mode);

    /// Takes over the open database; the moved-from register may only be
    /// destroyed or assigned to.
    payout_register(payout_register&&) noexcept;
    /// Closes this register's database and takes over the other's.
    payout_register& operator=(payout_register&&) noexcept;
    ~payout_register();

    /// Records a round: every payout in one transaction, chained after the
    /// last row. Refused as a whole (nothing written), with errc::validation:
    /// a register that does not verify (require_verified), a round_id already present, a payout whose (lender, loan_id) period
    /// overlaps one already paid or another in the round, a payout that
    /// breaks the rules of `payout`. Another writer is waited for (up to the
    /// busy timeout, then errc::io), never interleaved. Returns the round.
    round_summary commit_round(const round_info& round, std::span<const payout> payouts);

    /// Every row, in row order.
    std::vector<paid_period> paid() const;
    /// The rows of one lender's loan, in row order (what a screen checks
    /// before paying a period of it again).
    std::vector<paid_period> paid_for_loan(std::string_view lender, std::string_view loan_id) const;
    /// The committed rounds, in commit order.
    std::vector<round_summary> rounds() const;
    /// Cumulative payments per borrower, by borrower_id.
    std::vector<borrower_total> totals() const;
    /// Cumulative payments to one borrower (zero when none).
    money::amount total_paid(std::string_view borrower_id) const;

    /// Recomputes the chain and the rounds' counts and totals; names the
    /// first row (or round) that does not match.
    verify_report verify() const;

    /// The path the register was opened at, as given to open().
    const std::filesystem::path& path() const noexcept;

private:
    struct impl;
    explicit payout_register(std::unique_ptr<impl> p);
    std::unique_ptr<impl> impl_;
};

/// The fault in words (English): "row 3 (borrower …, loan …, round …): why"
/// or "round …: why".
std::string describe(const register_fault& f);

/// Throws errc::validation naming the register's path and its first fault
/// unless verify() finds none: a screen never counts as paid, and a round is
/// never chained onto, rows that were edited, removed or inserted by hand.
/// commit_round() checks it in its transaction; a screen reading a register
/// calls it before reading what was paid.
void require_verified(const payout_register& reg);

/// Opens (creating if need be) the register at `path` and commits the round,
/// in one call (tools that start a register with its first round; `zjcredit
/// screen --commit` opens an existing register instead).
round_summary commit_round(const std::filesystem::path& path, const round_info& round,
                           std::span<const payout> payouts);

/// The canonical text of a row whose hash is row_hash (docs/register.md):
/// row_id, round_id, committed_at, plan_version, borrower_id, borrower_name,
/// loan_id, lender, period_from, period_to, amount_fen, receipt_digest and
/// prev_hash, joined by tabs and ended by a line feed.
std::string canonical_row_text(const paid_period& row);

/// The SHA-256 of `text` as 64 lowercase hex digits.
std::string sha256_hex(std::string_view text);

// ---- JSON views (for the CLI and the C ABI) ----------------------------------

/// {"ok": bool, "rows_checked": n, "rounds_checked": n, "head_hash": "…",
///  "first_fault": null | {"row_id", "round_id", "borrower_id", "loan_id", "what"}}
std::string verify_report_to_json(const verify_report& report);

/// {"rounds": [...], "borrowers": [...], "rows": n, "total": "元"}
std::string register_summary_to_json(const payout_register& reg);

/// {"paid": [{"row_id", "round_id", "committed_at", "plan_version", "borrower_id",
///   "borrower_name", "loan_id", "lender", "from", "to", "amount", "receipt_digest"}, ...]}
std::string paid_to_json(const std::vector<paid_period>& rows);

}  // namespace zjcredit::screen

#endif
