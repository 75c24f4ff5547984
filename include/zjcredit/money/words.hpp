// Amounts in Chinese capital numerals (大写), following 会计基础工作规范
// 第五十二条: 1409.50 -> 壹仟肆佰零玖元伍角, 1005.05 -> 壹仟零伍元零伍分,
// 10.00 -> 壹拾元整, 100010000 -> 壹亿零壹万元整, 0.05 -> 伍分.
//
// Where the rule allows two forms, this is the one chosen:
// - a run of zeros inside the number is one 零 (1005 -> 壹仟零伍);
// - zeros at the end of a 4-digit group are carried by its unit, so no 零
//   follows 万/亿 when the next group starts in its thousands place
//   (107000.53 -> 壹拾万柒仟元零伍角叁分; the rule also allows 壹拾万零柒仟…);
// - when the 元 place is 0 and 角 is not, a 零 is written after 元
//   (1680.32 -> 壹仟陆佰捌拾元零叁角贰分);
// - 整 follows 元 when there are no 角 and 分. After 角 it is written only
//   when words_options::zheng_after_jiao is set: 第五十二条(三) asks for 整
//   after 角, but the usual worked example ￥1409.50 → 壹仟肆佰零玖元伍角
//   (as in the central bank's 《正确填写票据和结算凭证的基本规定》, where 整
//   after 角 is optional) leaves it out, and so do the plan's design notes.
//   Set the option for the strict form 壹仟肆佰零玖元伍角整;
// - the tens digit is always written: 10 -> 壹拾, 100000 -> 壹拾万.
// Negative amounts and amounts of 10^16 元 or more are refused (the rule
// has no form for either).
#ifndef ZJCREDIT_MONEY_WORDS_HPP
#define ZJCREDIT_MONEY_WORDS_HPP

#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/format.hpp>

#include <array>
#include <cstdint>
#include <string>

namespace zjcredit::money {

/// The choices to_words leaves to the caller; the defaults write 壹仟肆佰零玖元伍角.
struct words_options {
    bool prefix = false;            ///< start with "人民币"
    bool zheng_after_jiao = false;  ///< "伍角整" instead of "伍角"
};

/// Largest amount to_words accepts: 9999,9999,9999,9999.99 元.
inline constexpr std::int64_t max_words_fen = 999'999'999'999'999'999;

/// `a` in 大写 by the rules above (10.00 元 -> 壹拾元整). validation_error for a
/// negative amount, overflow_error above max_words_fen.
inline std::string to_words(amount a, const words_options& options = {}) {
    static constexpr std::array<const char*, 10> digit = {"零", "壹", "贰", "叁", "肆",
                                                          "伍", "陆", "柒", "捌", "玖"};
    static constexpr std::array<const char*, 4> place = {"", "拾", "佰", "仟"};
    if (a.is_negative())
        throw validation_error("amount", to_string(a), "大写 has no form for a negative amount");
    if (a.fen() > max_words_fen)
        throw overflow_error("amount", to_string(a), "大写 covers amounts below 10^16 元");

    const std::int64_t yuan = a.fen() / 100;
    const int jiao = static_cast<int>(a.fen() / 10 % 10);
    const int fen = static_cast<int>(a.fen() % 10);

    std::string out = options.prefix ? "人民币" : "";
    if (yuan > 0) {
        // Four-digit groups from the top: 万亿 (written "万" then "亿"), 亿, 万, 个.
        const std::int64_t groups[4] = {yuan / 1'000'000'000'000 % 10'000, yuan / 100'000'000 % 10'000,
                                        yuan / 10'000 % 10'000, yuan % 10'000};
        bool started = false;
        bool pending_zero = false;
        for (int g = 0; g < 4; ++g) {
            const std::int64_t v = groups[g];
            for (int p = 3; p >= 0; --p) {
                static constexpr std::int64_t pow[4] = {1, 10, 100, 1000};
                const int d = static_cast<int>(v / pow[p] % 10);
                if (d == 0) {
                    if (started) pending_zero = true;
                    continue;
                }
                if (pending_zero) out += "零";
                pending_zero = false;
                out += digit[static_cast<std::size_t>(d)];
                out += place[static_cast<std::size_t>(p)];
                started = true;
            }
            if (g == 0 && v != 0) {
                out += "万";
                if (groups[1] == 0) out += "亿";
                pending_zero = false;
            } else if (g == 1 && v != 0) {
                out += "亿";
                pending_zero = false;
            } else if (g == 2 && v != 0) {
                out += "万";
                pending_zero = false;
            }
        }
        out += "元";
        if (jiao == 0 && fen == 0) return out + "整";
        if (yuan % 10 == 0 && jiao != 0) out += "零";
    }
    if (a.fen() == 0) return out + "零元整";
    if (jiao != 0) {
        out += digit[static_cast<std::size_t>(jiao)];
        out += "角";
    } else if (yuan > 0) {
        out += "零";  // 1005.05 -> …元零伍分
    }
    if (fen != 0) {
        out += digit[static_cast<std::size_t>(fen)];
        out += "分";
    } else if (options.zheng_after_jiao) {
        out += "整";
    }
    return out;
}

}  // namespace zjcredit::money

#endif
