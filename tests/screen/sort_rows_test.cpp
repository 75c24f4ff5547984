// The grouping of the screen (src/screen/sort_rows.hpp) against a plain
// stable sort of the texts: packed texts (radix sorted) and texts that are
// not packable (compared as texts) come out in one byte order, equal texts
// in row order, each run one text.
#include "../../src/screen/sort_rows.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <numeric>
#include <random>
#include <string>
#include <vector>

using zjcredit::screen::sort_rows_into_runs;

namespace {

void check_against_stable_sort(const std::vector<std::string>& owned) {
    const std::vector<std::string_view> text(owned.begin(), owned.end());
    std::vector<std::size_t> rows(text.size());
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    std::vector<std::size_t> expected = rows;
    std::stable_sort(expected.begin(), expected.end(), [&](std::size_t a, std::size_t b) { return text[a] < text[b]; });

    const auto runs = sort_rows_into_runs(rows, text);
    CHECK(rows == expected);
    REQUIRE(!runs.empty());
    CHECK(runs.back().begin == rows.size());
    for (std::size_t k = 0; k + 1 < runs.size(); ++k) {
        const std::string_view first = text[rows[runs[k].begin]];
        for (std::size_t at = runs[k].begin; at < runs[k + 1].begin; ++at) CHECK(text[rows[at]] == first);
        if (k + 2 < runs.size()) CHECK(first < text[rows[runs[k + 1].begin]]);
    }
}

}  // namespace

TEST_CASE("sort_rows_into_runs: byte order of packed and other texts, equal texts in row order") {
    check_against_stable_sort({"91440800MA4W00001F", "B", "91440800MA4W00001F", "粤字123", "A", "", "9144080",
                               "91440800ma4w00001f", "91440800-MA4W", "A", "aB", "Ab", "z", "123456789012345678901",
                               "12345678901234567890", "9", "粤字123", "Z"});
}

TEST_CASE("sort_rows_into_runs: many codes sharing their region, in random order") {
    std::mt19937_64 random(20220401);
    const std::string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    std::vector<std::string> codes;
    for (int k = 0; k < 20000; ++k) {
        std::string code = "91440800";
        for (int c = 0; c < 10; ++c) code += alphabet[random() % 3 == 0 ? random() % alphabet.size() : random() % 4];
        if (random() % 50 == 0) code = "粤" + code.substr(0, random() % 18);  // not packable
        codes.push_back(code);
        if (random() % 3 == 0) codes.push_back(codes[random() % codes.size()]);  // the same borrower again
    }
    check_against_stable_sort(codes);
}
