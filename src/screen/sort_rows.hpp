// Rows sorted by a text column in byte order, and cut into runs of equal
// texts: how the screen groups a million listings by borrower_id.
//
// Each text of at most 20 letters and digits (every 统一社会信用代码, most
// loan and registration numbers) is packed into two integers, 6 bits a
// character, in an order that is the texts' byte order: comparing and
// telling two such texts apart is then two integer compares, without
// following each string_view to its characters elsewhere in memory (a cache
// miss per row at this size). Other texts are compared as texts.
#ifndef ZJCREDIT_SRC_SCREEN_SORT_ROWS_HPP
#define ZJCREDIT_SRC_SCREEN_SORT_ROWS_HPP

#include "large_arrays.hpp"

#include <gsl/assert>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

namespace zjcredit::screen {

namespace detail {

/// A text packed exactly, or marked as not packable.
struct packed_text {
    std::uint64_t high = 0, low = 0;  ///< characters 0–9 and 10–19, 6 bits each, 0 past the end
    bool exact = false;               ///< the text is ≤ 20 characters of [0-9A-Za-z]: high/low are the text

    /// Characters map to 1..62 in byte order ('0' < 'A' < 'a'), 0 is past
    /// the end: so the shorter of two texts, one a prefix of the other, is first.
    static packed_text of(std::string_view s) noexcept {
        packed_text p;
        if (s.size() > 20) return p;
        for (std::size_t k = 0; k < 20; ++k) {
            std::uint64_t code = 0;
            if (k < s.size()) {
                const char c = s[k];
                if (c >= '0' && c <= '9') code = static_cast<std::uint64_t>(c - '0') + 1;
                else if (c >= 'A' && c <= 'Z') code = static_cast<std::uint64_t>(c - 'A') + 11;
                else if (c >= 'a' && c <= 'z') code = static_cast<std::uint64_t>(c - 'a') + 37;
                else return {};
            }
            (k < 10 ? p.high : p.low) = (k < 10 ? p.high : p.low) << 6 | code;
        }
        p.exact = true;
        return p;
    }

    /// The text again (exact only), written into `buffer`.
    std::string_view text(std::array<char, 20>& buffer) const noexcept {
        static constexpr std::string_view characters =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        std::size_t size = 0;
        for (std::size_t k = 0; k < 20; ++k) {
            const std::uint64_t code = (k < 10 ? high >> (6 * (9 - k)) : low >> (6 * (19 - k))) & 63U;
            if (code == 0) break;
            buffer[size++] = characters[code - 1];
        }
        return {buffer.data(), size};
    }
};

}  // namespace detail

/// A run of rows with equal texts.
struct text_run {
    std::size_t begin = 0;      ///< where it begins in the rows sorted; it ends where the next begins
    detail::packed_text key;    ///< its text, when packable
};

namespace detail {

/// A row and its text's key.
struct keyed_row {
    packed_text key;
    std::size_t row;
};

/// Sorts `keys` (all exact) by their packed texts, stably: rows that come
/// in order stay in order among equal texts. A least-significant-digit radix
/// sort, two characters (12 bits) a digit: ten passes at most, each a
/// sequential read and a scatter into 4096 places, and a pass whose digit is
/// the same for every key (the region part of a city's 统一社会信用代码, for
/// one) is skipped. A comparison sort of a million keys costs some twenty
/// comparisons per key, each a branch the processor cannot predict
/// (measured on the bench's 1,000,000 loans: the screen's grouping step took
/// 160–194 ms with std::sort, 111–120 ms with this).
inline void radix_sort(std::vector<keyed_row>& keys) {
    constexpr unsigned digit_bits = 12, digits_per_word = 5;
    constexpr std::size_t buckets = std::size_t{1} << digit_bits;
    const auto digit = [](const keyed_row& k, unsigned d) {  // d = 0 is the least significant
        const std::uint64_t word = d < digits_per_word ? k.key.low : k.key.high;
        return static_cast<std::size_t>(word >> (digit_bits * (d % digits_per_word)) & (buckets - 1));
    };
    std::vector<std::array<std::size_t, buckets>> counts(2 * digits_per_word);
    for (const keyed_row& k : keys)
        for (unsigned d = 0; d < 2 * digits_per_word; ++d) ++counts[d][digit(k, d)];
    std::vector<keyed_row> out = large_vector<keyed_row>(keys.size());
    for (unsigned d = 0; d < 2 * digits_per_word; ++d) {
        std::array<std::size_t, buckets>& place = counts[d];
        if (std::find(place.begin(), place.end(), keys.size()) != place.end()) continue;  // one digit for all
        std::size_t at = 0;
        for (std::size_t& c : place) at += std::exchange(c, at);
        for (const keyed_row& k : keys) out[place[digit(k, d)]++] = k;
        keys.swap(out);
    }
}

}  // namespace detail

/// Sorts `rows` by text[row] (byte order), then by row, and returns the runs
/// of equal texts, with one more run last that begins at rows.size(). `rows`
/// come in increasing order.
inline std::vector<text_run> sort_rows_into_runs(std::vector<std::size_t>& rows,
                                                 std::span<const std::string_view> text) {
    // Equal texts stay in the order they come (the radix sort is stable):
    // in row order, as the merge below and the callers expect.
    Expects(std::is_sorted(rows.begin(), rows.end()));
    using detail::keyed_row;
    std::vector<keyed_row> keys, others;  // packed texts; texts compared as texts
    keys.reserve(rows.size());
    advise_huge_pages(keys.data(), rows.size() * sizeof(keyed_row));
    for (std::size_t row : rows) {
        const detail::packed_text key = detail::packed_text::of(text[row]);
        (key.exact ? keys : others).push_back({key, row});
    }
    // Below, at or above 0 as the texts compare in byte order; packed texts by their integers.
    const auto compare = [&](const keyed_row& a, const keyed_row& b) {
        if (a.key.exact && b.key.exact) {
            if (a.key.high != b.key.high) return a.key.high < b.key.high ? -1 : 1;
            return a.key.low == b.key.low ? 0 : a.key.low < b.key.low ? -1 : 1;
        }
        return text[a.row].compare(text[b.row]);
    };
    const auto before = [&](const keyed_row& a, const keyed_row& b) {
        const int c = compare(a, b);
        return c != 0 ? c < 0 : a.row < b.row;
    };
    detail::radix_sort(keys);
    if (!others.empty()) {
        std::sort(others.begin(), others.end(), before);
        std::vector<keyed_row> all(rows.size());
        std::merge(keys.begin(), keys.end(), others.begin(), others.end(), all.begin(), before);
        keys.swap(all);
    }
    std::vector<text_run> runs;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        if (k == 0 || compare(keys[k - 1], keys[k]) != 0) runs.push_back({k, keys[k].key});
        rows[k] = keys[k].row;
    }
    runs.push_back({rows.size(), {}});
    return runs;
}

}  // namespace zjcredit::screen

#endif
