"""A list model over a plain list of row objects, some of which are section headers."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from guide.ui.models.lazy import ItemRole

Index = QModelIndex | QPersistentModelIndex


class RowsModel(QAbstractListModel):
    """Rows given whole (search results, bookmarks); headers show but cannot be selected.

    Subclasses say which rows are headers and what a row shows for a role.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def is_header(self, row: Any) -> bool:
        return False

    def row_data(self, row: Any, role: int) -> Any:
        """What ``row`` shows for ``role`` (ItemRole is handled here)."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        return row if role == ItemRole else self.row_data(row, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        if not self.is_header(self._rows[index.row()]):
            flags |= Qt.ItemFlag.ItemIsSelectable
        return flags

    def selectable_row(self, start: int, step: int) -> int:
        """The next row from ``start`` in direction ``step`` that can be selected, or -1."""
        row = start
        while 0 <= row < len(self._rows):
            if not self.is_header(self._rows[row]):
                return row
            row += step
        return -1
