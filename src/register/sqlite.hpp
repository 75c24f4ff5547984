// A thin RAII layer over SQLite's C API for the payout register: one
// connection, prepared statements with bound values, and SQLite's failures
// turned into zjcredit::error naming the register's path. Internal.
#ifndef ZJCREDIT_SRC_REGISTER_SQLITE_HPP
#define ZJCREDIT_SRC_REGISTER_SQLITE_HPP

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace zjcredit::screen::detail {

class statement;

/// One connection; closed by the destructor.
class connection {
public:
    /// Opens `path` read-write (creating it when `create`); errc::io when it cannot.
    connection(const std::filesystem::path& path, bool create);
    ~connection();
    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    /// Runs SQL that returns no rows (several statements allowed).
    void exec(const char* sql);
    statement prepare(std::string_view sql);
    /// The single integer a query such as "PRAGMA user_version" returns.
    std::int64_t integer(const char* sql);

    /// Throws for SQLite result code `rc` (not SQLITE_OK, _ROW, _DONE):
    /// errc::validation when the file is not a database, errc::io otherwise.
    [[noreturn]] void fail(int rc, std::string_view doing) const;

    const std::filesystem::path& path() const noexcept { return path_; }
    sqlite3* handle() const noexcept { return db_; }

private:
    std::filesystem::path path_;
    sqlite3* db_ = nullptr;
};

/// A prepared statement; finalised by the destructor.
class statement {
public:
    statement(connection& db, std::string_view sql);
    ~statement();
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;
    statement(statement&& other) noexcept;

    statement& bind(int index, std::string_view text);
    statement& bind(int index, std::int64_t value);
    /// Steps once: true with a row, false when done.
    bool step();
    /// Resets for another run with new bindings.
    void reset();

    std::int64_t integer(int column) const;
    /// The column as SQLite's text of it (NULL gives ""), as `sqlite3` prints it.
    std::string text(int column) const;
    bool is_null(int column) const;

private:
    connection* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// A transaction: BEGIN IMMEDIATE (so that writers queue for the write
/// lock up front instead of failing mid-way), rolled back by the destructor
/// unless committed.
class write_transaction {
public:
    explicit write_transaction(connection& db);
    ~write_transaction();
    write_transaction(const write_transaction&) = delete;
    write_transaction& operator=(const write_transaction&) = delete;
    void commit();

private:
    connection& db_;
    bool open_ = true;
};

}  // namespace zjcredit::screen::detail

#endif
