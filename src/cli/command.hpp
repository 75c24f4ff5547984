// The subcommands of the zjcredit CLI and what they share: the plan to use,
// where output goes, and how errors become exit statuses.
#ifndef ZJCREDIT_CLI_COMMAND_HPP
#define ZJCREDIT_CLI_COMMAND_HPP

#include "options.hpp"

#include "../io/csv.hpp"

#include <zjcredit/plan/plan.hpp>

#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace zjcredit::cli {

/// One subcommand: its name, a one-line summary, its --help text (with an
/// example) and the function that runs it.
struct command {
    std::string_view name;
    std::string_view summary;
    std::string_view help;
    std::function<int(const options&)> run;
    /// The options it takes (besides --help); any other is a usage error.
    std::vector<std::string_view> accepts;
};

/// The plan named by --plan, or the embedded 2022 plan.
const plan::plan& selected_plan(const options& o);

/// Writes `text` to --output atomically (temp file, then rename), or to stdout.
void write_output(const options& o, std::string_view text);

/// Reads a whole file (or stdin for "-"); throws zjcredit::error (io).
std::string read_file(const std::string& path);

/// Whether `text` is JSON rather than CSV: its first character, after a
/// UTF-8 BOM and blanks, opens an object or an array.
bool looks_like_json(std::string_view text);

/// The CSV input encoding --encoding names (utf-8, gb18030), or detect
/// when it is not given; a parse_error for any other name.
io::encoding input_encoding(const options& o);

/// The single positional FILE argument, or a usage error.
const std::string& input_file(const options& o);

int run_plan(const options& o);
int run_lint(const options& o);
int run_words(const options& o);
int run_subsidy(const options& o);
int run_reward(const options& o);
int run_award(const options& o);
int run_assess(const options& o);
int run_ledger(const options& o);
int run_screen(const options& o);
int run_register(const options& o);
int run_seek(const options& o);
int run_report(const options& o);
int run_whatif(const options& o);
int run_allocate(const options& o);

}  // namespace zjcredit::cli

#endif
