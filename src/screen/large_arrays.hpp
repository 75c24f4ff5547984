// The screen's large working arrays, backed by transparent huge pages where
// the kernel gives them on request (Linux THP in "madvise" mode, Debian's
// default). A screen of a million loans fills some 300 MB of fresh arrays;
// with 4 KiB pages the page faults alone cost more than the rule's kernel
// (measured: the kernel's part of the screen 205 ms with 4 KiB pages, 50 ms
// with huge pages, on the bench's 1,000,000 loans). It is a hint: where the
// kernel has no huge pages to give, nothing changes but the speed.
#ifndef ZJCREDIT_SRC_SCREEN_LARGE_ARRAYS_HPP
#define ZJCREDIT_SRC_SCREEN_LARGE_ARRAYS_HPP

#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace zjcredit::screen {

/// Asks for huge pages over the whole 2 MiB pages inside [p, p + bytes),
/// before they are first touched.
inline void advise_huge_pages(const void* p, std::size_t bytes) noexcept {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t huge = std::uintptr_t{2} << 20;
    const auto at = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t begin = (at + huge - 1) & ~(huge - 1), end = (at + bytes) & ~(huge - 1);
    if (end > begin) (void)madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);  // a hint only
#else
    (void)p;
    (void)bytes;
#endif
}

/// Asks for the cache line holding `p` (any address: it is never read
/// through, and a prefetch does not fault). GCC 12 takes a prefetch whose
/// address is only computed for it as code without effect and drops it with
/// the loads that computed it; the empty volatile asm that uses the address
/// keeps both.
inline void prefetch_line(const void* p) noexcept {
#if defined(__GNUC__)
    __builtin_prefetch(p);
    asm volatile("" : : "r"(p));
#else
    (void)p;
#endif
}

/// `v` made `n` copies of `value`, its memory advised before it is written.
template <class T>
void assign_large(std::vector<T>& v, std::size_t n, const T& value = T{}) {
    v.clear();
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
    v.resize(n, value);
}

/// A vector of `n` copies of `value`, its memory advised before it is written.
template <class T>
std::vector<T> large_vector(std::size_t n, const T& value = T{}) {
    std::vector<T> v;
    assign_large(v, n, value);
    return v;
}

}  // namespace zjcredit::screen

#endif
