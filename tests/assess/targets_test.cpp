// Every target of the 2022 plan on both sides of its threshold and exactly at
// it. Thresholds and expected margins are worked out by hand from the plan
// text (一、工作目标 and 二、主要措施（一）), not taken from the code:
// 250亿 = 25 000 000 000 元, 2.2亿 = 220 000 000 元, 8亿 = 800 000 000 元,
// 5亿 = 500 000 000 元; 以上/达到/不低于/不少于 include the threshold; 增加 and
// 增长 without a number do not; 增长30% means ≥ 1.3 × the 2021 total.
#include "test_util.hpp"

#include <doctest/doctest.h>

#include <set>

using namespace zjcredit;
using namespace zjcredit::assess;
using namespace zjcredit::assess::test;

TEST_CASE("the tests below cover exactly the 16 targets of the 2022 plan") {
    const std::set<std::string> covered{
        "inclusive_sme_growth", "inclusive_sme_borrowers", "sme_credit_loans",   "ip_pledge_loans",
        "first_loan_borrowers", "tax_credit_loans",        "tax_credit_share",   "platform_financing",
        "sme_guarantee_loans",  "gov_bank_guarantee",      "new_listings",       "equity_financing",
        "listing_reserve",      "matching_events",         "renewal_loans",      "financing_cost"};
    std::set<std::string> in_plan;
    for (const auto& t : plan::plan_2022().targets) in_plan.insert(t.id);
    CHECK(in_plan == covered);
}

// ---- fixed thresholds (元) --------------------------------------------------

TEST_CASE("sme_credit_loans: 中小微企业信用贷款余额达250亿元以上 (以上 includes 250亿)") {
    const std::string ind = "sme_credit_loan_balance";
    SUBCASE("exactly 250亿 is met") {
        const verdict v = judge1("sme_credit_loans", ind, {.current = "250亿"});
        CHECK(v.result == status::met);
        CHECK(*v.threshold == dec("25000000000"));
        CHECK(*v.margin == dec("0"));
        CHECK(contains(v.explanation_zh, "【一、工作目标】“中小微企业信用贷款余额达250亿元以上”"));
        CHECK(contains(v.explanation_zh, "“以上”包括本数"));
        CHECK(contains(v.explanation_zh, "目标为250亿元"));
        CHECK(contains(v.explanation_zh, "差额0亿元，达成"));
        CHECK(contains(v.explanation_en, "以上 includes the threshold"));
        CHECK(contains(v.explanation_en, "margin 0.00 yuan: met"));
    }
    SUBCASE("one 分 below is not met") {
        const verdict v = judge1("sme_credit_loans", ind, {.current = "24999999999.99"});
        CHECK(v.result == status::not_met);
        CHECK(*v.margin == dec("-0.01"));
        CHECK(contains(v.explanation_zh, "差额-0.01元，未达成"));
        // One unit per explanation: the 250亿 target in 元 too.
        CHECK(contains(v.explanation_zh, "为24999999999.99元，目标为25000000000.00元"));
        CHECK(contains(v.explanation_en, "margin -0.01 yuan: not met"));
    }
    SUBCASE("one 分 above is met") {
        const verdict v = judge1("sme_credit_loans", ind, {.current = "25000000000.01"});
        CHECK(v.result == status::met);
        CHECK(*v.margin == dec("0.01"));
        CHECK(contains(v.explanation_zh, "差额+0.01元"));
    }
    SUBCASE("251亿 is met by 1亿") {
        const verdict v = judge1("sme_credit_loans", ind, {.current = "251亿"});
        CHECK(v.result == status::met);
        CHECK(*v.margin == dec("100000000"));
    }
}

TEST_CASE("sme_guarantee_loans: 中小企业融资担保贷款余额达2.2亿元以上") {
    const std::string ind = "sme_guarantee_loan_balance";
    CHECK(judge1("sme_guarantee_loans", ind, {.current = "2.2亿元"}).result == status::met);
    CHECK(*judge1("sme_guarantee_loans", ind, {.current = "220000000.00"}).margin == dec("0"));
    const verdict below = judge1("sme_guarantee_loans", ind, {.current = "219999999.99"});
    CHECK(below.result == status::not_met);
    CHECK(*below.margin == dec("-0.01"));
    const verdict above = judge1("sme_guarantee_loans", ind, {.current = "2.3亿"});
    CHECK(above.result == status::met);
    CHECK(*above.margin == dec("10000000"));
}

TEST_CASE("gov_bank_guarantee: 政银担项目担保余额达到8亿元 (达到 includes 8亿)") {
    const std::string ind = "gov_bank_guarantee_balance";
    const verdict at = judge1("gov_bank_guarantee", ind, {.current = "8亿"});
    CHECK(at.result == status::met);
    CHECK(*at.threshold == dec("800000000"));
    CHECK(contains(at.explanation_zh, "“达到”包括本数"));
    CHECK(contains(at.explanation_en, "达到 includes the threshold (≥)"));
    const verdict below = judge1("gov_bank_guarantee", ind, {.current = "799999999.99"});
    CHECK(below.result == status::not_met);
    CHECK(*below.margin == dec("-0.01"));
    CHECK(judge1("gov_bank_guarantee", ind, {.current = "800000000.01"}).result == status::met);
}

TEST_CASE("equity_financing: 本地股票市场融资规模达到5亿元") {
    const std::string ind = "equity_financing_total";
    CHECK(judge1("equity_financing", ind, {.current = "5亿"}).result == status::met);
    const verdict below = judge1("equity_financing", ind, {.current = "499999999.99"});
    CHECK(below.result == status::not_met);
    CHECK(*below.margin == dec("-0.01"));
    CHECK(judge1("equity_financing", ind, {.current = "500000000.01"}).result == status::met);
}

// ---- fixed thresholds (counts) ---------------------------------------------

TEST_CASE("new_listings: 新增上市公司1家 (read as 达到 1)") {
    const std::string ind = "new_listed_companies";
    const verdict none = judge1("new_listings", ind, {.current = "0"});
    CHECK(none.result == status::not_met);
    CHECK(*none.margin == dec("-1"));
    CHECK(contains(none.explanation_zh, "目标为1家"));
    CHECK(contains(none.explanation_zh, "差额-1家"));
    CHECK(contains(none.explanation_en, "margin -1 companies"));
    const verdict one = judge1("new_listings", ind, {.current = "1"});
    CHECK(one.result == status::met);
    CHECK(*one.margin == dec("0"));
    CHECK(contains(one.explanation_en, "Note: the plan writes no comparator word"));
    CHECK(judge1("new_listings", ind, {.current = "2"}).result == status::met);
}

TEST_CASE("listing_reserve: 动态纳入上市后备库企业100家以上") {
    const std::string ind = "listing_reserve_companies";
    const verdict below = judge1("listing_reserve", ind, {.current = "99"});
    CHECK(below.result == status::not_met);
    CHECK(*below.margin == dec("-1"));
    CHECK(judge1("listing_reserve", ind, {.current = "100"}).result == status::met);
    CHECK(judge1("listing_reserve", ind, {.current = "101"}).result == status::met);
}

TEST_CASE("matching_events: 不少于10场融资对接和政策宣传活动") {
    const std::string ind = "matching_events";
    CHECK(judge1("matching_events", ind, {.current = "9"}).result == status::not_met);
    const verdict at = judge1("matching_events", ind, {.current = "10"});
    CHECK(at.result == status::met);
    CHECK(contains(at.explanation_zh, "“不少于”包括本数"));
    CHECK(contains(at.explanation_zh, "10场"));
    CHECK(contains(at.explanation_zh, "【二、主要措施（一）】"));
    CHECK(judge1("matching_events", ind, {.current = "11"}).result == status::met);
}

// ---- year-start baselines --------------------------------------------------

TEST_CASE("inclusive_sme_borrowers: 有贷款余额的户数不低于年初水平 (equal counts)") {
    const std::string ind = "inclusive_sme_borrowers";
    const verdict at = judge1("inclusive_sme_borrowers", ind, {.year_start = "12000", .current = "12000"});
    CHECK(at.result == status::met);
    CHECK(*at.threshold == dec("12000"));
    CHECK(*at.margin == dec("0"));
    CHECK(contains(at.explanation_zh, "“不低于”包括本数"));
    CHECK(contains(at.explanation_zh, "年初为12000户"));
    const verdict below = judge1("inclusive_sme_borrowers", ind, {.year_start = "12000", .current = "11999"});
    CHECK(below.result == status::not_met);
    CHECK(*below.margin == dec("-1"));
    CHECK(judge1("inclusive_sme_borrowers", ind, {.year_start = "12000", .current = "12001"}).result ==
          status::met);
}

TEST_CASE("ip_pledge_loans: 知识产权质押贷款余额比年初增加 (增加 without a number: equal is not met)") {
    const std::string ind = "ip_pledge_loan_balance";
    const verdict equal = judge1("ip_pledge_loans", ind, {.year_start = "3.5亿", .current = "3.5亿"});
    CHECK(equal.result == status::not_met);
    CHECK(*equal.margin == dec("0"));
    CHECK(contains(equal.explanation_zh, "“增加”未带数字，须严格大于（>），持平不算"));
    CHECK(contains(equal.explanation_en, "增加 with no number means strictly more (>)"));
    CHECK(contains(equal.explanation_zh, "未达成"));
    const verdict up = judge1("ip_pledge_loans", ind, {.year_start = "3.5亿", .current = "350000000.01"});
    CHECK(up.result == status::met);
    CHECK(*up.margin == dec("0.01"));
    CHECK(contains(up.explanation_zh, "较年初+0.01元"));
    const verdict down = judge1("ip_pledge_loans", ind, {.year_start = "3.5亿", .current = "349999999.99"});
    CHECK(down.result == status::not_met);
    CHECK(*down.margin == dec("-0.01"));
}

TEST_CASE("first_loan_borrowers: 新增小微企业首贷户数比年初增加") {
    const std::string ind = "new_first_loan_borrowers";
    CHECK(judge1("first_loan_borrowers", ind, {.year_start = "800", .current = "800"}).result == status::not_met);
    CHECK(judge1("first_loan_borrowers", ind, {.year_start = "800", .current = "801"}).result == status::met);
    CHECK(judge1("first_loan_borrowers", ind, {.year_start = "800", .current = "799"}).result == status::not_met);
}

TEST_CASE("tax_credit_loans: “银税互动”小微企业贷款余额比年初增加") {
    const std::string ind = "tax_credit_loan_balance";
    CHECK(judge1("tax_credit_loans", ind, {.year_start = "20亿", .current = "20亿"}).result == status::not_met);
    CHECK(judge1("tax_credit_loans", ind, {.year_start = "20亿", .current = "2000000000.01"}).result ==
          status::met);
    CHECK(judge1("tax_credit_loans", ind, {.year_start = "20亿", .current = "1999999999.99"}).result ==
          status::not_met);
}

TEST_CASE("renewal_loans: 推动无还本续贷余额增长 (增长 without a number: equal is not met)") {
    const std::string ind = "renewal_loan_balance";
    const verdict equal = judge1("renewal_loans", ind, {.year_start = "5亿", .current = "5亿"});
    CHECK(equal.result == status::not_met);
    CHECK(contains(equal.explanation_zh, "“增长”未带数字"));
    CHECK(judge1("renewal_loans", ind, {.year_start = "5亿", .current = "500000000.01"}).result == status::met);
    CHECK(judge1("renewal_loans", ind, {.year_start = "5亿", .current = "499999999.99"}).result ==
          status::not_met);
}

TEST_CASE("financing_cost: 综合融资成本稳中有降 (qualitative, read as ≤ the year-start cost)") {
    const std::string ind = "overall_financing_cost";
    const verdict equal = judge1("financing_cost", ind, {.year_start = "5.20", .current = "5.20"});
    CHECK(equal.result == status::met);
    CHECK(equal.qualitative);
    CHECK(contains(equal.explanation_zh, "定性目标"));
    CHECK(contains(equal.explanation_en, "Qualitative target"));
    CHECK(contains(equal.explanation_zh, "“稳中有降”读作不高于比较基数"));
    CHECK(contains(equal.explanation_zh, "年初为5.2%"));
    CHECK_FALSE(equal.rates);  // no relative "growth" of a rate
    const verdict up = judge1("financing_cost", ind, {.year_start = "5.20", .current = "5.21"});
    CHECK(up.result == status::not_met);
    CHECK(*up.margin == dec("0.01"));
    CHECK(contains(up.explanation_zh, "较年初+0.01个百分点"));
    const verdict down = judge1("financing_cost", ind, {.year_start = "5.20", .current = "5.05"});
    CHECK(down.result == status::met);
    CHECK(*down.margin == dec("-0.15"));
    CHECK(contains(down.explanation_en, "change -0.15 percentage points: met"));
}

// ---- 2021 total × 1.3 ------------------------------------------------------

TEST_CASE("platform_financing: 融资总额较2021年增长30% (≥ 1.3 × the 2021 total)") {
    const std::string ind = "platform_financing_total";
    SUBCASE("2021 total 50亿: exactly 65亿 is met") {
        const verdict v = judge1("platform_financing", ind, {.current = "65亿", .prior_year_total = "50亿"});
        CHECK(v.result == status::met);
        CHECK(*v.threshold == dec("6500000000"));
        CHECK(*v.margin == dec("0"));
        REQUIRE(v.rates);
        CHECK(v.rates->value.to_string() == "0.3000");
        CHECK(v.rates->reference.to_string() == "0.3000");
        CHECK(v.rates->margin_sign == 0);
        CHECK(contains(v.explanation_zh, "2021年合计50亿元"));
        CHECK(contains(v.explanation_zh, "须达到50亿元×1.3=65亿元"));
        CHECK(contains(v.explanation_en, "增长 with a number means ≥"));
        CHECK(contains(v.explanation_zh, "较2021年增长30.00%，要求30.00%"));
    }
    SUBCASE("one 分 below 65亿 is not met") {
        const verdict v =
            judge1("platform_financing", ind, {.current = "6499999999.99", .prior_year_total = "50亿"});
        CHECK(v.result == status::not_met);
        CHECK(*v.margin == dec("-0.01"));
        CHECK(v.rates->margin_sign == -1);
        // 1499999999.99 / 5000000000 = 0.299999999998 → 0.3000 when shown to 4 places
        CHECK(v.rates->value.to_string() == "0.3000");
        CHECK_FALSE(v.rates->value_exact);
        CHECK(contains(v.explanation_zh, "差额-0.01元"));
        CHECK(contains(v.explanation_zh, "增速差-0.00个百分点，未达成"));
    }
    SUBCASE("one 分 above is met") {
        CHECK(judge1("platform_financing", ind, {.current = "6500000000.01", .prior_year_total = "50亿"}).result ==
              status::met);
    }
    SUBCASE("a required figure below the 分: 1234567.89 × 1.3 = 1604938.257") {
        const verdict met =
            judge1("platform_financing", ind, {.current = "1604938.26", .prior_year_total = "1234567.89"});
        CHECK(met.result == status::met);
        CHECK(*met.threshold == dec("1604938.257"));
        CHECK(*met.margin == dec("0.003"));
        const verdict short_ =
            judge1("platform_financing", ind, {.current = "1604938.25", .prior_year_total = "1234567.89"});
        CHECK(short_.result == status::not_met);
        CHECK(*short_.margin == dec("-0.007"));
    }
}

// ---- growth against all loans ----------------------------------------------

TEST_CASE("inclusive_sme_growth: 普惠小微贷款余额较年初增速不低于各项贷款增速 (cross-multiplied)") {
    // All loans: 1000亿 → 1120亿, growth 12%. Inclusive loans from 100亿.
    auto run = [](std::string_view current) {
        observations o = report();
        put(o, "inclusive_sme_loan_balance", {.year_start = "100亿", .current = current});
        put(o, "all_loan_balance", {.year_start = "1000亿", .current = "1120亿"});
        return judge("inclusive_sme_growth", o);
    };
    SUBCASE("equal growth (12% and 12%) is met: 不低于 includes equality") {
        const verdict v = run("112亿");
        CHECK(v.result == status::met);
        REQUIRE(v.rates);
        CHECK(v.rates->kind == rate_kind::growth);
        CHECK(v.rates->value.to_string() == "0.1200");
        CHECK(v.rates->reference.to_string() == "0.1200");
        CHECK(v.rates->margin.to_string() == "0.0000");
        CHECK(v.rates->margin_sign == 0);
        CHECK(v.rates->margin_exact);
        CHECK_FALSE(v.threshold);
        CHECK(contains(v.explanation_zh, "增速12.00%"));
        CHECK(contains(v.explanation_zh, "“不低于”包括本数"));
        CHECK(contains(v.explanation_en, "growth 12.00%"));
        // Figures in the unit the target is stated in (亿元, as the report's
        // table shows them): 100亿 → 112亿, 1000亿 → 1120亿.
        CHECK(contains(v.explanation_zh, "由年初100亿元变为112亿元"));
        CHECK(contains(v.explanation_zh, "由年初1000亿元变为1120亿元"));
    }
    SUBCASE("one 分 short: the rates print alike but the exact comparison says not met") {
        // (11199999999.99 − 10000000000) / 10000000000 = 0.119999999999
        const verdict v = run("11199999999.99");
        CHECK(v.result == status::not_met);
        CHECK(v.rates->value.to_string() == "0.1200");
        CHECK_FALSE(v.rates->value_exact);
        CHECK(v.rates->margin_sign == -1);
        CHECK(v.rates->margin.to_string() == "0.0000");
        CHECK(contains(v.explanation_zh, "增速差-0.00个百分点，未达成"));
        // A figure finer than 0.0001亿 (1万元): the whole explanation in 元 to the 分.
        CHECK(contains(v.explanation_zh, "由年初10000000000.00元变为11199999999.99元"));
        CHECK(contains(v.explanation_zh, "由年初100000000000.00元变为112000000000.00元"));
        CHECK(contains(v.explanation_en, "the verdict compares the exact values"));
    }
    SUBCASE("112.01亿: growth 12.01%, one hundredth of a point ahead") {
        const verdict v = run("112.01亿");
        CHECK(v.result == status::met);
        CHECK(v.rates->value.to_string() == "0.1201");
        CHECK(v.rates->margin.to_string() == "0.0001");
        CHECK(v.rates->margin_sign == 1);
        CHECK(contains(v.explanation_zh, "增速差+0.01个百分点，达成"));
    }
    SUBCASE("a fall while all loans grow is not met") {
        const verdict v = run("99亿");
        CHECK(v.result == status::not_met);
        CHECK(v.rates->value.to_string() == "-0.0100");
        CHECK(v.rates->margin.to_string() == "-0.1300");
    }
}

// ---- share of small-business loans -----------------------------------------

TEST_CASE("tax_credit_share: 银税互动贷款在小微企业贷款中的占比增长 (增长 without a number)") {
    // Year start: 10亿 of 100亿, a 10% share.
    auto run = [](std::string_view tax_now, std::string_view small_now) {
        observations o = report();
        put(o, "tax_credit_loan_balance", {.year_start = "10亿", .current = tax_now});
        put(o, "small_business_loan_balance", {.year_start = "100亿", .current = small_now});
        return judge("tax_credit_share", o);
    };
    SUBCASE("the same share (11亿 of 110亿) is not an increase") {
        const verdict v = run("11亿", "110亿");
        CHECK(v.result == status::not_met);
        REQUIRE(v.rates);
        CHECK(v.rates->kind == rate_kind::share);
        CHECK(v.rates->value.to_string() == "0.1000");
        CHECK(v.rates->reference.to_string() == "0.1000");
        CHECK(v.rates->margin_sign == 0);
        CHECK(contains(v.explanation_zh, "占比由年初10.00%"));
        CHECK(contains(v.explanation_zh, "“增长”未带数字，须严格大于"));
    }
    SUBCASE("one 分 more of the same total is an increase") {
        const verdict v = run("1100000000.01", "110亿");
        CHECK(v.result == status::met);
        CHECK(v.rates->value.to_string() == "0.1000");
        CHECK(v.rates->margin_sign == 1);
    }
    SUBCASE("10.9亿 of 110亿 (9.0909…%) is a fall") {
        const verdict v = run("10.9亿", "110亿");
        CHECK(v.result == status::not_met);
        CHECK(v.rates->value.to_string() == "0.0991");
        // 10.9/110 − 0.1 = −0.000909… → −0.0009
        CHECK(v.rates->margin.to_string() == "-0.0009");
        CHECK(v.rates->margin_sign == -1);
    }
    SUBCASE("a higher balance can still be a lower share: 12亿 of 130亿") {
        const verdict v = run("12亿", "130亿");
        CHECK(v.result == status::not_met);
        // 12/130 = 0.0923076… → 0.0923
        CHECK(v.rates->value.to_string() == "0.0923");
    }
}

TEST_CASE("the Chinese explanation names indicators in the plan's words; English keeps the ids") {
    SUBCASE("one indicator: 中小微企业信用贷款余额") {
        const verdict v = judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "260亿"});
        CHECK(contains(v.explanation_zh, "截至2022-12-31，中小微企业信用贷款余额为260亿元，目标为250亿元"));
        CHECK_FALSE(contains(v.explanation_zh, "sme_credit_loan_balance"));
        CHECK(contains(v.explanation_en, "As of 2022-12-31, sme_credit_loan_balance is"));
        CHECK(v.indicator == "sme_credit_loan_balance");
    }
    SUBCASE("growth against a reference: both named") {
        observations o = report();
        put(o, "inclusive_sme_loan_balance", {.year_start = "100亿", .current = "112亿"});
        put(o, "all_loan_balance", {.year_start = "1000亿", .current = "1120亿"});
        const verdict v = judge("inclusive_sme_growth", o);
        CHECK(contains(v.explanation_zh, "，普惠小微贷款余额由年初100亿元变为112亿元"));
        CHECK(contains(v.explanation_zh, "；各项贷款余额由年初1000亿元变为1120亿元"));
        CHECK(contains(v.explanation_en, "all_loan_balance went from"));
    }
    SUBCASE("a share of a reference: both named") {
        observations o = report();
        put(o, "tax_credit_loan_balance", {.year_start = "10亿", .current = "12亿"});
        put(o, "small_business_loan_balance", {.year_start = "100亿", .current = "110亿"});
        const verdict v = judge("tax_credit_share", o);
        CHECK(contains(v.explanation_zh, "，“银税互动”小微企业贷款余额在小微企业贷款余额中的占比由年初10.00%"));
    }
    SUBCASE("a target that leaves the name to another target of the plan takes it from there") {
        // tax_credit_loans and tax_credit_share both observe tax_credit_loan_balance.
        plan::plan p = plan::plan_2022();
        for (auto& t : p.targets)
            if (t.id == "tax_credit_loans") t.indicator_name.clear();
        observations o = report();
        put(o, "tax_credit_loan_balance", {.year_start = "10亿", .current = "12亿"});
        const verdict v = zjcredit::assess::assess(p, o).find("tax_credit_loans");
        CHECK(contains(v.explanation_zh, "截至2022-12-31，“银税互动”小微企业贷款余额为12亿元，年初为10亿元"));
    }
    SUBCASE("a stale figure is named in words with the id the observations file uses") {
        const verdict v = judge1("sme_credit_loans", "sme_credit_loan_balance",
                                 {.current = "260亿", .as_of = d(2022, 10, 31)});
        CHECK(v.result == status::not_assessable);
        CHECK(contains(v.explanation_zh, "中小微企业信用贷款余额（sme_credit_loan_balance）的数据截至2022-10-31，"
                                         "距评估时点2022-12-31已61天，超过31天，数据过期"));
    }
    SUBCASE("a target whose plan gives no name is explained by the indicator's id") {
        plan::target t = plan::find_target(plan::plan_2022(), "sme_credit_loans");
        t.indicator_name.clear();
        observations o = report();
        put(o, "sme_credit_loan_balance", {.current = "260亿"});
        const verdict v = assess_target(t, o);
        CHECK(contains(v.explanation_zh, "截至2022-12-31，sme_credit_loan_balance为260亿元"));
    }
}
