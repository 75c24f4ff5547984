// Rows sorted by a text column in byte order, the first 16 bytes of each text
// held next to its row: most comparisons (credit codes differ within their
// first 16 characters) are two integer compares, without following each
// string_view to its characters elsewhere in memory.
#ifndef ZJCREDIT_SRC_SCREEN_SORT_ROWS_HPP
#define ZJCREDIT_SRC_SCREEN_SORT_ROWS_HPP

#include "large_arrays.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace zjcredit::screen {

/// Sorts `rows` by text[row] (byte order), then by row.
inline void sort_rows_by_text(std::vector<std::size_t>& rows, std::span<const std::string_view> text) {
    struct keyed {
        std::uint64_t high, low;  ///< bytes 0–7 and 8–15, big-endian, 0 past the end
        std::size_t row;
    };
    // Zero padding keeps byte order: where two padded prefixes differ, either
    // both have a byte there or the shorter text is a prefix of the longer.
    // Equal prefixes are decided by the whole texts.
    const auto word = [](std::string_view s, std::size_t from) {
        std::uint64_t w = 0;
        for (std::size_t k = from; k < from + 8; ++k)
            w = w << 8 | (k < s.size() ? static_cast<std::uint64_t>(static_cast<unsigned char>(s[k])) : 0U);
        return w;
    };
    std::vector<keyed> keys;
    keys.reserve(rows.size());
    advise_huge_pages(keys.data(), rows.size() * sizeof(keyed));
    for (std::size_t row : rows) keys.push_back({word(text[row], 0), word(text[row], 8), row});
    std::sort(keys.begin(), keys.end(), [&](const keyed& a, const keyed& b) {
        if (a.high != b.high) return a.high < b.high;
        if (a.low != b.low) return a.low < b.low;
        if (const int c = text[a.row].compare(text[b.row]); c != 0) return c < 0;
        return a.row < b.row;
    });
    for (std::size_t k = 0; k < rows.size(); ++k) rows[k] = keys[k].row;
}

}  // namespace zjcredit::screen

#endif
