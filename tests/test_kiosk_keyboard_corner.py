"""The kiosk keyboard's keys and the staff exit's corner (bottom left, 64 px by default).

At 1080x1920 and 1024x640 the keyboard's Clear key reached into the corner: a press on its
lower left was taken as the start of the staff's 3 s hold and swallowed, so Clear did
nothing there (and holding it opened the PIN pad). A key now wins over the corner; the
corner's other pixels (the keyboard's margins) still open the PIN pad, keyboard up or not.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QPushButton

from tests.support import kiosk_at
from tests.test_kiosk_ui import touch

LEFT = Qt.MouseButton.LeftButton


@pytest.mark.parametrize(("size", "keys_in_corner"), [((1080, 1920), True), ((1024, 640), True),
                                                      ((1920, 1080), False)])
def test_every_key_works_inside_the_staff_corner(qtbot, real_db: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 size: tuple[int, int], keys_in_corner: bool) -> None:
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang="en", size=size) as k:
        touch(qtbot, k.attract)
        touch(qtbot, k.window.search_box)
        board, box, corner = k.keyboard, k.window.search_box, k._corner_rect()
        assert board.isVisible()
        for ch in "lvse":
            touch(qtbot, board.keys[ch])
        page = k.window.page("search")
        qtbot.waitUntil(lambda: page.last_query == "lvse", timeout=3000)
        pressed = []
        for key in board.findChildren(QPushButton):
            overlap = corner.intersected(QRect(key.mapToGlobal(QPoint(0, 0)), key.size()))
            if overlap.isEmpty():
                continue
            at = key.mapFromGlobal(overlap.center())
            qtbot.mousePress(key, LEFT, pos=at)
            assert key.isDown() and not k.hold_timer.isActive(), key.objectName()
            k.clock.advance(k.config.exit_hold_seconds)  # held as long as the staff's exit asks
            k.hold_timer.timeout.emit()
            assert not k.pin_pad.isVisible(), key.objectName()
            qtbot.mouseRelease(key, LEFT, pos=at)
            pressed.append(key.objectName())
        assert pressed == (["keyClear"] if keys_in_corner else [])
        assert box.text() == ("" if keys_in_corner else "lvse")  # Clear, pressed in the corner, cleared
        # The corner's pixels outside the keys are still the staff's, keyboard up.
        window = k.window
        spot = window.mapFromGlobal(corner.bottomLeft()) + QPoint(1, -1)
        assert not board.key_at(window.mapToGlobal(spot))
        qtbot.mousePress(window, LEFT, pos=spot)
        k.clock.advance(k.config.exit_hold_seconds)
        k.hold_timer.timeout.emit()
        assert k.pin_pad.isVisible()
        qtbot.mouseRelease(window, LEFT, pos=spot)
        qtbot.waitUntil(lambda: page.last_query == box.text(), timeout=3000)  # no search after the test
