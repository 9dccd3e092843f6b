"""The thin Qt adapter: wires the kiosk rules to the guide's window.

:func:`install_kiosk` turns a built guide into a kiosk: full screen, frameless, on top;
closing refused; no context menus or file dialogs; touch sizes and flick scrolling;
the idle state machine with its countdown and reset; the attract screen; the on-screen
keyboard for the search box; the hidden staff exit with its PIN pad; unhandled
exceptions logged and answered by showing Home again. Each of those is a part in its
own module (presentation, visit, staff_exit, events, recovery); this one assembles them.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QKeySequence
from PySide6.QtWidgets import QApplication, QScroller

from guide.kiosk.config import KioskConfig
from guide.kiosk.events import KioskEvents
from guide.kiosk.idle import IdleMachine
from guide.kiosk.pin import PinGuard, PinStore, ReadOnlyPinStore, UserDbPinStore
from guide.kiosk.presentation import TOUCH_STYLE, Presentation
from guide.kiosk.recovery import ERRORS_BEFORE_RESTART, Recovery
from guide.kiosk.staff_exit import StaffExit
from guide.kiosk.system import ScreenKeeper, logger, prefers_reduced_motion, setup_logging
from guide.kiosk.visit import VisitCycle
from guide.kiosk.widgets import AttractScreen, CountdownOverlay, OnScreenKeyboard, PinPad
from guide.ui.focus_rings import FocusRings
from guide.ui.guide import Guide
from guide.ui.images import ImageCache
from guide.ui.main_window import MainWindow
from guide.ui.touch import flick_gesture

__all__ = ["ERRORS_BEFORE_RESTART", "KioskController", "install_kiosk"]


class KioskController(VisitCycle, StaffExit, KioskEvents, Recovery, Presentation, QObject):
    """Runs the kiosk around a built :class:`guide.ui.guide.Guide`.

    ``clock`` (seconds) drives every kiosk timer: idle, countdown, the corner hold and
    the PIN delays. By default idle times are measured on the monotonic clock and PIN
    delays on the wall clock (they are stored, and must survive a restart); tests pass
    one fake clock for both.
    """

    visit_started = Signal()
    visit_reset = Signal()
    countdown_shown = Signal()
    staff_exited = Signal()
    recovered = Signal()

    def __init__(self, guide: Guide, config: KioskConfig, *, pin_store: PinStore | None = None,
                 clock: Callable[[], float] | None = None, log_file: Path | None = None) -> None:
        super().__init__()
        self.guide = guide
        self.config = config
        self.window: MainWindow = guide.window
        self.ctx = guide.ctx
        self.clock = clock or time.monotonic
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            raise RuntimeError("the kiosk needs the guide's QApplication")
        self.app = app
        self.allow_close = False
        self.exit_app: Callable[[int], None] = QApplication.exit
        self._swallow_until_release = False
        self._corner_down = False
        self._corner_since = 0.0
        self._log_handler = setup_logging(log_file)
        self._previous_hook: Any = None
        self._error_times: list[float] = []
        self._recovering = False
        self._cursor_hidden = False

        self.ctx.kiosk = True
        self.ctx.here = config.position
        self.ctx.touch_px = config.min_touch_px  # the stars drawn in lists and timetables
        # The theme the device was set up with: each visit starts in it (a visitor's high
        # contrast is theirs, as their language and text size are).
        self.start_palette = self.ctx.state.palette_name
        if pin_store is None:
            pin_store = UserDbPinStore(self.ctx.user)
            if config.pin_hash:  # set in a settings file this account cannot write
                pin_store = ReadOnlyPinStore(config.pin_hash, pin_store)
        self.pin = PinGuard(pin_store,
                            base_delay=config.pin_delay_seconds,
                            max_delay=config.pin_max_delay_seconds, clock=clock or time.time)
        self.machine = IdleMachine(config.idle_seconds, config.countdown_seconds, self.clock())
        self.reduced_motion = (config.reduced_motion if config.reduced_motion is not None
                               else prefers_reduced_motion())

        self._build_overlays(guide.images)
        self._dress_window()
        self._take_over_app()
        logger.info("kiosk started (idle %ss, countdown %ss)", config.idle_seconds,
                    config.countdown_seconds)
        self._reset_visit()

    def _build_overlays(self, images: ImageCache) -> None:
        """The attract screen, countdown, keyboard and PIN pad over the window, and their timers."""
        config = self.config
        window = self.window
        self.attract = AttractScreen(window, self.ctx, images, seconds=config.attract_seconds,
                                     reduced_motion=self.reduced_motion)
        self.countdown = CountdownOverlay(window)
        self.keyboard = OnScreenKeyboard(window, window.search_box)
        self.keyboard.done_pressed.connect(self.hide_keyboard)
        self.pin_pad = PinPad(window)
        self.pin_pad.submitted.connect(self.check_pin)
        self.exit_sequence = QKeySequence(config.exit_chord)

        self.tick_timer = QTimer(self)
        self.tick_timer.setSingleShot(True)
        self.tick_timer.timeout.connect(self.tick)
        self.hold_timer = QTimer(self)
        self.hold_timer.setSingleShot(True)
        self.hold_timer.setInterval(int(config.exit_hold_seconds * 1000))
        self.hold_timer.timeout.connect(self._corner_held)
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(250)
        self.wait_timer.timeout.connect(self._update_pin_wait)

    def _dress_window(self) -> None:
        """Touch sizes, no context menus, flick scrolling and a section list wide enough."""
        window = self.window
        # One flick recognizer for the process (see guide.ui.touch): QScroller.grabGesture on
        # each viewport would register a new one for every list of every page rebuilt between
        # visitors: memory that is never given back.
        self.flick_gesture = flick_gesture(QScroller.ScrollerGestureType.LeftMouseButtonGesture)
        self.ctx.state.language_changed.connect(self._retranslate)
        window.page_added.connect(lambda _name, page: self.enable_flick(page))
        window.location_changed.connect(self._location_changed)
        window.setStyleSheet(TOUCH_STYLE.format(px=self.config.min_touch_px))
        # A tap draws no focus ring (a visitor saw orange frames left by it); keys bring it back.
        self.focus_rings = FocusRings()  # fed by the kiosk's event filter (events.py)
        self.ctx.state.palette_changed.connect(self.dress_menus)
        self.dress_menus(self.ctx.state.palette_name)
        self.ctx.state.palette_changed.connect(lambda _name: self.dress_overlays())
        self.ctx.state.text_scale_changed.connect(lambda _scale: self.dress_overlays())
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        window.staff_button.setVisible(False)  # staff tools (content updates) are not for visitors
        self.ctx.state.text_scale_changed.connect(lambda _scale: self.fit_navigation())
        self.ctx.state.set_text_scale(self.config.text_scale)
        self.dress_overlays()
        self.fit_navigation()
        self.enable_flick(window)

    def _take_over_app(self) -> None:
        """Process-wide: no quitting on close, Qt's own dialogs, hidden cursor, exception hook."""
        self._app_settings = (self.app.quitOnLastWindowClosed(),
                              QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs))
        self.app.setQuitOnLastWindowClosed(False)
        # Qt's own file dialogs (never native ones) pass the event filter, which rejects them.
        self.app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
        self.app.installEventFilter(self)
        if self.config.hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True
        if self.config.catch_exceptions:
            self._previous_hook = sys.excepthook
            sys.excepthook = self.excepthook
        self.screen = ScreenKeeper()
        if self.config.keep_screen_on:
            logger.info("screen blanking: %s", self.screen.hold())

    def shutdown(self) -> None:
        """Undo what :func:`install_kiosk` changed in the process (before closing the window)."""
        self.allow_close = True
        for timer in (self.tick_timer, self.hold_timer, self.wait_timer):
            timer.stop()
        self.attract.stop()
        self.app.removeEventFilter(self)
        self.app.setQuitOnLastWindowClosed(self._app_settings[0])
        self.app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs,
                              self._app_settings[1])
        if self._previous_hook is not None and sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False
        self.screen.release()
        with contextlib.suppress(Exception):
            from guide.user.session import end_visitor_session

            end_visitor_session(self.ctx.user)
        logger.info("kiosk stopped")
        logger.removeHandler(self._log_handler)
        self._log_handler.close()


def install_kiosk(guide: Guide, config: KioskConfig, *, show: bool = True,
                  size: tuple[int, int] | None = None, pin_store: PinStore | None = None,
                  log_file: Path | None = None, clock: Callable[[], float] | None = None) -> KioskController:
    """Turn a built guide into a kiosk and (unless ``show`` is False) show it.

    ``size`` shows a normal window of that size instead of full screen (tests, screenshots).
    """
    controller = KioskController(guide, config, pin_store=pin_store, clock=clock, log_file=log_file)
    if show:
        controller.present(size)
    return controller
