// Command-line parsing: GNU-style long options, `--opt value` or `--opt=value`.
#include "options.hpp"

#include <zjcredit/error.hpp>

#include <string_view>

namespace zjcredit::cli {

options parse_options(int argc, char** argv) {
    options o;
    for (int i = 1; i < argc; ++i) {
        std::string_view a = argv[i];
        std::string inline_value;
        bool has_inline = false;
        if (a.starts_with("--")) {
            if (auto eq = a.find('='); eq != std::string_view::npos) {
                inline_value = std::string(a.substr(eq + 1));
                has_inline = true;
                a = a.substr(0, eq);
            }
        }
        auto value = [&]() -> std::string {
            if (has_inline) return inline_value;
            if (i + 1 >= argc) throw parse_error("arguments", std::string(a), "option needs a value");
            return argv[++i];
        };
        auto flag = [&](bool& target) {
            if (has_inline) throw parse_error("arguments", std::string(a), "option takes no value");
            target = true;
        };
        if (a == "--help" || a == "-h") flag(o.help);
        else if (a == "--json") flag(o.json);
        else if (a == "--keep-going") flag(o.keep_going);
        else if (a == "--prefix") flag(o.prefix);
        else if (a == "--receipts") flag(o.receipts);
        else if (a == "--plan") o.plan_file = value();
        else if (a == "--output" || a == "-o") o.output = value();
        else if (a == "--rejects") o.rejects = value();
        else if (a == "--month") o.month = value();
        else if (a == "--xlsx") o.xlsx = value();
        else if (a == "--encoding") o.encoding = value();
        else if (a == "--columns") o.columns = value();
        else if (a == "--rate-unit") {
            o.rate_unit = value();
            if (o.rate_unit != "percent" && o.rate_unit != "fraction")
                throw parse_error("--rate-unit", *o.rate_unit, "must be percent (0.8 means 0.8%) or fraction (0.008 means 0.8%)");
        } else if (a == "--period") o.period = value();
        else if (a == "--repayments") o.repayments = value();
        else if (a == "--sheet") o.sheet = value();
        else if (a == "--group-by") o.group_by = value();
        else if (a == "--lender") o.lender = value();
        else if (a == "--lender-of") o.lender_of.push_back(value());
        else if (a == "--repayments-of") o.repayments_of.push_back(value());
        else if (a == "--budget") o.budget = value();
        else if (a == "--set") o.set.push_back(value());
        else if (a == "--months") o.months = value();
        else if (a == "--unit") o.unit = value();
        else if (a == "--as-of") o.as_of = value();
        else if (a == "--parameter") o.parameter = value();
        else if (a == "--within") o.within = value();
        else if (a == "--reach") flag(o.reach);
        else if (a == "--register") o.register_db = value();
        else if (a == "--commit") flag(o.commit);
        else if (a == "--round") o.round = value();
        else if (a == "--head") o.head = value();
        else if (a == "--borrower-limit") o.borrower_limit = value();
        else if (a == "--observations") o.observations.push_back(value());
        else if (a == "--ledger") o.ledgers.push_back(value());
        else if (a == "--subsidies") o.subsidies = value();
        else if (a == "--scenario") o.scenario.push_back(value());
        else if (a == "--method") o.method = value();
        else if (a == "--key") o.key = value();
        else if (a == "--version" && o.command.empty() && !has_inline) o.command = "version";
        else if ((a == "--man" || a == "--completion") && o.command.empty() && !has_inline) o.command = std::string(a);
        else if (a == "--lang") {
            o.lang = value();
            o.lang_given = true;
            if (o.lang != "zh" && o.lang != "en") throw parse_error("--lang", o.lang, "must be zh or en");
        } else if (a.size() > 1 && a[0] == '-' && a != "-")
            throw parse_error("arguments", std::string(a), "unknown option");
        else if (o.command.empty()) o.command = std::string(a);
        else o.args.emplace_back(a);
    }
    return o;
}

std::vector<std::string> given_options(const options& o) {
    std::vector<std::string> out;
    const auto add = [&](bool given, const char* name) {
        if (given) out.emplace_back(name);
    };
    add(o.plan_file.has_value(), "--plan");
    add(o.output.has_value(), "--output");
    add(o.rejects.has_value(), "--rejects");
    add(o.month.has_value(), "--month");
    add(o.xlsx.has_value(), "--xlsx");
    add(o.encoding.has_value(), "--encoding");
    add(o.columns.has_value(), "--columns");
    add(o.rate_unit.has_value(), "--rate-unit");
    add(o.period.has_value(), "--period");
    add(o.repayments.has_value(), "--repayments");
    add(o.sheet.has_value(), "--sheet");
    add(o.group_by.has_value(), "--group-by");
    add(o.json, "--json");
    add(o.keep_going, "--keep-going");
    add(o.prefix, "--prefix");
    add(o.receipts, "--receipts");
    add(o.lang_given, "--lang");
    add(o.lender.has_value(), "--lender");
    add(!o.lender_of.empty(), "--lender-of");
    add(!o.repayments_of.empty(), "--repayments-of");
    add(o.budget.has_value(), "--budget");
    add(!o.set.empty(), "--set");
    add(o.months.has_value(), "--months");
    add(o.unit.has_value(), "--unit");
    add(o.as_of.has_value(), "--as-of");
    add(o.parameter.has_value(), "--parameter");
    add(o.within.has_value(), "--within");
    add(o.reach, "--reach");
    add(o.register_db.has_value(), "--register");
    add(o.commit, "--commit");
    add(o.round.has_value(), "--round");
    add(o.head.has_value(), "--head");
    add(o.borrower_limit.has_value(), "--borrower-limit");
    add(!o.observations.empty(), "--observations");
    add(!o.ledgers.empty(), "--ledger");
    add(o.subsidies.has_value(), "--subsidies");
    add(!o.scenario.empty(), "--scenario");
    add(o.method.has_value(), "--method");
    add(o.key.has_value(), "--key");
    return out;
}

}  // namespace zjcredit::cli
