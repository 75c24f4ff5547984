. "$CASES/../lib.bash"
# The version printed is the one written in include/zjcredit/version.hpp.
h="$SRC/include/zjcredit/version.hpp"
part() { sed -n "s/^#define ZJCREDIT_VERSION_$1 \([0-9][0-9]*\)$/\1/p" "$h"; }
v="$(part MAJOR).$(part MINOR).$(part PATCH)"
[ "$v" != ".." ] || fail "no ZJCREDIT_VERSION_MAJOR/MINOR/PATCH in version.hpp"
"$ZJCREDIT" --version >out.txt; rc=$?
[ "$(cat out.txt)" = "zjcredit $v" ] || fail "--version printed '$(cat out.txt)', expected 'zjcredit $v'"
"$ZJCREDIT" version | cmp -s - out.txt || fail "'version' and '--version' differ"
echo "version ok"
exit $rc
