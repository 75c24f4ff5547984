. "$CASES/../lib.bash"
# UTF-8 with and without BOM, LF and CRLF, GB18030 (detected or named): byte-identical output.
to_crlf "$LOANS" crlf.csv
with_bom "$LOANS" bom.csv
with_bom crlf.csv bom-crlf.csv
to_gb18030 "$LOANS" gb.csv
to_crlf gb.csv gb-crlf.csv
"$ZJCREDIT" subsidy "$LOANS" >expected.out || fail "subsidy on loans.csv"
n=0
for f in crlf.csv bom.csv bom-crlf.csv gb.csv gb-crlf.csv; do
    "$ZJCREDIT" subsidy "$f" >"$f.out" || fail "subsidy on $f"
    cmp "$f.out" expected.out >&2 || fail "output for $f differs"
    n=$((n + 1))
done
"$ZJCREDIT" subsidy gb-crlf.csv --encoding gb18030 | cmp - expected.out >&2 || fail "--encoding gb18030 differs"
"$ZJCREDIT" subsidy bom.csv --encoding utf-8 | cmp - expected.out >&2 || fail "--encoding utf-8 differs"
echo "identical: $n files"
