// Driver for the money differential test (money_diff.py): reads one case per
// line from stdin, tab-separated (an operation and its arguments), and writes
// one result line per case to stdout:
//
//     parse_amount <text> <exact|half_up|half_even|down|up>  -> "1234.56" | "ERR <code>"
//     parse_rate   <text>                                    -> "0.0435"  | "ERR <code>"
//     parse_decimal <text>                                   -> "-12.5"   | "ERR <code>"
//     add <a> <b> | sub <a> <b>                              -> "1234.56" | "ERR <code>"
//     mul <a> <int64>                                        -> "1234.56" | "ERR <code>"
//     round_div <num> <den> <mode>                           -> "-17"     | "ERR <code>"
//     grouped <a>                                            -> "1,234.56" | "ERR <code>"
//
// <a>, <b> are amount texts read with parse_amount (exact); <num>, <den> are
// decimal integers of up to 39 digits. Codes are zjcredit::error::code().
// A line the driver itself cannot understand gives "BADCASE".
#include <zjcredit/error.hpp>
#include <zjcredit/money/amount.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/money/rate.hpp>
#include <zjcredit/money/rounding.hpp>

#include <charconv>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

namespace money = zjcredit::money;
using money::int128;

std::vector<std::string_view> split_tabs(std::string_view line) {
    std::vector<std::string_view> fields;
    for (;;) {
        const std::size_t tab = line.find('\t');
        fields.push_back(line.substr(0, tab));
        if (tab == std::string_view::npos) break;
        line.remove_prefix(tab + 1);
    }
    return fields;
}

/// "-123" -> -123 over the whole int128 range; nullopt on anything else.
std::optional<int128> parse_int128(std::string_view s) {
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.empty()) return std::nullopt;
    int128 v = 0;  // accumulated as a negative number so that INT128_MIN fits
    for (const char c : s) {
        if (c < '0' || c > '9') return std::nullopt;
        int128 t;
        if (__builtin_mul_overflow(v, 10, &t)) return std::nullopt;
        if (__builtin_sub_overflow(t, static_cast<int128>(c - '0'), &v)) return std::nullopt;
    }
    if (!negative) {
        int128 t;
        if (__builtin_mul_overflow(v, -1, &t)) return std::nullopt;
        v = t;
    }
    return v;
}

std::optional<std::int64_t> parse_int64(std::string_view s) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::string run(const std::vector<std::string_view>& f) {
    const std::string_view op = f[0];
    const std::size_t n = f.size();
    try {
        if (op == "parse_amount" && n == 3) {
            money::amount_parse_options options;
            if (f[2] != "exact") {
                const auto mode = money::rounding_from_string(f[2]);
                if (!mode) return "BADCASE";
                options.round_excess = *mode;
            }
            return money::to_string(money::parse_amount(f[1], options));
        }
        if (op == "parse_rate" && n == 2) return money::to_fraction_string(money::parse_rate(f[1]));
        if (op == "parse_decimal" && n == 2)  // the value only: trailing zeros dropped
            return money::parse_decimal(f[1]).normalized().to_string();
        if ((op == "add" || op == "sub") && n == 3) {
            const money::amount a = money::parse_amount(f[1]);
            const money::amount b = money::parse_amount(f[2]);
            return money::to_string(op == "add" ? a + b : a - b);
        }
        if (op == "mul" && n == 3) {
            const money::amount a = money::parse_amount(f[1]);
            const auto k = parse_int64(f[2]);
            if (!k) return "BADCASE";
            return money::to_string(a * *k);
        }
        if (op == "round_div" && n == 4) {
            const auto num = parse_int128(f[1]);
            const auto den = parse_int128(f[2]);
            const auto mode = money::rounding_from_string(f[3]);
            if (!num || !den || !mode) return "BADCASE";
            return money::detail::to_string(money::round_div(*num, *den, *mode));
        }
        if (op == "grouped" && n == 2) return money::to_grouped_string(money::parse_amount(f[1]));
        return "BADCASE";
    } catch (const zjcredit::error& e) {
        return "ERR " + std::to_string(static_cast<int>(e.code()));
    } catch (const std::exception& e) {
        std::string what = e.what();
        for (char& c : what)
            if (c == '\n' || c == '\r') c = ' ';
        return "EXC " + what;
    }
}

}  // namespace

int main() {
    std::ios::sync_with_stdio(false);
    std::string line;
    std::string out;
    while (std::getline(std::cin, line)) {
        out += run(split_tabs(line));
        out += '\n';
    }
    std::cout << out << std::flush;
    return std::cout ? 0 : 1;
}
