"""The ledger workflow through Python (docs/ledger.md): a template written
and filled, read back with a liaison form, the chase list and progress.
Each figure is worked by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import zjcredit


def test_template_csv_has_the_units_tasks() -> None:
    # 市商务局 owes the 3 tasks of measure 三 (responsible for each).
    text = zjcredit.ledger_template(unit="市商务局", month="2022-09")
    lines = text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("单位,月份,主要措施,任务编号")
    assert [line.split(",")[3] for line in lines[1:]] == [
        "m3.fx_facilitation", "m3.cips_transceiver", "m3.rmb_cross_border"]
    assert all(line.split(",")[1] == "2022-09" for line in lines[1:])


def test_filled_workbook_read_back_and_chased(tmp_path: Path) -> None:
    book = tmp_path / "t.xlsx"
    zjcredit.write_ledger_template(book, unit="市商务局")
    wb = openpyxl.load_workbook(book)
    assert wb.sheetnames == ["市商务局", "填报说明"]
    ws = wb["市商务局"]
    for r in range(3, ws.max_row + 1):  # all 3 tasks, received 2022-10-27
        ws.cell(r, 2).value = "2022-10"
        ws.cell(r, 8).value = "推进中"
        ws.cell(r, 12).value = "2022-10-27"
    ws.cell(3, 8).value = "已完成"
    folder = tmp_path / "in"
    folder.mkdir()
    wb.save(folder / "商务局.xlsx")
    (folder / "联络员.csv").write_text("单位,姓名,职务,联系电话,电子邮箱,报送日期\n"
                                      "市商务局,李明,科长,0759-3331234,liming@example.cn,2022-09-15\n",
                                      encoding="utf-8")
    doc = zjcredit.read_ledger(folder)
    assert [s["unit"] for s in doc["submissions"]] == ["commerce"]
    assert [e["status"] for e in doc["submissions"][0]["entries"]] == ["done", "in_progress", "in_progress"]
    assert doc["liaison_forms"][0]["name"] == "李明"

    # October's due day is Tuesday 10-25: received 10-27 is 2 days late.
    items = zjcredit.chase_list(doc, "2022-10")
    mine = [i for i in items if i["unit"] == "commerce"]
    assert len(mine) == 1
    assert (mine[0]["status"], mine[0]["days_late"], mine[0]["tasks_not_reported"]) == ("late", 2, [])
    assert mine[0]["contact"]["phone"] == "0759-3331234"
    # 18 liaison units: 17 sent no form; 18 ledger units: the 17 others are missing.
    assert sum(1 for i in items if i["matter"] == "liaison_form") == 17
    assert sum(1 for i in items if i["matter"] == "monthly_ledger") == 18

    # Progress: measure 三 has 6 rows (人民银行 3 not reported, 商务局 done 1, in progress 2).
    report = zjcredit.ledger_progress(doc, "2022-10")
    m3 = next(m for m in report["progress"]["measures"] if m["measure"] == "m3")["counts"]
    assert (m3["done"], m3["in_progress"], m3["not_reported"], m3["total"]) == (1, 2, 3, 6)
    assert report["overdue"]["as_of"] == "2022-10-31" and report["overdue"]["items"] == []

    # A run of months through check_ledger: 4 months x 18 units, 商务局 late once.
    check = zjcredit.check_ledger(doc, "2022-09..2022-12")
    assert (check.first, check.last) == ("2022-09", "2022-12")
    assert check.counts["late"] == 1 and check.counts["missing"] == 71


def test_bad_input(tmp_path: Path) -> None:
    with pytest.raises(zjcredit.ValidationError, match="2022-09..2022-12"):
        zjcredit.check_ledger([], "2023-01")
    f = tmp_path / "x.csv"
    f.write_text("单位,月份,任务编号,进展情况,报送日期\n市博物馆,2022-09,m3.fx_facilitation,已完成,2022-09-26\n",
                 encoding="utf-8")
    with pytest.raises(zjcredit.NotFoundError, match="市博物馆"):
        zjcredit.read_ledger(f)
