"""What a visitor leaves open or switched on when they walk away is gone for the next one:
the high-contrast theme, an open menu, the Clear all question over Bookmarks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QMessageBox

from guide.kiosk.idle import Phase
from guide.ui.history import Location
from tests.test_kiosk_ui import Kiosk, make_kiosk, start_visit, touch


@pytest.fixture
def kiosk(qtbot, real_db: Path, tmp_path: Path) -> Iterator[Kiosk]:  # type: ignore[no-untyped-def]
    kiosk = make_kiosk(qtbot, real_db, tmp_path)
    yield kiosk
    kiosk.k.shutdown()
    kiosk.guide.close()


def test_a_visitors_high_contrast_and_open_menu_end_with_the_visit(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx, toolbar, k = kiosk.guide.ctx, kiosk.window.toolbar, kiosk.k
    assert ctx.state.palette_name == "standard"
    start_visit(qtbot, kiosk)
    toolbar.contrast_action.trigger()  # the visitor's choice in the Aa menu
    assert ctx.state.palette_name == "high-contrast"
    menu = toolbar.display_menu
    menu.popup(toolbar.display_button.mapToGlobal(QPoint(0, toolbar.display_button.height())))
    qtbot.waitUntil(menu.isVisible)
    k.reset_now()  # they walked away
    assert not menu.isVisible()  # the next visitor's first touch is not spent closing it
    assert ctx.state.palette_name == "standard"
    touch(qtbot, k.attract)
    assert k.machine.phase is Phase.ACTIVE
    toolbar.sync_display_menu()
    assert not toolbar.contrast_action.isChecked()


def test_the_clear_all_question_goes_with_the_visitor_unanswered(qtbot, kiosk: Kiosk) -> None:  # type: ignore[no-untyped-def]
    ctx, window, k = kiosk.guide.ctx, kiosk.window, kiosk.k
    start_visit(qtbot, kiosk)
    ctx.bookmarks.toggle("forum", "green-finance-forum")
    window.go(Location("bookmarks"))
    window.page("bookmarks").clear_button.click()
    question = window.findChild(QMessageBox, "clearAllQuestion")
    assert question is not None and question.isVisible()
    # In the visitor's language, buttons too (Qt's own "Yes" and "No" had been English).
    assert [question.button(b).text() for b in (QMessageBox.StandardButton.Yes,
                                                QMessageBox.StandardButton.No)] == ["是", "否"]
    k.reset_now()
    # It had shown the last visitor's count over the attract screen and blocked the window.
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert QApplication.activeModalWidget() is None
    assert k.attract.isVisible()
    touch(qtbot, k.attract)
    assert k.machine.phase is Phase.ACTIVE
    assert window.current_location() == Location("home")
