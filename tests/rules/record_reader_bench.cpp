// ns per record of loan_record_from_json on a 12-range loan: the fast reader
// (the default), the strict reader alone (detail::strict_only), and the whole
// one-record call first_loan_subsidy_json (read + rule + receipt + result
// JSON) both ways. Not a test: build the target record_reader_bench and run
//
//     record_reader_bench [ITERATIONS]
//
// Each figure is the best of 5 runs of ITERATIONS calls (default 100,000).
#include "../../src/rules/record_reader.hpp"

#include <zjcredit/rules/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

namespace rules = zjcredit::rules;

// An eligible small enterprise's loan over 2022, one range a month.
const char* const loan = R"({
  "borrower": "湛江市甲科技有限公司",
  "borrower_kind": "small",
  "first_application_date": "2022-04-15",
  "via_platform": true,
  "local_legal_person_lender": true,
  "first_loan": true,
  "annual_rate": "4.35%",
  "balances": [
    {"from": "2022-01-01", "to": "2022-01-31", "balance": "1000000.00"},
    {"from": "2022-02-01", "to": "2022-02-28", "balance": "2000000.00"},
    {"from": "2022-03-01", "to": "2022-03-31", "balance": "3000000.00"},
    {"from": "2022-04-01", "to": "2022-04-30", "balance": "4000000.00"},
    {"from": "2022-05-01", "to": "2022-05-31", "balance": "5000000.00"},
    {"from": "2022-06-01", "to": "2022-06-30", "balance": "6000000.00"},
    {"from": "2022-07-01", "to": "2022-07-31", "balance": "7000000.00"},
    {"from": "2022-08-01", "to": "2022-08-31", "balance": "8000000.00"},
    {"from": "2022-09-01", "to": "2022-09-30", "balance": "9000000.00"},
    {"from": "2022-10-01", "to": "2022-10-31", "balance": "10000000.00"},
    {"from": "2022-11-01", "to": "2022-11-30", "balance": "11000000.00"},
    {"from": "2022-12-01", "to": "2022-12-31", "balance": "12000000.00"}
  ],
  "period": {"from": "2022-01-01", "to": "2022-12-31"}
})";

volatile std::size_t sink = 0;

template <class F>
double ns_per_call(long iterations, F f) {
    double best = 1e300;
    for (int run = 0; run < 5; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        for (long i = 0; i < iterations; ++i) sink = sink + f();
        const auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double, std::nano>(t1 - t0).count() / static_cast<double>(iterations));
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const long n = argc > 1 ? std::atol(argv[1]) : 100'000;
    const std::string text = loan;
    if (!rules::detail::fast_loan_record(text)) {
        std::fprintf(stderr, "the fast reader gave up on the benchmark's loan\n");
        return 1;
    }
    const auto read = [&] { return rules::loan_record_from_json(text).balances.size(); };
    const auto call = [&] { return rules::first_loan_subsidy_json(text).size(); };
    const double fast_read = ns_per_call(n, read);
    const double fast_call = ns_per_call(n / 10, call);
    double strict_read = 0;
    double strict_call = 0;
    {
        const rules::detail::strict_only guard;
        strict_read = ns_per_call(n / 10, read);
        strict_call = ns_per_call(n / 10, call);
    }
    std::printf("12-range loan, %zu bytes, best of 5\n", text.size());
    std::printf("%-40s %10.0f ns\n", "loan_record_from_json, strict reader", strict_read);
    std::printf("%-40s %10.0f ns\n", "loan_record_from_json, fast reader", fast_read);
    std::printf("%-40s %10.0f ns\n", "first_loan_subsidy_json, strict reader", strict_call);
    std::printf("%-40s %10.0f ns\n", "first_loan_subsidy_json, fast reader", fast_call);
    return 0;
}
