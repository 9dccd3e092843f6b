"""The staff import's worker thread: verify, validate and build a pack or a programme, off the
UI thread; results go back to :mod:`guide.ui.content_update` by signal."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot

if TYPE_CHECKING:
    from guide.updates.config import ConfigChoice

log = logging.getLogger("guide.ui.content_update")


def updates_api() -> Any:
    """guide.updates.api, imported when first used: it loads PyNaCl and pydantic (start-up cost)."""
    from guide.updates import api

    return api


CONFIG = "config"  # a refusal's reason beside errors.py's: updates.toml cannot be read
KIOSK_CONFIG = "kiosk-config"  # another: the kiosk settings naming updates.toml cannot be read
DISK_FULL = "disk-full"  # another: no room to build the new content (nothing was changed)


def _failure_reason(exc: BaseException) -> str:
    """The refusal's reason for an error that is not the file's: DISK_FULL, else ""."""
    from guide.files import is_disk_full

    return DISK_FULL if is_disk_full(exc) else ""


class _Stopped(Exception):
    """The guide is closing: the job in hand ends (its staging folder is discarded)."""


class PrepareWorker(QObject):
    """Lives on the worker thread: verify, validate and build a pack; never touches widgets."""

    progressed = Signal(str, int, int)
    prepared = Signal(object)  # PreparedUpdate
    # reason (errors.py's code, CONFIG, DISK_FULL, "" for a file that cannot be read), message,
    # details (a tuple: validation errors as build-db prints them). Objects, not str and list:
    # Qt would copy an importer's Message to a plain string, losing what the window translates.
    refused = Signal(str, object, object)

    def __init__(self, config_file: Callable[[], ConfigChoice] | None = None) -> None:
        super().__init__()
        # Which updates.toml holds the trusted keys: the one the kiosk reads (None: the user
        # data folder's).
        self.config_file = config_file
        # Set when the guide closes: the job ends at its next step (a build reports every
        # few hundred items) instead of running on while Qt destroys its thread, which
        # aborted the process.
        self.stop = threading.Event()

    def _progress(self, stage: str, done: int, total: int) -> None:
        if self.stop.is_set():
            raise _Stopped
        self.progressed.emit(stage, done, total)

    @Slot(str, str)
    def prepare(self, pack_file: str, current_db: str) -> None:
        def work() -> Any:
            updates = updates_api()
            try:
                choice = self.config_file() if self.config_file is not None else None
            except updates.ConfigError as exc:  # kiosk.toml: said as itself, not as updates.toml
                raise updates.UpdateRefused(KIOSK_CONFIG, str(exc)) from exc
            config = updates.load_update_config(choice.path if choice is not None else None)
            try:
                # Staff chose the file by hand: a trusted pack of other content is offered, with
                # a question that says so, rather than refused (a kiosk's poll never switches).
                return updates.prepare_update(
                    Path(pack_file), trusted=config.trusted_keys, current_db=Path(current_db),
                    progress=self._progress, switch=True)
            except updates.UpdateRefused as exc:
                if exc.reason != updates.errors.NO_TRUSTED_KEYS:
                    raise
                # Named: staff had been sent to a file the kiosk never reads.
                where = str(choice) if choice is not None else str(updates.default_config_path())
                raise updates.UpdateRefused(exc.reason, updates.errors.no_trusted_keys(
                    where, option=False)) from exc

        self._run(pack_file, work)

    @Slot(str, str, str)
    def prepare_programme(self, source: str, current_db: str, timezone: str) -> None:
        self._run(source, lambda: updates_api().prepare_programme(
            Path(source), current_db=Path(current_db), timezone=timezone or None,
            progress=self._progress))

    def _run(self, source: str, work: Callable[[], Any]) -> None:
        """Run ``work`` and send its PreparedUpdate, or why it was refused, by signal."""
        updates = updates_api()
        try:
            result = work()
        except _Stopped:
            log.info("preparing %s stopped: the guide is closing", source)
        except updates.UpdateRefused as exc:
            self.refused.emit(exc.reason, exc.message, tuple(exc.details))
        except updates.ConfigError as exc:
            self.refused.emit(CONFIG, str(exc), ())
        except OSError as exc:
            self.refused.emit(_failure_reason(exc), str(exc), ())
        except Exception as exc:  # the last resort: see _unexpected
            self._unexpected(source, exc)
        else:
            self.prepared.emit(result)

    def _unexpected(self, source: str, exc: Exception) -> None:
        # An error no check foresaw must still reach the staff member: uncaught, it would
        # end this slot silently and leave the window behind a progress dialog that
        # cannot be cancelled. Nothing was changed (the staging folder is discarded).
        log.exception("preparing %s failed", source)
        self.refused.emit(_failure_reason(exc), f"{Path(source).name}: {type(exc).__name__}: {exc}", ())
