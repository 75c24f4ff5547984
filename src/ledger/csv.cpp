// CSV of the 工作台账: writing (through the shared tables) and reading a
// filled ledger back, every error located by row and column.
#include "../io/atomic_file.hpp"
#include "../io/csv.hpp"
#include "../io/read_all.hpp"
#include "table.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/ledger/io.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

namespace zjcredit::ledger {

std::string blank_ledger_csv(const plan::plan& p, const template_options& options) {
    return detail::to_csv(detail::blank_ledger_sheet(p, options));
}

std::string ledger_csv(const plan::plan& p, std::span<const submission> submissions) {
    return detail::to_csv(detail::ledger_sheet(p, submissions));
}

std::string compliance_csv(std::span<const month_compliance> months, const liaison_compliance* liaison) {
    return detail::to_csv(detail::compliance_sheet(months, liaison));
}

void write_blank_ledger_csv(const std::filesystem::path& path, const plan::plan& p, const template_options& options) {
    io::write_text_atomically(path, blank_ledger_csv(p, options));
}

void write_ledger_csv(const std::filesystem::path& path, const plan::plan& p, std::span<const submission> submissions) {
    io::write_text_atomically(path, ledger_csv(p, submissions));
}

void write_compliance_csv(const std::filesystem::path& path, std::span<const month_compliance> months,
                          const liaison_compliance* liaison) {
    io::write_text_atomically(path, compliance_csv(months, liaison));
}

namespace {

/// Errors of a ledger CSV: a csv_error naming the row (the record number,
/// header = 1), the column with its name once the header is known, and the
/// line the record starts on when that differs from the row.
struct error_site {
    std::string source;
    const std::vector<std::string>* header = nullptr;

    [[noreturn]] void fail(errc code, std::size_t row, std::size_t line, std::size_t column, const std::string& text,
                           const std::string& message) const {
        std::string name;
        if (header != nullptr && column >= 1 && column <= header->size()) name = (*header)[column - 1];
        std::string where = line != row ? " (record starting on line " + std::to_string(line) + ")" : "";
        throw csv_error(code, source, row, column, name, text, message + where);
    }
};

/// The next record; a malformed one (quoting, a lone CR, invalid UTF-8) is a csv_error.
std::optional<std::vector<std::string>> next_record(io::csv_reader& reader, const error_site& site) {
    try {
        return reader.next();
    } catch (const io::csv_format_error& e) {
        site.fail(errc::parse, e.record(), e.line(), e.column(), e.field_text(), e.detail());
    }
}

/// Trims spaces, tabs and the ideographic space (U+3000) at both ends.
std::string trim(const std::string& s) {
    static constexpr std::string_view ideographic = "\xE3\x80\x80";
    std::string_view v(s);
    auto blank_front = [&]() -> std::size_t {
        if (!v.empty() && (v.front() == ' ' || v.front() == '\t')) return 1;
        return v.substr(0, 3) == ideographic ? 3 : 0;
    };
    auto blank_back = [&]() -> std::size_t {
        if (!v.empty() && (v.back() == ' ' || v.back() == '\t')) return 1;
        return v.size() >= 3 && v.substr(v.size() - 3) == ideographic ? 3 : 0;
    };
    while (const std::size_t n = blank_front()) v.remove_prefix(n);
    while (const std::size_t n = blank_back()) v.remove_suffix(n);
    return std::string(v);
}

std::string allowed_statuses() {
    std::string out;
    for (auto st : all_progress_statuses) {
        if (!out.empty()) out += ", ";
        out += std::string(label_zh(st)) + " (" + std::string(to_string(st)) + ")";
    }
    return out;
}

}  // namespace

std::vector<submission> read_ledger_csv(std::string_view text, const plan::plan& p, const csv_read_options& options) {
    std::istringstream in{std::string(text)};
    io::csv_reader reader(in, options.source, io::encoding::utf8);
    error_site site{options.source};
    auto fail = [&](errc code, std::size_t column, const std::string& offending, const std::string& message) {
        site.fail(code, reader.record(), reader.line(), column, offending, message);
    };
    const auto header_record = next_record(reader, site);
    if (!header_record)
        throw csv_error(errc::parse, options.source, 1, 0, "", "", "the file is empty; expected the header row");

    // The header: names in any order, each once, none unknown.
    std::vector<std::string> header;
    std::map<std::string_view, std::size_t> index;  // column name -> 0-based column
    for (std::size_t c = 0; c < header_record->size(); ++c) {
        const std::string& raw = (*header_record)[c];
        std::string name = trim(raw);
        const auto known = std::find(ledger_columns.begin(), ledger_columns.end(), name);
        if (known == ledger_columns.end()) {
            std::string expected;
            for (auto k : ledger_columns) expected += (expected.empty() ? "" : "、") + std::string(k);
            fail(errc::parse, c + 1, raw, "unknown column; the columns are " + expected);
        }
        if (index.count(*known) != 0)
            fail(errc::parse, c + 1, raw,
                 "column named twice (first as column " + std::to_string(index[*known] + 1) + ")");
        index[*known] = c;
        header.push_back(std::move(name));
    }
    auto require_column = [&](std::string_view name, bool supplied) {
        if (index.count(name) == 0 && !supplied)
            throw csv_error(errc::parse, options.source, 1, 0, std::string(name), "",
                            "required column is missing");
    };
    require_column("单位", false);
    require_column("月份", options.month.has_value());
    require_column("任务编号", false);
    require_column("进展情况", false);
    require_column("报送日期", options.received.has_value());
    site.header = &header;

    struct seen_row {
        std::string unit;
        year_month month;
        dates::date received;
        std::string task;
        std::size_t row;
    };
    std::vector<seen_row> seen;
    std::vector<entry> entries;
    while (const auto record = next_record(reader, site)) {
        const std::vector<std::string>& fields = *record;
        if (fields.size() != header.size())
            fail(errc::parse, 0, "",
                 "expected " + std::to_string(header.size()) + " fields, found " + std::to_string(fields.size()));
        if (std::all_of(fields.begin(), fields.end(), [](const std::string& f) { return trim(f).empty(); }))
            continue;

        auto raw = [&](std::string_view name) -> std::string {
            const auto it = index.find(name);
            return it == index.end() ? std::string() : fields[it->second];
        };
        auto col_no = [&](std::string_view name) -> std::size_t {
            const auto it = index.find(name);
            return it == index.end() ? 0 : it->second + 1;
        };
        auto fail_at = [&](errc code, std::string_view name, const std::string& offending, const std::string& message) {
            fail(code, col_no(name), offending, message);
        };

        // 单位
        const std::string unit_text = trim(raw("单位"));
        if (unit_text.empty()) fail_at(errc::parse, "单位", "", "the unit is empty");
        const plan::unit* unit = nullptr;
        try {
            unit = &plan::find_unit(p, unit_text);
        } catch (const not_found_error&) {
            fail_at(errc::not_found, "单位", unit_text, "no unit of the plan has this name or alias");
        }
        if (!files_ledger(p, unit->id))
            fail_at(errc::validation, "单位", unit_text, "does not file the monthly 工作台账");

        // 月份
        const std::string month_text = trim(raw("月份"));
        std::optional<year_month> month = options.month;
        if (!month_text.empty()) {
            try {
                month = parse_year_month(month_text, "月份");
            } catch (const error& e) {
                fail_at(errc::parse, "月份", month_text, e.detail());
            }
        }
        if (!month) fail_at(errc::parse, "月份", "", "the month is empty; expected a month such as 2022-09");

        // 任务编号
        const std::string task_text = trim(raw("任务编号"));
        if (task_text.empty()) fail_at(errc::parse, "任务编号", "", "the task id is empty");
        const plan::task* task = nullptr;
        try {
            task = find_task(p, task_text).second;
        } catch (const not_found_error&) {
            fail_at(errc::not_found, "任务编号", task_text, "no task of the plan has this id");
        }
        if (!assigned(*task, unit->id))
            fail_at(errc::validation, "任务编号", task_text, "is not a task of " + unit->name);

        // 进展情况
        const std::string status_text = trim(raw("进展情况"));
        const auto status = progress_status_from_string(status_text);
        if (!status)
            fail_at(errc::parse, "进展情况", status_text,
                    (status_text.empty() ? "the status is empty" : std::string("not a status")) +
                        "; expected one of " + allowed_statuses());

        // 时间节点
        std::optional<dates::date> milestone;
        const std::string milestone_text = trim(raw("时间节点"));
        if (!milestone_text.empty()) {
            try {
                milestone = dates::parse_date(milestone_text, "时间节点");
            } catch (const error& e) {
                fail_at(errc::parse, "时间节点", milestone_text, e.detail());
            }
        }

        // 报送日期
        std::optional<dates::date> received = options.received;
        const std::string received_text = trim(raw("报送日期"));
        if (!received_text.empty()) {
            try {
                received = dates::parse_date(received_text, "报送日期");
            } catch (const error& e) {
                fail_at(errc::parse, "报送日期", received_text, e.detail());
            }
        }
        if (!received) fail_at(errc::parse, "报送日期", "", "the date received is empty; expected a date such as 2022-09-26");

        for (const auto& s : seen)
            if (s.unit == unit->id && s.month == *month && s.received == *received && s.task == task->id)
                fail_at(errc::validation, "任务编号", task_text,
                        "the same unit, month, date received and task as row " + std::to_string(s.row));
        seen.push_back({unit->id, *month, *received, task->id, reader.record()});

        entries.push_back(entry{unit->id, *month, task->id, *status, raw("完成数据"), milestone, raw("备注"),
                                *received});
    }

    std::vector<submission> out = group_entries(entries, p);
    for (const auto& s : out) validate(s, p);  // every rule was checked row by row above
    return out;
}

std::vector<submission> read_ledger_csv_file(const std::filesystem::path& path, const plan::plan& p,
                                             csv_read_options options) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "path", path.string(), "cannot open the file for reading");
    std::string text = io::read_all(in, path.string());
    if (options.source == csv_read_options{}.source) options.source = path.filename().string();
    return read_ledger_csv(text, p, options);
}

}  // namespace zjcredit::ledger
