#!/bin/sh
# The Debian packages of `make package` as a bureau's IT installs them:
#   check_debs.sh DEB_DIR SOURCE_DIR
# As root (CI is): `apt-get install ./*.deb`, then, against /usr, the
# consumers of tests/consumers (C through pkg-config, C++ and C through
# find_package, the CLI, `man zjcredit`, the bash completion, Python's
# `import zjcredit` and the README example), then `apt-get purge` of the
# four packages (remove, and no trace left in dpkg's database) and of exactly
# the packages apt pulled in for them:
# the machine is left with the packages it had. Refuses to run if one of the
# four is installed already (it would not leave it as it was).
set -eu
debs=$(cd "$1" && pwd)
source=$(cd "$2" && pwd)
packages="libzjcredit0 libzjcredit-dev zjcredit python3-zjcredit"
[ "$(id -u)" -eq 0 ] || { echo "check_debs.sh: run as root (apt-get install)"; exit 2; }
for p in $packages; do
    if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        echo "check_debs.sh: $p is installed already; remove it first"; exit 2
    fi
done

work=$(mktemp -d)
dpkg-query -W -f='${Package}\n' | sort > "$work/before"
restore() {
    status=$?
    echo "== removing the packages"
    DEBIAN_FRONTEND=noninteractive apt-get purge -y $packages > "$work/remove.log" 2>&1 || cat "$work/remove.log"
    for p in $packages; do
        if dpkg-query -W "$p" > /dev/null 2>&1; then echo "FAIL: $p is still known to dpkg"; status=1; fi
    done
    dpkg-query -W -f='${Package} ${Status}\n' | awk '$4 == "installed" {print $1}' | sort > "$work/after"
    pulled=$(comm -13 "$work/before" "$work/after" | tr '\n' ' ')
    if [ -n "$pulled" ]; then
        echo "== purging what apt pulled in: $pulled"
        DEBIAN_FRONTEND=noninteractive apt-get purge -y $pulled > "$work/purge.log" 2>&1 || cat "$work/purge.log"
    fi
    dpkg-query -W -f='${Package} ${Status}\n' | awk '$4 == "installed" {print $1}' | sort > "$work/after"
    if ! cmp -s "$work/before" "$work/after"; then
        echo "FAIL: the installed packages differ from before:"; diff "$work/before" "$work/after" || true
        status=1
    fi
    rm -rf "$work"
    exit $status
}
trap restore EXIT

echo "== apt-get install $(cd "$debs" && echo *.deb)"
(cd "$debs" && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ./*.deb) > "$work/install.log" 2>&1 ||
    { cat "$work/install.log"; exit 1; }
for p in $packages; do dpkg-query -W -f='${Package} ${Version}\n' "$p"; done

cd "$work"
cp "$source/tests/consumers/example.c" "$source/tests/consumers/example.cpp" "$source/tests/consumers/example.py" .
echo "== C through pkg-config"
sh "$source/tests/consumers/pkg-config.sh" | tee c.out
grep -q "贰亿贰仟万元整" c.out

echo "== C++ and C through find_package"
mkdir find_package && cp "$source/tests/consumers/find_package/CMakeLists.txt" example.c example.cpp find_package/
cmake -S find_package -B find_package/build -DCMAKE_BUILD_TYPE=Release > cmake.log 2>&1 || { cat cmake.log; exit 1; }
cmake --build find_package/build > build.log 2>&1 || { cat build.log; exit 1; }
find_package/build/credit_example | grep "220,000,000\.00 = 贰亿贰仟万元整"
find_package/build/credit_example_c | grep -q "贰亿贰仟万元整"

echo "== the CLI, its man page and completion"
[ "$(command -v zjcredit)" = /usr/bin/zjcredit ]
sh "$source/tests/consumers/example.sh" | tee cli.out
grep -q "贰亿贰仟万元整" cli.out
MANPAGER=cat MANWIDTH=100 man zjcredit > man.out 2> man.err
[ ! -s man.err ] || { cat man.err; exit 1; }
grep -q "EXIT STATUS" man.out && grep -q "zjcredit subsidy" man.out
bash --norc -c '. /usr/share/bash-completion/completions/zjcredit && COMP_WORDS=(zjcredit su) COMP_CWORD=1 && _zjcredit && [ "${COMPREPLY[*]}" = subsidy ]'

echo "== Python: import zjcredit, the README example"
env -u ZJCREDIT_LIBRARY -u PYTHONPATH -u LD_LIBRARY_PATH /usr/bin/python3 -c \
    'import zjcredit, zjcredit._lib as l; print(zjcredit.__version__, l.lib._name)'
env -u ZJCREDIT_LIBRARY -u PYTHONPATH -u LD_LIBRARY_PATH /usr/bin/python3 example.py | grep "220000000.00 贰亿贰仟万元整"
echo "packages OK"
