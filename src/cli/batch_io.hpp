// The output side of the CLI's record batches, shared by the general
// streaming loop (batch.cpp) and the subsidy's batch-engine path
// (subsidy_blocks.cpp): the --keep-going rejects file, the progress bar, and errors located in the input.
#ifndef ZJCREDIT_CLI_BATCH_IO_HPP
#define ZJCREDIT_CLI_BATCH_IO_HPP

#include "batch.hpp"
#include "output.hpp"
#include "results.hpp"

#include "../io/csv.hpp"

#include <zjcredit/error.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace zjcredit::cli::detail {

/// Prints a percentage to stderr while a large file streams, only on a terminal.
class progress {
public:
    explicit progress(const std::string& file) {
        struct stat st {};
        if (file != "-" && ::isatty(2) && ::stat(file.c_str(), &st) == 0 && st.st_size > (8 << 20))
            total_ = static_cast<std::uint64_t>(st.st_size);
    }
    void update(std::uint64_t done) {
        if (total_ == 0) return;
        const auto percent = static_cast<int>(done * 100 / total_);
        if (percent == shown_) return;
        shown_ = percent;
        std::fprintf(stderr, "\r%3d%%", percent);
    }
    ~progress() {
        if (total_ != 0 && shown_ >= 0) std::fprintf(stderr, "\r    \r");
    }

private:
    std::uint64_t total_ = 0;
    int shown_ = -1;
};

/// The rejects file of --keep-going: the rejected rows and why.
class rejects_writer {
public:
    rejects_writer(const options& o, const std::string& input) {
        if (!o.keep_going) return;
        path_ = o.rejects ? *o.rejects : (input == "-" ? std::string("rejects.csv") : input + ".rejects.csv");
        // The rejects file is replaced or removed at the end: never the input or the output.
        for (const std::string* other : {&input, o.output ? &*o.output : nullptr})
            if (other != nullptr && *other != "-" && same_file(path_, *other))
                throw parse_error("--rejects", path_, "is also the input or the output file");
    }
    bool active() const { return !path_.empty(); }
    void header(const std::vector<std::string>& columns) {
        columns_ = columns;
        columns_.insert(columns_.begin(), {"line", "error"});
    }
    void reject(std::size_t line, const std::string& error, const std::vector<std::string>& row) {
        if (!file_) {
            file_ = std::make_unique<output>(path_);
            csv_ = std::make_unique<io::csv_writer>(file_->stream());
            csv_->bom();
            csv_->row(columns_.empty() ? std::vector<std::string>{"line", "error"} : columns_);
        }
        std::vector<std::string> fields{std::to_string(line), error};
        fields.insert(fields.end(), row.begin(), row.end());
        csv_->row(fields);
        ++count_;
    }
    std::size_t count() const { return count_; }
    /// Publishes the rejects; with none, removes a rejects file an earlier
    /// run left at the same path, so that it is not taken for this run's.
    void commit() {
        if (file_) {
            file_->commit();
            return;
        }
        if (!active() || !written_by_us(path_)) return;
        std::error_code ec;
        std::filesystem::remove(path_, ec);
        if (ec)
            throw zjcredit::error(errc::io, "rejects", path_,
                                  "cannot remove the rejects file of an earlier run: " + ec.message());
    }
    const std::string& path() const { return path_; }

private:
    static bool same_file(const std::string& a, const std::string& b) {
        std::error_code ea, eb;
        const auto ca = std::filesystem::weakly_canonical(a, ea);
        const auto cb = std::filesystem::weakly_canonical(b, eb);
        return !ea && !eb && ca == cb;
    }
    /// Whether `path` starts as a rejects file does (BOM, then "line,error"):
    /// only such a file is removed as an earlier run's.
    static bool written_by_us(const std::string& path) {
        static constexpr std::string_view start = "\xEF\xBB\xBFline,error";
        std::ifstream in(path, std::ios::binary);
        std::string head(start.size(), '\0');
        return in.read(head.data(), static_cast<std::streamsize>(head.size())) && head == start;
    }

    std::string path_;
    std::vector<std::string> columns_;
    std::unique_ptr<output> file_;
    std::unique_ptr<io::csv_writer> csv_;
    std::size_t count_ = 0;
};

/// The end of a run: closes the result, publishes it and the rejects (or
/// removes an earlier run's), says on stderr (in the run's language) how
/// many `what`s were rejected; returns the exit status.
inline int finish_run(result_writer& writer, output& out, rejects_writer& rejects, bool en,
                      std::string_view what = "row") {
    writer.finish();
    out.commit();
    rejects.commit();
    if (rejects.count() > 0) {
        if (en) std::cerr << "zjcredit: " << rejects.count() << " " << what << "(s) rejected, see " << rejects.path() << "\n";
        else std::cerr << "zjcredit: " << rejects.count() << " 条被拒，未计入结果；原因见 " << rejects.path() << "\n";
        return rows_rejected;
    }
    return ok;
}

/// An error about an input location, keeping the library error's code.
[[noreturn]] inline void rethrow_at(const zjcredit::error& e, const std::string& where) {
    throw zjcredit::error(e.code(), where + (e.field().empty() ? "" : ": " + e.field()), e.text(), e.detail(),
                          e.position());
}

}  // namespace zjcredit::cli::detail

#endif
