"""The kiosk keyboard's Shift: capitals for a visitor with no hardware keyboard.

The search ranks an English title's acronym first only when it is typed in capitals: "AI"
finds the Artificial Intelligence area, "ai" is pinyin (爱, 艾) and finds Jiang Aina 姜爱娜
first (rank.py). The on-screen keyboard typed small letters only, so a kiosk visitor
could not ask for AI at all. Its Shift key works as a phone's: one tap for one capital,
a second for all of them (caps lock), a third for small letters again.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QListView

from guide.kiosk.controller import KioskController
from guide.search import SearchHit
from tests.support import kiosk_at
from tests.test_kiosk_ui import touch

AI_AREA = "artificial-intelligence"


@pytest.fixture
def k(qtbot, real_db: Path, tmp_path: Path) -> Iterator[KioskController]:  # type: ignore[no-untyped-def]
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-28T10:00", lang="en", size=(1080, 1920)) as k:
        touch(qtbot, k.attract)
        touch(qtbot, k.window.search_box)
        assert k.keyboard.isVisible()
        yield k


def first_hit(qtbot, k: KioskController) -> str:  # type: ignore[no-untyped-def]
    """The first hit the results list shows (under its kind's heading), for what the box holds."""
    page, results = k.window.page("search"), k.window.findChild(QListView, "searchResults")
    hits: list[SearchHit] = []

    def answered() -> bool:
        hits[:] = [r for r in results.model().rows() if isinstance(r, SearchHit)]
        return page.last_query == k.window.search_box.text() and bool(hits)

    qtbot.waitUntil(answered, timeout=3000)
    return hits[0].id


# Every visitor starts in the kiosk's language, Chinese here: the names a screen reader reads.
SHIFT, CAPS_LOCK = "大写", "大写锁定"


def shift_said(k: KioskController) -> tuple[str, bool]:
    """What a screen reader gets of the Shift key: its name, and whether it is pressed."""
    shift = QAccessible.queryAccessibleInterface(k.keyboard.shift)
    return shift.text(QAccessible.Text.Name), shift.state().checked


def test_shift_types_one_capital_and_ai_finds_the_ai_area_first(qtbot, k: KioskController) -> None:  # type: ignore[no-untyped-def]
    board, box = k.keyboard, k.window.search_box
    for ch in "ai":  # small letters: pinyin, Jiang Aina first
        touch(qtbot, board.keys[ch])
    assert box.text() == "ai"
    assert first_hit(qtbot, k) == "jiang-aina"
    touch(qtbot, board.clear_key)
    assert shift_said(k) == (SHIFT, False)
    touch(qtbot, board.shift)
    assert shift_said(k) == (SHIFT, True)
    assert board.keys["a"].text() == "A"  # the keys show what they type
    touch(qtbot, board.keys["a"])
    assert board.keys["i"].text() == "i" and shift_said(k) == (SHIFT, False)  # one capital only
    touch(qtbot, board.shift)
    touch(qtbot, board.keys["i"])
    assert box.text() == "AI"
    assert first_hit(qtbot, k) == AI_AREA


def test_a_second_tap_locks_capitals_a_third_lets_go(qtbot, k: KioskController) -> None:  # type: ignore[no-untyped-def]
    board, box = k.keyboard, k.window.search_box
    touch(qtbot, board.shift)
    touch(qtbot, board.shift)
    assert shift_said(k) == (CAPS_LOCK, True)
    assert board.shift.text() == "⇪"
    for ch in "icbc":
        touch(qtbot, board.keys[ch])
    touch(qtbot, board.keys["7"])
    assert box.text() == "ICBC7"
    assert board.keys["q"].text() == "Q"  # still locked
    touch(qtbot, board.shift)
    assert shift_said(k) == (SHIFT, False)
    touch(qtbot, board.keys["s"])
    assert box.text() == "ICBC7s"


def test_the_next_visitor_starts_in_small_letters(qtbot, k: KioskController) -> None:  # type: ignore[no-untyped-def]
    board = k.keyboard
    touch(qtbot, board.shift)
    touch(qtbot, board.shift)
    touch(qtbot, board.done)
    touch(qtbot, k.window.search_box)
    assert board.keys["a"].text() == "a"
    assert shift_said(k) == (SHIFT, False)


def test_shift_is_a_finger_sized_key_that_never_takes_the_focus(qtbot, k: KioskController) -> None:  # type: ignore[no-untyped-def]
    shift = k.keyboard.shift
    assert shift in k.keyboard.findChildren(QAbstractButton) and shift.isVisible()
    assert min(shift.width(), shift.height()) >= 48
    assert shift.width() > k.keyboard.keys["z"].width()  # as wide as backspace, at the row's end
    assert shift.accessibleDescription()
    touch(qtbot, shift)
    assert k.window.search_box.hasFocus()
