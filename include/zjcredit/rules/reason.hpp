// rules::reason: why a rule paid nothing, or less than its formula gives —
// a stable machine code and a sentence in Chinese and in English — and the
// one table of reason codes (docs/records.md §7) that the rules, the batch's
// reason bits, the C header's ZJC_REASON_* constants and the Python binding
// all take from.
#ifndef ZJCREDIT_RULES_REASON_HPP
#define ZJCREDIT_RULES_REASON_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::rules {

/// One reason. `code` is stable (snake_case, listed in docs/records.md);
/// the messages name the values concerned and may change wording.
///
///     reason{"not_first_loan", "不是借款人的首次贷款", "not the borrower's first loan"}
struct reason {
    std::string code;        ///< the stable code, one of reason_table's: "not_first_loan"
    std::string message_zh;  ///< the sentence in Chinese, with the values concerned
    std::string message_en;  ///< the same sentence in English

    /// Field by field.
    friend bool operator==(const reason&, const reason&) = default;
};

/// The codes of `reasons`, in order (for tests and quick checks).
inline std::vector<std::string> codes(const std::vector<reason>& reasons) {
    std::vector<std::string> out;
    out.reserve(reasons.size());
    for (const auto& r : reasons) out.push_back(r.code);
    return out;
}

// ---- the table ---------------------------------------------------------------

/// A reason code as the table knows it: its bit in a batch's `reasons`
/// column (0 for the listing award's codes, which no batch reports) and a
/// sentence in each language that needs no values (a receipt's own
/// message names them; these serve a row of a batch, which has no receipt).
struct reason_info {
    std::string_view code;     ///< the stable code: "not_first_loan"
    std::uint32_t bit;         ///< its single bit in a batch's `reasons` (a ZJC_REASON_* value); 0 for none
    std::string_view text_zh;  ///< the sentence in Chinese, without values
    std::string_view text_en;  ///< the same sentence in English
};

/// Every reason code, in bit order, then the codes without a bit.
inline constexpr reason_info reason_table[] = {
    {"application_outside_window", 1U << 0, "首次申请贷款日期不在申请期内", "the first application is outside the application window"},
    {"borrower_kind_not_eligible", 1U << 1, "借款人类型不属于贴息对象", "the borrower kind is not eligible"},
    {"not_via_platform", 1U << 2, "未依托广东省中小企业融资平台申请", "did not apply via the Guangdong SME financing platform"},
    {"lender_not_local_legal_person", 1U << 3, "贷款机构不是地方法人金融机构", "the lender is not a local legal-person financial institution"},
    {"not_first_loan", 1U << 4, "不是借款人的首次贷款", "this is not the borrower's first loan"},
    {"per_borrower_cap_applied", 1U << 5, "贴息超过单户贴息上限，按上限支付", "the subsidy exceeds the per-borrower cap and is paid up to it"},
    {"budget_cap_applied", 1U << 6, "金额超过预算，按预算支付", "the amount exceeds the budget and is paid up to it"},
    {"financing_not_confirmed", 1U << 8, "有融资未在中征应收账款融资服务平台确认", "a financing is not confirmed on the receivables financing platform"},
    {"financing_outside_window", 1U << 9, "有融资的起始日不在融资期内", "a financing starts outside the financing window"},
    {"financing_straddles_window_end", 1U << 10, "有融资跨越融资期末，不予计算", "a financing straddles the window end and is not counted"},
    {"financing_days_truncated", 1U << 11, "有融资跨越融资期末，天数计至期末", "a financing straddles the window end and is counted up to it"},
    {"no_eligible_financing", 1U << 12, "没有符合条件的融资", "no financing is eligible"},
    {"per_enterprise_cap_applied", 1U << 13, "奖励超过单户奖励上限，按上限支付", "the reward exceeds the per-enterprise cap and is paid up to it"},
    {"stage_already_paid", 0, "该阶段已在此前支付", "the stage was paid by an earlier claim"},
    {"stage_repeated", 0, "该阶段在本次申报中重复出现", "the stage appears again in this claim"},
    {"total_cap_reached", 0, "奖励已达累计上限", "the award was cut by the total cap"},
    {"no_stage_claimed", 0, "未申报任何阶段", "the claim lists no stage"},
    {"stage_table_placeholder", 0, "奖励阶段表为占位数据", "the stage table is a placeholder"},
};

/// The number of codes; reason_index() gives it for a code not in the table.
inline constexpr std::size_t reason_count = sizeof(reason_table) / sizeof(reason_table[0]);

/// The position of `code` in the table, reason_count for none. (An index,
/// not a pointer: GCC's AddressSanitizer makes the comparison of a global's
/// address with null no constant expression.)
constexpr std::size_t reason_index(std::string_view code) noexcept {
    for (std::size_t i = 0; i < reason_count; ++i)
        if (reason_table[i].code == code) return i;
    return reason_count;
}

/// The table's entry for `code`, nullptr for a code not in the table.
constexpr const reason_info* find_reason(std::string_view code) noexcept {
    const std::size_t i = reason_index(code);
    return i == reason_count ? nullptr : &reason_table[i];
}

/// The bit of a code of the table (0 for a code without a bit). Use as
/// `reason_bit_of("not_first_loan")` in a constant expression: an unknown
/// code does not compile.
consteval std::uint32_t reason_bit_of(std::string_view code) {
    const std::size_t i = reason_index(code);
    if (i == reason_count) throw "unknown reason code";  // not a constant expression: the build fails here
    return reason_table[i].bit;
}

/// The bit of a code at run time, 0 for a code without a bit or unknown.
constexpr std::uint32_t reason_bit(std::string_view code) noexcept {
    const std::size_t i = reason_index(code);
    return i == reason_count ? 0 : reason_table[i].bit;
}

/// The entry of a single bit, nullptr for none.
constexpr const reason_info* reason_of_bit(std::uint32_t bit) noexcept {
    if (bit == 0) return nullptr;
    for (const auto& r : reason_table)
        if (r.bit == bit) return &r;
    return nullptr;
}

/// The bits of a result's reasons.
inline std::uint32_t reason_bits(const std::vector<reason>& reasons) noexcept {
    std::uint32_t bits = 0;
    for (const auto& r : reasons) bits |= reason_bit(r.code);
    return bits;
}

/// The table's sentences for every bit of `bits`, in bit order, joined with
/// `separator` ("；" for Chinese, "; " for English): what a batch row says.
inline std::string reason_texts(std::uint32_t bits, bool chinese, std::string_view separator) {
    std::string out;
    for (const auto& r : reason_table) {
        if (r.bit == 0 || (bits & r.bit) == 0) continue;
        if (!out.empty()) out += separator;
        out += chinese ? r.text_zh : r.text_en;
    }
    return out;
}

}  // namespace zjcredit::rules

#endif
