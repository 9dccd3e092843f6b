"""Programmes from spreadsheets (the template, filled in) and from iCalendar files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from openpyxl import load_workbook

from guide.cli import main
from guide.content.loader import load_pack


def _template(tmp_path: Path) -> Path:
    out = tmp_path / "programme.xlsx"
    assert main(["import", "--template", "--out", str(out)]) == 0
    return out


def _fill(path: Path, rows: list[list[object]]) -> None:
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    if sheet.max_row > 1 and str(sheet["B2"].value).startswith("示例"):  # the template's example:
        sheet.delete_rows(2)  # organisers overwrite it
    for row in rows:
        sheet.append(row + [None] * (len(headers) - len(row)))
    book.save(path)


def test_template_has_the_bilingual_headers(tmp_path: Path) -> None:
    sheet = load_workbook(_template(tmp_path)).active
    assert sheet is not None
    headers = [c.value for c in sheet[1]]
    for header in ("标题 Title", "英文标题 Title (English)", "日期 Date", "开始 Start", "结束 End",
                   "地点 Room", "类型 Type", "主办 Host", "嘉宾 Speakers", "简介 Abstract"):
        assert header in headers


def test_the_template_is_a_programme_sheet_with_an_example_row_the_import_skips(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The sheet was called 程序 (a computer program) and had headers only; an example row
    must not reach the kiosks as a session if the organiser leaves it."""
    sheet = _template(tmp_path)
    assert "row 2 is an example: overwrite it or delete it" in capsys.readouterr().out
    book = load_workbook(sheet)
    assert book.sheetnames == ["日程 Programme"]
    example = [c.value for c in book.worksheets[0][2]]
    assert example[:2] == ["S1", "示例：开幕式（请改写或删除此行）"]
    assert example[3] == dt.datetime(2023, 5, 25) and example[4:6] == [dt.time(9), dt.time(10, 30)]
    skipped = ("row 2: the template's example row (its 标题 Title is still the example's), not "
               "imported; overwrite it with a session or delete the row")
    out = tmp_path / "pack"
    args = ["import", str(sheet), "--out", str(out), "--timezone", "Asia/Shanghai"]
    assert main(args) == 2  # the example alone: nothing to import, and why
    assert f"no session could be imported (1 skipped: {skipped})" in capsys.readouterr().err
    book.worksheets[0].append(["S2", "数字经济论坛", "", "2023-05-26", "14:00", "17:00"])
    book.save(sheet)
    assert main(args) == 0
    assert f"skipped: {skipped}" in capsys.readouterr().err.splitlines()
    assert [f.guid for f in load_pack(out).of("forum")] == ["S2"]
    book.worksheets[0]["B2"] = "开幕式"  # overwritten: a session like any other
    book.save(sheet)
    assert main(args) == 0
    assert sorted(f.guid for f in load_pack(out).of("forum")) == ["S1", "S2"]


def test_a_time_range_typed_in_start_gives_the_start_and_the_end(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`9:00-10:30` in 开始 Start with 结束 End empty was refused as "not a time", with no word
    of 结束 End, though a 时间 Time column takes the same text."""
    sheet = _template(tmp_path)
    _fill(sheet, [["S1", "开幕式", "", "2023-05-25", "9:00-10:30"],
                  ["S2", "数字经济论坛", "", "2023-05-25", "下午2:00-5:00", None]])
    out = tmp_path / "pack"
    args = ["import", str(sheet), "--out", str(out), "--timezone", "Asia/Shanghai"]
    assert main(args) == 0, capsys.readouterr().err
    times = {f.guid: (f.start.strftime("%H:%M"), f.end.strftime("%H:%M")) for f in load_pack(out).of("forum")}
    assert times == {"S1": ("09:00", "10:30"), "S2": ("14:00", "17:00")}
    # With an end in 结束 End as well, which end is meant is not guessed.
    _fill(sheet, [["S3", "闭幕式", "", "2023-05-26", "9:00-10:30", "11:00"]])
    assert main(args) == 2
    assert capsys.readouterr().err.splitlines()[-2:] == [
        "programme.xlsx: row 4, column 开始 Start: '9:00-10:30' is a range of times, and 结束 End "
        "is given too: put only the start in 开始 Start and the end in 结束 End",
        "1 bad cell(s); nothing written"]


def test_a_filled_template_round_trips(tmp_path: Path) -> None:
    sheet = _template(tmp_path)
    #        编号  标题        英文标题          日期                开始    结束    地点   专题  类型
    _fill(sheet, [
        ["s1", "开幕式", "Opening ceremony", dt.date(2023, 5, 25), "09:00", "10:30", "主会场", "",
         "大会", "北京市人民政府", "张三、李四", "论坛开幕。", "The forum opens."],
        ["s2", "数字经济论坛", "Digital economy forum", "2023-05-26", dt.time(14, 0), "17:00",
         "A厅", "数字", "分论坛", "", "李四", "", ""],
        ["s3", "闭幕式", "Closing ceremony", "2023/5/30", "", "", "", "", "", "", "", "", ""],
    ])
    out = tmp_path / "pack"
    assert main(["import", str(sheet), "--out", str(out), "--timezone", "Asia/Shanghai"]) == 0
    pack = load_pack(out)
    forums = {f.guid: f for f in pack.of("forum")}
    assert forums["s1"].title == "开幕式" and forums["s1"].title_en == "Opening ceremony"
    assert forums["s1"].start.isoformat() == "2023-05-25T09:00:00+08:00"
    assert forums["s1"].end.isoformat() == "2023-05-25T10:30:00+08:00"
    assert forums["s1"].summary == "论坛开幕。" and forums["s1"].summary_en == "The forum opens."
    assert forums["s2"].start.isoformat() == "2023-05-26T14:00:00+08:00"
    assert forums["s3"].start is None and forums["s3"].date == dt.date(2023, 5, 30)
    people = {p.id: p.name for p in pack.of("person")}
    assert [people[s.person] for s in forums["s1"].speakers] == ["张三", "李四"]
    assert forums["s1"].speakers[1].person == forums["s2"].speakers[0].person
    assert {r.title for r in pack.of("room")} == {"主会场", "A厅"}
    assert [o.role for o in forums["s1"].organisers] == ["主办"]
    assert pack.info.languages == ["zh", "en"]


def test_five_kinds_of_bad_cells_give_five_exact_messages(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _template(tmp_path)
    _fill(sheet, [
        ["a", "好论坛", "", "2023-05-25", "09:00", "10:00"],
        ["b", "", "", "2023-05-25", "09:00", "10:00"],            # row 3: no title
        ["c", "论坛", "", "下周四", "09:00", "10:00"],             # row 4: not a date
        ["d", "论坛", "", "2023-05-25", "25:00", "26:00"],         # row 5: not times
        ["e", "论坛", "", "2023-05-25", "11:00", "10:00"],         # row 6: end before start
    ])
    out = tmp_path / "pack"
    code = main(["import", str(sheet), "--out", str(out), "--timezone", "Asia/Shanghai"])
    err = capsys.readouterr().err.splitlines()
    assert code == 2 and not out.exists()
    assert err[:6] == [
        "programme.xlsx: row 3, column 标题 Title: is empty; every session needs a title",
        "programme.xlsx: row 4, column 日期 Date: '下周四' is not a date (YYYY-MM-DD)",
        "programme.xlsx: row 5, column 开始 Start: '25:00' is not a time (HH:MM or HH:MM:SS, e.g. "
        "14:00; 14.00 or 1400; or with 上午/下午 or AM/PM, e.g. 下午2点, 2:00 PM)",
        "programme.xlsx: row 5, column 结束 End: '26:00' is not a time (HH:MM or HH:MM:SS, e.g. "
        "14:00; 14.00 or 1400; or with 上午/下午 or AM/PM, e.g. 下午2点, 2:00 PM)",
        "programme.xlsx: row 6, column 结束 End: '10:00' is not after 开始 Start 11:00 (a session that "
        "ends after midnight: write 00:30+1 or 次日00:30)",
        "5 bad cell(s); nothing written",
    ]


def test_csv_with_the_same_headers(tmp_path: Path) -> None:
    source = tmp_path / "programme.csv"
    source.write_text("标题 Title,日期 Date,开始 Start,结束 End,地点 Room,嘉宾 Speakers\n"
                      "Keynote,2024-02-03,10:00,11:00,Janson,Ada; Bob\n", encoding="utf-8-sig")
    out = tmp_path / "pack"
    assert main(["import", str(source), "--out", str(out), "--timezone", "Europe/Brussels"]) == 0
    (forum,) = load_pack(out).of("forum")
    assert forum.start.isoformat() == "2024-02-03T10:00:00+01:00" and len(forum.speakers) == 2


def test_spreadsheet_without_timezone_names_the_flag(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _template(tmp_path)
    _fill(sheet, [["a", "论坛", "", "2023-05-25", "09:00", "10:00"]])
    assert main(["import", str(sheet), "--out", str(tmp_path / "pack")]) == 2
    # A Chinese programme is offered China's zone as the example, not Brussels.
    assert capsys.readouterr().err.startswith(
        "error: programme.xlsx gives times without a UTC offset or time zone; name the zone they "
        "are in with --timezone, e.g. --timezone Asia/Shanghai\n")


ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
X-WR-CALNAME:Meetups\r
BEGIN:VTIMEZONE\r
TZID:Europe/Brussels\r
BEGIN:STANDARD\r
DTSTART:19701025T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r
END:STANDARD\r
BEGIN:DAYLIGHT\r
DTSTART:19700329T020000\r
TZOFFSETFROM:+0100\r
TZOFFSETTO:+0200\r
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r
END:DAYLIGHT\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:weekly-1\r
DTSTAMP:20240101T000000Z\r
DTSTART;TZID=Europe/Brussels:20240318T190000\r
DTEND;TZID=Europe/Brussels:20240318T203000\r
RRULE:FREQ=WEEKLY;COUNT=3\r
SUMMARY:Weekly meetup\r
LOCATION:Room K\r
CONTACT:Ada\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:allday-1\r
DTSTAMP:20240101T000000Z\r
DTSTART;VALUE=DATE:20240401\r
DTEND;VALUE=DATE:20240402\r
SUMMARY:Hackathon day\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:forever-1\r
DTSTAMP:20240101T000000Z\r
DTSTART:20240101T090000Z\r
DTEND:20240101T100000Z\r
RRULE:FREQ=MONTHLY\r
SUMMARY:Monthly call\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_icalendar_with_tzid_rrule_and_all_day_events(tmp_path: Path) -> None:
    source, out, report = tmp_path / "c.ics", tmp_path / "pack", tmp_path / "r.json"
    source.write_text(ICS, encoding="utf-8")
    assert main(["import", str(source), "--out", str(out), "--report", str(report)]) == 0
    forums = load_pack(out).of("forum")
    weekly = sorted(f.start.isoformat() for f in forums if f.title == "Weekly meetup")
    # The clocks change on 31 March: the third meeting is at 19:00 summer time.
    assert weekly == ["2024-03-18T19:00:00+01:00", "2024-03-25T19:00:00+01:00",
                      "2024-04-01T19:00:00+02:00"]
    (day,) = [f for f in forums if f.title == "Hackathon day"]
    assert day.start is None and day.date == dt.date(2024, 4, 1)
    monthly = [f for f in forums if f.title == "Monthly call"]
    assert len(monthly) == 13  # unbounded: a year of it, and the report says so
    repaired = json.loads(report.read_text(encoding="utf-8"))["repaired"]
    assert any("RRULE has no COUNT or UNTIL" in r["repair"] for r in repaired)
    assert all(len(f.speakers) == 1 for f in forums if f.title == "Weekly meetup")


def test_export_ics_then_import_gives_the_same_times(tmp_path: Path) -> None:
    source = tmp_path / "c.ics"
    source.write_text(ICS, encoding="utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "pack")]) == 0
    assert main(["build-db", "--content", str(tmp_path / "pack"), "--out", str(tmp_path / "c.db")]) == 0
    assert main(["export", "--format", "ics", "--out", str(tmp_path / "e.ics"),
                 "--content-db", str(tmp_path / "c.db")]) == 0
    assert main(["import", str(tmp_path / "e.ics"), "--out", str(tmp_path / "again")]) == 0
    first = {(f.title, f.start, f.end, f.date) for f in load_pack(tmp_path / "pack").of("forum")}
    again = {(f.title, f.start, f.end, f.date) for f in load_pack(tmp_path / "again").of("forum")}
    assert first == again
    assert len(icalendar.Calendar.from_ical((tmp_path / "e.ics").read_bytes()).walk("VEVENT")) == 17


RDATE_ICS = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
X-WR-CALNAME:Extra dates\r
BEGIN:VEVENT\r
UID:clinic-1\r
DTSTAMP:20240101T000000Z\r
DTSTART;TZID=Europe/Brussels:20240304T100000\r
DTEND;TZID=Europe/Brussels:20240304T110000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
EXDATE;TZID=Europe/Brussels:20240311T100000\r
EXDATE:20240325T090000Z\r
RDATE;TZID=Europe/Brussels:20240313T150000,20240320T150000\r
RDATE;VALUE=PERIOD:20240327T130000Z/PT2H\r
SUMMARY:Repair clinic\r
LOCATION:Workshop\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:talk-1\r
DTSTAMP:20240101T000000Z\r
DTSTART:20240305T180000Z\r
DURATION:PT45M\r
RDATE:20240306T180000Z\r
RDATE:20240307T180000Z\r
EXDATE:20240305T180000Z\r
SUMMARY:Evening talk\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:fair-1\r
DTSTAMP:20240101T000000Z\r
DTSTART;VALUE=DATE:20240309\r
RDATE;VALUE=DATE:20240316,20240323\r
EXDATE;VALUE=DATE:20240316\r
SUMMARY:Book fair\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_icalendar_rdate_and_exdate_make_the_recurrence_set(tmp_path: Path) -> None:
    """RFC 5545: DTSTART, the RRULE's instances and every RDATE (lists, several lines,
    periods with their own length, dates), less every EXDATE (in any zone)."""
    source, out = tmp_path / "extra.ics", tmp_path / "pack"
    source.write_text(RDATE_ICS, encoding="utf-8")
    assert main(["import", str(source), "--out", str(out)]) == 0
    forums = load_pack(out).of("forum")
    brussels = ZoneInfo("Europe/Brussels")  # each time keeps its instant, whatever its offset
    clinic = sorted((f.start.astimezone(brussels).isoformat(), f.end.astimezone(brussels).isoformat())
                    for f in forums if f.title == "Repair clinic")
    assert clinic == [
        ("2024-03-04T10:00:00+01:00", "2024-03-04T11:00:00+01:00"),  # DTSTART
        ("2024-03-13T15:00:00+01:00", "2024-03-13T16:00:00+01:00"),  # RDATE (list), own time
        ("2024-03-18T10:00:00+01:00", "2024-03-18T11:00:00+01:00"),  # RRULE; 11th: EXDATE
        ("2024-03-20T15:00:00+01:00", "2024-03-20T16:00:00+01:00"),  # RDATE (list)
        # 25 March 10:00 Brussels is 09:00Z: the EXDATE in UTC removes it.
        ("2024-03-27T14:00:00+01:00", "2024-03-27T16:00:00+01:00"),  # PERIOD: two hours
    ]
    talks = sorted(f.start.astimezone(dt.UTC).isoformat() for f in forums if f.title == "Evening talk")
    # Its DTSTART itself is excluded; the two RDATE lines stay, 45 minutes each.
    assert talks == ["2024-03-06T18:00:00+00:00", "2024-03-07T18:00:00+00:00"]
    assert all(f.end - f.start == dt.timedelta(minutes=45) for f in forums if f.title == "Evening talk")
    fair = sorted(f.date for f in forums if f.title == "Book fair")
    assert fair == [dt.date(2024, 3, 9), dt.date(2024, 3, 23)]
    assert all(f.start is None for f in forums if f.title == "Book fair")
    assert len({f.id for f in forums}) == len(forums) == 9  # every occurrence its own session
    # The calendar's clock is its one named zone; its UTC times are instants shown on it.
    assert load_pack(out).info.timezone == "Europe/Brussels"


BERLIN_NO_VTIMEZONE = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//EN\r
BEGIN:VEVENT\r
UID:summer@example.org\r
DTSTAMP:20250101T000000Z\r
DTSTART;TZID=Europe/Berlin:20250701T100000\r
DTEND;TZID=Europe/Berlin:20250701T110000\r
SUMMARY:Summer talk\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:winter@example.org\r
DTSTAMP:20250101T000000Z\r
DTSTART;TZID=Europe/Berlin:20251201T100000\r
DTEND;TZID=Europe/Berlin:20251201T110000\r
SUMMARY:Winter talk\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_a_tzid_without_vtimezone_keeps_the_named_zone_across_summer_time(tmp_path: Path) -> None:
    from guide.content import database, queries

    source = tmp_path / "c.ics"
    source.write_text(BERLIN_NO_VTIMEZONE, encoding="utf-8")
    assert main(["import", str(source), "--out", str(tmp_path / "pack")]) == 0
    # Not a fixed offset (Etc/GMT-2): that would show the winter talk at 11:00.
    assert load_pack(tmp_path / "pack").info.timezone == "Europe/Berlin"
    assert main(["build-db", "--content", str(tmp_path / "pack"), "--out", str(tmp_path / "c.db")]) == 0
    db = database.open_content_db(tmp_path / "c.db")
    rows = queries.forum_rows(db, queries.item_ids(db, "forum"))
    assert sorted((r.title, r.start_time) for r in rows) == [
        ("Summer talk", dt.time(10, 0)), ("Winter talk", dt.time(10, 0))]
