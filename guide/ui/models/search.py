"""Search results grouped by kind: a header row per kind (with its count), then its hits."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from guide.search import SearchHit
from guide.ui.models.lazy import IdRole, KindRole
from guide.ui.models.rows import RowsModel


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


class SearchResultsModel(RowsModel):
    """Rows of the results list: headers are shown but cannot be selected or opened."""

    lang = "zh"  # the language rows are read out in; the page sets it

    def hits(self) -> list[SearchHit]:
        return [r for r in self._rows if isinstance(r, SearchHit)]

    def is_header(self, row: Any) -> bool:
        return isinstance(row, GroupHeader)

    def row_data(self, row: Any, role: int) -> Any:
        text_roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if isinstance(row, SearchHit):
            if role in text_roles:
                title, snippet = row.marked("", "", lang=self.lang)
                return f"{title} — {snippet}"
            return {KindRole: row.kind, IdRole: row.id}.get(role)
        if isinstance(row, GroupHeader):
            more = "+" if row.capped else ""  # read out as the header shows it
            return f"{row.kind}: {row.count}{more}" if role in text_roles else None
        return row.label if role in text_roles else None
