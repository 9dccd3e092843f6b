"""Bookmarks of imported sessions (clashes by absolute time, the calendar with the room as
location), their marks on the timetable, overlapping sessions side by side, untimed forums."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest

from guide.app import Guide, build_window
from guide.content.database import open_content_db
from guide.content.timetable import DayGrid, Entry, clashes
from guide.ui.models.lazy import BookmarkedRole
from guide.ui.models.timetable import ClashRole
from guide.user import bookmarks as store
from guide.user.db import UserDb
from guide.user.export import export_bookmarks
from tests.support import shown_guide
from tests.test_timetable import file_sessions, open_grid

DAY = dt.date(2025, 12, 27)


def overlap(a: tuple[dt.datetime, dt.datetime], b: tuple[dt.datetime, dt.datetime]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def night_sessions() -> tuple[str, str, str]:
    """From the file: a session after midnight, one in another room running across midnight
    into it, and one that ends before it starts (all filed under the same conference day)."""
    sessions = {g: s for g, s in file_sessions().items() if s[0] == DAY}
    late_id, late = min(((g, s) for g, s in sessions.items() if s[2].date() > DAY),
                        key=lambda kv: kv[1][2])
    across = next(g for g, s in sessions.items() if s[2].date() == DAY and s[1] != late[1]
                  and overlap((s[2], s[3]), (late[2], late[3])))
    before = next(g for g, s in sessions.items() if s[2].date() == DAY and s[2].hour >= 22
                  and s[3] <= late[2])
    return late_id, across, before


def test_clashes_of_imported_sessions_go_by_absolute_time(programme_db: Path,
                                                          user: UserDb) -> None:
    content = open_content_db(programme_db)
    late, across, before = night_sessions()
    for guid in (late, across, before):
        store.add_bookmark(user.db, content, "forum", guid)
    views = store.list_bookmarks(user.db, content)
    # In the evening's order: the session after midnight comes last, not at 00:20 in the morning.
    assert views[-1].id == late
    pairs = {frozenset((c.first.id, c.second.id)) for c in store.conflicts(views)
             if c.kind == "overlap"}
    assert frozenset((late, across)) in pairs
    assert frozenset((late, before)) not in pairs


def test_calendar_of_imported_sessions_has_their_times_and_rooms(programme_db: Path,
                                                                 user: UserDb, tmp_path: Path) -> None:
    content = open_content_db(programme_db)
    sessions = file_sessions()
    chosen = night_sessions()
    for guid in chosen:
        store.add_bookmark(user.db, content, "forum", guid)
    export_bookmarks(user.db, content, "ics", tmp_path / "night.ics")
    calendar = icalendar.Calendar.from_ical((tmp_path / "night.ics").read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 3
    for guid in chosen:
        _day, room, start, end = sessions[guid]
        event = events[f"forum-{guid}@zgc-guide"]
        assert event.decoded("DTSTART") == start and event.decoded("DTEND") == end
        assert str(event["LOCATION"]) == room
        assert str(event["DTSTART"].params["TZID"]) == "Europe/Berlin"


@pytest.fixture
def guide(qtbot, programme_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-27T20:00", lang="en") as g:
        yield g


def test_bookmarked_sessions_are_starred_and_clashes_marked_on_the_grid(guide: Guide) -> None:
    panel = open_grid(guide, DAY)
    late, across, before = night_sessions()
    guide.ctx.bookmarks.toggle("forum", late)
    guide.ctx.bookmarks.toggle("forum", across)
    guide.ctx.bookmarks.toggle("forum", before)
    grid, model = panel.model.grid, panel.model
    assert grid is not None

    def row(guid: str) -> int:
        found = grid.index_of(guid)
        assert found is not None
        return found

    assert model.index(row(late), 0).data(BookmarkedRole)
    assert model.index(row(late), 0).data(ClashRole) and model.index(row(across), 0).data(ClashRole)
    other = next(n for n, b in enumerate(grid.blocks) if b.id not in (late, across, before))
    assert not model.index(other, 0).data(BookmarkedRole)
    guide.ctx.bookmarks.toggle("forum", across)  # un-bookmarked: the clash is gone at once
    assert not model.index(row(late), 0).data(ClashRole)


def entry(item_id: str, room: str, start: str | None, end: str | None) -> Entry:
    def minute(clock: str | None) -> int | None:
        return int(clock[:2]) * 60 + int(clock[3:]) if clock else None

    return Entry(item_id, item_id, item_id, DAY, minute(start), minute(end), room, room, room,
                 None, None, None)


def test_overlapping_sessions_in_one_room_stand_side_by_side() -> None:
    grid = DayGrid(DAY, [entry("a", "r1", "10:00", "11:00"), entry("b", "r1", "10:30", "11:30"),
                         entry("c", "r1", "11:00", "12:00"), entry("d", "r1", "13:00", "14:00"),
                         entry("e", "r2", "10:00", "10:45"), entry("f", "r2", None, None)])
    rects = {b.id: grid.rect(n) for n, b in enumerate(grid.blocks)}
    assert rects["a"].width == rects["b"].width == 0.5 and rects["b"].x == 0.5
    assert rects["c"].x == 0 and rects["d"].width == 1  # alone again after the cluster
    assert rects["e"].x == 1  # the second room's column
    assert [e.id for e in grid.untimed] == ["f"] and grid.index_of("f") is None
    assert clashes(grid, {"a", "e", "d"}) == {"a", "e"}


def test_forums_without_times_are_listed_beside_an_empty_grid(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    g = build_window(real_db, now="2023-05-27T10:00", lang="en")
    qtbot.addWidget(g.window)
    g.window.resize(1280, 800)
    g.window.show()
    try:
        from guide.content import queries

        day = max(queries.forum_dates(g.ctx.content),
                  key=lambda d: len(queries.forum_ids(g.ctx.content, day=d)))
        panel = open_grid(g, day)
        assert panel.untimed_model.ids() == queries.forum_ids(g.ctx.content, day=day)
        assert panel.untimed.isVisible() and not panel.view.isVisible()
    finally:
        g.images.shutdown()


def test_a_press_on_a_small_block_opens_it_only_its_drawn_star_bookmarks(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    # List rows grow their star's target to 44 px for fingers; a timetable block can be 66x30,
    # where such a target would take most of it and a press meant to open would bookmark.
    from PySide6.QtCore import QPoint, Qt

    panel = open_grid(guide, DAY)
    view, model = panel.view, panel.model
    delegate = view.itemDelegate()
    port = view.viewport().rect()
    index = next(model.index(r, 0) for r in range(model.rowCount())
                 if port.contains(view.visualRect(model.index(r, 0))))  # a whole block in view
    card = delegate.card_rect(view.visualRect(index))
    assert delegate.star_target(card) == delegate.star_rect(card)
    star = delegate.star_rect(card)
    beside = QPoint(star.left() - 3, star.center().y())  # a finger's width from the star
    assert card.contains(beside)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=beside)
    assert not index.data(BookmarkedRole)  # opened, not bookmarked
    assert guide.window.current_location().kind == "forum"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_kiosks_timetable_stars_are_a_fingers_target(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, tmp_path: Path, lang: str) -> None:
    """On a kiosk the target was the drawn star alone, 28x28 px: a near miss opened the session.
    It is the kiosk's touch minimum around the star, within the block; the star is as drawn."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtTest import QTest

    from tests.support import kiosk_at

    with kiosk_at(qtbot, programme_db, tmp_path, now="2025-12-27T11:00", lang=lang) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)  # a visitor walks up
        panel = open_grid(k.guide, DAY)
        view, model = panel.view, panel.model
        delegate = view.itemDelegate()
        port = view.viewport().rect()
        index = next(model.index(r, 0) for r in range(model.rowCount())
                     if port.contains(view.visualRect(model.index(r, 0)))
                     and min(view.visualRect(model.index(r, 0)).size().toTuple()) >= 60)
        card = delegate.card_rect(view.visualRect(index))
        star, target = delegate.star_rect(card), delegate.star_target(card)
        assert star.width() < k.config.min_touch_px  # drawn as on a desktop
        assert min(target.width(), target.height()) >= k.config.min_touch_px, target
        assert target.contains(star) and card.contains(target), (star, target, card)
        beside = QPoint(star.left() - 8, star.bottom() + 8)  # a near miss, below and left
        assert target.contains(beside)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=beside)
        assert index.data(BookmarkedRole)  # bookmarked, not opened
        assert k.window.current_location().kind is None  # still the timetable
        # A short session in a narrow lane (67 px, a lane of four) stays mostly a block to
        # open: its target is half its width at most, never less than the star.
        narrow = QRect(card.left(), card.top(), 67, 40)
        star, target = delegate.star_rect(narrow), delegate.star_target(narrow)
        assert target.contains(star) and narrow.contains(target), (star, target)
        assert target.width() <= 67 // 2, target
