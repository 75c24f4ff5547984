// The tests' and the benchmark's random data: splitmix64, a small generator
// whose output is fixed by its seed on every machine, and a date helper.
#ifndef ZJCREDIT_TESTS_SPLITMIX_HPP
#define ZJCREDIT_TESTS_SPLITMIX_HPP

#include <zjcredit/dates/date.hpp>

#include <cstddef>
#include <cstdint>

namespace zjcredit::testing {

class rng {
public:
    explicit rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [lo, hi] (hi - lo < 2^63).
    std::int64_t range(std::int64_t lo, std::int64_t hi) {
        const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
        return lo + static_cast<std::int64_t>(next() % span);
    }
    /// True with probability per_mille / 1000.
    bool chance(int per_mille) { return static_cast<int>(next() % 1000) < per_mille; }
    template <class T, std::size_t N>
    T pick(const T (&items)[N]) {
        return items[next() % N];
    }

private:
    std::uint64_t s_;
};

/// The day number of y-m-d.
inline std::int32_t day(int y, int m, int d) {
    return dates::to_day_number(
        dates::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(d)));
}

}  // namespace zjcredit::testing

#endif
