// Where a subcommand's output goes: stdout, or a file written atomically
// (a temporary file beside it, renamed into place only when all went well).
#ifndef ZJCREDIT_CLI_OUTPUT_HPP
#define ZJCREDIT_CLI_OUTPUT_HPP

#include "../io/atomic_file.hpp"

#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace zjcredit::cli {

class output {
public:
    /// `path` empty or "-" means stdout.
    explicit output(const std::optional<std::string>& path) {
        if (path && *path != "-") file_ = std::make_unique<io::atomic_file>(*path);
    }
    std::ostream& stream() { return file_ ? file_->stream() : std::cout; }
    /// Publishes the file; without this call a file output leaves nothing behind.
    void commit() {
        if (file_) file_->commit();
        else std::cout.flush();
    }

private:
    std::unique_ptr<io::atomic_file> file_;
};

}  // namespace zjcredit::cli

#endif
