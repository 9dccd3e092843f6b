"""The kiosk's menus are for a finger at 1920x1080: the Aa (text size, high contrast) menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from guide.ui import theme
from tests.support import kiosk_at


def standing_out(menu: QMenu, action: QAction, image: QImage, right: int) -> QRect:
    """The box around what stands out 3:1 from the menu in ``action``'s row, left of ``right``."""
    row = menu.actionGeometry(action)
    ground = image.pixel(menu.width() - 4, row.center().y()) & 0xFFFFFF
    box = QRect()
    for y in range(row.top(), row.bottom() + 1):
        for x in range(row.left(), min(right, row.right())):
            if theme.contrast_ratio(image.pixel(x, y) & 0xFFFFFF, ground) >= 3:
                box = box.united(QRect(x, y, 1, 1))
    return box


def tick_box(menu: QMenu, action: QAction) -> QRect:
    """The box around the tick drawn before ``action``'s text (where an unticked item's starts)."""
    image = menu.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    unticked = next(a for a in menu.actions() if not a.isSeparator() and not a.isChecked())
    text_left = standing_out(menu, unticked, image, menu.width()).left()
    return standing_out(menu, action, image, text_left - 2)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_aa_menu_has_finger_sized_items_and_a_tick_one_can_see(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, lang: str) -> None:
    # At 1920x1080 its items were about 30 px tall (every other kiosk control is 48 px or more)
    # and the tick of the current text size about 8 px.
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang=lang) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)  # a visitor walks up
        toolbar = k.window.toolbar
        toolbar.size_actions.actions()[2].trigger()  # 150%
        for palette in ("standard", "high-contrast"):
            if palette == "high-contrast":
                toolbar.contrast_action.trigger()  # the visitor's choice in the same menu
            assert k.ctx.state.palette_name == palette
            menu = toolbar.display_menu
            menu.popup(toolbar.display_button.mapToGlobal(QPoint(0, toolbar.display_button.height())))
            qtbot.waitUntil(menu.isVisible)
            try:
                items = [a for a in menu.actions() if not a.isSeparator()]
                heights = [menu.actionGeometry(a).height() for a in items]
                assert min(heights) >= k.config.min_touch_px, f"{palette}: items {heights} px tall"
                ticked = [a for a in items if a.isChecked()]
                contrast = [toolbar.contrast_action] if palette == "high-contrast" else []
                assert ticked == [toolbar.size_actions.actions()[2], *contrast]
                for action in ticked:
                    tick = tick_box(menu, action)
                    assert min(tick.width(), tick.height()) >= 16, f"{palette}: tick {tick}"
            finally:
                menu.close()
