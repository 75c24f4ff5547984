// assess(): the verdict on every target of a plan from reported figures.
//
// Every comparison is exact: figures are brought to a common decimal scale as
// big integers (boost::multiprecision::cpp_int) and compared, cross-multiplied
// where a rate is involved, never divided and never in floating point:
//
//   fixed             current ⋄ threshold
//   year_start        current ⋄ year_start
//   prior_year_total  current ⋄ factor × total               (total > 0)
//   peer_growth       (cur − start)·ref_start ⋄ (ref_cur − ref_start)·start
//                                                            (start, ref_start > 0)
//   share_growth      cur·ref_start ⋄ start·ref_cur          (ref_start, ref_cur > 0)
//
// where ⋄ is the target's comparator. Rates are rounded only for display.
#ifndef ZJCREDIT_ASSESS_ASSESS_HPP
#define ZJCREDIT_ASSESS_ASSESS_HPP

#include <zjcredit/assess/figure_unit.hpp>
#include <zjcredit/assess/observation.hpp>
#include <zjcredit/assess/verdict.hpp>
#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/money/rounding.hpp>
#include <zjcredit/plan/plan.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::assess {

/// How assess() judges the figures.
struct assess_options {
    /// The assessment date; nullopt uses the observations' report date.
    std::optional<dates::date> as_of;
    /// A figure dated more than this many days before the evaluation date
    /// (the earlier of the assessment date and the target's due date) is
    /// stale. The default, 31, fits the plan's monthly reporting (每月25日前).
    std::int32_t max_staleness_days = 31;
    /// Decimal places of the plain fraction for growth rates and shares
    /// (4: 0.1235, i.e. 12.35%). 0..18.
    int growth_places = 4;
    /// How displayed rates are rounded (the verdict never depends on it).
    money::rounding growth_rounding = money::rounding::half_up;
};

/// How many targets have each verdict (groups not counted).
struct assessment_summary {
    int met = 0;              ///< 已达成
    int not_met = 0;          ///< final (due date reached) not met
    int not_yet_met = 0;      ///< provisional not met: 暂未达成, still reachable
    int not_assessable = 0;   ///< 暂无法评估 (each verdict's problems say why)
    int provisional = 0;      ///< verdicts given before their due date
    int total = 0;            ///< every target: met + not_met + not_yet_met + not_assessable

    /// Field by field.
    friend bool operator==(const assessment_summary&, const assessment_summary&) = default;
};

/// The verdicts on every target of a plan.
struct assessment {
    dates::date as_of;  ///< the assessment date actually used
    std::int32_t max_staleness_days = 31;  ///< as given in assess_options
    int growth_places = 4;                 ///< as given in assess_options
    money::rounding growth_rounding = money::rounding::half_up;  ///< as given in assess_options
    std::vector<verdict> verdicts;             ///< one per target, in plan order
    std::vector<group_verdict> groups;         ///< one per group ("两增"), in plan order
    std::vector<std::string> unused_indicators;///< observed indicators no target uses
    assessment_summary summary;                ///< the counts of `verdicts`

    /// The verdict on target `id`; not_found_error otherwise.
    const verdict& find(std::string_view id) const {
        for (const auto& v : verdicts)
            if (v.target_id == id) return v;
        throw not_found_error("target", std::string(id), "the assessment has no verdict on this target");
    }
    /// The verdict on group `name` ("两增"); not_found_error otherwise.
    const group_verdict& find_group(std::string_view name) const {
        for (const auto& g : groups)
            if (g.group == name) return g;
        throw not_found_error("group", std::string(name), "the assessment has no such group");
    }
};

namespace detail {

using big = boost::multiprecision::cpp_int;

inline big to_big(money::int128 v) {
    const bool negative = v < 0;
    const money::uint128 u =
        negative ? money::uint128(0) - static_cast<money::uint128>(v) : static_cast<money::uint128>(v);
    big r = static_cast<std::uint64_t>(u >> 64);
    r <<= 64;
    r += static_cast<std::uint64_t>(u & money::uint128(0xFFFF'FFFF'FFFF'FFFFULL));
    return negative ? big(-r) : r;
}

inline money::int128 to_int128(const big& b) {
    if (b == 0) return 0;
    const big magnitude = boost::multiprecision::abs(b);
    if (boost::multiprecision::msb(magnitude) >= 127)
        throw overflow_error("", "", "arithmetic overflow in an assessment (value beyond 128 bits)");
    const big mask = (big(1) << 64) - 1;
    const auto hi = static_cast<std::uint64_t>(magnitude >> 64);
    const auto lo = static_cast<std::uint64_t>(magnitude & mask);
    const money::int128 m = static_cast<money::int128>((money::uint128(hi) << 64) | money::uint128(lo));
    return b < 0 ? -m : m;
}

inline big pow10(int n) {
    big r = 1;
    for (int i = 0; i < n; ++i) r *= 10;
    return r;
}

/// The value of `d` as an integer count of 10^-scale (scale ≥ d.scale()).
inline big scaled(const money::decimal& d, int scale) {
    return to_big(d.coefficient()) * pow10(scale - d.scale());
}

/// The decimal `v` × 10^-scale, trailing zeros dropped while the scale is too big.
inline money::decimal make_decimal(big v, int scale) {
    while (scale > money::decimal::max_scale && v % 10 == 0) {
        v /= 10;
        --scale;
    }
    if (scale > money::decimal::max_scale)
        throw overflow_error("", "", "arithmetic overflow in an assessment (too many decimal places)");
    return money::decimal(to_int128(v), scale);
}

inline std::strong_ordering compare(const big& a, const big& b) {
    if (a < b) return std::strong_ordering::less;
    if (a > b) return std::strong_ordering::greater;
    return std::strong_ordering::equal;
}

inline int sign(const big& v) { return v < 0 ? -1 : (v > 0 ? 1 : 0); }

struct rounded {
    money::decimal value;
    bool exact = true;
};

/// num / den (den > 0) rounded to `places` decimal places with `mode`.
inline rounded round_ratio(const big& num, const big& den, int places, money::rounding mode) {
    const big n = num * pow10(places);
    const bool negative = n < 0;
    const big magnitude = negative ? big(-n) : n;
    big q = magnitude / den;
    const big r = magnitude % den;
    if (r != 0) {
        const big other = den - r;
        bool bump = false;
        switch (mode) {
            case money::rounding::half_up: bump = r >= other; break;
            case money::rounding::half_even: bump = r > other || (r == other && q % 2 != 0); break;
            case money::rounding::down: bump = false; break;
            case money::rounding::up: bump = true; break;
        }
        if (bump) ++q;
    }
    return rounded{money::decimal(to_int128(negative ? big(-q) : q), places), r == 0};
}

inline int max_scale_of(std::initializer_list<money::decimal> ds) {
    int s = 0;
    for (const auto& d : ds) s = std::max(s, d.scale());
    return s;
}

// ---- text ------------------------------------------------------------------

/// A figure in its unit's canonical text: 元 with at least 2 decimals, counts
/// as integers, percent with "%".
inline std::string figure_text(const money::decimal& d, plan::measure_unit unit) {
    money::decimal n = d.normalized();
    if (unit == plan::measure_unit::yuan && n.scale() < 2) n = money::decimal(n.coefficient_at(2), 2);
    std::string s = n.to_string();
    if (unit == plan::measure_unit::percent) s += "%";
    return s;
}

inline std::string signed_text(const std::string& s, int sign_hint) {
    if (!s.empty() && s.front() == '-') return s;
    if (sign_hint < 0) return "-" + s;
    if (sign_hint > 0) return "+" + s;
    return s;
}

inline int sign_of(const money::decimal& d) { return d.is_negative() ? -1 : (d.is_zero() ? 0 : 1); }

inline std::string amount_zh(const money::decimal& d, plan::measure_unit unit) {
    std::string s = figure_text(d, unit);
    if (unit == plan::measure_unit::percent) return s;
    return s + std::string(plan::chinese_word(unit));
}

inline std::string amount_en(const money::decimal& d, plan::measure_unit unit) {
    std::string s = figure_text(d, unit);
    switch (unit) {
        case plan::measure_unit::yuan: return s + " yuan";
        case plan::measure_unit::borrowers: return s + " borrowers";
        case plan::measure_unit::companies: return s + " companies";
        case plan::measure_unit::events: return s + " events";
        case plan::measure_unit::percent: return s;
    }
    return s;
}

inline std::string margin_zh(const money::decimal& d, plan::measure_unit unit) {
    if (unit == plan::measure_unit::percent)
        return signed_text(d.normalized().to_string(), sign_of(d)) + "个百分点";
    return signed_text(figure_text(d, unit), sign_of(d)) + std::string(plan::chinese_word(unit));
}

inline std::string margin_en(const money::decimal& d, plan::measure_unit unit) {
    if (unit == plan::measure_unit::percent)
        return signed_text(d.normalized().to_string(), sign_of(d)) + " percentage points";
    std::string s = amount_en(d, unit);
    return signed_text(s, sign_of(d));
}

/// A rounded fraction (places decimals) as a percentage: 0.1235 → "12.35%".
inline std::string percent_text(const money::decimal& fraction) {
    if (fraction.scale() >= 2) return money::decimal(fraction.coefficient(), fraction.scale() - 2).to_string() + "%";
    return money::decimal(fraction.coefficient_at(2), 0).to_string() + "%";
}

/// A rounded growth rate as the bureau writes it: 增长10.00%, 下降0.63%
/// (never 增长-0.63%); a rate that rounds to zero reads 增长0.00%.
inline std::string change_zh(const money::decimal& fraction) {
    if (fraction.is_negative()) return "下降" + percent_text(money::decimal(-fraction.coefficient(), fraction.scale()));
    return "增长" + percent_text(fraction);
}

/// A rounded margin between fractions, in percentage points, with the exact sign.
inline std::string points_text(const money::decimal& fraction, int exact_sign) {
    std::string s = percent_text(fraction);
    s.pop_back();  // the "%"
    return signed_text(s, exact_sign);
}

struct bilingual {
    std::string zh;
    std::string en;
};

/// What the target's comparator word means, as the law reads it.
inline bilingual comparator_phrase(const plan::target& t) {
    const std::string& w = t.comparator_word;
    const std::string q = "“" + w + "”";
    const bool growth_word = w == "增加" || w == "增长";
    switch (t.op) {
        case plan::comparator::at_least:
            if (growth_word)
                return {q + "带有数字，达到即为达成（≥，包括本数）",
                        w + " with a number means ≥: reaching it exactly counts"};
            return {q + "包括本数（≥），恰好达到即为达成", w + " includes the threshold (≥): reaching it exactly counts"};
        case plan::comparator::more_than:
            if (growth_word)
                return {q + "未带数字，须严格大于（>），持平不算",
                        w + " with no number means strictly more (>): an equal figure does not count"};
            return {q + "不包括本数（>）", w + " excludes the threshold (>)"};
        case plan::comparator::at_most:
            if (w == "稳中有降")
                return {q + "读作不高于比较基数（≤，包括本数）",
                        w + " is read as not above the comparison figure (≤, equal counts)"};
            return {q + "包括本数（≤）", w + " includes the threshold (≤)"};
        case plan::comparator::less_than:
            return {q + "不包括本数（<）", w + " excludes the threshold (<)"};
    }
    return {q, w};
}

inline bool figure_valid(const money::decimal& d, plan::measure_unit unit) {
    switch (unit) {
        case plan::measure_unit::yuan: return d.normalized().scale() <= 2;
        case plan::measure_unit::borrowers:
        case plan::measure_unit::companies:
        case plan::measure_unit::events: return d.normalized().scale() == 0;
        case plan::measure_unit::percent: return true;
    }
    return true;
}

class target_assessor {
public:
    target_assessor(const plan::target& t, const observations& obs, const assessment& options)
        : t_(t), obs_(obs), o_(options) {}

    verdict run() {
        init();
        check_plan();
        gather();
        if (v_.problems.empty()) compare_figures();
        if (!v_.problems.empty()) v_.result = status::not_assessable;
        explain();
        return v_;
    }

private:
    struct need {
        std::string indicator;
        figure which;
    };

    void init() {
        v_.target_id = t_.id;
        v_.text = t_.text;
        v_.clause = t_.clause;
        v_.indicator = t_.indicator;
        v_.reference_indicator = t_.reference_indicator;
        v_.group = t_.group;
        v_.unit = t_.unit;
        v_.op = t_.op;
        v_.comparator_word = t_.comparator_word;
        v_.baseline = t_.baseline;
        v_.factor = t_.factor;
        v_.qualitative = t_.qualitative;
        v_.note = t_.note;
        v_.due = t_.due;
        v_.evaluated_at = std::min(o_.as_of, t_.due);
        v_.provisional = o_.as_of < t_.due;
    }

    void add_problem(reason r, std::string field, std::string zh, std::string en) {
        v_.problems.push_back(problem{r, std::move(field), std::move(zh), std::move(en)});
    }

    void check_plan() {
        auto incomplete = [&](const char* what) {
            add_problem(reason::plan_incomplete, t_.id + "." + what,
                        "目标缺少" + std::string(what), "the target has no " + std::string(what));
        };
        using b = plan::baseline_kind;
        if (t_.baseline == b::fixed && !t_.threshold) incomplete("threshold");
        if (t_.baseline == b::prior_year_total && !t_.factor) incomplete("factor");
        if ((t_.baseline == b::peer_growth || t_.baseline == b::share_growth) && !t_.reference_indicator)
            incomplete("reference_indicator");
    }

    std::vector<need> needs() const {
        using b = plan::baseline_kind;
        const std::string& i = t_.indicator;
        switch (t_.baseline) {
            case b::fixed: return {{i, figure::current}};
            case b::year_start: return {{i, figure::year_start}, {i, figure::current}};
            case b::prior_year_total: return {{i, figure::prior_year_total}, {i, figure::current}};
            case b::peer_growth:
            case b::share_growth: {
                std::vector<need> out{{i, figure::year_start}, {i, figure::current}};
                if (t_.reference_indicator) {
                    out.push_back({*t_.reference_indicator, figure::year_start});
                    out.push_back({*t_.reference_indicator, figure::current});
                }
                return out;
            }
        }
        return {};
    }

    /// The indicator in Chinese: its name in the plan's words with the id the
    /// observations file uses ("中小微企业信用贷款余额（sme_credit_loan_balance）"),
    /// or the id alone where the plan gives no name.
    std::string indicator_zh(const std::string& indicator) const {
        const std::string& name = indicator == t_.indicator ? t_.indicator_name : t_.reference_indicator_name;
        return name.empty() ? indicator : name + "（" + indicator + "）";
    }

    void check_dates(const observation& o) {
        const std::string d = dates::to_string(o.as_of);
        const std::string field = o.indicator + ".as_of";
        const std::string who = indicator_zh(o.indicator);
        if (o.as_of > o_.as_of) {
            const std::string a = dates::to_string(o_.as_of);
            add_problem(reason::as_of_after_assessment, field,
                        who + "的数据日期" + d + "晚于评估日" + a,
                        o.indicator + " is dated " + d + ", after the assessment date " + a);
        } else if (o.as_of > t_.due) {
            const std::string due = dates::to_string(t_.due);
            add_problem(reason::as_of_after_due, field,
                        who + "的数据日期" + d + "晚于目标期限" + due + "，不能反映期限时的情况",
                        o.indicator + " is dated " + d + ", after the target's due date " + due +
                            ", so it does not show the position at the due date");
        } else {
            const auto age = (v_.evaluated_at - o.as_of).days();
            if (age > o_.max_staleness_days) {
                const std::string e = dates::to_string(v_.evaluated_at);
                const std::string n = std::to_string(age);
                const std::string max = std::to_string(o_.max_staleness_days);
                add_problem(reason::stale, field,
                            who + "的数据截至" + d + "，距评估时点" + e + "已" + n + "天，超过" + max +
                                "天，数据过期",
                            o.indicator + " stands at " + d + ", " + n + " days before the evaluation date " + e +
                                ", more than the " + max + " allowed: stale");
            }
        }
    }

    void gather() {
        std::vector<const observation*> used;
        for (const auto& n : needs()) {
            const std::string field = n.indicator + "." + std::string(to_string(n.which));
            const observation* o = obs_.find(n.indicator);
            if (o == nullptr) {
                add_problem(reason::missing_figure, field, "缺少" + field + "（该指标无观测数据）",
                            field + " is missing (no observation of the indicator)");
                continue;
            }
            if (std::find(used.begin(), used.end(), o) == used.end()) {
                used.push_back(o);
                check_dates(*o);
            }
            const auto& value = o->get(n.which);
            if (!value) {
                add_problem(reason::missing_figure, field, "缺少" + field, field + " is missing");
            } else if (!figure_valid(*value, t_.unit)) {
                const std::string text = value->to_string();
                if (t_.unit == plan::measure_unit::yuan)
                    add_problem(reason::invalid_figure, field, field + "=" + text + "：金额须精确到分（至多2位小数）",
                                field + " = " + text + ": an amount in yuan has at most 2 decimal places (分)");
                else
                    add_problem(reason::invalid_figure, field,
                                field + "=" + text + "：" + std::string(plan::chinese_word(t_.unit)) + "数须为整数",
                                field + " = " + text + ": a count of " + std::string(plan::to_string(t_.unit)) +
                                    " must be a whole number");
            }
        }
        for (const auto* o : used)
            if (!v_.figures_as_of || o->as_of < *v_.figures_as_of) v_.figures_as_of = o->as_of;
    }

    const money::decimal& fig(const std::string& indicator, figure f) const { return *obs_.find(indicator)->get(f); }

    bool require_positive(const std::string& indicator, figure f, const char* why_zh, const char* why_en) {
        const money::decimal& d = fig(indicator, f);
        if (!d.is_zero() && !d.is_negative()) return true;
        const std::string field = indicator + "." + std::string(to_string(f));
        const bool zero = d.is_zero();
        add_problem(zero ? reason::zero_baseline : reason::negative_baseline, field,
                    field + (zero ? "为零" : "为负数（" + d.to_string() + "）") + "，" + why_zh,
                    field + (zero ? " is zero" : " is negative (" + d.to_string() + ")") + ": " + why_en);
        return false;
    }

    rate_comparison rates(rate_kind kind, const big& vn, const big& vd, const big& rn, const big& rd) const {
        rate_comparison r;
        r.kind = kind;
        r.places = o_.growth_places;
        r.rounding = o_.growth_rounding;
        const rounded value = round_ratio(vn, vd, r.places, r.rounding);
        const rounded ref = round_ratio(rn, rd, r.places, r.rounding);
        const big diff = vn * rd - rn * vd;
        const rounded margin = round_ratio(diff, vd * rd, r.places, r.rounding);
        r.value = value.value;
        r.value_exact = value.exact;
        r.reference = ref.value;
        r.reference_exact = ref.exact;
        r.margin = margin.value;
        r.margin_exact = margin.exact;
        r.margin_sign = sign(diff);
        return r;
    }

    void decide(std::strong_ordering order) {
        v_.result = plan::satisfies(order, t_.op) ? status::met : status::not_met;
    }

    void compare_figures() {
        using b = plan::baseline_kind;
        const std::string& i = t_.indicator;
        switch (t_.baseline) {
            case b::fixed: {
                const auto& cur = fig(i, figure::current);
                const auto& thr = *t_.threshold;
                const int s = max_scale_of({cur, thr});
                const big c = scaled(cur, s), th = scaled(thr, s);
                v_.observed = cur;
                v_.threshold = thr;
                v_.margin = make_decimal(c - th, s);
                decide(compare(c, th));
                break;
            }
            case b::year_start: {
                const auto& cur = fig(i, figure::current);
                const auto& ys = fig(i, figure::year_start);
                const int s = max_scale_of({cur, ys});
                const big c = scaled(cur, s), y = scaled(ys, s);
                v_.observed = cur;
                v_.threshold = ys;
                v_.margin = make_decimal(c - y, s);
                if (y > 0 && t_.unit != plan::measure_unit::percent) v_.rates = rates(rate_kind::growth, c - y, y, 0, 1);
                decide(compare(c, y));
                break;
            }
            case b::prior_year_total: {
                if (!require_positive(i, figure::prior_year_total, "无法计算较上年的增速",
                                      "the growth on the prior year is undefined"))
                    return;
                const auto& cur = fig(i, figure::current);
                const auto& total = fig(i, figure::prior_year_total);
                const auto& factor = *t_.factor;
                const int rs = factor.scale() + total.scale();
                const big required_r = to_big(factor.coefficient()) * to_big(total.coefficient());
                const int s = std::max(cur.scale(), rs);
                const big c = scaled(cur, s), req = required_r * pow10(s - rs), tot = scaled(total, s);
                v_.observed = cur;
                v_.threshold = make_decimal(required_r, rs);
                v_.margin = make_decimal(c - req, s);
                // growth (c − tot)/tot against factor − 1
                const big f = scaled(factor, factor.scale());
                const big one = pow10(factor.scale());
                v_.rates = rates(rate_kind::growth, c - tot, tot, f - one, one);
                decide(compare(c, req));
                break;
            }
            case b::peer_growth: {
                const std::string& r = *t_.reference_indicator;
                const bool ok1 = require_positive(i, figure::year_start, "无法计算增速", "the growth rate is undefined");
                const bool ok2 = require_positive(r, figure::year_start, "无法计算增速", "the growth rate is undefined");
                if (!ok1 || !ok2) return;
                const auto &cur = fig(i, figure::current), &ys = fig(i, figure::year_start);
                const auto &rcur = fig(r, figure::current), &rys = fig(r, figure::year_start);
                const int s = max_scale_of({cur, ys, rcur, rys});
                const big c = scaled(cur, s), y = scaled(ys, s), rc = scaled(rcur, s), ry = scaled(rys, s);
                v_.observed = cur;
                v_.rates = rates(rate_kind::growth, c - y, y, rc - ry, ry);
                decide(compare((c - y) * ry, (rc - ry) * y));
                break;
            }
            case b::share_growth: {
                const std::string& r = *t_.reference_indicator;
                const bool ok1 = require_positive(r, figure::year_start, "无法计算占比", "the share is undefined");
                const bool ok2 = require_positive(r, figure::current, "无法计算占比", "the share is undefined");
                if (!ok1 || !ok2) return;
                const auto &cur = fig(i, figure::current), &ys = fig(i, figure::year_start);
                const auto &rcur = fig(r, figure::current), &rys = fig(r, figure::year_start);
                const int s = max_scale_of({cur, ys, rcur, rys});
                const big c = scaled(cur, s), y = scaled(ys, s), rc = scaled(rcur, s), ry = scaled(rys, s);
                v_.observed = cur;
                v_.rates = rates(rate_kind::share, c, rc, y, ry);
                decide(compare(c * ry, y * rc));
                break;
            }
        }
    }

    // ---- explanations ------------------------------------------------------

    // A Chinese explanation writes its amounts in the unit the target is
    // stated in (250亿元, 901.3亿元, as the report's tables show them) when
    // every amount it quotes takes at most 4 decimals there, else all in 元
    // to the 分 (差额-0.01元): one unit per explanation, so that its figures
    // compare at a glance. The decimal point only moves: each stays exact.
    // English keeps 元.
    std::optional<figure_unit> quoting_unit() const {
        const figure_unit u = stated_unit(t_);
        if (t_.unit != plan::measure_unit::yuan || u.exponent == 0) return std::nullopt;
        std::vector<money::decimal> quoted;
        for (const auto* d : {&v_.observed, &v_.threshold, &v_.margin})
            if (*d) quoted.push_back(**d);
        for (const auto* indicator : {&t_.indicator, t_.reference_indicator ? &*t_.reference_indicator : nullptr})
            if (indicator != nullptr)
                if (const observation* o = obs_.find(*indicator))
                    for (const figure f : {figure::year_start, figure::current, figure::prior_year_total})
                        if (const auto& d = o->get(f)) quoted.push_back(*d);
        const bool fits = std::all_of(quoted.begin(), quoted.end(), [&](const money::decimal& d) { return in_unit(d, u).scale() <= 4; });
        return fits ? std::optional(u) : std::nullopt;
    }
    std::string zh(const money::decimal& d) const {
        if (!quoting_unit_) return amount_zh(d, t_.unit);
        return in_unit(d, *quoting_unit_).to_string() + std::string(quoting_unit_->word);
    }
    std::string zh_margin(const money::decimal& d) const {
        return quoting_unit_ ? signed_text(zh(d), sign_of(d)) : margin_zh(d, t_.unit);
    }
    std::string en(const money::decimal& d) const { return amount_en(d, t_.unit); }

    std::string rounding_note_zh() const {
        return "（" + std::string(v_.rates->kind == rate_kind::share ? "占比" : "增速") + "按" +
               std::to_string(o_.growth_places) + "位小数" + std::string(money::rounding_zh(o_.growth_rounding)) +
               "显示，判定按精确值交叉相乘比较）";
    }
    std::string rounding_note_en() const {
        return " (" + std::string(v_.rates->kind == rate_kind::share ? "shares" : "rates") + " shown rounded " +
               std::string(money::to_string(o_.growth_rounding)) + " to " + std::to_string(o_.growth_places) +
               " decimal places of the fraction; the verdict compares the exact values, cross-multiplied)";
    }

    void explain() {
        quoting_unit_ = quoting_unit();
        const std::string head_zh = "【" + t_.clause + "】“" + t_.text + "”";
        const std::string head_en = "[" + t_.clause + "] “" + t_.text + "”";
        std::string zh_body;
        std::string en_body;
        if (v_.result == status::not_assessable) {
            std::string zs;
            std::string es;
            for (const auto& p : v_.problems) {
                zs += (zs.empty() ? "" : "；") + p.message_zh;
                es += (es.empty() ? "" : "; ") + p.message_en;
            }
            zh_body = "。暂无法评估：" + zs + "。";
            en_body = ". Not assessable: " + es + ".";
        } else {
            const bilingual c = comparator_phrase(t_);
            const std::string asof = dates::to_string(*v_.figures_as_of);
            const std::string& i = t_.indicator;
            // The Chinese text names an indicator in the plan's words where it gives them.
            auto in_words = [](const std::string& name, const std::string& id) -> const std::string& {
                return name.empty() ? id : name;
            };
            const std::string& i_zh = in_words(t_.indicator_name, i);
            const std::string sz = std::string(chinese_word(v_.result, v_.provisional));
            const std::string se = v_.result == status::met ? "met" : "not met";
            using b = plan::baseline_kind;
            switch (t_.baseline) {
                case b::fixed:
                    zh_body = "。截至" + asof + "，" + i_zh + "为" + zh(*v_.observed) + "，目标为" +
                              zh(*v_.threshold) + "；" + c.zh + "；差额" + zh_margin(*v_.margin) + "，" + sz + "。";
                    en_body = ". As of " + asof + ", " + i + " is " + en(*v_.observed) + " against the threshold of " +
                              en(*v_.threshold) + "; " + c.en + "; margin " + margin_en(*v_.margin, t_.unit) + ": " +
                              se + ".";
                    break;
                case b::year_start: {
                    std::string gz;
                    std::string ge;
                    if (v_.rates) {
                        gz = "（较年初" + change_zh(v_.rates->value) + "）";
                        ge = " (growth " + percent_text(v_.rates->value) + ")";
                    }
                    zh_body = "。截至" + asof + "，" + i_zh + "为" + zh(*v_.observed) + "，年初为" +
                              zh(*v_.threshold) + gz + "；" + c.zh + "；较年初" + zh_margin(*v_.margin) + "，" + sz + "。";
                    en_body = ". As of " + asof + ", " + i + " is " + en(*v_.observed) + " against " +
                              en(*v_.threshold) + " at the start of the year" + ge + "; " + c.en + "; change " +
                              margin_en(*v_.margin, t_.unit) + ": " + se + ".";
                    break;
                }
                case b::prior_year_total: {
                    const auto& total = fig(i, figure::prior_year_total);
                    const std::string year = std::to_string(static_cast<int>(t_.due.year()) - 1);
                    const std::string f = t_.factor->normalized().to_string();
                    const auto& r = *v_.rates;
                    zh_body = "。截至" + asof + "，" + i_zh + "为" + zh(*v_.observed) + "；" + year + "年合计" +
                              zh(total) + "，须达到" + zh(total) + "×" + f + "=" + zh(*v_.threshold) + "；" +
                              c.zh + "；差额" + zh_margin(*v_.margin) + "；较" + year + "年" +
                              change_zh(r.value) + "，要求" + percent_text(r.reference) + "，增速差" +
                              points_text(r.margin, r.margin_sign) + "个百分点，" + sz + "。" + rounding_note_zh();
                    en_body = ". As of " + asof + ", " + i + " is " + en(*v_.observed) + "; the " + year +
                              " total was " + en(total) + ", so " + figure_text(total, t_.unit) + " × " + f + " = " +
                              en(*v_.threshold) + " is required; " + c.en + "; margin " +
                              margin_en(*v_.margin, t_.unit) + "; growth on " + year + " " + percent_text(r.value) +
                              " against " + percent_text(r.reference) + " required, difference " +
                              points_text(r.margin, r.margin_sign) + " percentage points: " + se + "." +
                              rounding_note_en();
                    break;
                }
                case b::peer_growth: {
                    const std::string& ref = *t_.reference_indicator;
                    const std::string& ref_zh = in_words(t_.reference_indicator_name, ref);
                    const auto& r = *v_.rates;
                    zh_body = "。截至" + asof + "，" + i_zh + "由年初" + zh(fig(i, figure::year_start)) + "变为" +
                              zh(fig(i, figure::current)) + "，增速" + percent_text(r.value) + "；" + ref_zh +
                              "由年初" + zh(fig(ref, figure::year_start)) + "变为" + zh(fig(ref, figure::current)) +
                              "，增速" + percent_text(r.reference) + "；" + c.zh + "；增速差" +
                              points_text(r.margin, r.margin_sign) + "个百分点，" + sz + "。" + rounding_note_zh();
                    en_body = ". As of " + asof + ", " + i + " went from " + en(fig(i, figure::year_start)) +
                              " at the start of the year to " + en(fig(i, figure::current)) + ", growth " +
                              percent_text(r.value) + "; " + ref + " went from " + en(fig(ref, figure::year_start)) +
                              " to " + en(fig(ref, figure::current)) + ", growth " + percent_text(r.reference) +
                              "; " + c.en + "; difference " + points_text(r.margin, r.margin_sign) +
                              " percentage points: " + se + "." + rounding_note_en();
                    break;
                }
                case b::share_growth: {
                    const std::string& ref = *t_.reference_indicator;
                    const std::string& ref_zh = in_words(t_.reference_indicator_name, ref);
                    const auto& r = *v_.rates;
                    zh_body = "。截至" + asof + "，" + i_zh + "在" + ref_zh + "中的占比由年初" +
                              percent_text(r.reference) + "（" + zh(fig(i, figure::year_start)) + "/" +
                              zh(fig(ref, figure::year_start)) + "）变为" + percent_text(r.value) + "（" +
                              zh(fig(i, figure::current)) + "/" + zh(fig(ref, figure::current)) + "）；" + c.zh + "；占比变化" +
                              points_text(r.margin, r.margin_sign) + "个百分点，" + sz + "。" + rounding_note_zh();
                    en_body = ". As of " + asof + ", the share of " + i + " in " + ref + " went from " +
                              percent_text(r.reference) + " (" + en(fig(i, figure::year_start)) + " / " +
                              en(fig(ref, figure::year_start)) + ") at the start of the year to " +
                              percent_text(r.value) + " (" + en(fig(i, figure::current)) + " / " +
                              en(fig(ref, figure::current)) + "); " + c.en + "; change " +
                              points_text(r.margin, r.margin_sign) + " percentage points: " + se + "." +
                              rounding_note_en();
                    break;
                }
            }
        }
        if (t_.qualitative) {
            zh_body += "（定性目标：方案未给出具体数值，本评估按比较基数解读）";
            en_body += " (Qualitative target: the plan sets no figure; this verdict compares with the baseline.)";
        }
        if (v_.provisional) {
            zh_body += "（进度评估：评估时点" + dates::to_string(v_.evaluated_at) + "早于目标期限" +
                       dates::to_string(t_.due) + "）";
            en_body += " (Progress check: evaluated at " + dates::to_string(v_.evaluated_at) +
                       ", before the due date " + dates::to_string(t_.due) + ".)";
        }
        if (!t_.note.empty()) en_body += " Note: " + t_.note + ".";
        v_.explanation_zh = head_zh + zh_body;
        v_.explanation_en = head_en + en_body;
    }

    const plan::target& t_;
    const observations& obs_;
    const assessment& o_;
    verdict v_;
    /// The unit a Chinese explanation quotes its amounts in, when not 元 (quoting_unit()).
    std::optional<figure_unit> quoting_unit_;
};

inline assessment resolve(const observations& obs, const assess_options& options) {
    assessment a;
    a.as_of = options.as_of.value_or(obs.as_of());
    if (a.as_of.is_special()) throw validation_error("as_of", "", "not a calendar date (a special Boost value)");
    if (options.max_staleness_days < 0)
        throw validation_error("max_staleness_days", std::to_string(options.max_staleness_days),
                               "must not be negative");
    if (options.growth_places < 0 || options.growth_places > 18)
        throw validation_error("growth_places", std::to_string(options.growth_places), "must be between 0 and 18");
    a.max_staleness_days = options.max_staleness_days;
    a.growth_places = options.growth_places;
    a.growth_rounding = options.growth_rounding;
    return a;
}

inline group_verdict make_group(const std::string& name, const std::vector<const verdict*>& members) {
    group_verdict g;
    g.group = name;
    bool all_met = true;
    bool any_not_met = false;
    std::string ids_en;
    std::string each_zh;
    std::string each_en;
    for (const verdict* v : members) {
        g.targets.push_back(v->target_id);
        all_met = all_met && v->result == status::met;
        any_not_met = any_not_met || v->result == status::not_met;
        ids_en += (ids_en.empty() ? "" : ", ") + v->target_id;
        // Chinese quotes each target in the plan's words, as its own explanation does.
        each_zh += std::string(each_zh.empty() ? "" : "；") + "“" + v->text + "”" + std::string(chinese_word(v->result));
        std::string word(to_string(v->result));
        std::replace(word.begin(), word.end(), '_', ' ');
        each_en += (each_en.empty() ? "" : "; ") + v->target_id + " " + word;
    }
    g.result = any_not_met ? status::not_met : (all_met ? status::met : status::not_assessable);
    std::string word(to_string(g.result));
    std::replace(word.begin(), word.end(), '_', ' ');
    g.explanation_zh = "“" + name + "”须各项均达成：" + each_zh + "；合计" + std::string(chinese_word(g.result)) + "。";
    g.explanation_en = "“" + name + "” (" + ids_en + ") is met only if every target in it is met: " + each_en +
                       "; together: " + word + ".";
    return g;
}

/// `t` with the names of its indicators filled in from the plan where `t`
/// gives none: one indicator has one name in a plan (validate), given by
/// any target that uses it.
inline plan::target named_in(const plan::plan& p, plan::target t) {
    if (t.indicator_name.empty()) t.indicator_name = plan::indicator_name(p, t.indicator);
    if (t.reference_indicator && t.reference_indicator_name.empty())
        t.reference_indicator_name = plan::indicator_name(p, *t.reference_indicator);
    return t;
}

/// One target's verdict. The arithmetic's overflow_error knows no field:
/// name the target's indicator and its current figure (the figure the
/// target is about; a prior-year figure or baseline may be the larger one).
inline verdict run_target(const plan::target& t, const observations& obs, const assessment& a) {
    try {
        return target_assessor(t, obs, a).run();
    } catch (const overflow_error& e) {
        if (!e.field().empty()) throw;
        const observation* o = obs.find(t.indicator);
        throw overflow_error(t.indicator, o != nullptr && o->current ? o->current->to_string() : std::string(),
                             "the figures of target " + t.id + " are beyond the exact range (" + e.detail() + ")");
    }
}

}  // namespace detail

/// The verdict on one target of a plan (see assess()).
inline verdict assess_target(const plan::target& t, const observations& obs, const assess_options& options = {}) {
    const assessment a = detail::resolve(obs, options);
    return detail::run_target(t, obs, a);
}

/// The verdicts on every target of `p`, in plan order, and on every group of
/// targets ("两增"). Throws validation_error for options out of range, and
/// overflow_error naming the indicator when figures are so large that the
/// exact arithmetic would leave 128 bits; every other problem with the
/// figures is a not_assessable verdict, not an exception.
inline assessment assess(const plan::plan& p, const observations& obs, const assess_options& options = {}) {
    assessment a = detail::resolve(obs, options);
    for (const auto& t : p.targets) a.verdicts.push_back(detail::run_target(detail::named_in(p, t), obs, a));

    std::vector<std::string> names;
    for (const auto& t : p.targets)
        if (t.group && std::find(names.begin(), names.end(), *t.group) == names.end()) names.push_back(*t.group);
    for (const auto& name : names) {
        std::vector<const verdict*> members;
        for (const auto& v : a.verdicts)
            if (v.group == name) members.push_back(&v);
        a.groups.push_back(detail::make_group(name, members));
    }

    for (const auto& v : a.verdicts) {
        ++a.summary.total;
        if (v.provisional) ++a.summary.provisional;
        switch (v.result) {
            case status::met: ++a.summary.met; break;
            case status::not_met: ++(v.provisional ? a.summary.not_yet_met : a.summary.not_met); break;
            case status::not_assessable: ++a.summary.not_assessable; break;
        }
    }
    for (const auto& o : obs.items()) {
        const bool used = std::any_of(p.targets.begin(), p.targets.end(), [&](const plan::target& t) {
            return t.indicator == o.indicator || t.reference_indicator == o.indicator;
        });
        if (!used) a.unused_indicators.push_back(o.indicator);
    }
    return a;
}

}  // namespace zjcredit::assess

#endif
