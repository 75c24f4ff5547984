. "$CASES/../lib.bash"
# docs/examples/observations.csv, worked by hand:
#   inclusive_sme_growth: 800亿 -> 880亿 is +10%, all loans 4000亿 -> 4320亿 +8%: 10% >= 8%, met.
#   inclusive_sme_borrowers: 53100 >= 52000, met by 1100; so 两增 is met.
#   sme_credit_loans: 250亿 against 达250亿元以上 (以上 includes the figure): met, margin 0.00.
#   platform_financing: 64亿 against 50亿 x 1.3 = 65亿: not met by 1亿.
#   sme_guarantee_loans: 2.1亿 against 2.2亿: not met by 1000万.
#   Every other target lacks its figures: 暂无法评估 (the expected output is that of assess.sh).
to_gb18030 "$OBSERVATIONS" gb.csv
to_crlf gb.csv obs.csv
"$ZJCREDIT" assess "$OBSERVATIONS" >utf8.out || fail "assess on UTF-8"
"$ZJCREDIT" assess obs.csv >gb.out; rc=$?
cmp gb.out utf8.out >&2 || fail "GB18030 CRLF output differs"
plain gb.out | cut -d, -f1-7
exit $rc
