// Plan JSON, schema version 1 (docs/plan-schema.md): the round trip of the
// embedded 2022 plan, the canonical text forms, and every error class with
// the JSON path it must name (error::field()) and the offending text it must
// quote (error::what()). Bad documents are made by editing the embedded
// plan's JSON with nlohmann::ordered_json, so each case changes one thing.
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

using namespace zjcredit::plan;
using zjcredit::errc;
using zjcredit::dates::date;
using zjcredit::money::amount;
using zjcredit::money::rate;
using oj = nlohmann::ordered_json;

namespace {

const std::string& canonical() {
    static const std::string text = plan_to_json(plan_2022());
    return text;
}

oj base() { return oj::parse(canonical()); }

struct caught {
    errc code{};
    std::string field;
    std::string what;
};

caught error_of(const std::string& text) {
    try {
        (void)plan_from_json(text);
    } catch (const zjcredit::error& e) {
        return {e.code(), e.field(), e.what()};
    } catch (const std::exception& e) {
        FAIL("not a zjcredit::error: ", e.what());
    }
    FAIL("plan_from_json accepted the document");
    return {};
}

/// Loads the embedded plan's JSON after `edit`, expecting an error of `code`
/// at `field` whose message quotes `text`.
void expect_error(const std::function<void(oj&)>& edit, errc code, const std::string& field,
                  const std::string& text) {
    oj j = base();
    edit(j);
    const caught e = error_of(j.dump(2));
    INFO("what(): ", e.what);
    CHECK(e.code == code);
    CHECK(e.field == field);
    CHECK(e.what.find(text) != std::string::npos);
    CHECK(e.what.rfind(field + ": ", 0) == 0);  // what() starts with the path
}

bool contains(std::string_view haystack, std::string_view needle) {
    return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

// ---- round trip ----------------------------------------------------------------

TEST_CASE("round trip: embedded → JSON → plan is equal, and saving again is byte-identical") {
    const std::string& text = canonical();
    const plan loaded = plan_from_json(text);
    CHECK(loaded == plan_2022());
    const std::string again = plan_to_json(loaded);
    CHECK(again == text);
    CHECK(plan_to_json(plan_from_json(again)) == text);
    CHECK(plan_to_json(plan_2022()) == text);  // deterministic on the same plan
}

TEST_CASE("the saved text: version first, canonical amounts, rates, decimals and dates, UTF-8 kept") {
    const std::string& text = canonical();
    CHECK(text.rfind("{\n  \"schema_version\": 2,\n  \"document\": {", 0) == 0);
    CHECK(text.back() == '\n');
    CHECK(contains(text, "\"number\": \"湛金函〔2022〕86号\""));  // not \u escapes
    CHECK_FALSE(contains(text, "\\u"));
    CHECK(contains(text, "\"issued\": \"2022-09-13\""));
    // 1000万元 and 900万元 as canonical amounts, 1% as percent text.
    CHECK(contains(text, "\"balance_cap\": \"10000000.00\""));
    CHECK(contains(text, "\"total_cap\": \"9000000.00\""));
    CHECK(contains(text, "\"rate_ceiling\": \"1%\""));
    CHECK(contains(text, "\"reward_rate\": \"1%\""));
    // 250亿, 2.2亿 and the factor 1.3 as exact decimal strings.
    CHECK(contains(text, "\"threshold\": \"25000000000\""));
    CHECK(contains(text, "\"threshold\": \"220000000\""));
    CHECK(contains(text, "\"factor\": \"1.3\""));
    CHECK(contains(text, "\"application_window\": {\n        \"from\": \"2022-04-01\",\n        \"to\": \"2022-06-30\""));
    CHECK(contains(text, "\"day_of_month\": 25"));
    // Empty optionals are omitted, never written as null.
    CHECK_FALSE(contains(text, "null"));
    CHECK_FALSE(contains(text, "\"milestone\""));
    CHECK_FALSE(contains(text, "\"budget\": \""));  // "budget" is only a sources key
    // Top-level key order.
    const oj j = base();
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"schema_version", "document", "units", "measures", "targets",
                                           "deadlines", "parameters"});
}

TEST_CASE("round trip with every optional field set") {
    plan p = plan_2022();
    p.measures[0].tasks[0].milestone = date(2022, 11, 30);
    p.first_loan_subsidy.max_subsidy_days = 365;
    p.first_loan_subsidy.per_borrower_cap = amount::from_fen(12'345'678);
    p.first_loan_subsidy.budget = amount::from_yuan(5'000'000);
    p.first_loan_subsidy.eligible_kinds.push_back(borrower_kind::individual_business);
    p.receivables_reward.per_enterprise_cap = amount::from_yuan(1'000'000);
    p.receivables_reward.budget = amount::from_fen(1);
    p.receivables_reward.straddle = straddle_policy::days_in_window;
    p.receivables_reward.rounding = zjcredit::money::rounding::half_even;
    p.receivables_reward.reward_rate = rate::from_units(12'345);  // 0.00012345%
    p.listing_award.stages_are_placeholder = false;
    p.units[0].note.clear();
    p.deadlines[0].attachment.clear();
    p.doc.attachments[1].included = true;
    const std::string text = plan_to_json(p);
    CHECK(contains(text, "\"milestone\": \"2022-11-30\""));
    CHECK(contains(text, "\"per_borrower_cap\": \"123456.78\""));
    CHECK(contains(text, "\"reward_rate\": \"0.00012345%\""));
    const plan loaded = plan_from_json(text);
    CHECK(loaded == p);
    CHECK(plan_to_json(loaded) == text);
}

TEST_CASE("reading accepts the other exact spellings and writes them back canonically") {
    oj j = base();
    auto& f = j["parameters"]["first_loan_subsidy"];
    f["balance_cap"] = "1000万元";
    f["rate_ceiling"] = "0.01";
    f["budget"] = "2.2亿";
    j["targets"][2]["threshold"] = "250亿";
    j["units"][0]["note"] = nullptr;  // null reads as absent
    const plan p = plan_from_json(j.dump());
    CHECK(p.first_loan_subsidy.balance_cap == amount::from_yuan(10'000'000));
    CHECK(p.first_loan_subsidy.rate_ceiling == rate::from_percent(1));
    CHECK(p.first_loan_subsidy.budget == std::optional<amount>(amount::from_yuan(220'000'000)));
    CHECK(p.targets[2].threshold == std::optional<zjcredit::money::decimal>(
                                        zjcredit::money::decimal::from_integer(25'000'000'000)));
    CHECK(p.units[0].note.empty());
    const std::string text = plan_to_json(p);
    CHECK(contains(text, "\"balance_cap\": \"10000000.00\""));
    CHECK(contains(text, "\"budget\": \"220000000.00\""));
    CHECK(contains(text, "\"threshold\": \"25000000000\""));
}

// ---- schema_version --------------------------------------------------------------

TEST_CASE("schema_version: unsupported, missing, or not an integer") {
    expect_error([](oj& j) { j["schema_version"] = 3; }, errc::validation, "schema_version", "\"3\"");
    expect_error([](oj& j) { j["schema_version"] = 0; }, errc::validation, "schema_version", "unsupported");
    expect_error([](oj& j) { j.erase("schema_version"); }, errc::parse, "schema_version", "missing");
    expect_error([](oj& j) { j["schema_version"] = "1"; }, errc::parse, "schema_version", "\"1\"");
    // A newer version is reported before anything else it might carry.
    expect_error(
        [](oj& j) {
            j["schema_version"] = 3;
            j["colour"] = "red";
        },
        errc::validation, "schema_version", "versions 1 to 2");
}

TEST_CASE("schema_version 1 (zjcredit 0.1) is read as 2: its additions are optional keys") {
    // The 2022 plan as 0.1 wrote it: version 1, without the keys version 2 added.
    oj j = base();
    j["schema_version"] = 1;
    for (auto& t : j["targets"]) {
        t.erase("indicator_name");
        t.erase("reference_indicator_name");
    }
    j["parameters"]["first_loan_subsidy"].erase("annual_rate_max");
    const plan loaded = plan_from_json(j.dump());
    plan expected = plan_2022();
    for (auto& t : expected.targets) {
        t.indicator_name.clear();
        t.reference_indicator_name.clear();
    }
    CHECK(expected.first_loan_subsidy.annual_rate_max == rate::from_percent(24));  // the default
    CHECK(loaded == expected);
    // Written again, it is version 2.
    CHECK(plan_to_json(loaded).rfind("{\n  \"schema_version\": 2,", 0) == 0);
}

// ---- structure: unknown keys, missing keys, wrong types ------------------------------

TEST_CASE("unknown keys are errors at every level") {
    expect_error([](oj& j) { j["colour"] = "red"; }, errc::parse, "colour", "unknown key");
    expect_error([](oj& j) { j["document"]["author"] = "x"; }, errc::parse, "document.author", "\"author\"");
    expect_error([](oj& j) { j["measures"][3]["tasks"][1]["owner"] = "x"; }, errc::parse,
                 "measures[3].tasks[1].owner", "unknown key");
    expect_error([](oj& j) { j["deadlines"][1]["rule"]["grace_days"] = 3; }, errc::parse,
                 "deadlines[1].rule.grace_days", "unknown key");
    expect_error([](oj& j) { j["parameters"]["listing_award"]["stages"][0]["note"] = "x"; }, errc::parse,
                 "parameters.listing_award.stages[0].note", "unknown key");
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["application_window"]["until"] = "x"; },
                 errc::parse, "parameters.first_loan_subsidy.application_window.until", "unknown key");
    // A source for a parameter the set does not have names no parameter: a
    // dangling reference in the plan's content (validate), not an unknown key.
    expect_error([](oj& j) { j["parameters"]["receivables_reward"]["sources"]["balance_cap"] = {
                                 {"clause", "x"}, {"from_plan", true}}; },
                 errc::validation, "parameters.receivables_reward.sources.balance_cap", "unknown parameter");
    expect_error([](oj& j) { j["parameters"]["mortgage"] = oj::object(); }, errc::parse, "parameters.mortgage",
                 "unknown key");
}

TEST_CASE("missing required keys") {
    expect_error([](oj& j) { j["units"][2].erase("kind"); }, errc::parse, "units[2].kind", "missing");
    expect_error([](oj& j) { j.erase("targets"); }, errc::parse, "targets", "missing");
    expect_error([](oj& j) { j["document"].erase("issued"); }, errc::parse, "document.issued", "missing");
    expect_error([](oj& j) { j["measures"][0]["tasks"][4].erase("quantitative"); }, errc::parse,
                 "measures[0].tasks[4].quantitative", "missing");
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"].erase("balance_cap"); }, errc::parse,
                 "parameters.first_loan_subsidy.balance_cap", "missing");
    expect_error([](oj& j) { j["parameters"]["listing_award"]["sources"]["total_cap"].erase("clause"); },
                 errc::parse, "parameters.listing_award.sources.total_cap.clause", "missing");
    // A required key written as null is still missing.
    expect_error([](oj& j) { j["units"][0]["name"] = nullptr; }, errc::parse, "units[0].name", "missing");
}

TEST_CASE("keys that another field's value requires are rules of the content: validation errors") {
    // A fixed baseline needs its threshold, a 2021 baseline its factor.
    expect_error([](oj& j) { j["targets"][2].erase("threshold"); }, errc::validation, "targets[2].threshold",
                 "missing (baseline fixed)");
    expect_error([](oj& j) { j["targets"][7].erase("factor"); }, errc::validation, "targets[7].factor",
                 "missing (baseline prior_year_total)");
    expect_error([](oj& j) { j["targets"][0].erase("reference_indicator"); }, errc::validation,
                 "targets[0].reference_indicator", "missing (baseline peer_growth)");
    // A monthly deadline needs both months.
    expect_error([](oj& j) { j["deadlines"][1].erase("last_month"); }, errc::validation,
                 "deadlines[1].last_month", "missing (a deadline needs due or months)");
}

TEST_CASE("wrong types") {
    expect_error([](oj& j) { j["units"][0]["addressed"] = "yes"; }, errc::parse, "units[0].addressed", "\"yes\"");
    expect_error([](oj& j) { j["measures"][1]["number"] = "2"; }, errc::parse, "measures[1].number", "\"2\"");
    expect_error([](oj& j) { j["measures"][3]["lead"] = "finance_bureau"; }, errc::parse, "measures[3].lead",
                 "finance_bureau");
    expect_error([](oj& j) { j["measures"][3]["lead"][0] = 7; }, errc::parse, "measures[3].lead[0]", "\"7\"");
    expect_error([](oj& j) { j["units"] = oj::object(); }, errc::parse, "units", "an array");
    expect_error([](oj& j) { j["units"][3] = "市发改局"; }, errc::parse, "units[3]", "expected an object");
    expect_error([](oj& j) { j["document"]["issued"] = "2022年9月31日"; }, errc::parse, "document.issued",
                 "2022年9月31日");
    expect_error([](oj& j) { j["deadlines"][1]["rule"]["day_of_month"] = 32; }, errc::validation,
                 "deadlines[1].rule.day_of_month", "\"32\"");
    // Names of enumerations must be the exact to_string names.
    expect_error([](oj& j) { j["units"][0]["kind"] = "ministry"; }, errc::parse, "units[0].kind", "\"ministry\"");
    expect_error([](oj& j) { j["targets"][2]["comparator"] = "greater"; }, errc::parse, "targets[2].comparator",
                 "\"greater\"");
    expect_error([](oj& j) { j["targets"][2]["unit"] = "元"; }, errc::parse, "targets[2].unit", "\"元\"");
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["basis"] = "30/360"; }, errc::parse,
                 "parameters.first_loan_subsidy.basis", "\"30/360\"");
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["eligible_kinds"][1] = "huge"; },
                 errc::parse, "parameters.first_loan_subsidy.eligible_kinds[1]", "\"huge\"");
    expect_error([](oj& j) { j["parameters"]["receivables_reward"]["straddle"] = "prorate"; }, errc::parse,
                 "parameters.receivables_reward.straddle", "\"prorate\"");
}

// ---- money, rates and decimals are strings ----------------------------------------------

TEST_CASE("JSON numbers in money, rate and decimal fields are rejected, never read through a double") {
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["balance_cap"] = 10000000; }, errc::parse,
                 "parameters.first_loan_subsidy.balance_cap", "\"10000000\"");
    expect_error([](oj& j) { j["parameters"]["listing_award"]["stages"][1]["award"] = 3000000; }, errc::parse,
                 "parameters.listing_award.stages[1].award", "JSON number");
    expect_error([](oj& j) { j["targets"][2]["threshold"] = 25000000000LL; }, errc::parse, "targets[2].threshold",
                 "\"25000000000\"");
    // A number with a fraction, spliced in as its token text (no double in this test).
    const auto with_token = [](const char* marker_key, const std::string& token) {
        oj j = base();
        if (std::string_view(marker_key) == "rate") j["parameters"]["first_loan_subsidy"]["rate_ceiling"] = "@NUMBER@";
        else j["targets"][7]["factor"] = "@NUMBER@";
        std::string text = j.dump(2);
        const std::string marker = "\"@NUMBER@\"";
        text.replace(text.find(marker), marker.size(), token);
        return text;
    };
    const caught factor = error_of(with_token("factor", "1.3"));
    CHECK(factor.code == errc::parse);
    CHECK(factor.field == "targets[7].factor");
    CHECK(contains(factor.what, "\"1.3\""));
    const caught rate_number = error_of(with_token("rate", "0.01"));
    INFO(rate_number.what);
    CHECK(rate_number.code == errc::parse);
    CHECK(rate_number.field == "parameters.first_loan_subsidy.rate_ceiling");
    CHECK(contains(rate_number.what, "\"0.01\""));
    CHECK(contains(rate_number.what, "JSON number"));
}

TEST_CASE("money text that is not an exact amount, rate or decimal") {
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["balance_cap"] = "ten million"; },
                 errc::parse, "parameters.first_loan_subsidy.balance_cap", "ten million");
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["balance_cap"] = "10000000.001"; },
                 errc::parse, "parameters.first_loan_subsidy.balance_cap", "10000000.001");
    expect_error([](oj& j) { j["parameters"]["listing_award"]["total_cap"] = "-900万"; }, errc::validation,
                 "parameters.listing_award.total_cap", "-9000000.00");
    expect_error([](oj& j) { j["parameters"]["receivables_reward"]["reward_rate"] = "1亿"; }, errc::parse,
                 "parameters.receivables_reward.reward_rate", "1亿");
    expect_error([](oj& j) { j["targets"][7]["factor"] = "0"; }, errc::validation, "targets[7].factor", "\"0\"");
    expect_error([](oj& j) { j["targets"][2]["threshold"] = "1e10"; }, errc::parse, "targets[2].threshold",
                 "1e10");
}

// ---- duplicates -------------------------------------------------------------------------

TEST_CASE("duplicate ids name the second occurrence and the first") {
    // units[4] is 市财政局 ("finance"), units[5] 市人社局.
    expect_error([](oj& j) { j["units"][5]["id"] = "finance"; }, errc::validation, "units[5].id", "units[4].id");
    expect_error([](oj& j) { j["measures"][1]["id"] = "m1"; }, errc::validation, "measures[1].id", "\"m1\"");
    expect_error([](oj& j) { j["measures"][1]["tasks"][0]["id"] = "m1.ip_pledge_loans"; }, errc::validation,
                 "measures[1].tasks[0].id", "measures[0].tasks[0].id");
    expect_error([](oj& j) { j["measures"][0]["tasks"][3]["id"] = "m1.ip_pledge_loans"; }, errc::validation,
                 "measures[0].tasks[3].id", "m1.ip_pledge_loans");
    expect_error([](oj& j) { j["targets"][3]["id"] = "sme_credit_loans"; }, errc::validation, "targets[3].id",
                 "targets[2].id");
    expect_error([](oj& j) { j["deadlines"][1]["id"] = "liaison_form"; }, errc::validation, "deadlines[1].id",
                 "\"liaison_form\"");
    expect_error([](oj& j) { j["parameters"]["listing_award"]["stages"][2]["id"] = "tutoring_filed"; },
                 errc::validation, "parameters.listing_award.stages[2].id", "\"tutoring_filed\"");
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["eligible_kinds"][1] = "small"; },
                 errc::validation, "parameters.first_loan_subsidy.eligible_kinds[1]", "\"small\"");
    // An alias that already names another unit would make find_unit ambiguous.
    expect_error([](oj& j) { j["units"][2]["aliases"].push_back("人行"); }, errc::validation,
                 "units[2].aliases[2]", "\"人行\"");
}

TEST_CASE("a duplicate JSON key is rejected before any reading") {
    const std::string text = R"({"schema_version": 1, "document": {}, "schema_version": 1})";
    const caught e = error_of(text);
    CHECK(e.code == errc::parse);
    CHECK(e.field == "plan");
    CHECK(contains(e.what, "duplicate key \"schema_version\""));
    // Also deep inside a valid plan.
    std::string plan_text = canonical();
    const std::string needle = "\"name\": \"市金融局\",";
    plan_text.insert(plan_text.find(needle) + needle.size(), " \"name\": \"金融局\",");
    const caught inner = error_of(plan_text);
    CHECK(inner.field == "plan");
    CHECK(contains(inner.what, "duplicate key \"name\""));
}

TEST_CASE("nesting deeper than the limit, and malformed JSON") {
    std::string deep = R"({"schema_version": 1, "document": )";
    for (int i = 0; i < 100; ++i) deep += "[";
    for (int i = 0; i < 100; ++i) deep += "]";
    deep += "}";
    const caught e = error_of(deep);
    CHECK(e.code == errc::parse);
    CHECK(e.field == "plan");
    CHECK(contains(e.what, "nesting deeper than 64"));

    const caught truncated = error_of(canonical().substr(0, 200));
    CHECK(truncated.code == errc::parse);
    CHECK(truncated.field == "plan");
    CHECK(contains(truncated.what, "malformed JSON"));

    const caught array_root = error_of("[]");
    CHECK(array_root.code == errc::parse);
    CHECK(contains(array_root.what, "an array"));
}

// ---- references -------------------------------------------------------------------------

TEST_CASE("dangling references name the element's path") {
    // measures[3] is 四, led by 市金融局 alone.
    expect_error([](oj& j) { j["measures"][3]["lead"].push_back("nobody"); }, errc::validation,
                 "measures[3].lead[1]", "\"nobody\"");
    expect_error([](oj& j) { j["measures"][0]["responsible"][2] = "市发改局"; }, errc::validation,
                 "measures[0].responsible[2]", "\"市发改局\"");  // a name, not an id
    expect_error([](oj& j) { j["measures"][0]["targets"][4] = "ghost_target"; }, errc::validation,
                 "measures[0].targets[4]", "ghost_target");
    expect_error([](oj& j) { j["measures"][2]["tasks"][1]["lead"][0] = "ghost_unit"; }, errc::validation,
                 "measures[2].tasks[1].lead[0]", "ghost_unit");
    expect_error([](oj& j) { j["measures"][4]["tasks"][0]["responsible"].push_back("ghost_unit"); },
                 errc::validation, "measures[4].tasks[0].responsible[10]", "ghost_unit");
    expect_error([](oj& j) { j["measures"][0]["tasks"][0]["target"] = "ip_loans"; }, errc::validation,
                 "measures[0].tasks[0].target", "\"ip_loans\"");
    expect_error([](oj& j) { j["measures"][1]["rules"][0] = "mortgage_subsidy"; }, errc::validation,
                 "measures[1].rules[0]", "mortgage_subsidy");
    expect_error([](oj& j) { j["measures"][0]["tasks"][9]["rule"] = "subsidy"; }, errc::validation,
                 "measures[0].tasks[9].rule", "\"subsidy\"");
    expect_error([](oj& j) { j["deadlines"][0]["attachment"] = "附件3"; }, errc::validation,
                 "deadlines[0].attachment", "附件3");
}

// ---- windows ------------------------------------------------------------------------------

TEST_CASE("windows and month ranges whose end precedes their start") {
    expect_error([](oj& j) { j["parameters"]["first_loan_subsidy"]["application_window"]["to"] = "2022-03-31"; },
                 errc::validation, "parameters.first_loan_subsidy.application_window.to", "2022-03-31");
    expect_error([](oj& j) { j["parameters"]["receivables_reward"]["financing_window"]["from"] = "2023-07-01"; },
                 errc::validation, "parameters.receivables_reward.financing_window.to", "2023-06-30");
    expect_error([](oj& j) { j["deadlines"][1]["last_month"] = "2022-08-01"; }, errc::validation,
                 "deadlines[1].last_month", "2022-08-01");
    // A one-day window is fine.
    oj j = base();
    j["parameters"]["first_loan_subsidy"]["application_window"]["to"] = "2022-04-01";
    CHECK(plan_from_json(j.dump()).first_loan_subsidy.application_window.days() == 1);
    // A month is written as its first day; a one-off deadline has no months.
    expect_error([](oj& j2) { j2["deadlines"][1]["first_month"] = "2022-09-25"; }, errc::validation,
                 "deadlines[1].first_month", "2022-09-25");
    expect_error([](oj& j2) { j2["deadlines"][0]["first_month"] = "2022-09-01"; }, errc::validation,
                 "deadlines[0].first_month", "2022-09-01");
}

// ---- comparators ----------------------------------------------------------------------------

TEST_CASE("comparator words outside the legal set or inconsistent with the comparator") {
    // targets[2]: 中小微企业信用贷款余额达250亿元以上 (at_least, 以上).
    expect_error([](oj& j) { j["targets"][2]["comparator_word"] = "大约"; }, errc::validation,
                 "targets[2].comparator_word", "\"大约\"");
    expect_error([](oj& j) { j["targets"][2]["comparator_word"] = ""; }, errc::validation,
                 "targets[2].comparator_word", "legal set");
    // 超过 excludes the number: it cannot be ≥.
    expect_error([](oj& j) { j["targets"][2]["comparator_word"] = "超过"; }, errc::validation,
                 "targets[2].comparator", "\"at_least\"");
    // targets[3]: 比年初增加 with no number means >, so ≥ is wrong.
    expect_error([](oj& j) { j["targets"][3]["comparator"] = "at_least"; }, errc::validation,
                 "targets[3].comparator", "more_than");
    // 以上 with ≤.
    expect_error([](oj& j) { j["targets"][11]["comparator"] = "at_most"; }, errc::validation,
                 "targets[11].comparator", "\"at_most\"");
    // A consistent change loads: 超过 with >.
    oj j = base();
    j["targets"][2]["comparator_word"] = "超过";
    j["targets"][2]["comparator"] = "more_than";
    const plan p = plan_from_json(j.dump());
    CHECK(p.targets[2].op == comparator::more_than);
}

TEST_CASE("baseline fields that the baseline cannot use") {
    // targets[3] compares with the year start: a threshold means nothing there.
    expect_error([](oj& j) { j["targets"][3]["threshold"] = "100"; }, errc::validation, "targets[3].threshold",
                 "\"100\"");
    expect_error([](oj& j) { j["targets"][2]["factor"] = "1.3"; }, errc::validation, "targets[2].factor",
                 "\"1.3\"");
    expect_error([](oj& j) { j["targets"][2]["reference_indicator"] = "all_loan_balance"; }, errc::validation,
                 "targets[2].reference_indicator", "all_loan_balance");
    expect_error([](oj& j) { j["targets"][2]["threshold"] = "-1"; }, errc::validation, "targets[2].threshold",
                 "\"-1\"");
}

TEST_CASE("empty ids and names") {
    expect_error([](oj& j) { j["units"][1]["id"] = ""; }, errc::validation, "units[1].id", "must not be empty");
    expect_error([](oj& j) { j["measures"][0]["tasks"][0]["id"] = ""; }, errc::validation,
                 "measures[0].tasks[0].id", "must not be empty");
}
