// sandbox::seek: an exact goal seek. For a parameter of the first-loan
// subsidy whose effect on the total is monotone, the extreme value — at the
// parameter's own resolution: the 分, the rate unit (10^-10), the day — that
// keeps the total within a budget (the largest such value) or reaches a
// required total (the smallest such value), found by the ITP method (a
// guarded interpolation: never more evaluations than bisection, plus one)
// in O(log range) evaluations of the batch kernel over one population. The
// answer comes with its certificate: the total at the answer and at the next
// step beyond it, both computed. Monotonicity is not assumed: every
// evaluation is checked against the others, and a parameter whose totals do
// not rise with it is refused with the evaluations that show it.
#ifndef ZJCREDIT_SANDBOX_SEEK_HPP
#define ZJCREDIT_SANDBOX_SEEK_HPP

#include <zjcredit/dates/date.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/plan/parameters.hpp>
#include <zjcredit/rules/batch.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::sandbox {

/// The parameters a seek can move, each by its own step.
enum class seek_parameter {
    balance_cap,             ///< first_loan_subsidy.balance_cap, by the 分
    rate_ceiling,            ///< first_loan_subsidy.rate_ceiling, by the rate unit
    application_window_to,   ///< first_loan_subsidy.application_window.to, by the day
    application_window_from, ///< first_loan_subsidy.application_window.from, by the day (the total falls as it rises)
    per_borrower_cap,        ///< first_loan_subsidy.per_borrower_cap, by the 分
};

/// A parameter's name, as plan overrides (`--set`) spell it.
struct seek_parameter_name {
    std::string_view name;     ///< "first_loan_subsidy.balance_cap", …
    seek_parameter parameter;  ///< the parameter it names
};

/// Every parameter a seek can move, by name (what seek_parameter_from reads).
inline constexpr std::array<seek_parameter_name, 5> seek_parameters = {{
    {"first_loan_subsidy.balance_cap", seek_parameter::balance_cap},
    {"first_loan_subsidy.rate_ceiling", seek_parameter::rate_ceiling},
    {"first_loan_subsidy.application_window.to", seek_parameter::application_window_to},
    {"first_loan_subsidy.application_window.from", seek_parameter::application_window_from},
    {"first_loan_subsidy.per_borrower_cap", seek_parameter::per_borrower_cap},
}};

/// The parameter named `name`; not_found_error listing the names otherwise.
inline seek_parameter seek_parameter_from(std::string_view name) {
    std::string known;
    for (const auto& p : seek_parameters) {
        if (p.name == name) return p.parameter;
        known += (known.empty() ? "" : ", ") + std::string(p.name);
    }
    throw not_found_error("parameter", std::string(name), "not a parameter a seek can move (known: " + known + ")");
}

/// The name of `p` in seek_parameters ("" for a value outside the enum).
inline std::string_view name_of(seek_parameter p) noexcept {
    for (const auto& n : seek_parameters)
        if (n.parameter == p) return n.name;
    return "";
}

/// A value of the parameter in its steps (分, rate units, day numbers) as canonical text.
inline std::string value_text(seek_parameter p, std::int64_t v) {
    switch (p) {
        case seek_parameter::balance_cap:
        case seek_parameter::per_borrower_cap: return money::to_string(money::amount::from_fen(v));
        case seek_parameter::rate_ceiling: return money::to_string(money::rate::from_units(v));
        case seek_parameter::application_window_to:
        case seek_parameter::application_window_from:
            return dates::to_string(dates::from_day_number(static_cast<std::int32_t>(v), "value"));
    }
    return "";
}

/// A value written as the parameter's kind is ("500万", "0.8%", "2022-06-30"), in steps.
/// Throws parse_error naming `field` and quoting `text` when it does not read.
inline std::int64_t value_from_text(seek_parameter p, std::string_view text, std::string_view field) {
    try {
        switch (p) {
            case seek_parameter::balance_cap:
            case seek_parameter::per_borrower_cap: return money::parse_amount(text).fen();
            case seek_parameter::rate_ceiling: return money::parse_rate(text).units();
            case seek_parameter::application_window_to:
            case seek_parameter::application_window_from: return dates::to_day_number(dates::parse_date(text));
        }
    } catch (const error& e) {
        throw parse_error(std::string(field), std::string(text), e.detail());
    }
    return 0;
}

/// One evaluation: the parameter's value (in steps) and the total there (分).
struct evaluation {
    std::int64_t value = 0;       ///< in the parameter's steps
    money::int128 total_fen = 0;  ///< the population's subsidy total at `value`, in 分
};

/// What is sought.
struct seek_request {
    seek_parameter parameter = seek_parameter::balance_cap;  ///< the parameter moved
    /// The largest value whose total is at most budget, or (reach) the
    /// smallest whose total is at least the required total.
    money::amount target;
    bool reach = false;  ///< false: `target` is a budget; true: a required total
    /// The range searched, in steps, both ends included; nullopt: the
    /// parameter's natural range over the population (seek_range).
    std::optional<std::int64_t> lo;
    std::optional<std::int64_t> hi;  ///< the range's upper end (see `lo`)
};

/// The answer and its certificate.
struct seek_result {
    seek_parameter parameter = seek_parameter::balance_cap;  ///< the parameter moved
    std::int64_t value = 0;       ///< the answer, in the parameter's steps
    money::int128 total_fen = 0;  ///< the total at the answer, in 分
    /// The next step beyond the answer (above for a budget, below for a
    /// required total) and its total; nullopt when the answer is the end of the range.
    std::optional<std::int64_t> next_value;
    std::optional<money::int128> next_total_fen;  ///< the total at next_value, in 分 (past the goal)
    std::vector<evaluation> evaluations;  ///< in the order made
};

namespace detail {

/// The subsidy's parameters with `p` set to `v` (in steps).
inline plan::first_loan_subsidy_parameters with_value(plan::first_loan_subsidy_parameters params, seek_parameter p,
                                                      std::int64_t v) {
    const auto day = [](std::int64_t d) { return dates::from_day_number(static_cast<std::int32_t>(d), "value"); };
    switch (p) {
        case seek_parameter::balance_cap: params.balance_cap = money::amount::from_fen(v); break;
        case seek_parameter::per_borrower_cap: params.per_borrower_cap = money::amount::from_fen(v); break;
        case seek_parameter::rate_ceiling: params.rate_ceiling = money::rate::from_units(v); break;
        case seek_parameter::application_window_to:
            params.application_window = dates::window(params.application_window.from(), day(v), "application_window");
            break;
        case seek_parameter::application_window_from:
            params.application_window = dates::window(day(v), params.application_window.to(), "application_window");
            break;
    }
    return params;
}

inline std::string evaluations_text(seek_parameter p, std::vector<evaluation> evals) {
    std::sort(evals.begin(), evals.end(), [](const evaluation& a, const evaluation& b) { return a.value < b.value; });
    std::string out;
    for (const auto& e : evals)
        out += (out.empty() ? "" : "; ") + value_text(p, e.value) + " → " + rules::detail::fen_text(e.total_fen);
    return out;
}

/// The steps of the ITP method (interpolate, truncate, project: Oliveira and
/// Takahashi, ACM TOMS 47(1), 2020) over a bracket of `width` steps, to a
/// bracket of one step: never more evaluations than bisection's
/// ceil(log2 width) plus one, and far fewer where the total is close to
/// linear in the parameter, as a sum of min(balance, cap) is between the
/// balances. Its constants: κ1 = 0.2 / width, κ2 = 2, n0 = 1.
struct itp_schedule {
    explicit itp_schedule(std::int64_t width) : width0(width) {
        int bits = 0;
        while (bits < 63 && (std::int64_t{1} << bits) < width) ++bits;
        n_max = bits + 1;
    }
    std::int64_t width0;  ///< the first bracket's width, in steps
    int n_max;            ///< ceil(log2 width0) + n0
};

/// The value to evaluate next inside the bracket a < x < b (b - a ≥ 2),
/// where the goal's signed gaps are fa = total(a) − target ≤ 0 ≤ fb =
/// total(b) − target, fa < fb. All in integers, in half steps (X = 2x), so
/// that the bracket's middle is exact; only where to look is computed here,
/// every total is still evaluated exactly.
inline std::int64_t itp_point(std::int64_t a, std::int64_t b, money::int128 fa, money::int128 fb,
                              const itp_schedule& s, int step) {
    using money::int128;
    const int128 width = b - a;
    const int128 half = int128{a} + b;  // 2 × the middle
    int128 pull, square;                // (−fa) × width and width², each times 2
    if (__builtin_mul_overflow(-fa, 2 * width, &pull) || __builtin_mul_overflow(width, 2 * width, &square))
        return a + (b - a) / 2;  // totals or ranges near the ends of 64 bits: plain bisection
    const int128 falsi = 2 * int128{a} + pull / (fb - fa);  // 2 × regula falsi's point
    const int128 delta2 = square / (5 * int128{s.width0});  // 2 × κ1 width^κ2
    const int sigma = half > falsi ? 1 : half < falsi ? -1 : 0;
    const int128 gap = half > falsi ? half - falsi : falsi - half;
    const int128 truncated = delta2 <= gap ? falsi + sigma * delta2 : half;
    const int shift = s.n_max - step;
    const int128 room = shift < 0 ? 0 : std::max<int128>(0, (int128{1} << shift) - width);  // 2 × the radius r
    const int128 off = truncated > half ? truncated - half : half - truncated;
    const int128 projected = off <= room ? truncated : half - sigma * room;
    return static_cast<std::int64_t>(std::clamp<int128>(projected / 2, int128{a} + 1, int128{b} - 1));
}

}  // namespace detail

/// The natural range of `p` over the population: from the lowest value the
/// rule accepts (0) up to where the total stops changing (the largest balance,
/// the highest rate, the latest first application; the uncapped total for the
/// per-borrower cap), and for the window's days, between its other end and
/// the population's applications.
inline std::pair<std::int64_t, std::int64_t> seek_range(const rules::batch::loan_columns& c,
                                                        const plan::first_loan_subsidy_parameters& params,
                                                        seek_parameter p) {
    const auto [min_app, max_app] = std::minmax_element(c.first_application.begin(), c.first_application.end());
    const bool empty = c.first_application.empty();
    const std::int64_t from = dates::to_day_number(params.application_window.from());
    const std::int64_t to = dates::to_day_number(params.application_window.to());
    switch (p) {
        case seek_parameter::balance_cap: {
            std::int64_t top = 0;
            for (auto b : c.range_balance) top = std::max(top, b);
            return {0, top};
        }
        case seek_parameter::rate_ceiling: {
            std::int64_t top = 0;
            for (auto r : c.annual_rate) top = std::max(top, r);
            return {0, top};
        }
        case seek_parameter::per_borrower_cap: return {0, money::amount::max().fen()};
        case seek_parameter::application_window_to: return {from, empty ? from : std::max<std::int64_t>(from, *max_app)};
        case seek_parameter::application_window_from: return {empty ? to : std::min<std::int64_t>(to, *min_app), to};
    }
    return {0, 0};
}

/// The seek over the loans of `c` under `params`. Throws validation_error
/// for a negative target, an empty or reversed range, a population with
/// loans the rule refuses, a target no value in the range meets, and a
/// parameter whose evaluated totals do not rise with it (the message lists
/// every evaluation, value → total). Errors name the request's fields as
/// seek_request_from_text reads them, after `prefix` ("--" for the CLI):
/// "budget" (the target, a budget or with `reach` the total to reach),
/// "within" and "parameter".
inline seek_result seek(const rules::batch::loan_columns& c, const plan::first_loan_subsidy_parameters& params,
                        const seek_request& request, std::string_view prefix = "") {
    namespace batch = rules::batch;
    const std::string name(name_of(request.parameter));
    const auto field = [&](std::string_view f) { return std::string(prefix) + std::string(f); };
    if (request.target.is_negative())
        throw validation_error(field("budget"), money::to_string(request.target),
                               "must not be negative");
    const auto natural = seek_range(c, params, request.parameter);
    const std::int64_t lo = request.lo.value_or(natural.first);
    const std::int64_t hi = request.hi.value_or(natural.second);
    if (hi < lo)
        throw validation_error(field("within"), value_text(request.parameter, lo) + ".." + value_text(request.parameter, hi),
                               "the range ends before it starts");

    const std::size_t n = c.size();
    std::vector<std::int64_t> amount(n);
    std::vector<std::int32_t> status(n);
    const batch::subsidy_outputs out{amount, status, {}, {}};
    seek_result r;
    r.parameter = request.parameter;
    const auto total_at = [&](std::int64_t v) {
        const batch::batch_summary s = batch::first_loan_subsidy_batch(c, out, detail::with_value(params, request.parameter, v));
        if (s.errors != 0) {
            const auto bad = static_cast<std::size_t>(std::find_if(status.begin(), status.end(), [](std::int32_t x) {
                                                          return x != batch::status_ok;
                                                      }) - status.begin());
            throw validation_error("loans[" + std::to_string(bad) + "]", "",
                                   std::to_string(s.errors) + " loans are refused by the rule; a seek needs every loan computed");
        }
        r.evaluations.push_back({v, s.total_fen});
        // Every pair of evaluations so far must agree that the total rises with the value.
        for (const evaluation& e : r.evaluations)
            if ((e.value < v && e.total_fen > s.total_fen) || (e.value > v && e.total_fen < s.total_fen))
                throw validation_error(field("parameter"), name,
                                       "the total does not rise with " + name + ", so no seek can trust a boundary: " +
                                           detail::evaluations_text(request.parameter, r.evaluations));
        return s.total_fen;
    };
    const money::int128 target = request.target.fen();
    // within(t): the goal holds at total t.
    const auto within = [&](money::int128 t) { return request.reach ? t >= target : t <= target; };

    const money::int128 t_lo = total_at(lo);
    const money::int128 t_hi = lo == hi ? t_lo : total_at(hi);
    if (!request.reach) {
        if (!within(t_lo))
            throw validation_error(field("budget"), money::to_string(request.target),
                                   "even " + value_text(request.parameter, lo) + " gives a total of " +
                                       rules::detail::fen_text(t_lo) + ", above the budget");
        if (within(t_hi)) {
            r.value = hi;
            r.total_fen = t_hi;
            return r;
        }
    } else {
        if (!within(t_hi))
            throw validation_error(field("budget"), money::to_string(request.target),
                                   "even " + value_text(request.parameter, hi) + " gives a total of only " +
                                       rules::detail::fen_text(t_hi));
        if (within(t_lo)) {
            r.value = lo;
            r.total_fen = t_lo;
            return r;
        }
    }
    // Narrowing between a step inside the goal and one outside it: within(a)
    // differs from within(b) throughout (a budget: inside at lo; a required
    // total: inside at hi), so the answer and the next step end adjacent.
    std::int64_t a = lo, b = hi;
    money::int128 ta = t_lo, tb = t_hi;
    const bool inside_at_a = within(ta);
    const detail::itp_schedule schedule(hi - lo);
    for (int step = 0; b - a > 1; ++step) {
        const std::int64_t m = detail::itp_point(a, b, ta - target, tb - target, schedule, step);
        const money::int128 tm = total_at(m);
        if (within(tm) == inside_at_a) a = m, ta = tm;
        else b = m, tb = tm;
    }
    r.value = inside_at_a ? a : b;
    r.total_fen = inside_at_a ? ta : tb;
    r.next_value = inside_at_a ? b : a;
    r.next_total_fen = inside_at_a ? tb : ta;
    return r;
}

}  // namespace zjcredit::sandbox

#endif
