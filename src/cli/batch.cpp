// Streaming batches of records through a rule, with row-numbered errors,
// --keep-going rejects and a progress bar on a terminal.
#include "batch.hpp"

#include "output.hpp"

#include "../io/csv.hpp"
#include "../json/document.hpp"

#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace zjcredit::cli {

bool parse_flag(const std::string& text, const std::string& field) {
    for (const char* t : {"true", "1", "yes", "y", "Y", "TRUE", "True", "是"})
        if (text == t) return true;
    for (const char* f : {"false", "0", "no", "n", "N", "FALSE", "False", "否"})
        if (text == f) return false;
    throw parse_error(field, text, "expected true or false (also 1/0, yes/no, 是/否)");
}

namespace {

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

std::string join_reasons(const std::vector<rules::reason>& reasons, bool en) {
    std::string out;
    for (const auto& r : reasons) {
        if (!out.empty()) out += en ? "; " : "；";
        out += en ? r.message_en : r.message_zh;
    }
    return out;
}

std::string join_codes(const std::vector<rules::reason>& reasons) {
    std::string out;
    for (const auto& r : reasons) out += (out.empty() ? "" : ";") + r.code;
    return out;
}

/// Writes outcomes as CSV (UTF-8 with BOM) or as a JSON array.
class outcome_writer {
public:
    outcome_writer(std::ostream& out, const options& o, std::string_view id_column)
        : out_(out), csv_(out), json_(o.json), en_(o.lang == "en") {
        if (json_) {
            out_ << "[";
        } else {
            csv_.bom();
            csv_.row({std::string(id_column), "eligible", "amount", "reasons", en_ ? "explanation" : "说明"});
        }
    }
    void write(const record_outcome& r) {
        if (json_) {
            out_ << (first_ ? "\n" : ",\n") << r.result_json;
            // result_json ends with a newline from json::dump; keep arrays tidy.
            first_ = false;
        } else {
            csv_.row({r.id, r.eligible ? "true" : "false", r.amount, join_codes(r.reasons), join_reasons(r.reasons, en_)});
        }
    }
    void finish() {
        if (json_) out_ << "]\n";
    }

private:
    std::ostream& out_;
    io::csv_writer csv_;
    bool json_;
    bool en_;
    bool first_ = true;
};

/// The rejects file of --keep-going: the rejected rows and why.
class rejects_writer {
public:
    rejects_writer(const options& o, const std::string& input) {
        if (!o.keep_going) return;
        path_ = o.rejects ? *o.rejects : (input == "-" ? std::string("rejects.csv") : input + ".rejects.csv");
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
    void commit() {
        if (file_) file_->commit();
    }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    std::vector<std::string> columns_;
    std::unique_ptr<output> file_;
    std::unique_ptr<io::csv_writer> csv_;
    std::size_t count_ = 0;
};

/// An error about an input location, keeping the library error's code.
[[noreturn]] void rethrow_at(const zjcredit::error& e, const std::string& where) {
    throw zjcredit::error(e.code(), where + (e.field().empty() ? "" : ": " + e.field()), e.text(), e.detail(),
                          e.position());
}

int run_json(const options& o, const record_kind& kind, const std::string& file, const std::string& text) {
    const json::value doc = json::parse(text, file);
    const json::value items = doc.is_array() ? doc : json::value::array({doc});
    output out(o.output);
    outcome_writer writer(out.stream(), o, kind.columns.front());
    rejects_writer rejects(o, file);
    for (std::size_t i = 0; i < items.size(); ++i) {
        try {
            writer.write(kind.from_json(json::dump(items[i])));
        } catch (const zjcredit::error& e) {
            const std::string where = file + "[" + std::to_string(i) + "]";
            if (!rejects.active()) rethrow_at(e, where);
            rejects.reject(i, where + ": " + e.what(), {});
        }
    }
    writer.finish();
    out.commit();
    rejects.commit();
    if (rejects.count() > 0) {
        std::cerr << "zjcredit: " << rejects.count() << " " << kind.noun << "(s) rejected, see " << rejects.path() << "\n";
        return rows_rejected;
    }
    return ok;
}

}  // namespace

int run_batch(const options& o, const record_kind& kind) {
    const std::string& file = input_file(o);
    std::ifstream file_in;
    if (file != "-") {
        file_in.open(file, std::ios::binary);
        if (!file_in) throw zjcredit::error(errc::io, "file", file, "cannot open for reading");
    }
    std::istream& in = file == "-" ? std::cin : file_in;

    // JSON when the first non-blank character (after a UTF-8 BOM, if any)
    // opens an array or an object. The bytes looked at are kept in `head`
    // and handed to the CSV reader, so its line numbers count blank lines.
    std::string head;
    for (const char b : {'\xEF', '\xBB', '\xBF'}) {
        if (in.peek() != std::char_traits<char>::to_int_type(b)) break;
        head += static_cast<char>(in.get());
    }
    const bool bom = head.size() == 3;
    const bool partial_bom = !head.empty() && !bom;  // not JSON; the CSV reader will say what it is
    int first = in.peek();
    while (!partial_bom && (first == ' ' || first == '\t' || first == '\r' || first == '\n')) {
        head += static_cast<char>(in.get());
        first = in.peek();
    }
    if (first == '[' || first == '{') {
        std::ostringstream s;
        s << in.rdbuf();
        return run_json(o, kind, file, head.substr(bom ? 3 : 0) + s.str());
    }

    io::csv_reader reader(in, file, input_encoding(o), std::move(head));
    const auto header_row = reader.next();
    if (!header_row) throw parse_error(file, "", "empty file: expected a header row");
    const io::csv_header header(*header_row, file);
    header.only(kind.columns);
    for (auto column : kind.required) header.at(column);
    const std::size_t key = header.at(kind.key_column);

    output out(o.output);
    outcome_writer writer(out.stream(), o, kind.key_column);
    rejects_writer rejects(o, file);
    rejects.header(*header_row);
    progress bar(file);

    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
    std::size_t last_row = 0;
    const std::string empty;
    const auto cell = [&](std::size_t row, std::string_view column) -> const std::string& {
        last_row = row;
        const auto i = header.find(column);
        if (!i || *i >= rows[row].size()) return empty;
        return rows[row][*i];
    };
    const auto flush = [&] {
        if (rows.empty()) return;
        try {
            last_row = 0;
            writer.write(kind.from_rows(rows, cell));
        } catch (const zjcredit::error& e) {
            const std::string where = file + ":" + std::to_string(lines[last_row]);
            if (!rejects.active()) rethrow_at(e, where);
            for (std::size_t r = 0; r < rows.size(); ++r) rejects.reject(lines[r], where + ": " + e.what(), rows[r]);
        }
        rows.clear();
        lines.clear();
    };
    while (auto row = reader.next()) {
        if (row->size() != header_row->size()) {
            const auto e = parse_error(file + ":" + std::to_string(reader.line()), "",
                                       "row has " + std::to_string(row->size()) + " fields, the header " +
                                           std::to_string(header_row->size()));
            if (!rejects.active()) throw e;
            flush();
            rejects.reject(reader.line(), e.what(), *row);
            continue;
        }
        if (!rows.empty() && (*row)[key] != rows.front()[key]) flush();
        rows.push_back(std::move(*row));
        lines.push_back(reader.line());
        bar.update(reader.bytes_read());
    }
    flush();
    writer.finish();
    out.commit();
    rejects.commit();
    if (rejects.count() > 0) {
        std::cerr << "zjcredit: " << rejects.count() << " row(s) rejected, see " << rejects.path() << "\n";
        return rows_rejected;
    }
    return ok;
}

}  // namespace zjcredit::cli
