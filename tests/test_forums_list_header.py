"""The Forums list on a short window at large text: the header gives way, rows stay readable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QListView

from guide.app import Guide
from guide.ui.history import Location
from guide.ui.views.forums import ForumsPage
from tests.support import shown_guide

BUSIEST = dt.date(2025, 12, 28)


def list_page(guide: Guide, day: dt.date) -> ForumsPage:
    guide.window.go(Location("forums"))
    page = guide.window.page("forums")
    assert isinstance(page, ForumsPage)
    page.select_day(day)
    assert not page.view_toggle.grid_chosen()  # the list is what the page opens with
    return page


def whole_rows(view: QListView) -> int:
    """How many rows are in view from top to bottom (a row half below the edge is not)."""
    shown = view.viewport().rect()
    return sum(1 for r in range(view.model().rowCount())
               if shown.contains(view.visualRect(view.model().index(r, 0))))


def test_at_200_percent_on_1024x640_the_list_shows_two_whole_sessions(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path) -> None:
    for lang in ("en", "zh"):
        with shown_guide(qtbot, programme_db, now="2025-12-28T14:00", lang=lang, size=(1024, 640)) as g:
            g.ctx.state.set_text_scale(2.0)
            try:
                qtbot.wait(50)
                g.window.resize(1024, 640)
                page = list_page(g, BUSIEST)
                assert page.model.rowCount() > 10
                # The full header (title, subtitle, day buttons in two rows, kind, List and
                # Timetable) once left the list 46 px: the top of one session.
                qtbot.waitUntil(lambda: whole_rows(page.view) >= 2)  # noqa: B023
                assert g.window.height() == 640
                assert page.day_chooser is not None
                assert page.day_chooser.isVisible() and not page.days.isVisible()
                assert page.compact_title.isVisible() and not page.title.isVisible()
                # The one-line chooser changes the listed day as the buttons do.
                page.day_chooser.setCurrentIndex(page.day_chooser.currentIndex() + 1)
                assert page.current_day() == BUSIEST + dt.timedelta(days=1)
                assert page.model.rowCount() > 10
                # Back at 100% text the page keeps its full header: the rows have room.
                g.ctx.state.set_text_scale(1.0)
                qtbot.waitUntil(lambda: page.days.isVisible())  # noqa: B023
                assert page.title.isVisible() and not page.day_chooser.isVisible()
                assert whole_rows(page.view) >= 3
            finally:
                g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back


def test_at_1280x800_the_list_keeps_its_day_buttons(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-27T08:00", lang="zh", size=(1280, 800)) as g:
        page = list_page(g, dt.date(2023, 5, 27))
        qtbot.waitUntil(lambda: page.view.isVisible())
        assert page.days.isVisible() and page.title.isVisible() and page.subtitle.isVisible()
        assert page.day_chooser is None  # never needed


def test_the_list_and_timetable_buttons_keep_room_beside_their_text_at_every_size(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path) -> None:
    # At 150% and 200% the side padding stayed 12 px (16 px on a large window): a bold "List"
    # nearly touched its edges, 0.35 of a line of text at 200% against 0.67 at 100%.
    for lang in ("en", "zh"):
        with shown_guide(qtbot, real_db, now="2023-05-27T08:00", lang=lang, size=(1024, 640)) as g:
            try:
                for size, scale in ((s, x) for s in ((1024, 640), (1920, 1080)) for x in (1.0, 1.5, 2.0)):
                    g.ctx.state.set_text_scale(scale)
                    g.window.resize(*size)
                    page = list_page(g, dt.date(2023, 5, 27))
                    toggle = page.view_toggle
                    # Laid out afresh for the new text size (the buttons at their size hints).
                    qtbot.waitUntil(lambda: page.view.isVisible() and all(  # noqa: B023
                        b.size() == b.sizeHint() for b in (toggle.list_button, toggle.grid_button)))  # noqa: B023
                    where = (lang, size, scale, page.compact)
                    assert page.compact == (size == (1024, 640) and scale > 1), where
                    for button in (toggle.list_button, toggle.grid_button):
                        line = QFontMetrics(button.font()).height()
                        text = QFontMetrics(button.font()).horizontalAdvance(button.text())
                        assert (button.width() - text) / 2 - 1 >= 0.6 * line, where  # 1 px border
                        shown = button.rect().translated(button.mapTo(page, QPoint(0, 0)))
                        assert page.rect().contains(shown), where  # nor cut at the page's edge
            finally:
                g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back


def test_the_kind_filter_is_as_tall_as_the_buttons_beside_it(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path) -> None:
    # At 1920x1080 and 200% the drop-down was half the height of the touch-sized List and
    # Timetable buttons in the same line: a small target on a kiosk among large ones.
    with shown_guide(qtbot, real_db, now="2023-05-27T08:00", lang="en", size=(1920, 1080)) as g:
        try:
            for size, scale in (((1920, 1080), 2.0), ((1920, 1080), 1.0), ((1280, 800), 1.5)):
                g.ctx.state.set_text_scale(scale)
                g.window.resize(*size)
                page = list_page(g, dt.date(2023, 5, 27))
                button = page.view_toggle.list_button
                qtbot.waitUntil(lambda: page.view.isVisible()  # noqa: B023
                                and page.kind.size() == page.kind.sizeHint())  # noqa: B023
                assert not page.compact
                assert abs(page.kind.height() - button.height()) <= 2, (size, scale)
                assert page.kind.height() >= 44 * scale  # the touch minimum, as it grows
            # The compact header's drop-downs were 6 px taller than its buttons (50 vs 44).
            for scale in (1.5, 2.0):
                g.ctx.state.set_text_scale(scale)
                g.window.resize(1024, 640)
                page = list_page(g, dt.date(2023, 5, 27))
                qtbot.waitUntil(lambda: page.compact and page.day_chooser is not None  # noqa: B023
                                and page.day_chooser.isVisible())  # noqa: B023
                qtbot.wait(20)
                heights = (page.kind.height(), page.day_chooser.height(),  # type: ignore[union-attr]
                           page.view_toggle.list_button.height())
                assert max(heights) - min(heights) <= 2, (scale, heights)
        finally:
            g.ctx.state.set_text_scale(1.0)
