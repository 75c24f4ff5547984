// Where a subcommand's output goes: stdout, or a file written atomically
// (a temporary file beside it, renamed into place only when all went well).
// Either way a run that fails half-way leaves no partial results behind.
#ifndef ZJCREDIT_CLI_OUTPUT_HPP
#define ZJCREDIT_CLI_OUTPUT_HPP

#include "../io/atomic_file.hpp"

#include <zjcredit/error.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>

namespace zjcredit::cli {

/// stdout's text held back until it is complete: written to a temporary
/// file and copied to stdout by commit(). A run that fails half-way prints
/// nothing, so `zjcredit subsidy … > 结果.csv` never leaves a truncated
/// table (or half a JSON document) that looks like a result, and a large
/// output still does not sit in memory.
class held_stdout {
public:
    held_stdout()
        : temp_(std::filesystem::temp_directory_path() / "zjcredit-stdout"), out_(temp_.path(), std::ios::binary) {
        if (!out_) throw error(errc::io, "stdout", temp_.path().string(), "cannot open a temporary file for the output");
        // Results name borrowers and amounts: for this user's eyes only while they wait.
        std::filesystem::permissions(temp_.path(),
                                     std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
    std::ostream& stream() { return out_; }
    /// Copies the text to stdout; the temporary file goes with the object.
    void commit() {
        out_.close();
        if (!out_) throw error(errc::io, "stdout", temp_.path().string(), "cannot write the output's temporary file");
        std::ifstream in(temp_.path(), std::ios::binary);
        if (in.peek() != std::ifstream::traits_type::eof()) std::cout << in.rdbuf();  // an empty rdbuf would set failbit
        std::cout.flush();
        if (!in || !std::cout) throw error(errc::io, "output", "stdout", "cannot write");
    }

private:
    io::temp_file temp_;  // declared first: removed after out_ is closed
    std::ofstream out_;
};

class output {
public:
    /// `path` empty or "-" means stdout.
    explicit output(const std::optional<std::string>& path) {
        if (path && *path != "-") file_ = std::make_unique<io::atomic_file>(*path);
        else stdout_ = std::make_unique<held_stdout>();
    }
    std::ostream& stream() { return file_ ? file_->stream() : stdout_->stream(); }
    /// Publishes the file, or prints the text; without this call nothing is
    /// left behind.
    void commit() {
        if (file_) file_->commit();
        else stdout_->commit();
    }

private:
    std::unique_ptr<io::atomic_file> file_;
    std::unique_ptr<held_stdout> stdout_;
};

}  // namespace zjcredit::cli

#endif
