"""Search results grouped by kind: a header row per kind (with its count), then its hits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt

from guide.content.models import Figure
from guide.search import SearchHit
from guide.ui import text as tx
from guide.ui.kinds import kind_group, kind_label
from guide.ui.models.lazy import BookmarkedRole, IdRole, KindRole
from guide.ui.models.rows import RowsModel


@dataclass(frozen=True)
class GroupHeader:
    kind: str
    count: int
    capped: bool
    sessions: bool = False  # forums that are an imported programme's sessions


@dataclass(frozen=True)
class Suggestion:
    text: str
    label: str


Row = GroupHeader | SearchHit | Suggestion


KIND_ORDER = ("forum", "area", "announcement", "photo", "person", "organization", "figure")


def group_hits(hits: list[SearchHit], counts: dict[str, int], cap: int, *,
               sessions: bool = False) -> list[Row]:
    """Headers and hits: the kind with the best hit first, hits by score within a kind;
    with ``sessions`` (the content is an imported programme) forums are headed Sessions.

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
        rows.append(GroupHeader(kind, count, count >= cap, sessions and kind == "forum"))
        rows.extend(group)
    return rows


def _headed(title: str, marks: tuple[tuple[int, int], ...], heading: str,
            label: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``heading`` (which holds ``label``, the indexed title) with ``title``'s marks moved
    onto the label in it; ``title`` and its marks as they were when it does not."""
    at = heading.find(label) if title == label else -1
    if at < 0:
        return title, marks
    return heading, tuple((s + at, e + at) for s, e in marks)


def with_figure_headings(hits: list[SearchHit], figures: dict[str, Figure]) -> list[SearchHit]:
    """Key-figure hits titled as their rows elsewhere are: number, measure, year. Titled by
    their measure alone, the 2018 and 2022 figures of one measure were two identical rows."""
    out = []
    for hit in hits:
        figure = figures.get(hit.id) if hit.kind == "figure" else None
        if figure is None:
            out.append(hit)
            continue
        title, title_marks = _headed(hit.title, hit.title_marks, tx.figure_heading(figure, "zh"),
                                     figure.label)
        title_en, title_en_marks = _headed(hit.title_en, hit.title_en_marks,
                                           tx.figure_heading(figure, "en"), figure.label_en)
        out.append(replace(hit, title=title, title_marks=title_marks, title_en=title_en,
                           title_en_marks=title_en_marks))
    return out


def group_heading(header: GroupHeader) -> str:
    """A group's heading as shown and read out: "Forums · 3", "论坛日程 · 100+"."""
    count = f"{header.count}+" if header.capped else str(header.count)
    # A programme's talks are "Sessions", as its bookmarks head them, not forums.
    name = tx.tr("Sessions") if header.sessions else kind_group(header.kind)
    return f"{name} · {count}"


# What an item's search names hold, by kind (guide/content/search_docs.py): the label of a
# snippet cut from them. A forum's also hold its launches and series, a session's its room
# and track: hence "etc.".
NAMES_LABELS = {
    "forum": QT_TRANSLATE_NOOP("tx", "Organisers, speakers etc."),
    "area": QT_TRANSLATE_NOOP("tx", "Part of"),
    "announcement": QT_TRANSLATE_NOOP("tx", "Subheading, byline"),
    "photo": QT_TRANSLATE_NOOP("tx", "Photographer, area"),
    "person": QT_TRANSLATE_NOOP("tx", "Organisation"),
    "organization": QT_TRANSLATE_NOOP("tx", "Short name, parent organisation"),
}


def hit_snippet(hit: SearchHit, lang: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet a hit's card shows in the UI language ``lang``, with its marks: the
    English one when the hit has an English title, else the Chinese one; a list of names
    (organisers, speakers …) labelled as such, not shown bare as if it were the text."""
    if lang == "en" and hit.title_en:
        return hit.snippet_en, hit.snippet_en_marks
    prefix = _names_label(hit, lang)
    shift = len(prefix)
    return prefix + hit.snippet, tuple((s + shift, e + shift) for s, e in hit.snippet_marks)


def _names_label(hit: SearchHit, lang: str) -> str:
    """The label before a Chinese snippet of names ("Organisers, speakers etc.: "), or ""."""
    if not (hit.snippet_names and hit.snippet):
        return ""
    label = tx.tr(str(NAMES_LABELS.get(hit.kind, QT_TRANSLATE_NOOP("tx", "Names"))))
    return f"{label}: " if lang == "en" else f"{label}："


def spoken_hit(hit: SearchHit, lang: str) -> str:
    """A hit as a screen reader says it: the title the card shows first, the kind, then only
    the start of the snippet (all ~300 characters of it kept the next hit far away)."""
    english = lang == "en" and bool(hit.title_en)  # as the card: no English title, Chinese
    title, snippet = (hit.title_en, hit.snippet_en) if english else (hit.title, hit.snippet)
    lead = tx.lead(snippet or "", "en" if english else "zh")
    parts = (title, kind_label(hit.kind), (_names_label(hit, lang) if lead and not english else "") + lead)
    return ". ".join(p for p in parts if p)


class SearchResultsModel(RowsModel):
    """Rows of the results list: headers are shown but cannot be selected or opened."""

    lang = "zh"  # the language rows are read out in; the page sets it

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.is_bookmarked: Callable[[str, str], bool] = lambda kind, item_id: False  # the page sets it

    def hits(self) -> list[SearchHit]:
        return [r for r in self._rows if isinstance(r, SearchHit)]

    def is_header(self, row: Any) -> bool:
        return isinstance(row, GroupHeader)

    def row_data(self, row: Any, role: int) -> Any:
        text_roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if isinstance(row, SearchHit):
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return spoken_hit(row, self.lang)
            if role == BookmarkedRole:  # the star fills, as on every other list
                return self.is_bookmarked(row.kind, row.id)
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:  # and it is heard
                return tx.tr("Bookmarked") if self.is_bookmarked(row.kind, row.id) else None
            if role == Qt.ItemDataRole.DisplayRole:  # the card's words, its label included
                title, _snippet = row.marked("", "", lang=self.lang)
                return f"{title} — {hit_snippet(row, self.lang)[0]}"
            return {KindRole: row.kind, IdRole: row.id}.get(role)
        if isinstance(row, GroupHeader):
            return group_heading(row) if role in text_roles else None  # read as it is shown
        return row.label if role in text_roles else None
