. "$CASES/../lib.bash"
printf 'indicator,current,as_of,source\nmoon_loans,1,2022-12-31,x\n' >obs.csv
"$ZJCREDIT" assess obs.csv
