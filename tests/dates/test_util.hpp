// Helpers shared by the dates tests: catch an expected zjcredit error so its
// field, text and message can be checked, not just its type.
#ifndef ZJCREDIT_TESTS_DATES_TEST_UTIL_HPP
#define ZJCREDIT_TESTS_DATES_TEST_UTIL_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::dates::test {

/// The exception of type E that `f` throws, or nullopt if it throws nothing
/// or something else (so a wrong type fails the REQUIRE that follows).
template <class E, class F>
std::optional<E> thrown(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e;
    } catch (...) {
        return std::nullopt;
    }
    return std::nullopt;
}

inline bool mentions(const zjcredit::error& e, std::string_view needle) {
    return std::string_view(e.what()).find(needle) != std::string_view::npos;
}

/// Shorthand for literal dates in expectations.
inline date d(int y, int m, int dd) {
    return date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(dd));
}

}  // namespace zjcredit::dates::test

#endif
