. "$CASES/../lib.bash"
# loans.csv with 甲's annual_rate (line 2) written "4.3.5%".
sed '2s/,4\.35%,/,4.3.5%,/' "$LOANS" >bad.csv
grep -q '4\.3\.5%' bad.csv || fail "could not make the bad row"
# --keep-going: exit 1; 乙 and 丙 computed; 甲's row in the rejects file
# (UTF-8 with BOM) with its line and the error.
rc=0
"$ZJCREDIT" subsidy bad.csv --keep-going >out.csv 2>err.txt || rc=$?
plain out.csv | cut -d, -f1-4
[ -f bad.csv.rejects.csv ] || fail "no bad.csv.rejects.csv"
echo "rejects bom: $(first3 bad.csv.rejects.csv)"
all_crlf bad.csv.rejects.csv
/usr/bin/python3 - <<'PY' || fail "rejects file"
import csv
rows = list(csv.reader(open("bad.csv.rejects.csv", encoding="utf-8-sig", newline="")))
print("rejects header:", ",".join(rows[0][:4]), "...", rows[0][-1])
for r in rows[1:]:
    print("rejected line", r[0], "|", r[2], "|", r[8], "|", r[13], "|",
          "names line" if "bad.csv:2" in r[1] else "NO LINE", "|", "names field" if "annual_rate" in r[1] else "NO FIELD",
          "|", "quotes text" if "4.3.5%" in r[1] else "NO TEXT")
PY
cat err.txt >&2
exit $rc
