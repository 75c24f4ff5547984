// Output files that appear whole or not at all: a fresh temporary file
// (O_EXCL) in the target's folder is filled, fsync'ed and renamed over the
// target, then the folder is fsync'ed. If anything fails the temporary file
// is removed and the target is untouched; failures of the file system are
// zjcredit::error(errc::io) naming the target. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_IO_ATOMIC_FILE_HPP
#define ZJCREDIT_SRC_IO_ATOMIC_FILE_HPP

#include <filesystem>
#include <fstream>
#include <functional>
#include <ostream>
#include <string_view>

namespace zjcredit::io {

/// A reserved temporary file beside a target, removed on destruction unless
/// published. The building block of atomic_file and write_atomically.
class temp_file {
public:
    /// Creates an empty temporary file next to `target`.
    explicit temp_file(std::filesystem::path target);
    ~temp_file();
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;

    const std::filesystem::path& path() const noexcept { return path_; }
    const std::filesystem::path& target() const noexcept { return target_; }
    /// Makes the temporary file durable and renames it to the target.
    void publish();

private:
    std::filesystem::path target_;
    std::filesystem::path path_;
    bool published_ = false;
};

/// The streaming form: write to stream(), then commit(). Destroyed without
/// a successful commit(), it removes its temporary file.
class atomic_file {
public:
    explicit atomic_file(const std::filesystem::path& target);
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;

    std::ostream& stream() { return out_; }
    /// Flushes, closes, makes durable and renames into place; throws on any failure.
    void commit();

private:
    temp_file temp_;  // declared first: destroyed after out_ is closed
    std::ofstream out_;
};

/// The produce-by-path form: `produce` fills the temporary file by its path
/// (e.g. a library that writes files itself); then it is published.
void write_atomically(const std::filesystem::path& target,
                      const std::function<void(const std::filesystem::path& temp)>& produce);

/// write_atomically with `bytes` as the content.
void write_text_atomically(const std::filesystem::path& target, std::string_view bytes);

}  // namespace zjcredit::io

#endif
