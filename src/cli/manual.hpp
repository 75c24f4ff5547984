// The man page (zjcredit.1) and the bash completion of the CLI, made from
// the same command table and help texts that `--help` prints, so that the
// three cannot drift apart (the build writes both with `zjcredit --man` and
// `zjcredit --completion bash`; tests/cli/check_manual.py compares them).
#ifndef ZJCREDIT_CLI_MANUAL_HPP
#define ZJCREDIT_CLI_MANUAL_HPP

#include "command.hpp"

#include <ostream>
#include <span>
#include <string_view>

namespace zjcredit::cli {

/// What the man page and the completion are made from: the subcommands,
/// the "Common options:" help text (its option lines and its "Exit status:"
/// sentence) and the one-line description of the program.
struct manual_source {
    std::span<const command> commands;
    std::string_view common_options;
    std::string_view program_summary;
};

/// The man page in troff (man macros): NAME, SYNOPSIS, DESCRIPTION, COMMANDS
/// (each command's usage, text, options and example), OPTIONS, EXIT STATUS,
/// EXAMPLES.
void write_man_page(std::ostream& out, const manual_source& source);

/// A bash completion script: commands, each command's options, the choices
/// of `--opt a|b` options and file names for the other option values.
void write_bash_completion(std::ostream& out, const manual_source& source);

}  // namespace zjcredit::cli

#endif
