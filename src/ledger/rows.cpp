// The one reader of a ledger's cells (rows.hpp).
#include "rows.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/ledger/read.hpp>

#include <algorithm>
#include <map>
#include <string_view>

namespace zjcredit::ledger::detail {
namespace {

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

std::size_t filled(const std::vector<std::string>& row) {
    return static_cast<std::size_t>(
        std::count_if(row.begin(), row.end(), [](const std::string& c) { return !trim(c).empty(); }));
}

bool known(std::string_view name, bool liaison) {
    return std::find(ledger_columns.begin(), ledger_columns.end(), name) != ledger_columns.end() ||
           (liaison && std::find(liaison_columns.begin(), liaison_columns.end(), name) != liaison_columns.end());
}

std::string allowed_statuses() {
    std::string out;
    for (auto st : all_progress_statuses) {
        if (!out.empty()) out += ", ";
        out += std::string(label_zh(st)) + " (" + std::string(to_string(st)) + ")";
    }
    return out;
}

std::string joined(std::span<const std::string_view> names) {
    std::string out;
    for (auto k : names) out += (out.empty() ? "" : "、") + std::string(k);
    return out;
}

/// Errors located in `t`: row by its number, the column by its name once
/// the header is known, and the CSV line a record starts on when that differs.
struct site {
    const row_table& t;
    const std::vector<std::string>* header = nullptr;

    [[noreturn]] void fail(errc code, std::size_t r, std::size_t column, const std::string& text,
                           const std::string& message) const {
        std::string name;
        if (header != nullptr && column >= 1 && column <= header->size()) name = (*header)[column - 1];
        const std::size_t number = r < t.numbers.size() ? t.numbers[r] : 1;
        std::string where;
        if (r < t.lines.size() && t.lines[r] != number)
            where = " (record starting on line " + std::to_string(t.lines[r]) + ")";
        throw csv_error(code, t.source, number, column, name, text, message + where);
    }
};

struct header_index {
    std::vector<std::string> names;
    std::map<std::string, std::size_t> index;  // column name -> 0-based column

    bool has(std::string_view n) const { return index.count(std::string(n)) != 0; }
    std::size_t column(std::string_view n) const {  // 1-based, 0 when absent
        const auto it = index.find(std::string(n));
        return it == index.end() ? 0 : it->second + 1;
    }
};

header_index read_header(const row_table& t, std::size_t h, bool liaison_allowed, const site& s) {
    header_index out;
    const auto& row = t.rows[h];
    const bool is_liaison = liaison_allowed && std::find_if(row.begin(), row.end(), [](const std::string& c) {
                                                   return trim(c) == "姓名";
                                               }) != row.end();
    const std::span<const std::string_view> columns =
        is_liaison ? std::span<const std::string_view>(liaison_columns) : std::span<const std::string_view>(ledger_columns);
    std::size_t width = row.size();
    if (!t.fixed_width)  // a sheet's header may end in empty cells: the table is as wide as its last name
        while (width > 0 && trim(row[width - 1]).empty()) --width;
    for (std::size_t c = 0; c < width; ++c) {
        const std::string& raw = row[c];
        std::string name = trim(raw);
        if (std::find(columns.begin(), columns.end(), name) == columns.end())
            s.fail(errc::parse, h, c + 1, raw, "unknown column; the columns are " + joined(columns));
        if (out.has(name))
            s.fail(errc::parse, h, c + 1, raw,
                   "column named twice (first as column " + std::to_string(out.column(name)) + ")");
        out.index[name] = c;
        out.names.push_back(std::move(name));
    }
    return out;
}

}  // namespace

std::optional<std::size_t> find_header(const row_table& t) {
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto& row = t.rows[r];
        const bool any = std::any_of(row.begin(), row.end(), [](const std::string& c) { return known(trim(c), true); });
        const std::size_t n = filled(row);
        if (n >= 2) return any ? std::optional<std::size_t>(r) : std::nullopt;
        if (n == 1 && any) return r;  // a header of one column: refused below for the columns it lacks
    }
    return std::nullopt;
}

void read_rows(const row_table& t, const plan::plan& p, const csv_read_options& options, bool liaison,
               ledger_document& doc) {
    site s{t};
    if (t.rows.empty())
        throw csv_error(errc::parse, t.source, 1, 0, "", "", "the file is empty; expected the header row");
    const auto h = find_header(t);
    if (!h) {
        // The first row that is not a title row, else the first row.
        std::size_t r = 0;
        while (r + 1 < t.rows.size() && filled(t.rows[r]) <= 1) ++r;
        std::string first;
        for (const auto& c : t.rows[r])
            if (!trim(c).empty()) {
                first = trim(c);
                break;
            }
        s.fail(errc::parse, r, 0, first,
               "no header row: no row names the ledger's columns (" + joined(ledger_columns) +
                   ") or the liaison form's (" + joined(liaison_columns) + ") before the data");
    }
    const header_index hd = read_header(t, *h, liaison, s);
    s.header = &hd.names;
    const bool is_liaison = hd.has("姓名");

    auto require_column = [&](std::string_view name, bool supplied) {
        if (!hd.has(name) && !supplied)
            throw csv_error(errc::parse, t.source, t.numbers[*h], 0, std::string(name), "",
                            "required column is missing");
    };
    require_column("单位", false);
    if (is_liaison) {
        for (auto c : liaison_columns) require_column(c, c == "报送日期" && options.received.has_value());
    } else {
        require_column("月份", options.month.has_value());
        require_column("任务编号", false);
        require_column("进展情况", false);
        require_column("报送日期", options.received.has_value());
    }

    struct seen_row {
        std::string unit;
        year_month month;
        dates::date received;
        std::string task;
        std::size_t row;
    };
    std::vector<seen_row> seen;
    std::vector<entry> entries;
    for (std::size_t r = *h + 1; r < t.rows.size(); ++r) {
        const std::vector<std::string>& fields = t.rows[r];
        auto fail = [&](errc code, std::size_t column, const std::string& offending, const std::string& message) {
            s.fail(code, r, column, offending, message);
        };
        if (t.fixed_width && fields.size() != hd.names.size())
            fail(errc::parse, 0, "",
                 "expected " + std::to_string(hd.names.size()) + " fields, found " + std::to_string(fields.size()));
        for (std::size_t c = hd.names.size(); c < fields.size(); ++c)
            if (!trim(fields[c]).empty())
                fail(errc::parse, c + 1, fields[c], "a cell beyond the last column of the header");
        if (filled(fields) == 0) continue;

        auto raw = [&](std::string_view name) -> std::string {
            const std::size_t c = hd.column(name);
            return c == 0 || c > fields.size() ? std::string() : fields[c - 1];
        };
        auto fail_at = [&](errc code, std::string_view name, const std::string& offending, const std::string& message) {
            fail(code, hd.column(name), offending, message);
        };
        auto date_at = [&](std::string_view name, const std::optional<dates::date>& fallback,
                           const char* empty_message) -> dates::date {
            const std::string text = trim(raw(name));
            if (text.empty()) {
                if (!fallback) fail_at(errc::parse, name, "", empty_message);
                return *fallback;
            }
            try {
                return dates::parse_date(text, name);
            } catch (const error& e) {
                fail_at(errc::parse, name, text, e.detail());
                throw;  // not reached: fail_at throws
            }
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

        if (is_liaison) {
            const dates::date received = date_at("报送日期", options.received,
                                                 "the date received is empty; expected a date such as 2022-09-15");
            doc.liaison_forms.push_back(liaison_form{unit->id, trim(raw("姓名")), trim(raw("职务")),
                                                     trim(raw("联系电话")), trim(raw("电子邮箱")), received});
            continue;
        }

        // A template row nobody filled in: the task is not reported.
        if (trim(raw("进展情况")).empty() && trim(raw("完成数据")).empty() && trim(raw("备注")).empty() &&
            trim(raw("报送日期")).empty())
            continue;

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
        if (!trim(raw("时间节点")).empty()) milestone = date_at("时间节点", std::nullopt, "");

        // 报送日期
        const dates::date received = date_at("报送日期", options.received,
                                             "the date received is empty; expected a date such as 2022-09-26");

        const std::size_t number = t.numbers[r];
        for (const auto& x : seen)
            if (x.unit == unit->id && x.month == *month && x.received == received && x.task == task->id)
                fail_at(errc::validation, "任务编号", task_text,
                        "the same unit, month, date received and task as row " + std::to_string(x.row));
        seen.push_back({unit->id, *month, received, task->id, number});

        entries.push_back(entry{unit->id, *month, task->id, *status, raw("完成数据"), milestone, raw("备注"), received});
    }

    std::vector<submission> subs = group_entries(entries, p);
    for (const auto& x : subs) validate(x, p);  // every rule was checked row by row above
    doc.submissions.insert(doc.submissions.end(), subs.begin(), subs.end());
}

}  // namespace zjcredit::ledger::detail
