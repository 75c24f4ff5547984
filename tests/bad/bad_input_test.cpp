// The bad-input catalogue (tests/data/bad, see its README.md) through the
// C++ API: every case must throw the zjcredit::error of its status, naming
// its field, with every expected substring in what(), a what() that is valid
// UTF-8 and not longer than the case allows. Anything else — a result, an
// exception of another type, a crash — fails the case. A `table` case reads
// its file with rules::read_loan_table_bytes (options from the case's JSON,
// its repayments table beside it): `level=table` must throw there;
// `level=loan` must read, and rules::subsidy_for_table on the first loan
// must throw. A `screen` case reads its file into screen::screen_table
// (period and lender from its options): `level=table` must throw there;
// `level=loan` must screen, the first listing's error naming the field and
// holding every substring. A `sandbox` case's file is the loans of
// sandbox::seek_tables_json or sandbox::whatif_tables_json (its `call`),
// its `request` the options.
#include <doctest/doctest.h>

#include <zjcredit/assess/assess.hpp>
#include <zjcredit/assess/json.hpp>
#include <zjcredit/detail/utf8.hpp>
#include <zjcredit/error.hpp>
#include <zjcredit/ledger/compliance.hpp>
#include <zjcredit/ledger/io.hpp>
#include <zjcredit/ledger/month.hpp>
#include <zjcredit/ledger/read.hpp>
#include <zjcredit/money/parse.hpp>
#include <zjcredit/plan/json.hpp>
#include <zjcredit/plan/plan_2022.hpp>
#include <zjcredit/rules/json.hpp>
#include <zjcredit/rules/table.hpp>
#include <zjcredit/sandbox/tables.hpp>
#include <zjcredit/sandbox/whatif.hpp>
#include <zjcredit/screen/register.hpp>
#include <zjcredit/screen/screen.hpp>
#include <zjcredit/screen/tables.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#ifndef ZJCREDIT_BAD_DATA_DIR
#error "ZJCREDIT_BAD_DATA_DIR must name tests/data/bad"
#endif

namespace {

namespace fs = std::filesystem;
using namespace zjcredit;

constexpr std::array counted_kinds{"amount", "month", "plan", "subsidy", "reward", "award", "assess", "ledger", "table",
                                   "register", "screen", "ledger_file", "sandbox"};
// budget: no CLI command; csv: only the ledger CSV cases have a C++ entry point.
constexpr std::array extra_kinds{"budget", "csv"};
constexpr std::size_t min_cases = 150;
constexpr std::size_t default_max_message = 600;
constexpr std::string_view marker = "@@FILL@@";

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE_MESSAGE(in.good(), "cannot open " << path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct bad_case {
    std::string kind;
    std::string name;
    fs::path input;
    std::vector<std::pair<std::string, std::string>> keys;

    std::string id() const { return kind + "/" + name; }

    /// The name the input is given under, as the CLI runner writes it ("input.csv").
    std::string file_name() const {
        return kind == "table" || kind == "ledger_file" ? "input" + input.extension().string() : "input.csv";
    }

    std::optional<std::string> get(std::string_view key) const {
        for (const auto& [k, v] : keys)
            if (k == std::string(key) + ".cpp") return v;
        for (const auto& [k, v] : keys)
            if (k == key) return v;
        return std::nullopt;
    }

    std::vector<std::string> messages() const {
        std::vector<std::string> own, common;
        for (const auto& [k, v] : keys) {
            if (k == "message.cpp") own.push_back(v);
            if (k == "message") common.push_back(v);
        }
        return own.empty() ? common : own;
    }

    std::string data() const {
        std::string raw = read_bytes(input);
        const auto fill = get("fill");
        if (!fill) return raw;
        const std::size_t at = raw.find(marker);
        REQUIRE_MESSAGE(at != std::string::npos, id() << ": no " << marker << " marker");
        const std::size_t repeat = std::strtoull(get("repeat").value_or("0").c_str(), nullptr, 10);
        std::string out;
        out.reserve(raw.size() + fill->size() * repeat);
        out.append(raw, 0, at);
        for (std::size_t i = 0; i < repeat; ++i) out += *fill;
        out.append(raw, at + marker.size());
        return out;
    }
};

std::vector<bad_case> load(const fs::path& dir, std::string_view kind) {
    std::vector<bad_case> out;
    if (!fs::is_directory(dir / kind)) return out;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir / kind)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& expect : files) {
        if (expect.extension() != ".expect") continue;
        bad_case c{std::string(kind), expect.stem().string(), {}, {}};
        for (const auto& f : files)
            if (f != expect && f.stem() == expect.stem()) c.input = f;
        REQUIRE_MESSAGE(!c.input.empty(), c.id() << ": no input file");
        std::istringstream lines(read_bytes(expect));
        for (std::string line; std::getline(lines, line);) {
            if (line.empty() || line[0] == '#') continue;
            const auto eq = line.find('=');
            REQUIRE_MESSAGE(eq != std::string::npos, c.id() << ": not key=value: " << line);
            c.keys.emplace_back(line.substr(0, eq), line.substr(eq + 1));
        }
        out.push_back(std::move(c));
    }
    return out;
}

std::optional<errc> code_of(std::string_view name) {
    if (name == "parse") return errc::parse;
    if (name == "validation") return errc::validation;
    if (name == "overflow") return errc::overflow;
    if (name == "not_found") return errc::not_found;
    if (name == "io") return errc::io;
    return std::nullopt;
}

std::string_view name_of(errc code) {
    switch (code) {
        case errc::parse: return "parse";
        case errc::validation: return "validation";
        case errc::overflow: return "overflow";
        case errc::not_found: return "not_found";
        case errc::io: return "io";
    }
    return "?";
}

bool valid_utf8(std::string_view s) { return detail::printable(s) == s; }

/// The monthly check the C ABI's zjc_ledger_check makes.
void check_ledger(std::string_view ledger_json, std::string_view month_text) {
    const plan::plan& p = plan::plan_2022();
    const ledger::year_month m = ledger::parse_year_month(month_text, "month");
    const ledger::ledger_document doc = ledger::ledger_from_json(ledger_json, p);
    (void)ledger::check_period(p, doc.submissions, m, m);
    (void)ledger::check_liaison_forms(p, doc.liaison_forms);
}

/// A JSON string literal of `s` (a path: no control characters expected).
std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char ch : s) {
        if (ch == '"' || ch == '\\') out += '\\';
        out += ch;
    }
    return out + "\"";
}

/// A `table` case: the table read with its options, then the first loan's subsidy.
void call_table(const bad_case& c, const std::string& bytes) {
    std::string options = c.get("options").value_or("");
    const fs::path repayments = c.input.parent_path() / (c.name + ".repayments.csv");
    if (fs::is_regular_file(repayments)) {
        const std::string key = "\"repayments\": " + json_string(repayments.string());
        const std::string rest = options.empty() ? "}" : options.substr(options.find('{') + 1);
        const bool none = rest.find_first_not_of(" ") == rest.find('}');
        options = "{" + key + (none ? "" : ", ") + rest;
    }
    const bool loan_level = c.get("level") == "loan";
    std::optional<rules::loan_table> table;
    try {
        table = rules::read_loan_table_bytes(bytes, c.file_name(), rules::table_options_from_json(options));
    } catch (const zjcredit::error& e) {
        if (!loan_level) throw;
        throw std::runtime_error(std::string("the whole table was refused, expected the first loan's error: ") +
                                 e.what());
    }
    if (!loan_level) return;
    if (table->loans.empty()) throw std::runtime_error("the table holds no loan, expected the first loan's error");
    (void)rules::subsidy_for_table(*table, table->loans.front(), plan::plan_2022());
}

/// The string value of `key` in a case's flat options JSON ("" when absent; no escapes expected).
std::string option_value(const std::string& json, const std::string& key) {
    const std::size_t at = json.find("\"" + key + "\"");
    if (at == std::string::npos) return {};
    const std::size_t open = json.find('"', json.find(':', at) + 1);
    return json.substr(open + 1, json.find('"', open + 1) - open - 1);
}

/// A `screen` case: its table read (period and lender from its options) and
/// screened; `check` is given the input and result. Throws what the reading throws.
void screen_case(const bad_case& c, const std::string& bytes,
                 const std::function<void(const screen::screen_input&, const screen::screen_result&)>& check) {
    const std::string options = c.get("options").value_or("");
    rules::table_options t;
    if (const std::string period = option_value(options, "period"); !period.empty())
        t.period = rules::parse_period(period, "period");
    screen::screen_table table;
    table.add(rules::read_loan_table_bytes(bytes, c.file_name(), t), option_value(options, "lender"));
    const screen::screen_input in = table.input();
    check(in, screen::run_screen(in, plan::plan_2022().first_loan_subsidy));
}

/// `text` of an .expect line with its "{file}" replaced by the case's file name.
std::string with_file(const bad_case& c, std::string text) {
    if (const auto f = text.find("{file}"); f != std::string::npos) text.replace(f, 6, c.file_name());
    return text;
}

/// A `screen` case of level loan: the first listing's error names the field and holds every substring.
std::vector<std::string> run_screen_text(const bad_case& c) {
    std::string text;
    try {
        screen_case(c, c.data(), [&](const screen::screen_input& in, const screen::screen_result& r) {
            if (!r.loans.empty()) text = screen::row_error_message(in, r, 0, plan::plan_2022().first_loan_subsidy);
        });
    } catch (const zjcredit::error& e) {
        return {std::string("the whole table was refused, expected the first listing's error: ") + e.what()};
    }
    if (text.empty()) return {"the first listing has no error"};
    std::vector<std::string> problems;
    const std::string field = with_file(c, c.get("field").value_or(""));
    if (text.find(field) == std::string::npos) problems.push_back("does not name the field \"" + field + "\"");
    for (const auto& m : c.messages())
        if (text.find(with_file(c, m)) == std::string::npos) problems.push_back("lacks \"" + m + "\"");
    if (!problems.empty()) problems.push_back("the text was: " + text.substr(0, 1000));
    return problems;
}

/// `text` as a JSON string, quotes included.
std::string json_quoted(std::string_view text) {
    std::string out = "\"";
    for (const char ch : text) {
        if (ch == '"' || ch == '\\') {
            out += '\\';
            out += ch;
        } else if (static_cast<unsigned char>(ch) < 0x20) {
            constexpr std::string_view hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[static_cast<unsigned char>(ch) >> 4];
            out += hex[static_cast<unsigned char>(ch) & 0xF];
        } else {
            out += ch;
        }
    }
    return out + "\"";
}

/// A `sandbox` case: the goal seek or the what-if (its `call`) over its file
/// as a table named as the CLI runner names it, its `request` as the options.
void sandbox_case(const bad_case& c, const std::string& bytes) {
    const std::string tables = "[{\"name\": " + json_quoted(c.file_name()) + ", \"text\": " + json_quoted(bytes) + "}]";
    const std::string request = c.get("request").value_or("{}");
    if (c.get("call") == "seek") (void)sandbox::seek_tables_json(tables, request, plan::plan_2022());
    else if (c.get("call") == "whatif") (void)sandbox::whatif_tables_json(tables, request, plan::plan_2022());
    else throw std::runtime_error("call must be seek or whatif");
}

/// Runs the kind's entry point; returns false when the case has none in C++.
bool call(const bad_case& c, const std::string& text, const std::string& base_ledger) {
    const plan::plan& p = plan::plan_2022();
    if (c.kind == "table") {
        call_table(c, text);
        return true;
    }
    if (c.kind == "register") {
        // A register is a file, opened where it lies (the case's input).
        (void)screen::payout_register::open(c.input, screen::register_open::existing).verify();
        return true;
    }
    if (c.kind == "screen") {
        screen_case(c, text, [](const screen::screen_input&, const screen::screen_result&) {});
        return true;
    }
    if (c.kind == "sandbox") {
        sandbox_case(c, text);
        return true;
    }
    if (c.kind == "ledger_file") {  // what zjc_ledger_read reads, then September checked
        const auto doc = ledger::read_ledger_bytes(text, c.file_name(), p);
        (void)ledger::check_period(p, doc.submissions, ledger::year_month(2022, 9), ledger::year_month(2022, 9));
        return true;
    }
    if (c.kind == "amount") (void)money::parse_amount(text, {.field = "amount", .round_excess = std::nullopt});
    else if (c.kind == "month") check_ledger(base_ledger, text);
    else if (c.kind == "plan") (void)plan::plan_from_json(text);
    else if (c.kind == "subsidy") (void)rules::first_loan_subsidy_json(text);
    else if (c.kind == "reward") (void)rules::receivables_reward_json(text);
    else if (c.kind == "award") (void)rules::listing_award_json(text);
    else if (c.kind == "budget") (void)rules::allocate_budget_json(text);
    else if (c.kind == "assess") (void)assess::assess(p, assess::observations_from_json(text, p));
    else if (c.kind == "ledger") check_ledger(text, "2022-09");
    else if (c.kind == "csv" && c.get("command") == "ledger") {
        const ledger::year_month m(2022, 9);
        const auto submissions =
            ledger::read_ledger_csv(text, p, {.source = "input.csv", .received = std::nullopt, .month = m});
        (void)ledger::check_month(p, submissions, m);
    } else {
        return false;
    }
    return true;
}

/// Runs one case; returns what is wrong with the outcome (nothing: passed).
std::vector<std::string> run(const bad_case& c, const std::string& base_ledger) {
    if (c.kind == "screen" && c.get("level") != "table") return run_screen_text(c);
    std::vector<std::string> problems;
    const auto want = code_of(c.get("status").value_or(""));
    if (!want) return {"no valid status in the .expect file"};
    try {
        const std::string text = c.data();
        if (!call(c, text, base_ledger)) return {"no C++ entry point for this kind of case"};
        problems.push_back("no error: the call succeeded");
    } catch (const zjcredit::error& e) {
        const std::string message = e.what();
        if (e.code() != *want)
            problems.push_back("code " + std::string(name_of(e.code())) + ", expected " + std::string(name_of(*want)));
        const std::string field = with_file(c, c.get("field").value_or(""));
        if (e.field().find(field) == std::string::npos)
            problems.push_back("field \"" + e.field() + "\" lacks \"" + field + "\"");
        for (const auto& m : c.messages())
            if (message.find(with_file(c, m)) == std::string::npos) problems.push_back("message lacks \"" + m + "\"");
        const std::size_t max = std::strtoull(
            c.get("max_message").value_or(std::to_string(default_max_message)).c_str(), nullptr, 10);
        if (message.size() > max)
            problems.push_back("message is " + std::to_string(message.size()) + " bytes, more than " + std::to_string(max));
        if (!valid_utf8(message)) problems.push_back("message is not valid UTF-8");
        if (message.find('\0') != std::string::npos) problems.push_back("message holds a NUL byte");
        if (!problems.empty()) problems.push_back("message was: " + message.substr(0, 1000));
    } catch (const std::exception& e) {
        problems.push_back(std::string("threw a std::exception that is not a zjcredit::error: ") + e.what());
    }
    return problems;
}

}  // namespace

TEST_CASE("bad-input catalogue through the C++ API") {
    // The environment may point at another copy of the catalogue (to try a case).
    const char* env = std::getenv("ZJCREDIT_BAD_DATA_DIR");
    const fs::path dir = env != nullptr && *env != '\0' ? env : ZJCREDIT_BAD_DATA_DIR;
    const std::string base_ledger = read_bytes(dir / "month" / "ledger.json");
    std::size_t counted = 0, counted_passed = 0, extra = 0, extra_passed = 0;
    for (const auto& kinds : {std::vector<std::string_view>(counted_kinds.begin(), counted_kinds.end()),
                              std::vector<std::string_view>(extra_kinds.begin(), extra_kinds.end())}) {
        const bool is_extra = kinds.front() == extra_kinds.front();
        for (const auto kind : kinds)
            for (const auto& c : load(dir, kind)) {
                if (c.kind == "csv" && c.get("command") != "ledger") continue;  // CLI only
                const auto problems = run(c, base_ledger);
                std::size_t& n = is_extra ? extra : counted;
                std::size_t& passed = is_extra ? extra_passed : counted_passed;
                ++n;
                if (problems.empty()) {
                    ++passed;
                    continue;
                }
                std::string report = c.id() + " (" + c.get("why").value_or("") + ")";
                for (const auto& p : problems) report += "\n    " + p;
                FAIL_CHECK(report);
            }
    }
    std::cout << "  extra cases (not counted): " << extra << " through C++, " << extra_passed << " passed, "
              << extra - extra_passed << " failed\n";
    std::cout << "bad-input catalogue: " << counted << " cases through C++, " << counted_passed << " passed, "
              << counted - counted_passed << " failed" << std::endl;
    CHECK(counted >= min_cases);
}
