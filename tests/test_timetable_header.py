"""The timetable on a short window at large text: the header gives way, the grid keeps its height."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from guide.app import Guide
from guide.ui.history import Location
from guide.ui.timetable_paint import running_tops
from guide.ui.timetable_panel import TimetablePanel
from guide.ui.views.forums import ForumsPage
from tests.support import shown_guide

BUSIEST = dt.date(2025, 12, 28)


def grid_page(guide: Guide, day: dt.date) -> tuple[ForumsPage, TimetablePanel]:
    guide.window.go(Location("forums"))
    page = guide.window.page("forums")
    assert isinstance(page, ForumsPage)
    page.select_day(day)
    page.show_grid()
    assert page.grid is not None
    return page, page.grid


def test_at_200_percent_on_1024x640_the_grid_shows_over_an_hour(qtbot, programme_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-28T14:00", lang="en", size=(1024, 640)) as g:
        g.ctx.state.set_text_scale(2.0)
        try:
            qtbot.wait(50)
            g.window.resize(1024, 640)
            page, panel = grid_page(g, BUSIEST)
            view = panel.view
            # An hour at 200% text is 240 px; the page header once left the grid ~90 px.
            qtbot.waitUntil(lambda: view.grid_area().height() >= 60 * view.minute_height())
            assert g.window.height() == 640
            assert page.day_chooser is not None
            assert page.day_chooser.isVisible() and not page.days.isVisible()
            # Blocks under the now line start in view: their times and titles are readable.
            now_y = view.now_line_y()
            assert now_y is not None
            tops = [t for t in running_tops(view) if now_y - t < view.grid_area().height() // 2]
            assert tops
            scrolled = view.verticalScrollBar().value()
            assert all(scrolled <= t for t in tops), (scrolled, tops, now_y, view.grid_area().height())
            assert scrolled <= now_y <= scrolled + view.grid_area().height()
            # The one-line chooser changes the day as the buttons do.
            page.day_chooser.setCurrentIndex(page.day_chooser.currentIndex() + 1)
            assert page.current_day() == BUSIEST + dt.timedelta(days=1)
            assert panel.model.grid is not None and panel.model.grid.day == BUSIEST + dt.timedelta(days=1)
            # Back to the list: the header stays compact (the rows need the height too), the
            # grid's tools go.
            page.show_grid(False)
            assert page.day_chooser.isVisible() and not page.days.isVisible()
            assert not panel.tools.isVisible()
        finally:
            g.ctx.state.set_text_scale(1.0)  # the app font is process-wide: put it back


def test_a_tall_window_keeps_the_day_buttons_over_the_grid(qtbot, programme_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-28T14:00", lang="zh", size=(1920, 1080)) as g:
        page, panel = grid_page(g, BUSIEST)
        qtbot.waitUntil(lambda: panel.view.grid_area().height() > 600)
        assert panel.tools.isVisible()
        assert page.days.isVisible() and page.day_chooser is None  # never needed
        assert page.title.isVisible()


def test_a_day_with_no_times_says_why_the_timetable_is_a_list(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    # The newspaper gives no times: choosing Timetable showed the same list as List, and
    # nothing said why, so the button seemed to do nothing.
    with shown_guide(qtbot, real_db, now="2023-05-28T10:00", lang="zh", size=(1280, 800)) as g:
        page, panel = grid_page(g, dt.date(2023, 5, 28))
        assert panel.session_ids() and not panel.timed()
        assert panel.tools.isVisible() and panel.hint.isVisible()
        assert panel.hint.text() == "尚未公布时间，无法排出时间表"
        assert not panel.zoom_in.isVisible() and not panel.now_button.isVisible()
        page.show_grid(False)
        assert not panel.tools.isVisible()
