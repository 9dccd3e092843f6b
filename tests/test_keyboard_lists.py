"""Lists from the keyboard: Ctrl+D on a list's row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QListView

from guide.app import Guide
from guide.ui.history import Location
from guide.ui.models.lazy import BookmarkedRole, IdRole, KindRole
from tests.support import shown_guide
from tests.test_timetable import open_grid


@pytest.fixture
def guide(qtbot, real_db: Path) -> Iterator[Guide]:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, real_db, now="2023-05-27T10:00", lang="en", exposed=True) as g:
        yield g


def _list(g: Guide, section: str, name: str) -> QListView:
    """The list ``name`` of ``section``, shown and with the keyboard in it (as Tab leaves it)."""
    g.window.go(Location(section))
    view = g.window.findChild(QListView, name)
    assert view is not None and view.isVisible()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert view.hasFocus()
    return view


def _ctrl_d(g: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()


def _row(view: QListView, index: QModelIndex) -> QImage:
    """The row as it is on screen (its star is the only part a bookmark changes)."""
    rect = view.visualRect(index).intersected(view.viewport().rect())
    assert not rect.isEmpty()
    return view.viewport().grab(rect).toImage()


@pytest.mark.parametrize(("section", "name"), [
    ("forums", "forumList"), ("announcements", "announcementList"), ("photos", "photoGrid"),
    ("exhibition", "areaGrid"), ("home", "latestNews"), ("home", "todayList")])
def test_ctrl_d_in_a_list_bookmarks_the_current_row_and_fills_its_star(
        guide: Guide, qtbot, section: str, name: str) -> None:  # type: ignore[no-untyped-def]
    view = _list(guide, section, name)
    index = view.currentIndex()
    item = (index.data(KindRole), index.data(IdRole))
    assert index.isValid() and all(item)
    outline = _row(view, index)
    _ctrl_d(guide, qtbot)
    assert guide.ctx.bookmarks.is_bookmarked(*item)
    assert index.data(BookmarkedRole) is True
    assert _row(view, index) != outline  # the star is filled at once
    assert guide.window.current_location() == Location(section) and view.hasFocus()
    _ctrl_d(guide, qtbot)  # and again: taken back
    assert not guide.ctx.bookmarks.is_bookmarked(*item)
    assert _row(view, index) == outline


def test_ctrl_d_on_a_figure_does_nothing(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Figures are read in place: their lists have no stars."""
    for section, name in (("figures", "figureList"), ("home", "keyFigures")):
        view = _list(guide, section, name)
        assert view.currentIndex().data(KindRole) == "figure"
        _ctrl_d(guide, qtbot)
        assert guide.ctx.bookmarks.bookmarked_ids("figure") == set()


def test_ctrl_d_in_the_search_box_bookmarks_the_chosen_result(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Up and Down in the box choose a result (the list itself never takes the focus)."""
    w = guide.window
    w.focus_search()
    qtbot.keyClicks(w.search_box, "lvse")
    qtbot.wait(5)
    qtbot.keyClick(w.search_box, Qt.Key.Key_Down)
    results = w.pages["search"].findChild(QListView, "searchResults")
    chosen = results.currentIndex()
    item = (chosen.data(KindRole), chosen.data(IdRole))
    assert all(item)
    _ctrl_d(guide, qtbot)
    assert guide.ctx.bookmarks.is_bookmarked(*item)
    assert w.search_box.hasFocus() and w.search_box.text() == "lvse"


def test_ctrl_d_on_a_detail_page_still_bookmarks_the_page(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Even with the keyboard in the page's list of photos: the item on screen, as before."""
    w = guide.window
    w.open_item("area", "metaverse-area")
    photos = w.detail.photos
    assert photos.isVisible() and photos.model().rowCount()
    photos.setFocus(Qt.FocusReason.TabFocusReason)
    _ctrl_d(guide, qtbot)
    assert guide.ctx.bookmarks.is_bookmarked("area", "metaverse-area")
    assert guide.ctx.bookmarks.bookmarked_ids("photo") == set()
    assert w.detail.bookmark.isChecked()


def test_ctrl_d_on_a_timetable_block_bookmarks_it(qtbot, programme_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, lang="en", exposed=True) as g:
        view = open_grid(g, dt.date(2025, 12, 27)).view
        view.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        index = view.currentIndex()
        assert index.isValid()
        _ctrl_d(g, qtbot)
        assert g.ctx.bookmarks.is_bookmarked("forum", index.data(IdRole))
        assert index.data(BookmarkedRole) is True
