"""Checks that the README shows the consumer examples exactly as tests build them.

Usage: check_readme.py README.md ROOT FILE...

Each FILE (relative to ROOT) must appear in the README as an HTML comment
naming it, ``<!-- example: tests/consumers/example.c -->``, followed by a
fenced code block whose text is the file's text, byte for byte.
"""

import re
import sys
from pathlib import Path


def blocks(readme: str) -> dict[str, str]:
    found = {}
    pattern = re.compile(r"<!-- example: (\S+) -->\n```[^\n]*\n(.*?)^```$", re.S | re.M)
    for match in pattern.finditer(readme):
        found[match.group(1)] = match.group(2)
    return found


def main() -> int:
    readme_path, root = Path(sys.argv[1]), Path(sys.argv[2])
    shown = blocks(readme_path.read_text(encoding="utf-8"))
    failures = 0
    for name in sys.argv[3:]:
        expected = (root / name).read_text(encoding="utf-8")
        if name not in shown:
            print(f"{readme_path}: no '<!-- example: {name} -->' followed by a code block")
            failures += 1
        elif shown[name] != expected:
            print(f"{readme_path}: the code block for {name} differs from the file; copy the file into the README")
            failures += 1
        else:
            print(f"ok: {name}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
