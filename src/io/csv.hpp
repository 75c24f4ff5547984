// CSV as Excel on a Chinese Windows machine writes and reads it: RFC 4180
// quoting, LF or CRLF, UTF-8 with or without a BOM, or GB18030. Records are
// read one at a time so that a file of any size streams in constant memory.
// Internal to the compiled part.
#ifndef ZJCREDIT_SRC_IO_CSV_HPP
#define ZJCREDIT_SRC_IO_CSV_HPP

#include <cstddef>
#include <cstdint>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::io {

enum class encoding { detect, utf8, gb18030 };

/// Longest record accepted, in bytes; longer input is an error, not a hang.
inline constexpr std::size_t max_record_bytes = 1 << 20;

/// Reads CSV records from a stream, converting each field to UTF-8.
class csv_reader {
public:
    /// `name` is used in messages ("loans.csv"). With encoding::detect the
    /// first bytes decide: a UTF-8 BOM or valid UTF-8 means UTF-8, anything
    /// else GB18030. `prefix` holds bytes already taken from the start of
    /// `in` (e.g. while sniffing for JSON): they are read first, so line
    /// numbers and BOM detection see the whole file.
    csv_reader(std::istream& in, std::string name, encoding enc = encoding::detect, std::string prefix = {});

    /// The next record, or nullopt at the end. Throws parse_error naming the
    /// file, the line number and the problem (unterminated quote, invalid
    /// text, an over-long record).
    std::optional<std::vector<std::string>> next();

    /// 1-based line number where the last record returned started.
    std::size_t line() const noexcept { return record_line_; }
    /// 1-based record number of the last record returned (the header is 1).
    std::size_t record() const noexcept { return record_number_; }
    /// The encoding in use once the first record has been read.
    encoding detected() const noexcept { return enc_; }
    /// Bytes consumed so far, for progress reports.
    std::uint64_t bytes_read() const noexcept { return bytes_; }

private:
    bool fill();
    std::string to_utf8(std::string raw) const;

    std::istream& in_;
    std::string name_;
    encoding enc_;
    std::string buffer_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    std::size_t line_ = 1;
    std::size_t record_line_ = 0;
    std::size_t record_number_ = 0;
    std::uint64_t bytes_ = 0;
};

/// A whole text in UTF-8: as is when it starts with a UTF-8 BOM (kept) or is
/// valid UTF-8 (encoding::detect), else converted from GB18030. Throws
/// parse_error naming `name` for text that is neither.
std::string text_to_utf8(std::string text, const std::string& name, encoding enc = encoding::detect);

/// Writes CSV records: RFC 4180 quoting, CRLF line ends. Call bom() first
/// for a file Excel opens as UTF-8.
class csv_writer {
public:
    explicit csv_writer(std::ostream& out) : out_(out) {}
    void bom() { out_ << "\xEF\xBB\xBF"; }
    void row(const std::vector<std::string>& fields);

private:
    std::ostream& out_;
};

/// Maps header names to column indexes; errors name the file and column.
class csv_header {
public:
    csv_header(const std::vector<std::string>& names, std::string file);
    /// Index of a required column.
    std::size_t at(std::string_view name) const;
    std::optional<std::size_t> find(std::string_view name) const;
    /// Throws parse_error for a column not in `known`.
    void only(const std::vector<std::string_view>& known) const;

private:
    std::vector<std::string> names_;
    std::string file_;
};

}  // namespace zjcredit::io

#endif
