"""A card's selection and focus marks are the ones Qt's list gives the row.

The cards of Home, Forums and the news lists ask their list whether a row is selected and
has the focus mark, rather than reading the row's style option (whose state is a QStyle flag:
reading it made PySide6 build QStyle's enum classes in the first frame). Here both answers are
taken for every card painted, with the focus in the list and elsewhere, the current row
selected and not: they must never differ.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView, QStyle, QStyleOptionViewItem

from guide.ui.delegates import BaseDelegate
from guide.ui.views.base import row_state
from tests.support import shown_guide


def test_a_cards_marks_are_those_its_list_gives_the_row(qtbot, real_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[tuple[bool, bool], tuple[bool, bool]]] = []
    paint_card = BaseDelegate.paint_card

    def watched(self, painter, option: QStyleOptionViewItem, rect, index=None) -> None:  # type: ignore[no-untyped-def]
        if index is not None:
            given = (bool(option.state & QStyle.StateFlag.State_Selected),
                     bool(option.state & QStyle.StateFlag.State_HasFocus))
            seen.append((given, row_state(option, index)))
        paint_card(self, painter, option, rect, index)

    monkeypatch.setattr(BaseDelegate, "paint_card", watched)
    with shown_guide(qtbot, real_db, lang="en", now="2023-05-27T10:00", exposed=True) as g:
        views = [v for v in g.window.page("home").findChildren(QListView)
                 if isinstance(v.itemDelegate(), BaseDelegate) and v.model().rowCount() >= 1]
        assert len(views) >= 2  # today's forums and the news, at least
        elsewhere = g.window.toolbar.search_box
        for view in views:
            first = view.model().index(0, 0)
            for focus in (view, elsewhere):
                view.setCurrentIndex(first)  # current and selected
                focus.setFocus(Qt.FocusReason.TabFocusReason)
                QApplication.processEvents()
                view.grab()
                view.selectionModel().clearSelection()
                view.grab()  # the current row no longer selected
    marks = {given for given, _ in seen}
    assert {(True, True), (True, False), (False, True), (False, False)} <= marks
    assert [(given, asked) for given, asked in seen if given != asked] == []
