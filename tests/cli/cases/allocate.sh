. "$CASES/../lib.bash"
# Claims A 300, B 200, C 100 (600 in all) on a budget of 500, worked by hand.
# pro_rata, largest remainder to the 分: A 50000 x 300/600 = 25000 分 exactly;
# B 50000 x 200/600 = 16666.67 -> 16666 (remainder 2/3); C 8333.33 -> 8333
# (1/3); 49999 分 given, the one left goes to the largest remainder, B:
# A 250.00, B 166.67, C 83.33.
# first_come by 申请时间 (B 04-01, C 04-02, A 04-03): B 200 and C 100 in
# full, A the 200 left.
cat >claims.csv <<'CSV'
编号,申请金额,申请时间
A,300,2022-04-03
B,200,2022-04-01
C,100,2022-04-02
CSV
rc=0
"$ZJCREDIT" allocate claims.csv --budget 500 >pro.csv || rc=$?
plain pro.csv
"$ZJCREDIT" allocate claims.csv --budget 500 --method first_come --key 申请时间 --lang en >first.csv || rc=$?
plain first.csv
exit $rc
