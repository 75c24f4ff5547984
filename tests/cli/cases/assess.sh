. "$CASES/../lib.bash"
# docs/examples/observations.csv, worked by hand:
#   inclusive_sme_growth: 800亿 -> 880亿 is +10%, all loans 4000亿 -> 4320亿 +8%: 10% >= 8%, met.
#   inclusive_sme_borrowers: 53100 >= 52000, met by 1100; so 两增 is met.
#   sme_credit_loans: 250亿 against 达250亿元以上 (以上 includes the figure): met, margin 0.00.
#   platform_financing: 64亿 against 50亿 x 1.3 = 65亿: not met by 1亿.
#   sme_guarantee_loans: 2.1亿 against 2.2亿: not met by 1000万.
#   Every other target lacks its figures: 暂无法评估. Figures in the unit each target is
#   stated in: 亿元 (250亿元, 2.2亿元; 亿元 by default where the text gives no figure), 户.
#   As of the due date 2022-12-31: no verdict is provisional (否).
"$ZJCREDIT" assess "$OBSERVATIONS" >out.csv; rc=$?
[ "$(first3 out.csv)" = "efbbbf" ] || fail "no BOM"
all_crlf out.csv
plain out.csv | cut -d, -f1-7
exit $rc
