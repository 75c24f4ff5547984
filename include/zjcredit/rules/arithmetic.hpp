// A paid subsidy's arithmetic in one line, for the 说明 column of a table of
// results: "积数 91000000.00 × 1% ÷ 360 = 2527.777… 元，四舍五入到分为
// 2527.78 元" — the receipt's "unrounded" and "rounding" steps, said at
// once. Written from what the kernel recorded (subsidy_trace), whether the
// loan came one at a time or in a batch.
#ifndef ZJCREDIT_RULES_ARITHMETIC_HPP
#define ZJCREDIT_RULES_ARITHMETIC_HPP

#include <zjcredit/dates/day_count.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/rules/first_loan_subsidy.hpp>
#include <zjcredit/rules/receipt.hpp>

#include <algorithm>
#include <string>

namespace zjcredit::rules {

namespace detail {

/// An unrounded value for a one-line sum: exact, without trailing zeros
/// ("500.005"), or cut to six decimals with "…" ("25277.777777…").
inline std::string short_decimal(const exact_value& v) {
    std::string d = v.decimal;
    const auto point = d.find('.');
    if (point == std::string::npos) return d;
    if (!v.decimal_exact) return d.substr(0, std::min(d.size(), point + 7)) + "…";
    while (d.back() == '0') d.pop_back();
    if (d.back() == '.') d.pop_back();
    return d;
}

}  // namespace detail

struct arithmetic_line {
    std::string zh;
    std::string en;
};

/// The line of an eligible loan whose kernel run recorded `trace` and paid
/// `paid` (after any cap on the total, which the line then names).
/// `trace` is what the kernel recorded (detail::subsidy_trace).
inline arithmetic_line subsidy_arithmetic(const detail::subsidy_trace& trace, const plan::first_loan_subsidy_parameters& params,
                                          money::amount paid) {
    using money::detail::checked_mul;
    const auto basis = dates::denominator(params.basis);
    const money::int128 numerator = checked_mul<money::int128>(trace.sum, trace.rate_used, "subsidy numerator");
    const money::int128 denominator = checked_mul<money::int128>(money::rate::scale, basis, "subsidy denominator");
    const exact_value exact = detail::exact_yuan(numerator, denominator);
    const std::string value = detail::short_decimal(exact);
    const std::string sum = detail::fen_text(trace.sum);
    const std::string used = money::to_string(money::rate::from_units(trace.rate_used));
    const std::string rounded = money::to_string(money::amount::from_fen(trace.rounded_fen));
    const std::string head = sum + " × " + used;
    arithmetic_line out{"积数 " + head + " ÷ " + std::to_string(basis) + " = " + value + " 元，" +
                            detail::rounding_zh(params.rounding) + "到分为 " + rounded + " 元",
                        head + " / " + std::to_string(basis) + " = " + value + " yuan, rounded " +
                            detail::rounding_en(params.rounding) + " to the fen: " + rounded};
    if (paid.fen() != trace.rounded_fen) {
        out.zh += "，受上限所限付 " + money::to_string(paid) + " 元";
        out.en += ", capped: " + money::to_string(paid) + " paid";
    }
    return out;
}

}  // namespace zjcredit::rules

#endif
