. "$CASES/../lib.bash"
# 说明 says when the 积数 is less than balance x days, so a loan officer who
# multiplies the bank's own figures sees why. Q2 2022, worked by hand:
#   JJ1: 12,000,000.00 drawn 06-01, settled 06-21, 0.8%: 20 days at the cap
#        10,000,000.00 = 200,000,000.00; x 0.8% / 360 = 1,600,000 / 360
#        = 4444.444... -> 4444.44 (the cap named).
#   JJ2: 1,000,000.00 drawn 04-01, 4.35%: 91 days = 91,000,000.00; x 1% / 360
#        = 2527.777... -> 2527.78 (nothing to name).
# With a longest subsidy period of 10 days (--set), counted from the first
# day with a balance: JJ1 06-01..06-10, 10 x 10,000,000.00 = 100,000,000.00
# x 0.8% / 360 = 2222.222... -> 2222.22 (both named); JJ2 04-01..04-10,
# 10 x 1,000,000.00 = 10,000,000.00 x 1% / 360 = 277.777... -> 277.78.
cat >loans.csv <<'CSV'
借据号,借款人,企业规模,首次申请日期,是否通过融资平台申请,是否地方法人金融机构,是否首贷,利率(%),放款日期,放款金额,结清日期
JJ1,湛江市丁农业有限公司,微型企业,2022-06-01,是,是,是,0.8,2022-06-01,12000000.00,2022-06-21
JJ2,湛江市戊科技有限公司,小型企业,2022-04-01,是,是,是,4.35,2022-04-01,1000000.00,
CSV
"$ZJCREDIT" subsidy loans.csv --period 2022-04-01..2022-06-30 >zh.csv || fail "subsidy failed"
plain zh.csv | sed -n 2,3p
"$ZJCREDIT" subsidy loans.csv --period 2022-04-01..2022-06-30 --set first_loan_subsidy.max_subsidy_days=10 \
    >cut.csv || fail "subsidy with a longest period failed"
plain cut.csv | sed -n 2,3p
"$ZJCREDIT" subsidy loans.csv --period 2022-04-01..2022-06-30 --set first_loan_subsidy.max_subsidy_days=10 \
    --lang en >en.csv || fail "subsidy --lang en failed"
plain en.csv | sed -n 2p
