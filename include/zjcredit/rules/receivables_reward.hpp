// rules::receivables_reward: the reward to a supply-chain core enterprise for
// receivables financing of SMEs (应收账款融资奖励), measure 二 of
// 湛金函〔2022〕86号:
//
//     reward = round( rate × Σ_i amount_i × days_i / basis )
//
// rate 1% (不超过), basis 365, 分 half-up, ONE rounding on the total; an
// optional per-enterprise cap and budget apply to the rounded total.
//
// How the record is read (docs/records.md repeats this):
//
// * A financing has `amount` (> 0), `start`, and exactly one of `end` or
//   `days`. Its term is counted 算头不算尾: days = end − start (≥ 1); given
//   `days`, end = start + days. Its financed days are start..end−1.
// * It counts when it is confirmed on the 中征应收账款融资服务平台
//   (`confirmed_on_platform`, required while the parameter
//   require_platform_confirmation is true) and its START date lies in the
//   financing window (2022-01-01..2023-06-30, both included). One that starts
//   outside the window never counts, whatever the straddle policy.
// * It straddles the window end when its last financed day (end − 1) is after
//   the window's last day: a financing ending on 2023-07-01 was last financed
//   on 2023-06-30 and does NOT straddle. The straddle policy says how a
//   straddling financing counts: full_if_start_in_window (its whole term, the
//   default), days_in_window (only start..2023-06-30; reason
//   financing_days_truncated), exclude (not at all; reason
//   financing_straddles_window_end).
// * Every failed check of every financing is a reason, tagged with its index
//   ("financings[2]: ..."). eligible = at least one financing counts; none
//   does (or none is given): eligible = false, amount 0.00, reason
//   no_eligible_financing.
// * Errors (validation_error naming the field): empty core_enterprise or sme,
//   more than limits::max_record_items financings, amount ≤ 0, a special date, both or neither of end/days, a term under one
//   day, an end past 9999-12-31; overflow_error past 128-bit intermediates
//   (an amount of 10^17 元 already fails when parsed).
#ifndef ZJCREDIT_RULES_RECEIVABLES_REWARD_HPP
#define ZJCREDIT_RULES_RECEIVABLES_REWARD_HPP

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

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

inline constexpr std::string_view receivables_reward_rule = "receivables_reward";

/// One receivables financing the core enterprise helped an SME obtain.
struct financing {
    std::string sme;                   ///< the SME financed
    money::amount amount;              ///< > 0
    dates::date start;
    std::optional<dates::date> end;    ///< exactly one of end and days
    std::optional<std::int64_t> days;  ///< term in days, 算头不算尾
    bool confirmed_on_platform = false;  ///< confirmed online on the 中征平台

    friend bool operator==(const financing&, const financing&) = default;
};

/// A core enterprise's claim; the field names are those of the JSON record.
struct receivables_record {
    std::string core_enterprise;
    std::vector<financing> financings;

    friend bool operator==(const receivables_record&, const receivables_record&) = default;
};

struct receivables_reward_result {
    bool eligible = false;
    money::amount amount;
    std::vector<reason> reasons;  ///< every financing's failed checks and truncations; caps that bit
    rules::receipt receipt;

    friend bool operator==(const receivables_reward_result&, const receivables_reward_result&) = default;
};

namespace detail {

/// The term of a validated financing: its end date and its days.
struct financing_term {
    dates::date end;
    std::int64_t days = 0;
};

inline financing_term term_of(const financing& f, const std::string& field) {
    using dates::detail::iso;
    static const dates::date last_supported(9999, 12, 31);
    if (f.end.has_value() == f.days.has_value())
        throw validation_error(field, "", f.end ? "give either end or days, not both" : "give end or days");
    if (f.end) {
        dates::detail::require_plain(*f.end, field + ".end");
        if (*f.end <= f.start)
            throw validation_error(field + ".end", iso(*f.end),
                                   "the financing must end after it starts on " + iso(f.start) +
                                       " (a term of at least one day)");
        return {*f.end, dates::interest_days(f.start, *f.end)};
    }
    if (*f.days < 1) throw validation_error(field + ".days", std::to_string(*f.days), "must be at least 1 day");
    if (*f.days >= days_in(f.start, last_supported))
        throw validation_error(field + ".days", std::to_string(*f.days), "the term ends after 9999-12-31");
    return {f.start + boost::gregorian::date_duration(static_cast<long>(*f.days)), *f.days};
}

inline void validate_parameters(const plan::receivables_reward_parameters& p) {
    if (p.reward_rate.units() < 0)
        throw validation_error("parameters.reward_rate", money::to_string(p.reward_rate), "must not be negative");
    if (p.per_enterprise_cap && p.per_enterprise_cap->is_negative())
        throw validation_error("parameters.per_enterprise_cap", money::to_string(*p.per_enterprise_cap),
                               "must not be negative");
    if (p.budget && p.budget->is_negative())
        throw validation_error("parameters.budget", money::to_string(*p.budget), "must not be negative");
}

}  // namespace detail

/// Throws validation_error for a record the rule cannot be applied to.
inline void validate(const receivables_record& record) {
    if (record.core_enterprise.empty()) throw validation_error("core_enterprise", "", "must not be empty");
    if (record.financings.size() > limits::max_record_items)
        throw validation_error("financings", std::to_string(record.financings.size()) + " financings",
                               "a record has at most " + std::to_string(limits::max_record_items) + " financings");
    for (std::size_t i = 0; i < record.financings.size(); ++i) {
        const financing& f = record.financings[i];
        const std::string field = "financings" + detail::index_text(i);
        if (f.sme.empty()) throw validation_error(field + ".sme", "", "must not be empty");
        if (f.amount.fen() <= 0)
            throw validation_error(field + ".amount", money::to_string(f.amount), "must be above 0");
        dates::detail::require_plain(f.start, field + ".start");
        (void)detail::term_of(f, field);
    }
}

/// Computes the reward for `record` under `params`; `ref` names the plan in
/// the receipt. Throws validation_error / overflow_error (see the top).
inline receivables_reward_result receivables_reward(const receivables_record& record,
                                                    const plan::receivables_reward_parameters& params,
                                                    const plan_reference& ref) {
    using dates::detail::iso;
    using detail::bool_text;
    using money::int128;
    namespace ck = money::detail;

    detail::validate_parameters(params);
    validate(record);

    receivables_reward_result out;
    receipt& rc = out.receipt;
    rc.rule = std::string(receivables_reward_rule);
    rc.rule_set_version = ref.rule_set_version;
    rc.plan_document = ref.document;
    rc.rounding = params.rounding;

    const auto opt_amount = [](const std::optional<money::amount>& a) -> std::optional<std::string> {
        if (!a) return std::nullopt;
        return money::to_string(*a);
    };
    const int basis = dates::denominator(params.basis);
    const dates::window& window = params.financing_window;
    const std::string window_text = dates::to_string(window);
    rc.parameters = {
        detail::parameter("financing_window", window_text, params.sources),
        detail::parameter("reward_rate", money::to_string(params.reward_rate), params.sources),
        detail::parameter("basis", std::string(dates::to_string(params.basis)), params.sources),
        detail::parameter("rounding", std::string(money::to_string(params.rounding)), params.sources),
        detail::parameter("straddle", std::string(plan::to_string(params.straddle)), params.sources),
        detail::parameter("require_platform_confirmation", bool_text(params.require_platform_confirmation),
                          params.sources),
        detail::parameter("per_enterprise_cap", opt_amount(params.per_enterprise_cap), params.sources),
        detail::parameter("budget", opt_amount(params.budget), params.sources),
    };

    rc.inputs = {{"core_enterprise", record.core_enterprise}};
    for (std::size_t i = 0; i < record.financings.size(); ++i) {
        const financing& f = record.financings[i];
        const std::string p = "financings" + detail::index_text(i);
        rc.inputs.push_back({p + ".sme", f.sme});
        rc.inputs.push_back({p + ".amount", money::to_string(f.amount)});
        rc.inputs.push_back({p + ".start", iso(f.start)});
        if (f.end) rc.inputs.push_back({p + ".end", iso(*f.end)});
        if (f.days) rc.inputs.push_back({p + ".days", std::to_string(*f.days)});
        rc.inputs.push_back({p + ".confirmed_on_platform", bool_text(f.confirmed_on_platform)});
    }

    // ---- each financing: checks, straddle, days counted --------------------------
    int128 sum = 0;  // Σ amount × days counted, in 分·days
    std::size_t counted = 0;
    for (std::size_t i = 0; i < record.financings.size(); ++i) {
        const financing& f = record.financings[i];
        const std::string field = "financings" + detail::index_text(i);
        const detail::financing_term term = detail::term_of(f, field);
        const dates::date last_day = term.end - boost::gregorian::date_duration(1);
        const bool confirmed_ok = f.confirmed_on_platform || !params.require_platform_confirmation;
        const bool start_in = window.contains(f.start);
        const bool straddles = start_in && last_day > window.to();

        std::vector<reason> failed;
        std::vector<std::string> zh;
        std::vector<std::string> en;
        if (!confirmed_ok) {
            failed.push_back({"financing_not_confirmed", field + "：未经中征应收账款融资服务平台在线确认",
                              field + ": not confirmed online on the Zhongzheng receivables financing platform"});
        }
        if (!start_in) {
            const bool before = f.start < window.from();
            failed.push_back({"financing_outside_window",
                              field + "：起始日 " + iso(f.start) + (before ? " 早于 " : " 晚于 ") +
                                  "融资期间 " + iso(window.from()) + " 至 " + iso(window.to()),
                              field + ": starts on " + iso(f.start) + (before ? ", before " : ", after ") +
                                  "the financing window " + window_text});
        }
        std::int64_t days = term.days;
        std::optional<reason> truncated;
        if (straddles) {
            switch (params.straddle) {
                case plan::straddle_policy::full_if_start_in_window: break;
                case plan::straddle_policy::days_in_window:
                    days = dates::interest_days(f.start, window.to()) + 1;
                    truncated = reason{"financing_days_truncated",
                                       field + "：融资期限跨越 " + iso(window.to()) + "，只计 " + iso(f.start) + " 至 " +
                                           iso(window.to()) + " 的 " + std::to_string(days) + " 天（共 " +
                                           std::to_string(term.days) + " 天）",
                                       field + ": runs past " + iso(window.to()) + "; only its " +
                                           std::to_string(days) + " days up to then count (of " +
                                           std::to_string(term.days) + ")"};
                    break;
                case plan::straddle_policy::exclude:
                    failed.push_back({"financing_straddles_window_end",
                                      field + "：融资期限跨越融资期间截止日 " + iso(window.to()) + "，按规定不计",
                                      field + ": runs past the window end " + iso(window.to()) +
                                          " and straddling financings are excluded"});
                    break;
            }
        }
        const bool counts = failed.empty();
        const int128 product = counts ? ck::checked_mul<int128>(f.amount.fen(), days, "annualised financing") : 0;
        if (counts) {
            sum = ck::checked_add(sum, product, "annualised financing");
            ++counted;
        }
        std::vector<entry> values{
            {"sme", f.sme},
            {"amount", money::to_string(f.amount)},
            {"start", iso(f.start)},
            {"end", iso(term.end)},
            {"days", std::to_string(term.days)},
            {"confirmed_on_platform", bool_text(f.confirmed_on_platform)},
            {"start_in_window", bool_text(start_in)},
            {"straddles_window_end", bool_text(straddles)},
            {"days_counted", std::to_string(counts ? days : 0)},
            {"product", detail::fen_text(product)},
        };
        for (const auto& r : failed) {
            zh.push_back(r.message_zh);
            en.push_back(r.message_en);
        }
        std::string text_zh;
        std::string text_en;
        if (counts) {
            text_zh = field + "：" + iso(f.start) + " 起 " + std::to_string(term.days) + " 天，金额 " +
                      money::to_string(f.amount) + " 元，计 " + std::to_string(days) + " 天" +
                      (straddles && params.straddle == plan::straddle_policy::full_if_start_in_window
                           ? "（跨越截止日，起始日在期间内，全额计入）"
                           : "") +
                      "，积数 " + detail::fen_text(product) + " 元";
            text_en = field + ": " + money::to_string(f.amount) + " from " + iso(f.start) + " for " +
                      std::to_string(term.days) + " days, " + std::to_string(days) + " counted" +
                      (straddles && params.straddle == plan::straddle_policy::full_if_start_in_window
                           ? " (runs past the window end but starts inside it: counted in full)"
                           : "") +
                      ", product " + detail::fen_text(product);
        } else {
            text_zh = detail::join(zh, "；") + "，不计入";
            text_en = detail::join(en, "; ") + "; not counted";
        }
        rc.steps.push_back({field, "check", counts, std::move(values), text_zh, text_en});
        for (auto& r : failed) out.reasons.push_back(std::move(r));
        if (counts && truncated) out.reasons.push_back(std::move(*truncated));
    }

    out.eligible = counted > 0;
    if (!out.eligible) {
        out.reasons.push_back({"no_eligible_financing", "没有符合条件的应收账款融资",
                               "no financing meets the conditions"});
        rc.steps.push_back({"decision", "decision", false, {{"amount", "0.00"}},
                            "没有符合条件的融资，奖励金额为 0.00 元", "no financing counts: the reward is 0.00"});
        rc.result = money::amount();
        rc.explanation_zh = record.core_enterprise + " 没有符合条件的应收账款融资（须经中征应收账款融资服务平台在线确认，且在 " +
                            iso(window.from()) + " 至 " + iso(window.to()) + " 之内），奖励金额为 0.00 元。";
        rc.explanation_en = record.core_enterprise +
                            " has no receivables financing that counts (confirmed online on the Zhongzheng platform "
                            "and dated inside " +
                            window_text + "); the reward is 0.00 yuan.";
        return out;
    }

    const exact_value annualised = detail::exact_yuan(sum, basis);
    const std::string annualised_text = annualised.decimal + (annualised.decimal_exact ? "" : "…");
    rc.steps.push_back({"annualised", "compute", std::nullopt,
                        {{"financings_counted", std::to_string(counted)},
                         {"amount_days", detail::fen_text(sum)},
                         {"basis", std::to_string(basis)},
                         {"annualised", annualised.numerator + "/" + annualised.denominator},
                         {"decimal", annualised.decimal}},
                        "年化融资金额 = " + detail::fen_text(sum) + " ÷ " + std::to_string(basis) + " = " +
                            annualised_text + " 元",
                        "annualised financing = " + detail::fen_text(sum) + " / " + std::to_string(basis) + " = " +
                            annualised_text + " yuan"});

    const int128 numerator = ck::checked_mul<int128>(sum, params.reward_rate.units(), "reward numerator");
    const int128 denominator = ck::checked_mul<int128>(money::rate::scale, basis, "reward denominator");
    const exact_value exact = detail::exact_yuan(numerator, denominator);
    const std::string dec = exact.decimal + (exact.decimal_exact ? "" : "…");
    rc.unrounded = exact;
    rc.steps.push_back({"unrounded", "compute", std::nullopt,
                        {{"reward_rate", money::to_string(params.reward_rate)},
                         {"value", exact.numerator + "/" + exact.denominator},
                         {"decimal", exact.decimal}},
                        "奖励 = " + annualised_text + " × " + money::to_string(params.reward_rate) + " = " +
                            exact.numerator + "/" + exact.denominator + " = " + dec + " 元",
                        "reward = " + annualised_text + " × " + money::to_string(params.reward_rate) + " = " +
                            exact.numerator + "/" + exact.denominator + " = " + dec + " yuan"});

    const detail::capped_total total = detail::round_and_cap(
        numerator, denominator, params.rounding, dec, "奖励", "reward",
        {{"per_enterprise_cap", params.per_enterprise_cap, "per_enterprise_cap_applied", "单个核心企业奖励上限",
          "per-enterprise cap"},
         {"budget", params.budget, "budget_cap_applied", "奖励预算", "budget"}},
        rc, out.reasons);
    const money::amount rounded = total.rounded;
    const money::amount result = total.amount;
    const std::string& caps_zh = total.caps_zh;
    const std::string& caps_en = total.caps_en;

    out.amount = result;
    rc.result = result;
    rc.explanation_zh = record.core_enterprise + " 作为供应链核心企业，" + std::to_string(counted) + " 笔应收账款融资（共 " +
                        std::to_string(record.financings.size()) + " 笔）经中征应收账款融资服务平台在线确认且起始日在 " +
                        iso(window.from()) + " 至 " + iso(window.to()) + " 之内；金额 × 天数合计 " +
                        detail::fen_text(sum) + " 元，年化金额 " + detail::fen_text(sum) + " ÷ " + std::to_string(basis) +
                        " = " + annualised_text + " 元；奖励 = 年化金额 × " + money::to_string(params.reward_rate) +
                        " = " + dec + " 元，" + detail::rounding_zh(params.rounding) + "到分为 " +
                        money::to_string(rounded) + " 元。" + caps_zh + "应付奖励 " + money::to_string(result) + " 元。";
    rc.explanation_en = record.core_enterprise + ", a supply-chain core enterprise, has " + std::to_string(counted) +
                        " of " + std::to_string(record.financings.size()) +
                        " receivables financings confirmed online on the Zhongzheng platform and starting inside " +
                        window_text + "; amount × days sums to " + detail::fen_text(sum) +
                        ", annualised " + detail::fen_text(sum) + " / " + std::to_string(basis) + " = " +
                        annualised_text + " yuan; reward = annualised × " + money::to_string(params.reward_rate) +
                        " = " + dec + " yuan, rounded " + detail::rounding_en(params.rounding) + " to the fen: " +
                        money::to_string(rounded) + "." + caps_en + " The reward is " + money::to_string(result) +
                        " yuan.";
    return out;
}

/// The reward under a plan's parameters (the embedded 2022 plan by default).
inline receivables_reward_result receivables_reward(const receivables_record& record,
                                                    const plan::plan& p = plan::plan_2022()) {
    return receivables_reward(record, p.receivables_reward, reference_of(p));
}

}  // namespace zjcredit::rules

#endif
