"""A kiosk keeps its content current: poll the update source, apply only between visitors.

Polling, downloading, verifying and building run on a worker thread (guide.updates,
Qt-free, logs every decision). A pack that passed every check waits, staged, until the
kiosk's next idle reset; the swap then happens while the attract screen shows, never
during a visit.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

if TYPE_CHECKING:  # guide.updates.api loads cryptography: only when the first poll runs
    from guide.kiosk.controller import KioskController
    from guide.ui.guide import Guide
    from guide.updates.api import PreparedUpdate, UpdateConfig

logger = logging.getLogger("guide.updates")


class PollStopped(Exception):
    """The kiosk is closing: the poll in progress gives up at its next step."""


class PollWorker(QObject):
    """Lives on the worker thread: check the source and stage a good pack.

    It never touches a widget or timer: everything it learns goes out by signal, and any
    failure, even an unexpected one, is logged and reported as FAILED, so no kiosk
    error handler ever runs on this thread.
    """

    staged = Signal(object)  # PreparedUpdate
    checked = Signal(str, str)  # status, message
    finished = Signal(float, float, str)  # started, ended (time.monotonic), status

    def __init__(self, config: UpdateConfig, current_db: Callable[[], str]) -> None:
        super().__init__()
        self.config = config
        self.current_db = current_db  # the content showing now (it changes at each swap)
        self.stop = threading.Event()  # set from the UI thread: end the poll now
        self.running = threading.Event()  # set when a poll is asked for, cleared when it has ended
        # A poll ends before the next is due, however slowly the source sends.
        self.deadline_seconds = min(config.download_deadline_seconds, config.poll_seconds * 0.8)
        self.skipped = 0  # polls that came due while one ran (or the thread had no CPU)
        self._schedule: QTimer | None = None
        self._last_start: float | None = None
        # The downloaded pack (file, version) staged and still waiting for an idle reset. A
        # source that has nothing newer answers READY with that same pack at every poll:
        # building it again each time cost a whole content build every interval while a
        # visitor used the kiosk. Cleared by the UI thread when it applies (or fails to).
        self.staged_pack: tuple[str, int] | None = None

    @Slot()
    def start_schedule(self) -> None:
        """On the worker thread: poll now, then every interval, on this thread's own timer.

        The schedule lives here, not on the UI thread, so a busy screen (a language switch,
        a page built) never delays a poll.
        """
        self._schedule = QTimer(self)
        self._schedule.setTimerType(Qt.TimerType.PreciseTimer)
        self._schedule.setInterval(max(1, int(self.config.poll_seconds * 1000)))
        self._schedule.timeout.connect(self._due)
        self._schedule.start()
        self._due()

    @Slot()
    def stop_schedule(self) -> None:
        """On the worker thread as it ends: a timer is stopped by the thread that owns it."""
        if self._schedule is not None:
            self._schedule.stop()

    @Slot()
    def _due(self) -> None:
        if self.stop.is_set():
            self.stop_schedule()
            return
        now = time.monotonic()
        if self._last_start is not None:  # ticks that passed while a poll ran are lost, not queued
            self.skipped += max(0, round((now - self._last_start) / self.config.poll_seconds) - 1)
        self._last_start = now
        if self.running.is_set():  # a poll asked for by hand is running
            return
        self.running.set()
        self.poll(self.current_db())

    def _check_stop(self, *_progress: object) -> None:
        if self.stop.is_set():
            raise PollStopped("the kiosk is closing")

    @Slot(str)
    def poll(self, current_db: str) -> None:
        started = time.monotonic()
        status = "FAILED"
        try:
            status = self._poll(current_db)
        except PollStopped:
            status = "STOPPED"
            logger.info("kiosk: poll stopped: the kiosk is closing")
        except Exception as exc:  # logged here: an exception must not reach a handler on this thread
            logger.exception("kiosk: poll failed")
            self.checked.emit("FAILED", f"{type(exc).__name__}: {exc}")
        finally:
            self.running.clear()  # here, not in a slot: a busy UI thread must not look like a busy poll
            self.finished.emit(started, time.monotonic(), status)

    def _poll(self, current_db: str) -> str:
        from guide.updates import api

        source = self.config.source
        if not source:  # start_fleet_updates makes no updater without one
            self.checked.emit("FAILED", "no update source is configured")
            return "FAILED"
        self._check_stop()
        result = api.check_for_update(source, trusted=self.config.trusted_keys,
                                      current_db=Path(current_db), limits=self.config.limits,
                                      timeout=self.config.timeout_seconds,
                                      deadline_seconds=self.deadline_seconds, stop=self.stop)
        self._check_stop()
        self.checked.emit(result.status.name, result.message or "")
        if result.status is not api.CheckStatus.READY or result.ready is None:
            return result.status.name
        waiting = (str(result.ready.pack_file), result.ready.version)
        if waiting == self.staged_pack:
            return "READY"  # staged already, waiting for the visit to end
        try:
            prepared = api.prepare_update(result.ready.pack_file, trusted=self.config.trusted_keys,
                                          current_db=Path(current_db), limits=self.config.limits,
                                          progress=self._check_stop)
        except api.UpdateRefused as exc:
            logger.warning("kiosk: refused %s: %s", result.ready.pack_file, exc.message)
            self.checked.emit("REFUSED", exc.message)
            return "REFUSED"
        if self.stop.is_set():
            api.discard_update(prepared)
            return "STOPPED"
        logger.info("kiosk: version %s staged; it will be shown after the current visit",
                    prepared.version)
        self.staged_pack = waiting
        self.staged.emit(prepared)
        return "READY"


class FleetUpdater(QObject):
    """Polls every ``config.poll_seconds``; applies a staged pack at the next idle reset.

    Polls keep their schedule: the worker thread keeps it on its own timer, each poll ends
    within 80% of the interval (its whole-poll deadline), and a poll that comes due while
    one runs is counted as skipped, never queued.
    """

    applied = Signal(int)  # the content version now showing
    _poll = Signal(str)

    def __init__(self, guide: Guide, kiosk: KioskController, config: UpdateConfig) -> None:
        super().__init__()
        self.guide = guide
        self.kiosk = kiosk
        self.config = config
        self.pending: PreparedUpdate | None = None
        self.last_status = ""
        self.polls: list[tuple[float, float, str]] = []  # (started, ended, status), the last 1,000
        self.poll_count = 0  # every poll that ended
        self._skipped_by_hand = 0
        self._thread = QThread()
        self._thread.setObjectName("content-poll")
        self._worker = PollWorker(config, lambda: str(self.guide.ctx.content_path))
        self._worker.moveToThread(self._thread)
        self._poll.connect(self._worker.poll)
        self._worker.staged.connect(self._staged)
        self._worker.checked.connect(self._checked)
        self._worker.finished.connect(self._finished)
        # Emitted on the worker thread just before it ends: its timer stops on its own thread.
        self._thread.finished.connect(self._worker.stop_schedule, Qt.ConnectionType.DirectConnection)
        kiosk.visit_reset.connect(self.apply_pending)

    @property
    def skipped(self) -> int:
        """Polls that came due while the previous one was still running."""
        return self._worker.skipped + self._skipped_by_hand

    def start(self) -> None:
        """First check now, then every poll interval (the worker thread keeps the schedule)."""
        self._thread.started.connect(self._worker.start_schedule)
        self._thread.start()

    def poll_now(self) -> None:
        """Start a poll on the worker thread, unless one is still running (then skip this one)."""
        if self._worker.stop.is_set():
            return
        if self._worker.running.is_set():
            self._skipped_by_hand += 1
            logger.info("kiosk: the previous poll is still running; this one is skipped")
            return
        if not self._thread.isRunning():
            self._thread.start()
        self._worker.running.set()
        self._poll.emit(str(self.guide.ctx.content_path))

    @Slot(str, str)
    def _checked(self, status: str, message: str) -> None:
        self.last_status = status

    @Slot(float, float, str)
    def _finished(self, started: float, ended: float, status: str) -> None:
        self.poll_count += 1
        self.polls.append((started, ended, status))
        del self.polls[:-1000]

    @Slot(object)
    def _staged(self, prepared: PreparedUpdate) -> None:
        if self.pending is not None:  # a newer pack replaces an older one still waiting
            from guide.updates import api

            api.discard_update(self.pending)
        self.pending = prepared

    @Slot()
    def apply_pending(self) -> None:
        """Called at an idle reset, between visitors: show the staged content now."""
        if self.pending is None:
            return
        from guide.kiosk.widgets.attract import highlights
        from guide.updates import api

        prepared, self.pending = self.pending, None
        self._worker.staged_pack = None  # applied or not, a later poll stages anew if need be
        try:
            applied = api.commit_update(prepared)
        except (api.UpdateRefused, OSError) as exc:
            logger.warning("kiosk: could not apply version %s: %s", prepared.version, exc)
            return
        self.guide.swap_content(applied.db_path)
        api.clear_pending()
        # The attract screen started with the old content's highlights; show the new ones.
        self.kiosk.attract.start(highlights(self.guide.ctx))
        logger.info("kiosk: now showing content version %s", prepared.version)
        self.applied.emit(prepared.version)

    def shutdown(self) -> None:
        """Stop polling and end the worker thread, whatever it is doing (staff exit, quit, signal).

        The stop flag shuts the poll's sockets and ends a build at its next step, so the
        thread is finished before Qt could destroy it while running.
        """
        self._worker.stop.set()
        self._thread.quit()
        if not self._thread.wait(30_000):
            logger.critical("kiosk: the poll thread did not stop within 30 s")


def start_fleet_updates(guide: Guide, kiosk: KioskController) -> FleetUpdater | None:
    """Keep a kiosk current when its updates config names a source (None otherwise)."""
    from guide.updates import api

    named = kiosk.config.updates_config  # a read-only updates.toml named by kiosk.toml
    config = api.load_update_config(Path(named) if named else None)
    if not config.source:
        logger.info("kiosk: no update source configured")
        return None
    updater = FleetUpdater(guide, kiosk, config)
    updater.start()
    return updater
