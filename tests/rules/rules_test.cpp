// Unit tests of the rules beyond the golden cases: receipt helpers, overflow
// through the C++ API, order independence, JSON shapes and errors.
#include <doctest/doctest.h>

#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/budget.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/listing_award.hpp>
#include <zjcredit/rules/receipt.hpp>
#include <zjcredit/rules/receivables_reward.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace {

namespace rules = zjcredit::rules;
namespace plan = zjcredit::plan;
namespace money = zjcredit::money;
namespace dates = zjcredit::dates;
using dates::date;
using money::amount;

amount yuan(std::string_view s) { return money::parse_amount(s); }

rules::loan_record sample_loan() {
    rules::loan_record l;
    l.borrower = "湛江市甲科技有限公司";
    l.borrower_kind = plan::borrower_kind::micro;
    l.first_application_date = date(2022, 4, 1);
    l.via_platform = true;
    l.local_legal_person_lender = true;
    l.first_loan = true;
    l.annual_rate = money::parse_rate("4.35%");
    l.balances = {{date(2022, 4, 1), date(2022, 6, 30), yuan("1000000.00")}};
    l.period = {date(2022, 4, 1), date(2022, 6, 30)};
    return l;
}

}  // namespace

TEST_CASE("receipt helpers: exact values in yuan") {
    using rules::detail::exact_yuan;
    const auto third = exact_yuan(1, 3);  // 1/3 分 = 1/300 元
    CHECK(third.numerator == "1");
    CHECK(third.denominator == "300");
    CHECK(third.decimal == "0.003333333333");
    CHECK(third.decimal_places == 12);
    CHECK_FALSE(third.decimal_exact);

    const auto half = exact_yuan(-5, 2);  // -2.5 分
    CHECK(half.numerator == "-1");
    CHECK(half.denominator == "40");
    CHECK(half.decimal == "-0.025000000000");
    CHECK(half.decimal_exact);

    const auto zero = exact_yuan(0, 7);
    CHECK(zero.numerator == "0");
    CHECK(zero.denominator == "1");
    CHECK(zero.decimal == "0.000000000000");
    CHECK(zero.decimal_exact);

    // 2527.777… 元 for the design's example: 91,000,000.00 元·日 × 1% / 360.
    const money::int128 num = money::int128(9'100'000'000) * 100'000'000;
    const auto s = exact_yuan(num, money::int128(10'000'000'000) * 360);
    CHECK(s.numerator + "/" + s.denominator == "22750/9");
    CHECK(s.decimal == "2527.777777777777");

    CHECK(rules::detail::fen_text(0) == "0.00");
    CHECK(rules::detail::fen_text(-5) == "-0.05");
    CHECK(rules::detail::fen_text(money::int128(1) << 100) == "12676506002282294014967032053.76");
}

TEST_CASE("first_loan_subsidy: overflow is an error, never a wrong number") {
    // 10^17 元 is 10^19 分, past the 64-bit amount.
    CHECK_THROWS_AS(amount::from_yuan(100'000'000'000'000'000), zjcredit::overflow_error);
    CHECK_THROWS_AS(money::parse_amount("100000000000000000"), zjcredit::overflow_error);

    // The largest amount for a century, with no cap and a rate near 100%:
    // the subsidy itself no longer fits 64 bits.
    auto params = plan::plan_2022().first_loan_subsidy;
    params.balance_cap = amount::max();
    params.rate_ceiling = money::rate::from_percent(100);
    params.annual_rate_max = money::rate::from_percent(100);  // past the plausible, to reach the overflow
    auto loan = sample_loan();
    loan.annual_rate = money::parse_rate("99.99%");
    loan.balances = {{date(2000, 1, 1), date(2099, 12, 31), amount::max()}};
    loan.period = {date(2000, 1, 1), date(2099, 12, 31)};
    CHECK_THROWS_AS(rules::first_loan_subsidy(loan, params, rules::reference_of(plan::plan_2022())),
                    zjcredit::overflow_error);

    // One day of it still fits: computed exactly.
    loan.balances = {{date(2022, 4, 1), date(2022, 4, 1), amount::max()}};
    loan.period = {date(2022, 4, 1), date(2022, 4, 1)};
    const auto r = rules::first_loan_subsidy(loan, params, rules::reference_of(plan::plan_2022()));
    // 9223372036854775807 分 × 0.9999 / 360, half up.
    const money::int128 expected =
        money::round_div(money::int128(INT64_MAX) * 9999, money::int128(10000) * 360, money::rounding::half_up);
    CHECK(r.amount.fen() == static_cast<std::int64_t>(expected));
}

TEST_CASE("receivables_reward: overflow past 128 bits is an error") {
    auto params = plan::plan_2022().receivables_reward;
    params.reward_rate = money::rate::from_percent(100);
    rules::receivables_record rec;
    rec.core_enterprise = "X";
    for (int i = 0; i < 700; ++i)
        rec.financings.push_back({"S", amount::max(), date(2022, 1, 1), std::nullopt, 2'900'000, true});
    CHECK_THROWS_AS(rules::receivables_reward(rec, params, rules::reference_of(plan::plan_2022())),
                    zjcredit::overflow_error);
}

TEST_CASE("first_loan_subsidy: validation names the field and the day") {
    auto loan = sample_loan();
    loan.balances = {{date(2022, 4, 1), date(2022, 4, 30), yuan("1.00")},
                     {date(2022, 5, 2), date(2022, 6, 30), yuan("1.00")}};
    try {
        (void)rules::first_loan_subsidy(loan);
        FAIL("expected an error");
    } catch (const zjcredit::validation_error& e) {
        CHECK(e.field() == "period");
        CHECK(std::string(e.what()).find("2022-05-01") != std::string::npos);
    }
    loan = sample_loan();
    loan.first_application_date = date();  // not set
    CHECK_THROWS_AS(rules::first_loan_subsidy(loan), zjcredit::validation_error);
    loan = sample_loan();
    loan.borrower.clear();
    CHECK_THROWS_AS(rules::first_loan_subsidy(loan), zjcredit::validation_error);
}

TEST_CASE("records: at most limits::max_record_items ranges or financings") {
    // 100,000 one-day ranges from 1800-01-01 on are valid (the period is
    // their last day); one more is a validation error of the list itself.
    auto loan = sample_loan();
    loan.balances.clear();
    const date first(1800, 1, 1);
    for (std::size_t i = 0; i < zjcredit::limits::max_record_items; ++i) {
        const date d = first + boost::gregorian::days(static_cast<long>(i));
        loan.balances.push_back({d, d, yuan("1.00")});
    }
    loan.period = {loan.balances.back().from, loan.balances.back().to};
    CHECK_NOTHROW((void)rules::first_loan_subsidy(loan));
    const date next = loan.balances.back().to + boost::gregorian::days(1);
    loan.balances.push_back({next, next, yuan("1.00")});
    try {
        (void)rules::first_loan_subsidy(loan);
        FAIL("expected an error");
    } catch (const zjcredit::validation_error& e) {
        CHECK(e.field() == "balances");
        CHECK(e.text() == "100001 ranges");
        CHECK(std::string(e.what()).find("at most 100000 ranges") != std::string::npos);
    }

    rules::receivables_record rec;
    rec.core_enterprise = "X";
    for (std::size_t i = 0; i <= zjcredit::limits::max_record_items; ++i)
        rec.financings.push_back({"S", yuan("1.00"), date(2022, 1, 1), std::nullopt, 30, true});
    try {
        (void)rules::receivables_reward(rec, plan::plan_2022().receivables_reward,
                                        rules::reference_of(plan::plan_2022()));
        FAIL("expected an error");
    } catch (const zjcredit::validation_error& e) {
        CHECK(e.field() == "financings");
        CHECK(e.text() == "100001 financings");
    }
    rec.financings.pop_back();
    CHECK_NOTHROW((void)rules::receivables_reward(rec, plan::plan_2022().receivables_reward,
                                                  rules::reference_of(plan::plan_2022())));
}

TEST_CASE("first_loan_subsidy: a schedule reaching 9999-12-31 is walked without leaving the calendar") {
    auto loan = sample_loan();
    loan.balances = {{date(2022, 4, 1), date(9999, 12, 31), yuan("1.00")}};
    loan.period = {date(9999, 12, 1), date(9999, 12, 31)};
    const auto r = rules::first_loan_subsidy(loan);
    CHECK(r.eligible);
    CHECK(money::to_string(r.amount) == "0.00");  // 31 × 1.00 × 1% / 360 = 0.00086…
    auto params = plan::plan_2022().first_loan_subsidy;
    params.max_subsidy_days = INT64_MAX;
    CHECK_NOTHROW((void)rules::first_loan_subsidy(loan, params, rules::reference_of(plan::plan_2022())));
}

TEST_CASE("first_loan_subsidy: a max subsidy period ending before the claim counts no day") {
    auto loan = sample_loan();
    loan.balances = {{date(2022, 4, 1), date(2022, 12, 31), yuan("1000000.00")}};
    loan.period = {date(2022, 10, 1), date(2022, 12, 31)};
    auto params = plan::plan_2022().first_loan_subsidy;
    params.max_subsidy_days = 30;
    const auto r = rules::first_loan_subsidy(loan, params, rules::reference_of(plan::plan_2022()));
    CHECK(r.eligible);
    CHECK(r.amount.is_zero());
    REQUIRE(r.receipt.unrounded.has_value());
    CHECK(r.receipt.unrounded->numerator == "0");
}

TEST_CASE("listing_award: the outcome does not depend on the order of the stages") {
    rules::listing_record rec;
    rec.company = "C";
    rec.stages = {{"listed", date(2023, 6, 1)},
                  {"tutoring_filed", date(2022, 3, 1)},
                  {"listed", date(2023, 7, 1)},
                  {"application_accepted", date(2022, 11, 1)},
                  {"tutoring_filed", date(2022, 2, 1)}};
    rec.paid_amount = yuan("6000000.00");
    const auto reference = rules::listing_award(rec);
    CHECK(money::to_string(reference.amount) == "3000000.00");
    std::sort(rec.stages.begin(), rec.stages.end(),
              [](const rules::stage_claim& a, const rules::stage_claim& b) { return a.stage < b.stage || (a.stage == b.stage && a.date < b.date); });
    int permutations = 0;
    do {
        const auto r = rules::listing_award(rec);
        CHECK(r.amount == reference.amount);
        CHECK(r.awards == reference.awards);
        CHECK(r.reasons == reference.reasons);
        ++permutations;
    } while (std::next_permutation(rec.stages.begin(), rec.stages.end(),
                                   [](const rules::stage_claim& a, const rules::stage_claim& b) {
                                       return a.stage < b.stage || (a.stage == b.stage && a.date < b.date);
                                   }));
    CHECK(permutations == 120);
}

TEST_CASE("listing_award: never past the cap, whatever is repeated") {
    std::mt19937_64 rng(20220913);
    const std::vector<std::string> ids{"tutoring_filed", "application_accepted", "listed"};
    for (int n = 0; n < 2000; ++n) {
        rules::listing_record rec;
        rec.company = "C";
        const auto k = rng() % 8;
        for (std::uint64_t i = 0; i < k; ++i)
            rec.stages.push_back({ids[rng() % 3], date(2022, 1, 1) + boost::gregorian::date_duration(static_cast<long>(rng() % 700))});
        if (rng() % 2) rec.paid_stages.push_back(ids[rng() % 3]);
        rec.paid_amount = amount::from_fen(static_cast<std::int64_t>(rng() % 1'000'000'001));
        const auto r = rules::listing_award(rec);
        CHECK(r.amount + rec.paid_amount <= std::max(amount::from_yuan(9'000'000), rec.paid_amount));
        CHECK(r.amount.fen() >= 0);
    }
}

TEST_CASE("allocate_budget: deterministic under reordering, exact to the fen") {
    std::mt19937_64 rng(86);
    for (int n = 0; n < 300; ++n) {
        rules::budget_request req;
        req.method = n % 2 ? rules::allocation_method::pro_rata : rules::allocation_method::first_come_first_served;
        const auto k = 1 + rng() % 9;
        for (std::uint64_t i = 0; i < k; ++i)
            req.claims.push_back({"c" + std::to_string(i), amount::from_fen(static_cast<std::int64_t>(rng() % 5 == 0 ? 1000 : rng() % 100000)),
                                  "2022-04-0" + std::to_string(1 + rng() % 3)});
        req.budget = amount::from_fen(static_cast<std::int64_t>(rng() % 200000));
        const auto reference = rules::allocate_budget(req);
        CHECK(reference.amount == std::min(req.budget, reference.claimed));
        amount sum;
        for (const auto& a : reference.allocations) {
            CHECK(a.allocated <= a.claimed);
            CHECK(a.allocated.fen() >= 0);
            sum += a.allocated;
        }
        CHECK(sum == reference.amount);
        if (req.method == rules::allocation_method::pro_rata && reference.claimed > req.budget) {
            // Each share is within one fen of the exact share, and below it only by the cut.
            for (const auto& a : reference.allocations) {
                const money::int128 exact_num = money::int128(req.budget.fen()) * a.claimed.fen();
                const money::int128 floor = exact_num / reference.claimed.fen();
                CHECK((a.allocated.fen() == floor || a.allocated.fen() == floor + 1));
            }
        }
        for (int s = 0; s < 5; ++s) {
            std::shuffle(req.claims.begin(), req.claims.end(), rng);
            const auto r = rules::allocate_budget(req);
            CHECK(r.allocations == reference.allocations);
            CHECK(r.amount == reference.amount);
        }
    }
}

TEST_CASE("json: records are read strictly, errors name the JSON path") {
    using nlohmann::json;
    json loan = json::parse(rules::to_json(sample_loan()));
    auto error_of = [](const json& j) -> std::pair<zjcredit::errc, std::string> {
        try {
            (void)rules::first_loan_subsidy(rules::loan_record_from_json(j.dump()));
        } catch (const zjcredit::error& e) {
            return {e.code(), e.field()};
        }
        return {zjcredit::errc::io, "no error"};
    };
    {
        json j = loan;
        j["balances"][0]["balance"] = "1.005";
        CHECK(error_of(j) == std::make_pair(zjcredit::errc::parse, std::string("balances[0].balance")));
    }
    {
        json j = loan;
        j["balances"][0]["balance"] = 1000;
        CHECK(error_of(j) == std::make_pair(zjcredit::errc::parse, std::string("balances[0].balance")));
    }
    {
        json j = loan;
        j["balances"][0]["date"] = "2022-04-01";
        CHECK(error_of(j).first == zjcredit::errc::parse);
    }
    {
        json j = loan;
        j.erase("period");
        CHECK(error_of(j) == std::make_pair(zjcredit::errc::parse, std::string("period")));
    }
    {
        json j = loan;
        j["period"]["until"] = "2022-06-30";
        CHECK(error_of(j) == std::make_pair(zjcredit::errc::parse, std::string("period.until")));
    }
    {
        json j = loan;
        j["first_application_date"] = "2022-02-30";
        CHECK(error_of(j) == std::make_pair(zjcredit::errc::parse, std::string("first_application_date")));
    }
    CHECK_THROWS_AS(rules::loan_record_from_json("{\"borrower\": \"a\", \"borrower\": \"b\"}"), zjcredit::parse_error);
    CHECK_THROWS_AS(rules::loan_record_from_json("[]"), zjcredit::parse_error);
    CHECK_THROWS_AS(rules::budget_request_from_json(R"({"budget": "1.00", "method": "lottery", "claims": []})"),
                    zjcredit::parse_error);
}

TEST_CASE("json: results have the documented shape and are byte-identical") {
    using nlohmann::ordered_json;
    const std::string record = rules::to_json(sample_loan());
    const std::string a = rules::first_loan_subsidy_json(record);
    CHECK(a == rules::first_loan_subsidy_json(record));
    CHECK(a.back() == '\n');
    const ordered_json j = ordered_json::parse(a);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"eligible", "amount", "reasons", "receipt"});
    CHECK(j["amount"] == "2527.78");
    const ordered_json& r = j["receipt"];
    keys.clear();
    for (auto it = r.begin(); it != r.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"receipt_schema_version", "rule", "rule_set_version", "plan_document",
                                           "parameters", "inputs", "steps", "unrounded", "rounding", "rounded",
                                           "result", "explanation"});
    CHECK(r["receipt_schema_version"] == rules::receipt_schema_version);
    CHECK(r["rule"] == "first_loan_subsidy");
    CHECK(r["rule_set_version"] == "2022.1");
    CHECK(r["plan_document"] == "湛金函〔2022〕86号");
    CHECK(r["inputs"]["annual_rate"] == "4.35%");
    CHECK(r["inputs"]["balances[0].balance"] == "1000000.00");
    CHECK(r["unrounded"]["numerator"] == "22750");
    CHECK(r["unrounded"]["denominator"] == "9");
    CHECK(r["unrounded"]["unit"] == "yuan");
    CHECK(r["unrounded"]["decimal"] == "2527.777777777777");
    CHECK(r["unrounded"]["decimal_places"] == 12);
    CHECK(r["unrounded"]["decimal_exact"] == false);
    CHECK(r["rounding"] == "half_up");
    CHECK(r["rounded"] == "2527.78");
    CHECK(r["result"] == "2527.78");
    bool cap_with_clause = false;
    for (const auto& p : r["parameters"])
        if (p["name"] == "balance_cap") {
            cap_with_clause = p["value"] == "10000000.00" && p["from_plan"] == true &&
                              p["clause"].get<std::string>().find("二、主要措施（一）") != std::string::npos;
        }
    CHECK(cap_with_clause);
    // Steps in order: the window first, then each eligibility check, then the computation.
    std::vector<std::string> ids;
    for (const auto& s : r["steps"]) ids.push_back(s["id"].get<std::string>());
    CHECK(ids == std::vector<std::string>{"window", "eligibility.borrower_kind", "eligibility.via_platform",
                                          "eligibility.local_legal_person_lender", "eligibility.first_loan",
                                          "balances[0]", "rate_ceiling", "unrounded", "rounding"});
    // The receipt alone serialises the same way.
    const auto result = rules::first_loan_subsidy(sample_loan());
    CHECK(ordered_json::parse(rules::to_json(result.receipt)) == r);

    // Amounts always have exactly two decimals, everywhere.
    const std::string listing = rules::listing_award_json(R"({"company": "C", "stages": [{"stage": "listed", "date": "2023-01-01"}]})");
    const ordered_json l = ordered_json::parse(listing);
    CHECK(l["amount"] == "4000000.00");
    CHECK(l["awards"][0]["award"] == "4000000.00");
    CHECK(l["stage_table_placeholder"] == true);
    CHECK(l["notices"][0]["code"] == "stage_table_placeholder");
    CHECK(l["receipt"]["unrounded"].is_null());
    CHECK(l["receipt"]["rounding"].is_null());
    const std::string budget = rules::allocate_budget_json(
        R"({"budget": "1万", "method": "pro_rata", "claims": [{"id": "a", "amount": "3万"}, {"id": "b", "amount": "6万"}]})");
    const ordered_json b = ordered_json::parse(budget);
    CHECK(b["amount"] == "10000.00");
    CHECK(b["allocations"][0]["allocated"] == "3333.33");
    CHECK(b["allocations"][1]["allocated"] == "6666.67");
}

TEST_CASE("json: records round-trip") {
    const auto loan = sample_loan();
    CHECK(rules::loan_record_from_json(rules::to_json(loan)) == loan);
    rules::receivables_record rec{"X", {{"S", yuan("1.00"), date(2022, 1, 1), date(2022, 2, 1), std::nullopt, true},
                                        {"T", yuan("2.00"), date(2022, 1, 1), std::nullopt, 5, false}}};
    CHECK(rules::receivables_record_from_json(rules::to_json(rec)) == rec);
    rules::listing_record l{"C", {{"listed", date(2023, 1, 1)}}, {"tutoring_filed"}, yuan("2000000")};
    CHECK(rules::listing_record_from_json(rules::to_json(l)) == l);
    rules::budget_request b{yuan("10"), rules::allocation_method::first_come_first_served, {{"a", yuan("1"), "k"}}};
    CHECK(rules::budget_request_from_json(rules::to_json(b)) == b);
}
