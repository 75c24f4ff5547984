// plan::validate on plans built in C++: each case starts from the embedded
// 2022 plan, changes one thing, and checks the error's class, field (the
// JSON path), quoted text and message, all written out by hand from the
// schema (docs/plan-schema.md). Each case then saves the same plan as JSON
// and reads it back: the reader must report exactly the same error, since it
// has no checks of its own on the plan's content.
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/plan/validate.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <string_view>

using namespace zjcredit::plan;
using zjcredit::errc;
using zjcredit::dates::date;
using zjcredit::money::amount;
using zjcredit::money::decimal;
using zjcredit::money::rate;

namespace {

struct caught {
    errc code{};
    std::string field;
    std::string text;
    std::string detail;
    std::string what;
};

caught error_of(const std::function<void()>& run) {
    try {
        run();
    } catch (const zjcredit::error& e) {
        return {e.code(), e.field(), e.text(), e.detail(), e.what()};
    }
    FAIL("no error was thrown");
    return {};
}

/// plan_2022() after `change` must fail validation at `field`, quoting
/// `text`, with `detail` as the message; and its JSON must fail to load with
/// the very same error.
void expect_invalid(const std::function<void(plan&)>& change, const std::string& field, const std::string& text,
                    const std::string& detail) {
    plan p = plan_2022();
    change(p);
    const caught e = error_of([&] { validate(p); });
    INFO("what(): ", e.what);
    CHECK(e.code == errc::validation);
    CHECK(e.field == field);
    CHECK(e.text == text);
    CHECK(e.detail == detail);

    const caught loaded = error_of([&] { (void)plan_from_json(plan_to_json(p)); });
    INFO("from JSON: ", loaded.what);
    CHECK(loaded.code == e.code);
    CHECK(loaded.what == e.what);  // field, text and message
}

const std::string empty = "must not be empty";

}  // namespace

TEST_CASE("the embedded 2022 plan validates") {
    CHECK_NOTHROW(validate(plan_2022()));
}

TEST_CASE("changes that keep a plan valid") {
    plan p = plan_2022();
    p.measures[2].number = 1000;  // the range's ends
    p.measures[3].number = 1;
    p.deadlines[0].rule.day_of_month = 31;
    p.deadlines[1].rule.day_of_month = 1;
    p.first_loan_subsidy.max_subsidy_days = 100'000;
    p.first_loan_subsidy.budget = amount::from_fen(0);  // zero is not negative
    p.targets[12].threshold = decimal::from_integer(0);
    p.units[0].aliases.push_back("市金融局");  // a unit may repeat its own name
    p.deadlines[1].last_month = p.deadlines[1].first_month;  // one month
    p.targets[2].comparator_word = "超过";
    p.targets[2].op = comparator::more_than;
    p.targets[5].indicator_name.clear();  // targets[6] still names the indicator: a name may be given once
    CHECK_NOTHROW(validate(p));
}

TEST_CASE("empty ids, names and numerals") {
    expect_invalid([](plan& p) { p.doc.sections[1].numeral.clear(); }, "document.sections[1].numeral", "", empty);
    expect_invalid([](plan& p) { p.doc.attachments[0].number.clear(); }, "document.attachments[0].number", "",
                   empty);
    expect_invalid([](plan& p) { p.units[3].id.clear(); }, "units[3].id", "", empty);
    expect_invalid([](plan& p) { p.units[13].name.clear(); }, "units[13].name", "", empty);
    expect_invalid([](plan& p) { p.units[2].aliases[1].clear(); }, "units[2].aliases[1]", "",
                   "an alias must not be empty");
    expect_invalid([](plan& p) { p.measures[4].id.clear(); }, "measures[4].id", "", empty);
    expect_invalid([](plan& p) { p.measures[0].numeral.clear(); }, "measures[0].numeral", "", empty);
    expect_invalid([](plan& p) { p.measures[5].tasks[2].id.clear(); }, "measures[5].tasks[2].id", "", empty);
    expect_invalid([](plan& p) { p.targets[4].id.clear(); }, "targets[4].id", "", empty);
    expect_invalid([](plan& p) { p.targets[9].indicator.clear(); }, "targets[9].indicator", "", empty);
    expect_invalid([](plan& p) { p.deadlines[1].id.clear(); }, "deadlines[1].id", "", empty);
    expect_invalid([](plan& p) { p.listing_award.stages[1].id.clear(); }, "parameters.listing_award.stages[1].id",
                   "", empty);
}

TEST_CASE("counts outside their range") {
    expect_invalid([](plan& p) { p.measures[2].number = 0; }, "measures[2].number", "0",
                   "must be between 1 and 1000");
    expect_invalid([](plan& p) { p.measures[2].number = 1001; }, "measures[2].number", "1001",
                   "must be between 1 and 1000");
    expect_invalid([](plan& p) { p.deadlines[0].rule.day_of_month = 32; }, "deadlines[0].rule.day_of_month", "32",
                   "must be between 1 and 31");
    expect_invalid([](plan& p) { p.deadlines[1].rule.day_of_month = -1; }, "deadlines[1].rule.day_of_month", "-1",
                   "must be between 1 and 31");
    expect_invalid([](plan& p) { p.first_loan_subsidy.max_subsidy_days = 0; },
                   "parameters.first_loan_subsidy.max_subsidy_days", "0", "must be between 1 and 100000");
    expect_invalid([](plan& p) { p.first_loan_subsidy.max_subsidy_days = 100'001; },
                   "parameters.first_loan_subsidy.max_subsidy_days", "100001", "must be between 1 and 100000");
}

TEST_CASE("what a target's baseline needs, and nothing it cannot use") {
    // targets[2] 中小微企业信用贷款余额达250亿元以上: fixed, threshold 250亿.
    expect_invalid([](plan& p) { p.targets[2].threshold.reset(); }, "targets[2].threshold", "",
                   "required key is missing (baseline fixed)");
    // targets[3] 比年初增加: year_start.
    expect_invalid([](plan& p) { p.targets[3].threshold = decimal::from_integer(100); }, "targets[3].threshold",
                   "100", "a threshold is only read with baseline fixed, not year_start");
    // targets[7] 较2021年增长30%: prior_year_total, factor 1.3.
    expect_invalid([](plan& p) { p.targets[7].factor.reset(); }, "targets[7].factor", "",
                   "required key is missing (baseline prior_year_total)");
    expect_invalid([](plan& p) { p.targets[2].factor = decimal(13, 1); }, "targets[2].factor", "1.3",
                   "a factor is only read with baseline prior_year_total, not fixed");
    // targets[6] 占比增长: share_growth of small_business_loan_balance.
    expect_invalid([](plan& p) { p.targets[6].reference_indicator.reset(); }, "targets[6].reference_indicator", "",
                   "required key is missing (baseline share_growth)");
    expect_invalid([](plan& p) { p.targets[2].reference_indicator = "all_loan_balance"; },
                   "targets[2].reference_indicator", "all_loan_balance",
                   "a reference indicator is only read with baseline peer_growth or share_growth, not fixed");
    expect_invalid([](plan& p) { p.targets[12].threshold = decimal::from_integer(-100); }, "targets[12].threshold",
                   "-100", "must not be negative");
    expect_invalid([](plan& p) { p.targets[7].factor = decimal::from_integer(0); }, "targets[7].factor", "0",
                   "must be positive");
    expect_invalid([](plan& p) { p.targets[7].factor = decimal(-13, 1); }, "targets[7].factor", "-1.3",
                   "must be positive");
}

TEST_CASE("comparator words outside the legal set or contradicting the comparator") {
    const std::string legal_set =
        "not a comparator word of the legal set (以上, 以下, 以内, 届满, 不满, 超过, 高于, 低于, 不低于, 不少于, "
        "达到, 不超过, 不高于, 增加, 增长, 稳中有降)";
    expect_invalid([](plan& p) { p.targets[13].comparator_word = "大约"; }, "targets[13].comparator_word", "大约",
                   legal_set);
    expect_invalid([](plan& p) { p.targets[0].comparator_word.clear(); }, "targets[0].comparator_word", "",
                   legal_set);
    // 超过 excludes the number (民法典 第1259条): 250亿 itself does not count.
    expect_invalid([](plan& p) { p.targets[2].comparator_word = "超过"; }, "targets[2].comparator", "at_least",
                   "\"超过\" with a number means more_than (>), not at_least (≥)");
    // A bare 增加 is any increase: equality does not count.
    expect_invalid([](plan& p) { p.targets[3].op = comparator::at_least; }, "targets[3].comparator", "at_least",
                   "\"增加\" means more_than (>), not at_least (≥)");
    // 增长30%: reaching 1.3 × the 2021 total counts.
    expect_invalid([](plan& p) { p.targets[7].op = comparator::more_than; }, "targets[7].comparator", "more_than",
                   "\"增长\" with a number means at_least (≥), not more_than (>)");
    // 稳中有降 is at most the year-start figure.
    expect_invalid([](plan& p) { p.targets[15].op = comparator::less_than; }, "targets[15].comparator",
                   "less_than", "\"稳中有降\" means at_most (≤), not less_than (<)");
}

TEST_CASE("a deadline is one-off or monthly, its months first days in order") {
    // deadlines[0] is one-off (due 2022-09-16), deadlines[1] monthly 2022-09..2022-12.
    const std::string one_off = "a deadline with a due date is one-off and has no months";
    const std::string needs = "required key is missing (a deadline needs due or months)";
    expect_invalid([](plan& p) { p.deadlines[0].first_month = date(2022, 9, 1); }, "deadlines[0].first_month",
                   "2022-09-01", one_off);
    expect_invalid([](plan& p) { p.deadlines[0].last_month = date(2022, 12, 1); }, "deadlines[0].last_month",
                   "2022-12-01", one_off);
    expect_invalid([](plan& p) { p.deadlines[1].first_month.reset(); }, "deadlines[1].first_month", "", needs);
    expect_invalid([](plan& p) { p.deadlines[1].last_month.reset(); }, "deadlines[1].last_month", "", needs);
    expect_invalid([](plan& p) { p.deadlines[1].first_month = date(2022, 9, 25); }, "deadlines[1].first_month",
                   "2022-09-25", "a month is written as its first day (YYYY-MM-01)");
    expect_invalid([](plan& p) { p.deadlines[1].last_month = date(2022, 12, 31); }, "deadlines[1].last_month",
                   "2022-12-31", "a month is written as its first day (YYYY-MM-01)");
    expect_invalid([](plan& p) { p.deadlines[1].last_month = date(2022, 8, 1); }, "deadlines[1].last_month",
                   "2022-08-01", "months end on 2022-08-01, before they start on 2022-09-01");
}

TEST_CASE("negative money and rates in the parameters") {
    const std::string negative = "must not be negative";
    expect_invalid([](plan& p) { p.first_loan_subsidy.balance_cap = amount::from_fen(-1); },
                   "parameters.first_loan_subsidy.balance_cap", "-0.01", negative);
    // Rates are held in units of 10⁻⁸ percent: -1 unit is -0.00000001%.
    expect_invalid([](plan& p) { p.first_loan_subsidy.rate_ceiling = rate::from_units(-1); },
                   "parameters.first_loan_subsidy.rate_ceiling", "-0.00000001%", negative);
    expect_invalid([](plan& p) { p.first_loan_subsidy.per_borrower_cap = amount::from_yuan(-5); },
                   "parameters.first_loan_subsidy.per_borrower_cap", "-5.00", negative);
    expect_invalid([](plan& p) { p.first_loan_subsidy.budget = amount::from_fen(-150); },
                   "parameters.first_loan_subsidy.budget", "-1.50", negative);
    expect_invalid([](plan& p) { p.receivables_reward.reward_rate = rate::from_percent(-1); },
                   "parameters.receivables_reward.reward_rate", "-1%", negative);
    expect_invalid([](plan& p) { p.receivables_reward.per_enterprise_cap = amount::from_yuan(-1'000'000); },
                   "parameters.receivables_reward.per_enterprise_cap", "-1000000.00", negative);
    expect_invalid([](plan& p) { p.receivables_reward.budget = amount::from_fen(-1); },
                   "parameters.receivables_reward.budget", "-0.01", negative);
    expect_invalid([](plan& p) { p.listing_award.total_cap = amount::from_yuan(-9'000'000); },
                   "parameters.listing_award.total_cap", "-9000000.00", negative);
    expect_invalid([](plan& p) { p.listing_award.stages[2].award = amount::from_yuan(-4'000'000); },
                   "parameters.listing_award.stages[2].award", "-4000000.00", negative);
}

TEST_CASE("lists of a parameter set: kinds once, stage ids once, sources for its own parameters") {
    expect_invalid([](plan& p) { p.first_loan_subsidy.eligible_kinds.push_back(borrower_kind::small); },
                   "parameters.first_loan_subsidy.eligible_kinds[2]", "small", "borrower kind listed twice");
    expect_invalid([](plan& p) { p.listing_award.stages[2].id = "tutoring_filed"; },
                   "parameters.listing_award.stages[2].id", "tutoring_filed",
                   "duplicate listing stage id (first at parameters.listing_award.stages[0].id)");
    expect_invalid([](plan& p) { p.first_loan_subsidy.sources["bonus"] = source{"x", true, ""}; },
                   "parameters.first_loan_subsidy.sources.bonus", "bonus",
                   "unknown parameter (expected one of application_window, balance_cap, rate_ceiling, basis, "
                   "rounding, eligible_kinds, max_subsidy_days, per_borrower_cap, budget, annual_rate_max)");
    // A name of another set's parameter is not one of this set's.
    expect_invalid([](plan& p) { p.receivables_reward.sources["balance_cap"] = source{"x", true, ""}; },
                   "parameters.receivables_reward.sources.balance_cap", "balance_cap",
                   "unknown parameter (expected one of financing_window, reward_rate, basis, rounding, straddle, "
                   "require_platform_confirmation, per_enterprise_cap, budget)");
    expect_invalid([](plan& p) { p.listing_award.sources["budget"] = source{"x", false, "no budget"}; },
                   "parameters.listing_award.sources.budget", "budget",
                   "unknown parameter (expected one of total_cap, stages, stages_are_placeholder)");
}

TEST_CASE("duplicate ids name the later one and where the first is") {
    // units[4] is 市财政局 (finance), units[5] 市人社局.
    expect_invalid([](plan& p) { p.units[5].id = "finance"; }, "units[5].id", "finance",
                   "duplicate unit id (first at units[4].id)");
    expect_invalid([](plan& p) { p.targets[3].id = "sme_credit_loans"; }, "targets[3].id", "sme_credit_loans",
                   "duplicate target id (first at targets[2].id)");
    expect_invalid([](plan& p) { p.measures[1].id = "m1"; }, "measures[1].id", "m1",
                   "duplicate measure id (first at measures[0].id)");
    // Task ids are unique across measures, and within one.
    expect_invalid([](plan& p) { p.measures[1].tasks[0].id = "m1.ip_pledge_loans"; }, "measures[1].tasks[0].id",
                   "m1.ip_pledge_loans", "duplicate task id (first at measures[0].tasks[0].id)");
    expect_invalid([](plan& p) { p.measures[0].tasks[3].id = "m1.renewal_loans"; }, "measures[0].tasks[3].id",
                   "m1.renewal_loans", "duplicate task id (first at measures[0].tasks[2].id)");
    expect_invalid([](plan& p) { p.deadlines[1].id = "liaison_form"; }, "deadlines[1].id", "liaison_form",
                   "duplicate deadline id (first at deadlines[0].id)");
}

TEST_CASE("an indicator has one name and a name one indicator; a reference indicator's name needs one") {
    // targets[5] tax_credit_loans and targets[6] tax_credit_share both name
    // tax_credit_loan_balance; targets[6] also names small_business_loan_balance.
    expect_invalid([](plan& p) { p.targets[6].indicator_name = "银税贷款余额"; }, "targets[6].indicator_name",
                   "银税贷款余额",
                   "indicator tax_credit_loan_balance is already named \"“银税互动”小微企业贷款余额\" "
                   "(targets[5].indicator_name); one indicator has one name");
    // A reference indicator is named consistently with the same id as a target's own indicator.
    expect_invalid(
        [](plan& p) {
            p.targets[2].indicator = "small_business_loan_balance";
            p.targets[2].indicator_name = "小微贷款余额";
        },
        "targets[6].reference_indicator_name", "小微企业贷款余额",
        "indicator small_business_loan_balance is already named \"小微贷款余额\" (targets[2].indicator_name); "
        "one indicator has one name");
    // One name, one indicator: targets[0] names inclusive_sme_loan_balance so.
    expect_invalid([](plan& p) { p.targets[2].indicator_name = "普惠小微贷款余额"; }, "targets[2].indicator_name",
                   "普惠小微贷款余额", "names indicator inclusive_sme_loan_balance already; one name, one indicator");
    expect_invalid([](plan& p) { p.targets[2].reference_indicator_name = "各项贷款余额"; },
                   "targets[2].reference_indicator_name", "各项贷款余额",
                   "names a reference indicator the target does not have");
}

TEST_CASE("a name answers to one unit only") {
    // units[1] 人民银行湛江市中心支行 has the alias 人行 (aliases[3]).
    expect_invalid([](plan& p) { p.units[2].aliases.push_back("人行"); }, "units[2].aliases[2]", "人行",
                   "this name already answers to another unit (units[1].aliases[3])");
    // 财政局 is units[4].aliases[1]; given to units[3] as its name first, the clash is found at units[4].
    expect_invalid([](plan& p) { p.units[3].name = "财政局"; }, "units[4].aliases[1]", "财政局",
                   "this name already answers to another unit (units[3].name)");
    // An id is a name too.
    expect_invalid([](plan& p) { p.units[6].aliases.push_back("tax"); }, "units[11].id", "tax",
                   "this name already answers to another unit (units[6].aliases[2])");
}

TEST_CASE("references to units, targets, money rules and attachments the plan does not hold") {
    const std::string no_unit = "no unit has this id (dangling unit reference)";
    const std::string no_target = "no target has this id (dangling target reference)";
    const std::string no_rule =
        "no money rule has this id (expected one of first_loan_subsidy, receivables_reward, listing_award)";
    // measures[3] (四) is led by 市金融局 alone.
    expect_invalid([](plan& p) { p.measures[3].lead.push_back("nobody"); }, "measures[3].lead[1]", "nobody", no_unit);
    // A unit's name is not its id.
    expect_invalid([](plan& p) { p.measures[0].responsible[2] = "市发改局"; }, "measures[0].responsible[2]",
                   "市发改局", no_unit);
    expect_invalid([](plan& p) { p.measures[0].targets[4] = "ghost_target"; }, "measures[0].targets[4]",
                   "ghost_target", no_target);
    expect_invalid([](plan& p) { p.measures[1].rules[0] = "mortgage_subsidy"; }, "measures[1].rules[0]",
                   "mortgage_subsidy", no_rule);
    expect_invalid([](plan& p) { p.measures[2].tasks[1].lead[0] = "ghost_unit"; }, "measures[2].tasks[1].lead[0]",
                   "ghost_unit", no_unit);
    expect_invalid([](plan& p) { p.measures[4].tasks[0].responsible.push_back("ghost_unit"); },
                   "measures[4].tasks[0].responsible[10]", "ghost_unit", no_unit);
    expect_invalid([](plan& p) { p.measures[0].tasks[0].target = "ip_loans"; }, "measures[0].tasks[0].target",
                   "ip_loans", no_target);
    expect_invalid([](plan& p) { p.measures[0].tasks[9].rule = "subsidy"; }, "measures[0].tasks[9].rule",
                   "subsidy", no_rule);
    expect_invalid([](plan& p) { p.deadlines[0].attachment = "附件3"; }, "deadlines[0].attachment", "附件3",
                   "no attachment of document.attachments has this number");
    // Removing what is referred to leaves the reference dangling: measures[0].targets[2] is sme_credit_loans.
    expect_invalid([](plan& p) { p.targets.erase(p.targets.begin() + 2); }, "measures[0].targets[2]",
                   "sme_credit_loans", no_target);
}

TEST_CASE("each part is checked on its own before ids and references across parts") {
    // An empty attachment number also leaves deadlines[1] (附件1) dangling;
    // the empty number is reported, since it is the cause.
    expect_invalid([](plan& p) { p.doc.attachments[0].number.clear(); }, "document.attachments[0].number", "", empty);
    // A dangling lead in measures[0] and a bad comparator in targets[15]: the target is checked first.
    expect_invalid(
        [](plan& p) {
            p.measures[0].lead[0] = "nobody";
            p.targets[15].op = comparator::less_than;
        },
        "targets[15].comparator", "less_than", "\"稳中有降\" means at_most (≤), not less_than (<)");
}

TEST_CASE("a reversed window cannot be built, so validate has none to find") {
    CHECK_THROWS_AS(zjcredit::dates::window(date(2022, 4, 1), date(2022, 3, 31)), zjcredit::validation_error);
}

TEST_CASE("every parameter a plan's sources may name has a label in Chinese and in English") {
    const auto labelled = [](std::string_view code) {
        bool in_table = false;
        for (const parameter_label& l : parameter_labels) in_table = in_table || l.code == code;
        CHECK_MESSAGE(in_table, code);
        CHECK_MESSAGE(label_of_parameter(code).zh != code, code);  // a Chinese name, not the code again
    };
    for (const auto code : detail::first_loan_parameter_names) labelled(code);
    for (const auto code : detail::receivables_parameter_names) labelled(code);
    for (const auto code : detail::listing_parameter_names) labelled(code);
    CHECK(label_of_parameter("balance_cap").zh == "单户贷款余额上限（每日）");
    CHECK(label_of_parameter("no_such_parameter").zh == "no_such_parameter");
}
