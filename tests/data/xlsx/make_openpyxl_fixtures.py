"""Writes the .xlsx fixtures of tests/io with openpyxl, a writer independent
of zjcredit and of libxlsxwriter. Run with Debian's python3 (python3-openpyxl)
from this folder; the files are committed, so the tests need no Python.

    /usr/bin/python3 make_openpyxl_fixtures.py

openpyxl stores numbers as Python's repr of the float (1234.56 stays
"1234.56", 0.1 + 0.2 is "0.30000000000000004"), dates as serials with the
cell's number format, and formulas without a calculated value.
"""
import datetime

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

# openpyxl_loans.xlsx: a bank-style export with a title above the header.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "贷款明细"
ws["A1"] = "湛江市首贷贴息台账（2022年）"
ws.merge_cells("A1:F1")
# row 2 left blank on purpose
header = ["借款人", "贷款金额（元）", "放款日期", "年利率", "是否首贷", "备注"]
for col, text in enumerate(header, start=1):
    ws.cell(row=3, column=col, value=text)
ws.cell(row=4, column=1, value="湛江某科技有限公司")
ws.cell(row=4, column=2, value=1234.56)
ws.cell(row=4, column=3, value=datetime.datetime(2022, 4, 1)).number_format = "yyyy-mm-dd"
ws.cell(row=4, column=4, value=0.0385)
ws.cell(row=4, column=5, value=True)
ws.cell(row=4, column=6, value="  前后有空格  ")
ws.cell(row=5, column=1, value="某商行")
ws.cell(row=5, column=2, value=0.1 + 0.2)
ws.cell(row=5, column=3, value=datetime.datetime(2022, 12, 31)).number_format = 'yyyy"年"m"月"d"日"'
ws.cell(row=5, column=4, value=1e-3)
ws.cell(row=5, column=5, value=False)
ws.cell(row=6, column=1, value="大数")
ws.cell(row=6, column=2, value=12345678901234567890)
ws.cell(row=6, column=3, value=datetime.datetime(2022, 4, 1, 13, 30, 15)).number_format = "yyyy-mm-dd hh:mm:ss"
ws.cell(row=6, column=4, value=44652)  # a plain number, General format: not a date
# row 7 blank, row 8 one value far right
ws.cell(row=8, column=6, value="末行")

err = wb.create_sheet("错误")
err["A1"] = "说明"
err["B2"] = "#N/A"  # openpyxl stores error strings as error cells (t="e")

formula = wb.create_sheet("公式")
formula["A1"] = 1
formula["B1"] = "=A1*2"  # stored with no calculated value
wb.save("openpyxl_loans.xlsx")

# openpyxl_1904.xlsx: the 1904 date system (old Mac Excel).
wb = openpyxl.Workbook()
wb.epoch = CALENDAR_MAC_1904
ws = wb.active
ws.title = "Sheet1"
ws["A1"] = datetime.datetime(2022, 4, 1)
ws["A1"].number_format = "yyyy-mm-dd"
ws["B1"] = datetime.datetime(1904, 1, 1)
ws["B1"].number_format = "yyyy-mm-dd"
wb.save("openpyxl_1904.xlsx")
