"""Organisers' habits in a programme sheet: a second day's block pasted with its header, times
typed with a dot or no separator, a workbook of old Mac Excel, a file saved as "-v2"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from guide.content.loader import load_pack
from guide.programme import sheet_header
from guide.programme.importer import read_programme
from tests.support import import_schedule, write_rows

HEADER = ["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End", "地点 Room"]


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str],
            source: Path) -> tuple[int, str, dict[str, Any]]:
    done = import_schedule(tmp_path, source, capsys=capsys)
    return done.code, done.err, done.report


def _starts(tmp_path: Path) -> dict[str, str]:
    """Each session's title -> its start, as the pack has it."""
    return {f.title: f.start.isoformat() if f.start else "" for f in load_pack(tmp_path / "pack").of("forum")}


@pytest.mark.parametrize("name", ["programme.csv", "programme.xlsx"])
def test_a_second_days_block_pasted_with_its_header_is_imported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """The organiser pasted day 2 under day 1, its header row with it: the sheet was refused
    ("'日期 Date' is not a date", "'开始 Start' is not a time") for a row that is no session."""
    write_rows(tmp_path / name, [
        HEADER,
        ["D1-1", "开幕式", "2023-05-25", "09:00", "10:00", "主会场"],
        ["D1-2", "主论坛", "2023-05-25", "10:30", "12:00", "主会场"],
        [],
        ["编号", "标题", "日期", "开始", "结束", "地点"],  # the second block's header, in Chinese only
        ["D2-1", "人工智能分论坛", "2023-05-26", "09:00", "11:30", "A厅"],
    ])
    code, err, report = _import(tmp_path, capsys, tmp_path / name)
    assert code == 0, err
    assert _starts(tmp_path) == {"开幕式": "2023-05-25T09:00:00+08:00",
                                 "主论坛": "2023-05-25T10:30:00+08:00",
                                 "人工智能分论坛": "2023-05-26T09:00:00+08:00"}
    notice = ("row 5: repeats the header (row 1), as a block of sessions pasted under another with "
              "its header does: skipped, not read as a session; the sessions under it were read")
    assert f"note: {notice}" in err
    assert [n["where"] for n in report["notices"]] == ["row 5"] and report["skipped"] == []


def test_a_header_pasted_with_its_columns_in_other_places_is_refused_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Day 2's block had its columns in another order: read in row 1's columns, its dates
    would be titles; the row is named, not each of its cells."""
    write_rows(tmp_path / "p.csv", [
        ["标题 Title", "日期 Date", "开始 Start"], ["开幕式", "2023-05-25", "09:00"],
        ["日期 Date", "标题 Title", "开始 Start"], ["2023-05-26", "分论坛", "10:00"],
    ])
    code, err, _report = _import(tmp_path, capsys, tmp_path / "p.csv")
    assert code == 2
    assert ("p.csv: row 3 is a header row again, with its columns in other places than the header "
            "of row 1: the rows under it would be read in row 1's columns; give them row 1's "
            "columns, or put them on a sheet of their own") in err
    assert "is not a date" not in err


def test_times_typed_with_a_dot_or_without_a_separator_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """9.30, 09.30, 1700 and 0930 were each refused as "is not a time", with no word of why."""
    write_rows(tmp_path / "p.csv", [
        ["标题 Title", "日期 Date", "开始 Start", "结束 End", "时间"],
        ["Opening", "2023-05-25", "9.30", "10.15", None],
        ["Keynote", "2023-05-25", "0930", "1700", None],
        ["Panel", "2023-05-25", "14.00", "5.30pm", None],
        ["Forum", "2023-05-26", None, None, "9.30-11.45"],
        ["Lunch", "2023-05-26", None, None, "1200-1330"],
    ])
    code, err, report = _import(tmp_path, capsys, tmp_path / "p.csv")
    assert code == 0, err
    forums = {f.title: (f"{f.start:%H:%M}" if f.start else "", f"{f.end:%H:%M}" if f.end else "")
              for f in load_pack(tmp_path / "pack").of("forum")}
    assert forums == {"Opening": ("09:30", "10:15"), "Keynote": ("09:30", "17:00"),
                      "Panel": ("14:00", "17:30"), "Forum": ("09:30", "11:45"),
                      "Lunch": ("12:00", "13:30")}
    assert report["skipped"] == []


def test_a_time_excel_kept_as_a_number_is_read_or_named_with_the_form_to_type(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In a column formatted as a number Excel keeps 0930 as 930 and 9.45 as 9.45, both read;
    9.30 as 9.3 and 17.00 as 17 lose the minutes typed, so they are refused, saying so and how
    to type them, where the message had been only "is not a time"."""
    write_rows(tmp_path / "p.xlsx", [
        ["标题 Title", "日期 Date", "开始 Start", "结束 End"],
        ["Opening", "2023-05-25", 930, 9.45],
        ["Keynote", "2023-05-25", 9.3, 17],
    ])
    code, err, _report = _import(tmp_path, capsys, tmp_path / "p.xlsx")
    assert code == 2
    assert ("p.xlsx: row 3, column 开始 Start: '9.3' has one digit after the dot, so its minutes "
            "are unclear (09:30 or 09:03?); Excel keeps 9.30, typed in a cell formatted as a "
            "number, as 9.3: write the time as HH:MM, e.g. 09:30") in err
    assert ("p.xlsx: row 3, column 结束 End: '17' is an hour without its minutes; Excel keeps "
            "17.00, typed in a cell formatted as a number, as 17: write the time as HH:MM, "
            "e.g. 17:00") in err
    assert "row 2" not in err  # 930 and 9.45 are 09:30 and 09:45


def test_a_time_in_a_cell_showing_two_decimals_is_read_as_the_sheet_shows_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The organiser's times in a column formatted 0.00 show 9.30 and 17.00; the guide refused
    '9.3' and '17', values the sheet does not show. Read as shown, they are 09:30 and 17:00; a
    cell showing one decimal (0.0) is refused quoting what it shows."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["编号", "会议名称", "日期", "开始时间", "结束时间"],
                ["F1", "开幕式", "2023-05-25", 9.3, 17],
                ["F2", "主论坛", "2023-05-25", 14, 16.45],
                ["F3", "分论坛", "2023-05-26", 9.3, 10.45]):
        sheet.append(row)
    for cell in ("D2", "E2", "D3", "E3", "E4"):
        sheet[cell].number_format = "0.00"
    sheet["D4"].number_format = "0.0"
    book.save(tmp_path / "日程-两位小数.xlsx")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "日程-两位小数.xlsx")
    assert code == 2
    assert err.splitlines()[:-1] == [
        "日程-两位小数.xlsx: row 4, column 开始 Start: '9.3' has one digit after the dot, so its "
        "minutes are unclear (09:30 or 09:03?); Excel keeps 9.30, typed in a cell formatted as a "
        "number, as 9.3: write the time as HH:MM, e.g. 09:30"], err
    sheet["D4"].number_format = "0.00"
    book.save(tmp_path / "日程-两位小数.xlsx")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "日程-两位小数.xlsx")
    assert code == 0, err
    assert _starts(tmp_path) == {"开幕式": "2023-05-25T09:30:00+08:00", "主论坛": "2023-05-25T14:00:00+08:00",
                                 "分论坛": "2023-05-26T09:30:00+08:00"}
    ends = {f.title: f.end.isoformat() for f in load_pack(tmp_path / "pack").of("forum") if f.end}
    assert ends == {"开幕式": "2023-05-25T17:00:00+08:00", "主论坛": "2023-05-25T16:45:00+08:00",
                    "分论坛": "2023-05-26T10:45:00+08:00"}


def test_a_column_formatted_with_decimals_reads_1700_and_refuses_a_half_hour_it_cannot_tell(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In a column formatted 0.00, 1700 and 930 (shown 1700.00, 930.00) were refused with advice
    that said 1400 is fine, and 9.5 (shown 9.50) became 09:50 without a word, though 10.75 beside
    it said the column counted hours in decimals (9.5 is then 09:30). 1700 and 930 are read as
    typed, as in a General column; 9.5 is refused naming both readings, in 开始 Start, 结束 End
    and a 时间 Time column alike."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["编号", "会议名称", "日期", "开始时间", "结束时间"],
                ["F1", "开幕式", "2023-05-25", 930, 1700],
                ["F2", "主论坛", "2023-05-25", 9.5, 10.75],
                ["F3", "分论坛", "2023-05-26", 14, 16.5]):
        sheet.append(row)
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=5):
        for cell in row:
            cell.number_format = "0.00"
    book.save(tmp_path / "日程.xlsx")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "日程.xlsx")
    assert code == 2
    assert "row 2" not in err  # 930.00 and 1700.00: 09:30 and 17:00
    assert ("日程.xlsx: row 3, column 开始 Start: '9.50' holds the number 9.5: 09:50 if the dot "
            "parts hours from minutes, or 09:30 if the column counts hours in decimals; which one "
            "is not guessed: write the time as HH:MM, 09:50 or 09:30") in err, err
    assert "row 3, column 结束 End: '10.75' is a number that is no time of day" in err, err
    assert "row 4, column 结束 End: '16.50' holds the number 16.5: 16:50 if the dot" in err, err
    # Fixed as the advice says, the sheet is read.
    sheet["D3"], sheet["E3"], sheet["E4"] = 930, 1045, 1630
    book.save(tmp_path / "日程.xlsx")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "日程.xlsx")
    assert code == 0, err
    assert _starts(tmp_path) == {"开幕式": "2023-05-25T09:30:00+08:00", "主论坛": "2023-05-25T09:30:00+08:00",
                                 "分论坛": "2023-05-26T14:00:00+08:00"}
    ends = {f.title: f.end.isoformat() for f in load_pack(tmp_path / "pack").of("forum") if f.end}
    assert ends == {"开幕式": "2023-05-25T17:00:00+08:00", "主论坛": "2023-05-25T10:45:00+08:00",
                    "分论坛": "2023-05-26T16:30:00+08:00"}


def test_a_time_column_formatted_with_decimals_reads_1700_and_refuses_a_half_hour(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A 时间 Time column giving only the start, formatted 0.00: 1700.00 had been refused and
    9.50 read as 09:50, unsaid."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["编号", "会议名称", "日期", "时间"], ["F1", "开幕式", "2023-05-25", 1700],
                ["F2", "主论坛", "2023-05-25", 9.5]):
        sheet.append(row)
    sheet["D2"].number_format = sheet["D3"].number_format = "0.00"
    book.save(tmp_path / "日程.xlsx")
    code, err, _report = _import(tmp_path, capsys, tmp_path / "日程.xlsx")
    assert code == 2
    assert err.splitlines()[:-1] == [
        "日程.xlsx: row 3, column 时间 Time: '9.50' holds the number 9.5: 09:50 if the dot parts "
        "hours from minutes, or 09:30 if the column counts hours in decimals; which one is not "
        "guessed: write the time as HH:MM, 09:50 or 09:30"], err


@pytest.mark.parametrize(("epoch", "numbers"), [
    ("1904", (43609, 43610.375)),  # old Mac Excel's date system: 1904-01-01 is day 0
    ("1900", (45071, 45072.375)),  # Windows Excel's
])
def test_date_numbers_of_a_workbook_are_read_in_its_own_date_system(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], epoch: str,
        numbers: tuple[float, float]) -> None:
    """A date column formatted General shows Excel's date numbers. In a workbook saved with the
    1904 date system 43610 is 2023-05-26, which the guide named as 2019-05-25 (counting from
    1900) and refused; a workbook says which system it counts in, so its numbers are read."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.utils.datetime import CALENDAR_MAC_1904

    book = Workbook()
    if epoch == "1904":
        book.epoch = CALENDAR_MAC_1904
    sheet = book.active
    assert sheet is not None
    sheet.append(["编号 ID", "标题 Title", "日期 Date", "开始 Start", "结束 End"])
    sheet.append(["S1", "开幕式", dt.date(2023, 5, 25), "09:00", "10:00"])  # a date cell
    sheet.append(["S2", "主论坛", numbers[0], "10:30", "12:00"])  # the numbers, formatted General
    sheet.append(["S3", "分论坛", numbers[1], None, "11:00"])  # a date number with its time
    book.save(tmp_path / "mac.xlsx")
    code, err, report = _import(tmp_path, capsys, tmp_path / "mac.xlsx")
    assert code == 0, err
    assert _starts(tmp_path) == {"开幕式": "2023-05-25T09:00:00+08:00",
                                 "主论坛": "2023-05-25T10:30:00+08:00",
                                 "分论坛": "2023-05-26T09:00:00+08:00"}
    number = f"{numbers[0]}"
    counts = (" (the workbook counts dates from 1904, as old Mac Excel did: the same number is "
              "four years and a day earlier in another workbook)" if epoch == "1904" else "")
    assert (f"note: row 3, row 4, column 日期 Date: holds Excel's date numbers, not dates shown as "
            f"such ({number}), read as the dates they stand for in this workbook ({number} is "
            f"2023-05-25){counts}; format the column as a date in Excel (Format Cells > Date) to "
            "see them as dates") in err
    assert report["skipped"] == []


@pytest.mark.parametrize("name", ["2023中关村论坛日程-v2.xlsx", "2023中关村论坛日程-final.csv",
                                  "2023中关村论坛日程_V3 (1).xlsx", "2023中关村论坛日程（终版）.csv"])
def test_a_sheet_saved_with_a_version_in_its_name_is_titled_without_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """The first import of 2023中关村论坛日程-v2.xlsx into a new pack folder titled the programme
    "2023中关村论坛日程-v2", in the guide's title bar and on every kiosk, and made its pack id
    of it: the version of the file is none of the programme's name."""
    write_rows(tmp_path / name, [HEADER, ["S1", "开幕式", "2023-05-25", "09:00", "10:00", "主会场"]])
    code, err, report = _import(tmp_path, capsys, tmp_path / name)
    assert code == 0, err
    info = load_pack(tmp_path / "pack").info
    assert (info.id, info.title) == ("2023-zhong-guan-cun-lun-tan-ri-cheng", "2023中关村论坛日程")
    assert report["pack_id"] == "2023-zhong-guan-cun-lun-tan-ri-cheng"


@pytest.mark.parametrize("name", ["programme.csv", "programme.xlsx"])
def test_the_header_words_are_not_matched_cell_by_cell_on_every_row(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Opening a long export took twice as long as before: each session's row was matched cell
    by cell against every header word, twice, to see whether it was the header again. A row is
    now one lookup a cell, and a longer sheet asks header_match no more often than a short one."""
    asked: list[Any] = []
    real = sheet_header.header_match
    monkeypatch.setattr(sheet_header, "header_match", lambda header: asked.append(header) or real(header))

    def header_matches(rows: int) -> int:
        asked.clear()
        write_rows(tmp_path / name, [HEADER] + [
            [f"S{i}", f"第{i}场", "2023-05-25", "09:00", "10:00", "主会场"] for i in range(rows)])
        _format, programme = read_programme(str(tmp_path / name), fallback_timezone="Asia/Shanghai")
        assert len(programme.forum) == rows
        return len(asked)

    assert header_matches(10) == header_matches(200)


def test_a_header_again_in_words_of_another_case_and_spacing_is_still_found(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_rows(tmp_path / "p.csv", [
        HEADER, ["D1-1", "开幕式", "2023-05-25", "09:00", "10:00", "主会场"],
        ["ID", " TITLE ", "date", "START", "End", "Room"],
        ["D2-1", "分论坛", "2023-05-26", "09:00", "10:00", "A厅"],
    ])
    code, err, _report = _import(tmp_path, capsys, tmp_path / "p.csv")
    assert code == 0, err
    assert "row 3: repeats the header (row 1)" in err


@pytest.mark.parametrize("room, about", [("会场 Room", "简介 Description"), ("场地 Venue", "摘要 Summary")])
def test_a_bilingual_header_in_other_words_than_the_templates_is_read(
        tmp_path: Path, room: str, about: str) -> None:
    """会场 is the guide's own word for a room, yet a column headed "会场 Room" (or "简介
    Description") was "not a column the guide reads": only the template's 地点 Room and each
    word alone were known, so every session lost its room and its description."""
    write_rows(tmp_path / "p.csv", [
        ["标题 Title", "日期 Date", "开始 Start", "结束 End", room, about],
        ["开幕式", "2023-05-25", "09:00", "10:00", "主会场", "论坛开幕"]])
    _format, programme = read_programme(str(tmp_path / "p.csv"), fallback_timezone="Asia/Shanghai")
    (session,) = programme.forum
    (hall,) = programme.room
    assert session["room"] == hall["id"] and "主会场" in hall.values()
    assert session["summary"] == "论坛开幕"
