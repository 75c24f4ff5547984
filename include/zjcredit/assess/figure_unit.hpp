// assess::figure_unit: the unit a figure is written in (亿元, 万元, 元, 户, 家,
// 场) — a counting unit and a power of ten — and the unit a target is stated
// in, so that a sheet kept in 亿元 is read as such only when it says so, and a
// 250亿元 target is reported in 亿元. Conversions shift the decimal point:
// they are exact and never round.
#ifndef ZJCREDIT_ASSESS_FIGURE_UNIT_HPP
#define ZJCREDIT_ASSESS_FIGURE_UNIT_HPP

#include <zjcredit/error.hpp>
#include <zjcredit/money/decimal.hpp>
#include <zjcredit/plan/target.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::assess {

/// A unit of figures: `base` × 10^exponent (亿元 is 元 × 10^8).
struct figure_unit {
    plan::measure_unit base = plan::measure_unit::yuan;  ///< 元, 户, 家, 场 or %
    int exponent = 0;  ///< power of ten of the base: 8 for 亿元, 4 for 万元
    std::string_view word = "元";  ///< as the bureau writes it: "亿元"

    /// Field by field.
    friend bool operator==(const figure_unit&, const figure_unit&) = default;
};

/// Every unit a header "(亿元)", an observation's "unit" or --unit may name.
inline constexpr std::array<figure_unit, 7> figure_units = {{
    {plan::measure_unit::yuan, 0, "元"},
    {plan::measure_unit::yuan, 4, "万元"},
    {plan::measure_unit::yuan, 8, "亿元"},
    {plan::measure_unit::borrowers, 0, "户"},
    {plan::measure_unit::companies, 0, "家"},
    {plan::measure_unit::events, 0, "场"},
    {plan::measure_unit::percent, 0, "%"},
}};

/// The unit called `word` ("亿元"; the bare 亿 and 万 of a header mean 亿元
/// and 万元), or nullopt.
inline std::optional<figure_unit> figure_unit_named(std::string_view word) {
    if (word == "亿") word = "亿元";
    if (word == "万") word = "万元";
    for (const auto& u : figure_units)
        if (u.word == word) return u;
    return std::nullopt;
}

/// The names figure_unit_named() knows, for error messages: "元, 万元, …".
inline std::string figure_unit_names() {
    std::string out;
    for (const auto& u : figure_units) out += (out.empty() ? "" : ", ") + std::string(u.word);
    return out;
}

/// The exponent used for amounts when the target's text names no unit
/// (增加, 增速): 亿元, the unit in which the plan states every amount it
/// gives (250亿元, 2.2亿元, 8亿元, 5亿元). A zjcredit default, not the plan's.
inline constexpr int default_amount_exponent = 8;

/// `d` (in the base unit) written in `u`: 90130000000.00 元 → 901.3 亿元.
/// Exact (the decimal point moves); trailing zeros dropped.
inline money::decimal in_unit(const money::decimal& d, const figure_unit& u) {
    money::decimal n = d.normalized();
    if (u.exponent == 0) return n;
    int scale = n.scale() + u.exponent;
    money::int128 c = n.coefficient();
    // Only far-fetched figures (finer than 10^-10 元) leave the decimal's scale.
    while (scale > money::decimal::max_scale && c % 10 == 0) {
        c /= 10;
        --scale;
    }
    return money::decimal(c, scale).normalized();
}

/// The unit the target is stated in: for a fixed threshold, the amount unit
/// in which the text writes that threshold (250亿元 → 亿元; a text that writes
/// 2.2亿元 → 亿元, 1000万元 → 万元, 500元 → 元), found by writing the exact
/// threshold in each unit and looking for it in the text; otherwise, and for
/// an amount the text states no figure of (增加, 增速), 亿元
/// (default_amount_exponent). Counts keep their word (户, 家, 场); a percent
/// indicator %.
inline figure_unit stated_unit(std::string_view text, plan::measure_unit unit,
                               const std::optional<money::decimal>& fixed_threshold) {
    if (unit != plan::measure_unit::yuan) {
        for (const auto& u : figure_units)
            if (u.base == unit) return u;
    }
    if (fixed_threshold)
        for (const std::size_t i : {std::size_t{2}, std::size_t{1}, std::size_t{0}}) {
            const figure_unit& u = figure_units[i];
            if (text.find(in_unit(*fixed_threshold, u).to_string() + std::string(u.word)) != std::string_view::npos)
                return u;
        }
    return figure_units[2];  // default_amount_exponent
}

/// The unit target `t` is stated in: stated_unit() of its text, its unit and,
/// for a fixed baseline, its threshold.
inline figure_unit stated_unit(const plan::target& t) {
    return stated_unit(t.text, t.unit, t.baseline == plan::baseline_kind::fixed ? t.threshold : std::nullopt);
}

/// `d` written in `u` brought to the base unit: 251.6 亿元 → 25160000000 元.
/// Throws overflow_error naming `field` when it does not fit.
inline money::decimal from_unit(const money::decimal& d, const figure_unit& u, const std::string& field) {
    if (u.exponent == 0) return d;
    if (d.scale() >= u.exponent) return money::decimal(d.coefficient(), d.scale() - u.exponent).normalized();
    try {
        return money::decimal(money::decimal(d.coefficient(), 0).coefficient_at(u.exponent - d.scale()), 0);
    } catch (const overflow_error&) {
        throw overflow_error(field, d.to_string(), "the figure in " + std::string(u.word) + " is too large");
    }
}

}  // namespace zjcredit::assess

#endif
