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
        else if (a == "--version" && o.command.empty() && !has_inline) o.command = "version";
        else if (a == "--lang") {
            o.lang = value();
            if (o.lang != "zh" && o.lang != "en") throw parse_error("--lang", o.lang, "must be zh or en");
        } else if (a.size() > 1 && a[0] == '-' && a != "-")
            throw parse_error("arguments", std::string(a), "unknown option");
        else if (o.command.empty()) o.command = std::string(a);
        else o.args.emplace_back(a);
    }
    return o;
}

}  // namespace zjcredit::cli
