. "$CASES/../lib.bash"
printf 'company\n湛江市戊股份有限公司\n' >company.csv
"$ZJCREDIT" award company.csv
