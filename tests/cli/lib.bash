# Helpers sourced by the CLI cases (cases/*.sh): . "$CASES/../lib.bash"
# The runner sets ZJCREDIT (the binary), CASES, DATA and SRC, and runs each
# case in a fresh temporary directory.
set -u

LOANS="$SRC/docs/examples/loans.csv"
OBSERVATIONS="$SRC/docs/examples/observations.csv"

# A check inside a case failed: say what, and exit with a status no case expects.
fail() {
    echo "FAILED: $*" >&2
    exit 99
}

need() {
    command -v "$1" >/dev/null 2>&1 || fail "the tool $1 is needed (Debian: glibc's iconv, coreutils)"
}

# CSV output as plain text: the UTF-8 BOM of the first line and the CRs of CRLF removed.
plain() {
    LC_ALL=C sed '1s/^\xEF\xBB\xBF//' "$@" | tr -d '\r'
}

# The first three bytes of a file in hex ("efbbbf" for a UTF-8 BOM).
first3() {
    od -An -tx1 -N3 "$1" | tr -d ' \n'
}

# Fails unless every line of FILE ends with CRLF.
all_crlf() {
    local lines crlf
    lines=$(wc -l <"$1")
    crlf=$(grep -c $'\r$' "$1" || true)
    [ "$lines" -gt 0 ] && [ "$lines" = "$crlf" ] || fail "$1: $crlf of $lines lines end with CRLF"
}

# UTF-8 file -> GB18030 file.
to_gb18030() {
    need iconv
    iconv -f UTF-8 -t GB18030 "$1" >"$2" || fail "iconv to GB18030 failed on $1"
}

# LF file -> CRLF file.
to_crlf() {
    sed 's/$/\r/' "$1" >"$2"
}

# UTF-8 file -> the same with a UTF-8 BOM.
with_bom() {
    { printf '\357\273\277'; cat "$1"; } >"$2"
}

# The files in the working directory, one line (to show nothing else was left behind).
files_here() {
    echo "files:" $(ls -A | sort)
}
