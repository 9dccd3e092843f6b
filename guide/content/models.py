"""Frozen dataclasses that the query API returns: the guide's read-only view of its content.

Every kind has a ``kind`` class attribute and ``title``/``title_en``, so lists,
search results, bookmarks and JSON output can treat items alike.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

KINDS = ("forum", "area", "announcement", "photo", "person", "organization", "figure", "room",
         "track")

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
    "发布": "Publisher",  # of a launch: a platform, report or programme released at a forum
    "联合发布": "Co-publisher",
}

# The page's qualifiers of a number, in English.
QUALIFIER_EN = {"超过": "more than", "余": "more than", "多": "more than", "近": "nearly",
                "约": "about"}

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
class Organization:
    kind: ClassVar[str] = "organization"
    id: str
    name: str
    name_en: str
    short_name: str | None
    parent_id: str | None
    short_name_en: str | None = None

    @property
    def title(self) -> str:
        return self.name

    @property
    def title_en(self) -> str:
        return self.name_en


@dataclass(frozen=True)
class Person:
    kind: ClassVar[str] = "person"
    id: str
    name: str
    name_en: str
    position: str | None
    position_en: str | None
    organization_id: str | None
    pinyin_alt: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.name

    @property
    def title_en(self) -> str:
        return self.name_en


@dataclass(frozen=True)
class OrgPart:
    """An organisation with its part in a forum or launch."""

    organization: Organization
    role: str

    @property
    def role_en(self) -> str:
        return ROLE_EN.get(self.role, self.role)


@dataclass(frozen=True)
class Statement:
    """One thing a speaker said: a verbatim direct quote, or reported speech."""

    text: str
    text_en: str | None
    direct: bool


@dataclass(frozen=True)
class Speaker:
    person: Person
    said: tuple[str, ...]
    said_en: tuple[str | None, ...] = ()
    direct: tuple[bool, ...] = ()

    @property
    def statements(self) -> tuple[Statement, ...]:
        """What was said, each marked direct (quoted on the page) or reported."""
        return tuple(
            Statement(text, self.said_en[i] if i < len(self.said_en) else None,
                      self.direct[i] if i < len(self.direct) else False)
            for i, text in enumerate(self.said))


@dataclass(frozen=True)
class Launch:
    title: str
    title_en: str
    summary: str | None
    by: tuple[OrgPart, ...]
    summary_en: str | None = None


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
class Forum:
    kind: ClassVar[str] = "forum"
    row: ForumRow
    summary: str
    summary_en: str
    attendance: str | None
    text: tuple[str, ...]
    source_id: str | None
    organisers: tuple[OrgPart, ...]
    speakers: tuple[Speaker, ...]
    launches: tuple[Launch, ...]
    attendance_en: str | None = None
    text_en: tuple[str, ...] = ()
    subtitle: str | None = None
    language: str | None = None
    url: str | None = None
    links: tuple[tuple[str, str | None], ...] = ()  # (url, title)

    @property
    def id(self) -> str:
        return self.row.id

    @property
    def title(self) -> str:
        return self.row.title

    @property
    def title_en(self) -> str:
        return self.row.title_en


@dataclass(frozen=True)
class Area:
    kind: ClassVar[str] = "area"
    id: str
    area_kind: str
    title: str
    title_en: str
    parent_id: str | None
    start_date: dt.date | None
    end_date: dt.date | None
    city: str | None
    venue: str | None
    summary: str
    summary_en: str
    image: str | None
    source_id: str | None
    city_en: str | None = None
    venue_en: str | None = None


@dataclass(frozen=True)
class Announcement:
    kind: ClassVar[str] = "announcement"
    id: str
    announcement_kind: str
    headline: str
    subheadline: str | None
    title_en: str
    summary_en: str
    byline: str | None
    reporter_id: str | None
    date: dt.date | None
    paragraphs: tuple[str, ...]
    subheadline_en: str | None = None
    byline_en: str | None = None
    paragraphs_en: tuple[str, ...] = ()

    @property
    def title(self) -> str:
        return self.headline


@dataclass(frozen=True)
class Photo:
    kind: ClassVar[str] = "photo"
    id: str
    caption: str
    caption_en: str
    credit_role: str | None
    photographer_id: str | None
    photographer: str | None
    photographer_en: str | None
    credit_suffix: str | None
    area_id: str | None
    announcement_id: str | None
    image: str | None
    credit_role_en: str | None = None

    @property
    def title(self) -> str:
        return self.caption

    @property
    def title_en(self) -> str:
        return self.caption_en

    @property
    def credit(self) -> str:
        """The credit line as printed: ``本报记者 李洋/摄``."""
        who = " ".join(p for p in (self.credit_role, self.photographer) if p)
        return f"{who}/{self.credit_suffix}" if self.credit_suffix and who else who

    @property
    def credit_en(self) -> str:
        """The credit in English: ``Photo: Li Yang, staff reporter``."""
        who = ", ".join(p for p in (self.photographer_en, self.credit_role_en) if p)
        return f"Photo: {who}" if who else ""


@dataclass(frozen=True)
class Figure:
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
class Room:
    """A room of an imported programme."""

    kind: ClassVar[str] = "room"
    id: str
    title: str
    title_en: str
    guid: str | None = None


@dataclass(frozen=True)
class Track:
    """A track of an imported programme."""

    kind: ClassVar[str] = "track"
    id: str
    title: str
    title_en: str
    color: str | None = None


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


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def _org_part(o: OrgPart) -> dict[str, Any]:
    return {"id": o.organization.id, "name": o.organization.name,
            "name_en": o.organization.name_en, "role": o.role, "role_en": o.role_en}


def to_json(item: Any) -> dict[str, Any]:
    """A JSON-ready dict with ``kind``, ``id``, ``title``, ``title_en`` and the kind's fields."""
    out: dict[str, Any] = {"kind": item.kind, "id": item.id, "title": item.title,
                           "title_en": item.title_en}
    if isinstance(item, Forum):
        body = {f.name: getattr(item.row, f.name) for f in fields(item.row)}
        body.update({f.name: getattr(item, f.name) for f in fields(item) if f.name != "row"})
        body.pop("organisers_en", None)
        body["organisers"] = [_org_part(o) for o in item.organisers]
        body["speakers"] = [
            {"id": s.person.id, "name": s.person.name, "name_en": s.person.name_en,
             "position": s.person.position, "position_en": s.person.position_en,
             "said": list(s.said), "said_en": [st.text_en for st in s.statements],
             "direct": [st.direct for st in s.statements],
             "statements": [{"text": st.text, "text_en": st.text_en, "direct": st.direct}
                            for st in s.statements]}
            for s in item.speakers
        ]
        body["links"] = [{"url": url, "title": title} for url, title in item.links]
        body["launches"] = [
            {"title": la.title, "title_en": la.title_en, "summary": la.summary,
             "summary_en": la.summary_en, "by": [_org_part(o) for o in la.by]}
            for la in item.launches
        ]
    elif isinstance(item, ForumRow):
        body = {f.name: getattr(item, f.name) for f in fields(item)}
        body["organisers"] = [{"name": n, "name_en": en, "role": r, "role_en": ROLE_EN.get(r, r)}
                              for (n, r), en in zip(item.organisers, item.organisers_en,
                                                    strict=True)]
        body.pop("organisers_en", None)
    else:
        body = asdict(item)
    if isinstance(item, Photo):
        body["credit"] = item.credit
        body["credit_en"] = item.credit_en
    elif isinstance(item, Figure):
        body["qualifier_en"] = item.qualifier_en
    elif isinstance(item, Announcement):
        body["headline_en"] = item.title_en
    elif isinstance(item, Person):
        body["name_en"] = item.name_en
    for key, value in body.items():
        out.setdefault(key, _plain(value))
    return out
