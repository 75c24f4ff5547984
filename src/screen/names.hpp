// Borrower names compared as the same company's name typed on two keyboards:
// the full-width forms of ASCII characters (（ ） ， ． Ａ １, U+FF01..U+FF5E)
// read as those characters, the ideographic space (U+3000) as a space, and
// spaces ignored. So "广东蓝海贸易（湛江）有限公司" and "广东蓝海贸易(湛江)有限公司"
// are one name — registers write the brackets full-width, many bank systems
// half-width — and not a borrower_name_differs that would hold the borrower.
// Nothing else is folded: two names that differ in any other character are
// two names, for the bureau to review.
#ifndef ZJCREDIT_SRC_SCREEN_NAMES_HPP
#define ZJCREDIT_SRC_SCREEN_NAMES_HPP

#include <string>
#include <string_view>

namespace zjcredit::screen {

/// `name` with full-width ASCII forms as ASCII and without spaces (ASCII or
/// ideographic). Other bytes, valid UTF-8 or not, are kept as they are.
inline std::string folded_name(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(name[k]); };
        if (i + 2 < name.size() && byte(i) == 0xEF && (byte(i + 1) == 0xBC || byte(i + 1) == 0xBD)) {
            // U+FF00..U+FF7F is EF BC 80..BF, EF BD 80..BF; U+FF01..U+FF5E map to U+0021..U+007E
            const unsigned code = 0xFF00U + (byte(i + 1) == 0xBD ? 0x40U : 0U) + (byte(i + 2) & 0x3FU);
            if ((byte(i + 2) & 0xC0U) == 0x80U && code >= 0xFF01U && code <= 0xFF5EU) {
                out.push_back(static_cast<char>(code - 0xFEE0U));  // '!'..'~': never a space
                i += 2;
                continue;
            }
        }
        if (i + 2 < name.size() && byte(i) == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) {  // U+3000
            i += 2;
            continue;
        }
        if (name[i] != ' ') out.push_back(name[i]);
    }
    return out;
}

/// Whether `a` and `b` name the same borrower (folded_name equal).
inline bool same_borrower_name(std::string_view a, std::string_view b) {
    return a == b || folded_name(a) == folded_name(b);
}

}  // namespace zjcredit::screen

#endif
