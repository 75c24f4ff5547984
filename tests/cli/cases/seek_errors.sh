. "$CASES/../lib.bash"
# A seek's errors name the option the user typed and quote the text typed:
# a --within end of the wrong kind (a rate for an amount), a parameter whose
# total does not rise with it (a later window start pays less), and a
# --budget no value in the range meets. Each exits 2, the last one's status.
LOANS="$SRC/docs/examples/loans.csv"
for args in "--parameter first_loan_subsidy.balance_cap --budget 2000 --within 1%..46万" \
            "--parameter first_loan_subsidy.application_window.from --budget 2000" \
            "--parameter first_loan_subsidy.balance_cap --budget 1 --within 45万..46万"; do
    rc=0
    # shellcheck disable=SC2086 # the options are split on purpose
    "$ZJCREDIT" seek "$LOANS" $args || rc=$?
    [ "$rc" = 2 ] || fail "seek $args: exit $rc, not 2"
done
exit 2
