. "$CASES/../lib.bash"
cat >ledger.csv <<'CSV'
单位,月份,任务编号,进展情况,完成数据,备注,报送日期
市商务局,2022-09,m3.fx_facilitation,已完成,"1,234.56万元",,2022-09-26
市商务局,2022-09,m3.cips_transceiver,推进中,,已联系银行,2022-09-26
市商务局,2022-09,m3.rmb_cross_border,未启动,,,2022-09-26
工信局,2022-09,m2.receivables_platform,存在风险,,,2022-09-28
CSV
# October 2022: the 25th is a Tuesday, no roll. The same rows dated 2022-09 are
# not October's ledger, so every unit is missing.
"$ZJCREDIT" ledger ledger.csv --month 2022-10 >out.csv; rc=$?
plain out.csv | sed -n 2p | cut -d, -f2,4,7,9
echo "missing $(grep -c ',未报送,' out.csv)"
exit $rc
