. "$CASES/../lib.bash"
printf '{"company": "湛江市戊股份有限公司", "stages": [{"stage": "rang_the_bell", "date": "2023-06-20"}]}' >company.json
"$ZJCREDIT" award company.json
