// 预警 (early warning): each quantitative target projected to its deadline
// from the monthly figures (the 工作台账's observations), graded 绿/黄/红 with
// a receipt that shows the figures, the arithmetic and the thresholds, and
// names the lead unit responsible.
//
// For a target with threshold T (the fixed figure, the year-start figure, or
// factor × the prior-year total), year-start figure S at month 0, the latest
// figure V at month m (a figure dated in month k of the deadline's year
// stands at month k), r = 12 − m months left, and the monthly changes
// c_i = (v_i − v_{i−1}) / (m_i − m_{i−1}) from S through every figure:
//
//   pace achieved  a = (V − S) / m
//   pace needed    n = (T − V) / r                 (r > 0)
//   base           P = V + a·r
//   best / worst   V + max(c)·r / V + min(c)·r
//
// all exact rationals (boost::multiprecision::cpp_rational), rounded once
// for display. Grades follow the rule text (issue 16, DESIGN §2): 红 when P
// misses T; 绿 when P meets T with a margin of at least green_margin_months
// × a and the pace needed is not above the pace achieved; 黄 otherwise
// (projected to meet with less, or needing a faster pace than achieved).
// For a ≤/< target the same holds with the direction reversed.
#ifndef ZJCREDIT_ASSESS_WARNING_HPP
#define ZJCREDIT_ASSESS_WARNING_HPP

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/figure_unit.hpp>
#include <zjcredit/assess/observation.hpp>
#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/plan.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::assess {

/// The grade of an early warning.
enum class grade {
    green,      ///< 绿: projected to meet with a month's average change to spare
    yellow,     ///< 黄: projected to meet with less, or needing a faster pace than achieved
    red,        ///< 红: projected to miss
    ungraded,   ///< 暂无法预警: no year-start figure, no figure yet, or not a level target
};

/// Stable ASCII id: "green", "yellow", "red", "ungraded".
constexpr std::string_view to_string(grade g) noexcept {
    switch (g) {
        case grade::green: return "green";
        case grade::yellow: return "yellow";
        case grade::red: return "red";
        case grade::ungraded: return "ungraded";
    }
    return "ungraded";
}

/// 绿 / 黄 / 红 / 暂无法预警
constexpr std::string_view chinese_word(grade g) noexcept {
    switch (g) {
        case grade::green: return "绿";
        case grade::yellow: return "黄";
        case grade::red: return "红";
        case grade::ungraded: return "暂无法预警";
    }
    return "暂无法预警";
}

/// The thresholds of the grades, each a labelled default.
struct warning_options {
    /// 绿 needs the base projection to beat the threshold by at least this
    /// many months of the average change. Default 1: "a margin of at least
    /// one month's average change" (issue 16; DESIGN §2 预警).
    int green_margin_months = 1;
    /// 黄 when the pace needed exceeds the pace achieved × this factor
    /// (exact decimal). Default 1: "needing a faster pace than achieved".
    money::decimal yellow_pace_factor = money::decimal(1, 0);
    /// The deadline the projection runs to; nullopt: the target's due date
    /// (2022-12-31 for every target of the 2022 plan).
    std::optional<dates::date> deadline = std::nullopt;
    /// Decimal places of the displayed figures, in the target's stated unit
    /// (亿元: 2 places is 100万元); a whole count of 户, 家 or 场 is shown
    /// whole. Default 2, half up; the grade never depends on it.
    int display_places = 2;
    money::rounding display_rounding = money::rounding::half_up;  ///< how displayed figures are rounded
};

/// One figure of the series: month index since the year start, and value.
struct warning_point {
    int month = 0;         ///< 0 for the year start, k for a figure dated in month k
    money::decimal value;  ///< in the base unit (元, 户 …)

    /// Field by field.
    friend bool operator==(const warning_point&, const warning_point&) = default;
};

/// The early warning on one target.
struct warning {
    std::string target_id;            ///< plan::target::id
    std::string text;                 ///< the words of the plan
    std::string indicator;            ///< the observed indicator
    figure_unit unit;                 ///< the unit the figures below are shown in
    std::vector<std::string> lead;    ///< lead unit names (牵头单位), e.g. 市金融局
    grade result = grade::ungraded;   ///< 绿, 黄, 红 or 暂无法预警
    std::string why_ungraded_zh;      ///< when ungraded
    std::string why_ungraded_en;      ///< the same, in English
    std::vector<warning_point> series;  ///< month 0 (the year start) first when known
    int months_elapsed = 0;           ///< m: the month of the latest figure
    int months_left = 0;              ///< r = 12 − m
    dates::date deadline;             ///< the day the projection runs to
    // Rounded once for display, in `unit` (the exact rationals are in the receipt's arithmetic).
    std::optional<money::decimal> threshold;      ///< T
    std::optional<money::decimal> latest;         ///< V, the latest figure
    std::optional<money::decimal> pace_achieved;  ///< a = (V − S) / m, per month
    std::optional<money::decimal> pace_needed;    ///< n = (T − V) / r, per month; none when r = 0
    std::optional<money::decimal> projected;      ///< P = V + a·r
    std::optional<money::decimal> best;           ///< V + r × the most favourable monthly change
    std::optional<money::decimal> worst;          ///< V + r × the least favourable monthly change
    std::optional<money::decimal> projected_margin;  ///< P − T (or T − P for ≤ targets)
    std::vector<std::string> receipt_zh;  ///< figures, arithmetic, thresholds, one line each
    std::vector<std::string> receipt_en;  ///< the same, in English
};

namespace detail {

using rational = boost::multiprecision::cpp_rational;

inline rational to_rational(const money::decimal& d) { return rational(to_big(d.coefficient()), pow10(d.scale())); }

/// `q` in unit `u` (q / 10^exponent), rounded once to `places` (a whole count: none).
inline money::decimal display(const rational& q, const figure_unit& u, int places, money::rounding mode) {
    // A whole count of 户, 家 or 场 (a report's figure, a threshold) is shown
    // whole, as the bureau writes it: 53100户, not 53100.00户. A count that
    // is not whole (a projection, a monthly pace) keeps its places.
    const bool count = u.base != plan::measure_unit::yuan && u.base != plan::measure_unit::percent;
    const big denominator = boost::multiprecision::denominator(q) * pow10(u.exponent);
    const int shown = count && boost::multiprecision::numerator(q) % denominator == 0 ? 0 : places;
    return round_ratio(boost::multiprecision::numerator(q), denominator, shown, mode).value;
}

inline std::vector<std::string> lead_names(const plan::plan& p, const plan::target& t) {
    std::vector<std::string> ids;
    for (const auto& m : p.measures)
        for (const auto& task : m.tasks)
            if (task.target == t.id && ids.empty()) ids = task.lead.empty() ? m.lead : task.lead;
    if (ids.empty())  // a 工作目标 no task carries: the issuer, who leads the plan
        for (const auto& u : p.units)
            if (u.issuer) ids.push_back(u.id);
    std::vector<std::string> out;
    for (const auto& id : ids) out.push_back(plan::find_unit(p, id).name);
    return out;
}

}  // namespace detail

/// The early warning on target `t` from monthly reports (any order; each
/// report's observation of the target's indicator gives one point: its
/// current figure at the month of its as_of; the year-start figure, from any
/// report, is month 0). Reports of one month twice are a validation_error.
/// Targets that compare rates (peer_growth, share_growth) and qualitative
/// targets are ungraded: the projection is of a level.
inline warning warn(const plan::plan& p, const plan::target& t, const std::vector<observations>& reports,
                    const warning_options& options = {}) {
    using detail::rational;
    if (options.green_margin_months < 0)
        throw validation_error("green_margin_months", std::to_string(options.green_margin_months), "must not be negative");
    if (options.display_places < 0 || options.display_places > 6)
        throw validation_error("display_places", std::to_string(options.display_places), "must be between 0 and 6");
    warning w;
    w.target_id = t.id;
    w.text = t.text;
    w.indicator = t.indicator;
    w.unit = stated_unit(t);
    w.lead = detail::lead_names(p, t);
    w.deadline = options.deadline.value_or(t.due);
    const int year = static_cast<int>(w.deadline.year());
    const auto show = [&](const rational& q) {
        return detail::display(q, w.unit, options.display_places, options.display_rounding);
    };
    const auto text = [&](const money::decimal& d) { return d.to_string() + std::string(w.unit.word); };
    const auto ungraded = [&](std::string zh, std::string en) {
        w.why_ungraded_zh = std::move(zh);
        w.why_ungraded_en = std::move(en);
        w.receipt_zh.push_back("暂无法预警：" + w.why_ungraded_zh);
        w.receipt_en.push_back("Ungraded: " + w.why_ungraded_en);
        return w;
    };

    using b = plan::baseline_kind;
    if (t.qualitative || t.baseline == b::peer_growth || t.baseline == b::share_growth)
        return ungraded("目标比较的是增速或占比，预警按余额或户数推算，不适用",
                        "the target compares rates or shares; the projection is of a level");

    // The series: month 0 from the year-start figure, then each report.
    std::optional<money::decimal> start;
    std::optional<money::decimal> prior_total;
    for (const auto& r : reports) {
        const observation* o = r.find(t.indicator);
        if (o == nullptr) continue;
        if (o->year_start) {
            if (start && *start != *o->year_start)
                throw validation_error(t.indicator + ".year_start", o->year_start->to_string(),
                                       "the reports give different year-start figures (" + start->to_string() + ")");
            start = o->year_start;
        }
        if (o->prior_year_total) prior_total = o->prior_year_total;
        if (!o->current) continue;
        const int month = (static_cast<int>(o->as_of.year()) - year) * 12 + static_cast<int>(o->as_of.month());
        if (month < 1 || month > 12) continue;  // outside the deadline's year
        for (const auto& pt : w.series)
            if (pt.month == month)
                throw validation_error(t.indicator + ".as_of", dates::to_string(o->as_of),
                                       "two reports give a figure for the same month");
        w.series.push_back({month, *o->current});
    }
    // A year-to-date total (较2021年增长) starts the year at zero by definition.
    if (!start && t.baseline == b::prior_year_total) start = money::decimal(0, 0);
    std::sort(w.series.begin(), w.series.end(), [](const auto& x, const auto& y) { return x.month < y.month; });

    std::optional<rational> threshold;
    if (t.baseline == b::fixed && t.threshold) threshold = detail::to_rational(*t.threshold);
    if (t.baseline == b::year_start && start) threshold = detail::to_rational(*start);
    if (t.baseline == b::prior_year_total && prior_total && t.factor)
        threshold = detail::to_rational(*prior_total) * detail::to_rational(*t.factor);
    if (threshold) w.threshold = show(*threshold);

    if (w.series.empty()) return ungraded("尚无月度数据", "no monthly figure yet");
    if (!start)
        return ungraded("缺少年初数（" + t.indicator + ".year_start），无法计算自年初以来的月均变化",
                        "no year-start figure (" + t.indicator +
                            ".year_start): the average monthly change since the year start is undefined");
    if (!threshold) return ungraded("缺少比较基数", "the threshold's figures are missing");
    w.series.insert(w.series.begin(), warning_point{0, *start});

    const warning_point& last = w.series.back();
    const rational s = detail::to_rational(*start);
    const rational v = detail::to_rational(last.value);
    const int m = last.month;
    const int r = 12 - m;
    w.months_elapsed = m;
    w.months_left = r;
    w.latest = show(v);
    const int dir = (t.op == plan::comparator::at_most || t.op == plan::comparator::less_than) ? -1 : 1;
    const bool strict = t.op == plan::comparator::more_than || t.op == plan::comparator::less_than;

    const rational a = (v - s) / m;
    rational lo = 0, hi = 0;
    for (std::size_t i = 1; i < w.series.size(); ++i) {
        const rational c = (detail::to_rational(w.series[i].value) - detail::to_rational(w.series[i - 1].value)) /
                           (w.series[i].month - w.series[i - 1].month);
        if (i == 1 || c < lo) lo = c;
        if (i == 1 || c > hi) hi = c;
    }
    const rational projected = v + a * r;
    const rational margin = (projected - *threshold) * dir;
    const auto meets = [&](const rational& x) { return strict ? x > 0 : x >= 0; };
    w.pace_achieved = show(a);
    w.projected = show(projected);
    w.best = show(v + (dir > 0 ? hi : lo) * r);
    w.worst = show(v + (dir > 0 ? lo : hi) * r);
    w.projected_margin = show(margin);
    std::optional<rational> needed;
    if (r > 0) {
        needed = (*threshold - v) / r;
        w.pace_needed = show(*needed);
    }
    const rational green_margin = a * dir * options.green_margin_months;
    const rational factor = detail::to_rational(options.yellow_pace_factor);
    const bool faster = needed && (*needed * dir) > (a * dir) * factor && !meets((v - *threshold) * dir);
    if (!meets(margin)) w.result = grade::red;
    else if (margin >= green_margin && !faster) w.result = grade::green;
    else w.result = grade::yellow;

    // ---- the receipt
    const std::string u(w.unit.word);
    const std::string lead_zh = [&] {
        std::string out;
        for (const auto& n : w.lead) out += (out.empty() ? "" : "、") + n;
        return out;
    }();
    const std::string sm = std::to_string(m), sr = std::to_string(r);
    const std::string ymd = dates::to_string(w.deadline);
    w.receipt_zh = {
        "目标：" + t.text + "（牵头单位：" + lead_zh + "）",
        "比较基数 T = " + text(*w.threshold) + "；年初 S = " + text(show(s)) + "；截至第" + sm + "月 V = " +
            text(*w.latest) + "；距" + ymd + "还有 " + sr + " 个月",
        "已实现月均进度 a = (V − S) / " + sm + " = " + text(*w.pace_achieved) + "/月",
        r > 0 ? "尚需月均进度 n = (T − V) / " + sr + " = " + text(*w.pace_needed) + "/月" : "已到期限，无剩余月份",
        "基准预测 P = V + a × " + sr + " = " + text(*w.projected) + "；乐观 " + text(*w.best) + "，悲观 " +
            text(*w.worst) + "（按最大、最小月度变化）",
        "预测差额 P − T = " + text(*w.projected_margin) + "；绿色要求差额 ≥ " +
            std::to_string(options.green_margin_months) + " 个月的月均进度（" + text(show(green_margin)) +
            "），且尚需进度不超过已实现进度 × " + options.yellow_pace_factor.to_string() + "（默认值，规则原文）",
        "等级：" + std::string(chinese_word(w.result)) + "（数值按" + std::to_string(options.display_places) +
            "位小数显示，整数的户数、家数、场次按整数显示，判定按精确有理数）",
    };
    w.receipt_en = {
        "Target: " + t.text + " (lead: " + lead_zh + ")",
        "threshold T = " + text(*w.threshold) + "; year start S = " + text(show(s)) + "; month " + sm + " V = " +
            text(*w.latest) + "; " + sr + " months left to " + ymd,
        "pace achieved a = (V − S) / " + sm + " = " + text(*w.pace_achieved) + " a month",
        r > 0 ? "pace needed n = (T − V) / " + sr + " = " + text(*w.pace_needed) + " a month"
              : "the deadline is reached: no month left",
        "base projection P = V + a × " + sr + " = " + text(*w.projected) + "; best " + text(*w.best) + ", worst " +
            text(*w.worst) + " (largest and smallest monthly change)",
        "projected margin P − T = " + text(*w.projected_margin) + "; green needs a margin ≥ " +
            std::to_string(options.green_margin_months) + " month(s) of the average change (" +
            text(show(green_margin)) + ") and a pace needed not above the pace achieved × " +
            options.yellow_pace_factor.to_string() + " (defaults, from the rule text)",
        "grade: " + std::string(to_string(w.result)) + " (figures shown to " +
            std::to_string(options.display_places) +
            " places, a whole count of borrowers, companies or events whole; the grade compares exact rationals)",
    };
    return w;
}

/// The early warning on every target of `p`, in plan order.
inline std::vector<warning> warn_all(const plan::plan& p, const std::vector<observations>& reports,
                                     const warning_options& options = {}) {
    std::vector<warning> out;
    for (const auto& t : p.targets) out.push_back(warn(p, t, reports, options));
    return out;
}

}  // namespace zjcredit::assess

#endif
