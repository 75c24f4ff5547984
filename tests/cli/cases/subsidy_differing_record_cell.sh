. "$CASES/../lib.bash"
# The rows of one loan must agree on the loan's fields: 乙's second row (line 4) says 0.9%.
sed '4s/,0\.8%,/,0.9%,/' "$LOANS" >bad.csv
"$ZJCREDIT" subsidy bad.csv
