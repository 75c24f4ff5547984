// The lenders as numbers (src/screen/listing.hpp).
#include "listing.hpp"

#include <algorithm>
#include <unordered_map>

namespace zjcredit::screen {

std::uint32_t lender_ranks::rank_of(std::string_view name) const noexcept {
    const auto it = std::lower_bound(names.begin(), names.end(), name);
    return it != names.end() && *it == name ? static_cast<std::uint32_t>(it - names.begin())
                                            : static_cast<std::uint32_t>(names.size());
}

lender_ranks rank_lenders(std::span<const std::string_view> lender) {
    lender_ranks ranks;
    ranks.of_row.resize(lender.size());
    // Numbered as found, then renumbered in byte order. A row of the same
    // lender as the row before (a bank's file lists its own loans) takes its
    // number; otherwise the few names found are tried in turn, and looked up
    // by hash only past a few.
    constexpr std::size_t tried_in_turn = 16;
    std::unordered_map<std::string_view, std::uint32_t> found;
    const auto number = [&](std::string_view name) {
        if (ranks.names.size() <= tried_in_turn) {
            for (std::uint32_t k = 0; k < ranks.names.size(); ++k)
                if (ranks.names[k] == name) return k;
        } else if (const auto it = found.find(name); it != found.end()) {
            return it->second;
        }
        const auto k = static_cast<std::uint32_t>(ranks.names.size());
        ranks.names.push_back(name);
        found.emplace(name, k);
        return k;
    };
    for (std::size_t i = 0; i < lender.size(); ++i)
        ranks.of_row[i] = i > 0 && lender[i] == lender[i - 1] ? ranks.of_row[i - 1] : number(lender[i]);
    std::vector<std::uint32_t> order(ranks.names.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return ranks.names[a] < ranks.names[b]; });
    std::vector<std::uint32_t> rank(order.size());
    std::vector<std::string_view> sorted(order.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) {
        rank[order[k]] = k;
        sorted[k] = ranks.names[order[k]];
    }
    ranks.names = std::move(sorted);
    for (std::uint32_t& r : ranks.of_row) r = rank[r];
    return ranks;
}

}  // namespace zjcredit::screen
