"""The thin Qt adapter: wires the kiosk rules to the guide's window.

:func:`install_kiosk` turns a built guide into a kiosk: full screen, frameless, on top;
closing refused; no context menus or file dialogs; touch sizes and flick scrolling;
the idle state machine with its countdown and reset; the attract screen; the on-screen
keyboard for the search box; the hidden staff exit with its PIN pad; unhandled
exceptions logged and answered by showing Home again.
"""

from __future__ import annotations

import contextlib
import gc
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCursor, QFontMetrics, QKeyEvent, QKeySequence, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFileDialog,
    QScroller,
    QScrollerProperties,
    QWidget,
)

from guide.kiosk import STAFF_EXIT_CODE
from guide.kiosk.config import KioskConfig
from guide.kiosk.idle import IdleMachine, Phase, Step
from guide.kiosk.pin import Outcome, PinGuard, PinStore, UserDbPinStore
from guide.kiosk.slides import build_slides
from guide.kiosk.system import ScreenKeeper, logger, prefers_reduced_motion, setup_logging
from guide.kiosk.widgets import AttractScreen, CountdownOverlay, OnScreenKeyboard, PinPad
from guide.ui.history import Location
from guide.ui.main_window import MainWindow

E = QEvent.Type
WAKE_EVENTS = frozenset({E.MouseButtonPress, E.MouseButtonDblClick, E.TouchBegin, E.KeyPress,
                         E.Wheel, E.TabletPress})
SOFT_EVENTS = frozenset({E.MouseMove, E.TouchUpdate, E.MouseButtonRelease, E.TouchEnd,
                         E.KeyRelease, E.InputMethod})
RELEASES = frozenset({E.MouseButtonRelease, E.TouchEnd})
WATCHED = WAKE_EVENTS | SOFT_EVENTS | frozenset({
    E.ContextMenu, E.Close, E.ShortcutOverride, E.WindowStateChange, E.Show, E.FocusIn})
ERRORS_BEFORE_RESTART = 20  # unhandled exceptions within a minute: exit, the supervisor restarts us

TOUCH_STYLE = """
QPushButton, QToolButton {{ min-height: {px}px; min-width: {px}px; }}
QWidget#mainToolbar QToolButton {{ qproperty-iconSize: 28px 28px; }}
QLineEdit, QComboBox {{ min-height: {px}px; }}
QTabBar::tab {{ min-height: {px}px; }}
QListView#navigation::item {{ min-height: {px}px; }}
QScrollBar:vertical {{ width: 18px; }}
"""


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


class KioskController(QObject):
    """Runs the kiosk around a built :class:`guide.app.Guide`."""

    visit_started = Signal()
    visit_reset = Signal()
    countdown_shown = Signal()
    staff_exited = Signal()
    recovered = Signal()

    def __init__(self, guide: Any, config: KioskConfig, *, user_db: Path | None = None,
                 pin_store: PinStore | None = None, clock: Callable[[], float] = time.monotonic,
                 log_file: Path | None = None) -> None:
        super().__init__()
        self.guide = guide
        self.config = config
        self.window: MainWindow = guide.window
        self.ctx = guide.ctx
        self.clock = clock
        self.app = QApplication.instance()
        self.allow_close = False
        self.exit_app: Callable[[int], None] = QApplication.exit
        self._own_user_db: Any = None
        self._swallow_until_release = False
        self._corner_down = False
        self._log_handler = setup_logging(log_file)
        self._previous_hook: Any = None
        self._error_times: list[float] = []
        self._recovering = False
        self._cursor_hidden = False

        self.ctx.kiosk = True
        if self.ctx.user is None:  # an app that does not open the user database itself
            from guide.user.db import open_user_db

            self._own_user_db = open_user_db(user_db)
            self.ctx.user = self._own_user_db.db
        self.pin = PinGuard(pin_store or UserDbPinStore(self.ctx.user),
                            base_delay=config.pin_delay_seconds,
                            max_delay=config.pin_max_delay_seconds)
        self.machine = IdleMachine(config.idle_seconds, config.countdown_seconds, clock())
        self.reduced_motion = (config.reduced_motion if config.reduced_motion is not None
                               else prefers_reduced_motion())

        window = self.window
        self.attract = AttractScreen(window, self.ctx, guide.images, seconds=config.attract_seconds,
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

        self.ctx.state.language_changed.connect(self._retranslate)
        window.page_added.connect(lambda _name, page: self.enable_flick(page))
        window.location_changed.connect(self._location_changed)
        window.setStyleSheet(TOUCH_STYLE.format(px=config.min_touch_px))
        window.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        # Staff tools (content updates) are not for visitors.
        staff_button = getattr(window, "staff_button", None)
        if staff_button is not None:
            staff_button.setVisible(False)
        self.ctx.state.text_scale_changed.connect(lambda _scale: self.fit_navigation())
        self.ctx.state.set_text_scale(config.text_scale)
        self.fit_navigation()
        self.enable_flick(window)
        self._app_settings = (self.app.quitOnLastWindowClosed(),  # type: ignore[union-attr]
                              QApplication.testAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs))
        self.app.setQuitOnLastWindowClosed(False)  # type: ignore[union-attr]
        # Qt's own file dialogs (never native ones) pass the event filter, which rejects them.
        self.app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)  # type: ignore[union-attr]
        self.app.installEventFilter(self)  # type: ignore[union-attr]
        if config.hide_cursor:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True
        if config.catch_exceptions:
            self._previous_hook = sys.excepthook
            sys.excepthook = self.excepthook
        self.screen = ScreenKeeper()
        if config.keep_screen_on:
            logger.info("screen blanking: %s", self.screen.hold())
        logger.info("kiosk started (idle %ss, countdown %ss)", config.idle_seconds,
                    config.countdown_seconds)
        self._reset_visit()

    # --- showing the window ------------------------------------------------------------------

    def present(self, size: tuple[int, int] | None = None) -> None:
        """Show the window frameless and on top: full screen, or at ``size`` (screenshots, tests)."""
        window = self.window
        window.setWindowFlags(window.windowFlags() | Qt.WindowType.FramelessWindowHint
                              | Qt.WindowType.WindowStaysOnTopHint)
        if size is None and self.config.full_screen:
            window.showFullScreen()
        else:
            if size is not None:
                window.resize(*size)
            window.show()
        self.attract.present()

    def enable_flick(self, root: QWidget) -> None:
        """Kinetic flick scrolling on every scrolling list and text under ``root``."""
        areas = [root] if isinstance(root, QAbstractScrollArea) else []
        for area in areas + root.findChildren(QAbstractScrollArea):
            viewport = area.viewport()
            if viewport.property("kioskFlick"):
                continue
            # Lists sized to their rows (home's embedded lists) never scroll themselves:
            # leave the drag to the page around them.
            if area.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff:
                continue
            viewport.setProperty("kioskFlick", True)
            QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
            scroller = QScroller.scroller(viewport)
            props = scroller.scrollerProperties()
            props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0)
            props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                                  QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
            scroller.setScrollerProperties(props)

    # --- the visitor's session ---------------------------------------------------------------

    def _perform(self, steps: list[Step]) -> None:
        for step in steps:
            if step is Step.START_VISIT:
                self._start_visit()
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
        clean = end_visitor_session(self.ctx.user)
        for holder in (self.ctx, window):
            actions = getattr(holder, "bookmarks", None)
            if actions is not None and hasattr(actions, "forget_undo"):
                actions.forget_undo()
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
        self.attract.start(build_slides(self.ctx.content, self.ctx.clock.now()))
        logger.info("visit reset%s", "" if clean else " (WAL busy: truncated on the next reset)")
        self.visit_reset.emit()

    # --- keyboard, staff exit ----------------------------------------------------------------

    def show_keyboard(self) -> None:
        """Show the on-screen keyboard under the search box."""
        if self.machine.phase is Phase.ACTIVE and not self.pin_pad.isVisible():
            self.keyboard.present()

    def hide_keyboard(self) -> None:
        self.keyboard.hide()

    def _location_changed(self, location: Location) -> None:
        if location.page != "search":
            self.keyboard.hide()

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
        if self._corner_down:
            self._corner_down = False
            self._swallow_until_release = True
            self.open_pin_pad()

    # --- events ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every event of the application passes here first (kiosk rules)."""
        kind = event.type()
        if kind not in WATCHED:
            return False
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
            if point is not None and self._corner_rect().contains(point) and self.window.isVisible():
                self._corner_down = True
                self.hold_timer.start()
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

    def _restore_full_screen(self) -> None:
        # Checked again when the timer fires: a staff exit or shutdown may have come between.
        if not self.allow_close and self.window.isVisible() and not self.window.isFullScreen():
            self.window.showFullScreen()

    def _retranslate(self, _lang: str) -> None:
        for widget in (self.countdown, self.keyboard, self.pin_pad):
            widget.retranslate()
        self.fit_navigation()

    def fit_navigation(self) -> None:
        """Widen the section list so its labels fit the kiosk's larger type in either language."""
        from guide.ui import theme

        nav = self.window.navigation
        metrics = QFontMetrics(theme.font("title", self.ctx.state.text_scale, bold=True))
        model = nav.model()
        widest = max((metrics.horizontalAdvance(str(model.index(row, 0).data()))
                      for row in range(model.rowCount())), default=0)
        # icon, item padding and margins, the list's own frame and a scroll bar's room
        nav.setFixedWidth(max(230, widest + nav.iconSize().width() + 110))

    # --- staying up --------------------------------------------------------------------------

    def excepthook(self, etype: type[BaseException], value: BaseException,
                   tb: TracebackType | None) -> None:
        """Log an unhandled exception and show Home again instead of dying."""
        if issubclass(etype, (KeyboardInterrupt, SystemExit)) and self._previous_hook:
            self._previous_hook(etype, value, tb)
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
                self.attract.start(build_slides(self.ctx.content, self.ctx.clock.now()))
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

    def shutdown(self) -> None:
        """Undo what :func:`install_kiosk` changed in the process (before closing the window)."""
        self.allow_close = True
        for timer in (self.tick_timer, self.hold_timer, self.wait_timer):
            timer.stop()
        self.attract.stop()
        self.app.removeEventFilter(self)  # type: ignore[union-attr]
        self.app.setQuitOnLastWindowClosed(self._app_settings[0])  # type: ignore[union-attr]
        self.app.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs,  # type: ignore[union-attr]
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
        if self._own_user_db is not None:
            self._own_user_db.close()
            self.ctx.user = None


def install_kiosk(guide: Any, config: KioskConfig, *, user_db: Path | None = None,
                  show: bool = True, size: tuple[int, int] | None = None,
                  pin_store: PinStore | None = None, log_file: Path | None = None,
                  clock: Callable[[], float] = time.monotonic) -> KioskController:
    """Turn a built guide into a kiosk and (unless ``show`` is False) show it.

    ``size`` shows a normal window of that size instead of full screen (tests, screenshots).
    """
    controller = KioskController(guide, config, user_db=user_db, pin_store=pin_store,
                                 clock=clock, log_file=log_file)
    if show:
        controller.present(size)
    return controller
