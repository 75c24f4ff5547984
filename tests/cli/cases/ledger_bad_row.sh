. "$CASES/../lib.bash"
cat >ledger.csv <<'CSV'
单位,月份,任务编号,进展情况,完成数据,备注,报送日期
市商务局,2022-09,m3.fx_facilitation,已完成,"1,234.56万元",,2022-09-26
市商务局,2022-09,m3.cips_transceiver,推进中,,已联系银行,2022-09-26
市商务局,2022-09,m3.rmb_cross_border,未启动,,,2022-09-26
工信局,2022-09,m2.receivables_platform,存在风险,,,2022-09-28
CSV
# An unknown status on the third record (row 3): exit 2 naming the row, the column and the text.
sed -i '3s/,推进中,/,快完成了,/' ledger.csv
"$ZJCREDIT" ledger ledger.csv --month 2022-09 -o out.csv; rc=$?
files_here
exit $rc
