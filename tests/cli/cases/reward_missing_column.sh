. "$CASES/../lib.bash"
printf 'core_enterprise,sme,amount,start,days\nA,B,1,2022-03-01,1\n' >fin.csv
"$ZJCREDIT" reward fin.csv
