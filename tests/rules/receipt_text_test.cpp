// The one-record JSON text (rules::first_loan_subsidy_json, written from the
// rule's pieces by src/rules/receipt_text.hpp) against to_json of the C++
// result (rules::receipt_builder): the same bytes, on random loans under
// plans that take every branch of the receipt — not eligible for one or
// several reasons, the rate ceiling, the maximum period, the per-borrower
// cap and the budget biting or not, and parameters overridden for a
// scenario (the receipt's "source": "override").
#include <doctest/doctest.h>

#include "../splitmix.hpp"

#include <zjcredit/error.hpp>
#include <zjcredit/plan/overrides.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/json.hpp>

#include <string>
#include <vector>

namespace {

namespace rules = zjcredit::rules;
namespace plan = zjcredit::plan;
namespace money = zjcredit::money;
namespace dates = zjcredit::dates;
using zjcredit::testing::rng;

dates::date day_of(std::int32_t n) { return dates::from_day_number(n); }

rules::loan_record random_loan(rng& g) {
    rules::loan_record loan;
    loan.borrower = g.chance(500) ? "湛江市甲科技有限公司" : "Borrower \"B\" \\ 乙";
    const plan::borrower_kind kinds[] = {plan::borrower_kind::small, plan::borrower_kind::micro,
                                         plan::borrower_kind::medium, plan::borrower_kind::individual_business};
    loan.borrower_kind = g.pick(kinds);
    const std::int32_t window_from = zjcredit::testing::day(2022, 4, 1);
    loan.first_application_date = day_of(window_from + static_cast<std::int32_t>(g.range(-20, 110)));
    loan.via_platform = g.chance(900);
    loan.local_legal_person_lender = g.chance(900);
    loan.first_loan = g.chance(900);
    // 0.01%..20% in steps of 0.01% (the rate's unit is 10^-10); now and then 30%, which the rule refuses
    loan.annual_rate = money::rate::from_units(g.chance(20) ? 3'000'000'000 : g.range(1, 2000) * 1'000'000);
    std::int32_t from = zjcredit::testing::day(2022, 1, 1);
    const int ranges = static_cast<int>(g.range(1, 12));
    for (int k = 0; k < ranges; ++k) {
        const std::int32_t to = from + static_cast<std::int32_t>(g.range(0, 40));
        loan.balances.push_back({day_of(from), day_of(to), money::amount::from_fen(g.range(0, 1'500'000'000))});
        from = to + 1;
    }
    loan.period.from = loan.balances.front().from;
    loan.period.to = day_of(from - 1 - static_cast<std::int32_t>(g.range(0, 5)));
    if (loan.period.to < loan.period.from) loan.period.to = loan.period.from;
    return loan;
}

std::vector<plan::plan> plans() {
    const plan::plan& base = plan::plan_2022();
    return {
        base,
        plan::with_parameters(base, "first_loan_subsidy",
                              {{"per_borrower_cap", "3000"}, {"budget", "2000.00"}, {"max_subsidy_days", "60"}},
                              "tight"),
        plan::with_parameters(base, "first_loan_subsidy",
                              {{"balance_cap", "500万"}, {"rate_ceiling", "0.5%"}, {"rounding", "down"},
                               {"eligible_kinds", "small,micro,individual_business"}},
                              "cap500"),
    };
}

}  // namespace

TEST_CASE("receipt text: first_loan_subsidy_json is to_json of the result, byte for byte") {
    rng g(20221206);
    const auto ps = plans();
    int compared = 0, refused = 0, eligible = 0, capped = 0;
    for (int i = 0; i < 600; ++i) {
        const rules::loan_record loan = random_loan(g);
        for (const auto& p : ps) {
            std::string from_result, from_pieces;
            std::string error_result, error_pieces;
            try {
                const auto r = rules::first_loan_subsidy(loan, p);
                from_result = rules::to_json(r);
                eligible += r.eligible ? 1 : 0;
                capped += r.reasons.empty() || !r.eligible ? 0 : 1;
            } catch (const zjcredit::error& e) {
                error_result = e.what();
            }
            try {
                from_pieces = rules::first_loan_subsidy_json(loan, p);
            } catch (const zjcredit::error& e) {
                error_pieces = e.what();
            }
            CAPTURE(i);
            REQUIRE(error_result == error_pieces);
            REQUIRE(from_result == from_pieces);
            (error_result.empty() ? compared : refused) += 1;
        }
    }
    // Every branch was taken: results eligible and not, caps that bit, records refused.
    CHECK(compared > 1000);
    CHECK(eligible > 200);
    CHECK(compared - eligible > 200);
    CHECK(capped > 20);
    CHECK(refused > 10);
}
