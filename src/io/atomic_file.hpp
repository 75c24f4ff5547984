// Output files that appear whole or not at all: written to a temporary file
// in the same folder, flushed, then renamed over the target. Internal.
#ifndef ZJCREDIT_SRC_IO_ATOMIC_FILE_HPP
#define ZJCREDIT_SRC_IO_ATOMIC_FILE_HPP

#include <fstream>
#include <string>

namespace zjcredit::io {

class atomic_file {
public:
    /// Opens a temporary file beside `path`; throws zjcredit::error (io) on failure.
    explicit atomic_file(std::string path);
    /// Removes the temporary file unless commit() succeeded.
    ~atomic_file();
    atomic_file(const atomic_file&) = delete;
    atomic_file& operator=(const atomic_file&) = delete;

    std::ostream& stream() { return out_; }
    /// Flushes, closes and renames into place; throws on any failure.
    void commit();

private:
    std::string path_;
    std::string temp_;
    std::ofstream out_;
    bool committed_ = false;
};

}  // namespace zjcredit::io

#endif
