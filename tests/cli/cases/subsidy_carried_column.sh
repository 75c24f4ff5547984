. "$CASES/../lib.bash"
# A column the subsidy does not use (here "comment", after the 12 of docs/records.md) is carried
# through to the results, between the borrower and 是否符合; the loan is the one of
# docs/examples/loans.csv's 甲: 1,000,000.00 x 91 days x 1% / 360 = 2527.777... -> 2527.78.
H=borrower,borrower_kind,first_application_date,via_platform,local_legal_person_lender,first_loan,annual_rate,period_from,period_to,balance_from,balance_to,balance,comment
printf '%s\n%s\n' "$H" "甲,small,2022-04-01,true,true,true,4.35%,2022-04-01,2022-06-30,2022-04-01,2022-06-30,1000000.00,见附件" >in.csv
"$ZJCREDIT" subsidy in.csv | plain | cut -d, -f1-5
