// SQLite's C API behind RAII, with its failures as zjcredit::error.
#include "sqlite.hpp"

#include <zjcredit/error.hpp>

#include <gsl/narrow>
#include <sqlite3.h>

namespace zjcredit::screen::detail {

namespace {

/// How long a writer waits for another's transaction before giving up:
/// long enough for any round a screen commits, short enough to report a
/// register held by a stuck process.
constexpr int busy_timeout_ms = 30000;

}  // namespace

connection::connection(const std::filesystem::path& path, bool create) : path_(path) {
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.string().c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw zjcredit::error(errc::io, "register", path.string(), "cannot open the register: " + why);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
}

connection::~connection() { sqlite3_close_v2(db_); }

void connection::fail(int rc, std::string_view doing) const {
    const std::string why = std::string(doing) + ": " + sqlite3_errmsg(db_);
    switch (rc & 0xFF) {
    case SQLITE_NOTADB:
        throw validation_error("register", path_.string(), "is not a payout register (not a SQLite database)");
    case SQLITE_CORRUPT:
        throw validation_error("register", path_.string(), "is damaged (" + why + ")");
    case SQLITE_CONSTRAINT:
        throw validation_error("register", path_.string(), why);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw zjcredit::error(errc::io, "register", path_.string(),
                              "is held by another writer (" + why + "); try again later");
    default:
        throw zjcredit::error(errc::io, "register", path_.string(), why);
    }
}

void connection::exec(const char* sql) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
}

statement connection::prepare(std::string_view sql) { return statement(*this, sql); }

std::int64_t connection::integer(const char* sql) {
    statement s(*this, sql);
    if (!s.step()) throw zjcredit::error(errc::io, "register", path_.string(), std::string(sql) + " gave no row");
    return s.integer(0);
}

statement::statement(connection& db, std::string_view sql) : db_(&db) {
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), gsl::narrow<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) db.fail(rc, sql);
}

statement::~statement() { sqlite3_finalize(stmt_); }

statement::statement(statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) { other.stmt_ = nullptr; }

statement& statement::bind(int index, std::string_view text) {
    const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a value");
    return *this;
}

statement& statement::bind(int index, std::int64_t value) {
    const int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) db_->fail(rc, "binding a value");
    return *this;
}

bool statement::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    db_->fail(rc, sqlite3_sql(stmt_));
}

void statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::int64_t statement::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string statement::text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    if (p == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(p), gsl::narrow<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool statement::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

write_transaction::write_transaction(connection& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

write_transaction::~write_transaction() {
    if (open_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void write_transaction::commit() {
    db_.exec("COMMIT");
    open_ = false;
}

}  // namespace zjcredit::screen::detail
