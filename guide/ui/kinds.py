"""What the guide calls each kind of item, one and many, in the UI's language (a light module:
the section list, search, bookmarks and detail pages all name kinds the same way)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from guide.ui import text as tx

KIND_LABELS = {
    "forum": QT_TRANSLATE_NOOP("tx", "Forum"),
    # The exhibition, its areas and the technology fields on show are all of this kind:
    # "Exhibition area" alone called Artificial Intelligence an area. See area_kind_label.
    "area": QT_TRANSLATE_NOOP("tx", "Exhibition"),
    # As the section names them: items called "Announcement" (公告) under "News" (新闻公告)
    # read as two kinds of thing.
    "announcement": QT_TRANSLATE_NOOP("tx", "News"),
    "photo": QT_TRANSLATE_NOOP("tx", "Photo"),
    "person": QT_TRANSLATE_NOOP("tx", "Person"),
    "organization": QT_TRANSLATE_NOOP("tx", "Organisation"),
    "figure": QT_TRANSLATE_NOOP("tx", "Figure"),
    "room": QT_TRANSLATE_NOOP("tx", "Room"),
    "track": QT_TRANSLATE_NOOP("tx", "Track"),
}


AREA_KIND_LABELS = {
    "exhibition": QT_TRANSLATE_NOOP("tx", "Exhibition"),
    "area": QT_TRANSLATE_NOOP("tx", "Exhibition area"),
    "field": QT_TRANSLATE_NOOP("tx", "Technology field"),
}


# A group of items of one kind, as search and bookmarks head them (and the sections name them).
KIND_GROUPS = {
    "forum": QT_TRANSLATE_NOOP("tx", "Forums"),
    "area": QT_TRANSLATE_NOOP("tx", "Exhibition"),  # the exhibition, its areas and fields
    "announcement": QT_TRANSLATE_NOOP("tx", "News"),  # short: the section list keeps it at 200%
    "photo": QT_TRANSLATE_NOOP("tx", "Photos"),
    "person": QT_TRANSLATE_NOOP("tx", "People"),
    "organization": QT_TRANSLATE_NOOP("tx", "Organisations"),
    "figure": QT_TRANSLATE_NOOP("tx", "Figures"),
    "room": QT_TRANSLATE_NOOP("tx", "Rooms"),
    "track": QT_TRANSLATE_NOOP("tx", "Tracks"),
}


def kind_group(kind: str) -> str:
    """Forums / 论坛日程, People / 人物 …: the heading of a kind's group (translated)."""
    return tx.tr(str(KIND_GROUPS.get(kind, kind)))


def kind_label(kind: str) -> str:
    """Forum / 论坛 … (translated)."""
    return tx.tr(str(KIND_LABELS.get(kind, kind)))


def area_kind_label(area_kind: str) -> str:
    """What one item of the exhibition is: the exhibition itself, an area of it or a
    technology field on show (translated)."""
    return tx.tr(str(AREA_KIND_LABELS.get(area_kind, KIND_LABELS["area"])))
