#!/usr/bin/python3
"""Writes the .xlsx inputs of the `ledger_file` cases with openpyxl (Debian's
python3-openpyxl), as a unit's Excel would save a filled 工作台账. Run it
here after changing a case; the files are committed."""

import openpyxl

HEADER = ["单位", "月份", "任务编号", "进展情况", "报送日期"]


def save(name, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "工作台账"
    for r in rows:
        ws.append(r)
    wb.save(name)


# The header row deleted: the title, then the data straight away.
save("no_header_row.xlsx", [["湛江市金融系统优化营商环境行动工作任务台账"],
                            ["市商务局", "2022-09", "m3.fx_facilitation", "已完成", "2022-09-26"]])
# A unit the plan does not have, under the title and the header.
save("unknown_unit.xlsx", [["湛江市金融系统优化营商环境行动工作任务台账"], HEADER,
                           ["市博物馆", "2022-09", "m3.fx_facilitation", "已完成", "2022-09-26"]])
