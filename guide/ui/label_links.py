"""A label whose one link the keyboard can open: Tab stops on it, Enter or Space opens it.

``LinksAccessibleByKeyboard`` alone gives the label the focus but selects no link, so Enter
did nothing until a second Tab selected it inside the label, with no mark at either stop.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel


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
