. "$CASES/../lib.bash"
# Every subcommand's --help exits 0 and shows an example of that command.
for c in plan lint words subsidy reward award assess ledger; do
    rc=0
    "$ZJCREDIT" "$c" --help >help.txt 2>err.txt || rc=$?
    [ -s err.txt ] && fail "$c --help wrote to stderr"
    echo "$c: exit $rc, examples $(grep -c "^example: zjcredit $c " help.txt), usage $(grep -c "^usage: zjcredit $c" help.txt)"
done
