"""Staff import of a content pack in the app, and "Restore previous content".

The slow part (verify the signature, validate, build, compare) runs on a worker thread
with its own files and connections; results come back by signal. The UI then shows
what changes and asks before the database is swapped — atomically, by guide.updates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from guide.ui import boxes
from guide.ui import text as tx
from guide.ui.change_texts import (
    SHOWN_TITLES,
    filled,
    question_text,
    summary_text,
    switch_text,
    zone_text,
)
from guide.ui.content_worker import CONFIG, DISK_FULL, KIOSK_CONFIG, PrepareWorker
from guide.ui.content_worker import updates_api as _updates
from guide.ui.context import AppContext
from guide.ui.import_messages import import_notes_text, said, said_all

if TYPE_CHECKING:
    from guide.updates.api import PreparedUpdate

log = logging.getLogger(__name__)


def programme_file_filters() -> str:
    """The "Open programme…" dialog's filters: every file `guide import` reads or explains (an
    .xls: how to save it as .xlsx), then all files."""
    from guide.programme.importer import programme_extensions

    patterns = " ".join(f"*.{ext}" for ext in programme_extensions())
    return ";;".join([tx.tr("Programmes (frab, iCalendar, spreadsheets)") + f" ({patterns})",
                      tx.tr("All files (*)")])


def _nothing_changed() -> str:
    return tx.tr("Nothing was changed: the guide shows the content it showed "
                 "before, and bookmarks stay.")


def refusal_text(reason: str, programme: bool) -> str:
    """What a refusal means and what to do, in the UI's language (the message after it gives
    the file's specifics: an importer's in the UI's language too, see guide.ui.import_messages)."""
    e = _updates().errors
    if reason == CONFIG:
        return tx.tr("The update settings (updates.toml) have an error. Correct it:")
    if reason == KIOSK_CONFIG:
        return tx.tr("The kiosk settings (kiosk.toml) have an error. Correct it:")
    if reason == DISK_FULL:
        return tx.tr("The disk is full. Free some space and try again.") + "\n\n" + _nothing_changed()
    if reason in (e.CORRUPT, e.TRUNCATED) and programme:
        return tx.tr("This file cannot be read as a programme:")
    if reason in (e.CORRUPT, e.TRUNCATED):
        return tx.tr("The file is damaged or incomplete. Copy or download it again.")
    if reason == e.NOT_A_PACK:  # a database, a text or a spreadsheet: copying it again won't help
        return tx.tr("This file is not a content pack (.guidepack). Open the .guidepack file "
                     "from the content team; a schedule or spreadsheet opens with "
                     "\"Open programme...\".")
    if reason == e.NOT_FOUND:
        return tx.tr("The file does not exist (it was moved, renamed or deleted). Choose it again.")
    if reason in (e.BAD_SIGNATURE, e.BAD_MANIFEST, e.HASH_MISMATCH, e.UNSAFE):
        return tx.tr("The content pack was changed after it was signed, or is damaged. Get it "
                     "again from the content team.")
    if reason == e.NO_TRUSTED_KEYS:  # the pack may well be the content team's: no key is set
        return tx.tr("This guide trusts no key yet, so it loads no content pack. Add the content "
                     "team's public key to trusted_keys in the update settings named below (on a "
                     "kiosk, an administrator does this):")
    if reason in (e.UNSIGNED, e.UNKNOWN_KEY):
        return tx.tr("The content pack is not signed by a key this guide trusts. Only packs "
                     "signed by the content team's key (in updates.toml) are loaded.")
    if reason == e.TOO_LARGE:
        return tx.tr("The file is larger than this guide accepts.")
    if reason == e.WRONG_PACK:
        return tx.tr("This content pack is for other content than the guide shows.")
    if reason == e.NOT_NEWER:
        return tx.tr("This guide already has this version of the content, or a newer one.")
    if reason == e.INVALID_CONTENT and programme:
        return tx.tr("The programme file has errors. Correct them in the file and open it again:")
    if reason == e.INVALID_CONTENT:
        return tx.tr("The content has errors; the content team must correct them:")
    return tx.tr("The file could not be loaded.")


def not_switched_text(exc: Exception) -> str:
    """Why the content was not switched after Yes, in the UI's language, and that nothing changed."""
    from guide.files import is_disk_full

    updates = _updates()
    if isinstance(exc, updates.UpdateRefused) and exc.reason == updates.errors.NOT_NEWER:
        why = tx.tr("The same or a newer version of this content was loaded meanwhile.")
    elif isinstance(exc, updates.UpdateRefused) and exc.reason == updates.errors.NO_PREVIOUS:
        why = tx.tr("There is no previous content to go back to.")
    elif isinstance(exc, updates.UpdateRefused) and exc.reason == updates.errors.SHIPPED_IN_USE:
        why = tx.tr("The guide already shows the content shipped with it.")
    elif isinstance(exc, updates.UpdateRefused):  # stale: overtaken by other content, or its copy gone
        why = tx.tr("Other content was loaded while this file was being prepared, or the prepared "
                    "copy is gone. Open the file again.")
    elif is_disk_full(exc):
        why = tx.tr("The disk is full. Free some space and try again.")
    else:
        why = tx.tr("The new content could not be written: %1").replace("%1", str(exc))
    return why + "\n\n" + _nothing_changed()


class ContentUpdates(QObject):
    """Staff menu actions: open a content pack, restore the previous content."""

    finished = Signal(bool)  # True when new content is showing
    _start = Signal(str, str)
    _start_programme = Signal(str, str, str)

    def __init__(self, ctx: AppContext, parent_widget: QWidget,
                 swap: Callable[[Path], None]) -> None:
        super().__init__()
        self.ctx = ctx
        self.parent_widget = parent_widget
        self.swap = swap
        self.progress: QProgressDialog | None = None
        self._programme = False  # what the dialog is reading: a programme, else a pack
        self._zone = ""  # the zone a programme's file that names none is read in (the content's)
        # One flag per job sent to the worker, oldest first: True once the user cancelled
        # it. The worker cannot be interrupted (a calendar's recurrence rule can take
        # seconds): a cancelled job's result is thrown away when it comes.
        self._jobs: list[bool] = []
        self.last_message = ""
        self._thread = QThread()
        self._thread.setObjectName("content-import")
        self._worker = PrepareWorker(ctx.updates_config)
        self._worker.moveToThread(self._thread)
        self._start.connect(self._worker.prepare)
        self._start_programme.connect(self._worker.prepare_programme)
        self._worker.progressed.connect(self._progressed)
        self._worker.prepared.connect(self._prepared)
        self._worker.refused.connect(self._refused)
        self.open_action = QAction(self)
        self.open_action.setObjectName("openContentPack")
        self.open_action.triggered.connect(self.choose_pack)
        self.programme_action = QAction(self)
        self.programme_action.setObjectName("openProgramme")
        self.programme_action.triggered.connect(self.choose_programme)
        self.restore_action = QAction(self)
        self.restore_action.setObjectName("restorePreviousContent")
        self.restore_action.triggered.connect(self.restore)
        self.shipped_action = QAction(self)
        self.shipped_action.setObjectName("restoreShippedContent")
        self.shipped_action.triggered.connect(self.restore_shipped)
        # The content team's pack a kiosk's poll holds, as staff opened a programme by hand here.
        self.held_action = QAction(self)
        self.held_action.setObjectName("showHeldPack")
        self.held_action.setVisible(False)
        self.held_action.triggered.connect(self.take_held)
        self._held: tuple[Path, int] | None = None  # its file and version

    def retranslate(self) -> None:
        self.open_action.setText(tx.tr("Open content pack..."))
        self.programme_action.setText(tx.tr("Open programme..."))
        self.restore_action.setText(tx.tr("Restore previous content"))
        self.shipped_action.setText(tx.tr("Back to the content shipped with the guide..."))
        if self._held is not None:
            self.held_action.setText(filled(tx.tr("Show the content team's version %1..."),
                                             str(self._held[1])))

    def refresh_actions(self) -> None:
        """Restore is offered only when there is a previous content to go back to, the
        shipped content only when installed content is in use, the content team's version
        only while a poll holds one over a programme staff opened here."""
        updates = _updates()
        try:
            state = updates.slot_status()
        except updates.SlotStateError:
            state = updates.SlotState()
        self.restore_action.setEnabled(state.previous is not None)
        self.shipped_action.setEnabled(state.current is not None)
        try:
            held = updates.held_update(self.ctx.content_path)
        except (updates.SlotStateError, OSError):
            held = None
        self._held = None if held is None else (held.ready.pack_file, held.ready.version)
        self.held_action.setVisible(held is not None)
        self.retranslate()

    def take_held(self) -> None:
        """Open the pack a poll holds over the programme staff opened here, as "Open content
        pack..." opens one: what it changes, then a question."""
        if self._held is not None:
            self.start_import(self._held[0])

    def choose_pack(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, tx.tr("Open content pack"), str(Path.home()),
            tx.tr("Content packs (*.guidepack)"))
        if path:
            self.start_import(Path(path))

    def choose_programme(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.parent_widget, tx.tr("Open programme"), str(Path.home()), programme_file_filters())
        if path:
            self.start_programme(Path(path))

    def _show_progress(self, label: str) -> None:
        if not self._thread.isRunning():
            self._thread.start()
        self._jobs.append(False)
        self.progress = QProgressDialog(label, tx.tr("Cancel"), 0, 0, self.parent_widget)
        self.progress.setObjectName("importProgress")
        self.progress.canceled.connect(self._cancel)  # the button, Esc or closing the dialog
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)  # small packs finish before it shows

    def start_import(self, pack_file: Path) -> None:
        """Check and build ``pack_file`` in the background, then ask before switching."""
        self._programme = False
        self._show_progress(tx.tr("Checking the content pack..."))
        self._start.emit(str(pack_file), str(self.ctx.content_path))

    def start_programme(self, source: Path) -> None:
        """Import a schedule file in the background, then ask before switching, as for a pack.

        Times in a file that names no time zone are read in the zone of the content in use.
        A content pack opened here is offered to "Open content pack..." (it had been called a
        zip archive to unzip for its spreadsheet).
        """
        from guide.content.database import content_info
        from guide.updates.guidepack.format import is_pack_file

        if is_pack_file(source):
            self._offer_as_pack(source)
            return
        self._programme = True
        self._zone = content_info(self.ctx.content).timezone
        self._show_progress(tx.tr("Reading the programme..."))
        self._start_programme.emit(str(source), str(self.ctx.content_path), self._zone)

    def _offer_as_pack(self, source: Path) -> None:
        """Say that ``source`` is a content pack, not a programme, and offer to open it as one."""
        if boxes.ask(self.parent_widget, tx.tr("This is a content pack"), filled(tx.tr(
                "%1 is a content pack (.guidepack), not a programme file. Content packs open "
                "with “Open content pack...”. Open it as a content pack now?"), source.name)):
            self.start_import(source)
        else:
            self.finished.emit(False)

    def _cancel(self) -> None:
        """Stop waiting for the job on screen: nothing changes, whatever it brings."""
        if self._jobs:
            self._jobs[-1] = True
        self._close_progress()
        self.finished.emit(False)

    def _cancelled(self) -> bool:
        """Whether the job whose result has just come was cancelled (and forget it)."""
        return self._jobs.pop(0) if self._jobs else False

    @Slot(str, int, int)
    def _progressed(self, stage: str, done: int, total: int) -> None:
        if self.progress is None or (self._jobs and self._jobs[0]):  # a cancelled job's
            return
        labels = {"verify": tx.tr("Reading the programme...") if self._programme
                  else tx.tr("Checking signature and files..."),
                  "build": tx.tr("Building the new content..."),
                  "compare": tx.tr("Comparing with the content in use...")}
        self.progress.setLabelText(labels.get(stage, stage))
        self.progress.setMaximum(max(total, 0))
        self.progress.setValue(min(done, total))

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.blockSignals(True)  # closing a progress dialog says "canceled"
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    @Slot(object)
    def _prepared(self, prepared: PreparedUpdate) -> None:
        updates = _updates()
        if self._cancelled():
            updates.discard_update(prepared)
            return
        self._close_progress()
        lang = self.ctx.state.lang
        text = question_text(prepared, lang)
        if prepared.programme is not None:  # which clock its times are read on
            text += "\n" + zone_text(prepared.programme, self._zone)
        title = tx.tr("Load this content?")
        if prepared.replaces_pack:  # a signed pack of another programme, chosen by hand
            from guide.content.database import content_info

            info = content_info(self.ctx.content)
            text += "\n\n" + switch_text(tx.pick(info.name, info.name_en, lang) or prepared.replaces_pack)
            title = tx.tr("Switch to other content?")
        listing = summary_text(prepared.summary, lang)
        notes = import_notes_text(prepared.skipped, prepared.repaired, prepared.notices,
                                  prepared.columns, shown=SHOWN_TITLES)
        if notes:
            listing += f"\n\n{notes}"
        self.last_message = f"{text}\n\n{listing}"
        if not boxes.ask(self.parent_widget, title, text, listing):
            updates.discard_update(prepared)
            self.finished.emit(False)
            return
        try:
            applied = updates.commit_update(prepared)
        except (updates.UpdateRefused, OSError) as exc:
            # Yes had done nothing and said nothing (the error went to stderr).
            updates.discard_update(prepared)
            self._warn(not_switched_text(exc), [])
            self.finished.emit(False)
            return
        self.swap(applied.db_path)
        self.refresh_actions()
        self.finished.emit(True)

    @Slot(str, object, object)
    def _refused(self, reason: str, message: str, details: tuple[str, ...]) -> None:
        if self._cancelled():
            return
        self._close_progress()
        self._warn(message, details, reason)
        self.finished.emit(False)

    def _warn(self, message: str, details: Sequence[str], reason: str | None = None) -> None:
        """Say why the programme or pack was not loaded (in a box left open): with ``reason``,
        first what it means and what to do in the UI's language, then the file's specifics
        and its first problems (all of them under the box's details); the importer's own
        messages in the UI's language too."""
        message, details = said(message), said_all(details)
        self.last_message = "\n".join([message, *details])
        title = tx.tr("This programme was not loaded") if self._programme \
            else tx.tr("This content pack was not loaded")
        text = message
        if reason is not None:
            text = refusal_text(reason, self._programme) + "\n\n" + message
            text += "".join(f"\n   {d}" for d in details[:SHOWN_TITLES])
            if len(details) > SHOWN_TITLES:
                text += "\n   " + tx.tr("... and %1 more").replace("%1", str(len(details) - SHOWN_TITLES))
        box = boxes.message_box(self.parent_widget, QMessageBox.Icon.Warning, title, text,
                                name="importRefused")
        boxes.widen(box)
        if details:
            box.setDetailedText("\n".join(details))
        boxes.fit_height(box)
        box.open()

    def restore(self) -> bool:
        """Go back to the content that was in use before the last update."""
        if not boxes.ask(self.parent_widget, tx.tr("Restore previous content?"),
                         tx.tr("Show the content that was in use before the last update? "
                               "Bookmarks stay.")):
            return False
        updates = _updates()
        try:  # after "back to the shipped content", the content in use is the shipped one
            applied = updates.restore_previous(current_db=self.ctx.content_path)
        except (updates.UpdateRefused, OSError) as exc:  # nothing to restore, a full disk
            boxes.message_box(self.parent_widget, QMessageBox.Icon.Warning,
                              tx.tr("The previous content was not restored"),
                              not_switched_text(exc), name="restoreRefused").open()
            return False
        self.swap(applied.db_path)
        self.refresh_actions()
        return True

    def restore_shipped(self) -> bool:
        """Go back to the content shipped with the guide; the content in use stays as the
        previous one, for "Restore previous content". After two content switches there had
        been no way back to it (only the last two are kept)."""
        if not boxes.ask(self.parent_widget, tx.tr("Back to the content shipped with the guide?"),
                         tx.tr("Show the content shipped with the guide again? The content shown "
                               "now can be brought back with “Restore previous content”. "
                               "Bookmarks stay.")):
            return False
        from guide.locate import shipped_content_db

        updates = _updates()
        try:
            applied = updates.restore_shipped(shipped_content_db())
        except (updates.UpdateRefused, OSError) as exc:  # shown already, a full disk
            boxes.message_box(self.parent_widget, QMessageBox.Icon.Warning,
                              tx.tr("The shipped content was not restored"),
                              not_switched_text(exc), name="restoreRefused").open()
            return False
        self.swap(applied.db_path)
        self.refresh_actions()
        return True

    def shutdown(self) -> None:
        """End the worker's thread: a job in hand stops at its next step, and the thread is
        waited for however long that takes (destroyed while running, it aborts the process)."""
        if self._thread.isRunning():
            self._worker.stop.set()
            self._thread.quit()
            self._thread.wait()
