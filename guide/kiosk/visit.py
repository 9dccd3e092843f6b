"""The visitor's session: the idle machine's steps performed on the window, and the keyboard."""

from __future__ import annotations

import gc
import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QDialog, QScroller

from guide.kiosk.idle import Phase, Step
from guide.kiosk.parts import Part
from guide.kiosk.system import logger, release_free_memory
from guide.kiosk.widgets.attract import highlights
from guide.ui.history import Location


class VisitCycle(Part):
    """Start a visit on the first touch, count down when idle, forget everything on reset."""

    def _perform(self, steps: list[Step]) -> None:
        for step in steps:
            if step is Step.START_VISIT:
                self._start_visit()
            elif step is Step.CLOSE_POPUPS:
                close_popups()
            elif step is Step.SHOW_COUNTDOWN:
                self.keyboard.hide()
                self.countdown.set_seconds(self.machine.seconds_left(self.clock()))
                self.countdown.present()
                self.countdown_shown.emit()
            elif step is Step.HIDE_COUNTDOWN:
                self.countdown.hide()
            elif step is Step.RESET:
                self._reset_visit()
        self._schedule()

    def _schedule(self) -> None:
        deadline = self.machine.next_deadline()
        if deadline is None:
            self.tick_timer.stop()
            return
        now = self.clock()
        delay = deadline - now
        if self.machine.phase is Phase.COUNTDOWN:  # wake every second to update the number
            delay = min(delay, (deadline - now) % 1.0 or 1.0)
        self.tick_timer.start(max(1, math.ceil(delay * 1000)))

    def tick(self) -> None:
        """The idle timer fired: maybe count down or reset."""
        now = self.clock()
        steps = self.machine.tick(now)
        if self.machine.phase is Phase.COUNTDOWN:
            self.countdown.set_seconds(self.machine.seconds_left(now))
        self._perform(steps)

    def activity(self, *, wakes: bool = True) -> list[Step]:
        """Input arrived; returns what it changed (already performed)."""
        steps = self.machine.input(self.clock(), wakes=wakes)
        if steps:
            self._perform(steps)
        elif not self.tick_timer.isActive() and self.machine.next_deadline() is not None:
            self._schedule()
        return steps

    def reset_now(self) -> None:
        """End the visit now: staff, soak tests, or after too many errors."""
        self._perform(self.machine.reset())

    def _start_visit(self) -> None:
        from guide.user.session import start_visitor_session

        self.attract.stop()
        start_visitor_session(self.ctx.user)
        self.ctx.state.bookmarks_changed.emit("", "")
        self.window.history.clear()
        self.window.go(Location("home"))
        self.window.setFocus(Qt.FocusReason.OtherFocusReason)
        logger.info("visit started")
        self.visit_started.emit()

    def _reset_visit(self) -> None:
        """Forget everything of the visitor and show the attract screen."""
        from guide.user.session import end_visitor_session

        window = self.window
        close_transients()
        self.keyboard.hide()
        self.countdown.hide()
        self.pin_pad.close_pad()
        self.wait_timer.stop()
        window.search_box.setText("")  # setText, not clear(): it also empties the undo history
        window.search_box.clearFocus()
        if "detail" in window.pages:
            window.detail.reset_zoom()
        self.ctx.state.set_language(self.config.language)
        self.ctx.state.set_text_scale(self.config.text_scale)
        self.ctx.state.set_palette(self.start_palette)
        clean = end_visitor_session(self.ctx.user)
        self.ctx.bookmarks.forget_undo()
        self.ctx.state.bookmarks_changed.emit("", "")
        window.history.clear()
        # Every page goes: the last item read, the photo viewed, filters, zoom. The next
        # visitor gets pages built afresh (forums open on today's tab again).
        window.rebuild_pages()
        for area in window.findChildren(QAbstractScrollArea):
            QScroller.scroller(area.viewport()).stop()
            area.verticalScrollBar().setValue(0)
            area.horizontalScrollBar().setValue(0)
        gc.collect()
        release_free_memory()  # what the last visit freed goes back to the system, not into RSS
        self.attract.start(highlights(self.ctx))
        logger.info("visit reset%s", "" if clean else " (WAL busy: truncated on the next reset)")
        self.visit_reset.emit()

    def show_keyboard(self) -> None:
        """Show the on-screen keyboard under the search box."""
        if self.machine.phase is Phase.ACTIVE and not self.pin_pad.isVisible():
            self.keyboard.present()

    def hide_keyboard(self) -> None:
        self.keyboard.hide()

    def _location_changed(self, location: Location) -> None:
        if location.page != "search":
            self.keyboard.hide()


def close_popups() -> None:
    """Close the menus and drop-down lists a visitor left open over the window."""
    for _ in range(16):  # a popup opened from a popup (a menu's submenu): the top one first
        popup = QApplication.activePopupWidget()
        if popup is None:
            break
        popup.close()


def close_transients() -> None:
    """Close what a visitor left open over the window: menus and drop-down lists, and
    questions (Clear all bookmarks?), which count as answered No."""
    close_popups()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
