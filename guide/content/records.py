"""One item's full record, for its page: organisations, people, forums with their speakers
and launches, announcements, photos, rooms and tracks (frozen dataclasses and their queries).

Apart from :mod:`guide.content.models` (what lists and Home show: cards, forum rows, areas,
figures) because the window's first frame needs none of these: eleven more frozen
dataclasses cost the start 50 M instructions (4%) before a page asked for one.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar

from guide.content.database import Db
from guide.content.models import ROLE_EN, Figure, ForumRow
from guide.content.queries import forum_rows, get_area, get_figure, item_ids
from guide.content.rows import by_ids, english, fetch_rows, parse_date


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


def get_item(db: Db, kind: str, item_id: str) -> Any | None:
    """The full item of any kind, or None."""
    getters = {
        "forum": get_forum, "area": get_area, "announcement": get_announcement,
        "photo": get_photo, "person": get_person, "organization": get_organization,
        "figure": get_figure, "room": get_room, "track": get_track,
    }
    if kind not in getters:
        raise ValueError(f"unknown kind {kind!r}")
    return getters[kind](db, item_id)


def list_items(db: Db, kind: str) -> list[Any]:
    """Every item of ``kind``, full, in display order."""
    return [x for x in (get_item(db, kind, i) for i in item_ids(db, kind)) if x is not None]


def _org(r: dict[str, Any]) -> Organization:
    return Organization(r["id"], r["name"], r["name_en"], r["short_name"], r["parent_id"],
                        english(r).get("short_name_en"))


def _person(r: dict[str, Any]) -> Person:
    return Person(r["id"], r["name"], r["name_en"], r["title"], r["title_en"],
                  r["organization_id"], tuple(json.loads(r["pinyin_alt"])))


def get_organization(db: Db, org_id: str) -> Organization | None:
    """One organisation, or None."""
    rows = fetch_rows(db, "SELECT * FROM organization WHERE id = ?", [org_id])
    return _org(rows[0]) if rows else None


def get_person(db: Db, person_id: str) -> Person | None:
    """One person, or None."""
    rows = fetch_rows(db, "SELECT * FROM person WHERE id = ?", [person_id])
    return _person(rows[0]) if rows else None


def organization_people(db: Db, org_id: str) -> list[Person]:
    """People whose affiliation is this organisation."""
    return [_person(r) for r in fetch_rows(
        db, "SELECT * FROM person WHERE organization_id = ? ORDER BY pos", [org_id])]


def organization_children(db: Db, org_id: str) -> list[Organization]:
    """Departments and units under this organisation."""
    return [_org(r) for r in fetch_rows(
        db, "SELECT * FROM organization WHERE parent_id = ? ORDER BY pos", [org_id])]


def _org_parts(db: Db, sql: str, params: Sequence[Any]) -> tuple[OrgPart, ...]:
    return tuple(OrgPart(_org(r), r["role"]) for r in fetch_rows(db, sql, params))


def get_forum(db: Db, forum_id: str) -> Forum | None:
    """A forum with its organisers, speakers and what was launched, or None."""
    rows = fetch_rows(db, "SELECT * FROM forum WHERE id = ?", [forum_id])
    if not rows:
        return None
    r = rows[0]
    organisers = _org_parts(db, """
        SELECT o.*, fo.role FROM forum_organiser fo JOIN organization o ON o.id = fo.organization_id
        WHERE fo.forum_id = ? ORDER BY fo.pos""", [forum_id])
    speakers = tuple(
        Speaker(_person(s), tuple(json.loads(s["said"])), tuple(english(s).get("said_en", ())),
                tuple(english(s).get("direct", ())))
        for s in fetch_rows(db, """
            SELECT p.*, fs.said, fs.en FROM forum_speaker fs JOIN person p ON p.id = fs.person_id
            WHERE fs.forum_id = ? ORDER BY fs.pos""", [forum_id])
    )
    launches = tuple(
        Launch(la["title"], la["title_en"], la["summary"], _org_parts(db, """
            SELECT o.*, lo.role FROM launch_organiser lo
            JOIN organization o ON o.id = lo.organization_id
            WHERE lo.forum_id = ? AND lo.launch_pos = ? ORDER BY lo.pos""",
            [forum_id, la["pos"]]), english(la).get("summary_en"))
        for la in fetch_rows(db, "SELECT * FROM launch WHERE forum_id = ? ORDER BY pos", [forum_id])
    )
    programme = json.loads(r["programme"] or "{}")
    return Forum(
        row=forum_rows(db, [forum_id])[0], summary=r["summary"], summary_en=r["summary_en"],
        attendance=r["attendance"], text=tuple(json.loads(r["text"])), source_id=r["source_id"],
        organisers=organisers, speakers=speakers, launches=launches,
        attendance_en=english(r).get("attendance_en"), text_en=tuple(english(r).get("text_en", ())),
        subtitle=programme.get("subtitle"), language=programme.get("language"),
        url=programme.get("url"),
        links=tuple((ln["url"], ln.get("title")) for ln in programme.get("links", ())),
    )


def get_room(db: Db, room_id: str) -> Room | None:
    """One room, or None."""
    rows = fetch_rows(db, "SELECT * FROM room WHERE id = ?", [room_id])
    return Room(rows[0]["id"], rows[0]["title"], rows[0]["title_en"], rows[0]["guid"]) if rows \
        else None


def get_track(db: Db, track_id: str) -> Track | None:
    """One track, or None."""
    rows = fetch_rows(db, "SELECT * FROM track WHERE id = ?", [track_id])
    return Track(rows[0]["id"], rows[0]["title"], rows[0]["title_en"], rows[0]["color"]) if rows \
        else None


_PHOTO = """
SELECT ph.*, p.name AS photographer, p.name_en AS photographer_en
FROM photo ph LEFT JOIN person p ON p.id = ph.photographer_id
"""


def _photo(r: dict[str, Any]) -> Photo:
    return Photo(r["id"], r["caption"], r["caption_en"], r["credit_role"], r["photographer_id"],
                 r["photographer"], r["photographer_en"], r["credit_suffix"], r["area_id"],
                 r["announcement_id"], r["image"], english(r).get("credit_role_en"))


def get_photo(db: Db, photo_id: str) -> Photo | None:
    """One photo with its caption and credit, or None."""
    rows = fetch_rows(db, _PHOTO + " WHERE ph.id = ?", [photo_id])
    return _photo(rows[0]) if rows else None


def photos(db: Db, ids: Sequence[str]) -> list[Photo]:
    """Photos for ``ids`` in the order given (for lazy gallery models)."""
    return by_ids(db, _PHOTO + " WHERE ph.id IN", ids, _photo)


def area_photos(db: Db, area_id: str) -> list[Photo]:
    """Photos showing this area or any area inside it."""
    return [_photo(r) for r in fetch_rows(db, _PHOTO + """
        WHERE ph.area_id = ? OR ph.area_id IN (SELECT id FROM area WHERE parent_id = ?)
        ORDER BY ph.pos""", [area_id, area_id])]


def photographer_photos(db: Db, person_id: str) -> list[Photo]:
    """Photos credited to this person."""
    return [_photo(r) for r in fetch_rows(db, _PHOTO + " WHERE ph.photographer_id = ? ORDER BY ph.pos",
                                     [person_id])]


def announcement_photos(db: Db, announcement_id: str) -> list[Photo]:
    """Photos printed with this announcement."""
    return [_photo(r) for r in fetch_rows(db, _PHOTO + " WHERE ph.announcement_id = ? ORDER BY ph.pos",
                                     [announcement_id])]


def _announcement(r: dict[str, Any]) -> Announcement:
    en = english(r)
    return Announcement(r["id"], r["kind"], r["headline"], r["subheadline"], r["title_en"],
                        r["summary_en"], r["byline"], r["reporter_id"], parse_date(r["date"]),
                        tuple(json.loads(r["paragraphs"])), en.get("subheadline_en"),
                        en.get("byline_en"), tuple(en.get("paragraphs_en", ())))


def get_announcement(db: Db, announcement_id: str) -> Announcement | None:
    """One announcement with its paragraphs, or None."""
    rows = fetch_rows(db, "SELECT * FROM announcement WHERE id = ?", [announcement_id])
    return _announcement(rows[0]) if rows else None
