// The inline SVG line chart of one target (report/html.hpp: trend_svg).
#include <zjcredit/report/html.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <optional>
#include <string>
#include <vector>

namespace zjcredit::report {
namespace {

using rational = boost::multiprecision::cpp_rational;
using boost::multiprecision::cpp_int;

constexpr int width = 320, height = 150;
constexpr int left = 10, right = 10, top = 12, bottom = 22;

/// The nearest whole number to q (halves away from zero do not matter for pixels: up).
long long nearest(const rational& q) {
    const cpp_int n = boost::multiprecision::numerator(q), d = boost::multiprecision::denominator(q);
    cpp_int r = (2 * n + d) / (2 * d);
    if (2 * n + d < 0 && (2 * n + d) % (2 * d) != 0) r -= 1;  // floor for negatives
    return r.convert_to<long long>();
}

rational exact(const money::decimal& d) { return assess::detail::to_rational(d); }

struct point {
    int month;
    rational value;  ///< in the stated unit
};

}  // namespace

std::string trend_svg(const target_row& t, bool english) {
    const assess::warning& w = t.warning;
    std::vector<point> series;
    for (const auto& p : w.series) series.push_back({p.month, exact(assess::in_unit(p.value, t.unit))});
    std::optional<rational> threshold, projected;
    if (w.threshold) threshold = exact(*w.threshold);
    if (w.projected) projected = exact(*w.projected);

    // Named as the page titles the target: by its id in English, the plan's words in Chinese.
    const std::string label = english ? "Monthly figures of " + t.verdict.target_id : t.verdict.text + " 月度走势";
    std::string out = "<svg class=\"trend\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " +
                      std::to_string(width) + " " + std::to_string(height) + "\" width=\"" + std::to_string(width) +
                      "\" height=\"" + std::to_string(height) + "\" role=\"img\" aria-label=\"" + escape_html(label) +
                      "\"><title>" + escape_html(label) + "</title>";
    // The frame and the month axis: 0 (年初) .. 12.
    const int base_y = height - bottom;
    const auto x_of = [](int month) { return left + month * (width - left - right) / 12; };
    out += "<line class=\"axis\" x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(base_y) + "\" x2=\"" +
           std::to_string(width - right) + "\" y2=\"" + std::to_string(base_y) + "\" stroke=\"#888\"/>";
    for (int m = 0; m <= 12; m += 3)
        out += "<text x=\"" + std::to_string(x_of(m)) + "\" y=\"" + std::to_string(height - 6) +
               "\" font-size=\"10\" text-anchor=\"middle\" fill=\"#555\">" +
               (m == 0 ? std::string(english ? "start" : "年初") : std::to_string(m) + (english ? "" : "月")) +
               "</text>";
    if (series.empty() && !threshold) {
        out += "<text x=\"" + std::to_string(width / 2) + "\" y=\"" + std::to_string(height / 2) +
               "\" font-size=\"12\" text-anchor=\"middle\" fill=\"#777\">" +
               (english ? "no monthly figures" : "暂无月度数据") + "</text></svg>";
        return out;
    }

    // The value range: every figure drawn, with the threshold and the projection.
    std::vector<rational> values;
    for (const auto& p : series) values.push_back(p.value);
    if (threshold) values.push_back(*threshold);
    if (projected) values.push_back(*projected);
    rational lo = values.front(), hi = values.front();
    for (const auto& v : values) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
    }
    if (lo == hi) {
        lo -= 1;
        hi += 1;
    }
    const auto y_of = [&](const rational& v) {
        return std::to_string(nearest(rational(top) + (hi - v) * (height - top - bottom) / (hi - lo)));
    };

    if (threshold)
        out += "<line class=\"threshold\" x1=\"" + std::to_string(left) + "\" y1=\"" + y_of(*threshold) + "\" x2=\"" +
               std::to_string(width - right) + "\" y2=\"" + y_of(*threshold) +
               "\" stroke=\"#c0392b\" stroke-width=\"1\" stroke-dasharray=\"2 2\"/>";
    if (!series.empty()) {
        out += "<polyline class=\"observed\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" points=\"";
        for (std::size_t i = 0; i < series.size(); ++i)
            out += (i == 0 ? "" : " ") + std::to_string(x_of(series[i].month)) + "," + y_of(series[i].value);
        out += "\"/>";
        for (const auto& p : series)
            out += "<circle cx=\"" + std::to_string(x_of(p.month)) + "\" cy=\"" + y_of(p.value) +
                   "\" r=\"2.5\" fill=\"#1f4e79\"/>";
        if (projected) {
            const point& last = series.back();
            out += "<line class=\"projection\" x1=\"" + std::to_string(x_of(last.month)) + "\" y1=\"" +
                   y_of(last.value) + "\" x2=\"" + std::to_string(x_of(12)) + "\" y2=\"" + y_of(*projected) +
                   "\" stroke=\"#1f4e79\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
        }
    }
    out += "</svg>";
    return out;
}

}  // namespace zjcredit::report
