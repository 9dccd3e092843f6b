"""Take-aways: the calendar file a visitor's phone imports, and JSON/CSV for staff."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import sys
import zoneinfo
from pathlib import Path

import icalendar
import pytest

from guide.content.database import open_content_db
from guide.user.bookmark_import import ImportFileError, import_bookmarks
from guide.user.bookmarks import add_bookmark, list_bookmarks, stored_bookmarks
from guide.user.db import UserDb, open_user_db
from guide.user.export import export_bookmarks
from tests.support import drop_item
from tests.test_user_support import build

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def _bookmark_all(user: UserDb, content: sqlite3.Connection) -> None:
    for kind, item_id in [("area", "expo"), ("forum", "no-time"), ("forum", "overlap"),
                          ("forum", "opening"), ("person", "zhou-yunfan")]:
        add_bookmark(user.db, content, kind, item_id)


def test_calendar_parses_back_with_the_right_events(user: UserDb, content: sqlite3.Connection,
                                                    tmp_path: Path) -> None:
    _bookmark_all(user, content)
    report = export_bookmarks(user.db, content, "ics", tmp_path / "my.ics")
    assert report.written == 3
    assert sorted(v.id for v in report.left_out) == ["expo", "zhou-yunfan"]  # not forums

    cal = icalendar.Calendar.from_ical((tmp_path / "my.ics").read_bytes())
    assert cal["VERSION"] == "2.0" and cal.get("PRODID")
    [tz] = cal.walk("VTIMEZONE")
    assert tz["TZID"] == "Asia/Shanghai"
    assert tz.subcomponents
    assert all(rule["TZOFFSETTO"].td == dt.timedelta(hours=8) for rule in tz.subcomponents)
    events = {e["UID"]: e for e in cal.walk("VEVENT")}
    assert sorted(events) == ["forum-no-time@zgc-guide", "forum-opening@zgc-guide",
                              "forum-overlap@zgc-guide"]
    for e in events.values():
        assert e.get("DTSTAMP") is not None

    opening = events["forum-opening@zgc-guide"]
    assert str(opening["SUMMARY"]) == "开幕式"
    assert opening["DTSTART"].params["TZID"] == "Asia/Shanghai"
    assert opening.start == dt.datetime(2023, 5, 27, 9, 0, tzinfo=SHANGHAI)
    assert opening.end == dt.datetime(2023, 5, 27, 10, 30, tzinfo=SHANGHAI)
    assert opening.start.astimezone(dt.UTC) == dt.datetime(2023, 5, 27, 1, 0, tzinfo=dt.UTC)

    start_only = events["forum-overlap@zgc-guide"]  # 10:00, no end given: two hours assumed
    assert start_only.start == dt.datetime(2023, 5, 27, 10, 0, tzinfo=SHANGHAI)
    assert start_only.end == dt.datetime(2023, 5, 27, 12, 0, tzinfo=SHANGHAI)
    assert "two hours assumed" in str(start_only["DESCRIPTION"])

    all_day = events["forum-no-time@zgc-guide"]
    assert all_day.start == dt.date(2023, 5, 28) and not isinstance(all_day.start, dt.datetime)
    assert all_day.end == dt.date(2023, 5, 29)  # exclusive end: one whole day
    assert all_day["DTSTART"].params.get("VALUE") == "DATE"


def test_calendar_in_english_and_without_removed_forums(mini_pack: Path, tmp_path: Path) -> None:
    v1 = open_content_db(build(mini_pack, tmp_path / "v1.db"))
    user = open_user_db(tmp_path / "user.db")
    add_bookmark(user.db, v1, "forum", "opening")
    add_bookmark(user.db, v1, "forum", "overlap")
    drop_item(mini_pack, "forum", "overlap")
    v2 = open_content_db(build(mini_pack, tmp_path / "v2.db"))
    report = export_bookmarks(user.db, v2, "ics", tmp_path / "en.ics", lang="en")
    assert [v.id for v in report.left_out] == ["overlap"]
    cal = icalendar.Calendar.from_ical((tmp_path / "en.ics").read_bytes())
    assert [str(e["SUMMARY"]) for e in cal.walk("VEVENT")] == ["Opening ceremony"]
    # the calendar is named after the event the content names, not after a fixed one
    assert str(cal["X-WR-CALNAME"]) == "Test content · My bookmarks"


def test_calendar_of_nothing_is_still_a_valid_file(user: UserDb, content: sqlite3.Connection,
                                                   tmp_path: Path) -> None:
    export_bookmarks(user.db, content, "ics", tmp_path / "empty.ics")
    cal = icalendar.Calendar.from_ical((tmp_path / "empty.ics").read_bytes())
    assert cal.walk("VEVENT") == []


def test_json_round_trip_keeps_every_bookmark_even_ones_gone_from_the_guide(
        mini_pack: Path, tmp_path: Path) -> None:
    v1 = open_content_db(build(mini_pack, tmp_path / "v1.db"))
    staff = open_user_db(tmp_path / "staff.db")
    for kind, item_id in [("forum", "overlap"), ("photo", "robot"), ("forum", "opening")]:
        add_bookmark(staff.db, v1, kind, item_id)
    drop_item(mini_pack, "forum", "overlap")
    v2 = open_content_db(build(mini_pack, tmp_path / "v2.db"))
    export_bookmarks(staff.db, v2, "json", tmp_path / "list.json")
    data = json.loads((tmp_path / "list.json").read_text(encoding="utf-8"))
    assert data["format"] == "zgc-guide-bookmarks" and data["version"] == 1
    assert [(b["id"], b["in_guide"]) for b in data["bookmarks"]] == [
        ("opening", True), ("overlap", False), ("robot", True)]

    other = open_user_db(tmp_path / "other.db")
    report = import_bookmarks(other.db, v2, tmp_path / "list.json")
    assert (report.added, report.already, report.not_in_guide) == (3, 0, 1)
    views = {v.id: v for v in list_bookmarks(other.db, v2)}
    assert not views["overlap"].in_guide and views["overlap"].title == "重叠论坛"
    assert [b.id for b in stored_bookmarks(other.db)] == [b.id for b in stored_bookmarks(staff.db)]

    again = import_bookmarks(other.db, v2, tmp_path / "list.json")
    assert (again.added, again.already) == (0, 3)


def test_csv_export_reads_in_a_spreadsheet(user: UserDb, content: sqlite3.Connection,
                                           tmp_path: Path) -> None:
    _bookmark_all(user, content)
    export_bookmarks(user.db, content, "csv", tmp_path / "list.csv")
    raw = (tmp_path / "list.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel then reads the Chinese as UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [(r["kind"], r["id"]) for r in rows] == [
        ("forum", "opening"), ("forum", "overlap"), ("forum", "no-time"), ("area", "expo"),
        ("person", "zhou-yunfan")]
    assert rows[0]["title"] == "开幕式" and rows[0]["start_time"] == "09:00:00"
    assert rows[2]["start_time"] == ""


BAD_FILES = {
    "malformed JSON": ('{"bookmarks": [{"kind": "forum", "id": "opening"}', "not valid JSON"),
    "not UTF-8": (b'{"bookmarks": [{"kind": "forum", "id": "\xff\xfe"}]}', "UTF-8"),
    "a list at the top": ('[{"kind": "forum", "id": "opening"}]', "expected an object"),
    "bookmarks not a list": ('{"bookmarks": {"kind": "forum"}}', "bookmarks: Input should be a valid list"),
    "missing id": ('{"bookmarks": [{"kind": "forum", "id": "opening"}, {"kind": "area"}]}',
                   "bookmarks[1].id: Field required"),
    "unknown kind": ('{"bookmarks": [{"kind": "forum", "id": "opening"}, '
                     '{"kind": "event", "id": "x"}]}', "bookmarks[1].kind: Input should be 'forum'"),
    "wrong format": ('{"format": "other-app", "bookmarks": []}', "format: Input should be"),
    "typo in a field": ('{"bookmarks": [{"kind": "forum", "id": "opening", "titel": "x"}]}',
                        "bookmarks[0].titel: Extra inputs are not permitted"),
    "bad date": ('{"bookmarks": [{"kind": "forum", "id": "opening", "date": "May 27"}]}',
                 "bookmarks[0].date"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_bad_import_file_names_the_problem_and_changes_nothing(
        case: str, user: UserDb, content: sqlite3.Connection, tmp_path: Path) -> None:
    add_bookmark(user.db, content, "photo", "robot")
    before = stored_bookmarks(user.db)
    body, expected = BAD_FILES[case]
    path = tmp_path / "bad.json"
    path.write_bytes(body if isinstance(body, bytes) else body.encode())
    with pytest.raises(ImportFileError) as err:
        import_bookmarks(user.db, content, path)
    assert expected in str(err.value)
    assert str(path) in str(err.value)
    assert stored_bookmarks(user.db) == before


def test_import_of_a_missing_file_says_so(user: UserDb, content: sqlite3.Connection,
                                          tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        import_bookmarks(user.db, content, tmp_path / "nope.json")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_export_is_saved_with_the_permissions_of_any_file_saved_there(
        user: UserDb, content: sqlite3.Connection, tmp_path: Path) -> None:
    """Written through a private temporary file, every export came out readable by its
    owner alone (0600), and an export replacing a shared one made it private."""
    import os

    _bookmark_all(user, content)
    mask = os.umask(0o022)
    try:
        export_bookmarks(user.db, content, "json", tmp_path / "new.json")
        shared = tmp_path / "shared.csv"
        shared.write_text("old", encoding="utf-8")
        shared.chmod(0o664)
        export_bookmarks(user.db, content, "csv", shared)
    finally:
        os.umask(mask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644
    assert shared.stat().st_mode & 0o777 == 0o664


def test_a_name_too_long_is_an_export_failure_the_window_can_word(
        user: UserDb, content: sqlite3.Connection, tmp_path: Path) -> None:
    """Python 3.11's is_dir() raises on a name too long: a raw OSError escaped, which the
    window does not catch."""
    from guide.user.saving import ExportError

    _bookmark_all(user, content)
    folder = tmp_path / "out"
    out = folder / ("书签" * 200 + ".json")
    with pytest.raises(ExportError) as failed:
        export_bookmarks(user.db, content, "json", out)
    assert failed.value.reason == "name-too-long" and "too long" in str(failed.value)
    assert list(folder.iterdir()) == []  # no temporary file left


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux tells the umask in /proc")
def test_an_export_does_not_change_the_umask_to_learn_it(
        user: UserDb, content: sqlite3.Connection, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting the umask to 0 for an instant gave files other threads created then (the
    picture and update workers') world-writable permissions."""
    import os

    def no_umask(_mask: int) -> int:
        raise AssertionError("os.umask called")

    _bookmark_all(user, content)
    monkeypatch.setattr(os, "umask", no_umask)
    export_bookmarks(user.db, content, "json", tmp_path / "new.json")
    assert (tmp_path / "new.json").is_file()
