"""The window on an imported real programme (39C3): day strip, kind filter, Home, rooms, tracks, search."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QTextBrowser

from guide.app import Guide, build_window
from guide.cli import main
from guide.content import database, queries
from guide.content.build import build_content_db
from guide.search import search
from guide.ui.history import Location
from tests.conftest import ROOT
from tests.support import answer_yes, shown_guide

XML_39C3 = ROOT / "tests" / "fixtures" / "schedules" / "eventfahrplan-schedule-39c3-20251206.xml"
TALK = "a2dd3dc7-ecae-50b3-82d9-266ad02f7a40"  # "All my Deutschlandtickets gone", One, 27 Dec 16:00


@pytest.fixture(scope="module")
def programme_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("39c3")
    assert main(["import", str(XML_39C3), "--out", str(folder / "pack")]) == 0
    return build_content_db(folder / "pack", folder / "c.db").path


@pytest.fixture
def guide(qtbot, programme_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-27T16:30", lang="en") as g:
        yield g


def test_day_strip_and_kind_filter_work_on_the_programme(guide: Guide) -> None:
    page = guide.window.page("forums")
    guide.window.go(Location("forums"))
    assert page.days.count() == 4 and page.current_day() == dt.date(2025, 12, 27)
    page.select_day(dt.date(2025, 12, 28))
    rows = [page.model.item_at(i) for i in range(page.model.rowCount())]
    db = guide.ctx.content
    assert len(rows) == len(queries.forum_ids(db, day=dt.date(2025, 12, 28))) > 40
    # The night's sessions (after midnight) close the day, in time order.
    starts = [r.start for r in rows]
    assert starts == sorted(starts) and starts[-1].date() == dt.date(2025, 12, 29)
    page.kind.setCurrentIndex(page.kind.findData("session"))
    assert page.model.rowCount() == len(rows)
    page.kind.setCurrentIndex(page.kind.findData("conference"))
    assert page.model.rowCount() == 0


def test_home_now_and_next_from_the_clock(guide: Guide) -> None:
    home = guide.window.page("home")
    db = guide.ctx.content
    now = dt.datetime(2025, 12, 27, 16, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    rows = queries.forum_rows(db, queries.forum_ids(db, day=dt.date(2025, 12, 27)))
    on_now = [r.id for r in rows if r.start and r.end and r.start <= now < r.end]
    assert TALK in on_now and set(home.today_model.ids()) == set(on_now)
    assert set(home.next_model.ids()) == {r.id for r in rows if r.start and r.start > now}


def test_a_session_past_midnight_is_on_until_it_ends(programme_db: Path) -> None:
    from guide.content.schedule import today_and_next

    db = database.open_content_db(programme_db)
    late = [r for r in queries.forum_rows(db, queries.forum_ids(db, day=dt.date(2025, 12, 27)))
            if r.end and r.end.date() == dt.date(2025, 12, 28) and r.start and r.start.hour == 23]
    assert late
    at = late[0].start.replace(tzinfo=None) + dt.timedelta(minutes=5)
    today, _day, _next = today_and_next(db, at)
    assert late[0].id in [r.id for r in today]


def test_session_room_track_and_speaker_pages_link_each_other(guide: Guide) -> None:
    w = guide.window
    w.open_item("forum", TALK)
    body = w.detail.findChild(QTextBrowser, "detailBody")
    html = body.toHtml()
    assert "16:00–17:00" in html and "Q Misell" in html and "Zügli" in html
    # A talk of an imported programme is labelled as what it is, not as a "Forum".
    assert w.detail.kind_label.text() == "Session"
    row = queries.forum_rows(guide.ctx.content, [TALK])[0]
    body.anchorClicked.emit(QUrl(f"guide:room/{row.room_id}"))
    assert w.current_location() == Location.item("room", row.room_id or "")
    assert w.findChild(QLabel, "detailTitle").text() == "One"
    assert f"guide:forum/{TALK}" in body.toHtml()
    w.open_item("track", row.track_id or "")
    assert w.findChild(QLabel, "detailTitle").text() == "Security"
    assert f"guide:forum/{TALK}" in body.toHtml()
    speaker = queries.get_forum(guide.ctx.content, TALK).speakers[0].person
    w.open_item("person", speaker.id)
    assert f"guide:forum/{TALK}" in body.toHtml() and "Translated from" not in body.toHtml()


def test_search_finds_sessions_speakers_rooms_and_tracks(programme_db: Path) -> None:
    db = database.open_content_db(programme_db)
    assert search(db, "Deutschlandticket")[0].id == TALK
    assert search(db, "Misell")[0].kind == "person"
    assert search(db, "Fuse")[0].kind == "room"
    assert search(db, "Security")[0].kind == "track"


def test_staff_open_programme_swaps_content_keeps_bookmarks_by_guid_and_restores(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:

    from tests.conftest import MINI_PACK

    current = build_content_db(MINI_PACK, tmp_path / "content.db").path
    g = build_window(current, lang="en", user_db=tmp_path / "user.db")
    qtbot.addWidget(g.window)
    g.window.show()
    asked = answer_yes(monkeypatch)
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(XML_39C3)
    assert done.args == [True]
    assert "version 1" in asked[0] and "staff import" in asked[0]
    assert "215 added" in asked[0] and "14 added" in asked[0]  # sessions; rooms
    assert g.window.go(Location.item("forum", TALK))
    g.ctx.bookmarks.toggle("forum", TALK)

    # A corrected file opened again: a newer version; the bookmark (the session's guid) stays.
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(XML_39C3)
    assert done.args == [True] and "version 2" in asked[1]
    assert "No items are added, changed or removed." in asked[1]
    g.window.go(Location("bookmarks"))
    entries = [r for r in g.window.page("bookmarks").model.rows() if hasattr(r, "view")]
    assert [(e.view.id, e.note) for e in entries] == [(TALK, "")]

    bad = tmp_path / "programme.csv"
    bad.write_text("标题 Title,日期 Date,开始 Start\nTalk,2025-12-27,25:00\n", encoding="utf-8")
    with qtbot.waitSignal(g.updates.finished, timeout=60000) as done:
        g.updates.start_programme(bad)
    assert done.args == [False]
    assert "programme.csv: row 2, column 开始 Start: '25:00' is not a time" in g.updates.last_message
    assert g.window.go(Location.item("forum", TALK))  # nothing changed
    assert g.updates.restore()
    g.close()
