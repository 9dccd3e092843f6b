"""The kiosk's application-wide event filter: what visitors may not do, and what counts as input."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QComboBox, QFileDialog

from guide.kiosk.idle import Phase
from guide.kiosk.parts import Part
from guide.kiosk.system import logger

E = QEvent.Type
WAKE_EVENTS = frozenset({E.MouseButtonPress, E.MouseButtonDblClick, E.TouchBegin, E.KeyPress,
                         E.Wheel, E.TabletPress})
SOFT_EVENTS = frozenset({E.MouseMove, E.TouchUpdate, E.MouseButtonRelease, E.TouchEnd,
                         E.KeyRelease, E.InputMethod})
RELEASES = frozenset({E.MouseButtonRelease, E.TouchEnd})
WATCHED = WAKE_EVENTS | SOFT_EVENTS | frozenset({
    E.ContextMenu, E.Close, E.ShortcutOverride, E.WindowStateChange, E.Show, E.FocusIn})


def _quit_keys(event: QKeyEvent) -> bool:
    """Alt+F4, Ctrl+Q/Cmd+Q, Ctrl+W: the keys that close a window or quit an app."""
    if event.key() == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier:
        return True
    return event.matches(QKeySequence.StandardKey.Quit) or event.matches(QKeySequence.StandardKey.Close)


def _press_point(event: QEvent) -> QPoint | None:
    """The global position of a mouse press or the first touch point."""
    if isinstance(event, QMouseEvent):
        return event.globalPosition().toPoint()
    if isinstance(event, QTouchEvent) and event.points():
        return event.points()[0].globalPosition().toPoint()
    return None


class KioskEvents(Part):
    """Every event of the application passes here first."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every event of the application passes here first (kiosk rules)."""
        kind = event.type()
        if kind not in WATCHED:
            return False
        self.focus_rings.note(watched, event, kind)  # before any rule below takes the event
        if kind == E.ContextMenu:
            return True
        if kind == E.Close:
            if (watched is self.window or watched is self.window.windowHandle()) and not self.allow_close:
                event.ignore()
                return True
            return False
        if kind in (E.KeyPress, E.ShortcutOverride) and isinstance(event, QKeyEvent):
            if _quit_keys(event):
                return True
            if QKeySequence(event.keyCombination()) == self.exit_sequence:
                if kind == E.KeyPress:
                    self.open_pin_pad()
                return True
            if kind == E.ShortcutOverride:
                return False
        if kind == E.WindowStateChange:
            if watched is self.window and self.config.full_screen and self.window.isVisible() \
                    and not self.window.isFullScreen() and not self.allow_close:
                QTimer.singleShot(0, self._restore_full_screen)  # Esc, a window manager key
            return False
        if kind == E.Show:
            if isinstance(watched, QFileDialog):
                logger.warning("file dialog refused in kiosk mode")
                QTimer.singleShot(0, watched.reject)
            elif isinstance(watched, QComboBox) and self.window.isAncestorOf(watched):
                self.dress_combo(watched)
            return False
        if kind == E.FocusIn:
            if watched is self.window.search_box and event.reason() in (  # type: ignore[attr-defined]
                    Qt.FocusReason.MouseFocusReason, Qt.FocusReason.TabFocusReason,
                    Qt.FocusReason.ShortcutFocusReason, Qt.FocusReason.OtherFocusReason):
                self.show_keyboard()
            return False
        return self._input(watched, event, kind)

    def _input(self, watched: QObject, event: QEvent, kind: QEvent.Type) -> bool:
        if kind in (E.MouseButtonPress, E.TouchBegin):
            point = _press_point(event)
            # A key of the keyboard wins over the staff exit's corner: at 1080x1920 and
            # 1024x640 the corner reached into Clear, and a tap there did nothing.
            if point is not None and self._corner_rect().contains(point) and self.window.isVisible() \
                    and not self.keyboard.key_at(point):
                self._corner_down = True
                self._corner_since = self.clock()
                self.hold_timer.start(math.ceil(self.config.exit_hold_seconds * 1000))
                event.accept()
                return True
        if self._corner_down and kind in RELEASES:
            self._corner_down = False
            self.hold_timer.stop()
            return True
        if self._swallow_until_release:
            if kind in RELEASES:
                self._swallow_until_release = False
                event.accept()
                return True
            if kind in (E.MouseButtonPress, E.MouseButtonDblClick, E.MouseMove, E.TouchBegin,
                        E.TouchUpdate):
                event.accept()
                return True
        phase = self.machine.phase
        wakes = kind in WAKE_EVENTS
        steps = self.activity(wakes=wakes)
        if wakes and phase is not Phase.ACTIVE and steps:
            # The touch that starts a visit or answers the countdown must not also press
            # whatever lies under it.
            if kind in (E.MouseButtonPress, E.MouseButtonDblClick, E.TouchBegin):
                self._swallow_until_release = True
            event.accept()
            return True
        if kind == E.MouseButtonPress and watched is self.window.search_box:
            self.show_keyboard()
        return False
