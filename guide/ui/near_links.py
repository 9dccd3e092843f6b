"""Taps just beside a link of a rich-text body follow it, on a touch screen.

At a kiosk's text size a link's line is about 26 px tall, with some 19 px of empty line
spacing between it and the next: a fingertip a few pixels under the words landed in that
gap, and nothing happened. A mouse is precise, so a desktop keeps Qt's own rule (only the
words are the link).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QUrl
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTextBrowser

from guide.ui.label_links import Taps


def nearest_anchor(browser: QTextBrowser, point: QPoint, reach: int) -> str:
    """The link of ``browser`` at ``point`` or the nearest one within ``reach`` pixels of it
    straight up, down, left or right (viewport coordinates); "" when there is none."""
    found = browser.anchorAt(point)
    step = 2
    distance = step
    while not found and distance <= reach:
        for dx, dy in ((0, distance), (0, -distance), (distance, 0), (-distance, 0)):
            found = browser.anchorAt(point + QPoint(dx, dy))
            if found:
                break
        distance += step
    return found


class NearLinks(QObject):
    """Follows the nearest link of ``browser`` when a tap lands in the gap beside it.

    ``reach`` says the touch target's size in pixels (a kiosk's ``touch_px``); 0 turns
    this off (a desktop). The tap's half of it is the distance looked at.
    """

    def __init__(self, browser: QTextBrowser, follow: Callable[[QUrl], None],
                 reach: Callable[[], int]) -> None:
        super().__init__(browser)
        self.browser, self.follow, self.reach = browser, follow, reach
        self.taps = Taps()
        browser.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Remember where a press began; on its release nearby, follow the nearest link."""
        if not isinstance(event, QMouseEvent):  # first: the page may be gone, its filter not yet
            return False
        point = self.taps.tapped(event)
        reach = self.reach() // 2 if point is not None else 0
        if point is None or not reach or self.browser.anchorAt(point):
            return False  # no tap (a flick), a desktop, or a tap on the words: Qt's own handling
        href = nearest_anchor(self.browser, point, reach)
        if not href:
            return False
        self.follow(QUrl(href))
        return True
