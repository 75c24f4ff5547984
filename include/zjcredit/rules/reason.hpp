// rules::reason: why a rule paid nothing, or less than its formula gives —
// a stable machine code and a sentence in Chinese and in English.
#ifndef ZJCREDIT_RULES_REASON_HPP
#define ZJCREDIT_RULES_REASON_HPP

#include <string>
#include <vector>

namespace zjcredit::rules {

/// One reason. `code` is stable (snake_case, listed in docs/records.md);
/// the messages name the values concerned and may change wording.
///
///     reason{"not_first_loan", "不是借款人的首次贷款", "not the borrower's first loan"}
struct reason {
    std::string code;
    std::string message_zh;
    std::string message_en;

    friend bool operator==(const reason&, const reason&) = default;
};

/// The codes of `reasons`, in order (for tests and quick checks).
inline std::vector<std::string> codes(const std::vector<reason>& reasons) {
    std::vector<std::string> out;
    out.reserve(reasons.size());
    for (const auto& r : reasons) out.push_back(r.code);
    return out;
}

}  // namespace zjcredit::rules

#endif
