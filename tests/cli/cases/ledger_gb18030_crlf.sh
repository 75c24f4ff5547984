. "$CASES/../lib.bash"
# September 2022: the 25th is a Sunday, so the 每月25日前 deadline (inclusive)
# rolls to Monday 2022-09-26. Worked by hand:
#   市商务局 owes the 3 tasks of measure 三, files all 3 on 09-26: on time, 0 late, 0 missing tasks.
#   市工信局 (filed as its alias 工信局) owes the 3 tasks of 二 and the 3 of 四, files 1
#     on 09-28: late by 2 calendar days, 5 tasks not reported.
#   The other 16 of the 18 filing units file nothing: 未报送.
cat >ledger.csv <<'CSV'
单位,月份,任务编号,进展情况,完成数据,备注,报送日期
市商务局,2022-09,m3.fx_facilitation,已完成,"1,234.56万元",,2022-09-26
市商务局,2022-09,m3.cips_transceiver,推进中,,已联系银行,2022-09-26
市商务局,2022-09,m3.rmb_cross_border,未启动,,,2022-09-26
工信局,2022-09,m2.receivables_platform,存在风险,,,2022-09-28
CSV
# The ledger as a unit's Excel saves it: GB18030 with CRLF. Same result as UTF-8.
to_gb18030 ledger.csv gb.csv
to_crlf gb.csv ledger-gb.csv
"$ZJCREDIT" ledger ledger.csv --month 2022-09 >utf8.out || fail "ledger on UTF-8"
"$ZJCREDIT" ledger ledger-gb.csv --month 2022-09 >out.csv; rc=$?
cmp out.csv utf8.out >&2 || fail "GB18030 output differs"
plain out.csv
echo "rows $(plain out.csv | tail -n +2 | wc -l), on time $(grep -c ',按时报送,' out.csv), late $(grep -c ',逾期报送,' out.csv), missing $(grep -c ',未报送,' out.csv)"
exit $rc
