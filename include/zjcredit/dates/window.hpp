// A closed date range [from, to], both ends included, as the plan's "至"
// means: "2022年4月1日至6月30日" covers April 1st and June 30th alike.
#ifndef ZJCREDIT_DATES_WINDOW_HPP
#define ZJCREDIT_DATES_WINDOW_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace zjcredit::dates {

/// A non-empty closed range of calendar days. A one-day window has from == to;
/// an empty window cannot be built, so "no overlap" is std::nullopt instead.
class window {
public:
    /// Throws validation_error naming `field` and both dates when `to` is
    /// before `from` (a reversed window is a typo, never silently swapped),
    /// and for Boost's special values.
    window(date from, date to, std::string_view field = "window") : from_(from), to_(to) {
        detail::require_plain(from, field);
        detail::require_plain(to, field);
        if (to < from)
            throw validation_error(std::string(field), detail::iso(from) + ".." + detail::iso(to),
                                   "window ends on " + detail::iso(to) + ", before it starts on " +
                                       detail::iso(from));
    }

    /// The first day of the window.
    date from() const noexcept { return from_; }
    /// The last day of the window, included.
    date to() const noexcept { return to_; }

    /// True when `d` is on or after from() and on or before to().
    bool contains(const date& d) const noexcept { return from_ <= d && d <= to_; }

    /// Calendar days in the window, both ends counted: 2022-04-01..2022-06-30
    /// is 91. Not interest days (those do not count the last day, see
    /// day_count.hpp).
    std::int64_t days() const noexcept { return static_cast<std::int64_t>((to_ - from_).days()) + 1; }

    /// True when the windows share at least one day; touching ends count,
    /// because both ends are included.
    bool overlaps(const window& other) const noexcept {
        return from_ <= other.to_ && other.from_ <= to_;
    }

    /// The days both windows cover, or nullopt when they share none.
    std::optional<window> intersect(const window& other) const {
        if (!overlaps(other)) return std::nullopt;
        return window(std::max(from_, other.from_), std::min(to_, other.to_));
    }

    /// The same first and last day.
    friend bool operator==(const window& a, const window& b) noexcept {
        return a.from_ == b.from_ && a.to_ == b.to_;
    }

private:
    date from_;
    date to_;
};

/// "2022-04-01..2022-06-30", the form receipts and error messages use.
inline std::string to_string(const window& w) { return detail::iso(w.from()) + ".." + detail::iso(w.to()); }

}  // namespace zjcredit::dates

#endif
