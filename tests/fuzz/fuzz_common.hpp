// Shared helpers of the libFuzzer targets (tests/fuzz). Each target parses its
// input with the library; only zjcredit::error (and std::bad_alloc) are
// acceptable failures there. Everything a successful parse promises (round
// trips, bounds) is then checked with must()/ZJC_FUZZ_CHECK: any exception or
// false property there is a finding and aborts, so libFuzzer saves the input.
#ifndef ZJCREDIT_TESTS_FUZZ_COMMON_HPP
#define ZJCREDIT_TESTS_FUZZ_COMMON_HPP

#include <zjcredit/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <typeinfo>

namespace zjcredit::fuzz {

/// The fuzz input read as little big-endian integers, for the targets that
/// build their cases from it; 0 once it runs out.
struct byte_reader {
    const std::uint8_t* p;
    std::size_t n;
    /// The next `k` bytes as one integer.
    std::uint64_t take(std::size_t k) {
        std::uint64_t v = 0;
        for (std::size_t i = 0; i < k; ++i) {
            v = v << 8 | (n > 0 ? *p : 0U);
            if (n > 0) {
                ++p;
                --n;
            }
        }
        return v;
    }
    /// One of `count` choices (count > 0).
    std::size_t pick(std::size_t count) { return static_cast<std::size_t>(take(1) % count); }
    bool coin() { return (take(1) & 1U) != 0; }
};

[[noreturn]] inline void finding(const char* what, const char* file, int line, std::string_view detail = {}) {
    std::fprintf(stderr, "zjcredit fuzz finding at %s:%d: %s%s%.*s\n", file, line, what, detail.empty() ? "" : ": ",
                 static_cast<int>(detail.size()), detail.data());
    std::fflush(stderr);
    std::abort();
}

#define ZJC_FUZZ_CHECK(cond, ...)                                                             \
    do {                                                                                      \
        if (!(cond)) ::zjcredit::fuzz::finding("property failed: " #cond, __FILE__, __LINE__ \
                                               __VA_OPT__(, ) __VA_ARGS__);                   \
    } while (0)

/// Runs `f` on input that may be rejected: returns false when it throws a
/// zjcredit::error (or bad_alloc), true when it succeeds. Any other exception
/// is a finding.
template <class F>
bool accepts(F&& f, const char* what) {
    try {
        f();
        return true;
    } catch (const zjcredit::error&) {
        return false;
    } catch (const std::bad_alloc&) {
        return false;
    } catch (const std::exception& e) {
        finding("exception that is not a zjcredit::error", what, 0,
                std::string(typeid(e).name()) + ": " + e.what());
    } catch (...) {
        finding("unknown exception (not a std::exception)", what, 0);
    }
}

/// Runs `f` on values the library produced itself: it must not throw at all.
template <class F>
void must(F&& f, const char* what) {
    try {
        f();
    } catch (const std::bad_alloc&) {
    } catch (const std::exception& e) {
        finding("a round trip threw", what, 0, std::string(typeid(e).name()) + ": " + e.what());
    } catch (...) {
        finding("a round trip threw an unknown exception", what, 0);
    }
}

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

/// Independent UTF-8 check (RFC 3629: shortest form, no surrogates, <= U+10FFFF).
inline bool valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) { ++i; continue; }
        if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1FU; }
        else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0FU; }
        else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07U; }
        else return false;
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0U) != 0x80U) return false;
            cp = (cp << 6) | (d & 0x3FU);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

}  // namespace zjcredit::fuzz

#endif
