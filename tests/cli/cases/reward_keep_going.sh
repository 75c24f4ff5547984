. "$CASES/../lib.bash"
# Worked by hand: reward = round_half_up(1% x sum(amount x days) / 365), days = end - start.
#   丙: 1,000,000 x 180 (03-01..08-28: 31+30+31+30+31+27) + 500,000 x 90 = 225,000,000;
#       x 1% / 365 = 6164.3835.. -> 6164.38; the unconfirmed 己 does not count (financings[2]).
#   庚: starts 2021-12-31, before the window 2022-01-01..2023-06-30: nothing counts -> 0.00.
#   壬: 36,682.50 x 1 day x 1% / 365 = 1.005 exactly -> 1.01 (half up).
#   癸: 146 x 1 + 146 x 1 = 292; 292 / 36500 = 0.008 -> 0.01 (one rounding of the sum:
#       rounding each financing, 0.004 -> 0.00, would pay nothing).
#   子: starts 2023-06-30, the window's last day: all 10 days count (full_if_start_in_window):
#       365,000 x 10 / 36500 = 100.00; the one starting 2023-07-01 is outside (financings[1]).
cp "$DATA/financings.csv" fin.csv
# The same bad row with --keep-going: 丙's three rows (lines 2-4) are rejected, the rest computed.
sed -i '3s/,90,/,9x,/' fin.csv
rc=0
"$ZJCREDIT" reward fin.csv --keep-going >out.csv 2>/dev/null || rc=$?
plain out.csv | cut -d, -f1-4
plain fin.csv.rejects.csv | cut -d, -f1 | tail -n +2
exit $rc
