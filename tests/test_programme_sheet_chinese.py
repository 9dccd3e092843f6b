"""Spreadsheets as Chinese organisers type them: one 时间 column with a range, dates with a
weekday or without a year, and a CSV saved from a sheet whose date cells were merged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support import import_schedule, write_rows


def _import(tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
            rows: list[list[Any]]) -> tuple[int, str, str, list[dict[str, Any]], dict[str, Any]]:
    """(exit code, stdout, stderr, the pack's sessions, the report) of importing ``rows``."""
    write_rows(tmp_path / name, rows)
    done = import_schedule(tmp_path, tmp_path / name, capsys=capsys)
    return done.code, done.out, done.err, done.sessions() if done.code == 0 else [], done.report


def _times(sessions: list[dict[str, Any]]) -> list[tuple[str, str | None, str | None]]:
    return [(s["title"], s.get("start"), s.get("end")) for s in sessions]


@pytest.mark.parametrize("name", ["s.csv", "s.xlsx"])
def test_a_time_column_with_a_range_gives_start_and_end(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """A single 时间 column of 09:00-12:00 was "not a column the guide reads": every session
    was imported without a time, and the command said nothing was wrong (exit 0)."""
    code, _out, err, sessions, report = _import(tmp_path, capsys, name, [
        ["编号", "标题", "日期", "时间", "地点"],
        ["S1", "开幕式", "2023-05-28", "09:00-12:00", "A厅"],
        ["S2", "分论坛一", "2023-05-28", "9:00–12:00", "B厅"],
        ["S3", "分论坛二", "2023-05-28", "9:00~12:00", "C厅"],
        ["S4", "分论坛三", "2023-05-28", "09:00 - 12:00", "D厅"],
        ["S5", "上午论坛", "2023-05-28", "上午9:00-12:00", "E厅"],
        ["S6", "下午论坛", "2023-05-28", "下午2:00-5:00", "E厅"],
        ["S7", "晚宴", "2023-05-28", "19:00", "F厅"],
    ])
    assert code == 0, err
    morning = ("2023-05-28T09:00:00+08:00", "2023-05-28T12:00:00+08:00")
    assert _times(sessions) == [
        ("开幕式", *morning), ("分论坛一", *morning), ("分论坛二", *morning), ("分论坛三", *morning),
        ("上午论坛", *morning), ("下午论坛", "2023-05-28T14:00:00+08:00", "2023-05-28T17:00:00+08:00"),
        ("晚宴", "2023-05-28T19:00:00+08:00", None)]
    assert report["columns_not_read"] == [] and report["skipped"] == []


@pytest.mark.parametrize("header", ["Time", "时段", "起止时间"])
def test_other_names_of_a_time_column_are_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], header: str) -> None:
    code, _out, err, sessions, _report = _import(tmp_path, capsys, "s.csv", [
        ["标题 Title", "日期 Date", header], ["Opening", "2023-05-28", "9:00-10:30"]])
    assert code == 0, err
    assert _times(sessions) == [("Opening", "2023-05-28T09:00:00+08:00", "2023-05-28T10:30:00+08:00")]


def test_a_time_cell_that_is_no_time_is_refused_naming_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期", "时间", "开始"],
        ["开幕式", "2023-05-28", "上午", ""],
        ["论坛", "2023-05-28", "14:00-13:00", ""],
        ["闭幕式", "2023-05-28", "16:00-17:00", "16:00"]])
    assert code == 2 and not (tmp_path / "pack").exists()
    assert "s.csv: row 2, column 时间 Time: '上午' is not a time or a range of times (e.g. " \
           "09:00-12:00, or one start time: HH:MM" in err
    assert "s.csv: row 3, column 时间 Time: '14:00-13:00' ends at or before its start 14:00" in err
    assert "s.csv: row 4, column 时间 Time: '16:00-17:00' is a second time beside 开始 Start and " \
           "结束 End; give the time in one of them and leave the other empty" in err


@pytest.mark.parametrize("name", ["s.csv", "s.xlsx"])
def test_dates_with_a_weekday_are_read_and_checked(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """2023/5/28 周日 and 2023年5月28日（星期日） were "not a date (YYYY-MM-DD)"."""
    code, _out, err, sessions, _report = _import(tmp_path, capsys, name, [
        ["标题", "日期", "开始"],
        ["开幕式", "2023/5/28 周日", "09:00"], ["论坛", "2023年5月28日（星期日）", "10:00"],
        ["Talk", "5/28/2023 Sun", "11:00"], ["闭幕式", "2023-05-29 星期一", "12:00"]])
    assert code == 0, err
    assert [s["date"] for s in sessions] == ["2023-05-28"] * 3 + ["2023-05-29"]
    code, _out, err, _s, _r = _import(tmp_path, capsys, name, [
        ["标题", "日期", "开始"], ["开幕式", "2023/5/28 周六", "09:00"]])
    assert code == 2
    assert f"{name}: row 2, column 日期 Date: '2023/5/28 周六' says Saturday (周六), but " \
           "2023-05-28 is a Sunday (周日); correct the date or the weekday" in err


@pytest.mark.parametrize("name", ["s.csv", "s.xlsx"])
def test_a_date_without_a_year_takes_the_year_of_the_others(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    """5月27日 was refused as "is not a date (YYYY-MM-DD)", which did not say what was wrong."""
    code, _out, err, sessions, report = _import(tmp_path, capsys, name, [
        ["标题", "日期", "开始"], ["开幕式", "2023-05-26", "09:00"],
        ["论坛", "5月27日", "10:00"], ["闭幕式", "5月28日（周日）", "11:00"]])
    assert code == 0, err
    assert [(s["date"], s["start"]) for s in sessions] == [
        ("2023-05-26", "2023-05-26T09:00:00+08:00"), ("2023-05-27", "2023-05-27T10:00:00+08:00"),
        ("2023-05-28", "2023-05-28T11:00:00+08:00")]
    assert {"where": "row 3, row 4", "notice": "日期 Date gives no year; 2023 is taken, the year "
            "that puts it near the file's other dates"} in report["notices"]


@pytest.mark.parametrize("weekday", ["", "（周二）"])
def test_a_date_without_a_year_after_new_year_is_in_the_next_year(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], weekday: str) -> None:
    """1月1日 and 1月2日 after 2023-12-31 were put in 2023-01, a year early, and the notice
    blamed the right date, '2023-12-31', as "12 months after the programme's other dates";
    with 1月2日（周二）, right for 2024, the row was refused as the wrong weekday."""
    code, _out, err, sessions, report = _import(tmp_path, capsys, "s.csv", [
        ["编号", "标题", "日期", "时间"], ["S1", "跨年晚会", "2023-12-31", "20:00-23:00"],
        ["S2", "新年论坛", "1月1日", "09:00-12:00"], ["S3", "新年论坛二", f"1月2日{weekday}", "09:00-12:00"]])
    assert code == 0, err
    assert [(s["date"], s["start"]) for s in sessions] == [
        ("2023-12-31", "2023-12-31T20:00:00+08:00"), ("2024-01-01", "2024-01-01T09:00:00+08:00"),
        ("2024-01-02", "2024-01-02T09:00:00+08:00")]
    assert report["notices"] == [{"where": "row 3, row 4", "notice": "日期 Date gives no year; "
                                  "2024 is taken, the year that puts it near the file's other dates"}]
    code, _out, err, sessions, report = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期"], ["开幕式", "2023-12-30"], ["论坛", "2024-01-02"], ["闭幕式", "1月3日"],
        ["回顾", "12月29日"]])
    assert code == 0, err
    assert sorted(s["date"] for s in sessions) == ["2023-12-29", "2023-12-30", "2024-01-02", "2024-01-03"]


def test_a_date_without_a_year_is_refused_when_the_year_is_not_plain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期"], ["开幕式", "2023-03-01"], ["论坛", "2023-06-01"], ["展览", "2023-09-01"],
        ["闭幕式", "2023-11-20"], ["新年", "1月15日"], ["秋游", "2023-05-26"], ["参观", "9月1日"]])
    assert code == 2
    assert "s.csv: row 6, column 日期 Date: '1月15日' has no year (it could be in 2023 or 2024, " \
           "each near the file's other dates); write the date with its year, e.g. 2023-01-15" in err
    assert "is not a date" not in err and "'9月1日'" not in err
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期"], ["开幕式", "2023-05-26"], ["参观", "9月1日"], ["闭幕式", "2023-05-27"]])
    assert code == 2
    assert "s.csv: row 3, column 日期 Date: '9月1日' has no year (no year puts it within three " \
           "months of the file's other dates); write the date with its year, e.g. 2023-09-01" in err
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [["标题", "日期"], ["开幕式", "5月27日"]])
    assert code == 2 and "'5月27日' has no year (no other date of the file gives it)" in err
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期"], ["开幕式", "2023-05-26"], ["论坛", "5月27日（周日）"]])
    assert code == 2 and "'5月27日（周日）' says Sunday (周日), but 2023-05-27 is a Saturday (周六)" in err


def test_a_csv_of_a_sheet_with_merged_dates_takes_each_date_from_above(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Saved as CSV, a date merged over a day's sessions is in its first row only: the next
    row was refused, "row 3, column 日期 Date: is empty", where the .xlsx imported."""
    code, _out, err, sessions, report = _import(tmp_path, capsys, "s.csv", [
        ["编号", "标题", "日期", "开始", "结束"],
        ["S1", "开幕式", "2023-05-27", "09:00", "10:00"], ["S2", "主论坛", "", "10:00", "12:00"],
        [None, None, None, None, None], ["S3", "分论坛", "", "14:00", "17:00"],
        ["S4", "闭幕式", "2023-05-28", "09:00", "10:00"], ["S5", "参观", "", "10:00", "12:00"]])
    assert code == 0, err
    assert [(s["title"], s["date"]) for s in sessions] == [
        ("开幕式", "2023-05-27"), ("主论坛", "2023-05-27"), ("分论坛", "2023-05-27"),
        ("闭幕式", "2023-05-28"), ("参观", "2023-05-28")]
    (note,) = [n for n in report["notices"] if "row above" in n["notice"]]
    assert note["where"] == "row 3, row 5, row 7"
    assert note["notice"].startswith("日期 Date is empty, so the date of the row above is taken")


def test_an_empty_date_in_a_workbook_or_on_a_csvs_first_row_is_still_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A workbook says which cells are merged: an empty date cell there is a date not typed."""
    rows = [["标题", "日期", "开始"], ["开幕式", "2023-05-27", "09:00"], ["主论坛", "", "10:00"]]
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.xlsx", rows)
    assert code == 2 and "s.xlsx: row 3, column 日期 Date: is empty; every session needs a date" in err
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [rows[0], rows[2], rows[1]])
    assert code == 2 and "s.csv: row 2, column 日期 Date: is empty; every session needs a date" in err


def test_only_a_whole_weekday_word_after_a_date_is_a_weekday(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Any word starting mon…sun was a weekday: "2023-05-28 monument" was refused as saying
    Monday, and "2023-5-28 sunny" imported as a Sunday."""
    from guide.programme.cells import cell_date

    for typed in ("2023-05-28 Sun", "2023-05-28 sun.", "2023-05-28 SUNDAY", "2023-05-28 (Sun)",
                  "2023-05-28（Sunday.）", "2023-05-28 周日", "2023-05-28 星期天", "2023-05-28 礼拜日",
                  "2023-05-28 (周天)", "2023-05-30 Tues", "2023-06-01 Thurs", "2023-06-01 Thu.",
                  "2023-05-31 Wednesday"):
        assert cell_date(typed).isoformat() in typed, typed
    for typed in ("2023-05-28 monument", "2023-5-28 sunny", "2023-05-28 Sundays", "2023-05-28 Su",
                  "2023-05-28 xsun", "2023-05-28 （周日", "2023-05-28 Sun Sun"):
        with pytest.raises(ValueError, match="is not a date"):
            cell_date(typed)
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期"], ["开幕式", "2023-05-28 monument"], ["论坛", "2023-5-28 sunny"]])
    assert code == 2
    assert "s.csv: row 2, column 日期 Date: '2023-05-28 monument' is not a date (YYYY-MM-DD)" in err
    assert "s.csv: row 3, column 日期 Date: '2023-5-28 sunny' is not a date (YYYY-MM-DD)" in err


def test_a_csv_row_without_a_date_or_a_time_does_not_take_the_date_above(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A heading row (下午) and a session not yet timed took the date above and became sessions
    of that day: only a row with a time is a session under a merged date."""
    rows = [["编号", "标题", "日期", "时间"], ["S1", "开幕式", "2023-05-27", "09:00-10:00"],
            ["", "下午", "", ""], ["S2", "分论坛", "", "14:00-17:00"], ["S3", "待定", "", ""]]
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", rows)
    assert code == 2 and not (tmp_path / "pack").exists()
    assert "s.csv: row 3, column 日期 Date: is empty; every session needs a date" in err
    assert "s.csv: row 5, column 日期 Date: is empty; every session needs a date" in err
    assert "row 4" not in err
    code, _out, err, sessions, _report = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期", "开始"], ["开幕式", "2023-05-27", "09:00"], ["主论坛", "", "10:00"]])
    assert code == 0, err
    assert [s["date"] for s in sessions] == ["2023-05-27"] * 2


def test_a_range_ending_after_noon_on_a_twelve_hour_clock_is_read_and_said(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """12:00-1:00 and 上午11:00-1:00 were refused as ending before their start, though a
    reader takes both as ending at 13:00; 9:00-12:00 AM was read as ending at midnight."""
    code, _out, err, sessions, report = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期", "时间"], ["午餐", "2023-05-28", "12:00-1:00"],
        ["上午论坛", "2023-05-28", "上午11:00-1:00"], ["晚宴", "2023-05-28", "8:00 PM-12:00 AM"],
        ["茶歇", "2023-05-28", "12:00-12:30"]])
    assert code == 0, err
    assert [(s["title"], s["start"][11:16], s["end"][11:16]) for s in sessions] == [
        ("午餐", "12:00", "13:00"), ("上午论坛", "11:00", "13:00"), ("晚宴", "20:00", "00:00"),
        ("茶歇", "12:00", "12:30")]
    said = [(r["where"], r["repair"]) for r in report["repaired"] if "时间 Time" in r["repair"]]
    assert said == [
        ("row 2", "时间 Time '12:00-1:00' ends at 1:00, before its start 12:00: read as 13:00, on "
                  "a twelve-hour clock; if that is wrong, type the end on the 24-hour clock"),
        ("row 3", "时间 Time '上午11:00-1:00' ends at 1:00, before its start 11:00: read as 13:00, "
                  "on a twelve-hour clock; if that is wrong, type the end on the 24-hour clock")]
    code, _out, err, _s, _r = _import(tmp_path, capsys, "s.csv", [
        ["标题", "日期", "时间", "开始", "结束"], ["A", "2023-05-28", "9:00-12:00 AM", "", ""],
        ["B", "2023-05-28", "9:00-12 AM", "", ""], ["C", "2023-05-28", "", "9:00 AM", "12:00 AM"],
        ["D", "2023-05-28", "下午2:00-1:00", "", ""], ["E", "2023-05-28", "22:00-1:00", "", ""],
        ["F", "2023-05-28", "00:00-23:00", "", ""], ["G", "2023-05-28", "9:00-8:00", "", ""]])
    assert code == 2
    noon = ("ends at 12:00 AM, after a morning start: that is midnight, but it is often typed for "
            "noon; write 12:00 or 12:00 PM for noon, 24:00 for midnight")
    assert f"s.csv: row 2, column 时间 Time: '9:00-12:00 AM' {noon}" in err
    assert f"s.csv: row 3, column 时间 Time: '9:00-12 AM' {noon}" in err
    assert f"s.csv: row 4, column 结束 End: '12:00 AM' {noon}" in err
    assert "s.csv: row 5, column 时间 Time: '下午2:00-1:00' ends at or before its start 14:00" in err
    assert "s.csv: row 6, column 时间 Time: '22:00-1:00' ends at or before its start 22:00" in err
    assert "row 7" not in err
    # Eleven hours is more likely a typo than an afternoon: refused, not read as 20:00.
    assert "s.csv: row 8, column 时间 Time: '9:00-8:00' ends at or before its start 09:00" in err
