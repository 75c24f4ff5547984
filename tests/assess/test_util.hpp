// Helpers shared by the assess tests: literal dates and figures, a compact
// way to build observations, and the verdict on one target of the 2022 plan.
#ifndef ZJCREDIT_TESTS_ASSESS_TEST_UTIL_HPP
#define ZJCREDIT_TESTS_ASSESS_TEST_UTIL_HPP

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/plan_2022.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::assess::test {

inline dates::date d(int y, int m, int dd) {
    return dates::date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                       static_cast<unsigned short>(dd));
}

/// An exact figure from text: dec("250亿") is 25000000000.
inline money::decimal dec(std::string_view s) { return money::parse_decimal(s); }

/// The figures of one observation, as text; as_of defaults to 2022-12-31.
struct figs {
    std::optional<std::string_view> year_start = std::nullopt;
    std::optional<std::string_view> current = std::nullopt;
    std::optional<std::string_view> prior_year_total = std::nullopt;
    std::optional<dates::date> as_of = std::nullopt;
};

inline void put(observations& o, const std::string& indicator, const figs& f) {
    observation ob;
    ob.indicator = indicator;
    if (f.year_start) ob.year_start = dec(*f.year_start);
    if (f.current) ob.current = dec(*f.current);
    if (f.prior_year_total) ob.prior_year_total = dec(*f.prior_year_total);
    ob.as_of = f.as_of.value_or(d(2022, 12, 31));
    ob.source = "test";
    o.add(std::move(ob));
}

/// A report dated 2022-12-31 (the plan's due date).
inline observations report() { return observations(d(2022, 12, 31)); }

/// The assessment of the embedded 2022 plan.
inline assessment assess_2022(const observations& o, const assess_options& options = {}) {
    return assess(plan::plan_2022(), o, options);
}

/// The verdict on target `id` of the embedded 2022 plan.
inline verdict judge(std::string_view id, const observations& o, const assess_options& options = {}) {
    return assess_2022(o, options).find(id);
}

/// Shorthand: the verdict on a target with one observation.
inline verdict judge1(std::string_view id, const std::string& indicator, const figs& f,
                      const assess_options& options = {}) {
    observations o = report();
    put(o, indicator, f);
    return judge(id, o, options);
}

inline bool contains(const std::string& haystack, std::string_view needle) {
    return haystack.find(needle) != std::string::npos;
}

/// The exception of type E that `f` throws, or nullopt.
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

}  // namespace zjcredit::assess::test

#endif
