// The payout register: opening (and creating) it, committing a round in one
// transaction, and reading what was paid (docs/register.md).
#include "register_impl.hpp"

#include <zjcredit/money/format.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <numeric>

namespace zjcredit::screen {

namespace {

using detail::connection;
using detail::statement;

// STRICT tables: a value of the wrong type, written by hand, is refused by
// SQLite itself rather than stored and misread. The payouts columns are in
// the canonical text's order (detail::canonical_columns), then row_hash.
constexpr const char* schema_sql = R"sql(
CREATE TABLE rounds (
    round_id     TEXT PRIMARY KEY NOT NULL,
    plan_version TEXT NOT NULL,
    committed_at TEXT NOT NULL,
    row_count    INTEGER NOT NULL,
    total_fen    INTEGER NOT NULL,
    last_hash    TEXT NOT NULL
) STRICT;
CREATE TABLE payouts (
    row_id         INTEGER PRIMARY KEY,
    round_id       TEXT NOT NULL REFERENCES rounds(round_id),
    committed_at   TEXT NOT NULL,
    plan_version   TEXT NOT NULL,
    borrower_id    TEXT NOT NULL,
    borrower_name  TEXT NOT NULL,
    loan_id        TEXT NOT NULL,
    lender         TEXT NOT NULL,
    period_from    TEXT NOT NULL,
    period_to      TEXT NOT NULL,
    amount_fen     INTEGER NOT NULL,
    receipt_digest TEXT NOT NULL,
    prev_hash      TEXT NOT NULL,
    row_hash       TEXT NOT NULL
) STRICT;
CREATE INDEX payouts_by_loan ON payouts(lender, loan_id);
CREATE INDEX payouts_by_borrower ON payouts(borrower_id);
)sql";

[[noreturn]] void refuse(const std::filesystem::path& path, const std::string& why) {
    throw validation_error("register", path.string(), why);
}

/// Whether the database holds no tables, indexes or views at all.
bool is_blank(connection& db) {
    return db.integer("PRAGMA application_id") == 0 && db.integer("PRAGMA user_version") == 0 &&
           db.integer("SELECT count(*) FROM sqlite_schema") == 0;
}

/// Refuses anything but a register of a schema version this code reads.
void check_is_register(connection& db) {
    const std::int64_t app = db.integer("PRAGMA application_id");
    if (app != register_application_id) {
        if (app == 0 && db.integer("SELECT count(*) FROM sqlite_schema") == 0)
            refuse(db.path(), "is an empty database, not a payout register");
        refuse(db.path(), "is a SQLite database but not a payout register (application_id " + std::to_string(app) +
                              ", a register's is " + std::to_string(register_application_id) + ")");
    }
    const std::int64_t version = db.integer("PRAGMA user_version");
    if (version > register_schema_version)
        refuse(db.path(), "is a payout register of schema version " + std::to_string(version) +
                              ", newer than this zjcredit reads (" + std::to_string(register_schema_version) +
                              "); use a newer zjcredit");
    if (version < 1) refuse(db.path(), "is a payout register without a schema version (damaged)");
}

void create_schema(connection& db) {
    // WAL: readers do not block the writer, and a killed writer leaves
    // nothing half-done (the uncommitted tail of the log is ignored).
    db.exec("PRAGMA journal_mode=WAL");
    detail::write_transaction tx(db);
    if (!is_blank(db)) return;  // another process created it meanwhile; checked by the caller
    db.exec(schema_sql);
    db.exec(("PRAGMA application_id=" + std::to_string(register_application_id)).c_str());
    db.exec(("PRAGMA user_version=" + std::to_string(register_schema_version)).c_str());
    tx.commit();
}

/// The time of a commit: UTC, to the second.
std::string utc_now() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

/// Text fields are joined by tabs and line ends in the canonical text, so
/// none may hold a control character.
void require_text(std::string_view text, const std::string& field, bool required) {
    if (required && text.empty()) throw validation_error(field, "", "must not be empty");
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x20 || c == 0x7F)
            throw parse_error(field, std::string(text), "holds a control character (tab, line end, ...)", i);
    }
}

void check_payout(const payout& p, std::size_t i) {
    const std::string at = "payouts[" + std::to_string(i) + "].";
    require_text(p.borrower_id, at + "borrower_id", true);
    require_text(p.borrower_name, at + "borrower_name", false);
    require_text(p.loan_id, at + "loan_id", true);
    require_text(p.lender, at + "lender", true);
    require_text(p.receipt_digest, at + "receipt_digest", false);
    if (p.from > p.to)
        throw validation_error(at + "from", dates::to_string(p.from) + ".." + dates::to_string(p.to),
                               "the period ends before it starts");
    if (p.amount.is_negative()) throw validation_error(at + "amount", money::to_string(p.amount), "is negative");
}

std::string period_text(std::string_view from, std::string_view to) {
    return std::string(from) + ".." + std::string(to);
}

/// Refuses a payout whose (lender, loan_id) period overlaps another in the
/// round or one already in the register: paid once means paid once.
void check_not_paid_twice(connection& db, std::span<const payout> payouts) {
    std::vector<std::size_t> order(payouts.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto key = [&](std::size_t i) { return std::tie(payouts[i].lender, payouts[i].loan_id, payouts[i].from); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return key(a) < key(b); });
    for (std::size_t k = 1; k < order.size(); ++k) {
        const payout& a = payouts[order[k - 1]];
        const payout& b = payouts[order[k]];
        if (a.lender == b.lender && a.loan_id == b.loan_id && b.from <= a.to)
            throw validation_error("payouts[" + std::to_string(order[k]) + "]", b.lender + " " + b.loan_id,
                                   "the period " + period_text(dates::to_string(b.from), dates::to_string(b.to)) +
                                       " overlaps payouts[" + std::to_string(order[k - 1]) + "] (" +
                                       period_text(dates::to_string(a.from), dates::to_string(a.to)) +
                                       ") of the same loan in this round");
    }
    statement q(db,
                "SELECT row_id, round_id, period_from, period_to FROM payouts "
                "WHERE lender = ?1 AND loan_id = ?2 AND period_from <= ?4 AND period_to >= ?3 LIMIT 1");
    for (std::size_t i = 0; i < payouts.size(); ++i) {
        const payout& p = payouts[i];
        const std::string from = dates::to_string(p.from), to = dates::to_string(p.to);
        q.reset();
        q.bind(1, p.lender).bind(2, p.loan_id).bind(3, from).bind(4, to);
        if (q.step())
            throw validation_error("payouts[" + std::to_string(i) + "]", p.lender + " " + p.loan_id,
                                   "the period " + period_text(from, to) + " overlaps " +
                                       period_text(q.text(2), q.text(3)) + ", already paid in round " + q.text(1) +
                                       " (row " + std::to_string(q.integer(0)) + ")");
    }
}

paid_period read_row(const statement& s) {
    paid_period r;
    r.row_id = s.integer(0);
    r.round_id = s.text(1);
    r.committed_at = s.text(2);
    r.plan_version = s.text(3);
    r.borrower_id = s.text(4);
    r.borrower_name = s.text(5);
    r.loan_id = s.text(6);
    r.lender = s.text(7);
    r.from = dates::parse_date(s.text(8), "period_from");
    r.to = dates::parse_date(s.text(9), "period_to");
    r.amount = money::amount::from_fen(s.integer(10));
    r.receipt_digest = s.text(11);
    r.prev_hash = s.text(12);
    r.row_hash = s.text(13);
    return r;
}

std::vector<paid_period> read_rows(connection& db, std::string_view where, std::string_view lender = {},
                                   std::string_view loan_id = {}) {
    statement s(db, "SELECT " + detail::payout_select_list() + " FROM payouts " + std::string(where) +
                        " ORDER BY row_id");
    if (!lender.empty()) s.bind(1, lender).bind(2, loan_id);
    std::vector<paid_period> out;
    while (s.step()) out.push_back(read_row(s));
    return out;
}

}  // namespace

payout_register::payout_register(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
payout_register::payout_register(payout_register&&) noexcept = default;
payout_register& payout_register::operator=(payout_register&&) noexcept = default;
payout_register::~payout_register() = default;

const std::filesystem::path& payout_register::path() const noexcept { return impl_->path; }

payout_register payout_register::open(const std::filesystem::path& path, register_open mode) {
    if (mode == register_open::existing) {
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            throw zjcredit::error(errc::io, "register", path.string(), "no such file");
    }
    auto p = std::make_unique<impl>(path, mode == register_open::create);
    p->db.exec("PRAGMA foreign_keys=ON");
    // FULL: a committed round is on disk before commit_round returns.
    p->db.exec("PRAGMA synchronous=FULL");
    if (mode == register_open::create && is_blank(p->db)) create_schema(p->db);
    check_is_register(p->db);
    return payout_register(std::move(p));
}

round_summary payout_register::commit_round(const round_info& round, std::span<const payout> payouts) {
    require_text(round.round_id, "round_id", true);
    require_text(round.plan_version, "plan_version", true);
    for (std::size_t i = 0; i < payouts.size(); ++i) check_payout(payouts[i], i);

    connection& db = impl_->db;
    detail::write_transaction tx(db);
    require_verified(*this);  // inside the transaction: what is checked is what the round is chained onto
    {
        statement seen(db, "SELECT committed_at FROM rounds WHERE round_id = ?1");
        seen.bind(1, round.round_id);
        if (seen.step())
            throw validation_error("round_id", round.round_id,
                                   "is already in the register (committed " + seen.text(0) + "); not paid again");
    }
    check_not_paid_twice(db, payouts);

    std::int64_t row_id = 0;
    std::string prev(register_genesis_hash);
    {
        statement last(db, "SELECT row_id, row_hash FROM payouts ORDER BY row_id DESC LIMIT 1");
        if (last.step()) {
            row_id = last.integer(0);
            prev = last.text(1);
        }
    }

    round_summary summary{round.round_id, round.plan_version, utc_now(), 0, money::amount{}, prev};
    std::vector<paid_period> rows;
    rows.reserve(payouts.size());
    for (const payout& p : payouts) {
        paid_period r{++row_id, round.round_id, summary.committed_at, round.plan_version, p.borrower_id,
                      p.borrower_name, p.loan_id, p.lender, p.from, p.to, p.amount, p.receipt_digest, prev, {}};
        r.row_hash = sha256_hex(canonical_row_text(r));
        prev = r.row_hash;
        summary.total = summary.total + p.amount;
        rows.push_back(std::move(r));
    }
    summary.rows = static_cast<std::int64_t>(rows.size());
    summary.last_hash = prev;

    statement add_round(db, "INSERT INTO rounds VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    add_round.bind(1, summary.round_id).bind(2, summary.plan_version).bind(3, summary.committed_at);
    add_round.bind(4, summary.rows).bind(5, summary.total.fen()).bind(6, summary.last_hash);
    add_round.step();

    statement add(db, "INSERT INTO payouts (" + detail::payout_select_list() +
                          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
    for (const paid_period& r : rows) {
        add.reset();
        add.bind(1, r.row_id).bind(2, r.round_id).bind(3, r.committed_at).bind(4, r.plan_version);
        add.bind(5, r.borrower_id).bind(6, r.borrower_name).bind(7, r.loan_id).bind(8, r.lender);
        add.bind(9, dates::to_string(r.from)).bind(10, dates::to_string(r.to)).bind(11, r.amount.fen());
        add.bind(12, r.receipt_digest).bind(13, r.prev_hash).bind(14, r.row_hash);
        add.step();
    }
    tx.commit();
    return summary;
}

std::vector<paid_period> payout_register::paid() const { return read_rows(impl_->db, ""); }

std::vector<paid_period> payout_register::paid_for_loan(std::string_view lender, std::string_view loan_id) const {
    return read_rows(impl_->db, "WHERE lender = ?1 AND loan_id = ?2", lender, loan_id);
}

std::vector<round_summary> payout_register::rounds() const {
    statement s(impl_->db,
                "SELECT round_id, plan_version, committed_at, row_count, total_fen, last_hash FROM rounds "
                "ORDER BY rowid");
    std::vector<round_summary> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), s.text(2), s.integer(3), money::amount::from_fen(s.integer(4)),
                       s.text(5)});
    return out;
}

std::vector<borrower_total> payout_register::totals() const {
    // Summed here, not by SQLite's sum(), so that an overflow is an
    // overflow_error and not a silent switch to floating point.
    statement s(impl_->db, "SELECT borrower_id, borrower_name, amount_fen FROM payouts ORDER BY borrower_id, row_id");
    std::vector<borrower_total> out;
    while (s.step()) {
        std::string id = s.text(0);
        if (out.empty() || out.back().borrower_id != id) out.push_back({std::move(id), {}, 0, money::amount{}});
        out.back().borrower_name = s.text(1);
        out.back().rows += 1;
        out.back().total = out.back().total + money::amount::from_fen(s.integer(2));
    }
    return out;
}

money::amount payout_register::total_paid(std::string_view borrower_id) const {
    statement s(impl_->db, "SELECT amount_fen FROM payouts WHERE borrower_id = ?1");
    s.bind(1, borrower_id);
    money::amount total;
    while (s.step()) total = total + money::amount::from_fen(s.integer(0));
    return total;
}

round_summary commit_round(const std::filesystem::path& path, const round_info& round,
                           std::span<const payout> payouts) {
    return payout_register::open(path, register_open::create).commit_round(round, payouts);
}

}  // namespace zjcredit::screen
