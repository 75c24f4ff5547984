. "$CASES/../lib.bash"
# 249.99亿... the smallest step below 250亿: 24,999,999,999.99 is not met by 0.01.
sed 's/,,250亿,,/,,"24,999,999,999.99",,/' "$OBSERVATIONS" >obs.csv
grep -q 24,999 obs.csv || fail "could not edit the observations"
"$ZJCREDIT" assess obs.csv | plain | cut -d, -f1-5 | grep '^sme_credit_loans,'
