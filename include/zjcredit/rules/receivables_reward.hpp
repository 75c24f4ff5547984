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
#include <zjcredit/rules/kernel.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <gsl/narrow>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

/// The rule's id, as receipts (receipt::rule) and tasks (plan::task::rule) name it.
inline constexpr std::string_view receivables_reward_rule = "receivables_reward";

/// One receivables financing the core enterprise helped an SME obtain.
struct financing {
    std::string sme;                   ///< the SME financed
    money::amount amount;              ///< > 0
    dates::date start;                 ///< the first financed day; the financing counts only if it is in the window
    std::optional<dates::date> end;    ///< exactly one of end and days
    std::optional<std::int64_t> days;  ///< term in days, 算头不算尾
    bool confirmed_on_platform = false;  ///< confirmed online on the 中征平台

    /// Field by field.
    friend bool operator==(const financing&, const financing&) = default;
};

/// A core enterprise's claim; the field names are those of the JSON record.
struct receivables_record {
    std::string core_enterprise;        ///< the supply-chain core enterprise (核心企业) claiming; not empty
    std::vector<financing> financings;  ///< the financings it claims for, indexed in reasons and errors

    /// Field by field.
    friend bool operator==(const receivables_record&, const receivables_record&) = default;
};

/// The reward of one claim: the verdict, the amount, why, and the receipt.
struct receivables_reward_result {
    bool eligible = false;        ///< at least one financing counts
    money::amount amount;         ///< the reward paid; 0.00 when not eligible
    std::vector<reason> reasons;  ///< every financing's failed checks and truncations; caps that bit
    rules::receipt receipt;       ///< the inputs, parameters and steps that gave the amount

    /// Field by field.
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

namespace detail {

/// An enterprise's financings laid out as the kernel reads them: a one-row column set.
struct financing_row {
    std::int64_t offsets[2] = {0, 0};
    std::vector<std::int64_t> amount;
    std::vector<std::int32_t> start;
    std::vector<std::int32_t> end;
    std::vector<std::int64_t> days;
    std::vector<std::uint8_t> flags;

    batch::financing_columns columns() const noexcept { return {offsets, amount, start, end, days, flags}; }
};

/// Lays `record` out for the kernel; false when a date is not a calendar
/// date (then validate() names it).
inline bool lay_out(const receivables_record& record, financing_row& row) {
    const std::size_t n = record.financings.size();
    row.offsets[1] = gsl::narrow<std::int64_t>(n);
    row.amount.resize(n);
    row.start.resize(n);
    row.end.resize(n);
    row.days.resize(n);
    row.flags.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
        const financing& f = record.financings[k];
        if (f.start.is_special() || (f.end && f.end->is_special())) return false;
        row.amount[k] = f.amount.fen();
        row.start[k] = dates::to_day_number(f.start);
        row.end[k] = f.end ? dates::to_day_number(*f.end) : 0;
        row.days[k] = f.days.value_or(0);
        row.flags[k] = static_cast<std::uint8_t>((f.confirmed_on_platform ? batch::financing_confirmed : 0U) |
                                                 (f.end ? batch::financing_has_end : 0U) |
                                                 (f.days ? batch::financing_has_days : 0U));
    }
    return true;
}

/// What the kernel reports of one enterprise, for its receipt.
struct reward_trace : total_record {
    static constexpr bool enabled = true;

    struct financing_use {
        std::size_t index = 0;
        std::int64_t start = 0;  ///< day numbers
        std::int64_t end = 0;
        std::int64_t term = 0;          ///< end − start
        std::int64_t days_counted = 0;  ///< 0 when it does not count
        bool start_in = false;
        bool straddles = false;
        std::uint32_t bits = 0;  ///< failed checks, or financing_days_truncated
    };

    std::vector<financing_use> financings;
    money::int128 sum = 0;  ///< Σ amount × days counted, 分·days
    std::size_t counted = 0;
    bool sum_overflow = false;

    void financing(std::size_t index, std::int64_t start, std::int64_t end, std::int64_t term, std::int64_t days,
                   bool start_in, bool straddles, std::uint32_t bits) {
        financings.push_back({index, start, end, term, days, start_in, straddles, bits});
    }
    void total(money::int128 s, std::size_t n, bool overflow) noexcept {
        sum = s;
        counted = n;
        sum_overflow = overflow;
    }
};

/// Runs the kernel on `record`; a record it refuses is handed to validate(),
/// which throws the error naming the field.
template <class Trace>
batch::row_result run_kernel(const receivables_record& record, const batch::prepared_reward& prepared,
                             Trace& trace) {
    financing_row row;
    bool names_ok = !record.core_enterprise.empty();
    for (const auto& f : record.financings) names_ok = names_ok && !f.sme.empty();
    if (!names_ok || !lay_out(record, row)) validate(record);
    const batch::row_result r = batch::receivables_reward_row(row.columns(), 0, prepared, {}, trace);
    if (r.status == batch::detail::errc_code(errc::validation) || r.status == batch::detail::errc_code(errc::parse)) {
        validate(record);
        throw validation_error("", "", "the record is refused by the rule, but no check names a field");
    }
    return r;
}

inline std::vector<parameter_use> reward_parameters_used(const plan::receivables_reward_parameters& params) {
    return {
        parameter("financing_window", dates::to_string(params.financing_window), params.sources),
        parameter("reward_rate", money::to_string(params.reward_rate), params.sources),
        parameter("basis", std::string(dates::to_string(params.basis)), params.sources),
        parameter("rounding", std::string(money::to_string(params.rounding)), params.sources),
        parameter("straddle", std::string(plan::to_string(params.straddle)), params.sources),
        parameter("require_platform_confirmation", bool_text(params.require_platform_confirmation), params.sources),
        parameter("per_enterprise_cap", optional_amount_text(params.per_enterprise_cap), params.sources),
        parameter("budget", optional_amount_text(params.budget), params.sources),
    };
}

inline std::vector<entry> reward_inputs(const receivables_record& record) {
    using dates::detail::iso;
    std::vector<entry> in{{"core_enterprise", record.core_enterprise}};
    for (std::size_t i = 0; i < record.financings.size(); ++i) {
        const financing& f = record.financings[i];
        const std::string p = "financings" + index_text(i);
        in.push_back({p + ".sme", f.sme});
        in.push_back({p + ".amount", money::to_string(f.amount)});
        in.push_back({p + ".start", iso(f.start)});
        if (f.end) in.push_back({p + ".end", iso(*f.end)});
        if (f.days) in.push_back({p + ".days", std::to_string(*f.days)});
        in.push_back({p + ".confirmed_on_platform", bool_text(f.confirmed_on_platform)});
    }
    return in;
}

/// One financing's step and reasons, from what the kernel recorded of it.
inline void describe_financing(const financing& f, const reward_trace::financing_use& u,
                               const plan::receivables_reward_parameters& params, receipt& rc,
                               std::vector<reason>& reasons) {
    using dates::detail::iso;
    const dates::window& window = params.financing_window;
    const std::string window_text = dates::to_string(window);
    const std::string field = "financings" + index_text(u.index);
    const std::string end = iso(dates::from_day_number(gsl::narrow<std::int32_t>(u.end)));
    const std::string window_end = iso(window.to());
    std::vector<reason> failed;
    if ((u.bits & batch::reason_financing_not_confirmed) != 0)
        failed.push_back({"financing_not_confirmed", concat(field, "：未经中征应收账款融资服务平台在线确认"),
                          concat(field, ": not confirmed online on the Zhongzheng receivables financing platform")});
    if ((u.bits & batch::reason_financing_outside_window) != 0) {
        const bool before = f.start < window.from();
        failed.push_back({"financing_outside_window",
                          concat(field, "：起始日 ", iso(f.start), before ? " 早于 " : " 晚于 ", "融资期间 ",
                                 iso(window.from()), " 至 ", window_end),
                          concat(field, ": starts on ", iso(f.start), before ? ", before " : ", after ",
                                 "the financing window ", window_text)});
    }
    if ((u.bits & batch::reason_financing_straddles_window_end) != 0)
        failed.push_back({"financing_straddles_window_end",
                          concat(field, "：融资期限跨越融资期间截止日 ", window_end, "，按规定不计"),
                          concat(field, ": runs past the window end ", window_end,
                                 " and straddling financings are excluded")});
    const bool counts = failed.empty();
    const money::int128 product = counts ? static_cast<money::int128>(f.amount.fen()) * u.days_counted : 0;
    std::vector<entry> values{
        {"sme", f.sme},
        {"amount", money::to_string(f.amount)},
        {"start", iso(f.start)},
        {"end", end},
        {"days", std::to_string(u.term)},
        {"confirmed_on_platform", bool_text(f.confirmed_on_platform)},
        {"start_in_window", bool_text(u.start_in)},
        {"straddles_window_end", bool_text(u.straddles)},
        {"days_counted", std::to_string(u.days_counted)},
        {"product", fen_text(product)},
    };
    std::string text_zh;
    std::string text_en;
    if (counts) {
        const bool in_full = u.straddles && params.straddle == plan::straddle_policy::full_if_start_in_window;
        const std::string start = iso(f.start);
        const std::string term = std::to_string(u.term);
        const std::string amount = money::to_string(f.amount);
        const std::string days = std::to_string(u.days_counted);
        const std::string sum = fen_text(product);
        text_zh = concat(field, "：", start, " 起 ", term, " 天，金额 ", amount, " 元，计 ", days, " 天",
                         in_full ? "（跨越截止日，起始日在期间内，全额计入）" : "", "，积数 ", sum, " 元");
        text_en = concat(field, ": ", amount, " from ", start, " for ", term, " days, ", days, " counted",
                         in_full ? " (runs past the window end but starts inside it: counted in full)" : "",
                         ", product ", sum);
    } else {
        std::vector<std::string> zh;
        std::vector<std::string> en;
        for (const auto& r : failed) {
            zh.push_back(r.message_zh);
            en.push_back(r.message_en);
        }
        text_zh = join(zh, "；") + "，不计入";
        text_en = join(en, "; ") + "; not counted";
    }
    rc.steps.push_back({field, "check", counts, std::move(values), text_zh, text_en});
    for (auto& r : failed) reasons.push_back(std::move(r));
    if (counts && (u.bits & batch::reason_financing_days_truncated) != 0)
        reasons.push_back({"financing_days_truncated",
                           concat(field, "：融资期限跨越 ", window_end, "，只计 ", iso(f.start), " 至 ", window_end, " 的 ",
                                  std::to_string(u.days_counted), " 天（共 ", std::to_string(u.term), " 天）"),
                           concat(field, ": runs past ", window_end, "; only its ", std::to_string(u.days_counted),
                                  " days up to then count (of ", std::to_string(u.term), ")")});
}

/// The receipt and result of `record`, from what the kernel recorded in `t`.
inline receivables_reward_result reward_result(const receivables_record& record,
                                               const plan::receivables_reward_parameters& params,
                                               const plan_reference& ref, const reward_trace& t,
                                               const batch::row_result& row) {
    using dates::detail::iso;
    namespace ck = money::detail;
    receivables_reward_result out;
    receipt& rc = out.receipt;
    rc.rule = std::string(receivables_reward_rule);
    rc.rule_set_version = ref.rule_set_version;
    rc.plan_document = ref.document;
    rc.rounding = params.rounding;
    rc.parameters = reward_parameters_used(params);
    rc.inputs = reward_inputs(record);

    for (const auto& u : t.financings) describe_financing(record.financings[u.index], u, params, rc, out.reasons);
    if (t.sum_overflow) ck::throw_overflow("annualised financing");  // as a checked sum says it

    const int basis = dates::denominator(params.basis);
    const dates::window& window = params.financing_window;
    const std::string window_text = dates::to_string(window);
    if (t.counted == 0) {
        out.reasons.push_back({"no_eligible_financing", "没有符合条件的应收账款融资", "no financing meets the conditions"});
        rc.steps.push_back({"decision", "decision", false, {{"amount", "0.00"}},
                            "没有符合条件的融资，奖励金额为 0.00 元", "no financing counts: the reward is 0.00"});
        rc.result = money::amount();
        rc.explanation_zh = concat(record.core_enterprise,
                                   " 没有符合条件的应收账款融资（须经中征应收账款融资服务平台在线确认，且在 ",
                                   iso(window.from()), " 至 ", iso(window.to()), " 之内），奖励金额为 0.00 元。");
        rc.explanation_en = concat(record.core_enterprise,
                                   " has no receivables financing that counts (confirmed online on the Zhongzheng "
                                   "platform and dated inside ",
                                   window_text, "); the reward is 0.00 yuan.");
        return out;
    }

    const std::string sum = fen_text(t.sum);
    const std::string counted = std::to_string(t.counted);
    const exact_value annualised = exact_yuan(t.sum, basis);
    const std::string annualised_text = concat(annualised.decimal, annualised.decimal_exact ? "" : "…");
    const std::string basis_text = std::to_string(basis);
    rc.steps.push_back({"annualised", "compute", std::nullopt,
                        {{"financings_counted", counted},
                         {"amount_days", sum},
                         {"basis", basis_text},
                         {"annualised", concat(annualised.numerator, "/", annualised.denominator)},
                         {"decimal", annualised.decimal}},
                        concat("年化融资金额 = ", sum, " ÷ ", basis_text, " = ", annualised_text, " 元"),
                        concat("annualised financing = ", sum, " / ", basis_text, " = ", annualised_text, " yuan")});

    const money::int128 numerator = ck::checked_mul<money::int128>(t.sum, params.reward_rate.units(), "reward numerator");
    const money::int128 denominator = ck::checked_mul<money::int128>(money::rate::scale, basis, "reward denominator");
    const exact_value exact = exact_yuan(numerator, denominator);
    const std::string dec = concat(exact.decimal, exact.decimal_exact ? "" : "…");
    if (row.status == batch::detail::errc_code(errc::overflow)) throw_total_out_of_range(dec, "reward");
    rc.unrounded = exact;
    const std::string rate = money::to_string(params.reward_rate);
    const std::string fraction = concat(exact.numerator, "/", exact.denominator);
    rc.steps.push_back({"unrounded", "compute", std::nullopt,
                        {{"reward_rate", rate}, {"value", fraction}, {"decimal", exact.decimal}},
                        concat("奖励 = ", annualised_text, " × ", rate, " = ", fraction, " = ", dec, " 元"),
                        concat("reward = ", annualised_text, " × ", rate, " = ", fraction, " = ", dec, " yuan")});

    // The reward's receipt is built into its result directly (only the subsidy,
    // the one-record path's rule, is also written as text); the shared end
    // goes through the builder every rule's emitter can take.
    receipt_builder<receivables_reward_result> builder(out);
    const caps_text caps = describe_total(
        t, params.rounding, dec, "奖励", "reward",
        {"per_enterprise_cap", "per_enterprise_cap_applied", "单个核心企业奖励上限", "per-enterprise cap"},
        {"budget", "budget_cap_applied", "奖励预算", "budget"}, builder);
    const std::string rounded = money::to_string(money::amount::from_fen(t.rounded_fen));
    const money::amount result = money::amount::from_fen(row.amount);
    const std::string total = std::to_string(record.financings.size());

    out.eligible = true;
    out.amount = result;
    rc.result = result;
    const std::string paid = money::to_string(result);
    rc.explanation_zh = concat(record.core_enterprise, " 作为供应链核心企业，", counted, " 笔应收账款融资（共 ", total,
                               " 笔）经中征应收账款融资服务平台在线确认且起始日在 ", iso(window.from()), " 至 ",
                               iso(window.to()), " 之内；金额 × 天数合计 ", sum, " 元，年化金额 ", sum, " ÷ ", basis_text,
                               " = ", annualised_text, " 元；奖励 = 年化金额 × ", rate, " = ", dec, " 元，",
                               money::rounding_zh(params.rounding), "到分为 ", rounded, " 元。", caps.zh, "应付奖励 ", paid,
                               " 元。");
    rc.explanation_en = concat(record.core_enterprise, ", a supply-chain core enterprise, has ", counted, " of ", total,
                               " receivables financings confirmed online on the Zhongzheng platform and starting inside ",
                               window_text, "; amount × days sums to ", sum, ", annualised ", sum, " / ", basis_text,
                               " = ", annualised_text, " yuan; reward = annualised × ", rate, " = ", dec,
                               " yuan, rounded ", money::rounding_en(params.rounding), " to the fen: ", rounded, ".", caps.en,
                               " The reward is ", paid, " yuan.");
    return out;
}

}  // namespace detail

/// Computes the reward for `record` under `params`; `ref` names the plan in
/// the receipt. The kernel (rules/kernel.hpp) computes; the receipt is
/// written from its trace. Throws validation_error / overflow_error (see the top).
inline receivables_reward_result receivables_reward(const receivables_record& record,
                                                    const plan::receivables_reward_parameters& params,
                                                    const plan_reference& ref) {
    const batch::prepared_reward prepared = batch::prepare(params);
    detail::reward_trace trace;
    const batch::row_result row = detail::run_kernel(record, prepared, trace);
    return detail::reward_result(record, params, ref, trace, row);
}

/// The reward under a plan's parameters (the embedded 2022 plan by default).
inline receivables_reward_result receivables_reward(const receivables_record& record,
                                                    const plan::plan& p = plan::plan_2022()) {
    return receivables_reward(record, p.receivables_reward, reference_of(p));
}

}  // namespace zjcredit::rules

#endif
