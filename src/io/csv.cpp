// CSV reading and writing.
#include "csv.hpp"

#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>

#include <iconv.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstring>
#include <memory>

namespace zjcredit::io {

encoding encoding_named(std::string_view name, std::string_view field) {
    if (name.empty()) return encoding::detect;
    if (name == "utf-8" || name == "utf8" || name == "UTF-8") return encoding::utf8;
    if (name == "gb18030" || name == "GB18030") return encoding::gb18030;
    throw parse_error(std::string(field), std::string(name), "must be utf-8 or gb18030");
}

namespace {

/// Byte offset of the first invalid UTF-8 sequence in `s`, or npos.
std::size_t invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        const std::size_t n = zjcredit::detail::decode_one(s, i, cp);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

bool valid_utf8(std::string_view s) { return invalid_utf8_at(s) == std::string_view::npos; }

/// Valid UTF-8 except perhaps for a character cut at the end of the sample.
bool plausible_utf8_prefix(std::string_view s) {
    for (std::size_t cut = 0; cut < 4 && cut <= s.size(); ++cut)
        if (valid_utf8(s.substr(0, s.size() - cut))) return true;
    return false;
}

std::string gb18030_to_utf8(const std::string& raw) {
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == reinterpret_cast<iconv_t>(-1)) throw parse_error("", "", "GB18030 conversion is not available");
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
    std::string out(raw.size() * 2 + 4, '\0');
    char* in_ptr = const_cast<char*>(raw.data());
    std::size_t in_left = raw.size();
    char* out_ptr = out.data();
    std::size_t out_left = out.size();
    while (in_left > 0) {
        if (iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
            if (errno == E2BIG) {
                const std::size_t used = static_cast<std::size_t>(out_ptr - out.data());
                out.resize(out.size() * 2);
                out_ptr = out.data() + used;
                out_left = out.size() - used;
                continue;
            }
            throw parse_error("", "", "invalid GB18030 text at byte " +
                                          std::to_string(raw.size() - in_left));
        }
    }
    out.resize(static_cast<std::size_t>(out_ptr - out.data()));
    return out;
}

/// Calls f(begin, end) for each field of a plain line [b, e): its bytes cut
/// at every comma, the one split of a plain line (next() and next_line()).
/// Eight bytes at a time: the fields of a data file are short.
template <class F>
void for_each_plain_field(const char* b, const char* e, F&& f) {
    const char* field = b;
    const char* q = b;
    if constexpr (std::endian::native == std::endian::little) {
        constexpr std::uint64_t ones = 0x0101010101010101ULL;
        constexpr std::uint64_t highs = 0x8080808080808080ULL;
        for (; e - q >= 8; q += 8) {
            std::uint64_t v;
            std::memcpy(&v, q, 8);
            const std::uint64_t x = v ^ (ones * static_cast<unsigned char>(','));
            // exact per byte (no carry between bytes): a byte's high bit is
            // set here iff the byte is a comma; the lowest address comes first
            std::uint64_t m = ~(((x & ~highs) + ~highs) | x) & highs;
            while (m != 0) {
                const char* comma = q + __builtin_ctzll(m) / 8;
                f(field, comma);
                field = comma + 1;
                m &= m - 1;
            }
        }
    }
    for (; q != e; ++q)
        if (*q == ',') {
            f(field, q);
            field = q + 1;
        }
    f(field, e);
}

}  // namespace

csv_reader::csv_reader(std::istream& in, std::string name, encoding enc, std::string prefix)
    : in_(in), name_(std::move(name)), enc_(enc), detecting_(enc == encoding::detect), buffer_(std::move(prefix)) {}

std::string text_to_utf8(std::string text, const std::string& name, encoding enc) {
    if (enc == encoding::detect)
        enc = text.starts_with("\xEF\xBB\xBF") || valid_utf8(text) ? encoding::utf8 : encoding::gb18030;
    if (enc == encoding::utf8) return text;  // the readers check UTF-8 and report where it breaks
    try {
        return gb18030_to_utf8(text);
    } catch (const zjcredit::error& e) {
        throw parse_error(name, "", e.detail());
    }
}

bool csv_reader::fill() {
    if (eof_) return false;
    if (pos_ > 0) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    char chunk[1 << 16];
    in_.read(chunk, sizeof chunk);
    const auto got = static_cast<std::size_t>(in_.gcount());
    if (got == 0) {
        eof_ = true;
        return false;
    }
    buffer_.append(chunk, got);
    return true;
}

void csv_reader::fail(std::size_t column, std::string field_text, const std::string& message) const {
    throw csv_format_error(name_, record_line_, record_number_ + 1, column, std::move(field_text), "", message);
}

// The rest of the line from its first non-ASCII byte decides: UTF-8 when
// it is valid UTF-8 (`complete`: the whole rest of the line is there; else a
// character cut at the end is allowed), GB18030 otherwise. Not more than the
// line: a later line in the other encoding is then reported as a mix, not
// silently decoded as the wrong one.
void csv_reader::decide(std::string_view sample, std::size_t line, bool complete) {
    enc_ = (complete ? valid_utf8(sample) : plausible_utf8_prefix(sample)) ? encoding::utf8 : encoding::gb18030;
    decided_line_ = line;
}

bool csv_reader::mixed() const noexcept { return detecting_ && decided_line_ != 0 && decided_line_ < record_line_; }

std::string csv_reader::to_utf8(std::string raw, std::size_t column) {
    if (enc_ == encoding::detect) {
        const auto high = std::find_if(raw.begin(), raw.end(), [](char c) { return (c & 0x80) != 0; });
        if (high == raw.end()) return raw;  // ASCII: the same in both, still undecided
        // The field from its first non-ASCII byte and the rest of its line
        // as far as the buffer holds it.
        const auto nl = buffer_.find('\n', pos_);
        const bool complete = nl != std::string::npos;
        decide(std::string(high, raw.end()) + buffer_.substr(pos_, complete ? nl - pos_ : std::string::npos),
               record_line_, complete);
    }
    if (enc_ == encoding::gb18030) {
        try {
            return gb18030_to_utf8(raw);
        } catch (const zjcredit::error& e) {
            // The bytes are not UTF-8: shown with U+FFFD so the message stays valid text.
            std::string message = e.detail();
            if (mixed() && valid_utf8(raw))
                message = "UTF-8 text, not GB18030 although the file's earlier lines are (from line " +
                          std::to_string(decided_line_) +
                          " on); is it a mix of encodings? Save the whole file as UTF-8 or GB18030";
            throw csv_format_error(name_, record_line_, record_number_ + 1, column, "",
                                   zjcredit::detail::printable(quote_text(raw)), message);
        }
    }
    if (const std::size_t at = invalid_utf8_at(raw); at != std::string_view::npos) {
        if (mixed())
            fail(column, "", "not UTF-8 (at byte " + std::to_string(at) +
                                 " of the field) although the file's earlier lines are (from line " +
                                 std::to_string(decided_line_) +
                                 " on); is it a mix of encodings? Save the whole file as UTF-8 or GB18030");
        fail(column, "", "invalid UTF-8 at byte " + std::to_string(at) +
                             (detecting_ ? " (save the file as UTF-8 or GB18030)" : ""));
    }
    return raw;
}

void csv_reader::start() {
    if (started_) return;
    started_ = true;
    while (buffer_.size() < 3 && fill()) {
    }
    if (buffer_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        pos_ = 3;
        if (enc_ == encoding::detect) enc_ = encoding::utf8;  // declared, not decided: no "mix" later
    }
    // Otherwise the encoding stays undecided while the records are ASCII:
    // the first non-ASCII bytes decide it (plain_line(), to_utf8()), however
    // far into the file they are.
}

std::optional<std::vector<std::string>> csv_reader::next() {
    std::vector<std::string> fields;
    if (!next(fields)) return std::nullopt;
    return fields;
}

bool csv_reader::next(std::vector<std::string>& fields) {
    start();
    if (next_plain(fields)) return true;
    auto record = next_general();
    if (!record) return false;
    fields = std::move(*record);
    return true;
}

// The common record, taken whole: a non-blank line in the buffer, ended by
// LF or CRLF, with no quote and no other CR, no longer than the limit, and
// ASCII (the same bytes in UTF-8 and GB18030) or, in UTF-8, valid UTF-8 as
// a whole (then so is every field: a separator is never inside a character).
// next_general() would read it to the same fields; anything else is left to it.
bool csv_reader::plain_line(const char*& line, const char*& line_end, std::size_t& line_bytes_out) {
    start();
    const void* nl = nullptr;
    for (;;) {
        nl = std::memchr(buffer_.data() + pos_, '\n', buffer_.size() - pos_);
        if (nl != nullptr || buffer_.size() - pos_ > max_record_bytes || !fill()) break;
    }
    if (nl == nullptr) return false;
    const char* const b = buffer_.data() + pos_;
    const char* e = static_cast<const char*>(nl);
    const auto line_bytes = static_cast<std::size_t>(e - b) + 1;  // with the LF
    if (line_bytes == 1 || line_bytes > max_record_bytes) return false;
    if (e[-1] == '\r') --e;
    if (e == b) return false;  // a blank line (CRLF): skipped by next_general()
    // Eight bytes at a time: any byte with the high bit, a quote or a CR.
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    const auto has_byte = [](std::uint64_t v, unsigned char c) {
        const std::uint64_t x = v ^ (ones * c);
        return ((x - ones) & ~x & highs) != 0;
    };
    std::uint64_t high = 0;
    const char* q = b;
    for (; e - q >= 8; q += 8) {
        std::uint64_t v;
        std::memcpy(&v, q, 8);
        high |= v;
        if (has_byte(v, '"') || has_byte(v, '\r')) return false;
    }
    for (; q != e; ++q) {
        const char c = *q;
        high |= static_cast<unsigned char>(c);
        if (c == '"' || c == '\r') return false;
    }
    if ((high & highs) != 0) {
        if (enc_ == encoding::detect) {
            // The first non-ASCII line decides, from its first such byte on.
            const char* h = b;
            while ((static_cast<unsigned char>(*h) & 0x80U) == 0) ++h;
            decide(std::string_view(h, static_cast<std::size_t>(e - h)), line_, true);
        }
        if (enc_ != encoding::utf8 || !valid_utf8(std::string_view(b, static_cast<std::size_t>(e - b)))) return false;
    }
    line = b;
    line_end = e;
    line_bytes_out = line_bytes;
    return true;
}

void csv_reader::took_line(std::size_t line_bytes) noexcept {
    record_line_ = line_;
    ++line_;
    ++record_number_;
    pos_ += line_bytes;
    bytes_ += line_bytes;
}

bool csv_reader::next_line(std::string& out, std::vector<std::size_t>& ends) {
    const char* b = nullptr;
    const char* e = nullptr;
    std::size_t line_bytes = 0;
    if (!plain_line(b, e, line_bytes)) return false;
    const std::size_t base = out.size();
    out.append(b, static_cast<std::size_t>(e - b));
    for_each_plain_field(b, e, [&](const char*, const char* field_end) {
        ends.push_back(base + static_cast<std::size_t>(field_end - b));
    });
    took_line(line_bytes);
    return true;
}

bool csv_reader::next_plain(std::vector<std::string>& fields) {
    const char* b = nullptr;
    const char* e = nullptr;
    std::size_t line_bytes = 0;
    if (!plain_line(b, e, line_bytes)) return false;
    std::size_t n = 0;
    for_each_plain_field(b, e, [&](const char* f, const char* fe) {
        if (n < fields.size()) fields[n].assign(f, static_cast<std::size_t>(fe - f));
        else fields.emplace_back(f, static_cast<std::size_t>(fe - f));
        ++n;
    });
    fields.resize(n);
    took_line(line_bytes);
    return true;
}

std::optional<std::vector<std::string>> csv_reader::next_general() {
    std::vector<std::string> fields;
    std::string field;
    bool in_quotes = false;
    bool field_was_quoted = false;  // a quoted field was closed: only a separator may follow
    std::size_t quote_line = 0;
    std::size_t record_bytes = 0;
    record_line_ = line_;
    const auto column = [&] { return fields.size() + 1; };
    const auto end_field = [&] {
        fields.push_back(to_utf8(std::move(field), column()));
        field.clear();
        field_was_quoted = false;
    };
    for (;;) {
        if (pos_ >= buffer_.size() && !fill()) {
            if (in_quotes)
                fail(column(), field,
                     "unterminated quote: a quoted field opened on line " + std::to_string(quote_line) +
                         " is never closed");
            if (fields.empty() && field.empty() && !field_was_quoted) return std::nullopt;
            end_field();
            ++record_number_;
            return fields;
        }
        const char c = buffer_[pos_++];
        ++bytes_;
        if (++record_bytes > max_record_bytes)
            fail(column(), "", "record longer than " + std::to_string(max_record_bytes) + " bytes");
        if (in_quotes) {
            if (c == '"') {
                if (pos_ >= buffer_.size()) fill();
                if (pos_ < buffer_.size() && buffer_[pos_] == '"') {
                    field += '"';
                    ++pos_;
                    ++bytes_;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line_;
                field += c;
            }
            continue;
        }
        switch (c) {
            case ',':
                end_field();
                break;
            case '\r':  // CRLF: the LF ends the record
                if (pos_ >= buffer_.size()) fill();
                if (pos_ >= buffer_.size() || buffer_[pos_] != '\n')
                    fail(column(), field, "a carriage return (CR) not followed by a line feed (LF)");
                break;
            case '\n':
                ++line_;
                if (fields.empty() && field.empty() && !field_was_quoted) {
                    record_line_ = line_;  // skip blank lines
                    record_bytes = 0;
                    break;
                }
                end_field();
                ++record_number_;
                return fields;
            default:
                if (field_was_quoted)
                    fail(column(), field + c,
                         "unexpected text after the closing quote; a field is either wholly quoted or not at all");
                if (c == '"') {
                    if (!field.empty())
                        fail(column(), field + c,
                             "a quote inside an unquoted field; quote the whole field and double the quote");
                    in_quotes = true;
                    field_was_quoted = true;
                    quote_line = line_;
                    break;
                }
                field += c;
        }
    }
}

void csv_writer::row(const std::vector<std::string>& fields) {
    // A record of one empty field written bare would be a blank line, which
    // readers (ours included) skip: quote it so that the record survives.
    if (fields.size() == 1 && fields[0].empty()) {
        out_ << "\"\"\r\n";
        return;
    }
    // Built in one string and written at once: a stream's per-character
    // insertions cost more than the row's bytes (an explanation cell holds
    // a loan's whole arithmetic).
    row_buffer_.clear();
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) row_buffer_ += ',';
        const std::string_view f = fields[i];
        if (f.find_first_of(",\"\r\n") == std::string_view::npos) {
            row_buffer_ += f;
            continue;
        }
        row_buffer_ += '"';
        for (std::size_t from = 0;;) {  // each '"' doubled
            const std::size_t quote = f.find('"', from);
            if (quote == std::string_view::npos) {
                row_buffer_ += f.substr(from);
                break;
            }
            row_buffer_ += f.substr(from, quote + 1 - from);
            row_buffer_ += '"';
            from = quote + 1;
        }
        row_buffer_ += '"';
    }
    row_buffer_ += "\r\n";
    out_.write(row_buffer_.data(), static_cast<std::streamsize>(row_buffer_.size()));
}

csv_header::csv_header(const std::vector<std::string>& names, std::string file)
    : names_(names), file_(std::move(file)) {
    for (auto& n : names_) {
        // Trim spaces Excel users leave around header names.
        const auto b = n.find_first_not_of(' ');
        const auto e = n.find_last_not_of(' ');
        n = b == std::string::npos ? std::string() : n.substr(b, e - b + 1);
    }
    for (std::size_t i = 0; i < names_.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (names_[i] == names_[j])
                throw parse_error(file_ + ": header", names_[i], "duplicate column");
}

std::optional<std::size_t> csv_header::find(std::string_view name) const {
    const auto it = std::find(names_.begin(), names_.end(), name);
    if (it == names_.end()) return std::nullopt;
    return static_cast<std::size_t>(it - names_.begin());
}

std::size_t csv_header::at(std::string_view name) const {
    if (auto i = find(name)) return *i;
    throw parse_error(file_ + ": header", std::string(name), "required column is missing");
}

void csv_header::only(const std::vector<std::string_view>& known) const {
    for (const auto& n : names_)
        if (std::find(known.begin(), known.end(), n) == known.end())
            throw parse_error(file_ + ": header", n, "unknown column");
}

}  // namespace zjcredit::io
