"""Search results grouped by kind: a header row per kind (with its count), then its hits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from guide.search import SearchHit
from guide.ui.models.lazy import IdRole, ItemRole, KindRole

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class GroupHeader:
    kind: str
    count: int
    capped: bool


@dataclass(frozen=True)
class Suggestion:
    text: str
    label: str


Row = GroupHeader | SearchHit | Suggestion


KIND_ORDER = ("forum", "area", "announcement", "photo", "person", "organization", "figure")


def group_hits(hits: list[SearchHit], counts: dict[str, int], cap: int) -> list[Row]:
    """Headers and hits: the kind with the best hit first, hits by score within a kind.

    Kinds whose best hits are equally good (same number of pieces matched in a title at
    the same tiers: the score's part above 10) keep a fixed order, forums first.
    """
    by_kind: dict[str, list[SearchHit]] = {}
    for hit in sorted(hits, key=lambda h: -h.score):
        by_kind.setdefault(hit.kind, []).append(hit)
    rows: list[Row] = []
    order = {kind: i for i, kind in enumerate(KIND_ORDER)}
    def group_key(item: tuple[str, list[SearchHit]]) -> tuple[int, int]:
        kind, group = item
        return (-int(group[0].score // 10), order.get(kind, len(order)))

    for kind, group in sorted(by_kind.items(), key=group_key):
        count = max(counts.get(kind, 0), len(group))
        rows.append(GroupHeader(kind, count, count >= cap))
        rows.extend(group)
    return rows


class SearchResultsModel(QAbstractListModel):
    """Rows of the results list: headers are shown but cannot be selected or opened."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[Row]:
        return list(self._rows)

    def hits(self) -> list[SearchHit]:
        return [r for r in self._rows if isinstance(r, SearchHit)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == ItemRole:
            return row
        if isinstance(row, SearchHit):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{row.title} — {row.snippet}"
            if role == KindRole:
                return row.kind
            if role == IdRole:
                return row.id
        elif isinstance(row, GroupHeader):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return f"{row.kind}: {row.count}"
        elif role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.label
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], GroupHeader):
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def selectable_row(self, start: int, step: int) -> int:
        """The next row from ``start`` in direction ``step`` that can be selected, or -1."""
        row = start
        while 0 <= row < len(self._rows):
            if not isinstance(self._rows[row], GroupHeader):
                return row
            row += step
        return -1


