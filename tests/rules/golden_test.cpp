// Runs the golden cases of tests/golden/<rule>/*.json (format in
// docs/records.md, "Golden cases") through the public JSON API: the record is
// read with *_record_from_json, the rule runs under the 2022 parameters with
// the case's overrides, and the result must match "expected" (or the error
// "expected_error"). Every case also checks the receipt's invariants and that
// the result JSON is byte-identical when computed twice.
#include <doctest/doctest.h>

#include <zjcredit/error.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/json.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#ifndef ZJCREDIT_GOLDEN_DIR
#error "ZJCREDIT_GOLDEN_DIR must name tests/golden"
#endif

namespace {

namespace fs = std::filesystem;
namespace rules = zjcredit::rules;
namespace plan = zjcredit::plan;
namespace money = zjcredit::money;
namespace dates = zjcredit::dates;
using json = nlohmann::ordered_json;

std::vector<fs::path> cases(const std::string& rule) {
    std::vector<fs::path> out;
    for (const auto& e : fs::directory_iterator(fs::path(ZJCREDIT_GOLDEN_DIR) / rule))
        if (e.path().extension() == ".json") out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

json load(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return json::parse(ss.str());
}

std::string code_name(zjcredit::errc c) {
    switch (c) {
        case zjcredit::errc::parse: return "parse";
        case zjcredit::errc::validation: return "validation";
        case zjcredit::errc::overflow: return "overflow";
        case zjcredit::errc::not_found: return "not_found";
        case zjcredit::errc::io: return "io";
    }
    return "?";
}

const plan::source override_source{"golden case override", false, "set by the golden case"};

money::amount amount_of(const json& v) { return money::parse_amount(v.get<std::string>()); }

plan::first_loan_subsidy_parameters subsidy_parameters(const json& o) {
    plan::first_loan_subsidy_parameters p = plan::plan_2022().first_loan_subsidy;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string k = it.key();
        const json& v = it.value();
        if (k == "rounding") p.rounding = *money::rounding_from_string(v.get<std::string>());
        else if (k == "basis") p.basis = dates::day_basis_from_string(v.get<std::string>());
        else if (k == "balance_cap") p.balance_cap = amount_of(v);
        else if (k == "rate_ceiling") p.rate_ceiling = money::parse_rate(v.get<std::string>());
        else if (k == "max_subsidy_days") p.max_subsidy_days = v.get<std::int64_t>();
        else if (k == "per_borrower_cap") p.per_borrower_cap = amount_of(v);
        else if (k == "budget") p.budget = amount_of(v);
        else if (k == "eligible_kinds") {
            p.eligible_kinds.clear();
            for (const auto& s : v) p.eligible_kinds.push_back(*plan::borrower_kind_from_string(s.get<std::string>()));
        } else if (k == "application_window") {
            p.application_window = dates::window(dates::parse_date(v.at("from").get<std::string>()),
                                                 dates::parse_date(v.at("to").get<std::string>()));
        } else {
            FAIL("unknown subsidy parameter override " << k);
        }
        p.sources[k] = override_source;
    }
    return p;
}

plan::receivables_reward_parameters receivables_parameters(const json& o) {
    plan::receivables_reward_parameters p = plan::plan_2022().receivables_reward;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string k = it.key();
        const json& v = it.value();
        if (k == "rounding") p.rounding = *money::rounding_from_string(v.get<std::string>());
        else if (k == "basis") p.basis = dates::day_basis_from_string(v.get<std::string>());
        else if (k == "reward_rate") p.reward_rate = money::parse_rate(v.get<std::string>());
        else if (k == "straddle") p.straddle = *plan::straddle_policy_from_string(v.get<std::string>());
        else if (k == "require_platform_confirmation") p.require_platform_confirmation = v.get<bool>();
        else if (k == "per_enterprise_cap") p.per_enterprise_cap = amount_of(v);
        else if (k == "budget") p.budget = amount_of(v);
        else if (k == "financing_window") {
            p.financing_window = dates::window(dates::parse_date(v.at("from").get<std::string>()),
                                               dates::parse_date(v.at("to").get<std::string>()));
        } else {
            FAIL("unknown receivables parameter override " << k);
        }
        p.sources[k] = override_source;
    }
    return p;
}

plan::listing_award_parameters listing_parameters(const json& o) {
    plan::listing_award_parameters p = plan::plan_2022().listing_award;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string k = it.key();
        const json& v = it.value();
        if (k == "total_cap") p.total_cap = amount_of(v);
        else if (k == "stages_are_placeholder") p.stages_are_placeholder = v.get<bool>();
        else if (k == "stages") {
            p.stages.clear();
            for (const auto& s : v)
                p.stages.push_back({s.at("id").get<std::string>(), s.at("name").get<std::string>(), amount_of(s.at("award"))});
        } else {
            FAIL("unknown listing parameter override " << k);
        }
        p.sources[k] = override_source;
    }
    return p;
}

std::vector<std::string> expected_codes(const json& v) {
    std::vector<std::string> out;
    for (const auto& c : v) out.push_back(c.get<std::string>());
    return out;
}

/// Invariants every receipt must hold.
void check_receipt(const rules::receipt& r, std::string_view rule, money::amount amount) {
    CHECK(r.rule == rule);
    CHECK(r.rule_set_version == plan::plan_2022().doc.rule_set_version);
    CHECK(r.plan_document == "湛金函〔2022〕86号");
    CHECK(r.result == amount);
    CHECK_FALSE(r.parameters.empty());
    for (const auto& p : r.parameters) CHECK_MESSAGE(!p.clause.empty(), p.name);
    CHECK_FALSE(r.inputs.empty());
    CHECK_FALSE(r.steps.empty());
    CHECK_FALSE(r.explanation_zh.empty());
    CHECK_FALSE(r.explanation_en.empty());
    CHECK(r.explanation_zh.find(money::to_string(amount)) != std::string::npos);
    CHECK(r.explanation_en.find(money::to_string(amount)) != std::string::npos);
}

void check_steps(const rules::receipt& r, const json& expected) {
    if (!expected.contains("steps")) return;
    for (auto it = expected["steps"].begin(); it != expected["steps"].end(); ++it) {
        const auto s = std::find_if(r.steps.begin(), r.steps.end(), [&](const rules::step& x) { return x.id == it.key(); });
        REQUIRE_MESSAGE(s != r.steps.end(), "no step " << it.key());
        REQUIRE(s->passed.has_value());
        CHECK_MESSAGE(*s->passed == it.value().get<bool>(), "step " << it.key());
    }
}

void check_unrounded(const rules::receipt& r, const json& expected) {
    if (!expected.contains("unrounded")) return;
    REQUIRE(r.unrounded.has_value());
    CHECK(r.unrounded->numerator + "/" + r.unrounded->denominator == expected["unrounded"].get<std::string>());
}

/// Runs `body` and, when the case expects an error, checks its code and field.
void run_case(const json& c, const std::function<void()>& body) {
    if (c.contains("expected_error")) {
        const json& e = c["expected_error"];
        try {
            body();
            FAIL("expected a " << e["code"].get<std::string>() << " error on " << e["field"].get<std::string>());
        } catch (const zjcredit::error& x) {
            CHECK_MESSAGE(code_name(x.code()) == e["code"].get<std::string>(), x.what());
            CHECK_MESSAGE(x.field() == e["field"].get<std::string>(), x.what());
        }
        return;
    }
    body();
}

void require_case_shape(const json& c) {
    REQUIRE(c.contains("description"));
    REQUIRE(c.contains("worked"));
    REQUIRE(c["worked"].is_string());
    REQUIRE(c.contains("record"));
    REQUIRE(c.contains("expected") != c.contains("expected_error"));
}

}  // namespace

TEST_CASE("golden: first_loan_subsidy") {
    const auto files = cases("first_loan_subsidy");
    REQUIRE(files.size() >= 20);
    for (const auto& f : files) {
        CAPTURE(f.filename().string());
        const json c = load(f);
        require_case_shape(c);
        const auto params = subsidy_parameters(c.value("parameters", json::object()));
        const rules::plan_reference ref = rules::reference_of(plan::plan_2022());
        run_case(c, [&] {
            const rules::loan_record loan = rules::loan_record_from_json(c["record"].dump());
            const auto result = rules::first_loan_subsidy(loan, params, ref);
            const json& e = c["expected"];
            CHECK(result.eligible == e["eligible"].get<bool>());
            CHECK(money::to_string(result.amount) == e["amount"].get<std::string>());
            CHECK(rules::codes(result.reasons) == expected_codes(e["reasons"]));
            check_receipt(result.receipt, "first_loan_subsidy", result.amount);
            check_unrounded(result.receipt, e);
            check_steps(result.receipt, e);
            CHECK(result.receipt.rounding == params.rounding);
            if (result.eligible) {
                REQUIRE(result.receipt.rounded.has_value());
                CHECK(result.receipt.unrounded.has_value());
            } else {
                CHECK(result.amount.is_zero());
            }
            // Deterministic text, and the record survives a round trip.
            const std::string a = rules::to_json(result);
            CHECK(a == rules::to_json(rules::first_loan_subsidy(loan, params, ref)));
            // The one-record text is written from the rule's pieces, not from `result`: the same bytes.
            plan::plan with_params = plan::plan_2022();
            with_params.first_loan_subsidy = params;
            CHECK(rules::first_loan_subsidy_json(loan, with_params) == a);
            CHECK(a.find("\"receipt_schema_version\": 1") != std::string::npos);
            CHECK(rules::loan_record_from_json(rules::to_json(loan)) == loan);
        });
    }
}

TEST_CASE("golden: receivables_reward") {
    const auto files = cases("receivables_reward");
    REQUIRE(files.size() >= 15);
    for (const auto& f : files) {
        CAPTURE(f.filename().string());
        const json c = load(f);
        require_case_shape(c);
        const auto params = receivables_parameters(c.value("parameters", json::object()));
        const rules::plan_reference ref = rules::reference_of(plan::plan_2022());
        run_case(c, [&] {
            const rules::receivables_record rec = rules::receivables_record_from_json(c["record"].dump());
            const auto result = rules::receivables_reward(rec, params, ref);
            const json& e = c["expected"];
            CHECK(result.eligible == e["eligible"].get<bool>());
            CHECK(money::to_string(result.amount) == e["amount"].get<std::string>());
            CHECK(rules::codes(result.reasons) == expected_codes(e["reasons"]));
            check_receipt(result.receipt, "receivables_reward", result.amount);
            check_unrounded(result.receipt, e);
            check_steps(result.receipt, e);
            if (!result.eligible) CHECK(result.amount.is_zero());
            const std::string a = rules::to_json(result);
            CHECK(a == rules::to_json(rules::receivables_reward(rec, params, ref)));
            CHECK(rules::receivables_record_from_json(rules::to_json(rec)) == rec);
        });
    }
}

TEST_CASE("golden: listing_award") {
    const auto files = cases("listing_award");
    REQUIRE(files.size() >= 8);
    for (const auto& f : files) {
        CAPTURE(f.filename().string());
        const json c = load(f);
        require_case_shape(c);
        const auto params = listing_parameters(c.value("parameters", json::object()));
        const rules::plan_reference ref = rules::reference_of(plan::plan_2022());
        run_case(c, [&] {
            const rules::listing_record rec = rules::listing_record_from_json(c["record"].dump());
            const auto result = rules::listing_award(rec, params, ref);
            const json& e = c["expected"];
            CHECK(result.eligible == e["eligible"].get<bool>());
            CHECK(money::to_string(result.amount) == e["amount"].get<std::string>());
            CHECK(rules::codes(result.reasons) == expected_codes(e["reasons"]));
            CHECK(result.stage_table_placeholder == e["stage_table_placeholder"].get<bool>());
            CHECK((rules::codes(result.notices) == std::vector<std::string>{"stage_table_placeholder"}) ==
                  result.stage_table_placeholder);
            REQUIRE(result.awards.size() == e["awards"].size());
            for (std::size_t i = 0; i < result.awards.size(); ++i) {
                const json& a = e["awards"][i];
                CAPTURE(i);
                CHECK(result.awards[i].stage == a["stage"].get<std::string>());
                CHECK(dates::to_string(result.awards[i].date) == a["date"].get<std::string>());
                CHECK(money::to_string(result.awards[i].paid) == a["paid"].get<std::string>());
                CHECK(rules::codes(result.awards[i].reasons) == expected_codes(a["reasons"]));
            }
            // Never past the cap, counting what was paid before.
            CHECK(result.amount + rec.paid_amount <= std::max(params.total_cap, rec.paid_amount));
            check_receipt(result.receipt, "listing_award", result.amount);
            const std::string a = rules::to_json(result);
            CHECK(a == rules::to_json(rules::listing_award(rec, params, ref)));
            CHECK(rules::listing_record_from_json(rules::to_json(rec)) == rec);
        });
    }
}

TEST_CASE("golden: budget_allocation") {
    const auto files = cases("budget_allocation");
    REQUIRE(files.size() >= 5);
    for (const auto& f : files) {
        CAPTURE(f.filename().string());
        const json c = load(f);
        require_case_shape(c);
        REQUIRE_FALSE(c.contains("parameters"));
        run_case(c, [&] {
            const rules::budget_request req = rules::budget_request_from_json(c["record"].dump());
            const auto result = rules::allocate_budget(req);
            const json& e = c["expected"];
            CHECK(money::to_string(result.amount) == e["amount"].get<std::string>());
            CHECK(money::to_string(result.claimed) == e["claimed"].get<std::string>());
            std::map<std::string, std::string> got;
            for (const auto& a : result.allocations) got[a.id] = money::to_string(a.allocated);
            std::map<std::string, std::string> want;
            for (auto it = e["allocations"].begin(); it != e["allocations"].end(); ++it)
                want[it.key()] = it.value().get<std::string>();
            CHECK(got == want);
            CHECK(result.amount == std::min(result.budget, result.claimed));
            check_receipt(result.receipt, "budget_allocation", result.amount);
            CHECK(rules::to_json(result) == rules::to_json(rules::allocate_budget(req)));
            CHECK(rules::budget_request_from_json(rules::to_json(req)) == req);
        });
    }
}
