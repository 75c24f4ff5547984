// The embedded 2022 plan (湛金函〔2022〕86号) checked against the plan text,
// shared/seed/plan-2022.md. Units are looked up by the names the text prints,
// so the tests check the name → unit mapping as well as the structure.
// Every expected number is worked out by hand from the text: 万 = 10^4,
// 亿 = 10^8, "增长30%" = factor 1.3.
#include <zjcredit/plan/plan_2022.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace zjcredit::plan;
using zjcredit::dates::date;
using zjcredit::money::amount;
using zjcredit::money::decimal;
using zjcredit::money::rate;

namespace {

/// Unit ids for names as the plan prints them.
std::vector<std::string> ids(std::initializer_list<std::string_view> names) {
    std::vector<std::string> out;
    for (auto n : names) out.push_back(find_unit(plan_2022(), n).id);
    return out;
}

std::vector<std::string> measure_ids(const std::vector<const measure*>& ms) {
    std::vector<std::string> out;
    for (const auto* m : ms) out.push_back(m->id);
    return out;
}

std::vector<std::string> target_ids(const std::vector<const target*>& ts) {
    std::vector<std::string> out;
    for (const auto* t : ts) out.push_back(t->id);
    return out;
}

/// The one task of measure `m` whose text contains `needle`.
const task& task_with(const measure& m, std::string_view needle) {
    const task* found = nullptr;
    int count = 0;
    for (const auto& t : m.tasks)
        if (t.text.find(needle) != std::string::npos) {
            found = &t;
            ++count;
        }
    INFO("measure ", m.id, ", task text containing ", std::string(needle));
    REQUIRE(count == 1);
    return *found;
}

struct measure_units {
    const char* id;
    std::vector<std::string> lead;
    std::vector<std::string> responsible;
};

/// 牵头单位 and 责任单位 of the six measures, copied from the plan text.
std::vector<measure_units> expected_units() {
    return {
        {"m1", ids({"市金融局"}),
         ids({"人民银行湛江市中心支行", "湛江银保监分局", "市发改局", "市财政局", "市市场监管局", "市税务局",
              "各银行机构"})},
        {"m2", ids({"人民银行湛江市中心支行", "市金融局"}), ids({"湛江银保监分局", "市工信局", "各银行机构"})},
        {"m3", ids({"人民银行湛江市中心支行"}), ids({"市商务局", "市金融局"})},
        {"m4", ids({"市金融局"}),
         ids({"市工信局", "市财政局", "人民银行湛江市中心支行", "湛江银保监分局",
              "粤财普惠金融（湛江）融资担保公司", "各银行机构"})},
        {"m5", ids({"市金融局", "市政数局"}),
         ids({"市住建局", "市水务局", "市人社局", "市公积金中心", "人民银行湛江市中心支行", "湛江银保监分局",
              "湛江供电局", "湛江粤海水务集团", "湛江新奥燃气公司", "各银行机构"})},
        {"m6", ids({"市金融局"}), ids({"人民银行湛江市中心支行", "湛江银保监分局", "市财政局", "各银行机构"})},
    };
}

}  // namespace

TEST_CASE("document: issuer, number, dates, sections and attachments as printed") {
    const document& d = plan_2022().doc;
    CHECK(d.issuer == "湛江市金融工作局");
    CHECK(d.number == "湛金函〔2022〕86号");
    CHECK(d.title == "2022年湛江市优化获得信贷营商环境行动方案");
    CHECK(d.issued == date(2022, 9, 13));
    CHECK(d.due == date(2022, 12, 31));  // "到 2022 年底"
    REQUIRE(d.sections.size() == 3);     // 一、工作目标 二、主要措施 四、组织保障
    CHECK(d.sections[0] == section{"一", "工作目标"});
    CHECK(d.sections[1] == section{"二", "主要措施"});
    CHECK(d.sections[2] == section{"四", "组织保障"});
    REQUIRE(d.attachments.size() == 2);
    CHECK(d.attachments[0].number == "附件1");
    CHECK(d.attachments[0].title == "湛江市金融系统优化营商环境行动工作任务台账");
    CHECK(d.attachments[1].number == "附件2");
    CHECK(d.attachments[1].title == "联络员信息表");
    CHECK_FALSE(d.attachments[0].included);
    CHECK_FALSE(d.attachments[1].included);
}

TEST_CASE("units: recipients addressed, the issuer, and the two units the notice leaves out") {
    const plan& p = plan_2022();
    // The 主送 line of the notice.
    for (auto name : {"市发改局", "市财政局", "市人社局", "市住建局", "市水务局", "市市场监管局", "市政数局",
                      "市公积金中心", "人民银行湛江市中心支行", "湛江银保监分局", "市税务局", "湛江供电局",
                      "湛江粤海水务集团", "湛江新奥燃气公司", "各有关金融机构"}) {
        INFO(name);
        CHECK(find_unit(p, name).addressed);
        CHECK_FALSE(find_unit(p, name).issuer);
    }
    const unit& issuer = find_unit(p, "湛江市金融工作局");
    CHECK(issuer.issuer);
    CHECK(issuer.name == "市金融局");
    CHECK_FALSE(find_unit(p, "市工信局").addressed);
    CHECK_FALSE(find_unit(p, "市商务局").addressed);
    CHECK(find_unit(p, "各银行机构").kind == unit_kind::bank_group);
    CHECK(find_unit(p, "人行").kind == unit_kind::regulator);
    CHECK(find_unit(p, "粤财普惠金融（湛江）融资担保公司").kind == unit_kind::guarantee_company);

    // Ids are unique and every name or alias answers to exactly one unit.
    std::set<std::string> seen;
    for (const auto& u : p.units) {
        CHECK(seen.insert(u.id).second);
        std::vector<std::string> names = u.aliases;
        names.push_back(u.name);
        for (const auto& n : names) {
            INFO(n);
            CHECK(std::count_if(p.units.begin(), p.units.end(), [&](const unit& o) { return o.answers_to(n); }) == 1);
        }
    }
}

TEST_CASE("measures: numbers, titles, lead and responsible units as the text lists them") {
    const plan& p = plan_2022();
    REQUIRE(p.measures.size() == 6);
    const char* numerals[] = {"一", "二", "三", "四", "五", "六"};
    const char* titles[] = {"加大对中小微企业的信贷支持力度", "发展供应链金融服务", "提升辖区跨境贸易投资便利化水平",
                            "健全信贷风险分担机制", "推动非银行信息对接", "拓宽直接融资渠道"};
    for (std::size_t i = 0; i < 6; ++i) {
        const measure& m = p.measures[i];
        CHECK(m.number == static_cast<int>(i) + 1);
        CHECK(m.numeral == numerals[i]);
        CHECK(m.title == titles[i]);
        CHECK(m.clause == std::string("二、主要措施（") + numerals[i] + "）");
    }
    for (const auto& e : expected_units()) {
        INFO(e.id);
        const measure& m = find_measure(p, e.id);
        CHECK(m.lead == e.lead);
        CHECK(m.responsible == e.responsible);
    }
    CHECK(find_measure(p, "m1").rules == std::vector<std::string>{"first_loan_subsidy"});
    CHECK(find_measure(p, "m2").rules == std::vector<std::string>{"receivables_reward"});
    CHECK(find_measure(p, "m6").rules == std::vector<std::string>{"listing_award"});
    CHECK(find_measure(p, "m3").rules.empty());
}

TEST_CASE("tasks: every task the issue lists is there, with its measure's units") {
    const plan& p = plan_2022();
    struct expected_task {
        const char* measure;
        const char* needle;
        const char* target;  // nullptr: serves no target
        const char* rule;    // nullptr: carries no money rule
    };
    const expected_task tasks[] = {
        // 一
        {"m1", "知识产权质押贷款", "ip_pledge_loans", nullptr},
        {"m1", "首贷户", "first_loan_borrowers", nullptr},
        {"m1", "无还本续贷", "renewal_loans", nullptr},
        {"m1", "外贸企业", nullptr, nullptr},
        {"m1", "“银税互动”信贷产品规模", "tax_credit_loans", nullptr},
        {"m1", "占比增长", "tax_credit_share", nullptr},
        {"m1", "不少于10场", "matching_events", nullptr},
        {"m1", "贴息补助", nullptr, "first_loan_subsidy"},
        {"m1", "首贷服务中心", nullptr, nullptr},
        {"m1", "首贷服务专窗", nullptr, nullptr},
        {"m1", "湛融码", nullptr, nullptr},
        // 二
        {"m2", "基础业务和政采贷业务", nullptr, nullptr},
        {"m2", "供应链上下游中小微企业", nullptr, nullptr},
        {"m2", "年化金额不超过1%", nullptr, "receivables_reward"},
        // 三
        {"m3", "贸易外汇收支便利化试点", nullptr, nullptr},
        {"m3", "CIPS", nullptr, nullptr},
        {"m3", "人民币跨境收付", nullptr, nullptr},
        // 四
        {"m4", "政银担贷款风险补偿金适用对象范围", "gov_bank_guarantee", nullptr},
        {"m4", "应急转贷专项资金", nullptr, nullptr},
        // 五
        {"m5", "水电气", nullptr, nullptr},
        {"m5", "公积金", nullptr, nullptr},
        {"m5", "社保", nullptr, nullptr},
        // 六
        {"m6", "绿色通道", "new_listings", nullptr},
        {"m6", "上市辅导培训", "listing_reserve", nullptr},
        {"m6", "资本市场培育信息系统", nullptr, nullptr},
        {"m6", "最高900万元奖励", nullptr, "listing_award"},
        {"m6", "债券", nullptr, nullptr},
    };
    const auto units = expected_units();
    for (const auto& e : tasks) {
        INFO(e.measure, " ", e.needle);
        const measure& m = find_measure(p, e.measure);
        const task& t = task_with(m, e.needle);
        const auto& u = *std::find_if(units.begin(), units.end(),
                                      [&](const measure_units& x) { return std::string_view(x.id) == e.measure; });
        CHECK(t.lead == u.lead);
        CHECK(t.responsible == u.responsible);
        CHECK(t.clause == m.clause);
        CHECK(t.target == (e.target ? std::optional<std::string>(e.target) : std::nullopt));
        CHECK(t.rule == (e.rule ? std::optional<std::string>(e.rule) : std::nullopt));
        // 时间节点 are set by the units (四、组织保障（二）); the plan gives none.
        CHECK_FALSE(t.milestone.has_value());
    }
    // Money-rule tasks and figure-bearing tasks are quantitative; the 专窗 and 湛融码 are not.
    CHECK(task_with(find_measure(p, "m1"), "贴息补助").quantitative);
    CHECK(task_with(find_measure(p, "m1"), "不少于10场").quantitative);
    CHECK_FALSE(task_with(find_measure(p, "m1"), "湛融码").quantitative);
    CHECK_FALSE(task_with(find_measure(p, "m3"), "CIPS").quantitative);

    std::set<std::string> task_ids;
    for (const auto& m : p.measures)
        for (const auto& t : m.tasks) CHECK(task_ids.insert(t.id).second);
}

TEST_CASE("queries: measures by unit, through any alias") {
    const plan& p = plan_2022();
    using v = std::vector<std::string>;
    // 人民银行湛江市中心支行 leads 二 and 三 and is responsible for 一, 四, 五, 六.
    CHECK(measure_ids(measures_led_by(p, "人行")) == v{"m2", "m3"});
    CHECK(measure_ids(measures_led_by(p, "人民银行湛江市中心支行")) == v{"m2", "m3"});
    CHECK(measure_ids(measures_led_by(p, "中国人民银行湛江市中心支行")) == v{"m2", "m3"});
    CHECK(measure_ids(measures_responsible(p, "人行")) == v{"m1", "m4", "m5", "m6"});
    CHECK(measure_ids(measures_responsible(p, "人民银行湛江市中心支行")) == v{"m1", "m4", "m5", "m6"});
    // 市金融局 leads 一, 二, 四, 五, 六 and is responsible for 三.
    CHECK(measure_ids(measures_led_by(p, "市金融局")) == v{"m1", "m2", "m4", "m5", "m6"});
    CHECK(measure_ids(measures_led_by(p, "湛江市金融工作局")) == v{"m1", "m2", "m4", "m5", "m6"});
    CHECK(measure_ids(measures_responsible(p, "市金融局")) == v{"m3"});
    CHECK(measure_ids(measures_led_by(p, "市政数局")) == v{"m5"});
    CHECK(measure_ids(measures_responsible(p, "市工信局")) == v{"m2", "m4"});
    CHECK(measure_ids(measures_responsible(p, "市商务局")) == v{"m3"});
    CHECK(measure_ids(measures_responsible(p, "湛江银保监分局")) == v{"m1", "m2", "m4", "m5", "m6"});
    CHECK(measure_ids(measures_responsible(p, "各银行机构")) == v{"m1", "m2", "m4", "m5", "m6"});
    CHECK(measure_ids(measures_responsible(p, "市财政局")) == v{"m1", "m4", "m6"});
    CHECK(measures_led_by(p, "市税务局").empty());
    CHECK(measure_ids(measures_responsible(p, "市税务局")) == v{"m1"});
}

TEST_CASE("queries: units of a measure, lead first, in the text's order") {
    const plan& p = plan_2022();
    std::vector<std::string> names;
    for (const auto* u : units_of(p, "m3")) names.push_back(u->name);
    CHECK(names == std::vector<std::string>{"人民银行湛江市中心支行", "市商务局", "市金融局"});
    names.clear();
    for (const auto* u : units_of(p, "m2")) names.push_back(u->name);
    CHECK(names == std::vector<std::string>{"人民银行湛江市中心支行", "市金融局", "湛江银保监分局", "市工信局",
                                            "各银行机构"});
    CHECK(units_of(p, "m5").size() == 12);  // 2 lead + 10 responsible
    CHECK_THROWS_AS(units_of(p, "m7"), zjcredit::not_found_error);
}

TEST_CASE("queries: targets of a measure") {
    const plan& p = plan_2022();
    using v = std::vector<std::string>;
    CHECK(target_ids(targets_of(p, "m4")) == v{"sme_guarantee_loans", "gov_bank_guarantee"});
    CHECK(target_ids(targets_of(p, "m6")) == v{"new_listings", "equity_financing", "listing_reserve"});
    CHECK(targets_of(p, "m2").empty());
    CHECK(targets_of(p, "m3").empty());
    // 一 serves the credit goals of 一、工作目标 and its own measure-level goals.
    const v m1 = target_ids(targets_of(p, "m1"));
    for (auto id : {"inclusive_sme_growth", "inclusive_sme_borrowers", "sme_credit_loans", "ip_pledge_loans",
                    "first_loan_borrowers", "tax_credit_loans", "tax_credit_share", "platform_financing",
                    "matching_events", "renewal_loans", "financing_cost"}) {
        INFO(id);
        CHECK(std::find(m1.begin(), m1.end(), id) != m1.end());
    }
    CHECK(m1.size() == 11);
}

TEST_CASE("queries: the units that file the 工作台账, and an unknown alias") {
    const plan& p = plan_2022();
    // Every unit named in the six measures except the issuer that collects the ledger.
    const std::set<std::string> expected = {
        "人民银行湛江市中心支行", "湛江银保监分局", "市发改局", "市财政局", "市市场监管局", "市税务局",
        "各银行机构", "市工信局", "市商务局", "粤财普惠金融（湛江）融资担保公司", "市政数局", "市住建局",
        "市水务局", "市人社局", "市公积金中心", "湛江供电局", "湛江粤海水务集团", "湛江新奥燃气公司"};
    std::set<std::string> got;
    for (const auto* u : ledger_units(p)) got.insert(u->name);
    CHECK(ledger_units(p).size() == 18);
    CHECK(got == expected);
    CHECK(got.count("市金融局") == 0);

    try {
        (void)find_unit(p, "市人大");
        FAIL("find_unit should throw");
    } catch (const zjcredit::not_found_error& e) {
        CHECK(e.code() == zjcredit::errc::not_found);
        CHECK(e.field() == "unit");
        CHECK(e.text() == "市人大");
        CHECK(std::string(e.what()).find("市人大") != std::string::npos);
    }
    CHECK_THROWS_AS(measures_led_by(p, "人民银行总行"), zjcredit::not_found_error);
}

TEST_CASE("targets: comparator, word, baseline and threshold as the text says") {
    const plan& p = plan_2022();
    struct row {
        const char* id;
        measure_unit unit;
        comparator op;
        const char* word;
        baseline_kind baseline;
        std::optional<decimal> threshold;
        std::optional<decimal> factor;
        const char* reference;
    };
    using u = measure_unit;
    using b = baseline_kind;
    using c = comparator;
    const auto n = [](std::int64_t v) { return std::optional<decimal>(decimal::from_integer(v)); };
    const std::optional<decimal> none;
    const row rows[] = {
        // 较年初增速不低于各项贷款增速: growth ≥ all-loan growth
        {"inclusive_sme_growth", u::yuan, c::at_least, "不低于", b::peer_growth, none, none, "all_loan_balance"},
        // 户数不低于年初水平
        {"inclusive_sme_borrowers", u::borrowers, c::at_least, "不低于", b::year_start, none, none, nullptr},
        // 达 250 亿元以上: 250 × 10^8 = 25,000,000,000 元, 以上 includes it
        {"sme_credit_loans", u::yuan, c::at_least, "以上", b::fixed, n(25'000'000'000), none, nullptr},
        // 比年初增加 (no number): strictly more
        {"ip_pledge_loans", u::yuan, c::more_than, "增加", b::year_start, none, none, nullptr},
        {"first_loan_borrowers", u::borrowers, c::more_than, "增加", b::year_start, none, none, nullptr},
        {"tax_credit_loans", u::yuan, c::more_than, "增加", b::year_start, none, none, nullptr},
        // 在小微企业贷款余额中的占比增长 (measure 一)
        {"tax_credit_share", u::yuan, c::more_than, "增长", b::share_growth, none, none,
         "small_business_loan_balance"},
        // 较 2021 年增长 30%: ≥ 1.3 × the 2021 total
        {"platform_financing", u::yuan, c::at_least, "增长", b::prior_year_total, none,
         std::optional<decimal>(decimal(13, 1)), nullptr},
        // 达 2.2 亿元以上: 2.2 × 10^8 = 220,000,000 元
        {"sme_guarantee_loans", u::yuan, c::at_least, "以上", b::fixed, n(220'000'000), none, nullptr},
        // 达到 8 亿元: 800,000,000 元
        {"gov_bank_guarantee", u::yuan, c::at_least, "达到", b::fixed, n(800'000'000), none, nullptr},
        // 新增上市公司 1 家 (no word; read as 达到)
        {"new_listings", u::companies, c::at_least, "达到", b::fixed, n(1), none, nullptr},
        // 达到 5 亿元: 500,000,000 元
        {"equity_financing", u::yuan, c::at_least, "达到", b::fixed, n(500'000'000), none, nullptr},
        // 100 家以上
        {"listing_reserve", u::companies, c::at_least, "以上", b::fixed, n(100), none, nullptr},
        // 不少于 10 场 (measure 一)
        {"matching_events", u::events, c::at_least, "不少于", b::fixed, n(10), none, nullptr},
        // 无还本续贷余额增长 (measure 一)
        {"renewal_loans", u::yuan, c::more_than, "增长", b::year_start, none, none, nullptr},
        // 综合融资成本稳中有降 (measure 一): not above the earlier figure, qualitative
        {"financing_cost", u::percent, c::at_most, "稳中有降", b::year_start, none, none, nullptr},
    };
    CHECK(p.targets.size() == std::size(rows));
    for (const auto& r : rows) {
        INFO(r.id);
        const target& t = find_target(p, r.id);
        CHECK(t.unit == r.unit);
        CHECK(t.op == r.op);
        CHECK(t.comparator_word == r.word);
        CHECK(t.baseline == r.baseline);
        CHECK(t.threshold == r.threshold);
        CHECK(t.factor == r.factor);
        CHECK(t.reference_indicator == (r.reference ? std::optional<std::string>(r.reference) : std::nullopt));
        CHECK(t.due == date(2022, 12, 31));
        // The word alone, with or without a number after it, gives the comparator.
        CHECK(comparator_from_word(t.comparator_word, t.threshold || t.factor) == std::optional<comparator>(t.op));
        CHECK(t.qualitative == (std::string_view(r.id) == "financing_cost"));
    }
    // "两增": the two inclusive-finance targets are reported together.
    CHECK(find_target(p, "inclusive_sme_growth").group == std::optional<std::string>("两增"));
    CHECK(find_target(p, "inclusive_sme_borrowers").group == std::optional<std::string>("两增"));
    CHECK_FALSE(find_target(p, "sme_credit_loans").group.has_value());
    CHECK(find_target(p, "sme_credit_loans").clause == "一、工作目标");
    CHECK(find_target(p, "matching_events").clause == "二、主要措施（一）");
    CHECK(find_target(p, "sme_credit_loans").text == "中小微企业信用贷款余额达250亿元以上");
}

TEST_CASE("indicators: 17, each named in the plan's words") {
    const plan p = plan_2022();
    const std::vector<std::string> ids = indicators(p);
    CHECK(ids.size() == 17);
    for (const auto& id : ids) {
        INFO(id);
        CHECK_FALSE(indicator_name(p, id).empty());
    }
    // Each name is the target's own words, but for a counting word at its end
    // (家数 for 1家/100家, 场次 for 10场). Two are not word for word, and say
    // why: the plan compares growth with 各项贷款 (its balance's growth), and
    // counts 有贷款余额的户数 of the 普惠小微 loans of the target before it (两增).
    const auto in_words = [](std::string name, const std::string& text) {
        for (const std::string counting : {"家数", "场次"})
            if (name.size() > counting.size() && name.ends_with(counting)) name.resize(name.size() - counting.size());
        return text.find(name) != std::string::npos;
    };
    for (const auto& t : p.targets) {
        INFO(t.id, " ", t.indicator_name);
        if (t.id != "inclusive_sme_borrowers") CHECK(in_words(t.indicator_name, t.text));
        if (t.reference_indicator && *t.reference_indicator != "all_loan_balance")
            CHECK(in_words(t.reference_indicator_name, t.text));
    }
    CHECK(indicator_name(p, "all_loan_balance") == "各项贷款余额");
    CHECK(indicator_name(p, "inclusive_sme_borrowers") == "有贷款余额的普惠小微贷款户数");
    CHECK(indicator_name(p, "no_such_indicator").empty());
}

TEST_CASE("comparators: 以上/达到 include the threshold, 增加 does not") {
    using std::strong_ordering;
    const target& credit = find_target(plan_2022(), "sme_credit_loans");
    const target& ip = find_target(plan_2022(), "ip_pledge_loans");
    CHECK(satisfies(strong_ordering::equal, credit.op));
    CHECK(satisfies(strong_ordering::greater, credit.op));
    CHECK_FALSE(satisfies(strong_ordering::less, credit.op));
    CHECK_FALSE(satisfies(strong_ordering::equal, ip.op));
    CHECK(satisfies(strong_ordering::greater, ip.op));
    CHECK(satisfies(strong_ordering::equal, find_target(plan_2022(), "gov_bank_guarantee").op));
}

TEST_CASE("parameters: first-loan subsidy (measure 一)") {
    const auto& f = plan_2022().first_loan_subsidy;
    // 2022 年 4 月 1 日至 6 月 30 日, both ends included: 30 + 31 + 30 = 91 days
    CHECK(f.application_window.from() == date(2022, 4, 1));
    CHECK(f.application_window.to() == date(2022, 6, 30));
    CHECK(f.application_window.days() == 91);
    // 不超过 1000 万元: 1000 × 10^4 元 = 10,000,000.00 元 = 1,000,000,000 分
    CHECK(f.balance_cap == amount::from_fen(1'000'000'000));
    // 不高于 1%: 0.01 = 100,000,000 units of 10^-10
    CHECK(f.rate_ceiling == rate::from_units(100'000'000));
    CHECK(f.basis == zjcredit::dates::day_basis::actual_360);
    CHECK(zjcredit::dates::denominator(f.basis) == 360);
    CHECK(f.rounding == zjcredit::money::rounding::half_up);
    CHECK(f.eligible_kinds == std::vector<borrower_kind>{borrower_kind::small, borrower_kind::micro});
    CHECK_FALSE(f.max_subsidy_days.has_value());
    CHECK_FALSE(f.per_borrower_cap.has_value());
    CHECK_FALSE(f.budget.has_value());
    // The text's values come from the plan; the day basis is zjcredit's documented default.
    CHECK(f.sources.at("balance_cap").from_plan);
    CHECK(f.sources.at("balance_cap").clause.find("二、主要措施（一）") != std::string::npos);
    CHECK(f.sources.at("application_window").from_plan);
    CHECK(f.sources.at("rate_ceiling").from_plan);
    CHECK_FALSE(f.sources.at("basis").from_plan);
    CHECK(f.sources.at("basis").note.find("360") != std::string::npos);
}

TEST_CASE("parameters: receivables reward (measure 二)") {
    const auto& r = plan_2022().receivables_reward;
    // 自 2022 年 1 月 1 日至 2023 年 6 月 30 日
    CHECK(r.financing_window.from() == date(2022, 1, 1));
    CHECK(r.financing_window.to() == date(2023, 6, 30));
    CHECK(r.financing_window.days() == 365 + 181);
    CHECK(r.reward_rate == rate::from_units(100'000'000));  // 不超过 1%
    CHECK(r.basis == zjcredit::dates::day_basis::actual_365);
    CHECK(r.straddle == straddle_policy::full_if_start_in_window);
    CHECK(r.require_platform_confirmation);  // 通过中征应收账款融资服务平台在线确认
    CHECK_FALSE(r.per_enterprise_cap.has_value());
    CHECK(r.sources.at("financing_window").clause.find("二、主要措施（二）") != std::string::npos);
    CHECK_FALSE(r.sources.at("straddle").from_plan);
}

TEST_CASE("parameters: listing award (measure 六), stages labelled as a placeholder") {
    const auto& l = plan_2022().listing_award;
    // 最高 900 万元: 9,000,000.00 元
    CHECK(l.total_cap == amount::from_fen(900'000'000));
    CHECK(l.stages_are_placeholder);
    CHECK_FALSE(l.stages.empty());
    CHECK(l.sources.at("total_cap").from_plan);
    CHECK(l.sources.at("total_cap").clause.find("二、主要措施（六）") != std::string::npos);
    CHECK_FALSE(l.sources.at("stages").from_plan);
    CHECK(l.sources.at("stages").note.find("PLACEHOLDER") != std::string::npos);
    amount sum;
    for (const auto& s : l.stages) sum += s.award;
    CHECK(sum <= l.total_cap);
}

TEST_CASE("deadlines: liaison form by 2022-09-16, the 工作台账 by the 25th of 2022-09..12") {
    const plan& p = plan_2022();
    REQUIRE(p.deadlines.size() == 2);
    const deadline& liaison = p.deadlines[0];
    CHECK(liaison.id == "liaison_form");
    CHECK(liaison.attachment == "附件2");
    CHECK_FALSE(liaison.monthly());
    CHECK(liaison.due == std::optional<date>(date(2022, 9, 16)));  // 于9月16日前
    CHECK(liaison.clause == "四、组织保障（一）");

    const deadline& ledger = p.deadlines[1];
    CHECK(ledger.id == "monthly_ledger");
    CHECK(ledger.attachment == "附件1");
    CHECK(ledger.monthly());
    CHECK(ledger.rule.day_of_month == 25);  // 于每月25日前
    CHECK(ledger.rule.inclusive);
    CHECK(ledger.rule.roll_to_working_day);
    CHECK(ledger.first_month == std::optional<date>(date(2022, 9, 1)));
    CHECK(ledger.last_month == std::optional<date>(date(2022, 12, 1)));
    CHECK(ledger.clause == "四、组织保障（二）");
    CHECK_FALSE(ledger.note.empty());  // the readings of "前" and of rest days are stated
}
