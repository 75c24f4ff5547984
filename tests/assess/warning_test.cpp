// 预警: grades of hand-worked series on sme_guarantee_loans (达2.2亿元以上,
// ≥ 220000000 元, stated in 亿元; lead 市金融局). Every expected figure is
// worked by hand below, in 亿元; the grades follow the rule text: 绿 projected
// to meet with at least one month's average change to spare, 黄 with less or
// needing a faster pace than achieved, 红 projected to miss.
#include "test_util.hpp"

#include <zjcredit/assess/warning.hpp>

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::assess;
using namespace zjcredit::assess::test;

namespace {

/// One report per (month, figure); the year-start figure in the first.
std::vector<observations> series(std::optional<std::string_view> start,
                                 std::vector<std::pair<int, std::string_view>> months) {
    std::vector<observations> out;
    bool first = true;
    for (const auto& [m, v] : months) {
        const int last_day[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        observations o(d(2022, m, last_day[m - 1]));
        put(o, "sme_guarantee_loan_balance",
            {.year_start = first ? start : std::nullopt, .current = v, .as_of = d(2022, m, last_day[m - 1])});
        first = false;
        out.push_back(std::move(o));
    }
    return out;
}

warning on(const std::vector<observations>& reports, const warning_options& o = {}) {
    const auto& p = plan::plan_2022();
    return warn(p, plan::find_target(p, "sme_guarantee_loans"), reports, o);
}

}  // namespace

TEST_CASE("预警: met early is 绿") {
    // S = 1.8亿, V(9) = 2.4亿: a = 0.6/9 = 0.0666…亿 a month (0.07 shown),
    // n = (2.2 − 2.4)/3 = −0.0666… (−0.07), P = 2.4 + 3a = 2.6亿,
    // margin 0.4亿 ≥ a: 绿. Changes 0.2/3, 0.3/3, 0.1/3 a month: best
    // 2.4 + 0.3 = 2.7, worst 2.4 + 0.1 = 2.5.
    const warning w = on(series("1.8亿", {{3, "2.0亿"}, {6, "2.3亿"}, {9, "2.4亿"}}));
    CHECK(w.result == grade::green);
    CHECK(w.unit.word == "亿元");
    CHECK(w.months_elapsed == 9);
    CHECK(w.months_left == 3);
    CHECK(*w.threshold == dec("2.2"));
    CHECK(*w.latest == dec("2.4"));
    CHECK(*w.pace_achieved == dec("0.07"));
    CHECK(*w.pace_needed == dec("-0.07"));
    CHECK(*w.projected == dec("2.6"));
    CHECK(*w.best == dec("2.7"));
    CHECK(*w.worst == dec("2.5"));
    CHECK(*w.projected_margin == dec("0.4"));
    REQUIRE(w.lead == std::vector<std::string>{"市金融局"});
    CHECK(w.receipt_zh.front().find("牵头单位：市金融局") != std::string::npos);
}

TEST_CASE("预警: exactly on pace is 黄 (meets with no month to spare)") {
    // S = 1.3亿, V(9) = 1.975亿: a = 0.675/9 = 0.075亿, P = 1.975 + 0.225 = 2.2亿 = T:
    // met (≥ includes), margin 0 < a: 黄. n = 0.225/3 = 0.075 = a.
    const warning w = on(series("1.3亿", {{9, "1.975亿"}}), {.display_places = 4});
    CHECK(w.result == grade::yellow);
    CHECK(*w.pace_achieved == dec("0.075"));
    CHECK(*w.pace_needed == dec("0.075"));
    CHECK(*w.projected == dec("2.2"));
    CHECK(w.projected_margin->is_zero());
}

TEST_CASE("预警: a margin of exactly one month's average change is 绿; a little less is 黄") {
    // S = 1.1亿, V(8) = 1.9亿: a = 0.8/8 = 0.1, P = 1.9 + 4 × 0.1 = 2.3, margin 0.1 = a: 绿.
    CHECK(on(series("1.1亿", {{8, "1.9亿"}})).result == grade::green);
    // V(8) = 1.89亿: a = 0.79/8 = 0.09875, P = 1.89 + 0.395 = 2.285, margin 0.085 < a: 黄.
    CHECK(on(series("1.1亿", {{8, "1.89亿"}})).result == grade::yellow);
    // S = 1.3亿, V(8) = 1.9亿: a = 0.075, P = 1.9 + 0.3 = 2.2 = T, margin 0: 黄.
    CHECK(on(series("1.3亿", {{8, "1.9亿"}})).result == grade::yellow);
}

TEST_CASE("预警: falling behind is 红") {
    // S = 1.3亿, V(6) = 1.6亿, V(9) = 1.75亿: a = 0.45/9 = 0.05, P = 1.75 + 0.15 = 1.9 < 2.2: 红.
    // n = 0.45/3 = 0.15. Changes 0.3/6 = 0.05, 0.15/3 = 0.05: best = worst = 1.9.
    const warning w = on(series("1.3亿", {{6, "1.6亿"}, {9, "1.75亿"}}));
    CHECK(w.result == grade::red);
    CHECK(*w.pace_needed == dec("0.15"));
    CHECK(*w.projected == dec("1.9"));
    CHECK(*w.best == dec("1.9"));
    CHECK(*w.worst == dec("1.9"));
    CHECK(*w.projected_margin == dec("-0.3"));
}

TEST_CASE("预警: no year-start figure is ungraded, never guessed") {
    const warning w = on(series(std::nullopt, {{6, "1.6亿"}, {9, "1.75亿"}}));
    CHECK(w.result == grade::ungraded);
    CHECK(w.why_ungraded_zh.find("缺少年初数") != std::string::npos);
    CHECK(!w.projected);
}

TEST_CASE("预警: the green margin is a parameter") {
    // S = 1.3亿, V(9) = 2.05亿 is 绿 with one month (margin 0.1 ≥ 0.0833…);
    // with two months it needs 0.1666…: 黄.
    CHECK(on(series("1.3亿", {{9, "2.05亿"}}), {.green_margin_months = 2}).result == grade::yellow);
}

TEST_CASE("预警: rate targets are ungraded with a reason") {
    const auto& p = plan::plan_2022();
    const warning w = warn(p, plan::find_target(p, "inclusive_sme_growth"), {});
    CHECK(w.result == grade::ungraded);
}

TEST_CASE("预警: a whole count is shown whole, a projected or average one to its places") {
    // inclusive_sme_borrowers (户, 不低于年初): S = T = 52000户, V(12) = 53100户.
    // a = 1100 / 12 = 91.666…户 a month (91.67 shown); no month left: P = V.
    const auto& p = plan::plan_2022();
    observations o(d(2022, 12, 31));
    put(o, "inclusive_sme_borrowers", {.year_start = "52000", .current = "53100", .as_of = d(2022, 12, 31)});
    const warning w = warn(p, plan::find_target(p, "inclusive_sme_borrowers"), {o});
    CHECK(w.unit.word == "户");
    CHECK(w.threshold->to_string() == "52000");
    CHECK(w.latest->to_string() == "53100");
    CHECK(w.projected->to_string() == "53100");
    CHECK(w.pace_achieved->to_string() == "91.67");
    CHECK(w.receipt_zh.at(1).starts_with("比较基数 T = 52000户；年初 S = 52000户；截至第12月 V = 53100户"));
    CHECK(w.receipt_zh.at(2) == "已实现月均进度 a = (V − S) / 12 = 91.67户/月");
}

TEST_CASE("预警: a count projected mid-year keeps its places") {
    // S = T = 52000户, V(7) = 52800户: a = 800 / 7 = 114.2857…户 a month
    // (114.29 shown); 5 months left: P = 52800 + 5 × 800 / 7 = 53371.428…
    // (53371.43); n = (52000 − 52800) / 5 = −160, whole: shown whole.
    const auto& p = plan::plan_2022();
    observations o(d(2022, 7, 31));
    put(o, "inclusive_sme_borrowers", {.year_start = "52000", .current = "52800", .as_of = d(2022, 7, 31)});
    const warning w = warn(p, plan::find_target(p, "inclusive_sme_borrowers"), {o});
    CHECK(w.latest->to_string() == "52800");
    CHECK(w.pace_achieved->to_string() == "114.29");
    CHECK(w.projected->to_string() == "53371.43");
    CHECK(w.pace_needed->to_string() == "-160");
}
