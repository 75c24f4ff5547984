// assess/csv.hpp: observations CSV read into the records the observations
// JSON gives, worked by hand; bad cells named by their JSON path and quoted,
// the CSV's own faults by the file and line.
#include <doctest/doctest.h>

#include "test_util.hpp"

#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/json.hpp>

#include <optional>
#include <string>

using namespace zjcredit;
using namespace zjcredit::assess;
using zjcredit::assess::test::d;
using zjcredit::assess::test::dec;

namespace {

std::optional<zjcredit::error> error_of(const std::string& csv, const csv_read_options& o = {}) {
    try {
        (void)observations_from_csv(csv, plan::plan_2022(), o);
    } catch (const zjcredit::error& e) {
        return e;
    }
    return std::nullopt;
}

}  // namespace

TEST_CASE("observations_from_csv: a row per indicator, columns in any order, the report dated by the latest as_of") {
    const observations obs = observations_from_csv(
        "indicator,current,year_start,as_of,source\r\n"
        "sme_credit_loan_balance,251亿,230亿,2022-12-31,人行\r\n"
        "inclusive_sme_borrowers,\"12,001\",,2022-11-30,人行湛江\r\n");
    CHECK(obs.as_of() == d(2022, 12, 31));
    const observation* loans = obs.find("sme_credit_loan_balance");
    REQUIRE(loans != nullptr);
    CHECK(loans->current == dec("25100000000"));
    CHECK(loans->year_start == dec("23000000000"));
    CHECK_FALSE(loans->prior_year_total.has_value());
    CHECK(loans->as_of == d(2022, 12, 31));
    CHECK(loans->source == "人行");
    const observation* borrowers = obs.find("inclusive_sme_borrowers");
    REQUIRE(borrowers != nullptr);
    CHECK(borrowers->current == dec("12001"));
    CHECK_FALSE(borrowers->year_start.has_value());  // an empty cell is a figure not given
    CHECK(borrowers->as_of == d(2022, 11, 30));
    CHECK(borrowers->source == "人行湛江");
}

TEST_CASE("observations_from_csv: the same records as the JSON with the same strings") {
    const observations from_csv = observations_from_csv(
        "indicator,year_start,current,prior_year_total,as_of,source\n"
        "platform_financing_total,,\"1,604,938.26\",1234567.89,2022-12-31,市金融局\n"
        "overall_financing_cost,5.20%,5.05%,,2022-12-31,人行\n");
    const observations from_json = observations_from_json(
        R"({"schema_version": 1, "as_of": "2022-12-31", "observations": [
            {"indicator": "platform_financing_total", "current": "1,604,938.26", "prior_year_total": "1234567.89",
             "as_of": "2022-12-31", "source": "市金融局"},
            {"indicator": "overall_financing_cost", "year_start": "5.20%", "current": "5.05%",
             "as_of": "2022-12-31", "source": "人行"}]})");
    CHECK(from_csv == from_json);
    CHECK(from_csv.find("overall_financing_cost")->current == dec("5.05"));  // percentage points
}

TEST_CASE("observations_from_csv: a bad cell is named by its JSON path and quoted") {
    SUBCASE("text that is not a number, on the second observation") {
        const auto e = error_of(
            "indicator,current,as_of,source\n"
            "matching_events,10,2022-12-31,s\n"
            "sme_credit_loan_balance,2.2亿x,2022-12-31,s\n");
        REQUIRE(e);
        CHECK(e->code() == errc::parse);
        CHECK(e->field() == "observations[1].current");
        CHECK(e->text() == "2.2亿x");
    }
    SUBCASE("an amount finer than the 分") {
        const auto e = error_of("indicator,year_start,as_of,source\nsme_credit_loan_balance,1.001,2022-12-31,s\n");
        REQUIRE(e);
        CHECK(e->code() == errc::validation);
        CHECK(e->field() == "observations[0].year_start");
    }
    SUBCASE("an indicator no target uses") {
        const auto e = error_of("indicator,current,as_of,source\nno_such_indicator,1,2022-12-31,s\n");
        REQUIRE(e);
        CHECK(e->field() == "observations[0].indicator");
        CHECK(e->text() == "no_such_indicator");
    }
}

TEST_CASE("observations_from_csv: the CSV's own faults name the source and the line") {
    SUBCASE("an unknown column") {
        const auto e = error_of("indicator,curent\nmatching_events,1\n", {.source = "obs.csv"});
        REQUIRE(e);
        CHECK(e->code() == errc::parse);
        CHECK(std::string(e->what()) == "obs.csv: header: unknown column in \"curent\"");
    }
    SUBCASE("a row with too few columns") {
        const auto e = error_of("indicator,current,source\nmatching_events,1,s\n\nmatching_events\n",
                                {.source = "obs.csv"});
        REQUIRE(e);
        CHECK(std::string(e->what()) == "obs.csv:4: row has too few columns");
    }
    SUBCASE("an empty file") {
        const auto e = error_of("", {.source = "obs.csv"});
        REQUIRE(e);
        CHECK(std::string(e->what()) == "obs.csv: empty file: expected a header row");
    }
}

TEST_CASE("observations_from_csv: GB18030 detected, or forced") {
    // "人行" in GB18030: C8 CB D0 D0.
    const std::string gb = "indicator,current,as_of,source\nmatching_events,10,2022-12-31,\xC8\xCB\xD0\xD0\n";
    CHECK(observations_from_csv(gb).find("matching_events")->source == "人行");
    CHECK(observations_from_csv(gb, plan::plan_2022(), {.encoding = csv_encoding::gb18030})
              .find("matching_events")
              ->source == "人行");
}
