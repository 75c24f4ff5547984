// Header names to record fields (include/zjcredit/rules/columns.hpp).
#include <zjcredit/rules/columns.hpp>

#include "../io/table.hpp"
#include "../json/document.hpp"
#include "../io/read_all.hpp"

#include <algorithm>
#include <fstream>

namespace zjcredit::rules {

namespace {

constexpr std::string_view full_width_space = "\u3000";

/// `text` without ASCII and full-width spaces at either end.
std::string_view trimmed(std::string_view text) noexcept {
    for (;;) {
        if (text.starts_with(' ') || text.starts_with('\t')) text.remove_prefix(1);
        else if (text.starts_with(full_width_space)) text.remove_prefix(full_width_space.size());
        else if (text.ends_with(' ') || text.ends_with('\t')) text.remove_suffix(1);
        else if (text.ends_with(full_width_space)) text.remove_suffix(full_width_space.size());
        else return text;
    }
}

/// The bracket pairs a unit may be written in.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> brackets{{
    {"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}}};

std::string join_headers(const column_names& c) {
    std::string out = std::string(c.field);
    for (const auto h : c.headers)
        if (!h.empty()) out += ", " + std::string(h);
    return out;
}

const column_names* names_of(std::string_view field, std::span<const column_names> fields) {
    for (const auto& c : fields)
        if (c.field == field) return &c;
    return nullptr;
}

/// The field `header` names: the caller's mapping first, then the known names.
std::optional<std::string_view> mapped_field(const std::string& header, const header_name& split,
                                             std::span<const column_names> fields,
                                             std::span<const std::pair<std::string, std::string>> extra) {
    for (const auto& [from, to] : extra) {
        if (trimmed(from) != trimmed(header) && trimmed(from) != split.name) continue;
        const column_names* c = names_of(to, fields);
        if (c == nullptr) {
            std::string known;
            for (const auto& f : fields) known += (known.empty() ? "" : ", ") + std::string(f.field);
            throw parse_error("columns", to, "is not a field of this table; the fields are " + known);
        }
        return c->field;
    }
    return field_of(split.name, fields);
}

}  // namespace

std::string accepted_headers(std::string_view field, std::span<const column_names> fields) {
    const column_names* c = names_of(field, fields);
    return c ? join_headers(*c) : std::string(field);
}

header_name split_header(std::string_view header) {
    std::string_view name = trimmed(header);
    header_name out;
    for (const auto& [open, close] : brackets) {
        if (!name.ends_with(close)) continue;
        const auto at = name.rfind(open);
        if (at == std::string_view::npos || at == 0) continue;
        out.unit = std::string(trimmed(name.substr(at + open.size(), name.size() - at - open.size() - close.size())));
        name = trimmed(name.substr(0, at));
        break;
    }
    if (out.unit.empty()) {
        for (const std::string_view percent : {"%", "％"}) {
            if (name.size() > percent.size() && name.ends_with(percent)) {
                out.unit = "%";
                name = trimmed(name.substr(0, name.size() - percent.size()));
                break;
            }
        }
    }
    if (out.unit == "％") out.unit = "%";
    out.name = std::string(name);
    return out;
}

std::optional<std::string_view> field_of(std::string_view name, std::span<const column_names> fields) {
    for (const auto& c : fields) {
        if (name == c.field) return c.field;
        for (const auto h : c.headers)
            if (!h.empty() && name == h) return c.field;
    }
    return std::nullopt;
}

column_map::column_map(std::vector<std::string> header, std::span<const column_names> fields,
                       std::span<const std::pair<std::string, std::string>> extra, std::string source)
    : header_(std::move(header)), fields_(fields), source_(std::move(source)) {
    for (const auto& h : header_) {
        split_.push_back(split_header(h));
        field_.push_back(trimmed(h).empty() ? std::nullopt : mapped_field(h, split_.back(), fields, extra));
    }
    for (std::size_t a = 0; a < field_.size(); ++a)
        for (std::size_t b = a + 1; b < field_.size(); ++b)
            if (field_[a] && field_[a] == field_[b])
                throw parse_error(source_ + ": header", header_[b],
                                  "names the field " + std::string(*field_[a]) + " as \"" + header_[a] +
                                      "\" does: keep one of the two columns, or map one to another field with "
                                      "--columns");
}

std::optional<std::size_t> column_map::find(std::string_view field) const {
    for (std::size_t i = 0; i < field_.size(); ++i)
        if (field_[i] == field) return i;
    return std::nullopt;
}

std::size_t column_map::at(std::string_view field) const {
    if (const auto i = find(field)) return *i;
    std::string unknown;
    for (const std::size_t i : unmapped())
        if (!header_[i].empty()) unknown += (unknown.empty() ? "" : ", ") + header_[i];
    throw parse_error(source_ + ": header", std::string(field),
                      "missing column: no column names this field; a header named " +
                          accepted_headers(field, fields_) +
                          " is accepted, or map your own header to it with --columns" +
                          (unknown.empty() ? "" : " (columns that name no field: " + unknown + ")"));
}

const std::string& column_map::unit(std::string_view field) const {
    static const std::string none;
    const auto i = find(field);
    return i ? split_[*i].unit : none;
}

std::string column_map::label(std::size_t column, std::string_view field) const {
    // Only the column's own field is named by its header: an error about
    // another field located at this cell (the claim period, say) is not.
    if (column >= header_.size() || field_[column] != field) return std::string(field);
    const std::string_view header = trimmed(header_[column]);
    if (header.empty() || split_[column].name == field) return std::string(field);
    return std::string(header) + " (" + std::string(field) + ")";
}

std::vector<std::size_t> column_map::unmapped() const {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < field_.size(); ++i)
        if (!field_[i]) out.push_back(i);
    return out;
}

std::optional<std::size_t> find_header_row(std::span<const std::vector<std::string>> rows,
                                           std::span<const column_names> fields,
                                           std::span<const std::pair<std::string, std::string>> extra) {
    const std::size_t wanted = std::min<std::size_t>(3, fields.size());
    const std::size_t last = std::min(rows.size(), max_title_rows + 1);
    for (std::size_t r = 0; r < last; ++r) {
        std::size_t named = 0;
        for (const auto& cell : rows[r]) {
            if (trimmed(cell).empty()) continue;
            try {
                if (mapped_field(cell, split_header(cell), fields, extra)) ++named;
            } catch (const error&) {
                // a mapping naming an unknown field is reported by column_map
                ++named;
            }
        }
        if (named >= wanted) return r;
    }
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> read_column_mapping(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "--columns", path, "cannot open for reading");
    std::string text = io::read_all(in, path);
    std::vector<std::pair<std::string, std::string>> out;
    const std::string_view start = trimmed(std::string_view(text).substr(text.starts_with("\xEF\xBB\xBF") ? 3 : 0));
    if (start.starts_with('{')) {
        const json::value doc = json::parse(std::string(start), path);
        if (!doc.is_object()) throw parse_error(path, "", "a column mapping is an object {\"your header\": \"field\"}");
        for (const auto& [header, field] : doc.items()) {
            if (!field.is_string())
                throw parse_error(path + ": " + header, "", "the field a header maps to is a string, e.g. \"loan_id\"");
            out.emplace_back(header, field.get<std::string>());
        }
        return out;
    }
    const io::table t = io::read_table_bytes(std::move(text), path);
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const auto cell = [&](std::size_t c) { return c < row.size() ? std::string(trimmed(row[c])) : std::string(); };
        if (r == 0 && ((cell(0) == "header" && cell(1) == "field") || (cell(0) == "列名" && cell(1) == "字段"))) continue;
        if (cell(0).empty() && cell(1).empty()) continue;
        if (cell(0).empty() || cell(1).empty() || row.size() > 2)
            throw parse_error(t.locate(r, 0), cell(0), "a mapping row is two cells: your header, then a field name");
        out.emplace_back(cell(0), cell(1));
    }
    return out;
}

}  // namespace zjcredit::rules
