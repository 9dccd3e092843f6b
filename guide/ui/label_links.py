"""A label whose one link the keyboard can open: Tab stops on it, Enter or Space opens it;
on a kiosk, a finger anywhere on it opens it too.

``LinksAccessibleByKeyboard`` alone gives the label the focus but selects no link, so Enter
did nothing until a second Tab selected it inside the label, with no mark at either stop.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel


@lru_cache(maxsize=1)
def _href() -> re.Pattern[str]:
    # Compiled at the first Enter on a link label, not at import: Home (the first frame) has one.
    return re.compile(r'<a\s[^>]*href="([^"]+)"')

_OPEN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


class _LinkKeys(QObject):
    """Enter/Space on a focused label open its first link, as a click on it does."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and isinstance(watched, QLabel) and event.key() in _OPEN_KEYS):
            found = _href().search(watched.text())
            if found:
                watched.linkActivated.emit(found.group(1))
                return True
        return super().eventFilter(watched, event)


_LINK_KEYS = _LinkKeys()


def keyboard_link(label: QLabel, on: bool = True) -> None:
    """Let the keyboard reach and open ``label``'s link (``on``), or not (a note without one)."""
    label.setProperty("keyLink", on)  # the style sheet's focus ring (theme.qss)
    label.removeEventFilter(_LINK_KEYS)
    if on:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                      | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        label.installEventFilter(_LINK_KEYS)
    else:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        label.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    # Re-polished through a style sheet of its own (a comment): unpolish() and polish() redo
    # the colours but keep the padding and border the label had, so the ring sat on the text.
    label.setStyleSheet("/* keyboard link */")


class Taps:
    """Tells a tap (a press and its release without sliding) from a flick, for an event filter."""

    def __init__(self) -> None:
        self._pressed_at: QPoint | None = None

    def tapped(self, event: QEvent) -> QPoint | None:
        """Where a tap was released (the event's widget coordinates) when ``event`` ends one;
        None for every other event (a press is remembered; a release that slid is no tap)."""
        if not isinstance(event, QMouseEvent):
            return None
        if event.type() == QEvent.Type.MouseButtonPress:
            self._pressed_at = event.globalPosition().toPoint()
            return None
        if event.type() != QEvent.Type.MouseButtonRelease or self._pressed_at is None:
            return None
        start, self._pressed_at = self._pressed_at, None
        slid = (event.globalPosition().toPoint() - start).manhattanLength()
        return None if slid > QApplication.startDragDistance() else event.position().toPoint()


class TouchLink(QObject):
    """On a touch screen (``reach()`` above 0: a kiosk's touch target) a tap on ``label``'s
    words or within half a touch target of them opens its one link, and the label is at
    least that tall.

    A label such as "Shows: Metaverse Area" is about its link; at 1920x1080 the link's
    words were 26 px tall at the screen's bottom edge, and a tap on "Shows:" or just under
    the words did nothing. A mouse keeps Qt's own rule (only the words are the link).
    """

    def __init__(self, label: QLabel, reach: Callable[[], int]) -> None:
        super().__init__(label)
        self.label, self.reach = label, reach
        self.taps = Taps()
        label.installEventFilter(self)

    def fit(self) -> None:
        """At least a finger tall on a touch screen (call when the label is shown)."""
        self.label.setMinimumHeight(self.reach())

    def text_rect(self) -> QRect:
        """Where the label's words are (a wide label's empty end is not its link's)."""
        # Imported at the first tap: Home's first frame has a link label, and importing these
        # makes PySide6 build their enum classes (QStyle's 11) before it paints.
        from PySide6.QtGui import QTextDocument
        from PySide6.QtWidgets import QStyle

        label = self.label
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(label.text())
        area = label.contentsRect()
        doc.setTextWidth(area.width())
        size = QSize(math.ceil(doc.idealWidth()), math.ceil(doc.size().height()))
        return QStyle.alignedRect(label.layoutDirection(), label.alignment(), size, area)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A press and its release on the label, without sliding: open the link."""
        if not isinstance(event, QMouseEvent) or watched is not self.label:
            return False
        point = self.taps.tapped(event)
        reach = self.reach() // 2 if point is not None else 0
        found = _href().search(self.label.text()) if reach else None
        if point is not None and found and self.text_rect().adjusted(
                -reach, -reach, reach, reach).contains(point):
            self.label.linkActivated.emit(found.group(1))
            return True
        return False
