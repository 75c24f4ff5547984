// Overflow-checked integer arithmetic. Every money computation goes through
// these helpers so that an overflow becomes an overflow_error, never a wrap.
#ifndef ZJCREDIT_MONEY_DETAIL_CHECKED_HPP
#define ZJCREDIT_MONEY_DETAIL_CHECKED_HPP

#include <zjcredit/error.hpp>

#include <cstdint>
#include <string>

namespace zjcredit::money {

/// 128-bit intermediates (GCC and Clang). `__extension__` keeps -Wpedantic quiet.
__extension__ typedef __int128 int128;
__extension__ typedef unsigned __int128 uint128;  ///< the unsigned twin of int128

namespace detail {

[[noreturn]] inline void throw_overflow(const char* what) {
    throw overflow_error("", "", std::string("arithmetic overflow in ") + what);
}

template <class T>
T checked_add(T a, T b, const char* what = "addition") {
    T r;
    if (__builtin_add_overflow(a, b, &r)) throw_overflow(what);
    return r;
}

template <class T>
T checked_sub(T a, T b, const char* what = "subtraction") {
    T r;
    if (__builtin_sub_overflow(a, b, &r)) throw_overflow(what);
    return r;
}

template <class T>
T checked_mul(T a, T b, const char* what = "multiplication") {
    T r;
    if (__builtin_mul_overflow(a, b, &r)) throw_overflow(what);
    return r;
}

/// Narrows a 128-bit value to int64, or throws.
inline std::int64_t checked_narrow(int128 v, const char* what = "conversion to 64 bits") {
    if (v > INT64_MAX || v < INT64_MIN) throw_overflow(what);
    return static_cast<std::int64_t>(v);
}

/// 10^n as a 128-bit integer, for n in [0, 38].
inline int128 pow10(int n) {
    int128 r = 1;
    for (int i = 0; i < n; ++i) r = checked_mul<int128>(r, 10, "power of ten");
    return r;
}

/// Decimal text of a 128-bit integer (std::to_string has no overload for it).
inline std::string to_string(int128 v) {
    if (v == 0) return "0";
    bool negative = v < 0;
    uint128 u = negative ? uint128(0) - static_cast<uint128>(v) : static_cast<uint128>(v);
    std::string digits;
    while (u != 0) {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(u % 10)));
        u /= 10;
    }
    return negative ? "-" + digits : digits;
}

}  // namespace detail
}  // namespace zjcredit::money

#endif
