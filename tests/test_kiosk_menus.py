"""The kiosk's menus are for a finger at 1920x1080: the Aa (text size, high contrast) menu,
and the drop-down lists (the Forums page's kinds, a short screen's days)."""

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


def test_the_kiosks_own_text_size_is_ticked_in_the_aa_menu(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path) -> None:
    """A kiosk starts at 135%, none of the menu's sizes: the menu ticked nothing, so a visitor
    could neither tell which size was on nor go back to it after trying 200%."""
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang="en") as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)
        toolbar, menu = k.window.toolbar, k.window.toolbar.display_menu
        assert abs(k.ctx.state.text_scale - k.config.text_scale) < 0.01

        def sizes() -> list[tuple[str, bool]]:
            toolbar.sync_display_menu()
            return [(a.text(), a.isChecked()) for a in menu.actions()
                    if not a.isSeparator() and a is not toolbar.contrast_action]

        assert sizes() == [("100%", False), ("125%", False), ("135%", True), ("150%", False),
                           ("175%", False), ("200%", False)]
        next(a for a in menu.actions() if a.text() == "200%").trigger()
        assert sizes()[-1] == ("200%", True) and ("135%", False) in sizes()
        next(a for a in menu.actions() if a.text() == "135%").trigger()  # and back
        assert abs(k.ctx.state.text_scale - 1.35) < 0.01 and ("135%", True) in sizes()


@pytest.mark.parametrize(("lang", "size", "which"), [
    ("zh", (1920, 1080), "kind"), ("en", (1920, 1080), "kind"),
    ("en", (1024, 640), "day"), ("zh", (1024, 640), "day")])
def test_drop_down_lists_have_finger_sized_rows_and_show_every_choice(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, lang: str, size: tuple[int, int], which: str) -> None:
    """The Forums page's Kind list and a short screen's day list had 32 px rows, and the Kind
    list showed 3 of its 4 choices, the last cut off above a scroll arrow."""
    from guide.ui.history import Location

    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang=lang, size=size) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)
        k.window.go(Location("forums"))
        page = k.window.page("forums")
        combo = page.kind if which == "kind" else page.day_chooser
        qtbot.waitUntil(lambda: combo is not None and combo.isVisible())
        assert combo.count() >= 4
        combo.showPopup()
        view = combo.view()
        qtbot.waitUntil(view.isVisible)
        try:
            rows = [view.visualRect(combo.model().index(i, 0)) for i in range(combo.count())]
            assert min(r.height() for r in rows) >= k.config.min_touch_px, [r.height() for r in rows]
            assert view.verticalScrollBar().maximum() == 0, "the list scrolls"
            assert all(r.top() >= 0 and r.bottom() < view.viewport().height() for r in rows), \
                (rows, view.viewport().height())
        finally:
            combo.hidePopup()


@pytest.mark.parametrize(("lang", "which"), [("zh", "aa"), ("en", "aa"), ("en", "kind")])
def test_the_countdown_closes_a_menu_left_open_and_one_touch_answers_it(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, lang: str, which: str) -> None:
    """A visitor who walked away from the open Aa menu left it over "Are you still there?":
    the next touch only closed the menu. The countdown closes what was left open first."""
    from PySide6.QtWidgets import QApplication

    from guide.kiosk.idle import Phase
    from guide.ui.history import Location

    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang=lang) as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)
        toolbar = k.window.toolbar
        if which == "aa":
            popup = toolbar.display_menu
            popup.popup(toolbar.display_button.mapToGlobal(QPoint(0, toolbar.display_button.height())))
        else:
            k.window.go(Location("forums"))
            combo = k.window.page("forums").kind
            qtbot.waitUntil(combo.isVisible)
            combo.showPopup()
            popup = combo.view()
        qtbot.waitUntil(popup.isVisible)
        k.clock.advance(k.config.idle_seconds + 1)  # the visitor has gone
        k.tick_timer.timeout.emit()
        assert k.countdown.isVisible() and k.machine.phase is Phase.COUNTDOWN
        assert not popup.isVisible() and QApplication.activePopupWidget() is None
        QTest.mouseClick(k.countdown, Qt.MouseButton.LeftButton, pos=k.countdown.rect().center())
        assert k.machine.phase is Phase.ACTIVE and not k.countdown.isVisible()  # one touch: still here
        assert abs(k.ctx.state.text_scale - k.config.text_scale) < 0.01  # the touch chose no size


def test_a_reset_closes_a_menu_left_open(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A kiosk that slept through the countdown resets at once: the next visitor's attract
    screen has no menu of the last visitor's over it."""
    from PySide6.QtWidgets import QApplication

    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang="zh") as k:
        QTest.mouseClick(k.attract, Qt.MouseButton.LeftButton)
        toolbar = k.window.toolbar
        menu = toolbar.display_menu
        menu.popup(toolbar.display_button.mapToGlobal(QPoint(0, toolbar.display_button.height())))
        qtbot.waitUntil(menu.isVisible)
        k.clock.advance(3600)  # no tick for an hour (a suspended machine)
        k.tick_timer.timeout.emit()
        assert k.attract.isVisible() and not k.countdown.isVisible()
        assert not menu.isVisible() and QApplication.activePopupWidget() is None
