"""A kiosk visitor's finger on the links of a detail page's text (pytest-qt, offscreen).

At the kiosk's text size a link's line is 26 px tall on a 45 px pitch; a tap a few pixels
under the words landed in the gap between lines and did nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser

from guide.app import build_window
from guide.ui.history import Location
from tests.support import kiosk_at
from tests.test_kiosk_ui import touch

NEWS = Location.item("announcement", "metaverse-patent-pool-launch")


def link_centre(body: QTextBrowser, words: str) -> QPoint:
    """The middle of the line of the link ``words`` in ``body``'s viewport."""
    block = body.document().begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isAnchor() and fragment.text() == words:
                cursor = QTextCursor(body.document())
                cursor.setPosition(fragment.position() + len(words) // 2)
                return body.cursorRect(cursor).center()
            fragments += 1
        block = block.next()
    raise LookupError(words)


@contextmanager
def news_at_the_kiosk(qtbot, real_db: Path, tmp_path: Path) -> Iterator[tuple[Any, QTextBrowser, QPoint]]:  # type: ignore[no-untyped-def]
    """The kiosk showing a news item whose text links 百度: its window, body and the link's centre."""
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-27T10:00", lang="zh") as k:
        touch(qtbot, k.attract)
        window = k.window
        assert window.go(NEWS)
        body = window.detail.body
        yield window, body, link_centre(body, "百度")


def test_a_tap_just_beside_a_link_follows_it(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with news_at_the_kiosk(qtbot, real_db, tmp_path) as (window, body, centre):
        line = body.cursorRect(body.textCursor()).height()
        under = centre + QPoint(0, line // 2 + 3)  # just under the words, between two lines
        assert not body.anchorAt(under)
        touch(qtbot, body.viewport(), under)
        assert window.current_location() == Location.item("organization", "baidu")


def test_a_tap_far_from_every_link_and_a_drag_follow_nothing(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with news_at_the_kiosk(qtbot, real_db, tmp_path) as (window, body, centre):
        touch(qtbot, body.viewport(), centre + QPoint(600, 0))  # the empty end of its line
        assert window.current_location() == NEWS
        # A finger that slid from beside the link (a flick) is not a tap on it.
        start = centre + QPoint(0, 16)
        qtbot.mousePress(body.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(0, 40))
        qtbot.mouseRelease(body.viewport(), Qt.MouseButton.LeftButton, pos=start)
        assert window.current_location() == NEWS


def test_on_a_desktop_a_click_beside_a_link_stays_a_click_on_text(qtbot, real_db: Path) -> None:  # type: ignore[no-untyped-def]
    guide = build_window(real_db, now="2023-05-27T10:00", lang="zh")
    qtbot.addWidget(guide.window)
    try:
        window = guide.window
        window.resize(1920, 1080)
        window.show()
        assert window.go(NEWS)
        body = window.detail.body
        centre = link_centre(body, "百度")
        touch(qtbot, body.viewport(), centre + QPoint(0, 16))
        assert window.current_location() == NEWS  # a mouse is precise: only the words are a link
    finally:
        guide.close()


def test_the_photo_viewers_place_link_is_a_finger_wide(qtbot, real_db: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-27T10:00", lang="zh") as k:
        touch(qtbot, k.attract)
        window = k.window
        assert window.go(Location.item("photo", "metaverse-area-crowd"))
        label = window.page("photo").area_link
        assert label.isVisible() and label.height() >= k.config.min_touch_px
        # "Shows:" before the place's name, and the label's edge under it: the finger meant the place.
        touch(qtbot, label, QPoint(4, label.height() - 3))
        assert window.current_location() == Location.item("area", "metaverse-area")


def test_the_forums_note_of_a_day_without_forums_opens_the_exhibition_near_its_words(  # type: ignore[no-untyped-def]
        qtbot, real_db: Path, tmp_path: Path) -> None:
    with kiosk_at(qtbot, real_db, tmp_path, now="2023-05-26T10:00", lang="zh") as k:
        touch(qtbot, k.attract)
        window = k.window
        assert window.go(Location("forums"))
        note = window.page("forums").empty
        assert note.isVisible() and "<a " in note.text()
        words = note.fontMetrics().boundingRect("当天没有论坛活动。")
        # The note's far, empty end is nobody's link; the lines of words are the link's.
        touch(qtbot, note, QPoint(note.width() - 10, note.height() // 2))
        assert window.current_location() == Location("forums")
        touch(qtbot, note, QPoint(words.width() // 2, note.height() // 2 + words.height()))
        assert window.current_location() == Location.item("area", "zgc-forum-expo")
