"""The search hit Enter opens is ringed while keys type in the box (tests/test_ui_search.py). The
kiosk's on-screen keyboard has no Enter: typed on it, the ring promised what a visitor could
not do. A USB keyboard's keys (they have an Enter) bring the ring back; the next tap removes it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListView

from guide.ui import theme
from tests.support import kiosk_at
from tests.test_focus_rings import focus_pixels
from tests.test_kiosk_ui import touch


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_chosen_hit_is_ringed_only_while_a_real_keyboard_types(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path, lang: str) -> None:
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-27T10:00", lang=lang) as k:
        touch(qtbot, k.attract)
        box, board = k.window.search_box, k.keyboard
        touch(qtbot, box)
        qtbot.waitUntil(box.hasFocus, timeout=1000)  # the window activates as the loop turns
        assert board.isVisible()
        for ch in "lv":
            touch(qtbot, board.keys[ch])
        page = k.window.page("search")
        view = page.findChild(QListView, "searchResults")
        focus = theme.PALETTES[k.ctx.state.palette_name].focus

        def ring_px() -> int:
            QApplication.processEvents()
            return focus_pixels(view.viewport(), focus)

        qtbot.waitUntil(lambda: page.last_query == "lv", timeout=3000)
        chosen = view.visualRect(view.currentIndex())
        assert chosen.isValid() and view.currentIndex().row() >= 0
        assert ring_px() == 0  # tapped keys: no Enter to promise
        qtbot.keyClicks(box, "se")  # a USB keyboard plugged into the kiosk: it has an Enter
        qtbot.waitUntil(lambda: page.last_query == "lvse", timeout=3000)
        chosen = view.visualRect(view.currentIndex())
        assert ring_px() >= 2 * (chosen.width() + chosen.height()) * 0.8
        qtbot.keyClick(box, Qt.Key.Key_Return)  # and its Enter opens the ringed hit
        assert k.window.current_location().page != "search"
        k.window.show_search(box.text())
        touch(qtbot, box)
        touch(qtbot, board.keys["x"])  # back to the on-screen keys: the ring goes again
        qtbot.waitUntil(lambda: page.last_query == "lvsex", timeout=3000)
        assert box.hasFocus() and ring_px() == 0
