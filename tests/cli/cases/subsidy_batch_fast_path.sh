. "$CASES/../lib.bash"
# Plain CSV output computes most loans with the batch engine (src/cli/subsidy_blocks.cpp,
# run_subsidy_blocks); the rest go through the one-at-a-time rule. The output
# must be the same either way: loans in input order, rates and amounts in any
# form the parsers accept (but C's bare 0.0435, whose unit the header does not
# declare: refused), a CRLF blank line, two not-eligible loans with the
# same reasons, a loan whose second row changes a loan-level cell, an empty
# borrower (the rule's check, not the batch's), flags as 是/Y/1.
H=borrower,borrower_kind,first_application_date,via_platform,local_legal_person_lender,first_loan,annual_rate,period_from,period_to,balance_from,balance_to,balance
Q=2022-04-01,2022-06-30
{
    printf '%s\n' "$H"
    printf '%s\n' "A,small,2022-04-01,true,true,true,4.35%,$Q,$Q,1000000.00"
    printf '%s\r\n' "B,small,2022-04-01,true,true,true,4.350%,$Q,$Q,\"1,000,000.00\""
    printf '\r\n'
    printf '%s\n' "C,small,2022-04-01,true,true,true,0.0435,$Q,$Q,100万"
    printf '%s\n' "D,micro,2022-03-31,true,true,true,4.35%,$Q,$Q,1000000.00"
    printf '%s\n' "E,micro,2022-03-31,true,true,true,0.8%,$Q,2022-04-01,2022-06-30,5.00"
    printf '%s\n' "F,small,2022-04-01,true,true,true,4.35%,$Q,2022-04-01,2022-05-31,500000.00"
    printf '%s\n' "F,small,2022-04-01,true,true,true,4.36%,$Q,2022-06-01,2022-06-30,500000.00"
    printf '%s\n' ",small,2022-04-01,true,true,true,4.35%,$Q,$Q,1.00"
    printf '%s\n' "G,small,2022-04-01,是,Y,1,4.35%,$Q,$Q,１２３"
    printf '%s\n' "H,small,2022-4-1,true,true,true,0.5%,$Q,$Q,1000000"
} >in.csv
rc=0
"$ZJCREDIT" subsidy in.csv --keep-going -o out.csv 2>err.txt || rc=$?
plain out.csv
plain in.csv.rejects.csv | cut -d, -f1-2
cat err.txt
"$ZJCREDIT" subsidy in.csv --keep-going --lang en --rejects en_rejects.csv | plain | tail -n 4
exit $rc
