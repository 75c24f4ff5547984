. "$CASES/../lib.bash"
# 249.99亿... the smallest step below 250亿: 24,999,999,999.99 is not met by 0.01 元,
# shown in 亿元 (the unit of 250亿元): 249.9999999999 against 250, margin -0.0000000001.
sed 's/,,250亿,,/,,"24,999,999,999.99",,/' "$OBSERVATIONS" >obs.csv
grep -q 24,999 obs.csv || fail "could not edit the observations"
"$ZJCREDIT" assess obs.csv | plain | cut -d, -f1-7 | grep '^sme_credit_loans,'
