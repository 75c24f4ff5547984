. "$CASES/../lib.bash"
# --json is JSON (schema_version 2) with the plan's 6 measures, 16 targets
# and 2 deadlines; written with -o it reads back through --plan unchanged.
"$ZJCREDIT" plan --json >plan.json || fail "plan --json failed"
/usr/bin/python3 - <<'PY' || fail "plan --json is not the expected JSON"
import json
d = json.load(open("plan.json", encoding="utf-8"))
print("schema_version", d["schema_version"])
print("document", d["document"]["number"] if isinstance(d["document"], dict) else d["document"])
print("measures", len(d["measures"]), [m["numeral"] for m in d["measures"]])
print("targets", len(d["targets"]))
print("deadlines", sorted(x["id"] for x in d["deadlines"]))
t = {x["id"]: x for x in d["targets"]}["sme_credit_loans"]
print("sme_credit_loans", t["text"])
PY
"$ZJCREDIT" plan --json -o copy.json
[ "$(first3 copy.json)" = "7b0a20" ] || fail "JSON output starts with $(first3 copy.json), not '{' (no BOM on JSON)"
cmp -s plan.json copy.json || fail "-o wrote other bytes than stdout"
"$ZJCREDIT" plan --plan copy.json --json | cmp -s - plan.json || fail "--plan FILE does not round-trip"
"$ZJCREDIT" plan --plan copy.json | cmp -s - <("$ZJCREDIT" plan) || fail "plan text from --plan differs"
files_here
