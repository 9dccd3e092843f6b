"""What a workbook hides (a draft sheet, a cancelled session's row) is not imported, and said so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from guide.content.loader import load_pack
from tests.support import import_schedule

HEADER = ["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End", "地点 Room"]


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str],
            book: Workbook) -> tuple[int, str, Path, dict[str, Any]]:
    book.save(tmp_path / "s.xlsx")
    done = import_schedule(tmp_path, tmp_path / "s.xlsx", capsys=capsys)
    return done.code, done.err, done.pack, done.report


def _sheet(book: Workbook, title: str, *rows: list[Any], state: str = "visible") -> None:
    sheet = book.create_sheet(title)
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    sheet.sheet_state = state


def test_a_hidden_sheet_is_not_imported_and_the_report_says_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A draft sheet hidden by the organiser ("草稿") went into the programme unsaid."""
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["填写说明：每行一个会议"])
    _sheet(book, "5月25日", ["D25", "论坛25", "2023-05-25", "09:00", "10:00", "A厅"])
    _sheet(book, "5月26日", ["D26", "论坛26", "2023-05-26", "09:00", "10:00", "A厅"])
    _sheet(book, "草稿", ["X1", "草稿会议", "2023-05-27", "09:00", "10:00", "A厅"],
           ["X2", "草稿会议2", "2023-05-27", "10:00", "11:00", "A厅"], state="hidden")
    lists = book.create_sheet("lists")  # a template's drop-down lists, hidden from view
    lists.append(["A厅", "B厅"])
    lists.sheet_state = "veryHidden"
    code, err, out, report = _import(tmp_path, capsys, book)
    assert code == 0, err
    assert sorted(f.title for f in load_pack(out).of("forum")) == ["论坛25", "论坛26"]
    draft = ("the sheet is hidden in the workbook, so its 2 row(s) under the header were not "
             "loaded; right-click a sheet's tab > Unhide to import them")
    assert [(s["where"], s["reason"]) for s in report["skipped"]] == [("sheet 草稿", draft)]
    assert f"skipped: sheet 草稿: {draft}" in err
    assert ("note: sheet lists: is hidden in the workbook, and not read as part of the programme"
            in err)


def test_a_workbook_whose_programme_sheet_is_hidden_says_to_unhide_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.title = "说明"
    notes.append(["请在第二页填写"])
    _sheet(book, "日程", ["S1", "开幕式", "2023-05-25", "09:00", "10:00", "A厅"], state="hidden")
    code, err, _out, _report = _import(tmp_path, capsys, book)
    assert code == 2
    assert ("error: s.xlsx: none of its sheets (说明) has the columns 标题 Title, 日期 Date in one of "
            "its first 10 rows; sheet 日程, which has them, is hidden: right-click a sheet's tab > "
            "Unhide if it is the programme; start from `guide import --template`") in err


def test_a_hidden_row_is_not_imported_and_the_report_names_its_session(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A cancelled session whose row the organiser hid was on the kiosks all the same."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["S1", "开幕式", "2023-05-25", "09:00", "10:00", "A厅"])
    sheet.append(["S2", "已取消", "2023-05-25", "10:00", "11:00", "A厅"])
    sheet.append(["S3", "闭幕式", "2023-05-25", "11:00", "12:00", "A厅"])
    sheet.append([None] * 6 + ["备注"])  # a hidden row with no session in it: no word
    sheet.append(["S4", "Bad", "2023-05-25", "25:00"])  # not read, so no bad cell either
    for number in (3, 5, 6):
        sheet.row_dimensions[number].hidden = True
    code, err, out, report = _import(tmp_path, capsys, book)
    assert code == 0, err
    assert [f.title for f in load_pack(out).of("forum")] == ["开幕式", "闭幕式"]
    assert [(s["where"], s["id"], s["title"], s["reason"]) for s in report["skipped"]] == [
        ("row 3", "S2", "已取消", "the row (已取消) is hidden in the sheet, so it was not loaded; "
         "unhide the row to import it"),
        ("row 6", "S4", "Bad", "the row (Bad) is hidden in the sheet, so it was not loaded; unhide "
         "the row to import it")]
    assert "skipped: row 3: the row (已取消) is hidden in the sheet" in err


def test_rows_a_filter_hides_are_not_imported_and_the_report_says_to_clear_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER)
    sheet.append(["S1", "开幕式", "2023-05-25", "09:00", "10:00", "A厅"])
    sheet.append(["S2", "平行论坛", "2023-05-26", "10:00", "11:00", "B厅"])
    sheet.auto_filter.ref = "A1:F3"
    sheet.auto_filter.add_filter_column(2, ["2023-05-25"])
    sheet.row_dimensions[3].hidden = True
    code, err, out, report = _import(tmp_path, capsys, book)
    assert code == 0, err
    assert [f.title for f in load_pack(out).of("forum")] == ["开幕式"]
    assert [(s["where"], s["reason"]) for s in report["skipped"]] == [
        ("row 3", "the row (平行论坛) is hidden by the sheet's filter, so it was not loaded; clear "
         "the filter (Data > Clear) to import it")]
