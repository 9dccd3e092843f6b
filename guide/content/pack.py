"""The content pack's format: pydantic models for the human-edited files in ``db/pack/``.

A pack is a folder holding ``pack.toml`` (the pack's identity) and any number of
``*.toml`` or ``*.json`` files, each holding arrays of items by kind, e.g.::

    [[forum]]
    id = "green-finance-forum"
    title = "双碳战略与绿色金融论坛"
    ...

TOML is the format for hand-written files; JSON with the same structure is
accepted for generated packs (``guide synth``) because it parses much faster.
Validation is pydantic's, so every error carries an exact path.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from guide.content.models import ITEM_ID_PATTERN

ItemId = Annotated[str, StringConstraints(pattern=ITEM_ID_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


Kind = Literal["forum", "area", "announcement", "photo", "person", "organization", "figure",
               "room", "track"]

# "session" is an imported programme's event (a talk, workshop …; its ``type`` says which).
ForumKind = Literal["opening", "parallel_forum", "conference", "sub_forum", "session"]
AreaKind = Literal["exhibition", "area", "field"]
AnnouncementKind = Literal["article", "brief", "photo_story"]
# Roles as the page words them; English labels live in the UI.
OrgRole = Literal[
    "指导", "主办", "承办", "具体承办", "协办", "联合发起", "牵头发起", "创始成员", "发布", "联合发布"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Ref(_Model):
    """A link to another item of the pack."""

    kind: Kind
    id: ItemId


class OrgPart(_Model):
    """An organisation's part in a forum or a launch (主办, 承办 …)."""

    org: ItemId
    role: OrgRole


class Statement(_Model):
    """One thing a speaker said, as the page gives it.

    ``direct`` is true only for words the page itself puts inside its quotation
    marks (“…”), which are then verbatim. Everything else is reported speech (据…介绍,
    …表示, a summary of points), shown attributed and without quotation marks;
    ``text_en`` of reported speech is the clause that follows "According to NAME,".
    """

    text: Text
    text_en: Text | None = None
    direct: bool = False


class Speech(_Model):
    """A person who spoke at a forum, with what the page reports they said."""

    person: ItemId
    said: list[Statement] = Field(default_factory=list)

    @field_validator("said", mode="before")
    @classmethod
    def _plain_text_is_reported(cls, value: Any) -> Any:
        # Packs written before statements had a kind list plain strings: reported speech,
        # the safe reading (never shown inside quotation marks).
        if isinstance(value, list):
            return [{"text": v} if isinstance(v, str) else v for v in value]
        return value


class Launch(_Model):
    """Something launched or released at a forum (a platform, a patent pool …)."""

    title: Text
    title_en: Text
    summary: Text | None = None
    summary_en: Text | None = None
    by: list[OrgPart] = Field(default_factory=list)


class Link(_Model):
    """A web link of a session, as its programme gives it."""

    url: Text
    title: Text | None = None


class Forum(_Model):
    """A sub-forum, parallel forum, conference or opening ceremony, or an imported session.

    An imported session (``guide import``) keeps its programme's ``guid``, absolute
    ``start``/``end`` (time-zone aware; ``date`` is the conference day, which for an
    event after midnight is the calendar day before), ``room``, ``track``, ``type``,
    ``subtitle``, ``language`` and ``links``; its abstract is ``summary`` and its
    description the paragraphs of ``text``.
    """

    id: ItemId
    title: Text
    title_en: Text
    kind: ForumKind
    series: Text | None = None
    series_en: Text | None = None
    date: dt.date
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    venue: Text | None = None
    venue_en: Text | None = None
    summary: Text | None = None
    summary_en: Text | None = None
    organisers: list[OrgPart] = Field(default_factory=list)
    speakers: list[Speech] = Field(default_factory=list)
    launches: list[Launch] = Field(default_factory=list)
    attendance: Text | None = None
    attendance_en: Text | None = None
    text: list[Text] = Field(default_factory=list)
    text_en: list[Text] | None = None
    source: ItemId | None = None
    guid: Text | None = None
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    room: ItemId | None = None
    track: ItemId | None = None
    type: Text | None = None
    subtitle: Text | None = None
    language: Text | None = None
    url: Text | None = None
    links: list[Link] = Field(default_factory=list)

    @model_validator(mode="after")
    def _times_in_order(self) -> Forum:
        if self.end_time is not None and self.start_time is None:
            raise ValueError("end_time given without start_time")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValueError("end_time must be after start_time")
        if self.start is not None or self.end is not None:
            if self.start is None:
                raise ValueError("end given without start")
            if self.start.tzinfo is None or (self.end is not None and self.end.tzinfo is None):
                raise ValueError("start and end need a UTC offset, e.g. 2025-12-27T16:00:00+01:00")
            if self.start_time is not None:
                raise ValueError("give either start/end or start_time/end_time, not both")
            if self.end is not None and self.end < self.start:
                raise ValueError("end is before start")
        return self


class Area(_Model):
    """The exhibition itself, an exhibition area, or a technology field on show."""

    id: ItemId
    title: Text
    title_en: Text
    kind: AreaKind
    parent: ItemId | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    city: Text | None = None
    city_en: Text | None = None
    venue: Text | None = None
    venue_en: Text | None = None
    summary: Text
    summary_en: Text
    image: Text | None = None
    source: ItemId | None = None

    @model_validator(mode="after")
    def _dates_in_order(self) -> Area:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        return self


class Announcement(_Model):
    """An article or news item of the page."""

    id: ItemId
    kind: AnnouncementKind
    headline: Text
    subheadline: Text | None = None
    subheadline_en: Text | None = None
    title_en: Text
    summary_en: Text
    byline: Text | None = None
    byline_en: Text | None = None
    reporter: ItemId | None = None
    date: dt.date | None = None
    paragraphs: list[Text] = Field(min_length=1)
    paragraphs_en: list[Text] | None = None
    mentions: list[Ref] = Field(default_factory=list)


class Photo(_Model):
    """A photo caption with its credit, e.g. 本报记者 李洋/摄."""

    id: ItemId
    caption: Text
    caption_en: Text
    credit_role: Text | None = None
    credit_role_en: Text | None = None
    photographer: ItemId | None = None
    credit_suffix: Text | None = "摄"
    area: ItemId | None = None
    announcement: ItemId | None = None
    image: Text | None = None


class Person(_Model):
    """A person the page names, with title and affiliation as given there."""

    id: ItemId
    name: Text
    name_en: Text
    title: Text | None = None
    title_en: Text | None = None
    organization: ItemId | None = None
    # Extra pinyin readings for surnames pypinyin may read wrongly (单, 曾, 解 …).
    pinyin_alt: list[Text] = Field(default_factory=list)


class Room(_Model):
    """A room (hall, stage, channel) of an imported programme."""

    id: ItemId
    title: Text
    title_en: Text | None = None
    guid: Text | None = None


class Track(_Model):
    """A track (theme) of an imported programme."""

    id: ItemId
    title: Text
    title_en: Text | None = None
    color: Text | None = None


class Organization(_Model):
    """An organisation the page names."""

    id: ItemId
    name: Text
    name_en: Text
    short_name: Text | None = None
    short_name_en: Text | None = None
    parent: ItemId | None = None


class Figure(_Model):
    """A key number: value and unit as printed, what it measures, its year and source."""

    id: ItemId
    label: Text
    label_en: Text
    value: float
    unit: Text
    unit_en: Text
    qualifier: Literal["超过", "余", "多", "近", "约", "以上"] | None = None
    # The number exactly as the page prints it (3.8万余项, 超过1600项, 1000所以上, 十部门) and ours in
    # English.
    display: Text | None = None
    display_en: Text | None = None
    year: int | None = Field(default=None, ge=1900, le=2100)
    group: Text | None = None
    quote: Text
    quote_en: Text | None = None
    source: Ref
    about: list[Ref] = Field(default_factory=list)


Language = Literal["zh", "en"]


def _chinese_only() -> list[Language]:
    return ["zh"]


class SearchTopic(_Model):
    """A topic the empty search page suggests, and how else it can be typed (each checked to
    find something when the guide shows it)."""

    text: Text
    text_en: Text | None = None
    pinyin: Text | None = None


class PackInfo(_Model):
    """``pack.toml``: which pack this is and what it covers."""

    id: ItemId
    version: int = Field(ge=1)
    title: Text
    title_en: Text
    # The source page's file name; a copy lives in the repository's db/source/.
    source: Text
    timezone: Text = "Asia/Shanghai"
    # The event's name as the window's title bar shows it (default: ``title``/``title_en``).
    name: Text | None = None
    name_en: Text | None = None
    # A line under the Forums page's title saying what the programme holds (none: no line).
    forums_subtitle: Text | None = None
    # What the Forums section and page are called (default: the guide's "Forums"/"论坛日程").
    forums_label: Text | None = None
    forums_label_en: Text | None = None
    forums_subtitle_en: Text | None = None
    # What the empty search page suggests (none: an imported programme's tracks, if any).
    search_topics: list[SearchTopic] = Field(default_factory=list)
    # A pack declaring ["zh", "en"] must give every Chinese text its English sibling.
    languages: list[Language] = Field(default_factory=_chinese_only, min_length=1)


class PackMeta(_Model):
    pack: PackInfo


class MapRegion(_Model):
    """A named region of a floor plan: a polygon in image coordinates linking to an item."""

    id: ItemId
    title: Text | None = None
    title_en: Text | None = None
    link: Ref  # the room or exhibition area the region shows, e.g. {kind = "room", id = "hall-a"}
    points: list[tuple[float, float]] = Field(min_length=3)


class FloorPlan(_Model):
    """``[[map]]``: a floor plan, an SVG or PNG image inside the pack with named regions."""

    id: ItemId
    title: Text
    title_en: Text
    image: Text
    width: float = Field(gt=0, le=100_000)  # the image's size in its own units (SVG user units, px)
    height: float = Field(gt=0, le=100_000)
    regions: list[MapRegion] = Field(default_factory=list)


class PackFile(_Model):
    """One content file: arrays of items keyed by kind."""

    forum: list[Forum] = Field(default_factory=list)
    area: list[Area] = Field(default_factory=list)
    announcement: list[Announcement] = Field(default_factory=list)
    photo: list[Photo] = Field(default_factory=list)
    person: list[Person] = Field(default_factory=list)
    organization: list[Organization] = Field(default_factory=list)
    figure: list[Figure] = Field(default_factory=list)
    room: list[Room] = Field(default_factory=list)
    track: list[Track] = Field(default_factory=list)
    map: list[FloorPlan] = Field(default_factory=list)
