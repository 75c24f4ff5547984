. "$CASES/../lib.bash"
# The 2022 plan's text has 5 findings, all warnings (exit 0): 市工信局 (measure 二)
# and 市商务局 (measure 三) are not on the recipient list; section 三 is missing
# before 四、组织保障; 附件1 and 附件2 are referred to but not printed.
"$ZJCREDIT" lint --json >lint.json; rc=$?
/usr/bin/python3 - <<'PY' || fail "lint --json is not the expected JSON"
import json
d = json.load(open("lint.json", encoding="utf-8"))
print(len(d), "findings")
for f in sorted(d, key=lambda f: (f["code"], f["subject"])):
    print(f["severity"], f["code"], f["subject"], f["clause"])
PY
exit $rc
