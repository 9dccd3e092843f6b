"""Focus rings for the keys only ("focus-visible"): on a touch screen a tap leaves the focus where
it landed (a USB keyboard carries on from there) but draws no ring; the next key press shows it.

The widget holding the focus carries the ``pointerFocus`` property while its ring is hidden: the
theme's style sheet undoes its ``:focus`` rules on ``[pointerFocus="true"]``, and delegates and
self-painted widgets ask :func:`guide.ui.theme.ring_hidden`. Text boxes keep their ring (it marks
where typing goes, the on-screen keyboard's too), as browsers do; they carry ``tappedTyping``
instead while taps type in them (:func:`guide.ui.theme.typed_by_taps`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLineEdit, QWidget

from guide.ui import theme

PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                     QEvent.Type.TouchBegin, QEvent.Type.TabletPress})


class FocusRings:
    """Notes the last input's kind (press or key) and marks the focused widget to match. Fed by
    the kiosk's application event filter (one Python filter for every event of the process, not
    two); the desktop has none, and keeps a ring after a click."""

    def __init__(self) -> None:
        self.pointer = False  # until a press: rings as a keyboard user expects

    def note(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> None:
        """Note presses and real key presses; mark each widget as it takes the focus."""
        if kind in PRESSES:
            if not self.pointer:
                self.pointer = True
                self._mark(QApplication.focusWidget())  # a tap where the focus already is
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.spontaneous():
            # Spontaneous: a real keyboard's. The on-screen keyboard's keys are sent by a tap.
            if self.pointer:
                self.pointer = False
                self._mark(QApplication.focusWidget())
        elif kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            self._mark(watched)

    def _mark(self, widget: QWidget | None) -> None:
        if widget is None:
            return
        if isinstance(widget, QLineEdit):
            # A box keeps its ring; it notes that taps type in it (no Enter), for what
            # watches it (the search page, which rings the hit Enter opens). No style rule
            # selects on it: no restyle.
            if theme.typed_by_taps(widget) != self.pointer:
                widget.setProperty(theme.TAPPED_TYPING, self.pointer)
            return
        if theme.ring_hidden(widget) == self.pointer:
            return
        theme.set_style_state(widget, theme.POINTER_FOCUS, self.pointer)
        widget.update()
        if isinstance(widget, QAbstractScrollArea):
            widget.viewport().update()  # a list's rows paint there
