// zjcredit_bench: Google Benchmark measurements of issue 7, driven by
// tests/bench/run_bench.py (which adds the Python references and the ratios).
//
//     zjcredit_bench [--loans N] [--ranges R] [--enterprises N] [--financings F]
//                    [--dump-sample FILE] [--sample N] [--dump-columns DIR]
//                    [--dump-csv FILE [--csv-rows N]] [--json-loans N]
//                    [--one-record FILE [--one-record-results FILE]]
//                    [--no-bench] [Google Benchmark flags...]
//
// Data are generated once, with a fixed seed (splitmix64): N loans (default
// 1,000,000) with R monthly balance ranges each (default 12) covering 2022,
// mostly eligible, with rates above and below the 1% ceiling, balances above
// and below the 1000万 cap, a few ineligible and a few invalid rows; and
// enterprises with F financings each for the reward.
//
// Benchmarks (each one iteration = one pass over the whole data set):
//   subsidy_batch          rules::batch::first_loan_subsidy_batch over all loans
//   subsidy_read_sum       the lower bound: reads every input column of the
//                          loans once and sums it (memory traffic only)
//   reward_batch           rules::batch::receivables_reward_batch
//   reward_read_sum        its lower bound
//   subsidy_one_at_a_time  first_loan_subsidy() with its receipt, per loan
//                          (a sample of loans; ns per loan)
//   screen_batch           screen::run_screen over the same loans, as ≈400,000
//                          borrowers (2.5 loans each on average) at 5 lenders:
//                          ids, grouping, the per-borrower cap, conflicts and
//                          totals (goal: within 3× subsidy_batch); counters:
//                          borrowers, conflicts and peak_rss_mb (the process's
//                          peak resident memory, data included)
//   whatif_10_scenarios    sandbox::whatif over the same loans less those in
//                          error (valid_loans: a what-if refuses them): the baseline and
//                          10 scenarios (balance_cap 100万..1000万), totals per
//                          kind, gain/lose counts, the 10 largest changes
//                          (goal: within 12× subsidy_batch)
//   seek_balance_cap       sandbox::seek of the largest balance_cap whose total
//                          stays within half the plan's total over the same
//                          loans, exact to the 分 (goal: within 40× subsidy_batch);
//                          counter: evaluations
//   parse_amount/<text>, parse_rate/<text>  strings per second
//   capi_json_one_at_a_time  zjc_first_loan_subsidy() + zjc_string_free() through
//                          the C ABI on --json-loans loans (default 20,000, every
//                          N/json-loans-th) serialised beforehand to the JSON
//                          loan record of docs/records.md §2; ns per loan.
//                          Its counters: mismatches (amount / eligible / status
//                          against the batch, checked once before timing).
//   one_record_json, one_record_capi_json, one_record_capi_light  (only with
//                          --one-record FILE: the loan records of
//                          tests/bench/one_record.py, one JSON text a line,
//                          cycled; ns per record) the one-record path:
//                          rules::first_loan_subsidy_json(text, plan) (result
//                          and receipt as JSON text), the C ABI's
//                          zjc_first_loan_subsidy() + zjc_string_free(), and
//                          its light call zjc_first_loan_subsidy_amount().
//
// --dump-sample FILE writes a sample of the loans (every N/sample-th) as JSON
// lines with the batch's outputs, for the Python reference to recompute and
// compare, after checking the same rows against the one-at-a-time rule.
// --dump-columns DIR writes every loan column as raw little-endian arrays
// (DIR/<column>.bin) with DIR/manifest.json, for the ctypes / numpy path.
// --one-record-results FILE writes, before any timing, what each path gave
// for each --one-record loan (the JSON call's result text, the light call's
// outputs, whether the C ABI's text equals the C++ call's) for run_bench.py
// to check against its Python reference.
// --dump-csv FILE writes the first loans, whole, until at least --csv-rows
// rows (default 1,000,000), in the CSV input of `zjcredit subsidy` (one row
// per balance range, borrower "L<loan index>"), for the CLI benchmark.
// The JSON and CSV text is written here with integer arithmetic only (not with
// the library's formatting), so the CLI and the C ABI parse text they did not
// write.
#include "../splitmix.hpp"

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/json.hpp>
#include <zjcredit/sandbox/seek.hpp>
#include <zjcredit/sandbox/whatif.hpp>
#include <zjcredit/screen/credit_code.hpp>
#include <zjcredit/screen/screen.hpp>

#include <benchmark/benchmark.h>
#include <sys/resource.h>
#include <zjcredit.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace batch = zjcredit::rules::batch;
namespace dates = zjcredit::dates;
namespace money = zjcredit::money;
namespace plan = zjcredit::plan;

struct config {
    std::size_t loans = 1'000'000;
    std::size_t ranges = 12;
    std::size_t enterprises = 200'000;
    std::size_t financings = 5;
    std::size_t sample = 20'000;
    std::string dump_sample;
    std::string dump_columns;
    std::string dump_csv;
    std::size_t csv_rows = 1'000'000;
    std::size_t json_loans = 20'000;
    std::string one_record;
    std::string one_record_results;
    bool run_benchmarks = true;
};

config& cfg() {
    static config c;
    return c;
}

using zjcredit::testing::day;
using zjcredit::testing::rng;

// ---- loans -----------------------------------------------------------------------------

struct loan_data {
    std::vector<std::uint8_t> kind;
    std::vector<std::int32_t> app;
    std::vector<std::uint8_t> flags;
    std::vector<std::int64_t> rate;
    std::vector<std::int32_t> pf;
    std::vector<std::int32_t> pt;
    std::vector<std::int64_t> offsets;
    std::vector<std::int32_t> from;
    std::vector<std::int32_t> to;
    std::vector<std::int64_t> balance;

    batch::loan_columns columns() const { return {kind, app, flags, rate, pf, pt, offsets, from, to, balance}; }
};

/// N loans × R ranges: ranges split 2022 into R consecutive runs (monthly for
/// R = 12); the period is the year (70%) or one quarter.
loan_data make_loans(std::size_t n, std::size_t r_count) {
    loan_data d;
    d.kind.reserve(n);
    d.app.reserve(n);
    d.flags.reserve(n);
    d.rate.reserve(n);
    d.pf.reserve(n);
    d.pt.reserve(n);
    d.offsets.reserve(n + 1);
    d.from.reserve(n * r_count);
    d.to.reserve(n * r_count);
    d.balance.reserve(n * r_count);
    d.offsets.push_back(0);

    const std::int32_t y0 = day(2022, 1, 1);
    const std::int32_t y1 = day(2022, 12, 31);
    std::vector<std::int32_t> starts;  // R run starts over 2022 (month starts for 12)
    for (std::size_t k = 0; k < r_count; ++k) {
        if (r_count == 12)
            starts.push_back(day(2022, static_cast<int>(k) + 1, 1));
        else
            starts.push_back(y0 + static_cast<std::int32_t>((static_cast<std::int64_t>(y1 - y0 + 1) * static_cast<std::int64_t>(k)) /
                                                            static_cast<std::int64_t>(r_count)));
    }
    const std::int32_t quarters[4][2] = {{day(2022, 1, 1), day(2022, 3, 31)},
                                         {day(2022, 4, 1), day(2022, 6, 30)},
                                         {day(2022, 7, 1), day(2022, 9, 30)},
                                         {day(2022, 10, 1), day(2022, 12, 31)}};
    const std::int32_t w0 = day(2022, 4, 1);
    const std::int32_t w1 = day(2022, 6, 30);
    constexpr std::int64_t cap = 10'000'000LL * 100;

    rng g(20220913);
    for (std::size_t i = 0; i < n; ++i) {
        const auto kr = g.range(0, 99);
        d.kind.push_back(kr < 48 ? batch::kind_small : kr < 96 ? batch::kind_micro : batch::kind_individual_business);
        d.app.push_back(static_cast<std::int32_t>(g.chance(920) ? g.range(w0, w1) : g.range(w1 + 1, w1 + 120)));
        d.flags.push_back(g.chance(950) ? batch::loan_flags_all
                                        : static_cast<std::uint8_t>(g.range(0, batch::loan_flags_all)));
        d.rate.push_back(g.chance(900) ? g.range(300, 600) * 1'000'000      // 3.00%..6.00%
                                       : g.range(50'000'000, 99'999'999));  // below the 1% ceiling
        if (g.chance(700)) {
            d.pf.push_back(y0);
            d.pt.push_back(y1);
        } else {
            const auto q = g.range(0, 3);
            d.pf.push_back(quarters[q][0]);
            d.pt.push_back(quarters[q][1]);
        }
        const bool invalid = g.chance(5);
        for (std::size_t k = 0; k < r_count; ++k) {
            const std::int32_t from = starts[k];
            const std::int32_t to = k + 1 < r_count ? starts[k + 1] - 1 : y1;
            std::int64_t bal = g.chance(50)    ? 0
                               : g.chance(60) ? g.range(cap, 3 * cap)     // above the cap
                                              : g.range(5'000'000, cap);   // 5万..1000万元
            if (invalid && k == 5) bal = -bal - 1;  // a negative balance: a validation error
            d.from.push_back(from);
            d.to.push_back(to);
            d.balance.push_back(bal);
        }
        d.offsets.push_back(static_cast<std::int64_t>(d.from.size()));
    }
    return d;
}

const loan_data& loans() {
    static const loan_data d = make_loans(cfg().loans, cfg().ranges);
    return d;
}

struct subsidy_out {
    std::vector<std::int64_t> amount;
    std::vector<std::int32_t> status;
    std::vector<std::uint8_t> eligible;
    std::vector<std::uint32_t> reasons;
    explicit subsidy_out(std::size_t n) : amount(n), status(n), eligible(n), reasons(n) {}
    batch::subsidy_outputs spans() { return {amount, status, eligible, reasons}; }
};

// ---- text forms of a loan (docs/records.md), integer arithmetic only -------------------

/// "YYYY-MM-DD" of a day number (days since 1970-01-01): H. Hinnant's civil_from_days.
void append_date(std::string& out, std::int32_t day_number) {
    const std::int64_t z = static_cast<std::int64_t>(day_number) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<std::uint32_t>(z - era * 146097);
    const std::uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::uint32_t mp = (5 * doy + 2) / 153;
    const std::uint32_t dd = doy - (153 * mp + 2) / 5 + 1;
    const std::uint32_t mm = mp < 10 ? mp + 3 : mp - 9;
    const std::int64_t yy = static_cast<std::int64_t>(yoe) + era * 400 + (mm <= 2 ? 1 : 0);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02u", static_cast<long long>(yy), mm, dd);
    out += buf;
}

/// "-1234.56" of an amount in 分.
void append_fen(std::string& out, std::int64_t fen) {
    if (fen < 0) out += '-';
    const std::uint64_t a = fen < 0 ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
    out += std::to_string(a / 100);
    out += '.';
    out += static_cast<char>('0' + (a % 100) / 10);
    out += static_cast<char>('0' + a % 10);
}

/// "4.35%" of a rate in units of 10^-10 (10^8 units = 1%), trailing zeros dropped.
void append_rate(std::string& out, std::int64_t units) {
    if (units < 0) out += '-';
    const std::uint64_t a = units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    out += std::to_string(a / 100'000'000);
    std::uint64_t frac = a % 100'000'000;
    if (frac != 0) {
        char digits[24];
        std::snprintf(digits, sizeof digits, "%08llu", static_cast<unsigned long long>(frac));
        std::string_view f(digits, 8);
        while (!f.empty() && f.back() == '0') f.remove_suffix(1);
        out += '.';
        out += f;
    }
    out += '%';
}

const char* kind_name(std::uint8_t k) {
    switch (k) {
        case batch::kind_small: return "small";
        case batch::kind_micro: return "micro";
        case batch::kind_individual_business: return "individual_business";
        default: return "unknown";
    }
}

const char* flag_text(const loan_data& d, std::size_t i, std::uint8_t bit) {
    return (d.flags[i] & bit) != 0 ? "true" : "false";
}

/// Loan i as the JSON loan record of docs/records.md §2 (borrower "L<i>").
std::string loan_json(const loan_data& d, std::size_t i) {
    std::string s = "{\"borrower\": \"L" + std::to_string(i) + "\", \"borrower_kind\": \"" + kind_name(d.kind[i]) +
                    "\", \"first_application_date\": \"";
    append_date(s, d.app[i]);
    s += "\", \"via_platform\": ";
    s += flag_text(d, i, batch::loan_via_platform);
    s += ", \"local_legal_person_lender\": ";
    s += flag_text(d, i, batch::loan_local_legal_person_lender);
    s += ", \"first_loan\": ";
    s += flag_text(d, i, batch::loan_first_loan);
    s += ", \"annual_rate\": \"";
    append_rate(s, d.rate[i]);
    s += "\", \"balances\": [";
    for (auto j = static_cast<std::size_t>(d.offsets[i]); j < static_cast<std::size_t>(d.offsets[i + 1]); ++j) {
        s += j == static_cast<std::size_t>(d.offsets[i]) ? "{\"from\": \"" : ", {\"from\": \"";
        append_date(s, d.from[j]);
        s += "\", \"to\": \"";
        append_date(s, d.to[j]);
        s += "\", \"balance\": \"";
        append_fen(s, d.balance[j]);
        s += "\"}";
    }
    s += "], \"period\": {\"from\": \"";
    append_date(s, d.pf[i]);
    s += "\", \"to\": \"";
    append_date(s, d.pt[i]);
    s += "\"}}";
    return s;
}

/// The amount in 分 of `"key": "123.45"` in a result's JSON (the first such key), or nullopt.
std::optional<std::int64_t> json_amount_fen(std::string_view json, std::string_view key) {
    const std::string pat = "\"" + std::string(key) + "\": \"";
    const auto at = json.find(pat);
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t p = at + pat.size();
    bool neg = false;
    if (p < json.size() && json[p] == '-') {
        neg = true;
        ++p;
    }
    std::int64_t v = 0;
    int decimals = -1;
    for (; p < json.size() && json[p] != '"'; ++p) {
        if (json[p] == '.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (json[p] < '0' || json[p] > '9') return std::nullopt;
        v = v * 10 + (json[p] - '0');
        if (decimals >= 0) ++decimals;
    }
    if (decimals != 2) return std::nullopt;
    return neg ? -v : v;
}

// ---- enterprises -----------------------------------------------------------------------

struct financing_data {
    std::vector<std::int64_t> offsets;
    std::vector<std::int64_t> amount;
    std::vector<std::int32_t> start;
    std::vector<std::int32_t> end;
    std::vector<std::int64_t> days;
    std::vector<std::uint8_t> flags;
    batch::financing_columns columns() const { return {offsets, amount, start, end, days, flags}; }
};

financing_data make_financings(std::size_t n, std::size_t per) {
    financing_data d;
    d.offsets.push_back(0);
    rng g(20230630);
    const std::int32_t s0 = day(2021, 12, 1);
    const std::int32_t s1 = day(2023, 7, 31);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t k = 0; k < per; ++k) {
            const auto start = static_cast<std::int32_t>(g.range(s0, s1));
            const auto term = g.range(30, 360);
            d.amount.push_back(g.range(10'000, 5'000'000) * 100);
            d.start.push_back(start);
            const bool has_end = g.chance(500);
            d.end.push_back(has_end ? static_cast<std::int32_t>(start + term) : 0);
            d.days.push_back(has_end ? 0 : term);
            std::uint8_t f = has_end ? batch::financing_has_end : batch::financing_has_days;
            if (g.chance(920)) f |= batch::financing_confirmed;
            d.flags.push_back(f);
        }
        d.offsets.push_back(static_cast<std::int64_t>(d.amount.size()));
    }
    return d;
}

const financing_data& financings() {
    static const financing_data d = make_financings(cfg().enterprises, cfg().financings);
    return d;
}

// ---- benchmarks ------------------------------------------------------------------------

void set_rows(benchmark::State& state, std::size_t rows, std::size_t parts) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(rows));
    state.counters["rows"] = static_cast<double>(rows);
    state.counters["parts"] = static_cast<double>(parts);
}

void subsidy_batch(benchmark::State& state) {
    const auto& d = loans();
    const auto params = batch::prepare(plan::plan_2022().first_loan_subsidy);
    subsidy_out out(d.kind.size());
    for (auto _ : state) {
        const auto s = batch::first_loan_subsidy_batch(d.columns(), out.spans(), params);
        benchmark::DoNotOptimize(s.total_fen);
        benchmark::ClobberMemory();
    }
    set_rows(state, d.kind.size(), d.from.size());
}

template <class T>
std::uint64_t sum_column(const std::vector<T>& v) {
    std::uint64_t s = 0;
    for (const T x : v) s += static_cast<std::uint64_t>(x);
    return s;
}

void subsidy_read_sum(benchmark::State& state) {
    const auto& d = loans();
    for (auto _ : state) {
        std::uint64_t s = sum_column(d.kind) + sum_column(d.app) + sum_column(d.flags) + sum_column(d.rate) +
                          sum_column(d.pf) + sum_column(d.pt) + sum_column(d.offsets) + sum_column(d.from) +
                          sum_column(d.to) + sum_column(d.balance);
        benchmark::DoNotOptimize(s);
        benchmark::ClobberMemory();
    }
    set_rows(state, d.kind.size(), d.from.size());
}

void reward_batch(benchmark::State& state) {
    const auto& d = financings();
    const auto params = batch::prepare(plan::plan_2022().receivables_reward);
    const std::size_t n = d.offsets.size() - 1;
    std::vector<std::int64_t> amount(n);
    std::vector<std::int32_t> status(n);
    std::vector<std::uint8_t> eligible(n);
    std::vector<std::uint32_t> reasons(n);
    for (auto _ : state) {
        const auto s = batch::receivables_reward_batch(d.columns(), {amount, status, eligible, reasons, {}}, params);
        benchmark::DoNotOptimize(s.total_fen);
        benchmark::ClobberMemory();
    }
    set_rows(state, n, d.amount.size());
}

void reward_read_sum(benchmark::State& state) {
    const auto& d = financings();
    for (auto _ : state) {
        std::uint64_t s = sum_column(d.offsets) + sum_column(d.amount) + sum_column(d.start) + sum_column(d.end) +
                          sum_column(d.days) + sum_column(d.flags);
        benchmark::DoNotOptimize(s);
        benchmark::ClobberMemory();
    }
    set_rows(state, d.offsets.size() - 1, d.amount.size());
}

void subsidy_one_at_a_time(benchmark::State& state) {
    const auto& d = loans();
    const auto& p = plan::plan_2022();
    const auto ref = zjcredit::rules::reference_of(p);
    const std::size_t n = std::min<std::size_t>(d.kind.size(), 2'000);
    // Records built beforehand: the rule with its receipt is what is measured.
    std::vector<zjcredit::rules::loan_record> records;
    for (std::size_t i = 0; i < n; ++i) records.push_back(batch::loan_record_for_row(d.columns(), i));
    for (auto _ : state) {
        for (const auto& r : records) {
            try {
                auto res = zjcredit::rules::first_loan_subsidy(r, p.first_loan_subsidy, ref);
                benchmark::DoNotOptimize(res.amount);
            } catch (const zjcredit::error& e) {
                benchmark::DoNotOptimize(e.code());
            }
        }
    }
    set_rows(state, n, 0);
}

/// One-at-a-time JSON calls through the C ABI: zjc_first_loan_subsidy() then
/// zjc_string_free(), on --json-loans loans serialised beforehand (the text is
/// the caller's; parsing it, the rule with its receipt and the JSON result are
/// what is measured).
struct capi_json_data {
    std::vector<std::string> texts;
    zjc_plan* handle = nullptr;
    std::size_t mismatches = 0;
    std::size_t errors = 0;
};

/// The loans' JSON text and the check of every call, made once (Google
/// Benchmark calls a benchmark function several times).
const capi_json_data& capi_json() {
    static const capi_json_data data = [] {
        capi_json_data c;
        const auto& d = loans();
        const std::size_t total = d.kind.size();
        const std::size_t n = std::min(total, std::max<std::size_t>(cfg().json_loans, 1));
        const std::size_t stride = total / n;
        std::vector<std::size_t> rows;
        for (std::size_t k = 0; k < n; ++k) {
            rows.push_back(k * stride);
            c.texts.push_back(loan_json(d, k * stride));
        }
        if (zjc_plan_default(&c.handle) != ZJC_OK) {
            c.handle = nullptr;
            return c;
        }
        // Each call's status, eligibility and amount against the batch's for the same loan.
        const auto params = batch::prepare(plan::plan_2022().first_loan_subsidy);
        subsidy_out out(total);
        (void)batch::first_loan_subsidy_batch(d.columns(), out.spans(), params);
        for (std::size_t k = 0; k < n; ++k) {
            char* result = nullptr;
            const std::int32_t st = zjc_first_loan_subsidy(c.handle, c.texts[k].c_str(), &result);
            const std::size_t i = rows[k];
            if (st != ZJC_OK) {
                ++c.errors;
                if (out.status[i] == 0 || st != -out.status[i]) ++c.mismatches;  // C status = -errc
            } else {
                const std::string_view json(result);
                const auto amount = json_amount_fen(json, "amount");
                const bool eligible = json.find("\"eligible\": true") < json.find("\"amount\"");
                if (out.status[i] != 0 || !amount || *amount != out.amount[i] || eligible != (out.eligible[i] != 0))
                    ++c.mismatches;
            }
            zjc_string_free(result);
        }
        return c;
    }();
    return data;
}

void capi_json_one_at_a_time(benchmark::State& state) {
    const auto& c = capi_json();
    if (c.handle == nullptr) {
        state.SkipWithError("zjc_plan_default failed");
        return;
    }
    const auto& texts = c.texts;
    zjc_plan* handle = c.handle;
    for (auto _ : state) {
        for (const auto& t : texts) {
            char* result = nullptr;
            const std::int32_t st = zjc_first_loan_subsidy(handle, t.c_str(), &result);
            benchmark::DoNotOptimize(st);
            benchmark::DoNotOptimize(result);
            zjc_string_free(result);
        }
    }
    set_rows(state, texts.size(), 0);
    state.counters["mismatches"] = static_cast<double>(c.mismatches);
    state.counters["errors"] = static_cast<double>(c.errors);
}

// ---- one record ------------------------------------------------------------------------

/// The --one-record loans (JSON text written by run_bench.py, as the Python
/// binding sends a dict) and the C ABI's plan handle; `errors`: loans any
/// path refused (none should: they are all valid), checked once before timing.
struct one_record_data {
    std::vector<std::string> texts;
    zjc_plan* handle = nullptr;
    std::size_t errors = 0;
    std::size_t mismatches = 0;  // the paths disagree with each other (amount, eligible, text)
};

one_record_data read_one_record(const std::string& path) {
    one_record_data d;
    std::ifstream f(path, std::ios::binary);
    if (!f) {
        std::cerr << "zjcredit_bench: cannot read " << path << "\n";
        return d;
    }
    for (std::string line; std::getline(f, line);)
        if (!line.empty()) d.texts.push_back(line);
    if (zjc_plan_default(&d.handle) != ZJC_OK) d.handle = nullptr;
    return d;
}

one_record_data& one_record() {
    static one_record_data d = read_one_record(cfg().one_record);
    return d;
}

/// Each path once on each loan; writes what they gave to `results_path` (if
/// set) as one JSON document. 0 when every path answered alike, 1 otherwise.
int check_one_record(const std::string& results_path) {
    auto& d = one_record();
    if (d.handle == nullptr || d.texts.empty()) {
        std::cerr << "zjcredit_bench: no --one-record loans (or zjc_plan_default failed)\n";
        return 2;
    }
    const auto& p = plan::plan_2022();
    std::string out = "{\"loans\": [\n";
    for (std::size_t k = 0; k < d.texts.size(); ++k) {
        const std::string& t = d.texts[k];
        std::string json;
        std::int32_t json_status = 0;
        try {
            json = zjcredit::rules::first_loan_subsidy_json(t, p);
        } catch (const zjcredit::error& e) {
            json_status = static_cast<std::int32_t>(e.code());
        }
        char* capi = nullptr;
        const std::int32_t capi_status = zjc_first_loan_subsidy(d.handle, t.c_str(), &capi);
        const bool same_text = capi_status == ZJC_OK && json_status == 0 && json == capi;
        zjc_string_free(capi);
        std::int64_t fen = -1;
        std::int32_t eligible = -1;
        std::uint32_t reasons = 0;
        const std::int32_t light_status = zjc_first_loan_subsidy_amount(d.handle, t.c_str(), &fen, &eligible, &reasons);
        if (json_status != 0 || capi_status != ZJC_OK || light_status != ZJC_OK) ++d.errors;
        const auto amount = json_amount_fen(json, "amount");
        const bool json_eligible = json.find("\"eligible\": true") < json.find("\"amount\"");
        if (!same_text || !amount || *amount != fen || json_eligible != (eligible == 1)) ++d.mismatches;
        out += k == 0 ? "" : ",\n";
        out += "{\"json_status\": " + std::to_string(json_status) + ", \"capi_status\": " +
               std::to_string(capi_status) + ", \"capi_same_text\": " + (same_text ? "true" : "false") +
               ", \"light\": {\"status\": " + std::to_string(light_status) + ", \"fen\": " + std::to_string(fen) +
               ", \"eligible\": " + std::to_string(eligible) + ", \"reasons\": " + std::to_string(reasons) +
               "}, \"json\": " + (json_status == 0 ? json : std::string("null")) + "}";
    }
    out += "\n]}\n";
    if (!results_path.empty()) {
        std::ofstream f(results_path, std::ios::binary);
        if (!(f << out)) {
            std::cerr << "zjcredit_bench: cannot write " << results_path << "\n";
            return 2;
        }
    }
    std::cerr << "zjcredit_bench: " << d.texts.size() << " one-record loans: " << d.errors << " errors, "
              << d.mismatches << " mismatches between the paths\n";
    return d.errors == 0 && d.mismatches == 0 ? 0 : 1;
}

/// The one-record benchmarks: each iteration is one pass over the loans.
template <class Call>
void one_record_pass(benchmark::State& state, Call call) {
    const auto& d = one_record();
    if (d.handle == nullptr || d.texts.empty() || d.errors != 0) {
        state.SkipWithError("one-record loans missing or refused (see the check before the benchmarks)");
        return;
    }
    for (auto _ : state)
        for (const auto& t : d.texts) call(d.handle, t);
    set_rows(state, d.texts.size(), 0);
    state.counters["mismatches"] = static_cast<double>(d.mismatches);
}

void one_record_json(benchmark::State& state) {
    const auto& p = plan::plan_2022();
    one_record_pass(state, [&p](zjc_plan*, const std::string& t) {
        auto r = zjcredit::rules::first_loan_subsidy_json(t, p);
        benchmark::DoNotOptimize(r.data());
    });
}

void one_record_capi_json(benchmark::State& state) {
    one_record_pass(state, [](zjc_plan* h, const std::string& t) {
        char* result = nullptr;
        const std::int32_t st = zjc_first_loan_subsidy(h, t.c_str(), &result);
        benchmark::DoNotOptimize(st);
        benchmark::DoNotOptimize(result);
        zjc_string_free(result);
    });
}

void one_record_capi_light(benchmark::State& state) {
    one_record_pass(state, [](zjc_plan* h, const std::string& t) {
        std::int64_t fen = 0;
        std::int32_t eligible = 0;
        std::uint32_t reasons = 0;
        const std::int32_t st = zjc_first_loan_subsidy_amount(h, t.c_str(), &fen, &eligible, &reasons);
        benchmark::DoNotOptimize(st);
        benchmark::DoNotOptimize(fen);
        benchmark::DoNotOptimize(eligible);
        benchmark::DoNotOptimize(reasons);
    });
}

void parse_amount(benchmark::State& state, std::string text) {
    for (auto _ : state) {
        const auto a = money::parse_amount(text);
        benchmark::DoNotOptimize(a);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void parse_rate(benchmark::State& state, std::string text) {
    for (auto _ : state) {
        const auto r = money::parse_rate(text);
        benchmark::DoNotOptimize(r);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

// ---- the screen (免申即享) ----------------------------------------------------------------

/// The ids of the loans for the screen: loan i is "L<i>" at one of 5 lenders,
/// of one of n × 2 / 5 borrowers (drawn, so a borrower has 1 to several
/// loans, often at two lenders), each with a valid 统一社会信用代码.
struct screen_ids {
    std::vector<std::string> loan_id, borrower_id, borrower, lender;
    std::vector<std::string_view> loan_id_v, borrower_id_v, borrower_v, lender_v;
};

const screen_ids& screen_loan_ids() {
    static const screen_ids ids = [] {
        screen_ids s;
        const std::size_t n = loans().kind.size();
        const std::size_t borrowers = std::max<std::size_t>(1, n * 2 / 5);
        std::vector<std::string> codes, names;
        codes.reserve(borrowers);
        names.reserve(borrowers);
        for (std::size_t b = 0; b < borrowers; ++b) {
            std::string first17 = std::to_string(b);
            first17 = "91440800" + std::string(9 - std::min<std::size_t>(9, first17.size()), '0') + first17;
            codes.push_back(first17 + zjcredit::screen::credit_code_check_character(first17));
            names.push_back("企业" + std::to_string(b));
        }
        const std::string lenders[5] = {"银行甲", "银行乙", "银行丙", "银行丁", "银行戊"};
        rng g(20221203);
        for (std::size_t i = 0; i < n; ++i) {
            const auto b = static_cast<std::size_t>(g.range(0, static_cast<std::int64_t>(borrowers) - 1));
            s.loan_id.push_back("L" + std::to_string(i));
            s.borrower_id.push_back(codes[b]);
            s.borrower.push_back(names[b]);
            s.lender.push_back(lenders[g.range(0, 4)]);
        }
        for (std::size_t i = 0; i < n; ++i) {
            s.loan_id_v.push_back(s.loan_id[i]);
            s.borrower_id_v.push_back(s.borrower_id[i]);
            s.borrower_v.push_back(s.borrower[i]);
            s.lender_v.push_back(s.lender[i]);
        }
        return s;
    }();
    return ids;
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

void screen_batch(benchmark::State& state) {
    const auto& d = loans();
    const auto& ids = screen_loan_ids();
    const zjcredit::screen::screen_input in{d.columns(), ids.loan_id_v, ids.borrower_id_v, ids.borrower_v,
                                            ids.lender_v, {}, {}, {}};
    const auto& params = plan::plan_2022().first_loan_subsidy;
    std::size_t borrowers = 0, conflicts = 0;
    for (auto _ : state) {
        const auto r = zjcredit::screen::run_screen(in, params);
        benchmark::DoNotOptimize(r.totals.all.amount);
        borrowers = r.borrowers.size();
        conflicts = r.conflicts.size();
    }
    set_rows(state, d.kind.size(), d.from.size());
    state.counters["borrowers"] = static_cast<double>(borrowers);
    state.counters["conflicts"] = static_cast<double>(conflicts);
    state.counters["peak_rss_mb"] = peak_rss_mb();
}

/// The loans the rule accepts (a what-if and a seek refuse a population with
/// a loan in error; the generated data has ~0.5% of them on purpose).
const loan_data& valid_loans() {
    static const loan_data v = [] {
        const auto& d = loans();
        subsidy_out out(d.kind.size());
        (void)batch::first_loan_subsidy_batch(d.columns(), out.spans(),
                                              batch::prepare(plan::plan_2022().first_loan_subsidy));
        loan_data k;
        k.offsets.push_back(0);
        for (std::size_t i = 0; i < d.kind.size(); ++i) {
            if (out.status[i] != batch::status_ok) continue;
            k.kind.push_back(d.kind[i]);
            k.app.push_back(d.app[i]);
            k.flags.push_back(d.flags[i]);
            k.rate.push_back(d.rate[i]);
            k.pf.push_back(d.pf[i]);
            k.pt.push_back(d.pt[i]);
            for (auto r = d.offsets[i]; r < d.offsets[i + 1]; ++r) {
                const auto u = static_cast<std::size_t>(r);
                k.from.push_back(d.from[u]);
                k.to.push_back(d.to[u]);
                k.balance.push_back(d.balance[u]);
            }
            k.offsets.push_back(static_cast<std::int64_t>(k.from.size()));
        }
        return k;
    }();
    return v;
}

void whatif_10_scenarios(benchmark::State& state) {
    const auto& d = valid_loans();
    std::vector<zjcredit::sandbox::scenario> scenarios;
    for (int wan = 100; wan <= 1000; wan += 100)
        scenarios.push_back(zjcredit::sandbox::scenario_from_text(
            "cap" + std::to_string(wan) + ":first_loan_subsidy.balance_cap=" + std::to_string(wan) + "万"));
    std::size_t results = 0;
    for (auto _ : state) {
        const auto r = zjcredit::sandbox::whatif(d.columns(), {}, plan::plan_2022(), scenarios, {});
        benchmark::DoNotOptimize(r.back().all.total_fen);
        results = r.size();
    }
    set_rows(state, d.kind.size(), d.from.size());
    state.counters["scenarios"] = static_cast<double>(results);
}

void seek_balance_cap(benchmark::State& state) {
    const auto& d = valid_loans();
    const auto& params = plan::plan_2022().first_loan_subsidy;
    subsidy_out out(d.kind.size());
    const auto total = batch::first_loan_subsidy_batch(d.columns(), out.spans(), batch::prepare(params)).total_fen;
    zjcredit::sandbox::seek_request request;
    request.parameter = zjcredit::sandbox::seek_parameter::balance_cap;
    request.target = money::amount::from_fen(static_cast<std::int64_t>(total / 2));
    std::size_t evaluations = 0;
    for (auto _ : state) {
        const auto r = zjcredit::sandbox::seek(d.columns(), params, request);
        benchmark::DoNotOptimize(r.value);
        evaluations = r.evaluations.size();
    }
    set_rows(state, d.kind.size(), d.from.size());
    state.counters["evaluations"] = static_cast<double>(evaluations);
}

void register_benchmarks() {
    // Whole-data passes: repeated and summarised by their median.
    for (auto* b : {benchmark::RegisterBenchmark("subsidy_batch", subsidy_batch),
                    benchmark::RegisterBenchmark("subsidy_read_sum", subsidy_read_sum),
                    benchmark::RegisterBenchmark("reward_batch", reward_batch),
                    benchmark::RegisterBenchmark("reward_read_sum", reward_read_sum)})
        b->Unit(benchmark::kMillisecond)->Repetitions(5)->ReportAggregatesOnly(true)->UseRealTime();
    benchmark::RegisterBenchmark("subsidy_one_at_a_time", subsidy_one_at_a_time)
        ->Unit(benchmark::kMillisecond)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true)
        ->UseRealTime();
    benchmark::RegisterBenchmark("capi_json_one_at_a_time", capi_json_one_at_a_time)
        ->Unit(benchmark::kMillisecond)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true)
        ->UseRealTime();
    for (const char* t : {"1,234.56", "2.2亿"})
        benchmark::RegisterBenchmark((std::string("parse_amount/") + t).c_str(), parse_amount, std::string(t))
            ->Repetitions(3)
            ->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark("parse_rate/4.35%", parse_rate, std::string("4.35%"))
        ->Repetitions(3)
        ->ReportAggregatesOnly(true);
    if (!cfg().one_record.empty())
        for (auto* b : {benchmark::RegisterBenchmark("one_record_json", one_record_json),
                        benchmark::RegisterBenchmark("one_record_capi_json", one_record_capi_json),
                        benchmark::RegisterBenchmark("one_record_capi_light", one_record_capi_light)})
            b->Unit(benchmark::kMicrosecond)->Repetitions(3)->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark("screen_batch", screen_batch)
        ->Unit(benchmark::kMillisecond)
        ->Repetitions(3)
        ->ReportAggregatesOnly(true)
        ->UseRealTime();
    for (auto* b : {benchmark::RegisterBenchmark("whatif_10_scenarios", whatif_10_scenarios),
                    benchmark::RegisterBenchmark("seek_balance_cap", seek_balance_cap)})
        b->Unit(benchmark::kMillisecond)->Repetitions(3)->ReportAggregatesOnly(true)->UseRealTime();
}

// ---- dumps -----------------------------------------------------------------------------

/// The sample for the Python reference: one JSON line of parameters, one per
/// sampled loan (inputs and the batch's outputs), one summary line.
int dump_sample(const std::string& path, std::size_t sample) {
    const auto& d = loans();
    const std::size_t n = d.kind.size();
    const auto& p = plan::plan_2022();
    const auto params = batch::prepare(p.first_loan_subsidy);
    subsidy_out out(n);
    const auto s = batch::first_loan_subsidy_batch(d.columns(), out.spans(), params);
    const std::size_t stride = sample == 0 || sample >= n ? 1 : n / sample;

    std::ofstream f(path, std::ios::binary);
    if (!f) {
        std::cerr << "zjcredit_bench: cannot write " << path << "\n";
        return 2;
    }
    std::string kinds;
    for (std::uint8_t k = 0; k <= batch::kind_individual_business; ++k)
        if ((params.eligible_kinds & (1U << k)) != 0) kinds += (kinds.empty() ? "" : ",") + std::to_string(k);
    f << "{\"parameters\": {\"window_from\": " << params.window_from << ", \"window_to\": " << params.window_to
      << ", \"balance_cap\": " << params.balance_cap << ", \"rate_ceiling\": " << params.rate_ceiling
      << ", \"basis\": " << params.basis << ", \"rounding\": \"" << money::to_string(params.rounding)
      << "\", \"eligible_kinds\": [" << kinds << "]}, \"loans\": " << n << ", \"ranges\": " << d.from.size()
      << ", \"stride\": " << stride << "}\n";

    std::size_t written = 0;
    std::size_t mismatches = 0;
    for (std::size_t i = 0; i < n && written < (sample == 0 ? n : sample); i += stride, ++written) {
        // the batch against the one-at-a-time rule on this row
        std::int32_t want_status = 0;
        std::int64_t want_amount = 0;
        bool want_eligible = false;
        std::uint32_t want_reasons = 0;
        try {
            const auto r = batch::receipt_for_row(d.columns(), i, p);
            want_amount = r.amount.fen();
            want_eligible = r.eligible;
            want_reasons = batch::reason_bits(r.reasons);
        } catch (const zjcredit::error& e) {
            want_status = static_cast<std::int32_t>(e.code());
        }
        if (want_status != out.status[i] || want_amount != out.amount[i] || want_eligible != (out.eligible[i] != 0) ||
            want_reasons != out.reasons[i])
            ++mismatches;

        f << "{\"i\": " << i << ", \"kind\": " << int(d.kind[i]) << ", \"app\": " << d.app[i]
          << ", \"flags\": " << int(d.flags[i]) << ", \"rate\": " << d.rate[i] << ", \"pf\": " << d.pf[i]
          << ", \"pt\": " << d.pt[i] << ", \"ranges\": [";
        for (auto j = static_cast<std::size_t>(d.offsets[i]); j < static_cast<std::size_t>(d.offsets[i + 1]); ++j)
            f << (j == static_cast<std::size_t>(d.offsets[i]) ? "" : ", ") << "[" << d.from[j] << ", " << d.to[j]
              << ", " << d.balance[j] << "]";
        f << "], \"status\": " << out.status[i] << ", \"amount\": " << out.amount[i]
          << ", \"eligible\": " << int(out.eligible[i]) << ", \"reasons\": " << out.reasons[i] << "}\n";
    }
    f << "{\"summary\": {\"rows\": " << s.rows << ", \"ok\": " << s.ok << ", \"errors\": " << s.errors
      << ", \"eligible\": " << s.eligible << ", \"total_fen\": \"" << money::detail::to_string(s.total_fen)
      << "\", \"sampled\": " << written << ", \"one_at_a_time_mismatches\": " << mismatches << "}}\n";
    std::cerr << "zjcredit_bench: wrote " << written << " sampled loans to " << path << " (batch vs one-at-a-time: "
              << mismatches << " mismatches)\n";
    return mismatches == 0 ? 0 : 1;
}

template <class T>
void write_column(const std::filesystem::path& dir, const char* name, const std::vector<T>& v, const char* dtype,
                  std::ostream& manifest, bool& first) {
    std::ofstream f(dir / (std::string(name) + ".bin"), std::ios::binary);
    f.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(v.size() * sizeof(T)));
    manifest << (first ? "" : ",\n") << "  \"" << name << "\": {\"dtype\": \"" << dtype << "\", \"count\": " << v.size()
             << "}";
    first = false;
}

/// Every loan column as raw little-endian arrays, for numpy.fromfile and ctypes.
int dump_columns(const std::string& dir_text) {
    const std::filesystem::path dir(dir_text);
    std::filesystem::create_directories(dir);
    const auto& d = loans();
    std::ofstream manifest(dir / "manifest.json");
    manifest << "{\n";
    bool first = true;
    write_column(dir, "borrower_kind", d.kind, "uint8", manifest, first);
    write_column(dir, "first_application", d.app, "int32", manifest, first);
    write_column(dir, "flags", d.flags, "uint8", manifest, first);
    write_column(dir, "annual_rate", d.rate, "int64", manifest, first);
    write_column(dir, "period_from", d.pf, "int32", manifest, first);
    write_column(dir, "period_to", d.pt, "int32", manifest, first);
    write_column(dir, "offsets", d.offsets, "int64", manifest, first);
    write_column(dir, "range_from", d.from, "int32", manifest, first);
    write_column(dir, "range_to", d.to, "int32", manifest, first);
    write_column(dir, "range_balance", d.balance, "int64", manifest, first);
    // the native results, to compare a ctypes run against
    const auto params = batch::prepare(plan::plan_2022().first_loan_subsidy);
    subsidy_out out(d.kind.size());
    (void)batch::first_loan_subsidy_batch(d.columns(), out.spans(), params);
    write_column(dir, "native_amount", out.amount, "int64", manifest, first);
    write_column(dir, "native_status", out.status, "int32", manifest, first);
    write_column(dir, "native_eligible", out.eligible, "uint8", manifest, first);
    write_column(dir, "native_reasons", out.reasons, "uint32", manifest, first);
    manifest << "\n}\n";
    std::cerr << "zjcredit_bench: wrote the loan columns to " << dir_text << "\n";
    return 0;
}

/// The first loans, whole, until at least `rows` rows, as the CSV input of
/// `zjcredit subsidy` (docs/examples/loans.csv): one row per balance range.
int dump_csv(const std::string& path, std::size_t rows) {
    const auto& d = loans();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) {
        std::cerr << "zjcredit_bench: cannot write " << path << "\n";
        return 2;
    }
    std::string buf =
        "borrower,borrower_kind,first_application_date,via_platform,local_legal_person_lender,first_loan,"
        "annual_rate,period_from,period_to,balance_from,balance_to,balance\n";
    std::string head;  // the columns shared by every row of a loan
    std::size_t written = 0;
    std::size_t i = 0;
    bool ok = true;
    for (; i < d.kind.size() && written < rows; ++i) {
        head = "L" + std::to_string(i) + "," + kind_name(d.kind[i]) + ",";
        append_date(head, d.app[i]);
        head += ',';
        head += flag_text(d, i, batch::loan_via_platform);
        head += ',';
        head += flag_text(d, i, batch::loan_local_legal_person_lender);
        head += ',';
        head += flag_text(d, i, batch::loan_first_loan);
        head += ',';
        append_rate(head, d.rate[i]);
        head += ',';
        append_date(head, d.pf[i]);
        head += ',';
        append_date(head, d.pt[i]);
        head += ',';
        for (auto j = static_cast<std::size_t>(d.offsets[i]); j < static_cast<std::size_t>(d.offsets[i + 1]); ++j) {
            buf += head;
            append_date(buf, d.from[j]);
            buf += ',';
            append_date(buf, d.to[j]);
            buf += ',';
            append_fen(buf, d.balance[j]);
            buf += '\n';
            ++written;
        }
        if (buf.size() > (4U << 20)) {
            ok = ok && std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
            buf.clear();
        }
    }
    ok = ok && std::fwrite(buf.data(), 1, buf.size(), f) == buf.size();
    ok = std::fclose(f) == 0 && ok;
    if (!ok || written < rows) {
        std::cerr << "zjcredit_bench: " << (ok ? "not enough loans for the rows asked" : "write error") << " ("
                  << path << ")\n";
        return 2;
    }
    std::cerr << "zjcredit_bench: wrote " << i << " loans, " << written << " rows to " << path << "\n";
    return 0;
}

bool take_value(int& i, int argc, char** argv, const char* name, std::string& value) {
    const std::size_t len = std::strlen(name);
    if (std::strncmp(argv[i], name, len) != 0) return false;
    if (argv[i][len] == '=') {
        value = argv[i] + len + 1;
        return true;
    }
    if (argv[i][len] == '\0' && i + 1 < argc) {
        value = argv[++i];
        return true;
    }
    return false;
}

std::size_t to_size(const std::string& s) { return static_cast<std::size_t>(std::stoull(s)); }

}  // namespace

int main(int argc, char** argv) {
    // Our own flags first; the rest goes to Google Benchmark.
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        std::string v;
        if (take_value(i, argc, argv, "--loans", v)) cfg().loans = to_size(v);
        else if (take_value(i, argc, argv, "--ranges", v)) cfg().ranges = to_size(v);
        else if (take_value(i, argc, argv, "--enterprises", v)) cfg().enterprises = to_size(v);
        else if (take_value(i, argc, argv, "--financings", v)) cfg().financings = to_size(v);
        else if (take_value(i, argc, argv, "--sample", v)) cfg().sample = to_size(v);
        else if (take_value(i, argc, argv, "--dump-sample", v)) cfg().dump_sample = v;
        else if (take_value(i, argc, argv, "--dump-columns", v)) cfg().dump_columns = v;
        else if (take_value(i, argc, argv, "--dump-csv", v)) cfg().dump_csv = v;
        else if (take_value(i, argc, argv, "--csv-rows", v)) cfg().csv_rows = to_size(v);
        else if (take_value(i, argc, argv, "--json-loans", v)) cfg().json_loans = to_size(v);
        else if (take_value(i, argc, argv, "--one-record-results", v)) cfg().one_record_results = v;
        else if (take_value(i, argc, argv, "--one-record", v)) cfg().one_record = v;
        else if (std::strcmp(argv[i], "--no-bench") == 0) cfg().run_benchmarks = false;
        else rest.push_back(argv[i]);
    }
    if (cfg().ranges == 0) cfg().ranges = 1;
    int status = 0;
    if (!cfg().dump_sample.empty()) status |= dump_sample(cfg().dump_sample, cfg().sample);
    if (!cfg().dump_columns.empty()) status |= dump_columns(cfg().dump_columns);
    if (!cfg().dump_csv.empty()) status |= dump_csv(cfg().dump_csv, cfg().csv_rows);
    if (!cfg().one_record.empty()) status |= check_one_record(cfg().one_record_results);
    if (!cfg().run_benchmarks) return status;

    int bargc = static_cast<int>(rest.size());
    benchmark::Initialize(&bargc, rest.data());
    if (benchmark::ReportUnrecognizedArguments(bargc, rest.data())) return 2;
    benchmark::AddCustomContext("loans", std::to_string(cfg().loans));
    benchmark::AddCustomContext("ranges_per_loan", std::to_string(cfg().ranges));
    benchmark::AddCustomContext("enterprises", std::to_string(cfg().enterprises));
    benchmark::AddCustomContext("financings_per_enterprise", std::to_string(cfg().financings));
    register_benchmarks();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return status;
}
