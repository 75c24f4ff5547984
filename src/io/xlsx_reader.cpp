// Reading one sheet of an .xlsx: the parts out of the zip with libzip, each
// parsed as it is unpacked with expat (a sheet is never held whole), under
// the limits of include/zjcredit/limits.hpp.
#include "xlsx_reader.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstddef>
#include <exception>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace zjcredit::io {

namespace {

/// Excel's grid: 1,048,576 rows of 16,384 columns (A to XFD).
constexpr std::size_t max_rows = 1'048'576;
constexpr std::size_t max_columns = 16'384;

/// The local name of an element or attribute (expat gives "uri|name").
std::string_view local(const char* name) {
    std::string_view n(name);
    const auto bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

/// The value of the attribute with local name `name`, if any.
std::optional<std::string_view> attribute(const char** atts, std::string_view name) {
    for (std::size_t i = 0; atts[i] != nullptr; i += 2)
        if (local(atts[i]) == name) return std::string_view(atts[i + 1]);
    return std::nullopt;
}

/// An XML part's reader: expat's callbacks, forwarded.
class xml_handler {
public:
    virtual ~xml_handler() = default;
    virtual void start(std::string_view name, const char** atts) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(std::string_view) {}
};

/// The archive and what has been unpacked from it so far.
class archive {
public:
    archive(std::string_view bytes, std::string source) : source_(std::move(source)) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (src != nullptr) {
            zip_ = zip_open_from_source(src, ZIP_RDONLY, &err);
            if (zip_ == nullptr) zip_source_free(src);
        }
        if (zip_ == nullptr) {
            const std::string why = zip_error_strerror(&err);
            zip_error_fini(&err);
            throw parse_error(source_, "", "a damaged zip archive, not a readable .xlsx workbook (" + why + ")");
        }
        zip_error_fini(&err);
        const zip_int64_t entries = zip_get_num_entries(zip_, 0);
        if (entries < 0 || static_cast<zip_uint64_t>(entries) > limits::max_xlsx_entries) {
            zip_discard(zip_);
            throw parse_error(source_, "",
                              "a zip archive of more than " + std::to_string(limits::max_xlsx_entries) +
                                  " entries, not an .xlsx workbook");
        }
    }
    archive(const archive&) = delete;
    archive& operator=(const archive&) = delete;
    ~archive() { zip_discard(zip_); }

    const std::string& source() const noexcept { return source_; }

    bool has(const std::string& part) const { return zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE) >= 0; }

    /// Parses `part` with `handler`; false when the archive has no such part.
    bool parse(const std::string& part, xml_handler& handler);

private:
    std::string source_;
    zip_t* zip_ = nullptr;
    std::size_t unpacked_ = 0;
};

/// What an expat callback threw, carried out of the C parser (an exception
/// must not unwind through it) and rethrown once it has stopped.
struct parse_state {
    XML_Parser parser;
    xml_handler* handler;
    std::exception_ptr thrown;
};

template <class F>
void guarded(void* data, F&& f) {
    auto* st = static_cast<parse_state*>(data);
    if (st->thrown) return;
    try {
        f(*st->handler);
    } catch (...) {
        st->thrown = std::current_exception();
        XML_StopParser(st->parser, XML_FALSE);
    }
}

void on_start(void* data, const XML_Char* name, const XML_Char** atts) {
    guarded(data, [&](xml_handler& h) { h.start(local(name), atts); });
}
void on_end(void* data, const XML_Char* name) {
    guarded(data, [&](xml_handler& h) { h.end(local(name)); });
}
void on_text(void* data, const XML_Char* s, int len) {
    guarded(data, [&](xml_handler& h) { h.text(std::string_view(s, static_cast<std::size_t>(len))); });
}
void on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    guarded(data, [](xml_handler&) -> void { throw parse_error("", "", "a DOCTYPE declaration, which no .xlsx part has"); });
}

bool archive::parse(const std::string& part, xml_handler& handler) {
    const zip_int64_t index = zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE);
    if (index < 0) return false;
    const auto idx = static_cast<zip_uint64_t>(index);
    const std::size_t budget = limits::max_xlsx_unpacked_bytes - unpacked_;
    const auto too_big = [&] {
        return parse_error(source_ + ": " + part, "",
                           "the workbook unpacks to more than " + std::to_string(limits::max_xlsx_unpacked_bytes >> 20) +
                               " MiB of XML, the most accepted (a zip bomb?)");
    };
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_, idx, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0 && st.size > budget) throw too_big();
    std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> file(zip_fopen_index(zip_, idx, 0), zip_fclose);
    if (!file)
        throw parse_error(source_ + ": " + part, "",
                          std::string("a part that cannot be unpacked (") + zip_strerror(zip_) + ")");
    std::unique_ptr<XML_ParserStruct, void (*)(XML_Parser)> parser(XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!parser) throw std::bad_alloc();
    parse_state st_data{parser.get(), &handler, nullptr};
    XML_SetUserData(parser.get(), &st_data);
    XML_SetElementHandler(parser.get(), on_start, on_end);
    XML_SetCharacterDataHandler(parser.get(), on_text);
    XML_SetStartDoctypeDeclHandler(parser.get(), on_doctype);
    std::array<char, 1 << 16> chunk{};
    for (;;) {
        const zip_int64_t got = zip_fread(file.get(), chunk.data(), chunk.size());
        if (got < 0)
            throw parse_error(source_ + ": " + part, "",
                              std::string("a damaged part that cannot be unpacked (") +
                                  zip_error_strerror(zip_file_get_error(file.get())) + ")");
        const auto n = static_cast<std::size_t>(got);
        unpacked_ += n;
        if (unpacked_ > limits::max_xlsx_unpacked_bytes) throw too_big();
        const bool last = n == 0;
        if (XML_Parse(parser.get(), chunk.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
            if (st_data.thrown) {
                try {
                    std::rethrow_exception(st_data.thrown);
                } catch (const parse_error& e) {
                    // Cell errors name the file and their cell (a run can
                    // read several workbooks); the rest name the part.
                    if (!e.field().empty()) throw parse_error(source_ + ":" + e.field(), e.text(), e.detail(), e.position());
                    throw parse_error(source_ + ": " + part, e.text(), e.detail());
                }
            }
            throw parse_error(source_ + ": " + part, "",
                              std::string("malformed XML at line ") +
                                  std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                                  XML_ErrorString(XML_GetErrorCode(parser.get())));
        }
        if (last) return true;
    }
}

/// OOXML escapes characters XML cannot hold as _xHHHH_ (and "_" itself as
/// _x005F_ where it would be misread): decoded to UTF-8.
std::string unescape(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i) + 2, s.begin() + static_cast<std::ptrdiff_t>(i) + 6,
                        [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; })) {
            const auto cp = static_cast<unsigned>(std::stoul(s.substr(i + 2, 4), nullptr, 16));
            if (cp < 0xD800 || cp > 0xDFFF) {
                if (cp < 0x80) {
                    out += static_cast<char>(cp);
                } else if (cp < 0x800) {
                    out += static_cast<char>(0xC0 | (cp >> 6));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                } else {
                    out += static_cast<char>(0xE0 | (cp >> 12));
                    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                    out += static_cast<char>(0x80 | (cp & 0x3F));
                }
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

/// A relationship part: Id -> (Type, Target).
struct relationship {
    std::string type;
    std::string target;
    bool external = false;
};

class rels_handler : public xml_handler {
public:
    std::map<std::string, relationship, std::less<>> by_id;
    void start(std::string_view name, const char** atts) override {
        if (name != "Relationship") return;
        const auto id = attribute(atts, "Id");
        const auto target = attribute(atts, "Target");
        if (!id || !target) return;
        const auto mode = attribute(atts, "TargetMode");
        by_id[std::string(*id)] = {std::string(attribute(atts, "Type").value_or("")), std::string(*target),
                                   mode && *mode == "External"};
    }
    void end(std::string_view) override {}
    /// The first relationship whose type ends with "/<kind>".
    const relationship* of_type(std::string_view kind) const {
        for (const auto& [id, r] : by_id)
            if (!r.external && r.type.size() > kind.size() && r.type.ends_with(kind) &&
                r.type[r.type.size() - kind.size() - 1] == '/')
                return &r;
        return nullptr;
    }
};

/// A relationship's target as a part name: relative to the folder of the
/// part whose rels it is, or absolute from the package root.
std::string resolve(const std::string& from_folder, const std::string& target) {
    std::vector<std::string> parts;
    const std::string path = target.starts_with("/") ? target.substr(1) : from_folder + target;
    std::size_t b = 0;
    while (b <= path.size()) {
        auto e = path.find('/', b);
        if (e == std::string::npos) e = path.size();
        const std::string seg = path.substr(b, e - b);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        b = e + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_of(const std::string& part) {
    return folder_of(part) + "_rels/" + part.substr(folder_of(part).size()) + ".rels";
}

struct sheet_entry {
    std::string name;
    std::string rel_id;
    bool hidden = false;
};

class workbook_handler : public xml_handler {
public:
    std::vector<sheet_entry> sheets;
    bool date1904 = false;
    void start(std::string_view name, const char** atts) override {
        if (name == "workbookPr") {
            const auto v = attribute(atts, "date1904");
            date1904 = v && (*v == "1" || *v == "true");
        } else if (name == "sheet") {
            const auto state = attribute(atts, "state");
            sheets.push_back({std::string(attribute(atts, "name").value_or("")),
                              std::string(attribute(atts, "id").value_or("")),
                              state && *state != "visible"});
        }
    }
    void end(std::string_view) override {}
};

/// Collects the text of <t> elements under `item` (an <si>, an <is>),
/// leaving out phonetic runs (<rPh>).
class text_collector {
public:
    void start(std::string_view name) {
        if (name == "rPh") ++phonetic_;
        else if (name == "t" && phonetic_ == 0) in_t_ = true;
    }
    void end(std::string_view name) {
        if (name == "rPh") --phonetic_;
        else if (name == "t") in_t_ = false;
    }
    bool text(std::string_view s) {
        if (!in_t_) return true;
        if (text_.size() + s.size() > limits::max_xlsx_cell_bytes) return false;
        text_.append(s);
        return true;
    }
    std::string take() {
        std::string out = unescape(std::move(text_));
        text_.clear();
        phonetic_ = 0;
        in_t_ = false;
        return out;
    }

private:
    std::string text_;
    int phonetic_ = 0;
    bool in_t_ = false;
};

[[noreturn]] void too_long(const std::string& where) {
    throw parse_error(where, "",
                      "a text longer than " + std::to_string(limits::max_xlsx_cell_bytes) +
                          " bytes (Excel's cells hold 32,767 characters)");
}

class shared_strings_handler : public xml_handler {
public:
    std::vector<std::string> strings;
    explicit shared_strings_handler(std::string where) : where_(std::move(where)) {}
    void start(std::string_view name, const char**) override {
        if (name == "si") in_si_ = true;
        else if (in_si_) text_.start(name);
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(text_.take());
            in_si_ = false;
        } else if (in_si_) {
            text_.end(name);
        }
    }
    void text(std::string_view s) override {
        if (in_si_ && !text_.text(s)) too_long(where_ + " string " + std::to_string(strings.size()));
    }

private:
    std::string where_;
    text_collector text_;
    bool in_si_ = false;
};

/// Built-in number formats that show dates or times: 14-22 and 45-47 in
/// every locale, 27-36 and 50-58 the East Asian locales' (年月日) ones.
bool builtin_date_format(long id) {
    return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

long to_long(std::optional<std::string_view> v, long otherwise) {
    if (!v || v->empty() || v->size() > 9) return otherwise;
    long out = 0;
    for (char c : *v) {
        if (c < '0' || c > '9') return otherwise;
        out = out * 10 + (c - '0');
    }
    return out;
}

/// How a number cell's format shows it, as far as its text is concerned.
enum class number_shown : unsigned char { plain, date, percent };

number_shown shown_by_code(std::string_view code) {
    if (xlsx_is_date_format(code)) return number_shown::date;
    if (xlsx_is_percent_format(code)) return number_shown::percent;
    return number_shown::plain;
}

/// Built-in formats: the dates above, and 9 ("0%") and 10 ("0.00%").
number_shown shown_by_builtin(long id) {
    if (builtin_date_format(id)) return number_shown::date;
    if (id == 9 || id == 10) return number_shown::percent;
    return number_shown::plain;
}

class styles_handler : public xml_handler {
public:
    std::vector<number_shown> xf_shown;  ///< per cellXfs entry
    void start(std::string_view name, const char** atts) override {
        if (name == "numFmt") {
            const long id = to_long(attribute(atts, "numFmtId"), -1);
            if (id >= 0) custom_[id] = shown_by_code(attribute(atts, "formatCode").value_or(""));
        } else if (name == "cellXfs") {
            in_cell_xfs_ = true;
        } else if (name == "xf" && in_cell_xfs_) {
            const long id = to_long(attribute(atts, "numFmtId"), 0);
            const auto c = custom_.find(id);
            xf_shown.push_back(c != custom_.end() ? c->second : shown_by_builtin(id));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs_ = false;
    }

private:
    std::map<long, number_shown> custom_;
    bool in_cell_xfs_ = false;
};

/// A cell reference "D7": 0-based column, 1-based row; nullopt if malformed.
std::optional<std::pair<std::size_t, std::size_t>> parse_ref(std::string_view r) {
    std::size_t i = 0;
    std::size_t col = 0;
    while (i < r.size() && i < 3 && r[i] >= 'A' && r[i] <= 'Z') col = col * 26 + static_cast<std::size_t>(r[i++] - 'A' + 1);
    if (i == 0 || i == r.size()) return std::nullopt;
    std::size_t row = 0;
    for (std::size_t k = i; k < r.size(); ++k) {
        if (r[k] < '0' || r[k] > '9' || k - i >= 7) return std::nullopt;
        row = row * 10 + static_cast<std::size_t>(r[k] - '0');
    }
    if (col > max_columns || row == 0 || row > max_rows) return std::nullopt;
    return std::pair{col - 1, row};
}

class sheet_handler : public xml_handler {
public:
    sheet_handler(table& out, const std::vector<std::string>& strings, const std::vector<number_shown>& xf_shown,
                  bool date1904)
        : out_(out), strings_(strings), xf_shown_(xf_shown), date1904_(date1904) {}

    void start(std::string_view name, const char** atts) override {
        if (!in_data_) {
            in_data_ = name == "sheetData";
            return;
        }
        if (in_cell_) {
            if (name == "v") in_v_ = true;
            else if (name == "f") has_formula_ = true;
            else if (name == "is") in_inline_ = true;
            else if (in_inline_) inline_.start(name);
            return;
        }
        if (name == "row") {
            const std::size_t r = static_cast<std::size_t>(to_long(attribute(atts, "r"), 0));
            row_ = r != 0 ? r : row_ + 1;
            if (r > max_rows || row_ > max_rows)
                throw parse_error(out_.sheet, std::string(attribute(atts, "r").value_or("")), "a row number past Excel's last row");
            if (row_ <= last_row_)
                throw parse_error(cell_name(out_.sheet, 0, row_), "",
                                  "row " + std::to_string(row_) + " comes after row " + std::to_string(last_row_) +
                                      " in the sheet (rows out of order or repeated)");
            last_row_ = row_;
            in_row_ = true;
            column_ = npos;
            cells_.clear();
        } else if (name == "c") {
            if (!in_row_) throw parse_error(out_.sheet, "", "a cell outside a row");
            std::size_t col = column_ == npos ? 0 : column_ + 1;
            if (const auto r = attribute(atts, "r")) {
                const auto ref = parse_ref(*r);
                if (!ref || ref->second != row_)
                    throw parse_error(cell_name(out_.sheet, col, row_), std::string(*r),
                                      "a malformed cell reference (or one outside its row)");
                col = ref->first;
            }
            if (col >= max_columns) throw parse_error(out_.sheet, "", "a cell past Excel's last column XFD");
            if (column_ != npos && col <= column_)
                throw parse_error(cell_name(out_.sheet, col, row_), "", "a cell out of order or repeated in its row");
            column_ = col;
            in_cell_ = true;
            type_ = std::string(attribute(atts, "t").value_or("n"));
            style_ = static_cast<std::size_t>(to_long(attribute(atts, "s"), 0));
            has_formula_ = false;
            has_value_ = false;
            value_.clear();
        }
    }

    void end(std::string_view name) override {
        if (!in_data_) return;
        if (in_cell_) {
            if (name == "v") {
                in_v_ = false;
            } else if (name == "is") {
                in_inline_ = false;
                inline_text_ = inline_.take();
                has_value_ = true;
            } else if (in_inline_) {
                inline_.end(name);
            } else if (name == "c") {
                in_cell_ = false;
                place(cell_text());
            }
            return;
        }
        if (name == "row") {
            in_row_ = false;
            if (!cells_.empty()) {
                out_.rows.push_back(std::move(cells_));
                out_.row_numbers.push_back(row_);
                cells_ = {};
            }
        } else if (name == "sheetData") {
            in_data_ = false;
        }
    }

    void text(std::string_view s) override {
        if (in_v_) {
            has_value_ = true;
            if (value_.size() + s.size() > limits::max_xlsx_cell_bytes) too_long(here());
            value_.append(s);
        } else if (in_inline_ && !inline_.text(s)) {
            too_long(here());
        }
    }

private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::string here() const { return cell_name(out_.sheet, column_, row_); }

    std::string cell_text() {
        if (type_ == "inlineStr") return has_value_ ? std::move(inline_text_) : std::string();
        if (!has_value_ && has_formula_)
            throw parse_error(here(), "",
                              "a formula with no calculated value; open the file in Excel and save it (its values "
                              "were never calculated)");
        if (!has_value_) return {};
        if (type_ == "s") {
            const long i = to_long(value_, -1);
            if (i < 0 || static_cast<std::size_t>(i) >= strings_.size())
                throw parse_error(here(), value_, "a shared string that the workbook does not have");
            return strings_[static_cast<std::size_t>(i)];
        }
        if (type_ == "str") return unescape(std::move(value_));
        if (type_ == "b") {
            if (value_ == "1") return "TRUE";
            if (value_ == "0") return "FALSE";
            throw parse_error(here(), value_, "a boolean cell that is neither 0 nor 1");
        }
        if (type_ == "e") throw parse_error(here(), value_, "an error value in the cell");
        if (type_ == "d") return iso_date(value_);
        if (type_ != "n") throw parse_error(here(), type_, "a cell of unknown type");
        if (value_.empty()) return {};
        switch (style_ < xf_shown_.size() ? xf_shown_[style_] : number_shown::plain) {
            case number_shown::date: return xlsx_serial_text(value_, date1904_, here());
            case number_shown::percent: return xlsx_percent_text(value_, here());
            case number_shown::plain: break;
        }
        return xlsx_number_text(value_, here());
    }

    /// A t="d" cell: ISO 8601 "YYYY-MM-DD[Thh:mm:ss[.fff]][Z]" as the date,
    /// or the date and time when the time is not midnight.
    std::string iso_date(const std::string& v) const {
        const auto digits = [&](std::size_t b, std::size_t n) {
            if (v.size() < b + n) return false;
            for (std::size_t k = b; k < b + n; ++k)
                if (v[k] < '0' || v[k] > '9') return false;
            return true;
        };
        const bool date_ok = digits(0, 4) && v.size() >= 10 && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2);
        if (!date_ok) throw parse_error(here(), v, "a date cell that is not an ISO 8601 date");
        std::string date = v.substr(0, 10);
        if (v.size() == 10) return date;
        if (v[10] != 'T' || !digits(11, 2) || v.size() < 19 || v[13] != ':' || !digits(14, 2) || v[16] != ':' ||
            !digits(17, 2))
            throw parse_error(here(), v, "a date cell that is not an ISO 8601 date");
        const std::string time = v.substr(11, 8);
        return time == "00:00:00" ? date : date + " " + time;
    }

    void place(std::string text) {
        if (text.empty()) return;
        const std::size_t added = column_ + 1 - cells_.size();
        total_cells_ += added;
        if (total_cells_ > limits::max_table_cells)
            throw parse_error(here(), "",
                              "a sheet of more than " + std::to_string(limits::max_table_cells) +
                                  " cells, the most read at once");
        cells_.resize(column_ + 1);
        cells_[column_] = std::move(text);
    }

    table& out_;
    const std::vector<std::string>& strings_;
    const std::vector<number_shown>& xf_shown_;
    bool date1904_;
    bool in_data_ = false;
    bool in_row_ = false;
    bool in_cell_ = false;
    bool in_v_ = false;
    bool in_inline_ = false;
    bool has_formula_ = false;
    bool has_value_ = false;
    std::size_t row_ = 0;
    std::size_t last_row_ = 0;
    std::size_t column_ = npos;
    std::size_t style_ = 0;
    std::size_t total_cells_ = 0;
    std::string type_;
    std::string value_;
    std::string inline_text_;
    text_collector inline_;
    std::vector<std::string> cells_;
};

std::string quoted_list(const std::vector<sheet_entry>& sheets) {
    std::string out;
    for (const auto& s : sheets) out += (out.empty() ? "\"" : ", \"") + s.name + "\"";
    return out;
}

/// Reads the workbook part the package's relationships name (usually
/// xl/workbook.xml) into `book`; returns the part's name.
std::string read_workbook(archive& zip, const std::string& source, workbook_handler& book) {
    std::string part = "xl/workbook.xml";
    {
        rels_handler root;
        if (zip.parse("_rels/.rels", root))
            if (const auto* doc = root.of_type("officeDocument")) part = resolve("", doc->target);
    }
    if (!zip.parse(part, book))
        throw parse_error(source, "", "a zip archive, not an .xlsx workbook: it has no " + part);
    return part;
}

}  // namespace

table read_xlsx(std::string_view bytes, const std::string& source, const std::string& sheet) {
    archive zip(bytes, source);
    workbook_handler book;
    const std::string workbook_part = read_workbook(zip, source, book);
    rels_handler rels;
    const std::string folder = folder_of(workbook_part);
    if (!zip.parse(rels_of(workbook_part), rels))
        throw parse_error(source, "", "not an .xlsx workbook: no " + rels_of(workbook_part));
    if (book.sheets.empty()) throw parse_error(source, "", "an .xlsx workbook with no sheets");

    const sheet_entry* chosen = nullptr;
    for (const auto& s : book.sheets)
        if (sheet.empty() ? !s.hidden : s.name == sheet) {
            chosen = &s;
            break;
        }
    if (chosen == nullptr && sheet.empty()) chosen = &book.sheets.front();  // every sheet hidden
    if (chosen == nullptr)
        throw parse_error(source, sheet,
                          "no such sheet in the workbook; its sheets are " + quoted_list(book.sheets));
    const auto rel = rels.by_id.find(chosen->rel_id);
    if (rel == rels.by_id.end() || rel->second.external)
        throw parse_error(source, chosen->name, "a sheet whose part the workbook does not name (damaged .xlsx)");
    if (!rel->second.type.ends_with("/worksheet"))
        throw parse_error(source, chosen->name, "a chart or dialog sheet, not a worksheet of cells");
    const std::string sheet_part = resolve(folder, rel->second.target);

    shared_strings_handler strings(folder + "sharedStrings.xml");  // the file is named by archive::parse
    if (const auto* r = rels.of_type("sharedStrings")) zip.parse(resolve(folder, r->target), strings);
    styles_handler styles;
    if (const auto* r = rels.of_type("styles")) zip.parse(resolve(folder, r->target), styles);

    table out;
    out.source = source;
    out.sheet = chosen->name;
    sheet_handler cells(out, strings.strings, styles.xf_shown, book.date1904);
    if (!zip.parse(sheet_part, cells))
        throw parse_error(source, chosen->name, "not an .xlsx workbook: no " + sheet_part + " for the sheet");
    return out;
}

std::vector<std::string> xlsx_sheet_names(std::string_view bytes, const std::string& source) {
    archive zip(bytes, source);
    workbook_handler book;
    (void)read_workbook(zip, source, book);
    std::vector<std::string> out;
    for (const auto& s : book.sheets)
        if (!s.hidden) out.push_back(s.name);
    return out;
}

}  // namespace zjcredit::io
