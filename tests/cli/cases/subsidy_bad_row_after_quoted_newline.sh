. "$CASES/../lib.bash"
# 乙's name holds a quoted line break, so its rows span lines 3-4 and 5-6;
# the bad rate of 丙 is on line 7.
/usr/bin/python3 - "$LOANS" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
lines[2] = lines[2].replace("湛江市乙商贸有限公司", '"湛江市乙商贸\n有限公司"')
lines[3] = lines[3].replace("湛江市乙商贸有限公司", '"湛江市乙商贸\n有限公司"')
lines[4] = lines[4].replace(",5.2%,", ",5..2%,")
open("bad.csv", "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
"$ZJCREDIT" subsidy bad.csv
