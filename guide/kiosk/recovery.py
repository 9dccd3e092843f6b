"""Staying up: unhandled exceptions are logged and answered by showing Home again."""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Any

from PySide6.QtCore import QTimer

from guide.kiosk.idle import Phase
from guide.kiosk.parts import Part
from guide.kiosk.system import logger
from guide.kiosk.widgets.attract import highlights
from guide.ui.history import Location

ERRORS_BEFORE_RESTART = 20  # unhandled exceptions within a minute: exit, the supervisor restarts us


class Recovery(Part):
    """The kiosk's ``sys.excepthook`` and what it does after an error."""

    _previous_hook: Any
    _error_times: list[float]
    _recovering: bool

    def excepthook(self, etype: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
        """Log an unhandled exception and show Home again instead of dying."""
        if issubclass(etype, (KeyboardInterrupt, SystemExit)) and self._previous_hook:
            self._previous_hook(etype, value, tb)
            return
        if threading.current_thread() is not threading.main_thread():
            # A worker's error: logged, and nothing here touches a timer or widget off the UI thread.
            logger.error("unhandled exception on thread %s", threading.current_thread().name,
                         exc_info=(etype, value, tb))
            return
        logger.error("unhandled exception", exc_info=(etype, value, tb))
        now = self.clock()
        self._error_times = [t for t in self._error_times if now - t < 60] + [now]
        if len(self._error_times) >= ERRORS_BEFORE_RESTART:
            logger.critical("%d errors within a minute: exiting for the supervisor to restart",
                            len(self._error_times))
            self.allow_close = True
            self.exit_app(70)
            return
        QTimer.singleShot(0, self.recover)

    def recover(self) -> None:
        """After an error: close overlays and show Home (or the attract screen)."""
        if self._recovering:
            return
        self._recovering = True
        try:
            self.keyboard.hide()
            self.pin_pad.close_pad()
            if self.machine.phase is Phase.ATTRACT:
                self.attract.start(highlights(self.ctx))
            else:
                self.countdown.hide()
                self.machine.input(self.clock())
                if self.machine.phase is Phase.COUNTDOWN:
                    self.machine.input(self.clock())
                self.window.go(Location("home"))
                self._schedule()
            self.recovered.emit()
        except Exception:
            logger.exception("recovery failed")
        finally:
            self._recovering = False
