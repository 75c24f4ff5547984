// The 2022 Zhanjiang plan for better access to credit (湛金函〔2022〕86号),
// embedded so that no file is needed at run time. Every value below comes
// from the plan's text unless a `note` or `from_plan = false` says otherwise.
#ifndef ZJCREDIT_PLAN_PLAN_2022_HPP
#define ZJCREDIT_PLAN_PLAN_2022_HPP

#include <zjcredit/plan/plan.hpp>

#include <string>
#include <vector>

namespace zjcredit::plan {

namespace detail {

inline const char* const doc_2022 = "湛金函〔2022〕86号";

inline source plan_clause(const std::string& clause) { return source{std::string(doc_2022) + " " + clause, true, ""}; }
inline source zjcredit_default(const std::string& note) { return source{std::string(zjcredit_default_clause), false, note}; }

inline std::vector<unit> units_2022() {
    using k = unit_kind;
    const std::string inferred = "kind is zjcredit's label; the plan does not state it";
    return {
        {"finance_bureau", "市金融局", {"湛江市金融工作局", "市金融工作局", "金融局"}, k::government_department,
         false, true, "issuer; collects the ledger and the liaison forms (金融发展科)"},
        {"pbc_zhanjiang", "人民银行湛江市中心支行",
         {"中国人民银行湛江市中心支行", "人行湛江市中心支行", "人民银行", "人行"}, k::regulator, true, false, ""},
        {"cbirc_zhanjiang", "湛江银保监分局", {"中国银保监会湛江监管分局", "银保监分局"}, k::regulator, true, false, ""},
        {"development_reform", "市发改局", {"湛江市发展和改革局", "发改局"}, k::government_department, true, false, ""},
        {"finance", "市财政局", {"湛江市财政局", "财政局"}, k::government_department, true, false, ""},
        {"hr_social_security", "市人社局", {"湛江市人力资源和社会保障局", "人社局"}, k::government_department, true,
         false, ""},
        {"housing_construction", "市住建局", {"湛江市住房和城乡建设局", "住建局"}, k::government_department, true,
         false, ""},
        {"water_affairs", "市水务局", {"湛江市水务局", "水务局"}, k::government_department, true, false, ""},
        {"market_regulation", "市市场监管局", {"湛江市市场监督管理局", "市场监管局"}, k::government_department, true,
         false, ""},
        {"data_administration", "市政数局", {"湛江市政务服务数据管理局", "政数局"}, k::government_department, true,
         false, ""},
        {"housing_fund", "市公积金中心", {"湛江市住房公积金管理中心", "公积金中心"}, k::public_institution, true,
         false, inferred},
        {"tax", "市税务局", {"国家税务总局湛江市税务局", "税务局"}, k::government_department, true, false, ""},
        {"power_supply", "湛江供电局", {"广东电网有限责任公司湛江供电局", "供电局"}, k::state_enterprise, true, false,
         inferred},
        {"yuehai_water", "湛江粤海水务集团", {"粤海水务"}, k::state_enterprise, true, false, inferred},
        {"xinao_gas", "湛江新奥燃气公司", {"新奥燃气"}, k::private_enterprise, true, false, inferred},
        {"banks", "各银行机构", {"各有关金融机构", "银行机构"}, k::bank_group, true, false,
         "addressed as 各有关金融机构; files the ledger as one group"},
        {"industry_it", "市工信局", {"湛江市工业和信息化局", "工信局"}, k::government_department, false, false,
         "responsible for measures 二 and 四 but not on the recipient list"},
        {"commerce", "市商务局", {"湛江市商务局", "商务局"}, k::government_department, false, false,
         "responsible for measure 三 but not on the recipient list"},
        {"yuecai_guarantee", "粤财普惠金融（湛江）融资担保公司", {"粤财普惠担保"}, k::guarantee_company, true, false,
         "not named on the recipient list; read as one of 各有关金融机构"},
    };
}

inline task make_task(const std::string& id, const std::string& text, const std::vector<std::string>& lead,
                      const std::vector<std::string>& responsible, std::optional<std::string> target,
                      std::optional<std::string> rule, bool quantitative, const std::string& clause) {
    return task{id, text, lead, responsible, std::move(target), std::move(rule), quantitative, std::nullopt, clause};
}

inline std::vector<measure> measures_2022() {
    std::vector<measure> out;
    auto add = [&](std::string id, int number, std::string numeral, std::string title, std::string text,
                   std::vector<std::string> lead, std::vector<std::string> responsible,
                   std::vector<std::string> targets, std::vector<std::string> rules) {
        const std::string clause = "二、主要措施（" + numeral + "）";
        out.push_back(measure{std::move(id), number, numeral, std::move(title), std::move(text), std::move(lead),
                              std::move(responsible), std::move(targets), std::move(rules), {}, clause});
    };
    // Adds a task that shares its measure's units and clause.
    auto task_of = [&](const std::string& id, const std::string& text, std::optional<std::string> target,
                       std::optional<std::string> rule, bool quantitative) {
        measure& m = out.back();
        m.tasks.push_back(make_task(m.id + "." + id, text, m.lead, m.responsible, std::move(target),
                                    std::move(rule), quantitative, m.clause));
    };
    using std::nullopt;

    add("m1", 1, "一", "加大对中小微企业的信贷支持力度", "加大对中小微企业的信贷支持力度。推动法人银行机构知识产权质押贷款余额、新增小微企业首贷户数量、无还本续贷余额增长，为重点培育外贸企业提供优惠信贷支持，促进综合融资成本稳中有降。不断扩大“银税互动”信贷产品规模，实现“银税互动”小微企业贷款余额和在小微企业贷款余额中的占比增长。深化政银企常态化对接机制，组织企业和金融机构开展不少于 10 场融资对接和政策宣传活动；提升“粤信融、中小融、信易贷”三大融资平台融资金额。对 2022 年 4 月 1 日至 6 月 30 日依托广东省中小企业融资平台在地方法人金融机构首次申请贷款的小微企业，且单户贷款余额不超过 1000 万元的部分，落实省政策给予不高于 1% 的贴息补助。推动设立线下“湛江市首贷服务中心”，支持银行机构在主要服务网点设立“首贷服务专窗”，同步上线“湛融码”线上扫码融资服务。", {"finance_bureau"},
        {"pbc_zhanjiang", "cbirc_zhanjiang", "development_reform", "finance", "market_regulation", "tax", "banks"},
        {"inclusive_sme_growth", "inclusive_sme_borrowers", "sme_credit_loans", "ip_pledge_loans",
         "first_loan_borrowers", "tax_credit_loans", "tax_credit_share", "platform_financing", "matching_events",
         "renewal_loans", "financing_cost"},
        {"first_loan_subsidy"});
    task_of("ip_pledge_loans", "推动法人银行机构知识产权质押贷款余额增长", "ip_pledge_loans", nullopt, true);
    task_of("first_loan_borrowers", "推动新增小微企业首贷户数量增长", "first_loan_borrowers", nullopt, true);
    task_of("renewal_loans", "推动无还本续贷余额增长", "renewal_loans", nullopt, true);
    task_of("foreign_trade_credit", "为重点培育外贸企业提供优惠信贷支持", nullopt, nullopt, false);
    task_of("financing_cost", "促进综合融资成本稳中有降", "financing_cost", nullopt, true);
    task_of("tax_credit_scale", "不断扩大“银税互动”信贷产品规模，实现“银税互动”小微企业贷款余额增长",
            "tax_credit_loans", nullopt, true);
    task_of("tax_credit_share", "实现“银税互动”小微企业贷款余额在小微企业贷款余额中的占比增长",
            "tax_credit_share", nullopt, true);
    task_of("matching_events", "深化政银企常态化对接机制，组织企业和金融机构开展不少于10场融资对接和政策宣传活动",
            "matching_events", nullopt, true);
    task_of("platform_financing", "提升“粤信融、中小融、信易贷”三大融资平台融资金额", "platform_financing",
            nullopt, true);
    task_of("first_loan_subsidy",
            "对2022年4月1日至6月30日依托广东省中小企业融资平台在地方法人金融机构首次申请贷款的小微企业，"
            "且单户贷款余额不超过1000万元的部分，落实省政策给予不高于1%的贴息补助",
            nullopt, "first_loan_subsidy", true);
    task_of("first_loan_center", "推动设立线下“湛江市首贷服务中心”", nullopt, nullopt, false);
    task_of("first_loan_windows", "支持银行机构在主要服务网点设立“首贷服务专窗”", nullopt, nullopt, false);
    task_of("zhanrong_code", "同步上线“湛融码”线上扫码融资服务", nullopt, nullopt, false);

    add("m2", 2, "二", "发展供应链金融服务", "发展供应链金融服务。做好人民银行中征应收账款融资服务平台基础业务和政采贷业务。鼓励银行机构依托人民银行中征应收账款融资服务平台，为供应链上下游中小微企业提供融资支持。自 2022 年 1 月 1 日至 2023 年 6 月 30 日，对符合条件帮助中小企业实现应收账款融资的供应链核心企业，通过中征应收账款融资服务平台在线确认，落实省政策按实现应收账款融资年化金额不超过1%的额度给予奖励。", {"pbc_zhanjiang", "finance_bureau"},
        {"cbirc_zhanjiang", "industry_it", "banks"}, {}, {"receivables_reward"});
    task_of("receivables_platform", "做好人民银行中征应收账款融资服务平台基础业务和政采贷业务", nullopt, nullopt,
            false);
    task_of("supply_chain_financing",
            "鼓励银行机构依托人民银行中征应收账款融资服务平台，为供应链上下游中小微企业提供融资支持", nullopt,
            nullopt, true);
    task_of("receivables_reward",
            "自2022年1月1日至2023年6月30日，对通过中征应收账款融资服务平台在线确认、帮助中小企业实现应收账款融资的"
            "供应链核心企业，按应收账款融资年化金额不超过1%的额度给予奖励",
            nullopt, "receivables_reward", true);

    add("m3", 3, "三", "提升辖区跨境贸易投资便利化水平", "提升辖区跨境贸易投资便利化水平。深入推进贸易外汇收支便利化试点。探索部署企业人民币跨境支付系统（CIPS）标准收发器，推动人民币跨境收付持续增长。", {"pbc_zhanjiang"}, {"commerce", "finance_bureau"}, {}, {});
    task_of("fx_facilitation", "深入推进贸易外汇收支便利化试点", nullopt, nullopt, false);
    task_of("cips_transceiver", "探索部署企业人民币跨境支付系统（CIPS）标准收发器", nullopt, nullopt, false);
    task_of("rmb_cross_border", "推动人民币跨境收付持续增长", nullopt, nullopt, true);

    add("m4", 4, "四", "健全信贷风险分担机制", "健全信贷风险分担机制。完善中小企业贷款风险补偿机制。充分发挥政府性融资担保机构优势，扩大政银担贷款风险补偿金适用对象范围和业务规模，为更多中小微企业融资提供增信和风险补偿。建立中小企业应急转贷机制。推动设立企业应急转贷专项资金，对符合续贷条件、贷款即将到期而足额还贷出现暂时性困难的企业提供短期应急资金。", {"finance_bureau"},
        {"industry_it", "finance", "pbc_zhanjiang", "cbirc_zhanjiang", "yuecai_guarantee", "banks"},
        {"sme_guarantee_loans", "gov_bank_guarantee"}, {});
    task_of("risk_compensation_scope", "完善中小企业贷款风险补偿机制，扩大政银担贷款风险补偿金适用对象范围和业务规模",
            "gov_bank_guarantee", nullopt, true);
    task_of("government_guarantee", "充分发挥政府性融资担保机构优势，为更多中小微企业融资提供增信和风险补偿",
            "sme_guarantee_loans", nullopt, true);
    task_of("emergency_bridge_fund", "建立中小企业应急转贷机制，推动设立企业应急转贷专项资金", nullopt, nullopt,
            false);

    add("m5", 5, "五", "推动非银行信息对接", "推动非银行信息对接。协调推进水电气、公积金、社保信息等政务数据向“中小融”、“粤信融”、“信易贷”平台报送。", {"finance_bureau", "data_administration"},
        {"housing_construction", "water_affairs", "hr_social_security", "housing_fund", "pbc_zhanjiang",
         "cbirc_zhanjiang", "power_supply", "yuehai_water", "xinao_gas", "banks"},
        {"platform_financing"}, {});
    task_of("utility_data", "协调推进水电气信息向“中小融”、“粤信融”、“信易贷”平台报送", nullopt, nullopt, false);
    task_of("housing_fund_data", "协调推进公积金信息向“中小融”、“粤信融”、“信易贷”平台报送", nullopt, nullopt,
            false);
    task_of("social_security_data", "协调推进社保信息向“中小融”、“粤信融”、“信易贷”平台报送", nullopt, nullopt,
            false);

    add("m6", 6, "六", "拓宽直接融资渠道", "拓宽直接融资渠道。开辟企业上市“绿色通道”。推动落实企业上市三年行动，建立各部门服务企业上市绿色通道，对企业上市中涉及的社保、税务、土地等项等各项审批、备案事项或者出具有关证明的，相关职能部门依法依规在法定时限内加快办结。加强企业上市辅导培训。推广应用广东省资本市场培育信息系统，强化与证券交易所、区域股权交易市场、证券机构等对接合作，加大企业上市培训力度，鼓励企业抢抓北京证券交易所设立契机申报上市。落实《湛江市鼓励企业利用资本市场上市融资奖励办法》，对上市企业分阶段给予最高900万元奖励。引导企业稳步扩大债券市场融资规模。引导金融机构创新债券业务，支持符合条件的企业发行公司债券、企业债券、短期融资券、中期票据等，鼓励有条件的金融机构、企业发行绿色债券。", {"finance_bureau"}, {"pbc_zhanjiang", "cbirc_zhanjiang", "finance", "banks"},
        {"new_listings", "equity_financing", "listing_reserve"}, {"listing_award"});
    task_of("listing_green_channel", "开辟企业上市“绿色通道”，相关职能部门依法依规在法定时限内加快办结",
            "new_listings", nullopt, false);
    task_of("listing_training", "加强企业上市辅导培训，鼓励企业抢抓北京证券交易所设立契机申报上市",
            "listing_reserve", nullopt, true);
    task_of("capital_market_system", "推广应用广东省资本市场培育信息系统", nullopt, nullopt, false);
    task_of("listing_award", "落实《湛江市鼓励企业利用资本市场上市融资奖励办法》，对上市企业分阶段给予最高900万元奖励",
            nullopt, "listing_award", true);
    task_of("bond_financing", "引导企业稳步扩大债券市场融资规模，支持符合条件的企业发行公司债券等，鼓励发行绿色债券",
            nullopt, nullopt, false);
    return out;
}

inline std::vector<target> targets_2022() {
    using u = measure_unit;
    using b = baseline_kind;
    const dates::date due(2022, 12, 31);
    const std::string goals = "一、工作目标";
    const std::string m1 = "二、主要措施（一）";
    auto fixed = [](std::int64_t v) { return money::decimal::from_integer(v); };
    std::vector<target> out;
    auto add = [&](target t) {
        t.due = due;
        out.push_back(std::move(t));
    };
    add({"inclusive_sme_growth",
         "辖内法人银行机构总体实现单户授信总额1000万元以下（含）普惠小微贷款余额较年初增速不低于各项贷款增速",
         "inclusive_sme_loan_balance", u::yuan, comparator::at_least, "不低于", b::peer_growth, {}, {},
         "all_loan_balance", "两增", false, {}, goals, "", "普惠小微贷款余额", "各项贷款余额"});
    add({"inclusive_sme_borrowers", "有贷款余额的户数不低于年初水平", "inclusive_sme_borrowers", u::borrowers,
         comparator::at_least, "不低于", b::year_start, {}, {}, {}, "两增", false, {}, goals, "", "有贷款余额的普惠小微贷款户数", {}});
    add({"sme_credit_loans", "中小微企业信用贷款余额达250亿元以上", "sme_credit_loan_balance", u::yuan,
         comparator::at_least, "以上", b::fixed, fixed(25'000'000'000), {}, {}, {}, false, {}, goals, "",
         "中小微企业信用贷款余额", {}});
    add({"ip_pledge_loans", "推动法人银行机构知识产权质押贷款余额比年初增加", "ip_pledge_loan_balance", u::yuan,
         comparator::more_than, "增加", b::year_start, {}, {}, {}, {}, false, {}, goals, "", "知识产权质押贷款余额", {}});
    add({"first_loan_borrowers", "推动新增小微企业首贷户数比年初增加", "new_first_loan_borrowers", u::borrowers,
         comparator::more_than, "增加", b::year_start, {}, {}, {}, {}, false, {}, goals, "", "新增小微企业首贷户数", {}});
    add({"tax_credit_loans", "推动“银税互动”小微企业贷款余额比年初增加", "tax_credit_loan_balance", u::yuan,
         comparator::more_than, "增加", b::year_start, {}, {}, {}, {}, false, {}, goals, "", "“银税互动”小微企业贷款余额", {}});
    add({"tax_credit_share", "实现“银税互动”小微企业贷款余额在小微企业贷款余额中的占比增长",
         "tax_credit_loan_balance", u::yuan, comparator::more_than, "增长", b::share_growth, {}, {},
         "small_business_loan_balance", {}, false, {}, m1, "", "“银税互动”小微企业贷款余额", "小微企业贷款余额"});
    add({"platform_financing", "“粤信融”、“中小融”等融资信用服务平台融资总额较2021年增长30%",
         "platform_financing_total", u::yuan, comparator::at_least, "增长", b::prior_year_total, {},
         money::decimal(13, 1), {}, {}, false, {}, goals, "", "融资信用服务平台融资总额", {}});
    add({"sme_guarantee_loans", "中小企业融资担保贷款余额达2.2亿元以上", "sme_guarantee_loan_balance", u::yuan,
         comparator::at_least, "以上", b::fixed, fixed(220'000'000), {}, {}, {}, false, {}, goals, "",
         "中小企业融资担保贷款余额", {}});
    add({"gov_bank_guarantee", "政银担项目担保余额达到8亿元", "gov_bank_guarantee_balance", u::yuan,
         comparator::at_least, "达到", b::fixed, fixed(800'000'000), {}, {}, {}, false, {}, goals, "",
         "政银担项目担保余额", {}});
    add({"new_listings", "新增上市公司1家", "new_listed_companies", u::companies, comparator::at_least, "达到",
         b::fixed, fixed(1), {}, {}, {}, false, {}, goals,
         "the plan writes no comparator word; a count of 1 is read as 达到 (≥)", "新增上市公司家数", {}});
    add({"equity_financing", "本地股票市场融资规模达到5亿元", "equity_financing_total", u::yuan,
         comparator::at_least, "达到", b::fixed, fixed(500'000'000), {}, {}, {}, false, {}, goals, "",
         "本地股票市场融资规模", {}});
    add({"listing_reserve", "动态纳入上市后备库企业100家以上", "listing_reserve_companies", u::companies,
         comparator::at_least, "以上", b::fixed, fixed(100), {}, {}, {}, false, {}, goals, "", "上市后备库企业家数", {}});
    add({"matching_events", "组织企业和金融机构开展不少于10场融资对接和政策宣传活动", "matching_events", u::events,
         comparator::at_least, "不少于", b::fixed, fixed(10), {}, {}, {}, false, {}, m1, "", "融资对接和政策宣传活动场次", {}});
    add({"renewal_loans", "推动无还本续贷余额增长", "renewal_loan_balance", u::yuan, comparator::more_than, "增长",
         b::year_start, {}, {}, {}, {}, false, {}, m1, "", "无还本续贷余额", {}});
    add({"financing_cost", "促进综合融资成本稳中有降", "overall_financing_cost", u::percent, comparator::at_most,
         "稳中有降", b::year_start, {}, {}, {}, {}, true, {}, m1,
         "qualitative: the plan sets no figure; compared with the year-start cost, not above it", "综合融资成本", {}});
    return out;
}

inline std::vector<deadline> deadlines_2022() {
    const std::string note_year = "the text gives no year; the notice is dated 2022-09-13, so 2022 is read";
    return {
        {"liaison_form", "请各单位于9月16日前报送联络员信息表（附件2）至市金融局金融发展科", "附件2",
         dates::date(2022, 9, 16), dates::deadline_rule{}, std::nullopt, std::nullopt, "四、组织保障（一）",
         note_year},
        {"monthly_ledger", "各有关单位根据工作进展情况填报《工作台账》，并于每月25日前将当月《工作台账》报送至市金融局金融发展科邮箱",
         "附件1", std::nullopt, dates::deadline_rule{}, dates::date(2022, 9, 1), dates::date(2022, 12, 1),
         "四、组织保障（二）",
         "months 2022-09..2022-12: from the notice (2022-09-13) to the targets' year end; "
         "\"前\" read as including the 25th and a rest day rolled to the next working day (民法典 第二百零三条), "
         "both parameters"},
    };
}

inline first_loan_subsidy_parameters first_loan_subsidy_2022() {
    first_loan_subsidy_parameters p{
        dates::window(dates::date(2022, 4, 1), dates::date(2022, 6, 30)),
        money::amount::from_yuan(10'000'000),
        money::rate::from_percent(1),
        dates::day_basis::actual_360,
        money::rounding::half_up,
        {borrower_kind::small, borrower_kind::micro},
        std::nullopt,
        std::nullopt,
        std::nullopt,
        {}};
    const std::string c = "二、主要措施（一）";
    p.sources = {
        {"application_window", plan_clause(c)},
        {"balance_cap", plan_clause(c)},
        {"rate_ceiling", plan_clause(c)},
        {"eligible_kinds", plan_clause(c)},
        {"basis", zjcredit_default("日利率 = 年利率/360 (人民银行 银发〔2005〕129号)")},
        {"rounding", zjcredit_default("分位以下四舍五入, once on the total")},
        {"max_subsidy_days", zjcredit_default("the plan sets no maximum period")},
        {"per_borrower_cap", zjcredit_default("the plan sets no per-borrower cap")},
        {"budget", zjcredit_default("the plan sets no budget")},
        {"annual_rate_max",
         zjcredit_default("a plausibility bound, not from the plan: a rate above it is refused as a fraction "
                          "written as a percent, or the reverse")},
    };
    return p;
}

inline receivables_reward_parameters receivables_reward_2022() {
    receivables_reward_parameters p{
        dates::window(dates::date(2022, 1, 1), dates::date(2023, 6, 30)),
        money::rate::from_percent(1),
        dates::day_basis::actual_365,
        money::rounding::half_up,
        straddle_policy::full_if_start_in_window,
        true,
        std::nullopt,
        std::nullopt,
        {}};
    const std::string c = "二、主要措施（二）";
    p.sources = {
        {"financing_window", plan_clause(c)},
        {"reward_rate", plan_clause(c)},
        {"require_platform_confirmation", plan_clause(c)},
        {"basis", zjcredit_default("年化金额 = 金额 × 天数 / 365")},
        {"rounding", zjcredit_default("分位以下四舍五入, once on the total")},
        {"straddle", zjcredit_default("a financing counts in full when it starts inside the window")},
        {"per_enterprise_cap", zjcredit_default("the provincial rule sets no cap")},
        {"budget", zjcredit_default("the plan sets no budget")},
    };
    return p;
}

inline listing_award_parameters listing_award_2022() {
    listing_award_parameters p{
        money::amount::from_yuan(9'000'000),
        {
            {"tutoring_filed", "辅导备案", money::amount::from_yuan(2'000'000)},
            {"application_accepted", "申报受理", money::amount::from_yuan(3'000'000)},
            {"listed", "成功上市", money::amount::from_yuan(4'000'000)},
        },
        true,
        {}};
    p.sources = {
        {"total_cap", plan_clause("二、主要措施（六）")},
        {"stages", zjcredit_default("PLACEHOLDER: the stages and their amounts come from the city's "
                                    "《湛江市鼓励企业利用资本市场上市融资奖励办法》, which the plan does not "
                                    "reproduce; replace them with a plan file")},
    };
    return p;
}

inline plan make_plan_2022() {
    return plan{
        document{
            "湛江市金融工作局",
            doc_2022,
            "2022年湛江市优化获得信贷营商环境行动方案",
            dates::date(2022, 9, 13),
            dates::date(2022, 12, 31),
            "市发改局、市财政局、市人社局、市住建局、市水务局、市市场监管局、市政数局、市公积金中心、"
            "人民银行湛江市中心支行、湛江银保监分局、市税务局，湛江供电局、湛江粤海水务集团、湛江新奥燃气公司，"
            "各有关金融机构",
            {{"一", "工作目标"}, {"二", "主要措施"}, {"四", "组织保障"}},
            {{"附件1", "湛江市金融系统优化营商环境行动工作任务台账", false}, {"附件2", "联络员信息表", false}},
            "2022.1",
        },
        units_2022(),
        measures_2022(),
        targets_2022(),
        deadlines_2022(),
        first_loan_subsidy_2022(),
        receivables_reward_2022(),
        listing_award_2022(),
    };
}

}  // namespace detail

/// The embedded 2022 plan, built once on first use (thread-safe) and never changed.
inline const plan& plan_2022() {
    static const plan instance = detail::make_plan_2022();
    return instance;
}

}  // namespace zjcredit::plan

#endif
