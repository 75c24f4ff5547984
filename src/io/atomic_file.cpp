// Atomic output files on POSIX: open(O_EXCL) a temporary name in the target's
// folder, write, fsync, rename over the target, fsync the folder.
#include "atomic_file.hpp"

#include <zjcredit/error.hpp>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <random>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace zjcredit::io {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void io_failure(const fs::path& target, const std::string& what, int err) {
    throw error(errc::io, "path", target.string(), err != 0 ? what + ": " + std::strerror(err) : what);
}

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

}  // namespace

temp_file::temp_file(fs::path target) : target_(std::move(target)) {
    if (target_.filename().empty() || target_.filename() == "." || target_.filename() == "..")
        throw error(errc::io, "path", target_.string(), "names a folder, not a file");
    const fs::path folder = folder_of(target_);

    // Reserve a fresh name; 0666 so the file gets the usual umask permissions.
    int fd = -1;
    for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
        path_ = folder / ("." + target_.filename().string() + ".tmp-" + random_suffix());
        fd = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST)
            io_failure(target_, "cannot create a temporary file in " + folder.string(), errno);
    }
    if (fd < 0) io_failure(target_, "cannot create a temporary file in " + folder.string(), EEXIST);
    descriptor d(fd);
    if (d.close() != 0) {
        const int err = errno;
        ::unlink(path_.c_str());
        io_failure(target_, "cannot close the temporary file", err);
    }
}

temp_file::~temp_file() {
    if (!published_) ::unlink(path_.c_str());
}

void temp_file::publish() {
    {
        descriptor fd(::open(path_.c_str(), O_RDONLY | O_CLOEXEC));
        if (fd.get() < 0) io_failure(target_, "cannot reopen the temporary file", errno);
        if (::fsync(fd.get()) != 0) io_failure(target_, "cannot flush the temporary file", errno);
    }
    if (::rename(path_.c_str(), target_.c_str()) != 0) io_failure(target_, "cannot rename the temporary file", errno);
    published_ = true;

    // Make the rename itself durable; a failure here does not undo the write.
    descriptor dir(::open(folder_of(target_).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() >= 0) ::fsync(dir.get());
}

atomic_file::atomic_file(const fs::path& target) : temp_(target) {
    errno = 0;
    out_.open(temp_.path(), std::ios::binary | std::ios::trunc);
    if (!out_) io_failure(temp_.target(), "cannot open the temporary file", errno);
}

void atomic_file::commit() {
    errno = 0;
    out_.flush();
    if (!out_) io_failure(temp_.target(), "cannot write the temporary file", errno);
    out_.close();
    if (out_.fail()) io_failure(temp_.target(), "cannot close the temporary file", errno);
    temp_.publish();
}

void write_atomically(const fs::path& target, const std::function<void(const fs::path& temp)>& produce) {
    temp_file temp(target);
    produce(temp.path());  // may throw: `temp` removes the file
    temp.publish();
}

void write_text_atomically(const fs::path& target, std::string_view bytes) {
    atomic_file file(target);
    file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.commit();
}

}  // namespace zjcredit::io
