// The subsidy totals of a results CSV (include/zjcredit/report/csv.hpp):
// counted from the record rows, then checked against the file's own 小计
// and 合计 rows, so that a file cut short or edited by hand is refused.
#include <zjcredit/report/csv.hpp>
#include <zjcredit/report/json.hpp>

#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>

#include "../io/csv.hpp"

#include <cstddef>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace zjcredit::report {

namespace {

/// A tally as it is counted: the amount in 分, checked against overflow.
struct tally {
    std::string label;
    money::amount amount;
    std::int64_t records = 0;
    std::int64_t eligible = 0;

    subsidy_line line() const { return {label, money::decimal(amount.fen(), 2), records, eligible}; }
};

/// A 小计 or 合计 row, kept until the records are all counted.
struct summary_row {
    std::size_t line;
    std::vector<std::string> cells;
};

std::string joined(const std::vector<std::string>& cells) {
    std::string out;
    for (const std::string& c : cells) out += (out.empty() ? "" : ",") + c;
    return out;
}

bool starts_with(std::string_view text, std::string_view head) { return text.substr(0, head.size()) == head; }

/// Reads the CSV's rows one at a time: `on_row(line, cells)` for each row
/// after the header, every row as wide as the header.
class results_csv {
public:
    results_csv(std::string_view text, const std::string& source) : in_{std::string(text)}, reader_(in_, source), source_(source) {
        const auto header = reader_.next();
        if (!header) throw parse_error(source, "", "empty file: expected the header of a results table");
        header_ = *header;
        const std::size_t n = header_.size();
        for (const results_words* w : {&results_words_zh, &results_words_en})
            if (n >= 5 && header_[n - 4] == w->eligible && header_[n - 2] == w->reasons && header_[n - 1] == w->explanation)
                words_ = w;
        if (!words_)
            throw parse_error(source + ":1", joined(header_),
                              "not a results table of `zjcredit subsidy`: its last columns are not 是否符合, the amount, "
                              "原因, 说明 (eligible, amount, reasons, explanation)");
    }

    template <class F>
    void each_row(F&& on_row) {
        std::vector<std::string> cells;
        while (reader_.next(cells)) {
            const std::string where = source_ + ":" + std::to_string(reader_.line());
            if (cells.size() != header_.size())
                throw parse_error(where, joined(cells),
                                  std::to_string(cells.size()) + " fields where the header has " + std::to_string(header_.size()));
            on_row(reader_.line(), where, cells);
        }
    }

    std::size_t lead() const noexcept { return header_.size() - 4; }
    const results_words& words() const noexcept { return *words_; }
    const std::string& amount_header() const noexcept { return header_[lead() + 1]; }

private:
    std::istringstream in_;
    io::csv_reader reader_;
    std::string source_;
    std::vector<std::string> header_;
    const results_words* words_ = nullptr;
};

/// The column a --group-by subtotal row names its value in, and the value:
/// the first column's "小计：甲", or a "小计" row with the value in its column.
std::pair<std::size_t, std::string> group_of(const summary_row& row, std::size_t lead, const results_words& w,
                                             const std::string& where) {
    const std::string& first = row.cells[0];
    const std::string prefixed = std::string(w.subtotal) + std::string(w.subtotal_of);
    if (starts_with(first, prefixed)) return {0, first.substr(prefixed.size())};
    std::optional<std::size_t> column;
    for (std::size_t c = 1; c < lead; ++c) {
        if (row.cells[c].empty()) continue;
        if (column) throw parse_error(where, joined(row.cells), "a subtotal row names more than one value");
        column = c;
    }
    if (!column) throw parse_error(where, joined(row.cells), "a subtotal row that names no value");
    return {*column, row.cells[*column]};
}

}  // namespace

subsidy_totals subsidy_totals_from_csv(std::string_view text, const std::string& source) {
    results_csv csv(text, source);
    const std::size_t lead = csv.lead();
    const results_words& w = csv.words();
    const auto amount_of = [&](const std::vector<std::string>& cells, const std::string& where) {
        const std::string field = where + " " + csv.amount_header();
        return money::parse_amount(cells[lead + 1], {.field = field, .round_excess = std::nullopt});
    };

    // The records, then the summary rows: the subtotals, the total last.
    tally total;
    std::vector<summary_row> summaries;
    csv.each_row([&](std::size_t line, const std::string& where, const std::vector<std::string>& cells) {
        const std::string& eligible = cells[lead];
        if (eligible.empty()) {
            summaries.push_back({line, cells});
            return;
        }
        if (!summaries.empty())
            throw parse_error(where, joined(cells), "a record after the 小计/合计 rows: the table was put together by hand");
        if (eligible != w.yes && eligible != w.no)
            throw parse_error(where + " " + std::string(w.eligible), eligible,
                              "expected " + std::string(w.yes) + " or " + std::string(w.no));
        total.amount += amount_of(cells, where);  // checked: an overflow throws
        ++total.records;
        if (eligible == w.yes) ++total.eligible;
    });
    if (summaries.empty() || summaries.back().cells[0] != w.total)
        throw parse_error(summaries.empty() ? source : source + ":" + std::to_string(summaries.back().line),
                          summaries.empty() ? "" : joined(summaries.back().cells),
                          "no " + std::string(w.total) + " row at the end: the table is cut short, or not the whole "
                          "output of `zjcredit subsidy`");
    const auto agrees = [&](const summary_row& row, const tally& counted, std::string_view what) {
        const std::string where = source + ":" + std::to_string(row.line);
        const money::amount written = amount_of(row.cells, where);
        if (written != counted.amount)
            throw parse_error(where, joined(row.cells),
                              std::string(what) + " " + money::to_string(written) + " is not the sum of its rows, " +
                                  money::to_string(counted.amount) + ": was the table edited after it was written?");
    };
    agrees(summaries.back(), total, w.total);
    summaries.pop_back();

    subsidy_totals out;
    out.source = source;
    out.total = total.line();
    if (summaries.empty()) return out;

    // --group-by: the records again, counted per value of the subtotals' column.
    for (const summary_row& row : summaries)
        if (!starts_with(row.cells[0], w.subtotal))
            throw parse_error(source + ":" + std::to_string(row.line), joined(row.cells),
                              "a row with no " + std::string(w.eligible) + " that is neither " +
                                  std::string(w.subtotal) + " nor " + std::string(w.total));
    const std::size_t group = group_of(summaries.front(), lead, w, source + ":" + std::to_string(summaries.front().line)).first;
    std::vector<tally> groups;
    std::unordered_map<std::string, std::size_t> index;
    results_csv again(text, source);
    again.each_row([&](std::size_t, const std::string& where, const std::vector<std::string>& cells) {
        if (cells[lead].empty()) return;
        const auto [at, fresh] = index.try_emplace(cells[group], groups.size());
        if (fresh) groups.push_back({cells[group], {}, 0, 0});
        tally& t = groups[at->second];
        t.amount += amount_of(cells, where);
        ++t.records;
        if (cells[lead] == w.yes) ++t.eligible;
    });
    if (groups.size() != summaries.size())
        throw parse_error(source, "", std::to_string(summaries.size()) + " subtotal rows for " +
                                          std::to_string(groups.size()) + " values of " +
                                          (group == 0 ? std::string("the first column") : "column " + std::to_string(group + 1)));
    for (std::size_t k = 0; k < groups.size(); ++k) {
        const std::string where = source + ":" + std::to_string(summaries[k].line);
        const auto [column, value] = group_of(summaries[k], lead, w, where);
        if (column != group || value != groups[k].label)
            throw parse_error(where, joined(summaries[k].cells),
                              "expected the subtotal of " + groups[k].label + " here, in the order the records give");
        agrees(summaries[k], groups[k], w.subtotal);
        out.subtotals.push_back(groups[k].line());
    }
    return out;
}

subsidy_totals read_subsidy_totals(std::string_view text, const std::string& source) {
    std::string_view rest = text;
    if (starts_with(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);
    const std::size_t first = rest.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && rest[first] == '{') return subsidy_totals_from_json(rest, source);
    return subsidy_totals_from_csv(text, source);
}

}  // namespace zjcredit::report
