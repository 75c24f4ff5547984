// A bank's loans table (include/zjcredit/rules/table.hpp, columns.hpp), two ways:
//
// * the raw input bytes go to read_loan_table_bytes (with or without a
//   period option; CSV, zip, anything), and each loan read to
//   subsidy_for_table: only a zjcredit::error may come out;
// * the bytes choose a table of loans, written here as CSV the way banks'
//   systems export it: each field under one of its accepted headers (the
//   field's own name, a Chinese header, spaces and a unit in brackets
//   around it, or a caller's own header mapped with `columns`), columns in
//   a random order with carried columns among them, title rows above the
//   header, dates in every accepted form, flags as 是/否/Y/N/1/0/..., kinds
//   in English or Chinese, rates as "4.35%" or bare under 利率(%), amounts
//   plain, grouped or in 万元 under a (万元) header, loans as balance
//   schedules (several rows, by loan_id maybe interleaved) or as drawdown
//   and settlement, the period as columns or the period option.
//   Property: every loan comes back, in order of first appearance, with
//   exactly the record written (a drawdown loan with the balances of
//   balances_from_events, or an error exactly when that refuses it), its
//   borrower, loan_id and carried cells as written, one line per row.
#include "fuzz_common.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/columns.hpp>
#include <zjcredit/rules/loan_events.hpp>
#include <zjcredit/rules/table.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace zjcredit;
using zjcredit::fuzz::accepts;
using bytes = zjcredit::fuzz::byte_reader;
using zjcredit::fuzz::must;

namespace {


constexpr std::int32_t base_day = 19083;  // 2022-04-01

// ---- values written as banks write them ------------------------------------

std::string two(int v) { return std::string(1, static_cast<char>('0' + v / 10)) + static_cast<char>('0' + v % 10); }

std::string date_text(std::int32_t day, bytes& in) {
    const auto ymd = dates::from_day_number(day).year_month_day();
    const int y = ymd.year;
    const int m = ymd.month;
    const int d = ymd.day;
    std::string out;
    switch (in.pick(6)) {
        case 0: out = std::to_string(y) + "-" + two(m) + "-" + two(d); break;
        case 1: out = std::to_string(y) + "-" + std::to_string(m) + "-" + std::to_string(d); break;
        case 2: out = std::to_string(y) + two(m) + two(d); break;
        case 3: out = std::to_string(y) + "/" + two(m) + "/" + two(d); break;
        case 4: out = std::to_string(y) + "/" + std::to_string(m) + "/" + std::to_string(d); break;
        default: out = std::to_string(y) + "年" + std::to_string(m) + "月" + std::to_string(d) + "日"; break;
    }
    if (out.find("年") != std::string::npos) return out;
    switch (in.pick(4)) {
        case 0: return out + " 00:00:00";
        case 1: return out + " 00:00";
        default: return out;
    }
}

std::string flag_text(bool v, bytes& in) {
    constexpr std::array<std::string_view, 8> yes = {"是", "Y", "y", "1", "true", "yes", "TRUE", "True"};
    constexpr std::array<std::string_view, 8> no = {"否", "N", "n", "0", "false", "no", "FALSE", "False"};
    return std::string(v ? yes[in.pick(yes.size())] : no[in.pick(no.size())]);
}

std::string kind_text(plan::borrower_kind k, bytes& in) {
    const bool zh = in.coin();
    const bool suffix = in.coin();
    switch (k) {
        case plan::borrower_kind::small: return zh ? (suffix ? "小型企业" : "小型") : "small";
        case plan::borrower_kind::micro: return zh ? (suffix ? "微型企业" : "微型") : "micro";
        case plan::borrower_kind::individual_business: return zh ? "个体工商户" : "individual_business";
        case plan::borrower_kind::medium: return zh ? (suffix ? "中型企业" : "中型") : "medium";
        case plan::borrower_kind::large: return zh ? (suffix ? "大型企业" : "大型") : "large";
    }
    return "small";
}

/// `units` / 10^places as a decimal, trailing zeros (and the point) dropped
/// when `trim`; digits grouped by threes with ',' when `grouped`.
std::string decimal_text(std::uint64_t units, int places, bool trim, bool grouped) {
    std::uint64_t scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    std::string whole = std::to_string(units / scale);
    if (grouped)
        for (std::size_t at = whole.size(); at > 3; at -= 3) whole.insert(at - 3, ",");
    std::string frac = std::to_string(units % scale);
    frac.insert(0, static_cast<std::size_t>(places) - frac.size(), '0');
    if (trim)
        while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return frac.empty() ? whole : whole + "." + frac;
}

/// An amount of `fen` 分 in a column whose header says 元 (or nothing) or 万元.
std::string amount_text(std::int64_t fen, bool wan, bytes& in) {
    const auto f = static_cast<std::uint64_t>(fen);
    if (wan) {
        switch (in.pick(3)) {
            case 0: return decimal_text(f, 6, true, false);         // 12.345678 (万元)
            case 1: {
                const bool grouped = in.coin();
                return decimal_text(f, 2, true, grouped) + "元";  // its own unit wins
            }
            default: return decimal_text(f, 6, true, true);         // 1,234.5 (万元)
        }
    }
    // (Each choice its own statement: the order of evaluating arguments is unspecified.)
    const bool trim = in.coin();
    const bool grouped = in.coin();
    return decimal_text(f, 2, trim, grouped);
}

// ---- the table --------------------------------------------------------------

enum class rate_style { percent_sign, percent_header, percent_option, fraction_option };

struct loan_spec {
    std::string loan_id;
    std::string borrower;
    rules::loan_record record;            ///< as written (balances: the schedule's)
    std::optional<rules::loan_events> events;  ///< drawdown form
    std::vector<std::string> carried;     ///< one cell per carried column
    // The cells of the loan-level fields, the same on each of its rows.
    std::string kind, applied, via, local, first, rate, period_from, period_to, draw_date, draw_amount, settled;
    std::vector<std::array<std::string, 3>> schedule;  ///< from, to, balance cells per row
};

struct column {
    std::string header;
    std::string field;  ///< "" for a carried column
    std::size_t carried = 0;
};

/// One of the headers accepted for `field`, written with spaces around it
/// and `unit` in brackets at its end (empty: none).
std::string header_for(std::string_view field, std::string_view unit, bytes& in) {
    const rules::column_names* names = nullptr;
    for (const auto& c : rules::loan_table_fields)
        if (c.field == field) names = &c;
    std::vector<std::string_view> choices{field};
    for (const auto h : names->headers)
        if (!h.empty()) choices.push_back(h);
    std::string h(choices[in.pick(choices.size())]);
    if (!unit.empty()) {
        switch (in.pick(4)) {
            case 0: h += "(" + std::string(unit) + ")"; break;
            case 1: h += "（" + std::string(unit) + "）"; break;
            case 2: h += "[" + std::string(unit) + "]"; break;
            default: h += (unit == "%" ? "%" : "【" + std::string(unit) + "】"); break;
        }
    }
    switch (in.pick(6)) {
        case 0: return " " + h + " ";
        case 1: return "\u3000" + h;
        default: return h;
    }
}

std::string csv_field(const std::string& s, bool quote_all) {
    const bool quote = quote_all || s.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return s;
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

constexpr std::array<std::string_view, 8> borrowers = {
    "湛江市海蓝水产有限公司", "Acme, Ltd.", "\"Q\" Trading", "吴川  粤西五金店", "Line\nbreak Co", "a", "廉江市\u3000红橙农业合作社",
    "Zhanjiang Port Logistics Co., Ltd."};
constexpr std::array<std::string_view, 6> carried_headers = {"序号", "备注", "客户经理", "统一社会信用代码", "经办机构",
                                                            "到期日"};
constexpr std::array<std::string_view, 7> carried_cells = {
    "", "91440800MA4UABCD1X", "霞山支行", " 前后空格 ", "2023-03-31", "x,\"y\"", "第一行\r\n第二行"};

void structured(bytes& in) {
    const std::uint64_t shape = in.take(2);
    const bool drawdown = (shape & 1U) != 0;
    const bool period_option = (shape & 2U) != 0;
    const bool with_loan_id = (shape & 4U) != 0;
    const bool wan = (shape & 8U) != 0;
    const auto style = static_cast<rate_style>(shape >> 4 & 3U);
    const bool own_borrower_header = (shape & 64U) != 0;  // mapped with table_options::columns
    const bool quote_all = (shape & 128U) != 0;
    const bool crlf = (shape & 256U) != 0;
    const bool bom = (shape & 512U) != 0;
    const bool interleave = (shape & 1024U) != 0;
    const std::size_t titles = shape >> 11 & 3U;
    const std::size_t n_carried = static_cast<std::size_t>(shape >> 13 & 3U);

    rules::table_options options;
    if (period_option) {
        const auto pf = base_day - 8 + static_cast<std::int32_t>(in.take(1) % 100);
        options.period = rules::date_range{dates::from_day_number(pf),
                                           dates::from_day_number(pf + static_cast<std::int32_t>(in.take(1) % 100))};
    }
    if (style == rate_style::percent_option) options.rate_unit = money::rate_unit::percent;
    if (style == rate_style::fraction_option) options.rate_unit = money::rate_unit::fraction;

    // The loans.
    const std::size_t n_loans = 1 + in.pick(4);
    std::vector<loan_spec> loans(n_loans);
    std::size_t previous_borrower = borrowers.size();
    for (std::size_t i = 0; i < n_loans; ++i) {
        loan_spec& l = loans[i];
        rules::loan_record& r = l.record;
        l.loan_id = "JJ" + std::to_string(1000 + i);
        // Without a loan_id, a loan is the consecutive rows of one borrower: neighbours differ.
        std::size_t b = in.pick(borrowers.size());
        if (!with_loan_id && b == previous_borrower) b = (b + 1) % borrowers.size();
        previous_borrower = b;
        l.borrower = std::string(borrowers[b]);
        r.borrower = l.borrower;
        r.borrower_kind = static_cast<plan::borrower_kind>(in.pick(5));
        l.kind = kind_text(r.borrower_kind, in);
        const auto applied = base_day - 30 + static_cast<std::int32_t>(in.take(1) % 150);
        r.first_application_date = dates::from_day_number(applied);
        l.applied = date_text(applied, in);
        r.via_platform = in.coin();
        l.via = flag_text(r.via_platform, in);
        r.local_legal_person_lender = in.coin();
        l.local = flag_text(r.local_legal_person_lender, in);
        r.first_loan = in.coin();
        l.first = flag_text(r.first_loan, in);
        // A rate of 0.001% .. 65.535%, in thousandths of a percent.
        const std::uint64_t milli = 1 + in.take(2);
        r.annual_rate = money::rate::from_units(static_cast<std::int64_t>(milli) * (money::rate::scale / 100'000));
        const bool trim = in.coin();
        switch (style) {
            case rate_style::percent_sign: l.rate = decimal_text(milli, 3, trim, false) + "%"; break;
            case rate_style::percent_header:
            case rate_style::percent_option: l.rate = decimal_text(milli, 3, trim, false); break;
            case rate_style::fraction_option: l.rate = decimal_text(milli, 5, trim, false); break;
        }
        if (options.period) {
            r.period = *options.period;
        } else {
            const auto pf = base_day - 8 + static_cast<std::int32_t>(in.take(1) % 100);
            const auto pt = pf - 2 + static_cast<std::int32_t>(in.take(1) % 120);
            r.period = {dates::from_day_number(pf), dates::from_day_number(pt)};
            l.period_from = date_text(pf, in);
            l.period_to = date_text(pt, in);
        }
        // Amounts up to 2^32 分 (about 4,300 万元); in 万元 columns whole 元 are
        // not needed: 万元 with six decimals is exact to the 分.
        if (drawdown) {
            rules::loan_events ev;
            const auto draw = base_day - 10 + static_cast<std::int32_t>(in.take(1) % 90);
            ev.drawdown_date = dates::from_day_number(draw);
            l.draw_date = date_text(draw, in);
            ev.drawdown_amount = money::amount::from_fen(static_cast<std::int64_t>(1 + in.take(4) % 0xFFFFFFFFU));
            l.draw_amount = amount_text(ev.drawdown_amount.fen(), wan, in);
            if (in.coin()) {
                const auto settled = draw - 3 + static_cast<std::int32_t>(in.take(1) % 120);
                ev.settled = dates::from_day_number(settled);
                l.settled = date_text(settled, in);
            }
            l.events = ev;
        } else {
            const std::size_t ranges = 1 + in.pick(3);
            for (std::size_t k = 0; k < ranges; ++k) {
                // The reader takes ranges as written; the rule validates their order.
                const auto from = base_day - 10 + static_cast<std::int32_t>(in.take(1) % 120);
                const auto to = from - 1 + static_cast<std::int32_t>(in.take(1) % 60);
                // Balances distinct within a loan, so that no two of its rows repeat
                // each other cell for cell: the reader refuses such a loan as
                // listed twice (a pasted row), which is not what this generates.
                auto fen = static_cast<std::int64_t>(in.take(4));
                while (std::any_of(r.balances.begin(), r.balances.end(),
                                   [&](const rules::balance_range& range) { return range.balance.fen() == fen; }))
                    ++fen;
                r.balances.push_back({dates::from_day_number(from), dates::from_day_number(to),
                                      money::amount::from_fen(fen)});
                l.schedule.push_back({date_text(from, in), date_text(to, in), amount_text(fen, wan, in)});
            }
        }
        for (std::size_t c = 0; c < n_carried; ++c) l.carried.emplace_back(carried_cells[in.pick(carried_cells.size())]);
    }

    // The columns, in a random order.
    std::vector<column> columns;
    const auto add = [&](std::string_view field, std::string_view unit = {}) {
        columns.push_back({header_for(field, unit, in), std::string(field), 0});
    };
    if (own_borrower_header) {
        columns.push_back({"户名", "borrower", 0});
        options.columns.emplace_back("户名", "borrower");
    } else {
        add("borrower");
    }
    if (with_loan_id) add("loan_id");
    for (const auto f : {"borrower_kind", "first_application_date", "via_platform", "local_legal_person_lender",
                         "first_loan"})
        add(f);
    add("annual_rate", style == rate_style::percent_header ? "%" : "");
    if (!options.period) {
        add("period_from");
        add("period_to");
    }
    const std::string_view amount_unit = wan ? "万元" : (in.coin() ? "元" : "");
    if (drawdown) {
        add("drawdown_date");
        add("drawdown_amount", amount_unit);
        if (in.coin()) add("settled");
    } else {
        add("balance_from");
        add("balance_to");
        add("balance", amount_unit);
    }
    // Carried columns (distinct headers) and, when settled has no column, no settlements.
    std::vector<std::size_t> carried_order;
    for (std::size_t c = 0; c < n_carried; ++c) {
        std::size_t h = in.pick(carried_headers.size());
        while (std::find(carried_order.begin(), carried_order.end(), h) != carried_order.end())
            h = (h + 1) % carried_headers.size();
        carried_order.push_back(h);
        columns.push_back({std::string(carried_headers[h]), "", c});
    }
    const bool settled_column =
        std::any_of(columns.begin(), columns.end(), [](const column& c) { return c.field == "settled"; });
    for (auto& l : loans)
        if (l.events && !settled_column) {
            l.events->settled.reset();
            l.settled.clear();
        }
    for (std::size_t i = columns.size(); i > 1; --i) std::swap(columns[i - 1], columns[in.pick(i)]);

    // The rows: a loan's rows in order; with a loan_id maybe interleaved with others'.
    std::vector<std::pair<std::size_t, std::size_t>> rows;  // (loan, row of the loan)
    {
        std::vector<std::size_t> next(n_loans, 0);
        std::vector<std::size_t> left;
        for (std::size_t i = 0; i < n_loans; ++i) left.push_back(i);
        while (!left.empty()) {
            const std::size_t at = (with_loan_id && interleave) ? in.pick(left.size()) : 0;
            const std::size_t i = left[at];
            rows.emplace_back(i, next[i]++);
            const std::size_t count = loans[i].events ? 1 : loans[i].schedule.size();
            if (next[i] == count) left.erase(left.begin() + static_cast<std::ptrdiff_t>(at));
        }
    }
    const auto cell = [&](const column& c, const loan_spec& l, std::size_t k) -> std::string {
        if (c.field.empty()) return l.carried[c.carried];
        if (c.field == "borrower") return l.borrower;
        if (c.field == "loan_id") return l.loan_id;
        if (c.field == "borrower_kind") return l.kind;
        if (c.field == "first_application_date") return l.applied;
        if (c.field == "via_platform") return l.via;
        if (c.field == "local_legal_person_lender") return l.local;
        if (c.field == "first_loan") return l.first;
        if (c.field == "annual_rate") return l.rate;
        if (c.field == "period_from") return l.period_from;
        if (c.field == "period_to") return l.period_to;
        if (c.field == "drawdown_date") return l.draw_date;
        if (c.field == "drawdown_amount") return l.draw_amount;
        if (c.field == "settled") return l.settled;
        if (c.field == "balance_from") return l.schedule[k][0];
        if (c.field == "balance_to") return l.schedule[k][1];
        return l.schedule[k][2];  // balance
    };

    const std::string eol = crlf ? "\r\n" : "\n";
    std::string text = bom ? "\xEF\xBB\xBF" : "";
    constexpr std::array<std::string_view, 3> title_rows = {"2022年二季度首贷贴息申报表", "", "填报单位：湛江某银行,,日期：2022年7月5日"};
    for (std::size_t t = 0; t < titles; ++t) text += std::string(title_rows[t]) + eol;
    const auto line = [&](const std::vector<std::string>& cells) {
        for (std::size_t c = 0; c < cells.size(); ++c) text += (c ? "," : "") + csv_field(cells[c], quote_all);
        text += eol;
    };
    {
        std::vector<std::string> header;
        for (const auto& c : columns) header.push_back(c.header);
        line(header);
    }
    for (const auto& [i, k] : rows) {
        std::vector<std::string> cells;
        for (const auto& c : columns) cells.push_back(cell(c, loans[i], k));
        line(cells);
    }

    rules::loan_table got;
    must([&] { got = rules::read_loan_table_bytes(text, "loans.csv", options); }, "read_loan_table_bytes");

    // Loans in order of first appearance.
    std::vector<std::size_t> order;
    for (const auto& [i, k] : rows)
        if (std::find(order.begin(), order.end(), i) == order.end()) order.push_back(i);
    ZJC_FUZZ_CHECK(got.loans.size() == order.size(), text);
    std::vector<std::string> carried_header;
    for (const auto& c : columns)
        if (c.field.empty()) carried_header.push_back(c.header);
    ZJC_FUZZ_CHECK(got.carried_header == carried_header, text);
    for (std::size_t j = 0; j < order.size(); ++j) {
        const loan_spec& want = loans[order[j]];
        const rules::table_loan& loan = got.loans[j];
        ZJC_FUZZ_CHECK(loan.borrower == want.borrower, text);
        ZJC_FUZZ_CHECK(loan.loan_id == (with_loan_id ? want.loan_id : ""), text);
        std::vector<std::string> carried;
        for (const auto& c : columns)
            if (c.field.empty()) carried.push_back(want.carried[c.carried]);
        ZJC_FUZZ_CHECK(loan.carried == carried, text);
        ZJC_FUZZ_CHECK(loan.lines.size() == (want.events ? 1 : want.schedule.size()), text);
        ZJC_FUZZ_CHECK(std::is_sorted(loan.lines.begin(), loan.lines.end()), text);
        rules::loan_record expected = want.record;
        if (want.events) {
            // The derivation itself is fuzzed by fuzz_loan_events; here the table must agree with it.
            if (!accepts([&] { expected.balances = rules::balances_from_events(*want.events, expected.period); },
                         "balances_from_events")) {
                ZJC_FUZZ_CHECK(!loan.record && loan.error, text);
                continue;
            }
        }
        ZJC_FUZZ_CHECK(!loan.error, text + "\n" + (loan.error ? loan.error->message : ""));
        ZJC_FUZZ_CHECK(loan.record && *loan.record == expected, text);
        ZJC_FUZZ_CHECK(loan.rate_text == want.rate, text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // 1. The bytes as a file: refused only with a zjcredit::error, and so is each loan's subsidy.
    rules::table_options raw_options;
    if (size > 0 && (data[size - 1] & 1U) != 0)
        raw_options.period = rules::date_range{dates::from_day_number(base_day), dates::from_day_number(base_day + 90)};
    rules::loan_table raw;
    if (accepts([&] { raw = rules::read_loan_table_bytes(std::string(fuzz::as_text(data, size)), "raw.csv",
                                                         raw_options); },
                "read_loan_table_bytes (raw)")) {
        const plan::plan& p = plan::plan_2022();
        for (const auto& loan : raw.loans)
            (void)accepts([&] { (void)rules::subsidy_for_table(raw, loan, p); }, "subsidy_for_table (raw)");
    }

    // 2. The bytes as a table of loans, written and read back.
    bytes in{data, size};
    structured(in);
    return 0;
}
