. "$CASES/../lib.bash"
# An unknown parameter: exit 2, the known ones listed on stderr, nothing on stdout.
"$ZJCREDIT" subsidy "$LOANS" --set first_loan_subsidy.balance_kap=50万
