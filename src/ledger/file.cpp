// Atomic file writing on POSIX: open(O_EXCL) a temporary name in the target's
// folder, write, fsync, rename over the target, fsync the folder.
#include "file.hpp"

#include <zjcredit/error.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zjcredit::ledger::detail {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void io_failure(const fs::path& target, const std::string& what, int err) {
    throw error(errc::io, "path", target.string(), what + ": " + std::strerror(err));
}

/// Removes the temporary file unless released; never throws.
class temp_file {
public:
    explicit temp_file(fs::path path) : path_(std::move(path)) {}
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
    ~temp_file() {
        if (!released_) ::unlink(path_.c_str());
    }
    const fs::path& path() const noexcept { return path_; }
    void release() noexcept { released_ = true; }

private:
    fs::path path_;
    bool released_ = false;
};

class descriptor {
public:
    explicit descriptor(int fd) : fd_(fd) {}
    descriptor(const descriptor&) = delete;
    descriptor& operator=(const descriptor&) = delete;
    ~descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const noexcept { return fd_; }
    /// Closes now and reports the result (close can report a failed write).
    int close() noexcept {
        const int r = ::close(fd_);
        fd_ = -1;
        return r;
    }

private:
    int fd_;
};

std::string random_suffix() {
    static std::atomic<unsigned> counter{0};
    thread_local std::mt19937_64 engine{std::random_device{}()};
    static const char hex[] = "0123456789abcdef";
    std::string out = std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)) + "-";
    auto bits = engine();
    for (int i = 0; i < 8; ++i) {
        out += hex[bits & 0xFU];
        bits >>= 4U;
    }
    return out;
}

fs::path folder_of(const fs::path& target) {
    const fs::path parent = target.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}

void write_all(int fd, std::string_view bytes, const fs::path& target) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            io_failure(target, "cannot write the temporary file", errno);
        }
        done += static_cast<std::size_t>(n);
    }
}

void sync_path(const fs::path& file, const fs::path& target) {
    descriptor fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) io_failure(target, "cannot reopen the temporary file", errno);
    if (::fsync(fd.get()) != 0) io_failure(target, "cannot flush the temporary file", errno);
}

}  // namespace

void write_atomically(const fs::path& target, const std::function<void(const fs::path& temp)>& produce) {
    if (target.filename().empty() || target.filename() == "." || target.filename() == "..")
        throw error(errc::io, "path", target.string(), "names a folder, not a file");
    const fs::path folder = folder_of(target);

    // Reserve a fresh name; 0666 so the file gets the usual umask permissions.
    fs::path temp_path;
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        temp_path = folder / ("." + target.filename().string() + ".tmp-" + random_suffix());
        fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            io_failure(target, "cannot create a temporary file in " + folder.string(), errno);
    }
    if (fd < 0) io_failure(target, "cannot create a temporary file in " + folder.string(), EEXIST);
    temp_file temp(temp_path);
    {
        descriptor d(fd);
        if (d.close() != 0) io_failure(target, "cannot close the temporary file", errno);
    }

    produce(temp.path());  // may throw: `temp` removes the file
    sync_path(temp.path(), target);

    if (::rename(temp.path().c_str(), target.c_str()) != 0) io_failure(target, "cannot rename the temporary file", errno);
    temp.release();

    // Make the rename itself durable; a failure here does not undo the write.
    descriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) ::fsync(dir.get());
}

void write_text_atomically(const fs::path& target, std::string_view bytes) {
    write_atomically(target, [&](const fs::path& temp) {
        descriptor fd(::open(temp.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC));
        if (fd.get() < 0) io_failure(target, "cannot open the temporary file", errno);
        write_all(fd.get(), bytes, target);
        if (fd.close() != 0) io_failure(target, "cannot close the temporary file", errno);
    });
}

}  // namespace zjcredit::ledger::detail
