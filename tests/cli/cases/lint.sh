. "$CASES/../lib.bash"
# The 2022 plan's text has 5 findings, all warnings (exit 0): 市工信局 (measure 二)
# and 市商务局 (measure 三) are not on the recipient list; section 三 is missing
# before 四、组织保障; 附件1 and 附件2 are referred to but not printed.
"$ZJCREDIT" lint >out.txt; rc=$?
echo "lines $(wc -l <out.txt), warnings $(grep -c '^warning ' out.txt), errors $(grep -c '^error ' out.txt)"
tail -n 1 out.txt
grep -o '^warning [a-z_]* \[[^]]*\]' out.txt | sort
exit $rc
