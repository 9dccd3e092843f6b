"""Lists from the keyboard: Ctrl+D on a list's row, and the Bookmarks list keeping your place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView

from guide.app import Guide
from guide.ui.history import Location
from guide.ui.models.lazy import BookmarkedRole, IdRole, ItemRole, KindRole
from guide.ui.views.bookmarks import Entry
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
    ("exhibition", "areaGrid"), ("home", "latestNews"), ("home", "todayList"),
    ("figures", "figureList"), ("home", "keyFigures")])
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
    # and a screen reader hears it where the eye sees the star
    assert index.data(Qt.ItemDataRole.AccessibleDescriptionRole).startswith("Bookmarked")
    assert guide.window.current_location() == Location(section) and view.hasFocus()
    _ctrl_d(guide, qtbot)  # and again: taken back
    assert not guide.ctx.bookmarks.is_bookmarked(*item)
    assert _row(view, index) == outline
    assert "Bookmarked" not in (index.data(Qt.ItemDataRole.AccessibleDescriptionRole) or "")


def test_a_figure_starred_in_its_list_is_kept_in_bookmarks(guide: Guide, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Figure rows had no star though a figure's page has a Bookmark button: a visitor could
    not tell figures can be kept. Starred in the list, it is listed with the bookmarks."""
    view = _list(guide, "figures", "figureList")
    index = view.currentIndex()
    assert index.data(KindRole) == "figure"
    delegate = view.itemDelegate()
    card = delegate.card_rect(view.visualRect(index))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=delegate.star_target(card).center())
    assert guide.ctx.bookmarks.bookmarked_ids("figure") == {index.data(IdRole)}
    assert guide.window.current_location() == Location("figures")  # starred, not opened
    guide.window.go(Location("bookmarks"))
    rows = guide.window.findChild(QListView, "bookmarksList").model().rows()
    assert [(r.view.kind, r.view.id) for r in rows if isinstance(r, Entry)] == [
        ("figure", index.data(IdRole))]


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


# --- the Bookmarks list -------------------------------------------------------------------------

MARKED = [("forum", "green-finance-forum"), ("forum", "university-tech-transfer-conference"),
          ("announcement", "beijing-green-finance-centre"), ("photo", "visitors-robot")]


@pytest.fixture
def bookmarks(guide: Guide) -> QListView:
    for item in MARKED:
        guide.ctx.bookmarks.toggle(*item)
    return _list(guide, "bookmarks", "bookmarksList")


def _at(view: QListView) -> tuple[str, str] | None:
    """The item the keyboard is on (None: nothing, or a header): current, selected, focused."""
    index = view.currentIndex()
    row = index.data(ItemRole)
    if not isinstance(row, Entry):
        return None
    assert view.hasFocus()
    return row.view.kind, row.view.id


def _key(view: QAbstractItemView, qtbot, key: Qt.Key, times: int = 1) -> None:  # type: ignore[no-untyped-def]
    for _ in range(times):
        qtbot.keyClick(view, key)
    QApplication.processEvents()


def test_the_first_focus_lands_on_the_first_bookmark_and_enter_opens_it(
        guide: Guide, bookmarks: QListView, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _at(bookmarks) == MARKED[0]  # not the header "Forums · 2" above it
    _key(bookmarks, qtbot, Qt.Key.Key_Return)
    assert guide.window.current_location() == Location.item(*MARKED[0])


def test_keys_never_stop_on_a_section_header(bookmarks: QListView, qtbot) -> None:  # type: ignore[no-untyped-def]
    seen = [_at(bookmarks)]
    for _ in MARKED[1:]:
        _key(bookmarks, qtbot, Qt.Key.Key_Down)
        seen.append(_at(bookmarks))
    assert seen == MARKED  # over "News · 1" and "Photos · 1"
    _key(bookmarks, qtbot, Qt.Key.Key_Up, 2)
    assert _at(bookmarks) == MARKED[1]
    _key(bookmarks, qtbot, Qt.Key.Key_Home)
    assert _at(bookmarks) == MARKED[0]
    _key(bookmarks, qtbot, Qt.Key.Key_Up)
    assert _at(bookmarks) == MARKED[0]


def _go_to(view: QListView, item: tuple[str, str]) -> None:
    """Put the keyboard on ``item``'s row (as the arrow keys would)."""
    rows = view.model().rows()  # type: ignore[attr-defined]
    view.setCurrentIndex(view.model().index(next(
        n for n, r in enumerate(rows) if isinstance(r, Entry) and (r.view.kind, r.view.id) == item), 0))
    assert _at(view) == item


def test_delete_and_undo_keep_your_place(guide: Guide, bookmarks: QListView, qtbot) -> None:  # type: ignore[no-untyped-def]
    _go_to(bookmarks, MARKED[1])
    _key(bookmarks, qtbot, Qt.Key.Key_Delete)
    assert not guide.ctx.bookmarks.is_bookmarked(*MARKED[1])
    assert _at(bookmarks) == MARKED[2]  # the next one, in the next group
    assert bookmarks.selectionModel().isSelected(bookmarks.currentIndex())
    _key(bookmarks, qtbot, Qt.Key.Key_Down)
    assert _at(bookmarks) == MARKED[3]  # on from there, not from the top
    qtbot.keyClick(bookmarks, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert guide.ctx.bookmarks.is_bookmarked(*MARKED[1])
    assert _at(bookmarks) == MARKED[1]  # on what came back
    _go_to(bookmarks, MARKED[3])
    _key(bookmarks, qtbot, Qt.Key.Key_Delete)  # the last: the one before it
    assert _at(bookmarks) == MARKED[2]
    _ctrl_d(guide, qtbot)  # Ctrl+D removes too, and keeps the place alike
    assert _at(bookmarks) == MARKED[1]
