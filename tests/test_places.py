"""Rooms and tracks of an imported programme as lists: sessions per room and track, and what is
on now and next in each room at three points of the clock, checked against a plain walk of the
39C3 file."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide.content import database, places
from tests.conftest import XML_39C3

BERLIN = dt.timezone(dt.timedelta(hours=1))  # the whole congress is in winter time


@pytest.fixture(scope="module")
def db(programme_db: Path) -> Iterator[database.Db]:
    conn = database.open_content_db(programme_db)
    yield conn
    conn.close()


def _file_events() -> list[tuple[str, str, str, dt.datetime, dt.datetime]]:
    """(guid, title, room, start, end) of every event, read from the XML without the importer."""
    out = []
    for event in ET.parse(XML_39C3).getroot().iter("event"):
        start = dt.datetime.fromisoformat(event.findtext("date") or "")
        hours, minutes = (int(x) for x in (event.findtext("duration") or "0:00").split(":"))
        out.append((event.get("guid") or "", event.findtext("title") or "",
                    event.findtext("room") or "", start,
                    start + dt.timedelta(hours=hours, minutes=minutes)))
    return out


def _expected(room: str, at: dt.datetime) -> tuple[str | None, str | None]:
    events = [e for e in _file_events() if e[2] == room]
    on = [e for e in events if e[3] <= at < e[4]]
    later = sorted((e for e in events if e[3] > at), key=lambda e: e[3])
    return (on[0][1] if on else None), (later[0][1] if later else None)


def _room_id(db: database.Db, name: str) -> str:
    return next(r.id for r in places.room_rows(db, places.room_ids(db), dt.datetime(2025, 1, 1))
                if r.title == name)


@pytest.mark.parametrize("at", [
    dt.datetime(2025, 12, 26, 12, 0, tzinfo=BERLIN),  # the day before: nothing on, the opening next
    dt.datetime(2025, 12, 28, 14, 0, tzinfo=BERLIN),  # mid-congress: a talk on, the next after it
    dt.datetime(2025, 12, 31, 12, 0, tzinfo=BERLIN),  # after it: nothing on, nothing next
])
@pytest.mark.parametrize("room", ["One", "Ground", "Fuse"])
def test_room_status_at_three_points_of_the_clock(db: database.Db, room: str, at: dt.datetime) -> None:
    status = places.room_status(db, _room_id(db, room), at)
    got = (status.now.title if status.now else None, status.next.title if status.next else None)
    assert got == _expected(room, at)


def test_the_three_clock_points_mean_what_they_say(db: database.Db) -> None:
    """The before/during/after points are not all empty: each shows what it claims to."""
    one = _room_id(db, "One")
    before = places.room_status(db, one, dt.datetime(2025, 12, 26, 12, 0, tzinfo=BERLIN))
    during = places.room_status(db, one, dt.datetime(2025, 12, 28, 14, 0, tzinfo=BERLIN))
    after = places.room_status(db, one, dt.datetime(2025, 12, 31, 12, 0, tzinfo=BERLIN))
    assert before.now is None and before.next is not None and before.next.title == "Opening Ceremony"
    assert during.now is not None and during.next is not None
    assert during.now.start and during.next.start and during.now.start < during.next.start
    assert after.now is None and after.next is None


def test_a_naive_clock_is_the_programmes_local_time(db: database.Db) -> None:
    """The app's clock is local wall time in the content's zone (Europe/Berlin here)."""
    one = _room_id(db, "One")
    aware = places.room_status(db, one, dt.datetime(2025, 12, 28, 14, 0, tzinfo=BERLIN))
    naive = places.room_status(db, one, dt.datetime(2025, 12, 28, 14, 0))
    utc = places.room_status(db, one, dt.datetime(2025, 12, 28, 13, 0, tzinfo=dt.UTC))
    assert aware == naive == utc


def test_a_session_is_on_until_it_ends_not_after(db: database.Db) -> None:
    _guid, title, room, _start, end = next(e for e in _file_events() if e[2] == "One")
    status = places.room_status(db, _room_id(db, room), end - dt.timedelta(minutes=1))
    assert status.now is not None and status.now.title == title
    status = places.room_status(db, _room_id(db, room), end)
    assert status.now is None or status.now.title != title


def test_room_and_track_rows_count_the_files_sessions(db: database.Db) -> None:
    events = _file_events()
    by_room = Counter(e[2] for e in events if e[2] != "andi-test-raum")  # test data: left out
    rows = places.room_rows(db, places.room_ids(db), dt.datetime(2025, 12, 28, 14, 0))
    assert {r.title: r.sessions for r in rows if r.sessions} == dict(by_room)
    tracks = Counter((event.findtext("track") or "")
                     for event in ET.parse(XML_39C3).getroot().iter("event"))
    track_rows = places.track_rows(db, places.track_ids(db))
    assert {t.title: t.sessions for t in track_rows if t.sessions} == \
        {k: v for k, v in tracks.items() if k}
    assert [t.id for t in track_rows] == places.track_ids(db)  # the order asked for


def test_sessions_by_day_keep_schedule_order(db: database.Db) -> None:
    from guide.content import queries

    rows = queries.room_forums(db, _room_id(db, "One"))
    days = places.by_day(rows)
    assert [d for d, _g in days] == sorted({r.date for r in rows})
    assert [r.id for _d, group in days for r in group] == [r.id for r in rows]


def test_the_newspapers_content_has_no_rooms(real_db: Path) -> None:
    conn = database.open_content_db(real_db)
    assert places.room_ids(conn) == [] and places.track_ids(conn) == []
    assert places.room_rows(conn, [], dt.datetime(2023, 5, 29, 10, 0)) == []


def test_the_next_status_change_is_the_next_start_or_end_in_a_room(db: database.Db) -> None:
    at = dt.datetime(2025, 12, 28, 14, 0, tzinfo=BERLIN)
    events = [e for e in _file_events() if e[2]]
    boundaries = sorted({t for e in events for t in (e[3], e[4]) if t > at})
    assert places.seconds_until_change(db, at) == (boundaries[0] - at).total_seconds()
    last = max(e[4] for e in events)
    assert places.seconds_until_change(db, last) is None  # the congress is over: nothing changes
