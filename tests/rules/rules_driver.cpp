// Driver for the rules differential test (rules_diff.py): reads one case per
// line from stdin, tab-separated, and writes one result line per case:
//
//     loan <rounding> <basis> <max_subsidy_days|-> <loan record JSON>
//     recv <rounding> <straddle> <receivables record JSON>
//
//  -> "OK <eligible 0|1> <amount> <reason codes joined by ',' or '-'>"
//   | "ERR <parse|validation|overflow|...>"
//
// Records are read with the public JSON API; the rules run under the
// embedded 2022 parameters with the line's overrides. A line the driver
// cannot understand gives "BADCASE".
#include <zjcredit/error.hpp>
#include <zjcredit/money/format.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/json.hpp>

#include <charconv>
#include <cstdint>
#include <exception>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

namespace rules = zjcredit::rules;
namespace plan = zjcredit::plan;
namespace money = zjcredit::money;
namespace dates = zjcredit::dates;

std::vector<std::string_view> split_tabs(std::string_view line, std::size_t max_fields) {
    std::vector<std::string_view> fields;
    while (fields.size() + 1 < max_fields) {
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos) break;
        fields.push_back(line.substr(0, tab));
        line.remove_prefix(tab + 1);
    }
    fields.push_back(line);
    return fields;
}

std::string code_name(zjcredit::errc c) {
    switch (c) {
        case zjcredit::errc::parse: return "parse";
        case zjcredit::errc::validation: return "validation";
        case zjcredit::errc::overflow: return "overflow";
        case zjcredit::errc::not_found: return "not_found";
        case zjcredit::errc::io: return "io";
    }
    return "unknown";
}

std::string outcome(bool eligible, money::amount a, const std::vector<rules::reason>& reasons) {
    std::string codes;
    for (const auto& r : reasons) codes += (codes.empty() ? "" : ",") + r.code;
    return std::string("OK ") + (eligible ? "1 " : "0 ") + money::to_string(a) + " " + (codes.empty() ? "-" : codes);
}

std::string run(std::string_view line, const rules::plan_reference& ref) {
    const std::string_view op = line.substr(0, line.find('\t'));
    try {
        if (op == "loan") {
            const auto f = split_tabs(line, 5);
            if (f.size() != 5) return "BADCASE";
            auto params = plan::plan_2022().first_loan_subsidy;
            const auto mode = money::rounding_from_string(f[1]);
            if (!mode) return "BADCASE";
            params.rounding = *mode;
            params.basis = dates::day_basis_from_string(f[2]);
            if (f[3] != "-") {
                std::int64_t n = 0;
                const auto [end, ec] = std::from_chars(f[3].data(), f[3].data() + f[3].size(), n);
                if (ec != std::errc() || end != f[3].data() + f[3].size()) return "BADCASE";
                params.max_subsidy_days = n;
            }
            const auto r = rules::first_loan_subsidy(rules::loan_record_from_json(f[4]), params, ref);
            return outcome(r.eligible, r.amount, r.reasons);
        }
        if (op == "recv") {
            const auto f = split_tabs(line, 4);
            if (f.size() != 4) return "BADCASE";
            auto params = plan::plan_2022().receivables_reward;
            const auto mode = money::rounding_from_string(f[1]);
            const auto straddle = plan::straddle_policy_from_string(f[2]);
            if (!mode || !straddle) return "BADCASE";
            params.rounding = *mode;
            params.straddle = *straddle;
            const auto r = rules::receivables_reward(rules::receivables_record_from_json(f[3]), params, ref);
            return outcome(r.eligible, r.amount, r.reasons);
        }
        return "BADCASE";
    } catch (const zjcredit::error& e) {
        return "ERR " + code_name(e.code());
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
    const rules::plan_reference ref = rules::reference_of(plan::plan_2022());
    std::string line;
    std::string out;
    while (std::getline(std::cin, line)) {
        out += run(line, ref);
        out += '\n';
    }
    std::cout << out << std::flush;
    return std::cout ? 0 : 1;
}
