"""The timetable grid's model: one row per timed session of the day, its place in roles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from guide.content.timetable import Block, DayGrid, clashes
from guide.ui.models.lazy import BookmarkedRole, IdRole, ItemRole, KindRole

Index = QModelIndex | QPersistentModelIndex

ColumnRole = Qt.ItemDataRole.UserRole + 20  # the room's column (int)
StartRole = Qt.ItemDataRole.UserRole + 21  # wall-clock start (datetime)
EndRole = Qt.ItemDataRole.UserRole + 22  # wall-clock end (datetime; None when not given)
LaneRole = Qt.ItemDataRole.UserRole + 23  # (lane, lanes) beside overlapping sessions of its room
ClashRole = Qt.ItemDataRole.UserRole + 24  # bookmarked and overlapping another bookmark
BlockRole = Qt.ItemDataRole.UserRole + 25  # the Block itself, for the view's painting


class TimetableModel(QAbstractListModel):
    """Sessions of a :class:`DayGrid`, by room then start; ``describe`` words a row for
    tooltips and screen readers (set by the view from its delegate)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid: DayGrid | None = None
        self._bookmarked: set[str] = set()
        self._clashes: set[str] = set()
        self.describe: Callable[[Block], tuple[str, str]] | None = None

    def set_grid(self, grid: DayGrid | None, bookmarked: set[str] | None = None) -> None:
        self.beginResetModel()
        self.grid = grid
        self._bookmarked = set(bookmarked or ())
        self._clashes = clashes(grid, self._bookmarked) if grid else set()
        self.endResetModel()

    def set_bookmarked(self, bookmarked: set[str]) -> None:
        """Bookmarks changed: new stars and clash marks, same rows."""
        self._bookmarked = set(bookmarked)
        self._clashes = clashes(self.grid, self._bookmarked) if self.grid else set()
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1),
                                  [BookmarkedRole, ClashRole])

    def block(self, row: int) -> Block | None:
        grid = self.grid
        return grid.blocks[row] if grid is not None and 0 <= row < len(grid.blocks) else None

    def is_bookmarked(self, session_id: str) -> bool:
        return session_id in self._bookmarked

    def is_clash(self, session_id: str) -> bool:
        return session_id in self._clashes

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.grid is None else len(self.grid.blocks)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        block = self.block(index.row()) if index.isValid() else None
        if block is None:
            return None
        plain = {
            BlockRole: block, ItemRole: block.entry, KindRole: "forum", IdRole: block.id,
            BookmarkedRole: block.id in self._bookmarked, ClashRole: block.id in self._clashes,
            ColumnRole: block.column, StartRole: block.entry.start,
            EndRole: block.entry.end, LaneRole: (block.lane, block.lanes),
        }
        if role in plain:
            return plain[role]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            name, description = self.describe(block) if self.describe else (block.entry.title, "")
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{name}\n{description}" if description else name
            return description if role == Qt.ItemDataRole.AccessibleDescriptionRole else name
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)
