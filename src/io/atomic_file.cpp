// Atomic output files.
#include "atomic_file.hpp"

#include <zjcredit/error.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace zjcredit::io {

namespace {
[[noreturn]] void io_failure(const std::string& path, const std::string& what) {
    throw zjcredit::error(errc::io, "file", path, what + (errno ? std::string(": ") + std::strerror(errno) : ""));
}
}  // namespace

atomic_file::atomic_file(std::string path) : path_(std::move(path)) {
    temp_ = path_ + ".tmp." + std::to_string(::getpid());
    errno = 0;
    out_.open(temp_, std::ios::binary | std::ios::trunc);
    if (!out_) io_failure(path_, "cannot create a temporary file beside it");
}

atomic_file::~atomic_file() {
    if (!committed_) {
        out_.close();
        std::remove(temp_.c_str());
    }
}

void atomic_file::commit() {
    errno = 0;
    out_.flush();
    if (!out_) io_failure(path_, "cannot write");
    out_.close();
    if (out_.fail()) io_failure(path_, "cannot close");
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) io_failure(path_, "cannot rename the temporary file");
    committed_ = true;
}

}  // namespace zjcredit::io
