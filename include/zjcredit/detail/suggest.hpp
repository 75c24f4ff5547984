// detail::did_you_mean: the known name nearest to a mistyped one, so that an
// error can say "did you mean sme_credit_loan_balance?".
#ifndef ZJCREDIT_DETAIL_SUGGEST_HPP
#define ZJCREDIT_DETAIL_SUGGEST_HPP

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::detail {

/// Levenshtein distance over bytes (ids are ASCII).
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}

/// " (did you mean X?)" for the candidate nearest to `name` when it is a near
/// miss — at most a third of the name's length away (2 edits for 6 letters),
/// or `name` is a part of it ("sme_credit" for "sme_credit_loan_balance") —
/// and "" otherwise. Ties go to the first candidate.
inline std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    const std::string* best = nullptr;
    std::size_t best_distance = 0;
    for (const auto& c : candidates) {
        if (c == name) continue;
        const std::size_t d = edit_distance(name, c);
        if (best == nullptr || d < best_distance) {
            best = &c;
            best_distance = d;
        }
    }
    if (best == nullptr) return "";
    const bool near = best_distance * 3 <= std::max<std::size_t>(name.size(), 3);
    if (near) return " (did you mean " + *best + "?)";
    if (name.size() >= 4)
        for (const auto& c : candidates)
            if (c.find(name) != std::string::npos) return " (did you mean " + c + "?)";
    return "";
}

}  // namespace zjcredit::detail

#endif
