// Streaming batches of records through a rule, with row-numbered errors,
// --keep-going rejects and a progress bar on a terminal.
#include "batch.hpp"

#include "batch_io.hpp"
#include "output.hpp"
#include "subsidy_blocks.hpp"

#include "../io/csv.hpp"
#include "../io/read_all.hpp"
#include "../json/document.hpp"

#include <zjcredit/limits.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace zjcredit::cli {

using namespace detail;

namespace {

/// Whether `line` (the first line of a CSV, as bytes) is a header of
/// `kind`'s plain columns only, all those required among them: the CSV the
/// streaming paths read. Anything else is a bank's own table.
bool plain_header(std::string_view line, const record_kind& kind) {
    if (line.ends_with('\r')) line.remove_suffix(1);
    std::vector<std::string_view> names;
    for (;;) {
        const auto comma = line.find(',');
        std::string_view name = line.substr(0, comma);
        while (name.starts_with(' ')) name.remove_prefix(1);
        while (name.ends_with(' ')) name.remove_suffix(1);
        if (std::find(kind.columns.begin(), kind.columns.end(), name) == kind.columns.end()) return false;
        names.push_back(name);
        if (comma == std::string_view::npos) break;
        line.remove_prefix(comma + 1);
    }
    return std::all_of(kind.required.begin(), kind.required.end(), [&](std::string_view c) {
        return std::find(names.begin(), names.end(), c) != names.end();
    });
}

/// Options that only a bank's table (rules/table.hpp) understands.
bool table_options_given(const options& o) {
    return o.columns || o.rate_unit || o.period || o.repayments || o.sheet;
}

int run_json(const options& o, const record_kind& kind, const std::string& file, const std::string& text) {
    const json::value doc = json::parse(text, file);
    const json::value items = doc.is_array() ? doc : json::value::array({doc});
    output out(o.output);
    result_writer writer(out.stream(), o, {kind.key_header}, kind.nouns);
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
    return finish_run(writer, out, rejects, o.lang == "en", kind.noun);
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
        if (table_options_given(o))
            throw parse_error("arguments", file, "--columns, --rate-unit, --period, --repayments and --sheet are "
                                                 "for tables (CSV, .xlsx), and this input is JSON");
        return run_json(o, kind, file, io::read_all(in, file, head.substr(bom ? 3 : 0)));
    }
    // The first line decides between the streaming CSV paths and a bank's
    // table read whole (.xlsx bytes, other headers, title rows, table options).
    if (kind.run_table) {
        std::string line;
        while (line.size() < limits::max_csv_record_bytes && in.peek() != std::char_traits<char>::eof() &&
               in.peek() != '\n')
            line += static_cast<char>(in.get());
        if (!in.good() && !in.eof()) throw zjcredit::error(errc::io, "file", file, "cannot read");
        head += line;
        if (file.ends_with(".json"))  // named JSON, and not: say so rather than read it as a table
            throw parse_error(file, line,
                              head.find_first_not_of(" \t\r\n\xEF\xBB\xBF") == std::string::npos
                                  ? "empty file: expected a JSON array or object of records"
                                  : "not JSON: a file of records is a JSON array or object, starting with [ or {");
        if (table_options_given(o) || partial_bom || !plain_header(line, kind))
            return kind.run_table(o, io::read_all(in, file, std::move(head)), file);
    }

    io::csv_reader reader(in, file, input_encoding(o), std::move(head));
    const auto header_row = reader.next();
    if (!header_row) throw parse_error(file, "", "empty file: expected a header row");
    const io::csv_header header(*header_row, file);
    header.only(kind.columns);
    for (auto column : kind.required) header.at(column);
    const std::size_t key = header.at(kind.key_column);
    if (kind.subsidy_batch && !o.json && !o.receipts && kind.columns.size() == subsidy_column_count)
        return run_subsidy_blocks(o, kind, file, reader, *header_row, header, key);

    output out(o.output);
    result_writer writer(out.stream(), o, {kind.key_header}, kind.nouns);
    rejects_writer rejects(o, file);
    rejects.header(*header_row);
    progress bar(file);

    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> lines;
    std::optional<std::string> overlong_key;  // with --keep-going: the record being rejected row by row
    const auto flush = [&] {
        if (rows.empty()) return;
        try {
            writer.write(kind.from_csv({.source = file, .header = *header_row, .rows = rows, .lines = lines}));
        } catch (const rules::csv_record_error& e) {
            if (!rejects.active()) throw;
            for (std::size_t r = 0; r < rows.size(); ++r) rejects.reject(lines[r], e.what(), rows[r]);
        } catch (const zjcredit::error& e) {
            const std::string where = file + ":" + std::to_string(lines.back());
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
        if (rows.size() == limits::max_record_items) {
            // The limit of the rules (a longer record is invalid anyway),
            // checked here so that memory stays bounded however long the
            // record goes on. --keep-going rejects the rest of it row by row.
            const auto e = validation_error(file + ":" + std::to_string(reader.line()), quote_text(rows.front()[key]),
                                            std::string(kind.noun) + " has more than " +
                                                std::to_string(limits::max_record_items) + " rows");
            if (!rejects.active()) throw e;
            for (std::size_t r = 0; r < rows.size(); ++r) rejects.reject(lines[r], e.what(), rows[r]);
            rejects.reject(reader.line(), e.what(), *row);
            overlong_key = rows.front()[key];
            rows.clear();
            lines.clear();
            continue;
        }
        if (rows.empty() && overlong_key && (*row)[key] == *overlong_key) {
            rejects.reject(reader.line(), file + ":" + std::to_string(reader.line()) + ": rest of an over-long " +
                                              std::string(kind.noun), *row);
            continue;
        }
        overlong_key.reset();
        rows.push_back(std::move(*row));
        lines.push_back(reader.line());
        bar.update(reader.bytes_read());
    }
    flush();
    return finish_run(writer, out, rejects, o.lang == "en");
}

}  // namespace zjcredit::cli
