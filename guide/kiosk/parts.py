"""What every part of the kiosk adapter shares: the objects it holds and the calls between parts.

:class:`guide.kiosk.controller.KioskController` is made of parts, one module each:
presentation (showing the window), visit (the idle cycle), staff exit (corner, PIN pad),
events (the application-wide event filter) and recovery (unhandled exceptions).
:class:`KioskParts` is the protocol of the assembled controller as the parts see it: what
``__init__`` sets and what one part calls of another, so each part type-checks on its own.

Each part derives from :data:`Part`, which is that protocol for the type checker and plain
``object`` at run time: the controller is a QObject, whose metaclass cannot be combined with
the protocol's, and the methods are the parts' own, never a stub that could shadow them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QRect, Qt, QTimer, SignalInstance
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox

from guide.kiosk.config import KioskConfig
from guide.kiosk.idle import IdleMachine, Step
from guide.kiosk.pin import PinGuard
from guide.kiosk.widgets import AttractScreen, CountdownOverlay, OnScreenKeyboard, PinPad
from guide.ui.context import AppContext
from guide.ui.focus_rings import FocusRings
from guide.ui.guide import Guide
from guide.ui.main_window import MainWindow


class KioskParts(Protocol):
    """Attributes set by ``KioskController.__init__`` and the methods parts call across modules."""

    guide: Guide
    config: KioskConfig
    window: MainWindow
    ctx: AppContext
    clock: Callable[[], float]
    app: QApplication
    allow_close: bool
    start_palette: str
    exit_app: Callable[[int], None]
    machine: IdleMachine
    pin: PinGuard
    attract: AttractScreen
    countdown: CountdownOverlay
    keyboard: OnScreenKeyboard
    focus_rings: FocusRings
    pin_pad: PinPad
    exit_sequence: QKeySequence
    flick_gesture: Qt.GestureType
    tick_timer: QTimer
    hold_timer: QTimer
    wait_timer: QTimer
    reduced_motion: bool
    visit_started: SignalInstance
    visit_reset: SignalInstance
    countdown_shown: SignalInstance
    staff_exited: SignalInstance
    recovered: SignalInstance
    # A value here only fixes the order mypy infers these in (parts assign them); __init__ sets them.
    _corner_down: bool = False
    _swallow_until_release: bool = False
    _corner_since: float

    def _perform(self, steps: list[Step]) -> None: ...  # visit

    def _schedule(self) -> None: ...  # visit

    def activity(self, *, wakes: bool = True) -> list[Step]: ...  # visit

    def show_keyboard(self) -> None: ...  # visit

    def open_pin_pad(self) -> None: ...  # staff exit

    def _corner_rect(self) -> QRect: ...  # staff exit

    def fit_navigation(self) -> None: ...  # presentation

    def _restore_full_screen(self) -> None: ...  # presentation

    def dress_combo(self, combo: QComboBox) -> None: ...  # presentation


if TYPE_CHECKING:
    Part = KioskParts
else:
    Part = object
