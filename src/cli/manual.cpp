// The man page and the bash completion, read off the help texts: a command's
// --help is "usage: …" (continued by indented lines), text, option lines
// "  --opt VALUE  what it does" (continued by deeper-indented lines) and
// "example: …"; the common options are option lines and an "Exit status:"
// sentence. Nothing here repeats what those texts say.
#include "manual.hpp"

#include <zjcredit/version.hpp>

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace zjcredit::cli {
namespace {

struct option_item {
    std::string flags;  ///< "-o, --output F"
    std::string text;   ///< what it does, continuation lines joined
};

struct help_parts {
    std::vector<std::string> usage;    ///< the synopsis, as laid out
    std::vector<std::string> text;     ///< the description, as written
    std::vector<option_item> options;  ///< the option lines
    std::vector<std::string> example;  ///< the example, as laid out
    std::string exit_status;           ///< the "Exit status:" sentence, lines joined
};

std::vector<std::string> lines_of(std::string_view text) {
    std::vector<std::string> lines;
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::string trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(' ');
    if (first == std::string_view::npos) return {};
    return std::string(s.substr(first, s.find_last_not_of(' ') - first + 1));
}

std::size_t indent_of(std::string_view s) {
    const auto first = s.find_first_not_of(' ');
    return first == std::string_view::npos ? 0 : first;
}

help_parts parse_help(std::string_view help) {
    help_parts parts;
    enum class section { text, usage, option, example, exit_status } in = section::text;
    for (const std::string& line : lines_of(help)) {
        if (trimmed(line).empty()) continue;
        if (line.starts_with("usage: ")) {
            in = section::usage;
            parts.usage.push_back(line.substr(7));
        } else if (line.starts_with("example: ")) {
            in = section::example;
            parts.example.push_back(line.substr(9));
        } else if (line.starts_with("Exit status:")) {
            in = section::exit_status;
            parts.exit_status = trimmed(line.substr(12));
        } else if (indent_of(line) == 2 && line[2] == '-') {
            in = section::option;
            const auto gap = line.find("  ", 2);
            parts.options.push_back({line.substr(2, gap == std::string::npos ? std::string::npos : gap - 2),
                                     gap == std::string::npos ? std::string() : trimmed(line.substr(gap))});
        } else if (indent_of(line) > 2 && in == section::usage) {
            parts.usage.push_back(line);
        } else if (indent_of(line) > 2 && in == section::example) {
            parts.example.push_back(line);
        } else if (indent_of(line) > 2 && in == section::option) {
            parts.options.back().text += " " + trimmed(line);
        } else if (in == section::exit_status && indent_of(line) == 0 && !line.ends_with(":")) {
            parts.exit_status += " " + trimmed(line);
        } else {
            in = section::text;
            parts.text.push_back(line);
        }
    }
    return parts;
}

/// Text for troff: backslashes and minus signs escaped (a plain "-" may be
/// set as a hyphen and broken across lines), a leading control character
/// made ordinary.
std::string esc(std::string_view s) {
    std::string out;
    if (!s.empty() && (s.front() == '.' || s.front() == '\'')) out += "\\&";
    for (const char c : s) {
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
    }
    return out;
}

void write_literal(std::ostream& out, const std::vector<std::string>& lines) {
    out << ".RS 4\n.nf\n";
    for (const auto& line : lines) out << esc(line) << "\n";
    out << ".fi\n.RE\n";
}

void write_options(std::ostream& out, const std::vector<option_item>& options) {
    for (const auto& o : options) out << ".TP\n\\fB" << esc(o.flags) << "\\fR\n" << esc(o.text) << "\n";
}

void write_text(std::ostream& out, const std::vector<std::string>& text) {
    out << ".PP\n";
    for (const auto& line : text) {
        // An indented line is laid out as written (e.g. a list of columns).
        if (indent_of(line) > 0) write_literal(out, {trimmed(line)});
        else out << esc(line) << "\n";
    }
}

/// "0 done, 1 rows rejected (--keep-going) or lint errors, 2 …" → {0: "done", …}.
std::vector<std::pair<std::string, std::string>> exit_statuses(std::string sentence) {
    if (sentence.ends_with(".")) sentence.pop_back();
    std::vector<std::pair<std::string, std::string>> out;
    const std::regex item(R"((?:^|, )(\d+) (.*?)(?=, \d+ |$))");
    for (auto it = std::sregex_iterator(sentence.begin(), sentence.end(), item); it != std::sregex_iterator(); ++it)
        out.emplace_back((*it)[1].str(), (*it)[2].str());
    return out;
}

std::string joined(const std::vector<std::string_view>& words, std::string_view between) {
    std::string out;
    for (const auto& w : words) out += (out.empty() ? "" : std::string(between)) + std::string(w);
    return out;
}

/// The options that take a value, from every "--opt VALUE" and "--opt a|b"
/// the help texts show: VALUE's name, or the choices a|b.
std::map<std::string, std::vector<std::string>> option_values(const manual_source& source) {
    std::map<std::string, std::vector<std::string>> values;
    const std::regex shown(R"((--[a-z][a-z-]*)[ =]([A-Z]+\b|[A-Za-z0-9_-]+(?:\|[A-Za-z0-9_-]+)+))");
    const auto scan = [&](std::string_view text) {
        const std::string s(text);
        for (auto it = std::sregex_iterator(s.begin(), s.end(), shown); it != std::sregex_iterator(); ++it) {
            std::vector<std::string>& choices = values[(*it)[1].str()];
            const std::string value = (*it)[2].str();
            if (value.find('|') == std::string::npos) {
                if (choices.empty()) choices.push_back(value);
                continue;
            }
            if (choices.size() == 1 && choices.front().find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos)
                choices.clear();
            for (std::size_t from = 0; from <= value.size();) {
                const auto bar = std::min(value.find('|', from), value.size());
                const std::string choice = value.substr(from, bar - from);
                if (std::find(choices.begin(), choices.end(), choice) == choices.end()) choices.push_back(choice);
                from = bar + 1;
            }
        }
    };
    scan(source.common_options);
    for (const auto& c : source.commands) scan(c.help);
    return values;
}

}  // namespace

void write_man_page(std::ostream& out, const manual_source& source) {
    const help_parts common = parse_help(source.common_options);
    out << ".\\\" The manual of zjcredit, made by `zjcredit --man` from the CLI's --help texts.\n"
        << ".TH ZJCREDIT 1 \"\" \"zjcredit " ZJCREDIT_VERSION_STRING "\" \"User Commands\"\n"
        << ".nh\n.ad l\n"
        << ".SH NAME\nzjcredit \\- " << esc(source.program_summary) << "\n"
        << ".SH SYNOPSIS\n\\fBzjcredit\\fR \\fICOMMAND\\fR [\\fIoptions\\fR] [\\fIFILE\\fR]\n.br\n"
        << "\\fBzjcredit\\fR \\fICOMMAND\\fR \\fB\\-\\-help\\fR\n.br\n"
        << "\\fBzjcredit\\fR \\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR\n"
        << ".SH DESCRIPTION\n\\fBzjcredit\\fR is the command line of the zjcredit library: "
        << esc(source.program_summary) << ".\n"
        << "Each command below reads the file it is given and writes its answer to standard output, "
           "or with \\fB\\-o\\fR to a file written atomically; amounts are exact, in yuan to the fen. "
           "The commands:\n";
    for (const auto& c : source.commands)
        out << ".TP\n\\fB" << esc(c.name) << "\\fR\n" << esc(c.summary) << "\n";

    out << ".SH COMMANDS\n";
    for (const auto& c : source.commands) {
        const help_parts parts = parse_help(c.help);
        out << ".SS \"zjcredit " << esc(c.name) << "\"\n" << esc(c.summary) << ".\n";
        if (!parts.usage.empty()) {
            out << ".PP\nUsage:\n";
            write_literal(out, parts.usage);
        }
        if (!parts.text.empty()) write_text(out, parts.text);
        if (!parts.options.empty()) write_options(out, parts.options);
        out << ".PP\nOptions: " << esc(joined(c.accepts, ", ")) << ", \\-\\-help.\n";
        if (!parts.example.empty()) {
            out << ".PP\nExample:\n";
            write_literal(out, parts.example);
        }
    }

    out << ".SH OPTIONS\nThe options most commands share; each command takes those its Options line names.\n";
    write_options(out, common.options);
    // Options no shared line describes, with the commands that take them.
    std::set<std::string> described;
    const std::regex long_option(R"(--[a-z][a-z-]*)");
    for (const auto& o : common.options)
        for (auto it = std::sregex_iterator(o.flags.begin(), o.flags.end(), long_option); it != std::sregex_iterator();
             ++it)
            described.insert(it->str());
    std::map<std::string, std::vector<std::string_view>> others;
    for (const auto& c : source.commands)
        for (const auto& a : c.accepts)
            if (!described.contains(std::string(a))) others[std::string(a)].push_back(c.name);
    const auto values = option_values(source);
    for (const auto& [name, commands] : others) {
        const auto value = values.find(name);
        out << ".TP\n\\fB" << esc(name) << "\\fR";
        if (value != values.end()) {
            std::vector<std::string_view> shown(value->second.begin(), value->second.end());
            out << " \\fI" << esc(joined(shown, "|")) << "\\fR";
        }
        out << "\nsee \\fBzjcredit " << esc(joined(commands, "\\fR, \\fBzjcredit ")) << "\\fR above.\n";
    }

    out << ".SH \"EXIT STATUS\"\n";
    for (const auto& [status, meaning] : exit_statuses(common.exit_status))
        out << ".TP\n.B " << status << "\n" << esc(meaning) << "\n";

    out << ".SH EXAMPLES\n";
    for (const auto& c : source.commands) {
        const help_parts parts = parse_help(c.help);
        if (parts.example.empty()) continue;
        out << ".PP\n" << esc(c.summary) << ":\n";
        write_literal(out, parts.example);
    }
}

void write_bash_completion(std::ostream& out, const manual_source& source) {
    std::vector<std::string_view> names;
    for (const auto& c : source.commands) names.push_back(c.name);
    names.push_back("--help");
    names.push_back("--version");

    out << "# bash completion for zjcredit, made by `zjcredit --completion bash` from the\n"
           "# CLI's command table and --help texts.\n"
           "_zjcredit() {\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} options\n"
           "    COMPREPLY=()\n"
           "    if [[ $COMP_CWORD -eq 1 ]]; then\n"
           "        COMPREPLY=($(compgen -W '"
        << joined(names, " ")
        << "' -- \"$cur\"))\n"
           "        return\n"
           "    fi\n"
           "    case $prev in\n";
    std::vector<std::string_view> files;
    std::vector<std::string_view> free_values;
    const auto values = option_values(source);
    for (const auto& [name, shown] : values) {
        if (shown.size() > 1) {
            std::vector<std::string_view> choices(shown.begin(), shown.end());
            out << "        " << name << ") COMPREPLY=($(compgen -W '" << joined(choices, " ") << "' -- \"$cur\")); return ;;\n";
        } else if (shown.front() == "FILE" || shown.front() == "OUT" || shown.front() == "F") {
            files.push_back(name);
        } else {
            free_values.push_back(name);
        }
    }
    if (std::find(files.begin(), files.end(), "--output") != files.end()) files.push_back("-o");
    if (!files.empty()) out << "        " << joined(files, "|") << ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n";
    if (!free_values.empty()) out << "        " << joined(free_values, "|") << ") return ;;\n";
    out << "    esac\n"
           "    case ${COMP_WORDS[1]} in\n";
    for (const auto& c : source.commands) {
        std::vector<std::string_view> accepted(c.accepts.begin(), c.accepts.end());
        accepted.push_back("--help");
        out << "        " << c.name << ") options='" << joined(accepted, " ") << "' ;;\n";
    }
    out << "        *) return ;;\n"
           "    esac\n"
           "    if [[ $cur == -* ]]; then\n"
           "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
           "    else\n"
           "        COMPREPLY=($(compgen -f -- \"$cur\"))\n"
           "    fi\n"
           "}\n"
           "complete -o filenames -F _zjcredit zjcredit\n";
}

}  // namespace zjcredit::cli
