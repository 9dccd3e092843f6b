"""A list model over item ids that fetches rows only when a view paints them.

The model holds ids (cheap even at 100,000 items) and asks ``fetch(ids)`` for a
page of rows the first time any row of that page is shown, so opening a list
costs one id query and scrolling costs one small query per page.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

ItemRole = Qt.ItemDataRole.UserRole + 1
KindRole = Qt.ItemDataRole.UserRole + 2
IdRole = Qt.ItemDataRole.UserRole + 3
BookmarkedRole = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex


class LazyItemModel(QAbstractListModel):
    """Rows for ``ids`` of one kind, fetched page by page through ``fetch``."""

    PAGE = 100
    MAX_PAGES = 50  # keep memory flat while scrolling through 100,000 rows

    def __init__(
        self,
        kind: str,
        fetch: Callable[[Sequence[str]], list[Any]],
        title: Callable[[Any], str] = lambda item: str(getattr(item, "title", "")),
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._fetch = fetch
        self._title = title
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[Any]] = OrderedDict()
        self.is_bookmarked: Callable[[str, str], bool] = lambda kind, item_id: False
        # (name, description) for screen readers: what the row's delegate shows, in the UI's
        # language; set by list_view from the delegate.
        self.describe: Callable[[Any], tuple[str, str]] | None = None

    def set_ids(self, ids: Sequence[str]) -> None:
        """Show these ids (e.g. another day or filter); rows are fetched on demand."""
        self.beginResetModel()
        self._ids = list(ids)
        self._pages.clear()
        self.endResetModel()

    def ids(self) -> list[str]:
        return list(self._ids)

    def refresh(self) -> None:
        """Drop fetched rows (content or language changed) and repaint."""
        self._pages.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1))

    def item_at(self, row: int) -> Any | None:
        if not 0 <= row < len(self._ids):
            return None
        page_no = row // self.PAGE
        page = self._pages.get(page_no)
        if page is None:
            chunk = self._ids[page_no * self.PAGE:(page_no + 1) * self.PAGE]
            fetched = {getattr(x, "id", None): x for x in self._fetch(chunk)}
            page = [fetched.get(i) for i in chunk]
            self._pages[page_no] = page
            while len(self._pages) > self.MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * self.PAGE]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == IdRole:
            return self._ids[index.row()]
        if role == KindRole:
            return self.kind
        if role == BookmarkedRole:
            return self.is_bookmarked(self.kind, self._ids[index.row()])
        item = self.item_at(index.row())
        if item is None:
            return None
        if role == ItemRole:
            return item
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            name, description = self.describe(item) if self.describe is not None else (self._title(item), "")
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return name
            if self.is_bookmarked(self.kind, self._ids[index.row()]):  # heard, as the star is seen
                from guide.ui import text as tx

                description = ". ".join(t for t in (tx.tr("Bookmarked"), description) if t)
            return description or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._title(item)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
