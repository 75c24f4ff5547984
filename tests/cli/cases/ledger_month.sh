. "$CASES/../lib.bash"
# The bureau's whole month from the CLI: templates for every unit, the filled
# ledgers and liaison forms read back from a folder (.xlsx and CSV), the
# compliance for 2022-09..2022-12, the chase list and October's progress.
#
# Deadlines (每月25日前, inclusive, a rest day rolls to the next working day):
#   2022-09-25 Sunday -> 09-26; 10-25 Tuesday; 11-25 Friday; 12-25 Sunday -> 12-26.
#   Liaison form 9月16日前: 2022-09-16 is a Friday -> due 09-16.
# What the units sent (made below):
#   市商务局 (3 tasks, m3.*): 2022-09 .xlsx received 09-26 (on time, 3 tasks);
#     2022-10 CSV with a title row, received 10-25 (on time, 3 tasks);
#     2022-11 CSV received 11-30 (late 30-25 = 5 days, 3 tasks); 2022-12 nothing.
#   市工信局 (6 tasks, m2.* and m4.*): 2022-10 .xlsx received 10-28 (late 3 days),
#     2 of its 6 tasks filled in, the other 4 template rows left empty.
#   Liaison forms: 市商务局 .xlsx received 09-15 (on time, complete);
#     市财政局 CSV received 09-19 (late 19-16 = 3 days; 职务 empty, phone and
#     e-mail malformed).
# Compliance, 18 units x 4 months = 72 rows: on time 2 (商务局 09, 10), late 2
#   (商务局 11 by 5, 工信局 10 by 3), missing 68.
# Chase list: liaison forms 17 (财政局 late with 3 problems, 16 units missing;
#   商务局 is on time and complete); ledgers 09: 17 (all but 商务局), 10: 17 (all
#   but 商务局), 11: 18, 12: 18 -> 70; in all 87. 市财政局 owes 21 tasks
#   (13 of 一, 3 of 四, 5 of 六).
# Progress of 2022-10: 商务局 done 1, in progress 2; 工信局 at risk 1, in
#   progress 1, not reported 4. Measure 三's rows: 人民银行 3 (not reported)
#   + 商务局 3. As of 2022-11-01, 工信局's m2.receivables_platform (its own
#   时间节点 2022-10-15, 存在风险) is 17 days past; the plan sets no milestones.
mkdir templates filled
"$ZJCREDIT" ledger template --xlsx templates/ || fail "template folder"
"$ZJCREDIT" ledger template --xlsx all.xlsx || fail "template workbook"
echo "template files $(ls templates | wc -l)"
/usr/bin/python3 - <<'PY' || fail "filling the templates"
import csv, openpyxl
wb = openpyxl.load_workbook("all.xlsx")
print("template sheets", len(wb.sheetnames), wb.sheetnames[-1])
ws = wb["市商务局"]
print("drop-down", ws.data_validations.dataValidation[0].formula1)

def fill(path, month, received, rows, out):
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    for r in range(3, ws.max_row + 1):
        task = ws.cell(r, 4).value
        if task in rows:
            status, figures, milestone = rows[task]
            ws.cell(r, 2).value = month
            ws.cell(r, 8).value = status
            ws.cell(r, 9).value = figures
            if milestone:
                ws.cell(r, 10).value = milestone
            ws.cell(r, 12).value = received
    wb.save(out)

fill("templates/工作台账-市商务局.xlsx", "2022-09", "2022-09-26",
     {"m3.fx_facilitation": ("推进中", "1.2亿元", None), "m3.cips_transceiver": ("未启动", None, None),
      "m3.rmb_cross_border": ("推进中", None, None)}, "filled/商务局-09.xlsx")
fill("templates/工作台账-市工信局.xlsx", "2022-10", "2022-10-28",
     {"m2.receivables_platform": ("存在风险", None, "2022-10-15"), "m4.government_guarantee": ("推进中", None, None)},
     "filled/工信局-10.xlsx")
# A liaison form as a workbook, with a title row.
lw = openpyxl.Workbook()
ls = lw.active
ls.append(["联络员信息表"])
ls.append(["单位", "姓名", "职务", "联系电话", "电子邮箱", "报送日期"])
ls.append(["市商务局", "李明", "科长", "0759-3331234", "liming@example.cn", "2022-09-15"])
lw.save("filled/联络员-商务局.xlsx")
PY
# 商务局's October and November saved by Excel as CSV: the title row comes along.
{
printf '湛江市金融系统优化营商环境行动工作任务台账,,,,,\n'
printf '单位,月份,任务编号,进展情况,完成数据,报送日期\n'
printf '市商务局,2022-10,m3.fx_facilitation,已完成,2.5亿元,2022-10-25\n'
printf '市商务局,2022-10,m3.cips_transceiver,推进中,,2022-10-25\n'
printf '市商务局,2022-10,m3.rmb_cross_border,推进中,,2022-10-25\n'
} >filled/商务局-10.csv
{
printf '单位,月份,任务编号,进展情况,报送日期\n'
printf '市商务局,2022-11,m3.fx_facilitation,已完成,2022-11-30\n'
printf '市商务局,2022-11,m3.cips_transceiver,已完成,2022-11-30\n'
printf '市商务局,2022-11,m3.rmb_cross_border,推进中,2022-11-30\n'
} >filled/商务局-11.csv
printf '单位,姓名,职务,联系电话,电子邮箱,报送日期\n市财政局,王芳,,12a,wangfang-at-example.cn,2022-09-19\n' >filled/联络员-财政局.csv
to_gb18030 filled/联络员-财政局.csv gb.csv && mv gb.csv filled/联络员-财政局.csv

"$ZJCREDIT" ledger check filled --months 2022-09..2022-12 -o compliance.csv --xlsx compliance.xlsx 2>warnings.txt \
    || fail "check"
plain compliance.csv >c.txt
echo "compliance rows $(tail -n +2 c.txt | wc -l): liaison $(grep -c '^联络员' c.txt), ledger $(grep -c '^工作台账' c.txt)"
echo "ledger on time $(grep '^工作台账' c.txt | grep -c ',按时报送,'), late $(grep '^工作台账' c.txt | grep -c ',逾期报送,'), missing $(grep '^工作台账' c.txt | grep -c ',未报送,')"
grep ',市商务局,\|,市工信局,' c.txt | grep '^工作台账' | cut -d, -f2,3,7,8,9,10,11
grep '^联络员' c.txt | grep ',市财政局,\|,市商务局,' | cut -d, -f3,7,8,9,10
echo "warnings $(wc -l <warnings.txt)"
grep -c '联络员信息表（市财政局）' warnings.txt

"$ZJCREDIT" ledger chase filled --months 2022-09..2022-12 -o chase.csv --xlsx chase.xlsx || fail "chase"
plain chase.csv >h.txt
echo "chase rows $(tail -n +2 h.txt | wc -l): liaison $(grep -c '^联络员信息表' h.txt), ledger $(grep -c '^工作台账' h.txt)"
for m in 2022-09 2022-10 2022-11 2022-12; do echo "$m $(grep -c "^工作台账,$m," h.txt)"; done
grep '^工作台账,2022-11,市商务局,' h.txt
grep '^工作台账,2022-10,市工信局,' h.txt
grep '^联络员信息表,,市财政局,' h.txt | cut -d, -f1-6,8-
grep '^工作台账,2022-09,市财政局,' h.txt | cut -d, -f1-6,9-
"$ZJCREDIT" ledger chase filled --months 2022-09..2022-12 --json | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
print(d["kind"], len(d["items"]), d["items"][0]["unit"], d["items"][0]["contact"] is None)
' || fail "chase --json"
/usr/bin/python3 -c '
import openpyxl
ws = openpyxl.load_workbook("chase.xlsx")["催报清单"]
print("chase.xlsx rows", ws.max_row - 2)
' || fail "chase.xlsx"

"$ZJCREDIT" ledger progress filled --month 2022-10 --as-of 2022-11-01 >p.txt || fail "progress"
grep '三、\|市商务局：\|市工信局：\|已过\|m2.receivables' p.txt
