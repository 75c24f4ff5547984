. "$CASES/../lib.bash"
# The output cannot be created: I/O failure (3), nothing left behind.
"$ZJCREDIT" subsidy "$LOANS" -o no-such-dir/out.csv; rc=$?
files_here
exit $rc
