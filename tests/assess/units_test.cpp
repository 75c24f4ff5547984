// Units as the bureau writes them: declared by a CSV header "(亿元)", a row's
// "unit", an observation's "unit" or --unit; never guessed: a bare figure 10⁸
// too small for its target is refused with a hint. Output in the unit the
// target is stated in; verdict words 达成/未达成/暂未达成/暂无法评估; 下降 for a
// negative growth; near-miss indicator ids get "did you mean".
#include "test_util.hpp"

#include <zjcredit/assess/csv.hpp>
#include <zjcredit/assess/figure_unit.hpp>
#include <zjcredit/assess/json.hpp>

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::assess;
using namespace zjcredit::assess::test;

namespace {
const plan::target& target(std::string_view id) { return plan::find_target(plan::plan_2022(), id); }

std::string message_of(const std::string& csv, const csv_read_options& o = {}) {
    try {
        (void)observations_from_csv(csv, plan::plan_2022(), o);
    } catch (const zjcredit::error& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST_CASE("the unit a target is stated in") {
    CHECK(stated_unit(target("sme_credit_loans")).word == "亿元");     // 250亿元
    CHECK(stated_unit(target("sme_guarantee_loans")).word == "亿元");  // 2.2亿元
    CHECK(stated_unit(target("inclusive_sme_borrowers")).word == "户");
    // 增速 names no figure; its text mentions 1000万元 only as the loans' scope: 亿元 by default.
    CHECK(stated_unit(target("inclusive_sme_growth")).word == "亿元");
    // 901.3亿元 = 90130000000 元, exactly.
    CHECK(in_unit(dec("90130000000.00"), *figure_unit_named("亿元")) == dec("901.3"));
    CHECK(in_unit(dec("90130000000.00"), *figure_unit_named("亿元")).to_string() == "901.3");
    CHECK(in_unit(dec("-0.01"), *figure_unit_named("亿元")).to_string() == "-0.0000000001");
}

TEST_CASE("a header (亿元) declares the unit of bare figures") {
    const auto obs = observations_from_csv("indicator,current(亿元),as_of,source\n"
                                           "sme_credit_loan_balance,251.6,2022-12-31,x\n");
    CHECK(*obs.find("sme_credit_loan_balance")->current == dec("25160000000"));
    // Full-width brackets and 万元.
    const auto w = observations_from_csv("indicator,current（万元）,as_of,source\n"
                                         "sme_guarantee_loan_balance,22000.5,2022-12-31,x\n");
    CHECK(*w.find("sme_guarantee_loan_balance")->current == dec("220005000"));
    // An amount header does not scale a count's row.
    const auto c = observations_from_csv("indicator,year_start(亿元),current(亿元),as_of,source\n"
                                         "inclusive_sme_borrowers,52000,53100,2022-12-31,x\n");
    CHECK(*c.find("inclusive_sme_borrowers")->current == dec("53100"));
}

TEST_CASE("--unit and a row's unit declare it too; a figure with its own unit is refused then") {
    const auto obs = observations_from_csv("indicator,current,as_of,source\nsme_credit_loan_balance,251.6,2022-12-31,x\n",
                                           plan::plan_2022(), {.unit = "亿元"});
    CHECK(*obs.find("sme_credit_loan_balance")->current == dec("25160000000"));
    const auto row = observations_from_csv("indicator,current,as_of,source,unit\n"
                                           "sme_credit_loan_balance,251.6,2022-12-31,x,亿元\n");
    CHECK(*row.find("sme_credit_loan_balance")->current == dec("25160000000"));
    CHECK(message_of("indicator,current(亿元),as_of,source\nsme_credit_loan_balance,251.6亿,2022-12-31,x\n")
              .find("declared in 亿元") != std::string::npos);
    CHECK(message_of("indicator,current(亿元),year_start(万元),as_of,source\n") .find("one unit") != std::string::npos);
    CHECK(message_of("indicator,current(公斤),as_of,source\n").find("not a unit") != std::string::npos);
    CHECK(message_of("indicator,current,as_of,source,unit\ninclusive_sme_borrowers,5,2022-12-31,x,亿元\n")
              .find("counted in 户") != std::string::npos);
}

TEST_CASE("a bare figure 10⁸ too small for its target is refused with a hint, never guessed") {
    const std::string m = message_of("indicator,current,as_of,source\nsme_credit_loan_balance,251.6,2022-12-31,x\n");
    CHECK(m.find("observations[0].current") != std::string::npos);
    CHECK(m.find("251.6") != std::string::npos);
    CHECK(m.find("250亿元") != std::string::npos);
    CHECK(m.find("--unit 亿元") != std::string::npos);
    // A bare figure beside one with 亿 in the same row.
    CHECK(message_of("indicator,year_start,current,as_of,source\nip_pledge_loan_balance,10亿,12,2022-12-31,x\n")
              .find("million times") != std::string::npos);
    // A true figure in 元 passes: 250亿 written out, and one just a million times below is refused.
    CHECK_NOTHROW(observations_from_csv("indicator,current,as_of,source\nsme_credit_loan_balance,25000000000,2022-12-31,x\n"));
    CHECK(message_of("indicator,current,as_of,source\nsme_credit_loan_balance,24999,2022-12-31,x\n") != "");
    CHECK_NOTHROW(observations_from_csv("indicator,current,as_of,source\nsme_credit_loan_balance,25000,2022-12-31,x\n"));
}

TEST_CASE("near-miss ids get did you mean") {
    const std::string m = message_of("indicator,current,as_of,source\nsme_credit_loan_balanse,1,2022-12-31,x\n");
    CHECK(m.find("did you mean sme_credit_loan_balance?") != std::string::npos);
    try {
        (void)plan::find_target(plan::plan_2022(), "sme_credit_loan");
        FAIL("no throw");
    } catch (const not_found_error& e) {
        CHECK(std::string(e.what()).find("did you mean sme_credit_loans?") != std::string::npos);
    }
    CHECK(message_of("indicator,current,as_of,source\nmoon,1,2022-12-31,x\n").find("did you mean") == std::string::npos);
}

TEST_CASE("verdict words and 下降 for a negative growth") {
    CHECK(chinese_word(status::met) == "达成");
    CHECK(chinese_word(status::not_assessable) == "暂无法评估");
    CHECK(chinese_word(status::not_met, true) == "暂未达成");
    CHECK(chinese_word(status::not_met, false) == "未达成");
    // ip_pledge_loans (比年初增加): 100亿 → 99.37亿 is 下降0.63%, not 增长-0.63%.
    observations o(d(2022, 12, 31));
    put(o, "ip_pledge_loan_balance", {.year_start = "100亿", .current = "99.37亿"});
    const verdict v = assess_target(target("ip_pledge_loans"), o);
    CHECK(v.result == status::not_met);
    CHECK(v.explanation_zh.find("较年初下降0.63%") != std::string::npos);
    CHECK(v.explanation_zh.find("-0.63%") == std::string::npos);
    // A September check is provisional: 暂未达成 in the explanation, not 未达成.
    observations sep(d(2022, 9, 30));
    put(sep, "ip_pledge_loan_balance", {.year_start = "100亿", .current = "99.37亿", .as_of = d(2022, 9, 30)});
    const verdict p = assess_target(target("ip_pledge_loans"), sep);
    CHECK(p.provisional);
    CHECK(p.explanation_zh.find("暂未达成") != std::string::npos);
}
