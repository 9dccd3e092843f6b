"""The timetable's rooms out of view: a band down each side of the grid pages them.

On a portrait kiosk (1080x1920) the 39C3 grid showed two and a half of its rooms with only a
thin scroll bar to say there were more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from guide.ui.history import Location
from guide.ui.timetable_panel import TimetablePanel
from guide.ui.views.forums import ForumsPage
from tests.support import kiosk_at

DAY = dt.date(2025, 12, 27)


def _grid(guide) -> TimetablePanel:  # type: ignore[no-untyped-def]
    guide.window.go(Location("forums"))
    page = guide.window.page("forums")
    assert isinstance(page, ForumsPage)
    page.select_day(DAY)
    page.show_grid()
    assert page.grid is not None
    return page.grid


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_portrait_kiosk_shows_and_pages_the_rooms_out_of_view(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, tmp_path: Path, lang: str) -> None:
    with kiosk_at(qtbot, programme_db, tmp_path, now="2025-12-27T11:00", lang=lang,
                  size=(1080, 1920)) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)  # a visitor walks up
        panel = _grid(k.guide)
        view, pager = panel.view, panel.view.pager
        qtbot.waitUntil(lambda: pager.forward.isVisible())
        forward, back = pager.forward, pager.back
        rooms = len(panel.model.grid.columns)
        first, last, of = pager.rooms_in_view()
        assert (first, of) == (1, rooms) and last < rooms
        # A finger's band, as tall as the grid, beside the grid (no block under it), saying how many.
        touch = k.config.min_touch_px
        assert forward.width() >= touch and forward.height() >= view.viewport().height() - 2
        assert forward.isEnabled() and forward.count == rooms - last and not back.isEnabled()
        edge = view.viewport().mapTo(view, view.grid_area().topRight())
        assert forward.geometry().left() > edge.x()
        assert f"{first}–{last}" in panel.hint.text() and str(rooms) in panel.hint.text()
        # A tap brings the next rooms, the first one not wholly in view leading.
        qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
        new_first, new_last, _ = pager.rooms_in_view()
        assert new_first in (last, last + 1)  # the half-seen room leads, whole
        assert view.horizontalScrollBar().value() % view.column_width() == 0
        assert back.isEnabled() and f"{new_first}–{new_last}" in panel.hint.text()
        for _ in range(rooms):  # to the last room, and back to the first
            if forward.isEnabled():
                qtbot.mouseClick(forward, Qt.MouseButton.LeftButton)
        assert pager.rooms_in_view()[1] == rooms and forward.count == 0 and not forward.isEnabled()
        bar = view.horizontalScrollBar()
        assert bar.value() == bar.maximum()  # the last room wholly in view, not cut at the band
        for _ in range(rooms):
            if back.isEnabled():
                qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
        assert pager.rooms_in_view()[0] == 1 and view.horizontalScrollBar().value() == 0


def test_no_bands_when_every_room_fits(qtbot, programme_db: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.support import shown_guide

    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang="en", size=(1280, 800)) as g:
        panel = _grid(g)
        pager = panel.view.pager
        assert pager.forward.isVisible() and "Rooms 1–" in panel.hint.text()
        g.window.resize(3400, 800)  # every room's column fits: no band, the plain count
        qtbot.waitUntil(lambda: not pager.forward.isVisible())
        assert not pager.back.isVisible() and pager.band() == 0
        grid = panel.model.grid
        assert panel.hint.text() == f"Sessions: {len(grid.blocks)} · Rooms: {len(grid.columns)}."
