#!/usr/bin/python3
"""Writes the .xlsx inputs of the `table` cases of the bad-input catalogue
(tests/data/bad/README.md), which are committed beside this script:

  amount_three_decimals.xlsx  a loan whose 放款金额 is the number cell
                              1234.567 (Sheet1!J2): three decimals still after
                              rounding the stored double to 15 significant
                              digits, so the cell is refused by name.

usage: /usr/bin/python3 make_xlsx.py   (Debian's python3-openpyxl)
"""

from __future__ import annotations

from pathlib import Path

import openpyxl

HEADER = ["借据号", "借款人", "企业规模", "首次申请日期", "是否通过融资平台申请", "是否地方法人金融机构",
          "是否首贷", "利率(%)", "放款日期", "放款金额"]


def main() -> None:
    here = Path(__file__).resolve().parent
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADER)
    # Row 2: the amount in J2 has a third decimal; row 3 is a good loan.
    ws.append(["JJ001", "湛江甲公司", "小型", "2022-04-01", "是", "是", "是", 4.35, "2022-04-01", 1234.567])
    ws.append(["JJ002", "湛江乙公司", "微型", "2022-04-01", "是", "是", "是", 3.85, "2022-04-01", 500000])
    assert ws["J2"].value == 1234.567
    wb.save(here / "amount_three_decimals.xlsx")


if __name__ == "__main__":
    main()
