// plan::with_parameters: values read like a plan file's, the same errors on
// the override's own field, the original plan untouched, and receipts that
// say which values were overridden. Expected amounts are worked by hand:
// Σ_days min(balance, cap) × min(rate, ceiling) / 360, rounded half up.
#include <doctest/doctest.h>

#include <zjcredit/error.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/overrides.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/json.hpp>

#include <functional>
#include <string>

namespace {

namespace plan = zjcredit::plan;
namespace rules = zjcredit::rules;
namespace money = zjcredit::money;
using zjcredit::dates::date;
using zjcredit::errc;

// 1,000,000.00 元 for the 91 days 2022-04-01..06-30 at 4.35%.
rules::loan_record sample_loan() {
    rules::loan_record l;
    l.borrower = "湛江市甲科技有限公司";
    l.borrower_kind = plan::borrower_kind::micro;
    l.first_application_date = date(2022, 4, 1);
    l.via_platform = true;
    l.local_legal_person_lender = true;
    l.first_loan = true;
    l.annual_rate = money::parse_rate("4.35%");
    l.balances = {{date(2022, 4, 1), date(2022, 6, 30), money::parse_amount("1000000.00")}};
    l.period = {date(2022, 4, 1), date(2022, 6, 30)};
    return l;
}

void expect_error(const std::function<void()>& call, errc code, const std::string& field,
                  const std::string& message_part) {
    try {
        call();
        FAIL("no error");
    } catch (const zjcredit::error& e) {
        CHECK(e.code() == code);
        CHECK(e.field() == field);
        CHECK_MESSAGE(std::string(e.what()).find(message_part) != std::string::npos, e.what());
    }
}

const rules::parameter_use& used(const rules::receipt& r, const std::string& name) {
    for (const auto& p : r.parameters)
        if (p.name == name) return p;
    throw std::runtime_error("no parameter " + name);
}

}  // namespace

TEST_CASE("overrides: values read like a plan file's, the plan itself untouched") {
    const plan::plan& base = plan::plan_2022();
    const plan::plan p = plan::with_parameters(base, "first_loan_subsidy",
                                               {{"balance_cap", "50万"}, {"rate_ceiling", "0.8%"}}, "cap50");
    CHECK(money::to_string(p.first_loan_subsidy.balance_cap) == "500000.00");
    CHECK(money::to_string(p.first_loan_subsidy.rate_ceiling) == "0.8%");
    CHECK(p.doc.rule_set_version == "2022.1+override");
    CHECK(base.doc.rule_set_version == "2022.1");
    CHECK(money::to_string(base.first_loan_subsidy.balance_cap) == "10000000.00");
    CHECK(base.first_loan_subsidy.sources.at("balance_cap").overridden == std::nullopt);
    // The overridden plan survives its own JSON.
    CHECK(plan::plan_from_json(plan::plan_to_json(p)) == p);
    // Overriding again keeps the value the plan file had, and the version mark once.
    const plan::plan q = plan::with_parameters(p, "first_loan_subsidy", {{"balance_cap", "20万"}}, "cap20");
    CHECK(q.doc.rule_set_version == "2022.1+override");
    CHECK(q.first_loan_subsidy.sources.at("balance_cap").overridden->plan_value == "10000000.00");
    CHECK(q.first_loan_subsidy.sources.at("balance_cap").overridden->scenario == "cap20");
}

TEST_CASE("overrides: every kind of value") {
    const plan::plan& base = plan::plan_2022();
    const plan::plan w = plan::with_parameters(base, "first_loan_subsidy",
                                               {{"application_window", "2022-04-01..2022-05-31"},
                                                {"eligible_kinds", "small, micro, individual_business"},
                                                {"max_subsidy_days", "30"},
                                                {"per_borrower_cap", "1000"},
                                                {"rounding", "down"}});
    CHECK(w.first_loan_subsidy.application_window.to() == date(2022, 5, 31));
    CHECK(w.first_loan_subsidy.eligible_kinds.size() == 3);
    CHECK(w.first_loan_subsidy.max_subsidy_days == 30);
    CHECK(money::to_string(*w.first_loan_subsidy.per_borrower_cap) == "1000.00");
    CHECK(w.first_loan_subsidy.rounding == money::rounding::down);
    CHECK(w.first_loan_subsidy.sources.at("per_borrower_cap").overridden->plan_value == std::nullopt);
    const plan::plan unset = plan::with_parameters(w, "first_loan_subsidy", {{"per_borrower_cap", "none"}});
    CHECK(!unset.first_loan_subsidy.per_borrower_cap);
    const plan::plan r = plan::with_parameters(base, "receivables_reward",
                                               {{"require_platform_confirmation", "false"}, {"straddle", "exclude"}});
    CHECK(!r.receivables_reward.require_platform_confirmation);
    CHECK(r.receivables_reward.straddle == plan::straddle_policy::exclude);
    const plan::plan j = plan::with_parameters_json(
        base, R"({"scenario": "s1", "listing_award": {"total_cap": "800万"}})");
    CHECK(money::to_string(j.listing_award.total_cap) == "8000000.00");
    CHECK(j.listing_award.sources.at("total_cap").overridden->scenario == "s1");
}

TEST_CASE("overrides: bad values are said on the override's field, quoting the text") {
    const plan::plan& base = plan::plan_2022();
    auto set = [&](const char* rule, const char* name, const char* text) {
        return [=] { (void)plan::with_parameters(plan::plan_2022(), rule, {{name, text}}); };
    };
    expect_error(set("first_loan_subsidy", "balance_kap", "1"), errc::not_found, "first_loan_subsidy.balance_kap",
                 "known: application_window, balance_cap, rate_ceiling");
    expect_error(set("first_loan_subsidy", "balance_cap", "1%"), errc::parse, "first_loan_subsidy.balance_cap",
                 "\"1%\"");
    expect_error(set("first_loan_subsidy", "rate_ceiling", "abc"), errc::parse, "first_loan_subsidy.rate_ceiling",
                 "\"abc\"");
    expect_error(set("first_loan_subsidy", "application_window", "2022-06-30..2022-04-01"), errc::validation,
                 "first_loan_subsidy.application_window", "before it starts");
    expect_error(set("first_loan_subsidy", "application_window", "2022-06-30"), errc::parse,
                 "first_loan_subsidy.application_window", "FROM..TO");
    expect_error(set("first_loan_subsidy", "budget", "-5"), errc::validation, "first_loan_subsidy.budget", "\"-5");
    expect_error(set("first_loan_subsidy", "rounding", "nearest"), errc::parse, "first_loan_subsidy.rounding",
                 "half_up");
    expect_error(set("first_loan_subsidy", "max_subsidy_days", "3.5"), errc::parse,
                 "first_loan_subsidy.max_subsidy_days", "whole number");
    expect_error(set("receivables_reward", "require_platform_confirmation", "yes"), errc::parse,
                 "receivables_reward.require_platform_confirmation", "true or false");
    expect_error(set("first_loan", "balance_cap", "1"), errc::not_found, "rule", "first_loan_subsidy");
    expect_error([] { (void)plan::parse_setting("balance_cap=1"); }, errc::parse, "set", "RULE.NAME=VALUE");
    const plan::setting s = plan::parse_setting("first_loan_subsidy.balance_cap=500万");
    CHECK(s.rule == "first_loan_subsidy");
    CHECK(s.name == "balance_cap");
    CHECK(s.value == "500万");
    CHECK(base.doc.rule_set_version == "2022.1");
}

TEST_CASE("overrides: the receipt says which value was overridden, a plain run says nothing new") {
    const plan::plan& base = plan::plan_2022();
    const auto plain = rules::first_loan_subsidy(sample_loan(), base);
    CHECK(money::to_string(plain.amount) == "2527.78");  // 1e6 × 91 × 1% / 360 = 2527.777…
    CHECK(rules::to_json(plain.receipt).find("\"source\"") == std::string::npos);

    const plan::plan p = plan::with_parameters(base, "first_loan_subsidy", {{"balance_cap", "50万"}}, "cap50");
    const auto r = rules::first_loan_subsidy(sample_loan(), p);
    CHECK(money::to_string(r.amount) == "1263.89");  // 5e5 × 91 × 1% / 360 = 1263.888…
    CHECK(r.receipt.rule_set_version == "2022.1+override");
    const auto& cap = used(r.receipt, "balance_cap");
    CHECK(cap.value == "500000.00");
    CHECK(!cap.from_plan);
    REQUIRE(cap.overridden);
    CHECK(cap.overridden->scenario == "cap50");
    CHECK(cap.overridden->plan_value == "10000000.00");
    CHECK(!used(r.receipt, "rate_ceiling").overridden);
    const std::string text = rules::to_json(r.receipt);
    CHECK(text.find("\"source\": \"override\"") != std::string::npos);
    CHECK(text.find("\"plan_value\": \"10000000.00\"") != std::string::npos);
    CHECK(text.find("\"scenario\": \"cap50\"") != std::string::npos);
    CHECK(text.find("\"rule_set_version\": \"2022.1+override\"") != std::string::npos);

    // A later call on the original plan is as before.
    CHECK(rules::first_loan_subsidy(sample_loan(), base) == plain);
}
