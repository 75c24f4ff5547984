// rules::first_loan_subsidy: the first-loan interest subsidy (首贷贴息) of
// measure 一 of 湛金函〔2022〕86号:
//
//     subsidy = round( Σ_days min(balance_d, cap) × min(ceiling, annual_rate) / basis )
//
// with cap 1000万元 (不超过: the cap itself is included), ceiling 1% (不高于),
// basis 360 and 分 half-up, rounded ONCE at the end; all are parameters
// (plan::first_loan_subsidy_parameters), and so are an optional maximum
// subsidy period, an optional per-borrower cap and an optional budget.
//
// How the record is read (docs/records.md repeats this):
//
// * balances: closed date ranges {from, to, balance}; `balance` is the
//   end-of-day balance on EVERY day from `from` to `to`, both included, and
//   each such day is one interest day. 算头不算尾 is therefore already in the
//   schedule: a loan drawn on 05-10 and repaid on 12-31 is written
//   {05-10, 12-30, balance} (and, if the period reaches 12-31, {12-31, ..., 0}).
//   Ranges must be in date order and must not overlap; gaps are allowed, but
//   not inside the period (see below). A daily schedule is ranges with
//   from == to. Balances are ≥ 0 (0 is how "no loan on these days" is said).
// * period {from, to}, both included: the days the claim covers. The days
//   summed are exactly the days of the period (each must lie in some balance
//   range; a period day that no range covers is a validation error "outside
//   the balance schedule", because a missing balance is not a zero balance).
//   Schedule days outside the period are not summed.
// * max_subsidy_days (optional parameter): the subsidy period starts on the
//   first day of the whole schedule with a positive balance (the drawing)
//   and lasts that many calendar days, that day included; period days after
//   it are not summed. No positive balance: nothing to limit.
// * Eligibility, ALL checks reported: first_application_date inside the
//   application window (2022-04-01..2022-06-30, both included), borrower_kind
//   among the eligible kinds (small, micro; individual_business only if a plan
//   adds it), via_platform, local_legal_person_lender, first_loan. Any failure:
//   eligible = false, amount 0.00, one reason per failed check.
// * Caps on the total, after the one rounding: per_borrower_cap, then budget
//   (each when set; each that bites adds a reason, and eligible stays true).
//   Both are whole 分, so capping after rounding equals rounding after capping.
// * Errors (zjcredit::validation_error naming the field): empty borrower or
//   schedule, a schedule of more than limits::max_record_items ranges, a
//   special date, a range ending before it starts, ranges out of
//   order or overlapping, a negative balance, annual_rate ≤ 0 or ≥ 100%, a
//   reversed period, a period day outside the schedule; overflow_error when an
//   intermediate would leave 128 bits or the result 64 (a balance of 10^17 元
//   already fails when parsed: it is more 分 than an amount holds).
#ifndef ZJCREDIT_RULES_FIRST_LOAN_SUBSIDY_HPP
#define ZJCREDIT_RULES_FIRST_LOAN_SUBSIDY_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/dates/window.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/limits.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/detail/checked.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/plan/plan.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

inline constexpr std::string_view first_loan_subsidy_rule = "first_loan_subsidy";

/// A closed range of days with the end-of-day balance on each of them.
struct balance_range {
    dates::date from;
    dates::date to;
    money::amount balance;

    friend bool operator==(const balance_range&, const balance_range&) = default;
};

/// A closed range of days, both ends included (validated by the rule, so a
/// record can be filled field by field).
struct date_range {
    dates::date from;
    dates::date to;

    friend bool operator==(const date_range&, const date_range&) = default;
};

/// A loan as the subsidy reads it; the field names are those of the JSON record.
struct loan_record {
    std::string borrower;
    plan::borrower_kind borrower_kind = plan::borrower_kind::small;
    dates::date first_application_date;  ///< not_a_date_time until set (then refused)
    bool via_platform = false;               ///< via 广东省中小企业融资平台
    bool local_legal_person_lender = false;  ///< lender is a 地方法人金融机构
    bool first_loan = false;                 ///< the borrower's first loan
    money::rate annual_rate;                 ///< the loan's actual annual rate
    std::vector<balance_range> balances;
    date_range period;

    friend bool operator==(const loan_record&, const loan_record&) = default;
};

struct first_loan_subsidy_result {
    bool eligible = false;
    money::amount amount;          ///< 0.00 when not eligible
    std::vector<reason> reasons;   ///< failed checks; caps on the total that bit
    rules::receipt receipt;

    friend bool operator==(const first_loan_subsidy_result&, const first_loan_subsidy_result&) = default;
};

namespace detail {

inline std::string kind_zh(plan::borrower_kind k) {
    switch (k) {
        case plan::borrower_kind::small: return "小型企业";
        case plan::borrower_kind::micro: return "微型企业";
        case plan::borrower_kind::individual_business: return "个体工商户";
    }
    return "小型企业";
}

inline std::string kinds_text(const std::vector<plan::borrower_kind>& kinds) {
    std::vector<std::string> parts;
    for (auto k : kinds) parts.emplace_back(plan::to_string(k));
    return join(parts, ",");
}

inline std::string kinds_zh(const std::vector<plan::borrower_kind>& kinds) {
    std::vector<std::string> parts;
    for (auto k : kinds) parts.push_back(kind_zh(k));
    return parts.empty() ? "（无）" : join(parts, "、");
}

inline void validate_parameters(const plan::first_loan_subsidy_parameters& p) {
    if (p.balance_cap.is_negative())
        throw validation_error("parameters.balance_cap", money::to_string(p.balance_cap), "must not be negative");
    if (p.rate_ceiling.units() < 0)
        throw validation_error("parameters.rate_ceiling", money::to_string(p.rate_ceiling), "must not be negative");
    if (p.max_subsidy_days && *p.max_subsidy_days < 1)
        throw validation_error("parameters.max_subsidy_days", std::to_string(*p.max_subsidy_days),
                               "must be at least 1 day");
    if (p.per_borrower_cap && p.per_borrower_cap->is_negative())
        throw validation_error("parameters.per_borrower_cap", money::to_string(*p.per_borrower_cap),
                               "must not be negative");
    if (p.budget && p.budget->is_negative())
        throw validation_error("parameters.budget", money::to_string(*p.budget), "must not be negative");
}

}  // namespace detail

/// Throws validation_error for a record no rule can be applied to (see the
/// list at the top of this file). Eligibility is not checked here.
inline void validate(const loan_record& loan) {
    using dates::detail::iso;
    if (loan.borrower.empty()) throw validation_error("borrower", "", "must not be empty");
    dates::detail::require_plain(loan.first_application_date, "first_application_date");
    if (!loan.annual_rate.is_positive())
        throw validation_error("annual_rate", money::to_string(loan.annual_rate), "must be above 0%");
    if (loan.annual_rate >= money::rate::from_percent(100))
        throw validation_error("annual_rate", money::to_string(loan.annual_rate), "must be below 100%");
    if (loan.balances.empty()) throw validation_error("balances", "", "the balance schedule is empty");
    if (loan.balances.size() > limits::max_record_items)
        throw validation_error("balances", std::to_string(loan.balances.size()) + " ranges",
                               "a schedule has at most " + std::to_string(limits::max_record_items) + " ranges");
    for (std::size_t i = 0; i < loan.balances.size(); ++i) {
        const balance_range& r = loan.balances[i];
        const std::string field = "balances" + detail::index_text(i);
        dates::detail::require_plain(r.from, field + ".from");
        dates::detail::require_plain(r.to, field + ".to");
        if (r.to < r.from)
            throw validation_error(field, iso(r.from) + ".." + iso(r.to),
                                   "range ends on " + iso(r.to) + ", before it starts on " + iso(r.from));
        if (r.balance.is_negative())
            throw validation_error(field + ".balance", money::to_string(r.balance), "balance must not be negative");
        if (i == 0) continue;
        const balance_range& prev = loan.balances[i - 1];
        if (r.from < prev.from)
            throw validation_error(field, iso(r.from) + ".." + iso(r.to),
                                   "ranges must be in date order: this one starts before balances" +
                                       detail::index_text(i - 1) + " (" + iso(prev.from) + ".." + iso(prev.to) + ")");
        if (r.from <= prev.to)
            throw validation_error(field, iso(r.from) + ".." + iso(r.to),
                                   "range overlaps balances" + detail::index_text(i - 1) + " (" + iso(prev.from) +
                                       ".." + iso(prev.to) + ")");
    }
    dates::detail::require_plain(loan.period.from, "period.from");
    dates::detail::require_plain(loan.period.to, "period.to");
    if (loan.period.to < loan.period.from)
        throw validation_error("period", iso(loan.period.from) + ".." + iso(loan.period.to),
                               "period ends on " + iso(loan.period.to) + ", before it starts on " +
                                   iso(loan.period.from));
    // Every period day must lie in a range: walk the period through the ranges.
    dates::date cursor = loan.period.from;  // first period day not yet known to be covered
    bool covered = false;
    for (const balance_range& r : loan.balances) {
        if (r.to < cursor) continue;
        if (r.from > cursor) break;  // a gap (or the schedule starts late) at `cursor`
        if (r.to >= loan.period.to) {
            covered = true;
            break;
        }
        cursor = detail::next_day(r.to);
    }
    if (!covered)
        throw validation_error("period", iso(loan.period.from) + ".." + iso(loan.period.to),
                               "period day " + iso(cursor) + " is outside the balance schedule (no balance range covers it)");
}

/// Computes the subsidy for `loan` under `params`; `ref` names the plan in
/// the receipt (`ref`). Throws validation_error / overflow_error (see the top).
inline first_loan_subsidy_result first_loan_subsidy(const loan_record& loan,
                                                    const plan::first_loan_subsidy_parameters& params,
                                                    const plan_reference& ref) {
    using dates::detail::iso;
    using detail::bool_text;
    using money::int128;
    namespace ck = money::detail;

    detail::validate_parameters(params);
    validate(loan);

    first_loan_subsidy_result out;
    receipt& rc = out.receipt;
    rc.rule = std::string(first_loan_subsidy_rule);
    rc.rule_set_version = ref.rule_set_version;
    rc.plan_document = ref.document;

    // ---- parameters ----------------------------------------------------------
    const auto opt_amount = [](const std::optional<money::amount>& a) -> std::optional<std::string> {
        if (!a) return std::nullopt;
        return money::to_string(*a);
    };
    const int basis = dates::denominator(params.basis);
    rc.parameters = {
        detail::parameter("application_window", dates::to_string(params.application_window), params.sources),
        detail::parameter("balance_cap", money::to_string(params.balance_cap), params.sources),
        detail::parameter("rate_ceiling", money::to_string(params.rate_ceiling), params.sources),
        detail::parameter("basis", std::string(dates::to_string(params.basis)), params.sources),
        detail::parameter("rounding", std::string(money::to_string(params.rounding)), params.sources),
        detail::parameter("eligible_kinds", detail::kinds_text(params.eligible_kinds), params.sources),
        detail::parameter("max_subsidy_days",
                          params.max_subsidy_days ? std::optional<std::string>(std::to_string(*params.max_subsidy_days))
                                                  : std::nullopt,
                          params.sources),
        detail::parameter("per_borrower_cap", opt_amount(params.per_borrower_cap), params.sources),
        detail::parameter("budget", opt_amount(params.budget), params.sources),
    };

    // ---- inputs ---------------------------------------------------------------
    rc.inputs = {
        {"borrower", loan.borrower},
        {"borrower_kind", std::string(plan::to_string(loan.borrower_kind))},
        {"first_application_date", iso(loan.first_application_date)},
        {"via_platform", bool_text(loan.via_platform)},
        {"local_legal_person_lender", bool_text(loan.local_legal_person_lender)},
        {"first_loan", bool_text(loan.first_loan)},
        {"annual_rate", money::to_string(loan.annual_rate)},
    };
    for (std::size_t i = 0; i < loan.balances.size(); ++i) {
        const std::string p = "balances" + detail::index_text(i);
        rc.inputs.push_back({p + ".from", iso(loan.balances[i].from)});
        rc.inputs.push_back({p + ".to", iso(loan.balances[i].to)});
        rc.inputs.push_back({p + ".balance", money::to_string(loan.balances[i].balance)});
    }
    rc.inputs.push_back({"period.from", iso(loan.period.from)});
    rc.inputs.push_back({"period.to", iso(loan.period.to)});
    rc.rounding = params.rounding;

    // ---- eligibility: every check, all reported --------------------------------
    const std::string window_text = dates::to_string(params.application_window);
    const std::string window_zh = iso(params.application_window.from()) + " 至 " + iso(params.application_window.to());
    const bool in_window = params.application_window.contains(loan.first_application_date);
    rc.steps.push_back({"window", "check", in_window,
                        {{"first_application_date", iso(loan.first_application_date)},
                         {"application_window", window_text}},
                        "首次申请贷款日期 " + iso(loan.first_application_date) + (in_window ? " 在 " : " 不在 ") +
                            window_zh + "（含首尾）之内",
                        "first application on " + iso(loan.first_application_date) +
                            (in_window ? " is inside " : " is outside ") + window_text + " (both ends included)"});
    if (!in_window)
        out.reasons.push_back({"application_outside_window",
                               "首次申请贷款日期 " + iso(loan.first_application_date) + " 不在 " + window_zh + " 之内",
                               "first application on " + iso(loan.first_application_date) + " is outside " +
                                   window_text});

    const bool kind_ok = std::find(params.eligible_kinds.begin(), params.eligible_kinds.end(), loan.borrower_kind) !=
                         params.eligible_kinds.end();
    const std::string kind = std::string(plan::to_string(loan.borrower_kind));
    rc.steps.push_back({"eligibility.borrower_kind", "check", kind_ok,
                        {{"borrower_kind", kind}, {"eligible_kinds", detail::kinds_text(params.eligible_kinds)}},
                        "借款人类型为" + detail::kind_zh(loan.borrower_kind) + (kind_ok ? "，属于" : "，不属于") +
                            "贴息对象（" + detail::kinds_zh(params.eligible_kinds) + "）",
                        "borrower kind " + kind + (kind_ok ? " is" : " is not") + " among the eligible kinds (" +
                            detail::kinds_text(params.eligible_kinds) + ")"});
    if (!kind_ok)
        out.reasons.push_back({"borrower_kind_not_eligible",
                               "借款人类型（" + detail::kind_zh(loan.borrower_kind) + "）不属于贴息对象（" +
                                   detail::kinds_zh(params.eligible_kinds) + "）",
                               "borrower kind " + kind + " is not eligible (eligible: " +
                                   detail::kinds_text(params.eligible_kinds) + ")"});

    struct flag_check {
        const char* id;
        bool ok;
        const char* code;
        const char* yes_zh;
        const char* no_zh;
        const char* yes_en;
        const char* no_en;
    };
    const flag_check flags[] = {
        {"via_platform", loan.via_platform, "not_via_platform", "依托广东省中小企业融资平台申请",
         "未依托广东省中小企业融资平台申请", "applied via the Guangdong SME financing platform",
         "did not apply via the Guangdong SME financing platform"},
        {"local_legal_person_lender", loan.local_legal_person_lender, "lender_not_local_legal_person",
         "贷款机构为地方法人金融机构", "贷款机构不是地方法人金融机构",
         "the lender is a local legal-person financial institution",
         "the lender is not a local legal-person financial institution"},
        {"first_loan", loan.first_loan, "not_first_loan", "为借款人的首次贷款", "不是借款人的首次贷款",
         "this is the borrower's first loan", "this is not the borrower's first loan"},
    };
    for (const auto& f : flags) {
        rc.steps.push_back({std::string("eligibility.") + f.id, "check", f.ok, {{f.id, bool_text(f.ok)}},
                            f.ok ? f.yes_zh : f.no_zh, f.ok ? f.yes_en : f.no_en});
        if (!f.ok) out.reasons.push_back({f.code, f.no_zh, f.no_en});
    }

    out.eligible = out.reasons.empty();
    if (!out.eligible) {
        std::vector<std::string> zh;
        std::vector<std::string> en;
        for (const auto& r : out.reasons) {
            zh.push_back(r.message_zh);
            en.push_back(r.message_en);
        }
        rc.steps.push_back({"decision", "decision", false, {{"amount", "0.00"}},
                            "不符合首贷贴息条件，贴息金额为 0.00 元", "not eligible: the subsidy is 0.00"});
        rc.result = money::amount();
        rc.explanation_zh = loan.borrower + " 不符合首贷贴息条件：" + detail::join(zh, "；") + "。贴息金额为 0.00 元。";
        rc.explanation_en = loan.borrower + " is not eligible for the first-loan subsidy: " + detail::join(en, "; ") +
                            ". The subsidy is 0.00 yuan.";
        return out;
    }

    // ---- the days summed ----------------------------------------------------------
    dates::date first = loan.period.from;
    dates::date last = loan.period.to;
    if (params.max_subsidy_days) {
        std::optional<dates::date> drawn;
        for (const auto& r : loan.balances)
            if (r.balance.fen() > 0) {
                drawn = r.from;
                break;
            }
        std::vector<entry> values{{"max_subsidy_days", std::to_string(*params.max_subsidy_days)}};
        if (drawn) {
            const dates::date end = detail::last_of_run(*drawn, *params.max_subsidy_days);
            values.push_back({"first_positive_balance", iso(*drawn)});
            values.push_back({"subsidy_period", iso(*drawn) + ".." + iso(end)});
            const bool bites = end < loan.period.to;
            if (bites) last = end;
            rc.steps.push_back({"max_subsidy_days", "cap", bites, values,
                                "贴息期限自首次有余额之日 " + iso(*drawn) + " 起最长 " +
                                    std::to_string(*params.max_subsidy_days) + " 天，至 " + iso(end) +
                                    (bites ? "，期间此后的天数不计" : "，未截断本期"),
                                "the subsidy period runs at most " + std::to_string(*params.max_subsidy_days) +
                                    " days from the first day with a balance, " + iso(*drawn) + ", to " + iso(end) +
                                    (bites ? "; later days of the period are not counted" : "; the period is not cut")});
        } else {
            rc.steps.push_back({"max_subsidy_days", "cap", false, values, "余额始终为零，贴息期限不起作用",
                                "the balance is never positive, so the maximum period does not apply"});
        }
    }

    int128 sum = 0;            // Σ min(balance_d, cap), in 分·days
    std::int64_t days = 0;     // interest days summed
    for (std::size_t i = 0; i < loan.balances.size(); ++i) {
        const balance_range& r = loan.balances[i];
        if (last < first) break;  // the maximum period ends before the claim starts
        const dates::date from = std::max(r.from, first);
        const dates::date to = std::min(r.to, last);
        if (to < from) continue;
        const std::int64_t n = detail::days_in(from, to);
        const bool capped = r.balance > params.balance_cap;
        const money::amount used = capped ? params.balance_cap : r.balance;
        const int128 product = ck::checked_mul<int128>(used.fen(), n, "daily balance sum");
        sum = ck::checked_add(sum, product, "daily balance sum");
        days += n;
        const std::string id = "balances" + detail::index_text(i);
        rc.steps.push_back(
            {id, "cap", capped,
             {{"from", iso(from)},
              {"to", iso(to)},
              {"days", std::to_string(n)},
              {"balance", money::to_string(r.balance)},
              {"balance_used", money::to_string(used)},
              {"product", detail::fen_text(product)}},
             iso(from) + " 至 " + iso(to) + " 共 " + std::to_string(n) + " 天，日终余额 " + money::to_string(r.balance) +
                 " 元" + (capped ? "，超过上限按 " + money::to_string(used) + " 元计" : "") + "，积数 " +
                 detail::fen_text(product) + " 元",
             iso(from) + ".." + iso(to) + ": " + std::to_string(n) + " days at " + money::to_string(r.balance) +
                 (capped ? ", capped at " + money::to_string(used) : "") + ", product " + detail::fen_text(product)});
    }

    const money::rate used_rate = money::min(params.rate_ceiling, loan.annual_rate);
    const bool ceiling_bites = loan.annual_rate > params.rate_ceiling;
    rc.steps.push_back({"rate_ceiling", "cap", ceiling_bites,
                        {{"annual_rate", money::to_string(loan.annual_rate)},
                         {"rate_ceiling", money::to_string(params.rate_ceiling)},
                         {"rate_used", money::to_string(used_rate)}},
                        "实际年利率 " + money::to_string(loan.annual_rate) + "，上限 " +
                            money::to_string(params.rate_ceiling) + "，取较低者 " + money::to_string(used_rate),
                        "actual rate " + money::to_string(loan.annual_rate) + ", ceiling " +
                            money::to_string(params.rate_ceiling) + ": the lower, " + money::to_string(used_rate) +
                            ", is used"});

    const int128 numerator = ck::checked_mul<int128>(sum, used_rate.units(), "subsidy numerator");
    const int128 denominator = ck::checked_mul<int128>(money::rate::scale, basis, "subsidy denominator");
    const exact_value exact = detail::exact_yuan(numerator, denominator);
    const std::string dec = exact.decimal + (exact.decimal_exact ? "" : "…");
    rc.unrounded = exact;
    rc.steps.push_back({"unrounded", "compute", std::nullopt,
                        {{"days", std::to_string(days)},
                         {"balance_days", detail::fen_text(sum)},
                         {"rate_used", money::to_string(used_rate)},
                         {"basis", std::to_string(basis)},
                         {"value", exact.numerator + "/" + exact.denominator},
                         {"decimal", exact.decimal}},
                        "积数 " + detail::fen_text(sum) + " × " + money::to_string(used_rate) + " ÷ " +
                            std::to_string(basis) + " = " + exact.numerator + "/" + exact.denominator + " = " + dec +
                            " 元",
                        detail::fen_text(sum) + " × " + money::to_string(used_rate) + " / " + std::to_string(basis) +
                            " = " + exact.numerator + "/" + exact.denominator + " = " + dec + " yuan"});

    const detail::capped_total total = detail::round_and_cap(
        numerator, denominator, params.rounding, dec, "贴息", "subsidy",
        {{"per_borrower_cap", params.per_borrower_cap, "per_borrower_cap_applied", "单户贴息上限", "per-borrower cap"},
         {"budget", params.budget, "budget_cap_applied", "贴息预算", "budget"}},
        rc, out.reasons);
    const money::amount rounded = total.rounded;
    const money::amount result = total.amount;
    const std::string& caps_zh = total.caps_zh;
    const std::string& caps_en = total.caps_en;

    out.amount = result;
    rc.result = result;
    rc.explanation_zh = loan.borrower + "（" + detail::kind_zh(loan.borrower_kind) + "）于 " +
                        iso(loan.first_application_date) +
                        " 依托广东省中小企业融资平台向地方法人金融机构首次申请贷款，符合首贷贴息条件。" + iso(first) +
                        " 至 " + iso(std::max(first, last)) + " 计 " + std::to_string(days) +
                        " 天，每日余额以 " + money::to_string(params.balance_cap) + " 元为上限，积数合计 " +
                        detail::fen_text(sum) + " 元；贴息利率取实际年利率 " + money::to_string(loan.annual_rate) +
                        " 与上限 " + money::to_string(params.rate_ceiling) + " 的较低者 " +
                        money::to_string(used_rate) + "，一年按 " + std::to_string(basis) + " 天计：" +
                        detail::fen_text(sum) + " × " + money::to_string(used_rate) + " ÷ " + std::to_string(basis) +
                        " = " + dec + " 元，" + detail::rounding_zh(params.rounding) + "到分为 " +
                        money::to_string(rounded) + " 元。" + caps_zh + "应付贴息 " + money::to_string(result) + " 元。";
    rc.explanation_en = loan.borrower + " (" + kind + ") first applied on " + iso(loan.first_application_date) +
                        " via the Guangdong SME financing platform at a local legal-person institution, and is "
                        "eligible. Over " +
                        std::to_string(days) + " interest days the daily balances, each capped at " +
                        money::to_string(params.balance_cap) + ", sum to " + detail::fen_text(sum) +
                        " yuan-days; the rate is the lower of the actual " + money::to_string(loan.annual_rate) +
                        " and the ceiling " + money::to_string(params.rate_ceiling) + ", " +
                        money::to_string(used_rate) + "; on a " + std::to_string(basis) + "-day year " +
                        detail::fen_text(sum) + " × " + money::to_string(used_rate) + " / " + std::to_string(basis) +
                        " = " + dec + " yuan, rounded " + detail::rounding_en(params.rounding) + " to the fen: " +
                        money::to_string(rounded) + "." + caps_en + " The subsidy is " + money::to_string(result) +
                        " yuan.";
    return out;
}

/// The subsidy under a plan's parameters (the embedded 2022 plan by default).
inline first_loan_subsidy_result first_loan_subsidy(const loan_record& loan,
                                                    const plan::plan& p = plan::plan_2022()) {
    return first_loan_subsidy(loan, p.first_loan_subsidy, reference_of(p));
}

}  // namespace zjcredit::rules

#endif
