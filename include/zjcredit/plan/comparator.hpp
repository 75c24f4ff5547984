// Comparators of the plan's targets, kept with the Chinese word they came
// from, because the law decides whether the threshold itself counts
// (民法典 第一千二百五十九条: 以上、以下、以内、届满 include the number;
// 不满、超过、以外 exclude it).
#ifndef ZJCREDIT_PLAN_COMPARATOR_HPP
#define ZJCREDIT_PLAN_COMPARATOR_HPP

#include <compare>
#include <optional>
#include <string_view>

namespace zjcredit::plan {

/// The relation an observed figure must have to its threshold.
enum class comparator {
    at_least,   ///< ≥ : 以上, 不低于, 不少于, 达到, 届满, 增长 with a number
    more_than,  ///< > : 超过, 高于, and 增加/增长 with no number
    at_most,    ///< ≤ : 以下, 以内, 不超过, 不高于, 稳中有降
    less_than,  ///< < : 不满, 低于
};

/// Stable ASCII id, as the plan's JSON writes it: "at_least", "more_than", "at_most", "less_than".
constexpr std::string_view to_string(comparator c) noexcept {
    switch (c) {
        case comparator::at_least: return "at_least";
        case comparator::more_than: return "more_than";
        case comparator::at_most: return "at_most";
        case comparator::less_than: return "less_than";
    }
    return "at_least";
}

/// The comparator of a to_string() id; nullopt for any other text.
constexpr std::optional<comparator> comparator_from_string(std::string_view s) noexcept {
    if (s == "at_least") return comparator::at_least;
    if (s == "more_than") return comparator::more_than;
    if (s == "at_most") return comparator::at_most;
    if (s == "less_than") return comparator::less_than;
    return std::nullopt;
}

/// The mathematical symbol, for explanations: "≥", ">", "≤", "<".
constexpr std::string_view symbol(comparator c) noexcept {
    switch (c) {
        case comparator::at_least: return "≥";
        case comparator::more_than: return ">";
        case comparator::at_most: return "≤";
        case comparator::less_than: return "<";
    }
    return "≥";
}

/// Whether `order` (observed <=> threshold) satisfies `c`.
constexpr bool satisfies(std::strong_ordering order, comparator c) noexcept {
    switch (c) {
        case comparator::at_least: return order >= 0;
        case comparator::more_than: return order > 0;
        case comparator::at_most: return order <= 0;
        case comparator::less_than: return order < 0;
    }
    return false;
}

/// The comparator a legal word implies, or nullopt for a word outside the
/// legal set. `with_number` says whether the plan puts a number after the
/// word: "增长30%" means reaching the 30% counts (≥), while a bare "增加" or
/// "增长" means any increase, so equality does not count (>).
constexpr std::optional<comparator> comparator_from_word(std::string_view word,
                                                         bool with_number = false) noexcept {
    for (std::string_view w : {"以上", "不低于", "不少于", "达到", "届满"})
        if (word == w) return comparator::at_least;
    if (word == "增加" || word == "增长") return with_number ? comparator::at_least : comparator::more_than;
    if (word == "超过" || word == "高于") return comparator::more_than;
    for (std::string_view w : {"以下", "以内", "不超过", "不高于", "稳中有降"})
        if (word == w) return comparator::at_most;
    if (word == "不满" || word == "低于") return comparator::less_than;
    return std::nullopt;
}

}  // namespace zjcredit::plan

#endif
