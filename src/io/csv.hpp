// CSV as Excel on a Chinese Windows machine writes and reads it: RFC 4180
// quoting, LF or CRLF, UTF-8 with or without a BOM, or GB18030. Records are
// read one at a time so that a file of any size streams in constant memory.
// The one CSV reader of the compiled part: the CLI's batches and observations,
// and ledger::read_ledger_csv. Internal to the compiled part.
#ifndef ZJCREDIT_SRC_IO_CSV_HPP
#define ZJCREDIT_SRC_IO_CSV_HPP

#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>

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

/// The encoding a user names: "utf-8" or "gb18030" (also "utf8", "UTF-8",
/// "GB18030"), detect for an empty name; a parse_error naming `field`
/// otherwise.
encoding encoding_named(std::string_view name, std::string_view field);

/// Longest record accepted, in bytes; longer input is an error, not a hang.
inline constexpr std::size_t max_record_bytes = limits::max_csv_record_bytes;

/// A record the reader cannot split or decode: a parse_error located at
/// "name:line" that also says which record and field it concerns, so that a
/// caller can report it in its own terms (ledger::csv_error).
class csv_format_error : public parse_error {
public:
    csv_format_error(const std::string& name, std::size_t line, std::size_t record, std::size_t column,
                     std::string field_text, std::string quoted, std::string message)
        : parse_error(name + ":" + std::to_string(line), std::move(quoted), std::move(message)),
          line_(line),
          record_(record),
          column_(column),
          field_text_(std::move(field_text)) {}

    /// 1-based line the record starts on.
    std::size_t line() const noexcept { return line_; }
    /// 1-based record number (the header is 1; blank lines are not records).
    std::size_t record() const noexcept { return record_; }
    /// 1-based field of the record.
    std::size_t column() const noexcept { return column_; }
    /// The field's text as far as it was read ("" for undecodable bytes).
    const std::string& field_text() const noexcept { return field_text_; }

private:
    std::size_t line_;
    std::size_t record_;
    std::size_t column_;
    std::string field_text_;
};

/// Reads CSV records from a stream, converting each field to UTF-8. Records
/// end with LF or CRLF (a CR elsewhere outside quotes is an error); blank
/// lines are skipped.
class csv_reader {
public:
    /// `name` is used in messages ("loans.csv"). With encoding::detect a
    /// UTF-8 BOM means UTF-8; otherwise the encoding is undecided while the
    /// records read are ASCII (the same bytes in both), and the first
    /// non-ASCII bytes decide it, wherever they are: valid UTF-8 (the rest of
    /// their line) means UTF-8, anything else GB18030. A later record
    /// that is not in the encoding so decided is an error that says the file
    /// mixes encodings. The stream is never read ahead for this. `prefix` holds bytes already taken from the start of
    /// `in` (e.g. while sniffing for JSON): they are read first, so line
    /// numbers and BOM detection see the whole file.
    csv_reader(std::istream& in, std::string name, encoding enc = encoding::detect, std::string prefix = {});

    /// The next record, or nullopt at the end. Throws csv_format_error
    /// naming the file, the line number and the problem (unterminated quote,
    /// a stray quote or CR, invalid text, an over-long record).
    std::optional<std::vector<std::string>> next();

    /// The same as next(), into `fields` (their strings are reused, so a
    /// loop over a file need not allocate): false at the end, `fields`
    /// then unspecified. The same records, line numbers and errors.
    bool next(std::vector<std::string>& fields);

    /// When the next record is a plain line: a line in UTF-8 or ASCII, not
    /// blank, with no quote and no CR but one before its LF, and no longer
    /// than the limit, so that its fields are its bytes split at every
    /// comma: appends those bytes (without the line end) to `out` and, for
    /// each field in turn, the offset in `out` where it ends (its comma, or
    /// the end of the line) to `ends`, reads the record and returns true.
    /// Otherwise, and at the end, returns false having read and appended
    /// nothing; next() then reads the record (or says it is the end) as it
    /// always does.
    bool next_line(std::string& out, std::vector<std::size_t>& ends);

    /// 1-based line number where the last record returned started.
    std::size_t line() const noexcept { return record_line_; }
    /// 1-based record number of the last record returned (the header is 1).
    std::size_t record() const noexcept { return record_number_; }
    /// The encoding in use: encoding::detect while every record read so far
    /// was ASCII (and there was no BOM).
    encoding detected() const noexcept { return enc_; }
    /// Bytes consumed so far, for progress reports.
    std::uint64_t bytes_read() const noexcept { return bytes_; }

private:
    bool fill();
    void start();
    bool next_plain(std::vector<std::string>& fields);
    bool plain_line(const char*& b, const char*& e, std::size_t& line_bytes);
    void took_line(std::size_t line_bytes) noexcept;
    std::optional<std::vector<std::string>> next_general();
    std::string to_utf8(std::string raw, std::size_t column);
    void decide(std::string_view sample, std::size_t line, bool complete);
    bool mixed() const noexcept;
    [[noreturn]] void fail(std::size_t column, std::string field_text, const std::string& message) const;

    std::istream& in_;
    std::string name_;
    encoding enc_;
    bool detecting_;  // the encoding is chosen from the bytes
    std::size_t decided_line_ = 0;  // the line whose bytes chose it
    bool started_ = false;
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
    std::string row_buffer_;  ///< the row being written, kept for its capacity: one write per row
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
