#!/usr/bin/python3
"""Opens the .xlsx files written by ledger_xlsx_driver with Debian's
python3-openpyxl (and the CSV with the csv module) and checks the expected
cells. Expected values come from the plan text and the calendar, worked by
hand: 2022-09-25 is a Sunday so September's ledger is due Monday 09-26;
2022-10-25 is a Tuesday; 2022-12-25 a Sunday, due Monday 12-26; the liaison
form is due Friday 2022-09-16.

Usage: check_xlsx.py DRIVER OUTPUT_FOLDER
"""
import csv
import datetime
import os
import subprocess
import sys

import openpyxl

failures = []


def check(what, got, expected):
    if got != expected:
        failures.append(f"{what}: expected {expected!r}, got {got!r}")


LEDGER_HEADERS = ["单位", "月份", "主要措施", "任务编号", "工作任务", "牵头单位",
                  "责任单位", "进展情况", "完成数据", "时间节点", "备注", "报送日期"]
COMPLIANCE_HEADERS = ["报送事项", "月份", "单位", "规定日期", "“前”含当日", "遇休息日顺延",
                      "截止日期", "报送日期", "报送情况", "逾期天数", "未报任务数", "依据"]
# DESIGN §1: the lead and responsible units of measures 一..六 but 市金融局.
FILING_UNITS = {
    "人民银行湛江市中心支行", "湛江银保监分局", "市发改局", "市财政局", "市市场监管局", "市税务局",
    "各银行机构", "市工信局", "市商务局", "粤财普惠金融（湛江）融资担保公司", "市政数局", "市住建局",
    "市水务局", "市人社局", "市公积金中心", "湛江供电局", "湛江粤海水务集团", "湛江新奥燃气公司",
}
M3 = "三、提升辖区跨境贸易投资便利化水平"
M3_LEAD = "人民银行湛江市中心支行"
M3_RESPONSIBLE = "市商务局、市金融局"
M3_TASKS = [
    ("m3.fx_facilitation", "深入推进贸易外汇收支便利化试点"),
    ("m3.cips_transceiver", "探索部署企业人民币跨境支付系统（CIPS）标准收发器"),
    ("m3.rmb_cross_border", "推动人民币跨境收付持续增长"),
]


def day(y, m, d):
    return datetime.datetime(y, m, d)


def rows_of(ws):
    return [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]


def check_blank(path):
    wb = openpyxl.load_workbook(path)
    check("blank sheets", wb.sheetnames, ["工作台账", "填报说明"])
    ws = wb["工作台账"]
    check("blank A1", ws["A1"].value, "湛江市金融系统优化营商环境行动工作任务台账")
    check("blank headers", [c.value for c in ws[2]], LEDGER_HEADERS)
    check("blank freeze", ws.freeze_panes, "A3")
    rows = rows_of(ws)
    check("blank units", {r[0] for r in rows}, FILING_UNITS)
    commerce = [r for r in rows if r[0] == "市商务局"]
    check("blank 市商务局 rows", [(r[3], r[4]) for r in commerce], M3_TASKS)
    for r in commerce:
        check("blank 市商务局 row", r[1:3] + r[5:], ["2022-09", M3, M3_LEAD, M3_RESPONSIBLE] + [None] * 5)
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    check("blank drop-downs", len(lists), 1)
    if lists:
        check("blank drop-down list", lists[0].formula1, '"未启动,推进中,已完成,存在风险"')
        check("blank drop-down range", str(lists[0].sqref), f"H3:H{len(rows) + 2}")
    notes = wb["填报说明"]
    texts = [c.value for c in notes["B"]]
    check("blank notes mention the statuses", any("未启动、推进中、已完成、存在风险" in (t or "") for t in texts), True)


def check_ledger(path):
    wb = openpyxl.load_workbook(path)
    check("ledger sheets", wb.sheetnames, ["工作台账"])
    ws = wb["工作台账"]
    check("ledger headers", [c.value for c in ws[2]], LEDGER_HEADERS)
    rows = rows_of(ws)
    check("ledger row count", len(rows), 3)
    if len(rows) != 3:
        return
    check("ledger row 3", rows[0], [
        "市商务局", "2022-09", M3, M3_TASKS[0][0], M3_TASKS[0][1], M3_LEAD, M3_RESPONSIBLE,
        "已完成", "1,234.56万元", day(2022, 12, 31), "已完成试点扩围", day(2022, 9, 26)])
    check("ledger row 4", rows[1][7:], ["推进中", None, None, None, day(2022, 9, 26)])
    check("ledger row 5", rows[2][7:11], ["存在风险", "0012", None, "=1+1"])
    check("ledger I5 is text", ws["I5"].data_type, "s")
    check("ledger K5 is text, not a formula", ws["K5"].data_type, "s")
    check("ledger J3 format", ws["J3"].number_format, "yyyy-mm-dd")


def find(rows, what, month, unit):
    found = [r for r in rows if r[0] == what and r[1] == month and r[2] == unit]
    if len(found) != 1:
        failures.append(f"expected one row {what} {month} {unit}, found {len(found)}")
        return None
    return found[0]


LIAISON = "联络员信息表（附件2）"
LEDGER = "工作台账（附件1）"
CLAUSE_1 = "湛金函〔2022〕86号 四、组织保障（一）"
CLAUSE_2 = "湛金函〔2022〕86号 四、组织保障（二）"


def check_compliance(path):
    wb = openpyxl.load_workbook(path)
    check("compliance sheets", wb.sheetnames, ["报送情况", "说明"])
    ws = wb["报送情况"]
    check("compliance A1", ws["A1"].value, "工作台账及联络员信息表报送情况")
    check("compliance headers", [c.value for c in ws[2]], COMPLIANCE_HEADERS)
    rows = rows_of(ws)
    # 18 liaison rows, then 18 units × 4 months.
    check("compliance rows", len(rows), 18 + 72)
    check("compliance first rows are liaison", {r[0] for r in rows[:18]}, {LIAISON})

    r = find(rows, LIAISON, None, "人民银行湛江市中心支行")
    if r:
        check("liaison 人行", r, [LIAISON, None, "人民银行湛江市中心支行", day(2022, 9, 16), "是", "是",
                                 day(2022, 9, 16), day(2022, 9, 19), "逾期报送", 3, None, CLAUSE_1])
    r = find(rows, LIAISON, None, "市商务局")
    if r:
        check("liaison 市商务局", r[7:10], [day(2022, 9, 16), "按时报送", 0])
    r = find(rows, LIAISON, None, "市工信局")
    if r:
        check("liaison 市工信局", r[7:11], [None, "未报送", None, None])

    r = find(rows, LEDGER, "2022-09", "人民银行湛江市中心支行")
    if r:
        check("2022-09 人行", r[:10], [LEDGER, "2022-09", "人民银行湛江市中心支行", day(2022, 9, 25), "是", "是",
                                      day(2022, 9, 26), day(2022, 10, 8), "逾期报送", 12])
        check("2022-09 人行 clause", r[11], CLAUSE_2)
    r = find(rows, LEDGER, "2022-09", "市商务局")
    if r:
        check("2022-09 市商务局", r[6:11], [day(2022, 9, 26), day(2022, 9, 26), "按时报送", 0, 0])
    r = find(rows, LEDGER, "2022-10", "市商务局")
    if r:
        # An empty October ledger: all three tasks of 三 unreported.
        check("2022-10 市商务局", r[3:11], [day(2022, 10, 25), "是", "是", day(2022, 10, 25), day(2022, 10, 27),
                                          "逾期报送", 2, 3])
    r = find(rows, LEDGER, "2022-11", "市商务局")
    if r:
        check("2022-11 市商务局", r[6:11], [day(2022, 11, 25), None, "未报送", None, None])
    r = find(rows, LEDGER, "2022-12", "湛江新奥燃气公司")
    if r:
        check("2022-12 新奥燃气", r[3:11], [day(2022, 12, 25), "是", "是", day(2022, 12, 26), None, "未报送",
                                           None, None])
    check("compliance J column is a number", ws.cell(row=3, column=10).data_type in ("n", None), True)

    notes = wb["说明"]
    text = "\n".join(str(c.value) for c in notes["B"] if c.value)
    check("notes cite 民法典 第二百零三条", "民法典 第二百零三条" in text, True)
    check("notes state inclusive reading", "“前”按含当日理解" in text, True)
    check("notes explain September", "2022-09-25（星期日，休息日）" in text, True)


def check_compliance_csv(path):
    raw = open(path, "rb").read()
    check("csv BOM", raw[:3], b"\xef\xbb\xbf")
    check("csv CRLF only", all(raw[i - 1:i] == b"\r" for i in range(len(raw)) if raw[i:i + 1] == b"\n"), True)
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    check("csv headers", rows[0], COMPLIANCE_HEADERS)
    check("csv rows", len(rows), 1 + 18 + 72)
    pbc = [r for r in rows if r[0] == LEDGER and r[1] == "2022-09" and r[2] == "人民银行湛江市中心支行"]
    check("csv 2022-09 人行", pbc[0][:10] if pbc else None,
          [LEDGER, "2022-09", "人民银行湛江市中心支行", "2022-09-25", "是", "是", "2022-09-26", "2022-10-08",
           "逾期报送", "12"])


def main():
    driver, out = sys.argv[1], sys.argv[2]
    subprocess.run([driver, out], check=True)
    check_blank(os.path.join(out, "blank.xlsx"))
    check_ledger(os.path.join(out, "ledger.xlsx"))
    check_compliance(os.path.join(out, "compliance.xlsx"))
    check_compliance_csv(os.path.join(out, "compliance.csv"))
    for f in failures:
        print("FAIL", f)
    print(f"{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
