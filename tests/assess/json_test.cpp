// Observations in and assessments out as JSON: exact figures from strings,
// errors that name the JSON path, and deterministic output.
#include "test_util.hpp"

#include <zjcredit/assess/json.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace zjcredit;
using namespace zjcredit::assess;
using namespace zjcredit::assess::test;

namespace {

const char* const good = R"({
  "schema_version": 1,
  "as_of": "2022-12-31",
  "observations": [
    {"indicator": "sme_credit_loan_balance", "year_start": "230亿", "current": "251亿",
     "source": "人民银行湛江市中心支行"},
    {"indicator": "sme_guarantee_loan_balance", "current": "2.2亿元", "as_of": "2022-12-30", "source": "市金融局"},
    {"indicator": "inclusive_sme_borrowers", "year_start": "12,000", "current": "１２００１", "source": "人行"},
    {"indicator": "platform_financing_total", "current": "1,604,938.26", "prior_year_total": "1234567.89",
     "source": "粤信融"},
    {"indicator": "overall_financing_cost", "year_start": "5.20%", "current": "5.05%", "source": "人行"}
  ]
})";

/// The zjcredit error `text` raises, whatever its class.
std::optional<zjcredit::error> error_of(const std::string& text) {
    return thrown<zjcredit::error>([&] { (void)observations_from_json(text); });
}

/// A one-observation document with `body` as the observation object.
std::string one(const std::string& body) {
    return R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [)" + body + "]}";
}

}  // namespace

TEST_CASE("observations are read exactly from strings") {
    const observations o = observations_from_json(good);
    CHECK(o.as_of() == d(2022, 12, 31));
    REQUIRE(o.items().size() == 5);
    const observation* sme = o.find("sme_credit_loan_balance");
    REQUIRE(sme);
    CHECK(*sme->year_start == dec("23000000000"));
    CHECK(*sme->current == dec("25100000000"));
    CHECK_FALSE(sme->prior_year_total);
    CHECK(sme->as_of == d(2022, 12, 31));  // the report's date when none is given
    CHECK(sme->source == "人民银行湛江市中心支行");
    CHECK(*o.find("sme_guarantee_loan_balance")->current == dec("220000000"));
    CHECK(o.find("sme_guarantee_loan_balance")->as_of == d(2022, 12, 30));
    CHECK(*o.find("inclusive_sme_borrowers")->year_start == dec("12000"));
    CHECK(*o.find("inclusive_sme_borrowers")->current == dec("12001"));
    CHECK(*o.find("platform_financing_total")->current == dec("1604938.26"));
    // A percent indicator is kept in percentage points: "5.20%" is 5.20.
    CHECK(*o.find("overall_financing_cost")->year_start == dec("5.2"));
    CHECK(*o.find("overall_financing_cost")->current == dec("5.05"));

    const assessment a = assess_2022(o);
    CHECK(a.find("sme_credit_loans").result == status::met);
    CHECK(a.find("sme_guarantee_loans").result == status::met);
    CHECK(a.find("inclusive_sme_borrowers").result == status::met);
    CHECK(a.find("platform_financing").result == status::met);
    CHECK(*a.find("platform_financing").margin == dec("0.003"));
    CHECK(a.find("financing_cost").result == status::met);
}

TEST_CASE("observations round-trip through JSON byte-stably") {
    const observations o = observations_from_json(good);
    const std::string once = observations_to_json(o);
    CHECK(observations_from_json(once) == o);
    CHECK(observations_to_json(observations_from_json(once)) == once);
    CHECK(contains(once, R"("current": "25100000000.00")"));
    CHECK(contains(once, R"("year_start": "5.2%")"));
    CHECK(contains(once, R"("current": "12001")"));
}

TEST_CASE("JSON errors name the path") {
    SUBCASE("malformed JSON") {
        const auto e = error_of("{\"schema_version\": 1,");
        REQUIRE(e);
        CHECK(e->code() == errc::parse);
        CHECK(e->field() == "observations");
    }
    SUBCASE("a duplicate key") {
        const auto e = error_of(R"({"schema_version": 1, "schema_version": 1})");
        REQUIRE(e);
        CHECK(e->code() == errc::parse);
        CHECK(contains(e->what(), "duplicate key"));
    }
    SUBCASE("a missing required key") {
        const auto e = error_of(R"({"schema_version": 1, "observations": []})");
        REQUIRE(e);
        CHECK(e->field() == "as_of");
    }
    SUBCASE("an unsupported schema version") {
        const auto e = error_of(R"({"schema_version": 2, "as_of": "2022-12-31", "observations": []})");
        REQUIRE(e);
        CHECK(e->code() == errc::validation);
        CHECK(e->field() == "schema_version");
    }
    SUBCASE("an unknown key at the top") {
        const auto e = error_of(R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [], "x": 1})");
        REQUIRE(e);
        CHECK(e->field() == "x");
    }
    SUBCASE("an unknown key in an observation") {
        const auto e = error_of(
            R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [
                {"indicator": "matching_events", "current": "10", "source": "s"},
                {"indicator": "new_listed_companies", "curent": "1", "source": "s"}]})");
        REQUIRE(e);
        CHECK(e->field() == "observations[1].curent");
        CHECK(contains(e->what(), "unknown key"));
    }
    SUBCASE("a JSON number where a figure string belongs") {
        const auto e = error_of(one(R"({"indicator": "sme_credit_loan_balance", "current": 251, "source": "s"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].current");
    }
    SUBCASE("text that is not a number") {
        const auto e =
            error_of(one(R"({"indicator": "sme_credit_loan_balance", "current": "2.2亿x", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->code() == errc::parse);
        CHECK(e->field() == "observations[0].current");
        CHECK(e->text() == "2.2亿x");
    }
    SUBCASE("an amount finer than the 分") {
        const auto e =
            error_of(one(R"({"indicator": "sme_credit_loan_balance", "year_start": "1.001", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->code() == errc::validation);
        CHECK(e->field() == "observations[0].year_start");
    }
    SUBCASE("a percentage for an amount") {
        const auto e = error_of(one(R"({"indicator": "sme_credit_loan_balance", "current": "5%", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].current");
    }
    SUBCASE("a count that is not whole") {
        const auto e =
            error_of(one(R"({"indicator": "inclusive_sme_borrowers", "current": "12000.5", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->code() == errc::validation);
        CHECK(e->field() == "observations[0].current");
        CHECK(contains(e->what(), "whole number"));
    }
    SUBCASE("a count in 元") {
        const auto e = error_of(one(R"({"indicator": "matching_events", "current": "10元", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].current");
    }
    SUBCASE("a percent indicator without '%'") {
        const auto e =
            error_of(one(R"({"indicator": "overall_financing_cost", "current": "5.05", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].current");
        CHECK(contains(e->what(), "'%'"));
    }
    SUBCASE("a prior-year total in the wrong place still checks its unit") {
        const auto e = error_of(
            one(R"({"indicator": "platform_financing_total", "prior_year_total": "0.001", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].prior_year_total");
    }
    SUBCASE("an indicator no target uses") {
        const auto e = error_of(
            R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [
                {"indicator": "matching_events", "current": "10", "source": "s"},
                {"indicator": "new_listed_companies", "current": "1", "source": "s"},
                {"indicator": "sme_loans", "current": "1", "source": "s"}]})");
        REQUIRE(e);
        CHECK(e->field() == "observations[2].indicator");
        CHECK(e->text() == "sme_loans");
    }
    SUBCASE("the same indicator twice") {
        const auto e = error_of(
            R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [
                {"indicator": "matching_events", "current": "10", "source": "s"},
                {"indicator": "matching_events", "current": "11", "source": "t"}]})");
        REQUIRE(e);
        CHECK(e->field() == "observations[1].indicator");
        CHECK(contains(e->what(), "already observed at observations[0]"));
    }
    SUBCASE("an observation without a figure") {
        const auto e = error_of(one(R"({"indicator": "matching_events", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0]");
    }
    SUBCASE("an impossible date") {
        const auto e = error_of(
            one(R"({"indicator": "matching_events", "current": "10", "as_of": "2022-02-30", "source": "s"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].as_of");
    }
    SUBCASE("a missing or empty source") {
        auto e = error_of(one(R"({"indicator": "matching_events", "current": "10"})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].source");
        e = error_of(one(R"({"indicator": "matching_events", "current": "10", "source": ""})"));
        REQUIRE(e);
        CHECK(e->field() == "observations[0].source");
    }
    SUBCASE("observations that are not an array of objects") {
        auto e = error_of(R"({"schema_version": 1, "as_of": "2022-12-31", "observations": {}})");
        REQUIRE(e);
        CHECK(e->field() == "observations");
        e = error_of(R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [1]})");
        REQUIRE(e);
        CHECK(e->field() == "observations[0]");
    }
}

TEST_CASE("the assessment as JSON: every verdict, deterministic") {
    observations o = observations_from_json(good);
    put(o, "inclusive_sme_loan_balance", {.year_start = "100亿", .current = "11199999999.99"});
    put(o, "all_loan_balance", {.year_start = "1000亿", .current = "1120亿"});
    const assessment a = assess_2022(o);
    const std::string text = assessment_to_json(a);
    CHECK(assessment_to_json(assess_2022(o)) == text);
    CHECK(text.back() == '\n');

    const auto j = nlohmann::json::parse(text);
    CHECK(j["schema_version"] == 1);
    CHECK(j["as_of"] == "2022-12-31");
    CHECK(j["options"]["max_staleness_days"] == 31);
    CHECK(j["options"]["growth_places"] == 4);
    CHECK(j["options"]["growth_rounding"] == "half_up");
    REQUIRE(j["verdicts"].size() == 16);
    CHECK(j["verdicts"][0]["target"] == "inclusive_sme_growth");

    const auto find = [&](const std::string& id) {
        for (const auto& v : j["verdicts"])
            if (v["target"] == id) return v;
        return nlohmann::json();
    };
    const auto growth = find("inclusive_sme_growth");
    CHECK(growth["status"] == "not_met");
    CHECK(growth["group"] == "两增");
    CHECK(growth["comparator"] == "at_least");
    CHECK(growth["comparator_word"] == "不低于");
    CHECK(growth["baseline"] == "peer_growth");
    CHECK(growth["threshold"].is_null());
    CHECK(growth["rates"]["value"] == "0.1200");
    CHECK(growth["rates"]["reference"] == "0.1200");
    CHECK(growth["rates"]["margin"] == "0.0000");
    CHECK(growth["rates"]["margin_sign"] == -1);
    CHECK(growth["rates"]["value_exact"] == false);

    const auto sme = find("sme_credit_loans");
    CHECK(sme["status"] == "met");
    CHECK(sme["observed"] == "25100000000.00");
    CHECK(sme["threshold"] == "25000000000.00");
    CHECK(sme["margin"] == "100000000.00");
    CHECK(sme["comparator_word"] == "以上");
    CHECK(sme["problems"].empty());
    CHECK(sme["rates"].is_null());

    const auto platform = find("platform_financing");
    CHECK(platform["factor"] == "1.3");
    CHECK(platform["threshold"] == "1604938.257");
    CHECK(platform["margin"] == "0.003");

    const auto listings = find("new_listings");
    CHECK(listings["status"] == "not_assessable");
    REQUIRE(listings["problems"].size() == 1);
    CHECK(listings["problems"][0]["reason"] == "missing_figure");
    CHECK(listings["problems"][0]["field"] == "new_listed_companies.current");

    const auto cost = find("financing_cost");
    CHECK(cost["qualitative"] == true);
    CHECK(cost["observed"] == "5.05%");
    CHECK(cost["margin"] == "-0.15%");

    REQUIRE(j["groups"].size() == 1);
    CHECK(j["groups"][0]["group"] == "两增");
    CHECK(j["groups"][0]["status"] == "not_met");
    CHECK(j["groups"][0]["targets"] == nlohmann::json::array({"inclusive_sme_growth", "inclusive_sme_borrowers"}));
    CHECK(j["unused_indicators"].empty());
}
