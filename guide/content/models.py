"""Frozen dataclasses that the query API returns: the guide's read-only view of its content.

Every kind has a ``kind`` class attribute and ``title``/``title_en``, so lists,
search results, bookmarks and JSON output can treat items alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

KINDS = ("forum", "area", "announcement", "photo", "person", "organization", "figure", "room",
         "track")
# Every item's id, in every pack (guide.content.pack checks it): a bookmark file's id of
# another shape names nothing any content can hold.
ITEM_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,79}$"

# Chinese role words as printed, with the English the UI shows beside them.
ROLE_EN = {
    "指导": "Guidance",
    "主办": "Host",
    "承办": "Organiser",
    "具体承办": "Executive organiser",
    "协办": "Co-organiser",
    "联合发起": "Co-initiator",
    "牵头发起": "Lead initiator",
    "创始成员": "Founding member",
    # Of a launch: who launched (发布) a platform or programme at a forum, and who with it.
    "发布": "Launcher",
    "联合发布": "Co-launcher",
}

# The page's qualifiers of a number, in English. 以上 ("or more") follows the number, the
# others precede it.
QUALIFIER_EN = {"超过": "more than", "余": "more than", "多": "more than", "近": "nearly",
                "约": "about", "以上": "or more"}

FORUM_KIND_EN = {
    "opening": "Opening ceremony",
    "parallel_forum": "Parallel forum",
    "conference": "Conference",
    "sub_forum": "Sub-forum",
    "session": "Session",
}


def kind_noun(kind: str, forum_kind: str | None) -> str:
    """What English text calls an item: an imported programme's talk (a forum row of kind
    ``session``) is a "session", as the app labels it (:data:`FORUM_KIND_EN`); any other
    item its kind."""
    if kind == "forum" and forum_kind == "session":
        return FORUM_KIND_EN["session"].lower()
    return kind


FORUM_KIND_ZH = {
    "opening": "开幕式",
    "parallel_forum": "平行论坛",
    "conference": "大会",
    "sub_forum": "分论坛",
    "session": "场次",
}


@dataclass(frozen=True)
class ItemCard:
    """What one row of a list shows for any kind of item."""

    kind: str
    id: str
    title: str
    title_en: str
    subtitle: str | None
    date: str | None
    subtitle_en: str | None = None


@dataclass(frozen=True)
class ForumRow:
    """A forum as a schedule row shows it."""

    kind: ClassVar[str] = "forum"
    id: str
    forum_kind: str
    title: str
    title_en: str
    series: str | None
    date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str | None
    organisers: tuple[tuple[str, str], ...]  # (organisation name, role)
    organisers_en: tuple[str, ...] = ()  # the same organisations' English names, in order
    series_en: str | None = None
    # An imported session's programme data (None for the newspaper's forums).
    guid: str | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    room: str | None = None  # the room's title
    room_id: str | None = None
    track: str | None = None  # the track's title
    track_id: str | None = None
    type: str | None = None

    @property
    def time_known(self) -> bool:
        return self.start_time is not None


@dataclass(frozen=True)
class Figure:
    """A key figure of the forum: a value with its unit, label and where it was reported."""

    kind: ClassVar[str] = "figure"
    id: str
    label: str
    label_en: str
    value: float
    unit: str
    unit_en: str
    qualifier: str | None
    year: int | None
    group: str | None
    quote: str
    source_kind: str
    source_id: str
    display: str | None = None
    display_en: str | None = None
    quote_en: str | None = None

    @property
    def title(self) -> str:
        return self.label

    @property
    def qualifier_en(self) -> str | None:
        return QUALIFIER_EN.get(self.qualifier or "")

    @property
    def title_en(self) -> str:
        return self.label_en


@dataclass(frozen=True)
class ContentInfo:
    """Which content a database holds."""

    pack_id: str
    pack_version: int
    title: str
    title_en: str
    source: str
    timezone: str
    fingerprint: str
    built_at: str
    schema_version: int
    signer: str | None
    name: str = ""  # the event's name for the window's title bar
    name_en: str = ""
    forums_subtitle: str = ""  # the Forums page's line under its title ("" : none)
    forums_subtitle_en: str = ""
    forums_label: str = ""  # the pack's name for its forums ("" : the guide's own word)
    forums_label_en: str = ""


