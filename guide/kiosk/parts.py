"""What every part of the kiosk adapter shares: the objects it holds and the calls between parts.

:class:`guide.kiosk.controller.KioskController` is made of parts, one module each:
presentation (showing the window), visit (the idle cycle), staff exit (corner, PIN pad),
events (the application-wide event filter) and recovery (unhandled exceptions). This base
declares what the parts use of one another, so each part type-checks on its own.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, QTimer, SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from guide.kiosk.config import KioskConfig
from guide.kiosk.idle import IdleMachine, Step
from guide.kiosk.pin import PinGuard
from guide.kiosk.widgets import AttractScreen, CountdownOverlay, OnScreenKeyboard, PinPad
from guide.ui.context import AppContext
from guide.ui.guide import Guide
from guide.ui.main_window import MainWindow


class KioskParts:
    """Attributes set by ``KioskController.__init__`` and the methods parts call across modules."""

    guide: Guide
    config: KioskConfig
    window: MainWindow
    ctx: AppContext
    clock: Callable[[], float]
    app: QApplication
    allow_close: bool
    exit_app: Callable[[int], None]
    machine: IdleMachine
    pin: PinGuard
    attract: AttractScreen
    countdown: CountdownOverlay
    keyboard: OnScreenKeyboard
    pin_pad: PinPad
    exit_sequence: QKeySequence
    tick_timer: QTimer
    hold_timer: QTimer
    wait_timer: QTimer
    reduced_motion: bool
    visit_started: SignalInstance
    visit_reset: SignalInstance
    countdown_shown: SignalInstance
    staff_exited: SignalInstance
    recovered: SignalInstance
    _corner_down: bool
    _swallow_until_release: bool
    _corner_since: float

    # Parts come before this class in KioskController's bases, so their methods win over these.

    def _perform(self, steps: list[Step]) -> None:
        raise NotImplementedError

    def _schedule(self) -> None:
        raise NotImplementedError

    def activity(self, *, wakes: bool = True) -> list[Step]:
        raise NotImplementedError

    def show_keyboard(self) -> None:
        raise NotImplementedError

    def open_pin_pad(self) -> None:
        raise NotImplementedError

    def fit_navigation(self) -> None:
        raise NotImplementedError

    def _corner_rect(self) -> QRect:
        raise NotImplementedError

    def _restore_full_screen(self) -> None:
        raise NotImplementedError
