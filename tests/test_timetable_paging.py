"""The timetable's rooms out of view: a band down each side of the grid pages them.

On a portrait kiosk (1080x1920) the 39C3 grid showed two and a half of its rooms with only a
thin scroll bar to say there were more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.support import kiosk_at
from tests.test_timetable import open_grid

DAY = dt.date(2025, 12, 27)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_portrait_kiosk_shows_and_pages_the_rooms_out_of_view(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, tmp_path: Path, lang: str) -> None:
    with kiosk_at(qtbot, programme_db, tmp_path, now="2025-12-27T11:00", lang=lang,
                  size=(1080, 1920)) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)  # a visitor walks up
        panel = open_grid(k.guide, DAY)
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
        panel = open_grid(g, DAY)
        pager = panel.view.pager
        assert pager.forward.isVisible() and "Rooms 1–" in panel.hint.text()
        g.window.resize(3400, 800)  # every room's column fits: no band, the plain count
        qtbot.waitUntil(lambda: not pager.forward.isVisible())
        assert not pager.back.isVisible() and pager.band() == 0
        grid = panel.model.grid
        assert panel.hint.text() == f"Sessions: {len(grid.blocks)} · Rooms: {len(grid.columns)}."


@pytest.mark.parametrize(("lang", "names"), [
    ("en", ("Show the previous rooms", "Show the next rooms")),
    ("zh", ("显示前面的会场", "显示后面的会场")),
])
def test_a_screen_reader_reaches_the_bands_around_the_blocks(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, lang: str, names: tuple[str, str]) -> None:
    """The bands were orphan nodes: their parent, the timetable's list, listed only its blocks,
    so no walk of the tree (Orca's flat review, mouse review) ever found them."""
    from PySide6.QtGui import QAccessible

    from tests.support import shown_guide

    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang=lang, size=(1080, 1920),
                     exposed=True) as g:
        panel = open_grid(g, DAY)
        view, pager = panel.view, panel.view.pager
        qtbot.waitUntil(lambda: pager.forward.isVisible())
        found: list[object] = []

        def walk(node, depth: int = 0) -> None:  # type: ignore[no-untyped-def]
            if node is None or not node.isValid() or depth > 30:
                return
            if node.object() in (pager.back, pager.forward):
                found.append(node.object())
            for i in range(node.childCount()):
                walk(node.child(i), depth + 1)

        walk(QAccessible.queryAccessibleInterface(g.window))
        assert found == [pager.back, pager.forward]  # in reading order: ‹ blocks ›
        grid = QAccessible.queryAccessibleInterface(view)
        rows = panel.model.rowCount()
        assert grid.childCount() == rows + 2
        for button, name, index in ((pager.back, names[0], 0), (pager.forward, names[1], rows + 1)):
            node = QAccessible.queryAccessibleInterface(button)
            assert node.role() == QAccessible.Role.Button and node.text(QAccessible.Text.Name) == name
            assert node.text(QAccessible.Text.Description)  # "7 more rooms to the right"
            assert grid.child(index).object() is button and grid.indexOfChild(node) == index
            assert node.parent().object() is view
            centre = node.rect().center()
            assert grid.childAt(centre.x(), centre.y()).object() is button  # mouse review
        assert QAccessible.queryAccessibleInterface(pager.back).state().disabled  # no room before
        # The blocks keep their names, one place further on; the focused one is found there.
        block = grid.child(1)
        assert block.text(QAccessible.Text.Name) == panel.model.index(0, 0).data(
            Qt.ItemDataRole.AccessibleTextRole)
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        view.setCurrentIndex(panel.model.index(3, 0))
        assert grid.indexOfChild(grid.focusChild()) == 4 and grid.child(4).state().focused


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_arrow_keys_bring_in_whole_rooms_and_the_count_says_the_readable_ones(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path, lang: str) -> None:
    """Right three times at 1024x640 scrolled the grid by pixels: a 25 px strip of room 1 with
    no heading beside the ‹ band, and "Rooms 1–5 of 11" where three rooms could be read."""
    from tests.support import shown_guide

    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang=lang, size=(1024, 640),
                     exposed=True) as g:
        panel = open_grid(g, DAY)
        view, pager = panel.view, panel.view.pager
        qtbot.waitUntil(lambda: pager.forward.isVisible())
        bar, cw = view.horizontalScrollBar(), view.column_width()

        def readable() -> None:
            first, last, rooms = pager.rooms_in_view()
            area, left = view.grid_area(), bar.value()
            # Each room counted is wholly in view; the rooms beside them are not.
            assert (first - 1) * cw >= left and last * cw <= left + area.width(), (first, last, left)
            assert first == 1 or (first - 2) * cw < left
            assert last == rooms or (last + 1) * cw > left + area.width()
            words = (f"Rooms {first}–{last} of {rooms}" if lang == "en"
                     else f"{first}–{last}")
            assert words in panel.hint.text(), panel.hint.text()

        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        qtbot.keyClick(view, Qt.Key.Key_Down)  # the keys on a block
        moved = 0
        for _ in range(12):
            before = view.currentIndex()
            qtbot.keyClick(view, Qt.Key.Key_Right)
            if view.currentIndex() == before:
                break
            block = view.visualRect(view.currentIndex())
            area = view.grid_area()
            assert area.left() <= block.left() and block.right() <= area.right()  # the block whole
            assert bar.value() % cw == 0 or bar.value() == bar.maximum(), bar.value()
            moved += bar.value() > 0
            readable()
        assert moved  # the keys did scroll across
        bar.setValue(25)  # a finger's pan stops anywhere: the cut room is not counted
        readable()
        assert pager.rooms_in_view()[0] == 2 and pager.back.count == 1


def test_one_room_in_view_is_counted_as_one(qtbot, programme_db: Path) -> None:  # type: ignore[no-untyped-def]
    """At 200% text on 1024x640 one room fits whole: the line read "Rooms 3–3 of 11"."""
    from tests.support import shown_guide

    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang="en", size=(1024, 640)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            panel = open_grid(g, DAY)
            view, pager = panel.view, panel.view.pager
            qtbot.waitUntil(lambda: pager.forward.isVisible())
            view.horizontalScrollBar().setValue(2 * view.column_width())
            first, last, rooms = pager.rooms_in_view()
            assert first == last == 3
            assert f"Room 3 of {rooms}." in panel.hint.text() and "3–3" not in panel.hint.text()
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back
