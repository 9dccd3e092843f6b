"""Tab goes through a page in the order it is drawn (README: Keyboard), also for the controls a
page makes later: the Forums day chooser of a short window, its timetable, the Figures charts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from guide.ui.history import Location
from guide.ui.views.forums import ForumsPage
from tests.support import shown_guide


def tab_walk(qtbot: QtBot, start: QWidget) -> list[str]:
    """The object names Tab reaches from ``start`` until it comes round to it again."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert start.hasFocus()
    names: list[str] = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused is start:
            return names
        names.append(focused.objectName())
    raise AssertionError(f"Tab never came back: {names}")


def test_a_short_windows_timetable_is_reached_after_the_day_chooser(  # type: ignore[no-untyped-def]
        qtbot, programme_db: Path) -> None:
    """At 1024x640 the day is a drop-down made when the header turns compact, and the grid is
    made when Timetable is first chosen: both joined the chain at its end, so the day came
    after the whole grid ("Tab follows the header as drawn")."""
    with shown_guide(qtbot, programme_db, now="2025-12-27T11:00", lang="en", size=(1024, 640),
                     exposed=True) as g:
        g.window.go(Location("forums"))
        page = g.window.page("forums")
        assert isinstance(page, ForumsPage)
        page.select_day(dt.date(2025, 12, 27))
        page.show_grid()
        qtbot.waitUntil(lambda: page.day_chooser is not None and page.day_chooser.isVisible())
        order = tab_walk(qtbot, g.window.navigation)
        page_part = order[:order.index("backButton")]
        assert page_part == ["dayChooser", "kindFilter", "dayButton", "zoomOut", "zoomIn",
                             "nowButton", "timetable"], order
        # The toolbar as drawn, from its left: Back, the box, Aa, staff, language.
        assert order[order.index("backButton"):] == [
            "backButton", "searchBox", "displayButton", "staffMenuButton", "languageButton"], order
        page.show_grid(False)  # the list keeps the full header here: the day buttons lead
        order = tab_walk(qtbot, g.window.navigation)
        assert order[:order.index("backButton")] == ["dayButton", "kindFilter", "dayButton",
                                                    "forumList"], order


def test_the_figures_charts_are_reached_before_the_list_under_them(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-29T10:00", lang="zh", exposed=True) as g:
        g.window.go(Location("figures"))
        order = tab_walk(qtbot, g.window.navigation)
        assert order[:order.index("backButton")] == ["figureChart", "figureChart", "figureList"], order
        g.ctx.state.set_language("en")  # charts made again with the page's new words
        g.window.page("figures").refresh()
        order = tab_walk(qtbot, g.window.navigation)
        assert order[:order.index("backButton")] == ["figureChart", "figureChart", "figureList"], order
