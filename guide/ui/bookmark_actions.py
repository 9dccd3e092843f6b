"""Bookmark actions for the whole window: toggle, remove, undo, clear — one place, one signal.

Every change goes through :class:`BookmarkActions`, which writes the user database at
once (guide.user commits each change) and emits ``ctx.state.bookmarks_changed`` so
every view showing the item repaints. A change that cannot be written (a full or
read-only disk) changes nothing, says why through ``save_failed``, and the views show
again what is stored.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from guide.ui import text as tx
from guide.ui.context import UiState
from guide.user import marks

if TYPE_CHECKING:
    from guide.user.bookmarks import Bookmark

T = TypeVar("T")
log = logging.getLogger("guide")


class BookmarkActions(QObject):
    """Bookmark changes with an undo stack of removals."""

    save_failed = Signal(str)  # why a change was not saved, in the UI's language

    def __init__(self, user: sqlite3.Connection, content: sqlite3.Connection, state: UiState) -> None:
        super().__init__()
        self.user = user
        self.content = content
        self.state = state
        self._undo: list[list[Bookmark]] = []

    def is_bookmarked(self, kind: str, item_id: str) -> bool:
        return marks.is_bookmarked(self.user, kind, item_id)

    def bookmarked_ids(self, kind: str) -> set[str]:
        """Ids of every bookmarked item of ``kind`` (for views that mark many at once)."""
        return marks.bookmarked_ids(self.user, kind)

    def toggle(self, kind: str, item_id: str) -> bool:
        """Bookmark or un-bookmark; un-bookmarking can be undone. Returns the new state."""
        from guide.user import bookmarks as store

        if marks.is_bookmarked(self.user, kind, item_id):
            self.remove(kind, item_id)
            return marks.is_bookmarked(self.user, kind, item_id)
        if self._saved(lambda: store.add_bookmark(self.user, self.content, kind, item_id),
                       kind, item_id) is None:
            return False
        self.state.bookmarks_changed.emit(kind, item_id)
        return True

    def remove(self, kind: str, item_id: str) -> None:
        from guide.user import bookmarks as store

        removed = self._saved(lambda: store.remove_bookmark(self.user, kind, item_id), kind, item_id)
        if removed is not None:
            self._undo.append([removed])
            self.state.bookmarks_changed.emit(kind, item_id)

    def clear_all(self) -> int:
        from guide.user import bookmarks as store

        removed = self._saved(lambda: store.clear_bookmarks(self.user), "", "") or []
        if removed:
            self._undo.append(removed)
            self.state.bookmarks_changed.emit("", "")
        return len(removed)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def undo(self) -> int:
        """Put back what the last remove or clear took away; returns how many."""
        if not self._undo:
            return 0
        batch = self._undo[-1]
        from guide.user import bookmarks as store

        restored = self._saved(lambda: store.restore_bookmarks(self.user, batch), "", "")
        if restored is None:
            return 0  # still on the stack: Undo can be tried again once there is room
        self._undo.pop()
        self.state.bookmarks_changed.emit("", "")
        return restored

    def forget_undo(self) -> None:
        """Drop the undo stack (a kiosk visitor leaves: nothing of theirs may come back)."""
        self._undo.clear()

    def _saved(self, change: Callable[[], T], kind: str, item_id: str) -> T | None:
        """``change()``, or None when the user database cannot be written: nothing changed,
        ``save_failed`` says why and every view shows the stored state again (a pressed
        Bookmark button had stayed pressed with nothing saved)."""
        try:
            return change()
        except sqlite3.Error as exc:
            log.warning("bookmark change not saved: %s", exc)
            self.save_failed.emit(not_saved_reason(exc, self.user))
            self.state.bookmarks_changed.emit(kind, item_id)
            return None


def not_saved_reason(exc: sqlite3.Error, user: sqlite3.Connection) -> str:
    """The one-line reason a bookmark change was not saved: a full disk and a read-only one
    named as such."""
    from pathlib import Path

    from guide.files import is_disk_full
    from guide.user.db import on_read_only_disk

    path = Path(user.execute("PRAGMA database_list").fetchone()[2] or ".")
    if is_disk_full(exc, path.parent):
        why = tx.tr("the disk is full. Free some space and try again.")
    elif (getattr(exc, "sqlite_errorcode", 0) & 0xFF == 8 or "readonly" in str(exc)  # SQLITE_READONLY
          or on_read_only_disk(path.parent)):  # remounted read-only: SQLite says "disk I/O error"
        why = tx.tr("the disk or the bookmarks file is read-only.")
    else:
        why = tx.tr("the bookmarks file could not be written (%1).").replace("%1", str(exc))
    return tx.tr("Your bookmarks were not changed: %1 The bookmarks you have are kept.").replace("%1", why)
