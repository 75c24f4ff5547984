// zjcredit_bench: Google Benchmark measurements of issue 7, driven by
// tests/bench/run_bench.py (which adds the Python references and the ratios).
//
//     zjcredit_bench [--loans N] [--ranges R] [--enterprises N] [--financings F]
//                    [--dump-sample FILE] [--sample N] [--dump-columns DIR]
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
//   parse_amount/<text>, parse_rate/<text>  strings per second
//
// --dump-sample FILE writes a sample of the loans (every N/sample-th) as JSON
// lines with the batch's outputs, for the Python reference to recompute and
// compare, after checking the same rows against the one-at-a-time rule.
// --dump-columns DIR writes every loan column as raw little-endian arrays
// (DIR/<column>.bin) with DIR/manifest.json, for the ctypes / numpy path.
#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/batch.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
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
    bool run_benchmarks = true;
};

config& cfg() {
    static config c;
    return c;
}

class rng {
public:
    explicit rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        return lo + static_cast<std::int64_t>(next() % (static_cast<std::uint64_t>(hi - lo) + 1));
    }
    bool chance(int per_mille) { return static_cast<int>(next() % 1000) < per_mille; }

private:
    std::uint64_t s_;
};

std::int32_t day(int y, int m, int d) {
    return dates::to_day_number(
        dates::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d)));
}

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
    for (const char* t : {"1,234.56", "2.2亿"})
        benchmark::RegisterBenchmark((std::string("parse_amount/") + t).c_str(), parse_amount, std::string(t))
            ->Repetitions(3)
            ->ReportAggregatesOnly(true);
    benchmark::RegisterBenchmark("parse_rate/4.35%", parse_rate, std::string("4.35%"))
        ->Repetitions(3)
        ->ReportAggregatesOnly(true);
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
        else if (std::strcmp(argv[i], "--no-bench") == 0) cfg().run_benchmarks = false;
        else rest.push_back(argv[i]);
    }
    if (cfg().ranges == 0) cfg().ranges = 1;
    int status = 0;
    if (!cfg().dump_sample.empty()) status |= dump_sample(cfg().dump_sample, cfg().sample);
    if (!cfg().dump_columns.empty()) status |= dump_columns(cfg().dump_columns);
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
