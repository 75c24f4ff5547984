// Rows grouped by a key (borrower_id; lender and loan_id) in one flat
// open-addressing table: one allocation for a million rows, where a node-based
// std::unordered_map allocates a node per key and hashes through a pointer.
#ifndef ZJCREDIT_SRC_SCREEN_ROW_TABLE_HPP
#define ZJCREDIT_SRC_SCREEN_ROW_TABLE_HPP

#include "large_arrays.hpp"

#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace zjcredit::screen {

/// `same(a, b)`: rows a and b have the same key; the caller gives each row's hash.
class row_table {
public:
    /// Room for `rows` keys (the table is kept at most half full).
    /// Rows are below 2^32 (as screen_result's borrower indices are).
    explicit row_table(std::size_t rows)
        : slots_(large_vector<slot>(std::bit_ceil(rows * 2 + 2))), mask_(slots_.size() - 1) {}

    /// The first row inserted with row's key, or `row` itself when the key is new.
    template <class Same>
    std::size_t find_or_insert(std::size_t row, std::size_t hash, Same&& same) {
        for (std::size_t k = hash & mask_;; k = (k + 1) & mask_) {
            slot& s = slots_[k];
            if (s.row_plus_one == 0) {
                s = {static_cast<std::uint32_t>(row + 1), static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32)};
                return row;
            }
            if (s.hash_high == static_cast<std::uint32_t>(static_cast<std::uint64_t>(hash) >> 32) && same(s.row_plus_one - 1U, row))
                return s.row_plus_one - 1U;
        }
    }

    /// Asks for the slot where a key of `hash` is first looked for: a
    /// million rows' slots are cache misses, and asked for some rows ahead
    /// they arrive while the rows before are inserted.
    void prefetch(std::size_t hash) const noexcept { prefetch_line(&slots_[hash & mask_]); }

private:
    struct slot {
        std::uint32_t row_plus_one = 0;  ///< 0: empty
        std::uint32_t hash_high = 0;     ///< the hash's high bits (its low bits chose the slot)
    };
    std::vector<slot> slots_;
    std::size_t mask_;
};

}  // namespace zjcredit::screen

#endif
