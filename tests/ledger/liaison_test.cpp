// The liaison form (附件2): "请各单位于9月16日前报送联络员信息表".
// 2022-09-16 is a Friday, a working day, so nothing rolls: with "前"
// inclusive the 16th is on time, the 17th (Saturday) is 1 day late and the
// 19th (Monday) 3. Read exclusively, the last day is Thursday the 15th.
// 2022-09-10..12 is the 中秋节 holiday (Saturday to Monday): a deadline named
// on the 10th rolls to Tuesday the 13th.
#include "test_util.hpp"

#include <zjcredit/ledger/compliance.hpp>

#include <doctest/doctest.h>

using namespace zjcredit;
using namespace zjcredit::ledger;
using namespace zjcredit::ledger::test;
using dates::submission_status;

namespace {

liaison_form form(const std::string& unit, dates::date received) {
    return liaison_form{unit, "张三", "科长", "0759-3388123", "zhangsan@example.cn", received};
}

}  // namespace

TEST_SUITE("ledger.liaison") {

TEST_CASE("by 2022-09-16: on time, late and missing") {
    const std::vector<liaison_form> forms = {
        form("市商务局", d(2022, 9, 16)),
        form("人行", d(2022, 9, 14)),
        form("市工信局", d(2022, 9, 17)),
        form("湛江供电局", d(2022, 9, 19)),
    };
    const liaison_compliance l = check_liaison_forms(p2022(), forms);
    CHECK(l.named_day == d(2022, 9, 16));
    CHECK(l.before_roll == d(2022, 9, 16));
    CHECK(l.due == d(2022, 9, 16));
    CHECK_FALSE(l.rolled());
    CHECK(l.rule.deadline == "liaison_form");
    CHECK(l.rule.named_date == d(2022, 9, 16));
    CHECK(l.rule.day_of_month == 0);
    CHECK(l.rule.inclusive);
    CHECK(l.rule.roll_to_working_day);
    CHECK(l.rule.from_plan);
    CHECK(l.rule.clause == "湛金函〔2022〕86号 四、组织保障（一）");
    CHECK(l.rule.attachment == "附件2");
    CHECK(l.explanation_zh.find("2022-09-16（星期五，工作日）") != std::string::npos);

    CHECK(l.unit("commerce").check.on_time);
    CHECK(l.unit("pbc_zhanjiang").check.on_time);
    CHECK(l.unit("industry_it").check.status == submission_status::late);
    CHECK(l.unit("industry_it").check.days_late == 1);
    CHECK(l.unit("power_supply").check.days_late == 3);
    CHECK(l.unit("banks").check.status == submission_status::missing);
    CHECK_FALSE(l.unit("banks").form);
    CHECK(l.units.size() == 18);
    CHECK(l.counts.on_time == 2);
    CHECK(l.counts.late == 2);
    CHECK(l.counts.missing == 14);
    // The form is kept, with the unit as an id.
    REQUIRE(l.unit("commerce").form);
    CHECK(l.unit("commerce").form->unit == "commerce");
    CHECK(l.unit("commerce").form->email == "zhangsan@example.cn");
    CHECK(l.unit("commerce").problems.empty());
}

TEST_CASE("the other readings of 9月16日前") {
    const std::vector<liaison_form> forms = {form("commerce", d(2022, 9, 16)), form("tax", d(2022, 9, 15))};
    check_options exclusive;
    exclusive.deadline = dates::fixed_deadline{d(2022, 9, 16), false, true};
    const liaison_compliance l = check_liaison_forms(p2022(), forms, exclusive);
    CHECK(l.due == d(2022, 9, 15));
    CHECK_FALSE(l.rule.inclusive);
    CHECK_FALSE(l.rule.from_plan);
    CHECK(l.unit("commerce").check.days_late == 1);
    CHECK(l.unit("tax").check.on_time);

    // A named day in the 中秋节 holiday rolls to Tuesday 09-13 …
    check_options holiday;
    holiday.deadline = dates::fixed_deadline{d(2022, 9, 10), true, true};
    const std::vector<liaison_form> early = {form("commerce", d(2022, 9, 13)), form("tax", d(2022, 9, 14))};
    liaison_compliance h = check_liaison_forms(p2022(), early, holiday);
    CHECK(h.due == d(2022, 9, 13));
    CHECK(h.rolled());
    CHECK(h.explanation_zh.find("中秋节") != std::string::npos);
    CHECK(h.unit("commerce").check.on_time);
    CHECK(h.unit("tax").check.days_late == 1);
    // … and without roll stays on the Saturday.
    holiday.deadline->roll_to_working_day = false;
    h = check_liaison_forms(p2022(), early, holiday);
    CHECK(h.due == d(2022, 9, 10));
    CHECK(h.unit("commerce").check.days_late == 3);
}

TEST_CASE("several forms: the earliest decides, the latest is the contact") {
    std::vector<liaison_form> forms = {form("commerce", d(2022, 9, 20)), form("commerce", d(2022, 9, 15))};
    forms[0].name = "李四";
    const liaison_compliance l = check_liaison_forms(p2022(), forms);
    CHECK(l.unit("commerce").check.on_time);
    CHECK(l.unit("commerce").forms == 2);
    REQUIRE(l.unit("commerce").form);
    CHECK(l.unit("commerce").form->name == "李四");
}

TEST_CASE("form problems are reported, not thrown") {
    std::vector<liaison_form> forms = {form("commerce", d(2022, 9, 15))};
    forms[0].name = "  ";
    forms[0].post = "";
    forms[0].phone = "call me";
    forms[0].email = "zhangsan@example";
    liaison_compliance l = check_liaison_forms(p2022(), forms);
    const auto& pr = l.unit("commerce").problems;
    REQUIRE(pr.size() == 4);
    CHECK(pr[0].field == "name");
    CHECK(pr[1].field == "post");
    CHECK(pr[2].field == "phone");
    CHECK(pr[3].field == "email");
    CHECK(l.unit("commerce").check.on_time);  // it still arrived

    forms[0] = form("commerce", d(2022, 9, 15));
    forms[0].phone = "（0759）3388123转801";
    forms[0].email = "jrfzk@zhanjiang.gov.cn";
    l = check_liaison_forms(p2022(), forms);
    CHECK(l.unit("commerce").problems.empty());

    forms[0].email = "a@@b.cn";
    l = check_liaison_forms(p2022(), forms);
    CHECK(l.unit("commerce").problems.size() == 1);
}

TEST_CASE("forms from the issuer are listed apart; unknown units are errors") {
    std::vector<liaison_form> forms = {form("市金融局", d(2022, 9, 15))};
    const liaison_compliance l = check_liaison_forms(p2022(), forms);
    CHECK(l.unexpected_units == std::vector<std::string>{"finance_bureau"});
    CHECK(l.counts.missing == 18);
    forms = {form("市教育局", d(2022, 9, 15))};
    CHECK(thrown<not_found_error>([&] { check_liaison_forms(p2022(), forms); }));
}

}  // TEST_SUITE
