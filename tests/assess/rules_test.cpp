// The rules around the comparisons: the 两增 group, missing, zero and negative
// baselines, invalid figures, stale and misdated figures, progress checks,
// the precision of printed rates, and the whole-plan result.
#include "test_util.hpp"

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::assess;
using namespace zjcredit::assess::test;

namespace {

/// The two 两增 targets: inclusive loans 100亿 → `inclusive_now` against all
/// loans 1000亿 → 1120亿 (12%), borrowers 12000 → `borrowers_now`.
observations two_increases(std::string_view inclusive_now, std::string_view borrowers_now) {
    observations o = report();
    put(o, "inclusive_sme_loan_balance", {.year_start = "100亿", .current = inclusive_now});
    put(o, "all_loan_balance", {.year_start = "1000亿", .current = "1120亿"});
    put(o, "inclusive_sme_borrowers", {.year_start = "12000", .current = borrowers_now});
    return o;
}

problem only_problem(const verdict& v) {
    REQUIRE(v.problems.size() == 1);
    return v.problems.front();
}

}  // namespace

TEST_CASE("两增: the group is met only when both targets are met") {
    SUBCASE("both met") {
        const assessment a = assess_2022(two_increases("113亿", "12000"));
        REQUIRE(a.groups.size() == 1);
        const group_verdict& g = a.find_group("两增");
        CHECK(g.targets == std::vector<std::string>{"inclusive_sme_growth", "inclusive_sme_borrowers"});
        CHECK(g.result == status::met);
        CHECK(g.explanation_zh ==
              "“两增”须各项均达成：“辖内法人银行机构总体实现单户授信总额1000万元以下（含）普惠小微贷款余额较年初增速"
              "不低于各项贷款增速”达成；“有贷款余额的户数不低于年初水平”达成；合计达成。");
        CHECK(contains(g.explanation_zh, "合计达成"));
        CHECK(contains(g.explanation_en, "together: met"));
    }
    SUBCASE("growth met, borrowers one short: not met") {
        const assessment a = assess_2022(two_increases("113亿", "11999"));
        CHECK(a.find("inclusive_sme_growth").result == status::met);
        CHECK(a.find("inclusive_sme_borrowers").result == status::not_met);
        const group_verdict& g = a.find_group("两增");
        CHECK(g.result == status::not_met);
        CHECK(contains(g.explanation_zh, "不低于各项贷款增速”达成；“有贷款余额的户数不低于年初水平”未达成；合计未达成。"));
        CHECK(contains(g.explanation_en, "inclusive_sme_borrowers not met; together: not met"));
    }
    SUBCASE("borrowers met, growth short: not met") {
        CHECK(assess_2022(two_increases("111亿", "12500")).find_group("两增").result ==
              status::not_met);
    }
    SUBCASE("neither met") {
        CHECK(assess_2022(two_increases("111亿", "11000")).find_group("两增").result ==
              status::not_met);
    }
    SUBCASE("one not assessable, the other met: not assessable") {
        observations o = report();
        put(o, "inclusive_sme_borrowers", {.year_start = "12000", .current = "12001"});
        const assessment a = assess_2022(o);
        CHECK(a.find("inclusive_sme_growth").result == status::not_assessable);
        CHECK(a.find_group("两增").result == status::not_assessable);
        CHECK(contains(a.find_group("两增").explanation_zh, "合计暂无法评估"));
    }
    SUBCASE("one not assessable, the other not met: not met either way") {
        observations o = report();
        put(o, "inclusive_sme_borrowers", {.year_start = "12000", .current = "11000"});
        CHECK(assess_2022(o).find_group("两增").result == status::not_met);
    }
}

TEST_CASE("missing figures are explicit and name the field") {
    SUBCASE("no observation at all") {
        const verdict v = judge("sme_credit_loans", report());
        CHECK(v.result == status::not_assessable);
        const problem p = only_problem(v);
        CHECK(p.code == reason::missing_figure);
        CHECK(p.field == "sme_credit_loan_balance.current");
        CHECK_FALSE(v.margin);
        CHECK(contains(v.explanation_zh, "暂无法评估：缺少sme_credit_loan_balance.current"));
        CHECK(contains(v.explanation_en, "Not assessable: sme_credit_loan_balance.current is missing"));
    }
    SUBCASE("the year-start figure is absent") {
        const verdict v = judge1("ip_pledge_loans", "ip_pledge_loan_balance", {.current = "3亿"});
        CHECK(v.result == status::not_assessable);
        CHECK(only_problem(v).field == "ip_pledge_loan_balance.year_start");
    }
    SUBCASE("the 2021 total is absent") {
        const verdict v = judge1("platform_financing", "platform_financing_total", {.current = "65亿"});
        CHECK(only_problem(v).field == "platform_financing_total.prior_year_total");
    }
    SUBCASE("the reference indicator is absent: both of its figures are named") {
        const verdict v = judge1("inclusive_sme_growth", "inclusive_sme_loan_balance",
                                 {.year_start = "100亿", .current = "112亿"});
        CHECK(v.result == status::not_assessable);
        REQUIRE(v.problems.size() == 2);
        CHECK(v.problems[0].field == "all_loan_balance.year_start");
        CHECK(v.problems[1].field == "all_loan_balance.current");
        CHECK_FALSE(v.rates);
    }
}

TEST_CASE("zero and negative baselines where a rate is needed are not assessable") {
    SUBCASE("inclusive loans at zero at the year start") {
        observations o = report();
        put(o, "inclusive_sme_loan_balance", {.year_start = "0", .current = "5亿"});
        put(o, "all_loan_balance", {.year_start = "1000亿", .current = "1120亿"});
        const verdict v = judge("inclusive_sme_growth", o);
        CHECK(v.result == status::not_assessable);
        const problem p = only_problem(v);
        CHECK(p.code == reason::zero_baseline);
        CHECK(p.field == "inclusive_sme_loan_balance.year_start");
        CHECK(contains(v.explanation_zh, "为零，无法计算增速"));
        CHECK(contains(v.explanation_en, "is zero: the growth rate is undefined"));
    }
    SUBCASE("all loans at zero at the year start") {
        observations o = report();
        put(o, "inclusive_sme_loan_balance", {.year_start = "100亿", .current = "112亿"});
        put(o, "all_loan_balance", {.year_start = "0", .current = "1120亿"});
        CHECK(only_problem(judge("inclusive_sme_growth", o)).field == "all_loan_balance.year_start");
    }
    SUBCASE("a negative year-start balance") {
        observations o = report();
        put(o, "inclusive_sme_loan_balance", {.year_start = "-1", .current = "112亿"});
        put(o, "all_loan_balance", {.year_start = "1000亿", .current = "1120亿"});
        const problem p = only_problem(judge("inclusive_sme_growth", o));
        CHECK(p.code == reason::negative_baseline);
        CHECK(contains(p.message_en, "is negative (-1)"));
    }
    SUBCASE("small-business loans at zero now: the share is undefined") {
        observations o = report();
        put(o, "tax_credit_loan_balance", {.year_start = "10亿", .current = "11亿"});
        put(o, "small_business_loan_balance", {.year_start = "100亿", .current = "0"});
        const verdict v = judge("tax_credit_share", o);
        CHECK(only_problem(v).code == reason::zero_baseline);
        CHECK(only_problem(v).field == "small_business_loan_balance.current");
        // The same figures still assess 比年初增加 of the balance itself.
        CHECK(judge("tax_credit_loans", o).result == status::met);
    }
    SUBCASE("a zero 银税互动 balance at the year start is a share of 0, not a problem") {
        observations o = report();
        put(o, "tax_credit_loan_balance", {.year_start = "0", .current = "1"});
        put(o, "small_business_loan_balance", {.year_start = "100亿", .current = "100亿"});
        const verdict v = judge("tax_credit_share", o);
        CHECK(v.result == status::met);
        CHECK(v.rates->reference.to_string() == "0.0000");
    }
    SUBCASE("a 2021 platform total of zero: 增长30% is undefined") {
        const verdict v =
            judge1("platform_financing", "platform_financing_total", {.current = "1亿", .prior_year_total = "0"});
        CHECK(v.result == status::not_assessable);
        CHECK(only_problem(v).code == reason::zero_baseline);
        CHECK(only_problem(v).field == "platform_financing_total.prior_year_total");
    }
    SUBCASE("比年初增加 from zero needs no rate: 0 → 1 is an increase, 0 → 0 is not") {
        const verdict up = judge1("ip_pledge_loans", "ip_pledge_loan_balance", {.year_start = "0", .current = "0.01"});
        CHECK(up.result == status::met);
        CHECK_FALSE(up.rates);
        CHECK(judge1("ip_pledge_loans", "ip_pledge_loan_balance", {.year_start = "0", .current = "0"}).result ==
              status::not_met);
    }
}

TEST_CASE("figures that do not fit the unit are not assessable, never rounded") {
    const verdict fraction =
        judge1("inclusive_sme_borrowers", "inclusive_sme_borrowers", {.year_start = "12000", .current = "12000.5"});
    CHECK(fraction.result == status::not_assessable);
    CHECK(only_problem(fraction).code == reason::invalid_figure);
    CHECK(only_problem(fraction).field == "inclusive_sme_borrowers.current");
    const verdict li = judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "25000000000.001"});
    CHECK(only_problem(li).code == reason::invalid_figure);
    CHECK(contains(li.explanation_zh, "金额须精确到分"));
    // 12000.0 is a whole count.
    CHECK(judge1("inclusive_sme_borrowers", "inclusive_sme_borrowers", {.year_start = "12000", .current = "12000.0"})
              .result == status::met);
}

TEST_CASE("stale and misdated figures") {
    // Assessed at the due date 2022-12-31 with the default of 31 days.
    SUBCASE("31 days old is still fresh; 32 days is stale") {
        const verdict fresh =
            judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "251亿", .as_of = d(2022, 11, 30)});
        CHECK(fresh.result == status::met);
        CHECK(*fresh.figures_as_of == d(2022, 11, 30));
        const verdict stale =
            judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "251亿", .as_of = d(2022, 11, 29)});
        CHECK(stale.result == status::not_assessable);
        CHECK(only_problem(stale).code == reason::stale);
        CHECK(only_problem(stale).field == "sme_credit_loan_balance.as_of");
        CHECK(contains(stale.explanation_zh, "已32天，超过31天"));
        CHECK(contains(stale.explanation_en, "32 days before the evaluation date 2022-12-31"));
    }
    SUBCASE("max_staleness_days is a parameter") {
        assess_options opt;
        opt.max_staleness_days = 60;
        CHECK(judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "251亿", .as_of = d(2022, 11, 1)},
                     opt)
                  .result == status::met);
        opt.max_staleness_days = 0;
        CHECK(judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "251亿", .as_of = d(2022, 12, 30)},
                     opt)
                  .result == status::not_assessable);
    }
    SUBCASE("a stale reference indicator makes the growth target not assessable") {
        observations o = report();
        put(o, "inclusive_sme_loan_balance", {.year_start = "100亿", .current = "113亿"});
        put(o, "all_loan_balance", {.year_start = "1000亿", .current = "1120亿", .as_of = d(2022, 9, 30)});
        const verdict v = judge("inclusive_sme_growth", o);
        CHECK(v.result == status::not_assessable);
        CHECK(only_problem(v).field == "all_loan_balance.as_of");
    }
    SUBCASE("year-end figures stay valid when assessed months later") {
        assess_options opt;
        opt.as_of = d(2023, 3, 1);
        const verdict v = judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "251亿"}, opt);
        CHECK(v.result == status::met);
        CHECK(v.evaluated_at == d(2022, 12, 31));
        CHECK_FALSE(v.provisional);
    }
    SUBCASE("a figure dated after the assessment date") {
        assess_options opt;
        opt.as_of = d(2022, 12, 30);
        const verdict v = judge1("sme_credit_loans", "sme_credit_loan_balance", {.current = "251亿"}, opt);
        CHECK(only_problem(v).code == reason::as_of_after_assessment);
    }
    SUBCASE("a figure dated after the due date does not show the year-end position") {
        assess_options opt;
        opt.as_of = d(2023, 1, 10);
        const verdict v = judge1("sme_credit_loans", "sme_credit_loan_balance",
                                 {.current = "251亿", .as_of = d(2023, 1, 5)}, opt);
        CHECK(only_problem(v).code == reason::as_of_after_due);
        CHECK(contains(v.explanation_zh, "晚于目标期限2022-12-31"));
    }
    SUBCASE("before the due date a verdict is a progress check") {
        assess_options opt;
        opt.as_of = d(2022, 10, 31);
        const verdict v = judge1("sme_credit_loans", "sme_credit_loan_balance",
                                 {.current = "240亿", .as_of = d(2022, 10, 31)}, opt);
        CHECK(v.result == status::not_met);
        CHECK(v.provisional);
        CHECK(v.evaluated_at == d(2022, 10, 31));
        CHECK(contains(v.explanation_zh, "进度评估：评估时点2022-10-31早于目标期限2022-12-31"));
        CHECK(contains(v.explanation_en, "Progress check"));
    }
}

TEST_CASE("growth rates are printed to the stated precision; the verdict never depends on it") {
    // 比年初增加 with a positive year start also reports the growth, for reading.
    auto growth = [](std::string_view start, std::string_view now, assess_options opt = {}) {
        return *judge1("ip_pledge_loans", "ip_pledge_loan_balance", {.year_start = start, .current = now}, opt).rates;
    };
    SUBCASE("3 → 4 is 1/3: 0.3333 at 4 places, 0.333333 at 6") {
        CHECK(growth("3", "4").value.to_string() == "0.3333");
        CHECK_FALSE(growth("3", "4").value_exact);
        assess_options opt;
        opt.growth_places = 6;
        CHECK(growth("3", "4", opt).value.to_string() == "0.333333");
        CHECK(growth("3", "4", opt).places == 6);
    }
    SUBCASE("3 → 5 is 2/3: half-up gives 0.6667, down gives 0.6666") {
        CHECK(growth("3", "5").value.to_string() == "0.6667");
        assess_options opt;
        opt.growth_rounding = money::rounding::down;
        CHECK(growth("3", "5", opt).value.to_string() == "0.6666");
    }
    SUBCASE("8 → 9 is 0.125: at 2 places half-up 0.13, half-even 0.12") {
        assess_options opt;
        opt.growth_places = 2;
        CHECK(growth("8", "9", opt).value.to_string() == "0.13");
        opt.growth_rounding = money::rounding::half_even;
        CHECK(growth("8", "9", opt).value.to_string() == "0.12");
        CHECK(growth("8", "9", opt).rounding == money::rounding::half_even);
    }
    SUBCASE("exact rates say so") {
        const rate_comparison r = growth("100", "125");
        CHECK(r.value.to_string() == "0.2500");
        CHECK(r.value_exact);
        CHECK(r.reference.to_string() == "0.0000");
    }
    SUBCASE("the explanation states the rounding") {
        observations o = report();
        put(o, "inclusive_sme_loan_balance", {.year_start = "3", .current = "4"});
        put(o, "all_loan_balance", {.year_start = "3", .current = "4"});
        assess_options opt;
        opt.growth_places = 6;
        const verdict v = judge("inclusive_sme_growth", o, opt);
        CHECK(v.result == status::met);
        CHECK(contains(v.explanation_zh, "增速33.3333%"));
        CHECK(contains(v.explanation_zh, "增速按6位小数四舍五入显示"));
        CHECK(contains(v.explanation_en, "rounded half_up to 6 decimal places"));
    }
    SUBCASE("places out of range are refused") {
        assess_options opt;
        opt.growth_places = 19;
        CHECK(thrown<validation_error>([&] { (void)judge("sme_credit_loans", report(), opt); }));
        opt.growth_places = -1;
        CHECK(thrown<validation_error>([&] { (void)judge("sme_credit_loans", report(), opt); }));
        opt.growth_places = 4;
        opt.max_staleness_days = -1;
        const auto e = thrown<validation_error>([&] { (void)judge("sme_credit_loans", report(), opt); });
        REQUIRE(e);
        CHECK(e->field() == "max_staleness_days");
    }
}

TEST_CASE("the whole plan: one verdict per target in plan order, one group, unused indicators listed") {
    observations o = report();
    put(o, "sme_credit_loan_balance", {.current = "251亿"});
    put(o, "not_an_indicator", {.current = "1"});
    const assessment a = assess_2022(o);
    const auto& targets = plan::plan_2022().targets;
    REQUIRE(a.verdicts.size() == targets.size());
    for (std::size_t i = 0; i < targets.size(); ++i) CHECK(a.verdicts[i].target_id == targets[i].id);
    CHECK(a.verdicts.size() == 16);
    CHECK(a.find("sme_credit_loans").result == status::met);
    int not_assessable = 0;
    for (const auto& v : a.verdicts) not_assessable += v.result == status::not_assessable ? 1 : 0;
    CHECK(not_assessable == 15);
    CHECK(a.groups.size() == 1);
    CHECK(a.unused_indicators == std::vector<std::string>{"not_an_indicator"});
    CHECK(a.as_of == d(2022, 12, 31));
    CHECK(thrown<not_found_error>([&] { (void)a.find("nope"); }));
}

TEST_CASE("observations refuse a second figure set for the same indicator") {
    observations o = report();
    put(o, "sme_credit_loan_balance", {.current = "1"});
    const auto e = thrown<validation_error>([&] { put(o, "sme_credit_loan_balance", {.current = "2"}); });
    REQUIRE(e);
    CHECK(e->text() == "sme_credit_loan_balance");
}
