"""A page that scrolls as one follows the keyboard.

Home, Figures and detail pages put lists and text, each grown to its full height, in one
scroll area, so the list's or the text's own scrolling does nothing: an arrow key moved the
current row, and Tab the focused link, below the window while the page stayed where it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListView, QScrollArea, QWidget

from guide.ui.views.base import viewport_of

if TYPE_CHECKING:
    # Named by the page, not looked up by class: PySide6 builds QTextEdit's enum classes
    # when the class is first used, and Home, the first frame, has no text.
    from PySide6.QtWidgets import QTextBrowser

MARGIN = 12  # px kept in view around the row or link the keys moved to

_STEPS = {
    Qt.Key.Key_Down: ("single", 1), Qt.Key.Key_Up: ("single", -1),
    Qt.Key.Key_PageDown: ("page", 1), Qt.Key.Key_PageUp: ("page", -1),
    Qt.Key.Key_Space: ("page", 1),
    Qt.Key.Key_End: ("end", 1), Qt.Key.Key_Home: ("end", -1),
}


class FollowKeyboard(QObject):
    """Scrolls ``scroll`` to the focused list's current row and the focused link of its
    ``texts``, and lets the scroll keys pressed in a text scroll the page (a child of the
    scroll area)."""

    def __init__(self, scroll: QScrollArea, texts: Iterable[QTextBrowser] = ()) -> None:
        super().__init__(scroll)
        self.scroll = scroll
        inside = scroll.widget()
        assert inside is not None, "follow_keyboard() before the scroll area has its page"
        self.inside = inside
        self.views = inside.findChildren(QListView)
        for view in self.views:
            view.selectionModel().currentChanged.connect(self._row_changed)
        self.texts = list(texts)
        for text in self.texts:
            text.installEventFilter(self)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # Only where the keys are: a list refilled while the reader is elsewhere stays put.
        view = next((v for v in self.views if v.hasFocus() and v.model() is current.model()), None)
        if view is not None and current.isValid():
            self._show(viewport_of(view), view.visualRect(current))

    def _link_reached(self, text: QTextBrowser) -> None:
        if text.hasFocus() and text.textCursor().hasSelection():
            cursor = text.textCursor()
            end = QRect(text.cursorRect(cursor))
            cursor.setPosition(cursor.selectionStart())
            self._show(viewport_of(text), end.united(text.cursorRect(cursor)))

    def _show(self, widget: QWidget, rect: QRect) -> None:
        centre = widget.mapTo(self.inside, rect.center())
        self.scroll.ensureVisible(centre.x(), centre.y(), MARGIN, rect.height() // 2 + MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Scroll keys in the text scroll the page (Shift+Space back, as in a browser)."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) \
                and (text := next((t for t in self.texts if t is watched), None)) is not None:
            if event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                # Tab selects the next link without a signal: look once it has (not at all if
                # the page has gone by then, e.g. a kiosk's reset between visitors).
                QTimer.singleShot(0, text, partial(self._link_reached, text))
                return False
            step = _STEPS.get(Qt.Key(event.key()))
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if step and mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier,
                                 Qt.KeyboardModifier.ControlModifier):
                what, sign = step
                if event.key() == Qt.Key.Key_Space and mods & Qt.KeyboardModifier.ShiftModifier:
                    sign = -1
                bar = self.scroll.verticalScrollBar()
                if what == "end":
                    bar.setValue(bar.maximum() if sign > 0 else bar.minimum())
                else:
                    bar.setValue(bar.value() + sign * (bar.singleStep() if what == "single"
                                                       else bar.pageStep()))
                return True
        return super().eventFilter(watched, event)


def follow_keyboard(scroll: QScrollArea, texts: Iterable[QTextBrowser] = ()) -> FollowKeyboard:
    """Make the page in ``scroll`` follow the keyboard (call once its lists exist), in its
    lists and in ``texts``, the rich texts it holds."""
    return FollowKeyboard(scroll, texts)

