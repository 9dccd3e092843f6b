"""The hidden staff exit: hold a corner (or press the chord), then enter the PIN."""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QRect

from guide.kiosk import STAFF_EXIT_CODE
from guide.kiosk.idle import Phase, Step
from guide.kiosk.parts import Part
from guide.kiosk.pin import Outcome
from guide.kiosk.system import logger


class StaffExit(Part):
    """The PIN pad, its growing waits, and leaving kiosk mode with :data:`STAFF_EXIT_CODE`."""

    def open_pin_pad(self) -> None:
        """The hidden gesture or the key chord was used: ask for the staff PIN."""
        if self.machine.phase is Phase.ATTRACT:
            self.machine.input(self.clock())  # staff count as a visit: idle resets close the pad
            self._perform([Step.START_VISIT])
        self.keyboard.hide()
        self.pin_pad.open()
        self._update_pin_wait()
        logger.info("staff PIN pad opened")

    def _update_pin_wait(self) -> None:
        wait = math.ceil(self.pin.wait_seconds())
        self.pin_pad.set_waiting(wait)
        if wait > 0:
            if not self.wait_timer.isActive():
                self.wait_timer.start()
        else:
            self.wait_timer.stop()
            if self.pin_pad.message.property("error"):
                self.pin_pad.show_message("")

    def check_pin(self, pin: str) -> Outcome:
        """Check a PIN from the pad: the right one leaves kiosk mode."""
        attempt = self.pin.try_pin(pin)
        if attempt.outcome is Outcome.ACCEPTED:
            logger.info("staff exit")
            self.pin_pad.close_pad()
            self.staff_exit()
        elif attempt.outcome is Outcome.NOT_SET:
            self.pin_pad.show_not_set()
        else:
            if attempt.outcome is Outcome.WRONG:
                failures, _last = self.pin.store.load_failures()
                logger.warning("wrong staff PIN (%d in a row)", failures)
            self._update_pin_wait()
        return attempt.outcome

    def staff_exit(self) -> None:
        """Forget the visitor and leave with :data:`STAFF_EXIT_CODE`."""
        from guide.user.session import end_visitor_session

        end_visitor_session(self.ctx.user)
        self.allow_close = True
        self.staff_exited.emit()
        self.exit_app(STAFF_EXIT_CODE)

    def _corner_rect(self) -> QRect:
        window, px = self.window, self.config.exit_corner_px
        x = 0 if self.config.exit_corner.endswith("left") else window.width() - px
        y = 0 if self.config.exit_corner.startswith("top") else window.height() - px
        return QRect(window.mapToGlobal(QPoint(x, y)), window.mapToGlobal(QPoint(x + px - 1, y + px - 1)))

    def _corner_held(self) -> None:
        """The hold timer fired: open the PIN pad if the corner has been held long enough."""
        if not self._corner_down:
            return
        left = self.config.exit_hold_seconds - (self.clock() - self._corner_since)
        if left > 0:  # the clock says not yet (timers can fire early): wait for the rest
            self.hold_timer.start(max(1, math.ceil(left * 1000)))
            return
        self._corner_down = False
        self._swallow_until_release = True
        self.open_pin_pad()
