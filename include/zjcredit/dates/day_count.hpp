// Day counts for interest: actual days over a 360- or 365-day year, counted
// 算头不算尾 (the first day counts, the last does not).
#ifndef ZJCREDIT_DATES_DAY_COUNT_HPP
#define ZJCREDIT_DATES_DAY_COUNT_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace zjcredit::dates {

/// The year an annual rate is divided by. actual_360 is the default of the
/// rules (PBoC 银发〔2005〕129号: 日利率 = 年利率/360); actual_365 is the option
/// the receivables reward uses for annualising.
enum class day_basis { actual_360, actual_365 };

/// The stable names used in plan files, receipts and the C ABI.
constexpr std::string_view to_string(day_basis b) noexcept {
    switch (b) {
        case day_basis::actual_360: return "actual_360";
        case day_basis::actual_365: return "actual_365";
    }
    return "actual_360";  // unreachable; keeps -Wreturn-type quiet
}

/// Reads a name written by to_string, exactly (no trimming, no case folding:
/// these come from machines, and a near miss is more likely a mistake).
inline day_basis day_basis_from_string(std::string_view text, std::string_view field = "day_basis") {
    if (text == "actual_360") return day_basis::actual_360;
    if (text == "actual_365") return day_basis::actual_365;
    throw parse_error(std::string(field), std::string(text),
                      "unknown day basis (expected \"actual_360\" or \"actual_365\")");
}

/// Days in the year of the basis: 360 or 365.
constexpr int denominator(day_basis b) noexcept { return b == day_basis::actual_365 ? 365 : 360; }

/// Interest days from `start` to `end`, 算头不算尾: end - start, so a loan
/// drawn on 2022-05-10 and repaid on 2022-12-31 earns 235 days (05-10..12-30).
/// Equal dates give 0. Throws validation_error naming both dates when `end`
/// is before `start`.
inline std::int64_t interest_days(const date& start, const date& end) {
    detail::require_plain(start, "start");
    detail::require_plain(end, "end");
    if (end < start)
        throw validation_error("end", detail::iso(start) + ".." + detail::iso(end),
                               "end date " + detail::iso(end) + " is before start date " + detail::iso(start));
    return static_cast<std::int64_t>((end - start).days());
}

}  // namespace zjcredit::dates

#endif
