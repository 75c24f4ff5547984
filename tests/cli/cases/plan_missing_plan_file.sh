. "$CASES/../lib.bash"
"$ZJCREDIT" plan --plan no-such-plan.json
