"""A day's banner row ("第二天 5月26日（周五）", merged across the columns) over a day's block of a
programme sheet is a heading, not a session: the sheet was refused, its text "not a date" in
every column the merge filled."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.support import import_schedule

HEAD = ["编号", "会议名称", "日期", "开始时间", "结束时间", "会场", "嘉宾"]


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], source: Path) -> tuple[int, str]:
    done = import_schedule(tmp_path, source, capsys=capsys, report=False)
    return done.code, done.err


def _days(tmp_path: Path) -> dict[str, str]:
    """Each session's title -> its start (date and time)."""
    forums = json.loads((tmp_path / "pack" / "sessions-0001.json").read_text(encoding="utf-8"))["forum"]
    return {f["title"]: f["start"][:16] for f in forums}


def _sheet(tmp_path: Path, merge: str | None, banner_at: int = 0, *, dated: bool = True) -> Path:
    """The organiser's sheet: a title and day 1's banner over the header, day 1, an empty row,
    day 2's banner (merged over ``merge``, or in column ``banner_at`` alone), the header again
    and day 2. ``dated``: the sessions' 日期 cells are filled in."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    banner2 = [None] * 7
    banner2[banner_at] = "第二天 5月26日（周五）"
    day1, day2 = (dt.date(2023, 5, 25), dt.date(2023, 5, 26)) if dated else (None, None)
    for row in (["2023中关村论坛日程（5月25日—26日）"] + [None] * 6,
                ["第一天 2023年5月25日（周四）"] + [None] * 6,
                HEAD,
                ["F01", "开幕式", day1, "9.30", "1100", "主会场", "会议主持：张三"],
                ["F02", "主论坛", day1, "1400", "1700", "主会场", "李四"],
                [None] * 7,
                banner2,
                HEAD,
                ["F03", "分论坛", day2, "0930", "1130", "第一会议室", "主持人：王五"]):
        sheet.append(row)
    sheet.merge_cells("A1:G1")
    sheet.merge_cells("A2:G2")
    if merge:
        sheet.merge_cells(merge)
    book.save(tmp_path / "日程(1).xlsx")
    return tmp_path / "日程(1).xlsx"


@pytest.mark.parametrize(("merge", "banner_at"), [("A7:G7", 0), (None, 0), ("B7:G7", 1)])
def test_a_days_banner_over_a_pasted_header_is_skipped_with_a_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], merge: str | None, banner_at: int) -> None:
    """Refused before: "row 7, column 日期 Date: '第二天 5月26日（周五）' is not a date", and the same
    for 开始 and 结束, or "标题 Title is empty" for a banner in column A alone."""
    code, err = _import(tmp_path, capsys, _sheet(tmp_path, merge, banner_at))
    assert code == 0, err
    assert _days(tmp_path) == {"开幕式": "2023-05-25T09:30", "主论坛": "2023-05-25T14:00",
                               "分论坛": "2023-05-26T09:30"}
    assert ("note: row 7: is a day's heading ('第二天 5月26日（周五）'), not a session: skipped; the "
            "sessions under it were read\n") in err
    assert "row 8: repeats the header (row 3)" in err


def test_sessions_under_a_banner_without_their_date_take_the_banners(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Sheets that give the day only in its banner: each session's empty 日期 cell is the day of
    the banner above it (the one over the header too), and a notice says so."""
    code, err = _import(tmp_path, capsys, _sheet(tmp_path, "A7:G7", dated=False))
    assert code == 0, err
    assert _days(tmp_path) == {"开幕式": "2023-05-25T09:30", "主论坛": "2023-05-25T14:00",
                               "分论坛": "2023-05-26T09:30"}
    assert ("note: row 4, row 5, column 日期 Date: is empty, so the date of the day's heading above "
            "it, row 2 ('第一天 2023年5月25日（周四）'), is taken: 2023-05-25\n") in err
    assert ("note: row 9, column 日期 Date: is empty, so the date of the day's heading above it, "
            "row 7 ('第二天 5月26日（周五）'), is taken: 5月26日\n") in err
    assert "note: row 9: 日期 Date gives no year; 2023 is taken" in err


def test_a_csv_banner_and_a_banner_without_a_year_in_a_sheet_without_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A CSV file keeps a banner in its first cell; a row under it takes its date, not the day
    before's. A banner's date that no cell gives a year is refused once, at the banner."""
    (tmp_path / "日程.csv").write_text(
        "第一天 5月25日（周四）,,,,\n编号,会议名称,日期,开始时间,结束时间\n"
        "F01,开幕式,,09:00,10:00\nF02,主论坛,,10:30,12:00\n"
        "第二天 5月26日（周五）,,,,\nF03,分论坛,,09:30,11:30\n", encoding="utf-8")
    code, err = _import(tmp_path, capsys, tmp_path / "日程.csv")
    assert code == 2
    assert err.count("has no year") == 2, err
    assert ("日程.csv: row 1, column 日期 Date: '5月25日' has no year (no other date of the file "
            "gives it); write the date with its year, e.g. 2023-05-25") in err
    assert "日程.csv: row 5, column 日期 Date: '5月26日' has no year" in err
    # With the year in one banner, each row is on its banner's day.
    (tmp_path / "日程.csv").write_text(
        "第一天 2023年5月25日（周四）,,,,\n编号,会议名称,日期,开始时间,结束时间\n"
        "F01,开幕式,,09:00,10:00\nF02,主论坛,,10:30,12:00\n"
        "第二天 5月26日（周五）,,,,\nF03,分论坛,,09:30,11:30\n", encoding="utf-8")
    code, err = _import(tmp_path, capsys, tmp_path / "日程.csv")
    assert code == 0, err
    assert _days(tmp_path) == {"开幕式": "2023-05-25T09:00", "主论坛": "2023-05-25T10:30",
                               "分论坛": "2023-05-26T09:30"}


@pytest.mark.parametrize("thursday", ["周四", "星期四", "Thu", "Thur.", "Thurs", "Thursday"])
def test_a_weekday_a_date_cell_takes_makes_a_banner_too(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], thursday: str) -> None:
    """A date cell read "2023-05-25 (Thur.)" while a banner row "Day 1 2023-05-25 (Thur.)" was no
    banner: read as a session, the sheet was refused ("Thur" was no weekday to the banner's
    reading). One reading of weekdays serves both now."""
    (tmp_path / "agenda.csv").write_text(
        f"ID,Title,Date,Start,End\nDay 1 2023-05-25 ({thursday}),,,,\n"
        f"F01,Opening,2023-05-25 ({thursday}),09:00,10:00\n", encoding="utf-8")
    code, err = _import(tmp_path, capsys, tmp_path / "agenda.csv")
    assert code == 0, err
    assert _days(tmp_path) == {"Opening": "2023-05-25T09:00"}
    assert f"row 2: is a day's heading ('Day 1 2023-05-25 ({thursday})'), not a session" in err
