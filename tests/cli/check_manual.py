#!/usr/bin/python3
"""The man page and the bash completion the build made, checked against what
the CLI itself says and does:

- `man -l zjcredit.1` renders it with groff's warnings on, and prints nothing
  on stderr;
- its COMMANDS are exactly the commands `zjcredit --help` lists, in order,
  each with a usage and an example;
- the options it names are exactly the options named by `zjcredit --help` and
  every `zjcredit COMMAND --help`; each command's own options are in its part;
- its EXIT STATUS codes are those of the "Exit status:" sentence of --help;
- the completion offers each command's options exactly as the CLI accepts them
  (an option is accepted unless the CLI answers "does not apply"), completes
  no option after one that takes a value ("option needs a value") and the
  choices `--opt a|b` that the help shows.

usage: check_manual.py ZJCREDIT ZJCREDIT.1 COMPLETION
"""

import os
import re
import subprocess
import sys
import tempfile

cli, man_page, completion = map(os.path.abspath, sys.argv[1:4])
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)


def run(*args, cwd=None):
    return subprocess.run([cli, *args], capture_output=True, text=True, cwd=cwd)


# Long options, and short ones standing alone (not "UTF-8", not "2-column").
OPTION = re.compile(r"(?<![\w.-])(--[a-z][a-z-]*[a-z]|-[a-zA-Z])(?![\w-])")

top = run("--help").stdout
listed = top.split("Commands:\n", 1)[1].split("\n\n", 1)[0]
commands = re.findall(r"^  (\S+) ", listed, re.M)
check(len(commands) >= 8, f"--help lists too few commands: {commands}")
helps = {c: run(c, "--help").stdout for c in commands}
help_options = set(OPTION.findall(top))
for text in helps.values():
    help_options |= set(OPTION.findall(text))
common = helps[commands[0]][helps[commands[0]].index("Common options:"):]
own_options = {c: set(OPTION.findall(text[: text.index("Common options:")])) for c, text in helps.items()}

# ---- the man page, as man renders it ----------------------------------------
env = dict(os.environ, MANWIDTH="200", LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
env.pop("MANPAGER", None)
env.pop("PAGER", None)
rendered = subprocess.run(["man", "--warnings", "-l", man_page], capture_output=True, text=True, env=env)
check(rendered.returncode == 0, f"man -l exited {rendered.returncode}")
check(rendered.stderr == "", f"man -l warned:\n{rendered.stderr}")
# groff may set \- as a minus sign or a hyphen: read both as "-".
text = rendered.stdout.replace("\u2212", "-").replace("\u2010", "-")
sections = dict(re.findall(r"^([A-Z][A-Z ]+)\n(.*?)(?=^[A-Z][A-Z ]+\n|\Z)", text, re.M | re.S))
for name in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "EXIT STATUS", "EXAMPLES"):
    check(name in sections, f"the man page has no {name} section (has {sorted(sections)})")

parts = re.split(r"^   zjcredit (\S+)\n", sections.get("COMMANDS", ""), flags=re.M)
man_commands = parts[1::2]
check(man_commands == commands, f"man COMMANDS {man_commands} != --help commands {commands}")
for name, part in zip(parts[1::2], parts[2::2]):
    check("Usage:" in part and "Example:" in part, f"man: zjcredit {name} lacks its usage or example")
    if name in own_options:
        missing = own_options[name] - set(OPTION.findall(part))
        check(not missing, f"man: zjcredit {name} does not show its options {sorted(missing)}")

man_options = set(OPTION.findall(text))
check(man_options == help_options,
      f"options only in the man page: {sorted(man_options - help_options)}; "
      f"only in --help: {sorted(help_options - man_options)}")

help_codes = re.findall(r"(?:^|, )(\d+) ", " ".join(common.split("Exit status:", 1)[1].split()))
man_codes = re.findall(r"^       (\d+)\s", sections.get("EXIT STATUS", ""), re.M)
check(help_codes and man_codes == help_codes, f"man EXIT STATUS {man_codes} != --help's {help_codes}")

# ---- the bash completion ---------------------------------------------------------


def complete(*words):
    """COMPREPLY after typing `zjcredit WORDS...` (the last word being completed)."""
    script = (f"source {completion!r}\nCOMP_WORDS=(zjcredit {' '.join(repr(w) for w in words)})\n"
              f"COMP_CWORD={len(words)}\n_zjcredit\nprintf '%s\\n' \"${{COMPREPLY[@]}}\"\n")
    out = subprocess.run(["bash", "--norc", "-c", script], capture_output=True, text=True)
    check(out.stderr == "", f"completion of {words}: {out.stderr}")
    return set(filter(None, out.stdout.split("\n")))


check(complete("") == set(commands) | {"--help", "--version"}, f"first word: {sorted(complete(''))}")
long_options = sorted(o for o in help_options if o.startswith("--") and o not in ("--help", "--version"))
choices = dict(re.findall(r"(--[a-z-]+)[ =]([\w-]+(?:\|[\w-]+)+)", top + "".join(helps.values())))
with tempfile.TemporaryDirectory() as work:
    takes_value = {o: "option needs a value" in run(commands[0], o, cwd=work).stderr for o in long_options}
    for c in commands:
        accepted = {"--help"}
        for o in long_options:
            value = [choices[o].split("|")[0]] if o in choices else ["x"] if takes_value[o] else []
            if "does not apply" not in run(c, o, *value, cwd=work).stderr:
                accepted.add(o)
        offered = complete(c, "--")
        check(offered == accepted, f"completion of `zjcredit {c} --`: {sorted(offered)}, the CLI accepts {sorted(accepted)}")
for o in long_options:
    after = complete(commands[0], o, "-")
    if o in choices:
        after = complete(commands[0], o, "")
        check(after == set(choices[o].split("|")), f"completion after {o}: {sorted(after)}, not {choices[o]}")
    elif takes_value[o]:
        check("--help" not in after, f"completion after {o} (which takes a value) offers options")
    else:
        check("--help" in after, f"completion after the flag {o} offers no options")

for f in failures:
    print("FAIL:", f)
print(f"{len(commands)} commands, {len(help_options)} options: "
      + ("man page and completion agree with --help" if not failures else f"{len(failures)} failures"))
sys.exit(1 if failures else 0)
