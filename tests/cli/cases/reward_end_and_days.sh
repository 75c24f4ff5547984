. "$CASES/../lib.bash"
# A financing with both end and days is a validation error (exit 2) on line 2.
cat >fin.csv <<'CSV'
core_enterprise,sme,amount,start,end,days,confirmed_on_platform
湛江市丙集团有限公司,湛江市乙贸易有限公司,1000000,2022-03-01,2022-08-28,180,true
CSV
"$ZJCREDIT" reward fin.csv
