"""Bookmark actions for the whole window: toggle, remove, undo, clear — one place, one signal.

Every change goes through :class:`BookmarkActions`, which writes the user database at
once (guide.user commits each change) and emits ``ctx.state.bookmarks_changed`` so
every view showing the item repaints.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from guide.ui.context import UiState
from guide.user import marks

if TYPE_CHECKING:
    from guide.user.bookmarks import Bookmark


class BookmarkActions(QObject):
    """Bookmark changes with an undo stack of removals."""

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
            return False
        store.add_bookmark(self.user, self.content, kind, item_id)
        self.state.bookmarks_changed.emit(kind, item_id)
        return True

    def remove(self, kind: str, item_id: str) -> None:
        from guide.user import bookmarks as store

        removed = store.remove_bookmark(self.user, kind, item_id)
        if removed is not None:
            self._undo.append([removed])
            self.state.bookmarks_changed.emit(kind, item_id)

    def clear_all(self) -> int:
        from guide.user import bookmarks as store

        removed = store.clear_bookmarks(self.user)
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
        batch = self._undo.pop()
        from guide.user import bookmarks as store

        restored = store.restore_bookmarks(self.user, batch)
        self.state.bookmarks_changed.emit("", "")
        return restored

    def forget_undo(self) -> None:
        """Drop the undo stack (a kiosk visitor leaves: nothing of theirs may come back)."""
        self._undo.clear()
