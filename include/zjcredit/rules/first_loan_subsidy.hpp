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
//   among the eligible kinds (small, micro; individual_business, medium or
//   large only if a plan adds it), via_platform, local_legal_person_lender, first_loan. Any failure:
//   eligible = false, amount 0.00, one reason per failed check.
// * Caps on the total, after the one rounding: per_borrower_cap, then budget
//   (each when set; each that bites adds a reason, and eligible stays true).
//   Both are whole 分, so capping after rounding equals rounding after capping.
// * Errors (zjcredit::validation_error naming the field): empty borrower or
//   schedule, a schedule of more than limits::max_record_items ranges, a
//   special date, a range ending before it starts, ranges out of
//   order or overlapping, a negative balance, annual_rate ≤ 0, above the
//   parameter annual_rate_max (default 24%: a plausibility bound) or ≥ 100%, a
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
#include <zjcredit/rules/kernel.hpp>
#include <zjcredit/rules/reason.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <gsl/narrow>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

/// The rule's id, as receipts (receipt::rule) and tasks (plan::task::rule) name it.
inline constexpr std::string_view first_loan_subsidy_rule = "first_loan_subsidy";

/// A closed range of days with the end-of-day balance on each of them.
struct balance_range {
    dates::date from;       ///< the first day of the range
    dates::date to;         ///< the last day of the range, included
    money::amount balance;  ///< the end-of-day balance on each of those days, ≥ 0.00

    /// Field by field.
    friend bool operator==(const balance_range&, const balance_range&) = default;
};

/// A closed range of days, both ends included (validated by the rule, so a
/// record can be filled field by field).
struct date_range {
    dates::date from;  ///< the first day
    dates::date to;    ///< the last day, included

    /// Field by field.
    friend bool operator==(const date_range&, const date_range&) = default;
};

/// A loan as the subsidy reads it; the field names are those of the JSON record.
struct loan_record {
    std::string borrower;  ///< the borrower's name or id, as the bank records it; not empty
    plan::borrower_kind borrower_kind = plan::borrower_kind::small;  ///< 企业规模; must be an eligible kind
    dates::date first_application_date;  ///< not_a_date_time until set (then refused)
    bool via_platform = false;               ///< via 广东省中小企业融资平台
    bool local_legal_person_lender = false;  ///< lender is a 地方法人金融机构
    bool first_loan = false;                 ///< the borrower's first loan
    money::rate annual_rate;                 ///< the loan's actual annual rate
    std::vector<balance_range> balances;     ///< the balance schedule, in date order, not overlapping
    date_range period;                       ///< the days the claim covers, each inside the schedule

    /// Field by field.
    friend bool operator==(const loan_record&, const loan_record&) = default;
};

/// The subsidy of one loan: the verdict, the amount, why, and the receipt.
struct first_loan_subsidy_result {
    bool eligible = false;         ///< every eligibility check passed
    money::amount amount;          ///< 0.00 when not eligible
    std::vector<reason> reasons;   ///< failed checks; caps on the total that bit
    rules::receipt receipt;        ///< the inputs, parameters and steps that gave the amount

    /// Field by field.
    friend bool operator==(const first_loan_subsidy_result&, const first_loan_subsidy_result&) = default;
};

namespace detail {

inline std::string kind_zh(plan::borrower_kind k) {
    switch (k) {
        case plan::borrower_kind::small: return "小型企业";
        case plan::borrower_kind::micro: return "微型企业";
        case plan::borrower_kind::individual_business: return "个体工商户";
        case plan::borrower_kind::medium: return "中型企业";
        case plan::borrower_kind::large: return "大型企业";
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

/// Why a borrower of kind `k` is not subsidised, naming the kinds that are:
/// the reason's words in a receipt and in the screen's loans table.
inline std::string kind_not_eligible_zh(plan::borrower_kind k, const std::vector<plan::borrower_kind>& eligible) {
    return "借款人类型（" + kind_zh(k) + "）不属于贴息对象（" + kinds_zh(eligible) + "）";
}

inline std::string kind_not_eligible_en(plan::borrower_kind k, const std::vector<plan::borrower_kind>& eligible) {
    return "borrower kind " + std::string(plan::to_string(k)) + " is not eligible (eligible: " + kinds_text(eligible) +
           ")";
}

}  // namespace detail

/// Throws validation_error for a record no rule can be applied to (see the
/// list at the top of this file) under a bound of `annual_rate_max` on its
/// rate (the parameter of that name). Eligibility is not checked here.
inline void validate(const loan_record& loan, money::rate annual_rate_max = plan::default_annual_rate_max) {
    using dates::detail::iso;
    if (loan.borrower.empty()) throw validation_error("borrower", "", "must not be empty");
    dates::detail::require_plain(loan.first_application_date, "first_application_date");
    if (!loan.annual_rate.is_positive())
        throw validation_error("annual_rate", money::to_string(loan.annual_rate), "must be above 0%");
    if (loan.annual_rate > annual_rate_max)
        throw validation_error("annual_rate", money::to_string(loan.annual_rate),
                               "above " + money::to_string(annual_rate_max) +
                                   ", the most a plausible actual annual rate is (parameter annual_rate_max); is it "
                                   "a fraction written as a percent, or the reverse?");
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

namespace detail {

/// A loan laid out as the kernel reads it: a one-row column set.
struct loan_row {
    std::uint8_t kind = 0;
    std::int32_t application = 0;
    std::uint8_t flags = 0;
    std::int64_t rate = 0;
    std::int32_t period_from = 0;
    std::int32_t period_to = 0;
    std::int64_t offsets[2] = {0, 0};
    std::vector<std::int32_t> from;
    std::vector<std::int32_t> to;
    std::vector<std::int64_t> balance;

    batch::loan_columns columns() const noexcept {
        return {{&kind, 1}, {&application, 1}, {&flags, 1}, {&rate, 1}, {&period_from, 1}, {&period_to, 1},
                offsets, from, to, balance};
    }
};

/// Lays `loan` out for the kernel; false when a date is not a calendar date
/// (then validate() names it).
inline bool lay_out(const loan_record& loan, loan_row& row) {
    const auto plain = [](const dates::date& d) { return !d.is_special(); };
    if (!plain(loan.first_application_date) || !plain(loan.period.from) || !plain(loan.period.to)) return false;
    row.kind = static_cast<std::uint8_t>(loan.borrower_kind);
    row.application = dates::to_day_number(loan.first_application_date);
    row.flags = static_cast<std::uint8_t>((loan.via_platform ? batch::loan_via_platform : 0U) |
                                          (loan.local_legal_person_lender ? batch::loan_local_legal_person_lender : 0U) |
                                          (loan.first_loan ? batch::loan_first_loan : 0U));
    row.rate = loan.annual_rate.units();
    row.period_from = dates::to_day_number(loan.period.from);
    row.period_to = dates::to_day_number(loan.period.to);
    const std::size_t n = loan.balances.size();
    row.offsets[1] = gsl::narrow<std::int64_t>(n);
    row.from.resize(n);
    row.to.resize(n);
    row.balance.resize(n);
    for (std::size_t j = 0; j < n; ++j) {
        const balance_range& r = loan.balances[j];
        if (!plain(r.from) || !plain(r.to)) return false;
        row.from[j] = dates::to_day_number(r.from);
        row.to[j] = dates::to_day_number(r.to);
        row.balance[j] = r.balance.fen();
    }
    return true;
}

/// What the kernel reports of one loan, for its receipt.
struct subsidy_trace : total_record {
    static constexpr bool enabled = true;

    struct range_use {
        std::size_t index = 0;  ///< in the loan's balances
        std::int64_t from = 0;  ///< day numbers of the days summed, both included
        std::int64_t to = 0;
        std::int64_t days = 0;
        std::int64_t balance = 0;  ///< 分
        std::int64_t used = 0;     ///< min(balance, cap)
    };
    struct period_use {
        bool drawn = false;  ///< some range has a positive balance
        std::int64_t first_positive = 0;
        std::int64_t end = 0;
        bool bites = false;
    };

    std::uint32_t failed = 0;  ///< reason bits of the failed eligibility checks
    std::vector<range_use> ranges;
    std::optional<period_use> max_period_use;
    money::int128 sum = 0;  ///< Σ min(balance_d, cap), 分·days
    std::int64_t rate_used = 0;

    void checks(std::uint32_t bits) noexcept { failed = bits; }
    void range(std::size_t index, std::int64_t from, std::int64_t to, std::int64_t days, std::int64_t balance,
               std::int64_t used) {
        ranges.push_back({index, from, to, days, balance, used});
    }
    void restart_ranges() noexcept { ranges.clear(); }
    void max_period(std::int64_t first_positive, std::int64_t end, bool bites) noexcept {
        max_period_use = period_use{true, first_positive, end, bites};
    }
    void max_period_unused() noexcept { max_period_use = period_use{}; }
    void total(money::int128 s, std::int64_t rate) noexcept {
        sum = s;
        rate_used = rate;
    }
};

/// Runs the kernel on `loan`. A record the kernel refuses is handed to
/// validate(), which throws the error naming the field; what it returns is
/// ok or an overflow of the total.
template <class Trace>
batch::row_result run_kernel(const loan_record& loan, const batch::prepared_subsidy& prepared, Trace& trace) {
    loan_row row;
    const money::rate rate_max = money::rate::from_units(prepared.annual_rate_max);
    if (loan.borrower.empty() || !lay_out(loan, row)) validate(loan, rate_max);
    const batch::row_result r = batch::first_loan_subsidy_row(row.columns(), 0, prepared, trace);
    if (r.status == batch::detail::errc_code(errc::validation) || r.status == batch::detail::errc_code(errc::parse)) {
        validate(loan, rate_max);
        throw validation_error("", "", "the record is refused by the rule, but no check names a field");
    }
    return r;
}

/// Every parameter the rule consults, with its value and source, to `out` (a receipt_out).
template <class Out>
void emit_subsidy_parameters(const plan::first_loan_subsidy_parameters& params, Out& out) {
    const auto& src = params.sources;
    out.parameter("application_window", dates::to_string(params.application_window), src);
    out.parameter("balance_cap", money::to_string(params.balance_cap), src);
    out.parameter("rate_ceiling", money::to_string(params.rate_ceiling), src);
    out.parameter("basis", dates::to_string(params.basis), src);
    out.parameter("rounding", money::to_string(params.rounding), src);
    out.parameter("eligible_kinds", kinds_text(params.eligible_kinds), src);
    const std::optional<std::string> days =
        params.max_subsidy_days ? std::optional<std::string>(std::to_string(*params.max_subsidy_days)) : std::nullopt;
    out.parameter("max_subsidy_days", optional_view(days), src);
    out.parameter("per_borrower_cap", optional_view(optional_amount_text(params.per_borrower_cap)), src);
    out.parameter("budget", optional_view(optional_amount_text(params.budget)), src);
}

/// The parameters as the receipt lists them (and the xlsx results' 说明 sheet).
inline std::vector<parameter_use> subsidy_parameters_used(const plan::first_loan_subsidy_parameters& params) {
    first_loan_subsidy_result r;
    receipt_builder<first_loan_subsidy_result> b(r);
    emit_subsidy_parameters(params, b);
    return std::move(r.receipt.parameters);
}

/// Every input after parsing, by its JSON path, to `out`.
template <class Out>
void emit_subsidy_inputs(const loan_record& loan, Out& out) {
    using dates::detail::iso;
    out.input("borrower", loan.borrower);
    out.input("borrower_kind", plan::to_string(loan.borrower_kind));
    out.input("first_application_date", iso(loan.first_application_date));
    out.input("via_platform", bool_text(loan.via_platform));
    out.input("local_legal_person_lender", bool_text(loan.local_legal_person_lender));
    out.input("first_loan", bool_text(loan.first_loan));
    out.input("annual_rate", money::to_string(loan.annual_rate));
    std::string name;  // "balances[3].from": one buffer for all of them
    for (std::size_t i = 0; i < loan.balances.size(); ++i) {
        const auto field = [&](std::string_view suffix) -> std::string_view {
            name.assign("balances").append(index_text(i)).append(suffix);
            return name;
        };
        out.input(field(".from"), iso(loan.balances[i].from));
        out.input(field(".to"), iso(loan.balances[i].to));
        out.input(field(".balance"), money::to_string(loan.balances[i].balance));
    }
    out.input("period.from", iso(loan.period.from));
    out.input("period.to", iso(loan.period.to));
}

/// The eligibility steps, from the failed checks the kernel found, to `out`;
/// returns the reasons of the failed ones (emitted by the caller, whose
/// explanation quotes them).
template <class Out>
std::vector<reason> describe_eligibility(const loan_record& loan, const plan::first_loan_subsidy_parameters& params,
                                         std::uint32_t failed, Out& out) {
    using dates::detail::iso;
    std::vector<reason> reasons;
    const std::string window_text = dates::to_string(params.application_window);
    const std::string window_zh = concat(iso(params.application_window.from()), " 至 ", iso(params.application_window.to()));
    const bool in_window = (failed & batch::reason_application_outside_window) == 0;
    const std::string application = iso(loan.first_application_date);
    out.step("window", "check", in_window, {{"first_application_date", application}, {"application_window", window_text}},
             concat("首次申请贷款日期 ", application, in_window ? " 在 " : " 不在 ", window_zh, "（含首尾）之内"),
             concat("first application on ", application, in_window ? " is inside " : " is outside ", window_text,
                    " (both ends included)"));
    if (!in_window)
        reasons.push_back({"application_outside_window",
                           concat("首次申请贷款日期 ", application, " 不在 ", window_zh, " 之内"),
                           concat("first application on ", application, " is outside ", window_text)});

    const bool kind_ok = (failed & batch::reason_borrower_kind_not_eligible) == 0;
    const std::string_view kind = plan::to_string(loan.borrower_kind);
    const std::string kinds = kinds_text(params.eligible_kinds);
    out.step("eligibility.borrower_kind", "check", kind_ok, {{"borrower_kind", kind}, {"eligible_kinds", kinds}},
             concat("借款人类型为", kind_zh(loan.borrower_kind), kind_ok ? "，属于" : "，不属于", "贴息对象（",
                    kinds_zh(params.eligible_kinds), "）"),
             concat("borrower kind ", kind, kind_ok ? " is" : " is not", " among the eligible kinds (", kinds, ")"));
    if (!kind_ok)
        reasons.push_back({"borrower_kind_not_eligible", kind_not_eligible_zh(loan.borrower_kind, params.eligible_kinds),
                           kind_not_eligible_en(loan.borrower_kind, params.eligible_kinds)});

    struct flag_check {
        std::string_view id;
        bool value;
        std::uint32_t bit;
        const char* yes_zh;
        const char* no_zh;
        const char* yes_en;
        const char* no_en;
    };
    const flag_check flags[] = {
        {"via_platform", loan.via_platform, batch::reason_not_via_platform, "依托广东省中小企业融资平台申请",
         "未依托广东省中小企业融资平台申请", "applied via the Guangdong SME financing platform",
         "did not apply via the Guangdong SME financing platform"},
        {"local_legal_person_lender", loan.local_legal_person_lender, batch::reason_lender_not_local_legal_person,
         "贷款机构为地方法人金融机构", "贷款机构不是地方法人金融机构",
         "the lender is a local legal-person financial institution",
         "the lender is not a local legal-person financial institution"},
        {"first_loan", loan.first_loan, batch::reason_not_first_loan, "为借款人的首次贷款", "不是借款人的首次贷款",
         "this is the borrower's first loan", "this is not the borrower's first loan"},
    };
    for (const auto& f : flags) {
        const bool ok = (failed & f.bit) == 0;
        out.step(concat("eligibility.", f.id), "check", ok, {{f.id, bool_text(f.value)}}, ok ? f.yes_zh : f.no_zh,
                 ok ? f.yes_en : f.no_en);
        if (!ok) reasons.push_back({std::string(reason_of_bit(f.bit)->code), f.no_zh, f.no_en});
    }
    return reasons;
}

/// The maximum subsidy period's step, when the parameter is set.
template <class Out>
void describe_max_period(const plan::first_loan_subsidy_parameters& params, const subsidy_trace& t, Out& out) {
    using dates::detail::iso;
    if (!params.max_subsidy_days || !t.max_period_use) return;
    const auto& m = *t.max_period_use;
    const std::string n = std::to_string(*params.max_subsidy_days);
    if (!m.drawn) {
        out.step("max_subsidy_days", "cap", false, {{"max_subsidy_days", n}}, "余额始终为零，贴息期限不起作用",
                 "the balance is never positive, so the maximum period does not apply");
        return;
    }
    const std::string drawn = iso(dates::from_day_number(gsl::narrow<std::int32_t>(m.first_positive)));
    const std::string end = iso(dates::from_day_number(gsl::narrow<std::int32_t>(m.end)));
    out.step("max_subsidy_days", "cap", m.bites,
             {{"max_subsidy_days", n}, {"first_positive_balance", drawn}, {"subsidy_period", drawn + ".." + end}},
             "贴息期限自首次有余额之日 " + drawn + " 起最长 " + n + " 天，至 " + end +
                 (m.bites ? "，期间此后的天数不计" : "，未截断本期"),
             "the subsidy period runs at most " + n + " days from the first day with a balance, " + drawn + ", to " +
                 end + (m.bites ? "; later days of the period are not counted" : "; the period is not cut"));
}

/// One step per balance range summed.
template <class Out>
void describe_ranges(const subsidy_trace& t, Out& out) {
    using dates::detail::iso;
    for (const auto& r : t.ranges) {
        const std::string from = iso(dates::from_day_number(gsl::narrow<std::int32_t>(r.from)));
        const std::string to = iso(dates::from_day_number(gsl::narrow<std::int32_t>(r.to)));
        const bool capped = r.used != r.balance;
        const std::string balance = money::to_string(money::amount::from_fen(r.balance));
        const std::string used = money::to_string(money::amount::from_fen(r.used));
        const std::string days = std::to_string(r.days);
        const std::string product = fen_text(static_cast<money::int128>(r.used) * r.days);
        out.step(concat("balances", index_text(r.index)), "cap", capped,
                 {{"from", from}, {"to", to}, {"days", days}, {"balance", balance}, {"balance_used", used},
                  {"product", product}},
                 concat(from, " 至 ", to, " 共 ", days, " 天，日终余额 ", balance, " 元",
                        capped ? "，超过上限按 " : "", capped ? std::string_view(used) : std::string_view(),
                        capped ? " 元计" : "", "，积数 ", product, " 元"),
                 concat(from, "..", to, ": ", days, " days at ", balance, capped ? ", capped at " : "",
                        capped ? std::string_view(used) : std::string_view(), ", product ", product));
    }
}

/// The verdict, reasons and receipt of `loan`, from what the kernel recorded
/// in `t`, to `out` (a receipt_out: the C++ result, or the JSON text).
template <class Out>
void emit_subsidy(const loan_record& loan, const plan::first_loan_subsidy_parameters& params,
                  const plan_reference& ref, const subsidy_trace& t, const batch::row_result& row, Out& out) {
    using dates::detail::iso;
    namespace ck = money::detail;
    out.header(first_loan_subsidy_rule, ref);
    emit_subsidy_parameters(params, out);
    emit_subsidy_inputs(loan, out);
    out.rounding(params.rounding);

    const std::vector<reason> failed = describe_eligibility(loan, params, t.failed, out);
    if (t.failed != 0) {
        std::vector<std::string> zh;
        std::vector<std::string> en;
        for (const auto& r : failed) {
            out.reason(r.code, r.message_zh, r.message_en);
            zh.push_back(r.message_zh);
            en.push_back(r.message_en);
        }
        out.step("decision", "decision", false, {{"amount", "0.00"}}, "不符合首贷贴息条件，贴息金额为 0.00 元",
                 "not eligible: the subsidy is 0.00");
        out.result(money::amount());
        out.explanation(loan.borrower + " 不符合首贷贴息条件：" + join(zh, "；") + "。贴息金额为 0.00 元。",
                        loan.borrower + " is not eligible for the first-loan subsidy: " + join(en, "; ") +
                            ". The subsidy is 0.00 yuan.");
        out.verdict(false, money::amount());
        return;
    }

    describe_max_period(params, t, out);
    describe_ranges(t, out);
    std::int64_t days = 0;
    for (const auto& r : t.ranges) days += r.days;

    const money::rate used_rate = money::rate::from_units(t.rate_used);
    const bool ceiling_bites = used_rate != loan.annual_rate;
    const std::string annual = money::to_string(loan.annual_rate);
    const std::string ceiling = money::to_string(params.rate_ceiling);
    const std::string used = money::to_string(used_rate);
    out.step("rate_ceiling", "cap", ceiling_bites, {{"annual_rate", annual}, {"rate_ceiling", ceiling}, {"rate_used", used}},
             concat("实际年利率 ", annual, "，上限 ", ceiling, "，取较低者 ", used),
             concat("actual rate ", annual, ", ceiling ", ceiling, ": the lower, ", used, ", is used"));

    const std::string basis = std::to_string(dates::denominator(params.basis));
    const money::int128 numerator = ck::checked_mul<money::int128>(t.sum, t.rate_used, "subsidy numerator");
    const money::int128 denominator =
        ck::checked_mul<money::int128>(money::rate::scale, dates::denominator(params.basis), "subsidy denominator");
    const exact_value exact = exact_yuan(numerator, denominator);
    const std::string dec = concat(exact.decimal, exact.decimal_exact ? "" : "…");
    if (row.status == batch::detail::errc_code(errc::overflow)) throw_total_out_of_range(dec, "subsidy");
    const std::string sum = fen_text(t.sum);
    const std::string fraction = concat(exact.numerator, "/", exact.denominator);
    out.unrounded(exact);
    out.step("unrounded", "compute", std::nullopt,
             {{"days", std::to_string(days)},
              {"balance_days", sum},
              {"rate_used", used},
              {"basis", basis},
              {"value", fraction},
              {"decimal", exact.decimal}},
             concat("积数 ", sum, " × ", used, " ÷ ", basis, " = ", fraction, " = ", dec, " 元"),
             concat(sum, " × ", used, " / ", basis, " = ", fraction, " = ", dec, " yuan"));

    const caps_text caps =
        describe_total(t, params.rounding, dec, "贴息", "subsidy",
                       {"per_borrower_cap", "per_borrower_cap_applied", "单户贴息上限", "per-borrower cap"},
                       {"budget", "budget_cap_applied", "贴息预算", "budget"}, out);
    const std::string rounded = money::to_string(money::amount::from_fen(t.rounded_fen));
    const money::amount result = money::amount::from_fen(row.amount);
    const std::string paid = money::to_string(result);
    const std::string cap = money::to_string(params.balance_cap);
    const std::string application = iso(loan.first_application_date);
    const dates::date first = loan.period.from;
    const dates::date last =
        t.max_period_use && t.max_period_use->bites
            ? dates::from_day_number(gsl::narrow<std::int32_t>(t.max_period_use->end))
            : loan.period.to;

    out.result(result);
    const std::string day_count = std::to_string(days);
    out.explanation(
        concat(loan.borrower, "（", kind_zh(loan.borrower_kind), "）于 ", application,
               " 依托广东省中小企业融资平台向地方法人金融机构首次申请贷款，符合首贷贴息条件。", iso(first), " 至 ",
               iso(std::max(first, last)), " 计 ", day_count, " 天，每日余额以 ", cap, " 元为上限，积数合计 ", sum,
               " 元；贴息利率取实际年利率 ", annual, " 与上限 ", ceiling, " 的较低者 ", used, "，一年按 ", basis,
               " 天计：", sum, " × ", used, " ÷ ", basis, " = ", dec, " 元，", money::rounding_zh(params.rounding), "到分为 ",
               rounded, " 元。", caps.zh, "应付贴息 ", paid, " 元。"),
        concat(loan.borrower, " (", plan::to_string(loan.borrower_kind), ") first applied on ", application,
               " via the Guangdong SME financing platform at a local legal-person institution, and is "
               "eligible. Over ",
               day_count, " interest days the daily balances, each capped at ", cap, ", sum to ", sum,
               " yuan-days; the rate is the lower of the actual ", annual, " and the ceiling ", ceiling, ", ", used,
               "; on a ", basis, "-day year ", sum, " × ", used, " / ", basis, " = ", dec, " yuan, rounded ",
               money::rounding_en(params.rounding), " to the fen: ", rounded, ".", caps.en, " The subsidy is ", paid,
               " yuan."));
    out.verdict(true, result);
}

/// Runs the kernel on `loan` with the trace the receipt is written from,
/// and emits the result to `out` (a receipt_out).
template <class Out>
void subsidy_to(const loan_record& loan, const plan::first_loan_subsidy_parameters& params, const plan_reference& ref,
                Out& out) {
    const batch::prepared_subsidy prepared = batch::prepare(params);
    subsidy_trace trace;
    const batch::row_result row = run_kernel(loan, prepared, trace);
    emit_subsidy(loan, params, ref, trace, row, out);
}

}  // namespace detail

/// Computes the subsidy for `loan` under `params`; `ref` names the plan in
/// the receipt. The kernel (rules/kernel.hpp) computes; the receipt is
/// written from its trace. Throws validation_error / overflow_error (see the top).
inline first_loan_subsidy_result first_loan_subsidy(const loan_record& loan,
                                                    const plan::first_loan_subsidy_parameters& params,
                                                    const plan_reference& ref) {
    first_loan_subsidy_result out;
    detail::receipt_builder<first_loan_subsidy_result> builder(out);
    detail::subsidy_to(loan, params, ref, builder);
    return out;
}

/// The subsidy under a plan's parameters (the embedded 2022 plan by default).
inline first_loan_subsidy_result first_loan_subsidy(const loan_record& loan,
                                                    const plan::plan& p = plan::plan_2022()) {
    return first_loan_subsidy(loan, p.first_loan_subsidy, reference_of(p));
}

}  // namespace zjcredit::rules

#endif
