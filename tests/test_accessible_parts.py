"""The nodes screen readers get for painted parts (timetable blocks, plan regions), in-process.

tests/test_atspi_parts.py reads them over AT-SPI; these check where they are, which one is
focused, which one is under a point, and that a node outliving its view answers as invalid.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import shiboken6
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible

from guide.content.build import build_content_db
from guide.ui.history import Location
from guide.ui.views.forums import ForumsPage
from guide.ui.views.map import MapPage
from tests.support import shown_guide

MAP_PACK = Path(__file__).parent / "fixtures" / "map_pack"


def test_each_block_is_a_node_where_it_is_drawn_and_the_keys_focus_it(qtbot, programme_db: Path) -> None:  # type: ignore[no-untyped-def]
    with shown_guide(qtbot, programme_db, now="2025-12-28T14:00", lang="en", exposed=True) as g:
        g.window.go(Location("forums"))
        page = g.window.page("forums")
        assert isinstance(page, ForumsPage)
        page.select_day(dt.date(2025, 12, 28))
        page.show_grid()
        assert page.grid is not None
        view, model = page.grid.view, page.grid.model
        qtbot.waitUntil(lambda: view.grid_area().height() > 200)
        iface = QAccessible.queryAccessibleInterface(view)
        # The room bands (‹ before the blocks, › after) are the list's children too.
        assert view.pager.back.isVisible() and view.pager.forward.isVisible()
        assert iface.role() == QAccessible.Role.List and iface.childCount() - 2 == model.rowCount() == 68
        shown = next(r for r in range(model.rowCount())
                     if view.grid_area().contains(view.visualRect(model.index(r, 0)).center()))
        node = iface.child(1 + shown)
        index = model.index(shown, 0)
        assert node.text(QAccessible.Text.Name) == index.data(Qt.ItemDataRole.AccessibleTextRole)
        assert node.text(QAccessible.Text.Description).startswith(
            index.data(Qt.ItemDataRole.AccessibleDescriptionRole)[:11])  # "13:30–14:30"
        rect = view.visualRect(index)
        assert node.rect() == QRect(view.viewport().mapToGlobal(rect.topLeft()), rect.size())
        assert iface.indexOfChild(node) == 1 + shown and iface.child(1 + shown) is node  # one node a block
        centre = node.rect().center()
        assert iface.childAt(centre.x(), centre.y()) is node
        assert not node.state().focused and iface.focusChild() is None
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        view.setCurrentIndex(index)
        assert node.state().focused and iface.focusChild() is node
        page.select_day(dt.date(2025, 12, 30))  # another day: the node reads the new block there
        assert node.text(QAccessible.Text.Name) == model.index(shown, 0).data(
            Qt.ItemDataRole.AccessibleTextRole) if shown < model.rowCount() else not node.isValid()


def test_regions_are_nodes_the_keys_focus_and_outlive_their_plan_safely(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    map_db = build_content_db(MAP_PACK, tmp_path / "maps.db").path
    with shown_guide(qtbot, map_db, lang="zh", exposed=True) as g:
        g.window.go(Location("map"))
        page = g.window.page("map")
        assert isinstance(page, MapPage) and page.view is not None
        view = page.view
        iface = QAccessible.queryAccessibleInterface(view)
        names = [iface.child(i).text(QAccessible.Text.Name) for i in range(iface.childCount())]
        assert names == ["A厅", "B厅", "展区"]
        view.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(view.hasFocus)
        qtbot.keyClick(view, Qt.Key.Key_Right)
        hall_b = iface.child(1)
        assert hall_b.state().focused and iface.focusChild() is hall_b
        centre = hall_b.rect().center()
        assert iface.childAt(centre.x(), centre.y()) is hall_b
        action = hall_b.actionInterface()
        assert action is not None and action.actionNames() == ["Press"]
        action.doAction("Press")  # as a screen reader's "activate" does: the room opens
        qtbot.waitUntil(lambda: g.window.current_location() == Location.item("room", "hall-b"))
        g.window.go(Location("map"))
        page.retranslate()  # the plan view is rebuilt: the old one dropped
        assert page.view is not view
        view.deleteLater()  # (this test's own reference kept it)
        qtbot.waitUntil(lambda: not shiboken6.isValid(view))
        assert not hall_b.isValid() and hall_b.text(QAccessible.Text.Name) == ""
        assert hall_b.parent() is None and hall_b.rect() == QRect()
