// sandbox::seek: hand-worked answers, answers equal to a brute-force scan of
// the whole range on small random populations (≥ 200), certificates that
// straddle the target, and the refusals (negative budget, unreachable
// target, a parameter whose total does not rise with it).
#include <doctest/doctest.h>

#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/sandbox/population.hpp>
#include <zjcredit/sandbox/seek.hpp>

#include "../splitmix.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace plan = zjcredit::plan;
namespace rules = zjcredit::rules;
namespace money = zjcredit::money;
namespace sandbox = zjcredit::sandbox;
using zjcredit::dates::date;

rules::loan_record loan(const char* balance, date applied = date(2022, 4, 1)) {
    rules::loan_record l;
    l.borrower = "x";
    l.borrower_kind = plan::borrower_kind::small;
    l.first_application_date = applied;
    l.via_platform = l.local_legal_person_lender = l.first_loan = true;
    l.annual_rate = money::parse_rate("4.35%");
    l.balances = {{date(2022, 4, 1), date(2022, 6, 30), money::parse_amount(balance)}};
    l.period = {date(2022, 4, 1), date(2022, 6, 30)};
    return l;
}

std::string fen(money::int128 f) { return rules::detail::fen_text(f); }

void expect_refused(const std::function<void()>& call, const std::string& field, const std::string& part) {
    try {
        call();
        FAIL("no error");
    } catch (const zjcredit::error& e) {
        CHECK(e.field() == field);
        CHECK_MESSAGE(std::string(e.what()).find(part) != std::string::npos, e.what());
    }
}

/// The total of the loans of `c` at every value lo..hi of `parameter`: the scan a seek must agree with.
std::vector<money::int128> scan(const rules::batch::loan_columns& c, const plan::first_loan_subsidy_parameters& params,
                                sandbox::seek_parameter parameter, std::int64_t lo, std::int64_t hi) {
    std::vector<money::int128> totals;
    std::vector<std::int64_t> amount(c.size());
    std::vector<std::int32_t> status(c.size());
    for (std::int64_t v = lo; v <= hi; ++v)
        totals.push_back(rules::batch::first_loan_subsidy_batch(c, {amount, status, {}, {}},
                                                                sandbox::detail::with_value(params, parameter, v))
                             .total_fen);
    return totals;
}

/// Seeks req.target as a budget, then as a total to reach, over lo..hi, and
/// checks both answers against `totals` (the scan of lo..hi): the boundary
/// of the scan, a certificate that straddles the target, every evaluation's
/// total the scan's. Returns the number of evaluations of each seek.
std::pair<std::size_t, std::size_t> check_against_scan(const rules::batch::loan_columns& c,
                                                       const plan::first_loan_subsidy_parameters& params,
                                                       sandbox::seek_request req,
                                                       const std::vector<money::int128>& totals, std::int64_t lo,
                                                       std::int64_t hi) {
    const money::int128 target = req.target.fen();
    const auto at = [&](std::int64_t v) { return totals.at(static_cast<std::size_t>(v - lo)); };
    // A budget: the largest value whose total is within it.
    req.reach = false;
    std::int64_t best = -1;
    for (std::int64_t v = lo; v <= hi; ++v)
        if (at(v) <= target) best = v;
    REQUIRE(best >= 0);
    const auto r = sandbox::seek(c, params, req);
    CHECK(r.value == best);
    for (const auto& e : r.evaluations) CHECK(e.total_fen == at(e.value));
    CHECK(r.total_fen <= target);
    if (r.next_value) {
        CHECK(*r.next_value == r.value + 1);
        CHECK(*r.next_total_fen > target);
    } else {
        CHECK(r.value == hi);
    }
    // A total to reach: the smallest value whose total is at least it.
    req.reach = true;
    std::int64_t first = -1;
    for (std::int64_t v = lo; v <= hi && first < 0; ++v)
        if (at(v) >= target) first = v;
    const auto q = sandbox::seek(c, params, req);
    CHECK(q.value == first);
    for (const auto& e : q.evaluations) CHECK(e.total_fen == at(e.value));
    CHECK(q.total_fen >= target);
    if (q.next_value) {
        CHECK(*q.next_value == q.value - 1);
        CHECK(*q.next_total_fen < target);
    } else {
        CHECK(q.value == lo);
    }
    return {r.evaluations.size(), q.evaluations.size()};
}

}  // namespace

TEST_CASE("seek: the balance cap within a budget, worked by hand") {
    // Loans of 1,000,000 and 300,000 for 91 days under the 1% ceiling:
    // total(cap) = round(min(1e6, cap) × 91 / 36000) + round(min(3e5, cap) × 91 / 36000).
    // B is 758.33; A may be at most 1241.67, i.e. its exact value below
    // 1241.675, i.e. cap < 1241.675 × 36000 / 91 = 491212.087…: the cap is
    // 491212.08 (total 2000.00), and 491212.09 gives 1241.68 (2000.01).
    sandbox::loan_population pop;
    pop.add(loan("1000000.00"));
    pop.add(loan("300000.00"));
    sandbox::seek_request req;
    req.target = money::parse_amount("2000");
    const auto r = sandbox::seek(pop.columns(), plan::plan_2022().first_loan_subsidy, req);
    CHECK(sandbox::value_text(r.parameter, r.value) == "491212.08");
    CHECK(fen(r.total_fen) == "2000.00");
    REQUIRE(r.next_value);
    CHECK(sandbox::value_text(r.parameter, *r.next_value) == "491212.09");
    CHECK(fen(*r.next_total_fen) == "2000.01");
    // The two ends, then at most bisection's count plus one (the ITP method's
    // bound): range 0..1e8 分, ⌈log2 1e8⌉ = 27 halvings. This total moves one
    // 分 for every ~396 分 of cap, a staircase no interpolation can see into.
    CHECK(r.evaluations.size() <= 2 + 27 + 1);

    // Reaching a total instead: the smallest cap giving at least 2000.01 is the step above.
    req.reach = true;
    req.target = money::parse_amount("2000.01");
    const auto q = sandbox::seek(pop.columns(), plan::plan_2022().first_loan_subsidy, req);
    CHECK(sandbox::value_text(q.parameter, q.value) == "491212.09");
    CHECK(sandbox::value_text(q.parameter, *q.next_value) == "491212.08");
}

TEST_CASE("seek: the window's last day, to the day") {
    // Three loans of 360,000 (each 91 × 1% / 360 × 360000 = 910.00) applied
    // 04-01, 05-15 and 06-20: a budget of 2000 admits two, so the window
    // may end on 06-19 at the latest; 06-20 takes in the third (2730.00).
    sandbox::loan_population pop;
    pop.add(loan("360000.00", date(2022, 4, 1)));
    pop.add(loan("360000.00", date(2022, 5, 15)));
    pop.add(loan("360000.00", date(2022, 6, 20)));
    sandbox::seek_request req;
    req.parameter = sandbox::seek_parameter::application_window_to;
    req.target = money::parse_amount("2000");
    const auto r = sandbox::seek(pop.columns(), plan::plan_2022().first_loan_subsidy, req);
    CHECK(sandbox::value_text(r.parameter, r.value) == "2022-06-19");
    CHECK(fen(r.total_fen) == "1820.00");
    CHECK(sandbox::value_text(r.parameter, *r.next_value) == "2022-06-20");
    CHECK(fen(*r.next_total_fen) == "2730.00");
}

TEST_CASE("seek: refusals") {
    sandbox::loan_population pop;
    pop.add(loan("360000.00", date(2022, 4, 1)));
    pop.add(loan("360000.00", date(2022, 5, 15)));
    const auto& params = plan::plan_2022().first_loan_subsidy;
    sandbox::seek_request req;
    req.target = money::parse_amount("-1");
    expect_refused([&] { (void)sandbox::seek(pop.columns(), params, req); }, "budget", "must not be negative");
    // From a cap of 1000.00 up: each loan already gets 1000 × 91 / 36000 = 2.527… → 2.53, 5.06 in all.
    req.lo = 100000;
    req.target = money::parse_amount("5");
    expect_refused([&] { (void)sandbox::seek(pop.columns(), params, req); }, "budget", "above the budget");
    req.lo = std::nullopt;
    req.parameter = sandbox::seek_parameter::application_window_from;
    req.target = money::parse_amount("1000");
    expect_refused([&] { (void)sandbox::seek(pop.columns(), params, req); }, "parameter", "does not rise");
    CHECK_THROWS_AS((void)sandbox::seek_parameter_from("first_loan_subsidy.basis"), zjcredit::not_found_error);
}

TEST_CASE("seek: equal to a brute-force scan of the whole range (random populations)") {
    zjcredit::testing::rng rng(20220913);
    const auto& params = plan::plan_2022().first_loan_subsidy;
    int cases = 0;
    for (int t = 0; t < 240; ++t) {
        sandbox::loan_population pop;
        // 1-5 loans, and in every fourth case up to 40.
        const int n = 1 + static_cast<int>(rng.next() % (t % 4 == 3 ? 40 : 5));
        for (int i = 0; i < n; ++i) {
            const auto balance_fen = static_cast<std::int64_t>(rng.next() % 4000);  // up to 40 元: a small range
            rules::loan_record l = loan("0");
            l.balances[0].balance = money::amount::from_fen(balance_fen);
            l.balances[0].to = date(2022, 4, 1) + boost::gregorian::date_duration(static_cast<long>(rng.next() % 91));
            l.period.to = l.balances[0].to;
            l.annual_rate = money::rate::from_units(static_cast<std::int64_t>(rng.next() % 3) * 50'000'000 + 50'000'000);
            pop.add(l);
        }
        const auto c = pop.columns();
        const auto [lo, hi] = sandbox::seek_range(c, params, sandbox::seek_parameter::balance_cap);
        const std::vector<money::int128> totals = scan(c, params, sandbox::seek_parameter::balance_cap, lo, hi);
        sandbox::seek_request req;
        req.target = money::amount::from_fen(static_cast<std::int64_t>(
            totals.back() == 0 ? 0 : rng.next() % static_cast<std::uint64_t>(totals.back() + 1)));
        check_against_scan(c, params, req, totals, lo, hi);
        ++cases;
    }
    CHECK(cases >= 200);
}

TEST_CASE("seek: equal to a brute-force scan for the rate ceiling and the window's last day") {
    // The same comparison for the parameters that move by the rate unit and
    // by the day: every value of a small range evaluated, the seek's answer
    // (for a budget and for a total to reach) the boundary of that scan.
    zjcredit::testing::rng rng(20221204);
    const auto& params = plan::plan_2022().first_loan_subsidy;
    int cases = 0;
    for (int t = 0; t < 160; ++t) {
        const bool by_rate = t % 2 == 0;
        sandbox::loan_population pop;
        const int n = 1 + static_cast<int>(rng.next() % 30);
        for (int i = 0; i < n; ++i) {
            const date applied = date(2022, 4, 1) + boost::gregorian::date_duration(static_cast<long>(rng.next() % 91));
            rules::loan_record l = loan("0", applied);
            l.balances[0].balance = money::amount::from_fen(static_cast<std::int64_t>(rng.next() % 100'000'000));
            // 0.30% .. 1.50%, in steps of 0.0001%
            l.annual_rate = money::rate::from_units(3'000'000 + static_cast<std::int64_t>(rng.next() % 12'001) * 1'000);
            pop.add(l);
        }
        const auto c = pop.columns();
        const auto parameter =
            by_rate ? sandbox::seek_parameter::rate_ceiling : sandbox::seek_parameter::application_window_to;
        auto [lo, hi] = sandbox::seek_range(c, params, parameter);
        if (by_rate) {  // 3,001 rate units somewhere below the highest rate
            lo = static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(hi + 1));
            hi = lo + 3'000;
        }
        const std::vector<money::int128> totals = scan(c, params, parameter, lo, hi);
        const money::int128 span = totals.back() - totals.front();
        sandbox::seek_request req;
        req.parameter = parameter;
        req.lo = lo;
        req.hi = hi;
        req.target = money::amount::from_fen(static_cast<std::int64_t>(
            totals.front() + (span == 0 ? 0 : static_cast<money::int128>(rng.next() % static_cast<std::uint64_t>(span + 1)))));
        const auto [evaluations, reach_evaluations] = check_against_scan(c, params, req, totals, lo, hi);
        // Never more evaluations than the ends, bisection's halvings and one.
        int halvings = 0;
        while ((std::int64_t{1} << halvings) < hi - lo) ++halvings;
        CHECK(evaluations <= static_cast<std::size_t>(2 + halvings + 1));
        CHECK(reach_evaluations <= static_cast<std::size_t>(2 + halvings + 1));
        ++cases;
    }
    CHECK(cases == 160);
}
