"""``guide export``: the guide's whole programme as frab XML, frab JSON or iCalendar.

The frab formats need a start time; forums whose time the source does not give are left
out of them (and counted), while iCalendar carries them as all-day events. Sessions
without a UUID guid (the newspaper's forums, Pentabarf events) get a stable UUID derived
from the pack and item id, so re-exports keep the same identities.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
import xml.etree.ElementTree as ET
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from guide.content.database import Db, content_info
from guide.content.models import FORUM_KIND_EN, ContentInfo
from guide.content.queries import forum_ids, item_ids
from guide.content.records import Forum, get_forum, get_room
from guide.programme import ical_own

EXPORT_FORMATS = ("frab-xml", "frab-json", "ics")
_UUID = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")
_JSON_ZONE = re.compile(r"^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")  # what the frab JSON schema allows


@dataclass(frozen=True)
class Session:
    """One forum or session as the export formats need it."""

    forum: Forum
    number: int  # the frab integer id, 1..n
    guid: str
    start: dt.datetime | None
    end: dt.datetime | None


@dataclass(frozen=True)
class Export:
    """The exported bytes and what was left out."""

    data: bytes
    sessions: int
    untimed_left_out: int


def _uuid_for(info: ContentInfo, kind: str, item_id: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"zgc-guide:{info.pack_id}:{kind}:{item_id}"))


def _tz(info: ContentInfo) -> dt.tzinfo:
    try:
        return zoneinfo.ZoneInfo(info.timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def sessions(db: Db) -> list[Session]:
    """Every forum in schedule order with its absolute start and end where known."""
    info = content_info(db)
    tz = _tz(info)
    out = []
    for number, forum_id in enumerate(forum_ids(db), start=1):
        forum = get_forum(db, forum_id)
        if forum is None:
            continue
        row = forum.row
        start, end = row.start, row.end
        if start is None and row.start_time is not None:
            start = dt.datetime.combine(row.date, row.start_time, tzinfo=tz)
            end = dt.datetime.combine(row.date, row.end_time, tzinfo=tz) if row.end_time else start
        guid = row.guid if row.guid and _UUID.match(row.guid) else _uuid_for(info, "forum", row.id)
        out.append(Session(forum, number, guid, start, end))
    return out


def _hm(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _acronym(info: ContentInfo) -> str:
    name = re.sub(r"[^a-z0-9_]", "_", info.pack_id.lower())
    return name if len(name) >= 4 else (name + "____")[:4]


def _slug(acronym: str, s: Session) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", s.forum.title_en.lower()).strip("-")[:50].strip("-")
    return f"{acronym}-{s.number:04d}" + (f"-{words}" if words else "")


def _type(forum: Forum) -> str:
    return forum.row.type or FORUM_KIND_EN.get(forum.row.forum_kind, forum.row.forum_kind)


def _description(forum: Forum) -> str:
    return "\n\n".join(forum.text_en or forum.text)


def _days(timed: list[Session]) -> list[tuple[dt.date, list[Session]]]:
    days: dict[dt.date, list[Session]] = {}
    for s in timed:
        days.setdefault(s.forum.row.date, []).append(s)
    return sorted(days.items())


def _room_name(s: Session) -> str:
    return s.forum.row.room or s.forum.row.venue or ""


def _rooms(db: Db, info: ContentInfo, timed: Iterable[Session]) -> list[tuple[str, str]]:
    """(name, uuid) of every room: the pack's rooms first, then venues of forums without one."""
    found: dict[str, str] = {}
    for room_id in item_ids(db, "room"):
        room = get_room(db, room_id)
        if room is not None:
            guid = room.guid if room.guid and _UUID.match(room.guid) else \
                _uuid_for(info, "room", room.id)
            found.setdefault(room.title, guid)
    for s in timed:
        name = _room_name(s)
        found.setdefault(name, _uuid_for(info, "room", name))
    return list(found.items())


def _tracks(db: Db) -> list[tuple[str, str | None]]:
    return [(str(r[0]), r[1]) for r in db.execute("SELECT title, color FROM track ORDER BY pos")]


def _conference_span(timed: list[Session]) -> tuple[dt.datetime, dt.datetime]:
    starts = [s.start for s in timed if s.start]
    ends = [s.end for s in timed if s.end]
    return min(starts), max(ends)


def frab_xml(db: Db) -> Export:
    """The programme as a frab ``schedule.xml`` (valid against the voc XSD)."""
    info = content_info(db)
    everything = sessions(db)
    timed = [s for s in everything if s.start and s.end]
    acronym = _acronym(info)
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", name="zgc-guide")
    ET.SubElement(root, "version").text = str(info.pack_version)
    conf = ET.SubElement(root, "conference")
    ET.SubElement(conf, "title").text = info.title_en or info.title
    ET.SubElement(conf, "acronym").text = acronym
    days = _days(timed)
    if timed:
        first, last = _conference_span(timed)
        ET.SubElement(conf, "start").text = first.isoformat()
        ET.SubElement(conf, "end").text = last.isoformat()
    ET.SubElement(conf, "days").text = str(len(days))
    ET.SubElement(conf, "timeslot_duration").text = "00:05"
    if isinstance(_tz(info), zoneinfo.ZoneInfo):
        ET.SubElement(conf, "time_zone_name").text = info.timezone
    for name, color in _tracks(db):
        attrs = {"name": name}
        if color and re.fullmatch(r"#[0-9a-fA-F]{6}", color):
            attrs["color"] = color
        ET.SubElement(conf, "track", attrs)
    room_guids = dict(_rooms(db, info, timed))
    for index, (date, group) in enumerate(days, start=1):
        first, last = _conference_span(group)
        day = ET.SubElement(root, "day", date=date.isoformat(), start=first.isoformat(),
                            end=last.isoformat(), index=str(index))
        by_room: dict[str, list[Session]] = {}
        for s in group:
            by_room.setdefault(_room_name(s), []).append(s)
        for room_name, events in by_room.items():
            room = ET.SubElement(day, "room", name=room_name, guid=room_guids[room_name])
            for s in events:
                _xml_event(room, s, acronym, info)
    ET.indent(root)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")
    return Export(data + b"\n", len(timed), len(everything) - len(timed))


def _person_guid(info: ContentInfo, person_id: str) -> str:
    # Each person by a UUID of their own: two speakers of one name ("Leonard") stay two
    # people when the export is imported again, which keys people by it.
    return _uuid_for(info, "person", person_id)


def _xml_event(room: ET.Element, s: Session, acronym: str, info: ContentInfo) -> None:
    assert s.start is not None and s.end is not None
    f, row = s.forum, s.forum.row
    event = ET.SubElement(room, "event", id=str(s.number), guid=s.guid)
    fields = [
        ("date", s.start.isoformat()), ("start", s.start.strftime("%H:%M")),
        ("duration", _hm(s.end - s.start)), ("room", _room_name(s)), ("slug", _slug(acronym, s)),
        ("title", row.title_en or row.title), ("subtitle", f.subtitle or ""),
        ("track", row.track or ""), ("type", _type(f)), ("language", f.language or ""),
        ("abstract", f.summary_en or f.summary or ""), ("description", _description(f)),
    ]
    for tag, text in fields:
        ET.SubElement(event, tag).text = text
    persons = ET.SubElement(event, "persons")
    for sp in f.speakers:
        ET.SubElement(persons, "person", guid=_person_guid(info, sp.person.id)).text = \
            sp.person.name_en or sp.person.name
    links = ET.SubElement(event, "links")
    for url, title in f.links:
        ET.SubElement(links, "link", href=url).text = title or url
    if f.url and f.url.startswith(("http://", "https://")):
        ET.SubElement(event, "url").text = f.url


def frab_json(db: Db) -> Export:
    """The programme as a frab ``schedule.json`` (valid against the voc JSON schema)."""
    info = content_info(db)
    everything = sessions(db)
    timed = [s for s in everything if s.start and s.end]
    acronym = _acronym(info)
    days = _days(timed)
    conference: dict[str, Any] = {"acronym": acronym, "title": info.title_en or info.title}
    if timed:
        first, last = _conference_span(timed)
        conference.update(start=first.isoformat(), end=last.isoformat())
    else:
        conference.update(start="", end="")
    conference.update(daysCount=len(days), timeslot_duration="00:05")
    if _JSON_ZONE.match(info.timezone) and isinstance(_tz(info), zoneinfo.ZoneInfo):
        conference["time_zone_name"] = info.timezone
    conference["tracks"] = [{"name": n, **({"color": c} if c else {})} for n, c in _tracks(db)]
    conference["rooms"] = [{"name": n, "guid": g} for n, g in _rooms(db, info, timed)]
    conference["days"] = []
    for index, (date, group) in enumerate(days, start=1):
        first, last = _conference_span(group)
        rooms: dict[str, list[dict[str, Any]]] = {}
        for s in group:
            rooms.setdefault(_room_name(s), []).append(_json_event(s, acronym, info))
        conference["days"].append({"index": index, "date": date.isoformat(),
                                   "day_start": first.isoformat(), "day_end": last.isoformat(),
                                   "rooms": rooms})
    doc = {"schedule": {"version": str(info.pack_version), "conference": conference}}
    data = json.dumps(doc, ensure_ascii=False, indent=1).encode() + b"\n"
    return Export(data, len(timed), len(everything) - len(timed))


def _json_event(s: Session, acronym: str, info: ContentInfo) -> dict[str, Any]:
    assert s.start is not None and s.end is not None
    f, row = s.forum, s.forum.row
    return {
        "id": s.number, "guid": s.guid, "date": s.start.isoformat(),
        "start": s.start.strftime("%H:%M"), "end": s.end.isoformat(),
        "duration": _hm(s.end - s.start), "room": _room_name(s), "slug": _slug(acronym, s),
        # The schema requires an URL; without a web page the session's UUID is its address.
        "url": f.url or f"urn:uuid:{s.guid}",
        "title": row.title_en or row.title, "subtitle": f.subtitle or "",
        "track": row.track, "type": _type(f), "language": f.language or "",
        "abstract": f.summary_en or f.summary or "", "description": _description(f),
        "persons": [{"name": sp.person.name_en or sp.person.name,
                     "guid": _person_guid(info, sp.person.id)} for sp in f.speakers],
        "links": [{"url": url, **({"title": title} if title else {})} for url, title in f.links],
    }


def _vevent(s: Session, info: ContentInfo, tz: dt.tzinfo, stamp: dt.datetime,
            room_guids: dict[str, str], chinese: bool = False) -> Any:
    """One session as a VEVENT; what RFC 5545 has no place for in the guide's X- properties
    (see :mod:`guide.programme.ical_own`), so that importing the export gives it back. With
    ``chinese``, titles, texts and names are the Chinese (the English where there is none)."""
    import icalendar
    from icalendar.prop import vUri

    f = s.forum
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    if s.start and s.end:
        start, end = s.start.astimezone(tz), s.end.astimezone(tz)
    else:
        start, end = f.row.date, f.row.date + dt.timedelta(days=1)  # all-day; DTEND exclusive
    if chinese:
        speakers = [sp.person.name or sp.person.name_en for sp in f.speakers]
        summary, title = f.summary or f.summary_en or "", f.row.title or f.row.title_en
        description = "\n\n".join(f.text or f.text_en)
    else:
        speakers = [sp.person.name_en or sp.person.name for sp in f.speakers]
        summary, title = f.summary_en or f.summary or "", f.row.title_en or f.row.title
        description = _description(f)
    notes = [summary, description]
    if speakers:
        notes.append(ical_own.SPEAKERS + ", ".join(speakers))
    event = icalendar.Event.new(
        uid=f"{s.guid}{ical_own.UID_SUFFIX}", summary=title, start=start,
        end=end, description="\n\n".join(n for n in notes if n),
        stamp=stamp, url=f.url if f.url and f.url.startswith(("http://", "https://")) else None,
        categories=[f.row.track] if f.row.track else ())
    if _room_name(s):
        guid = room_guids.get(f.row.room_id or "")
        event.add("location", _room_name(s), parameters={ical_own.ROOM: guid} if guid else {})
    for sp, name in zip(f.speakers, speakers, strict=True):
        event.add("contact", name, parameters={ical_own.PERSON: _person_guid(info, sp.person.id)})
    for url, label in f.links:  # RFC 9253
        event.add("link", vUri(url), parameters={"VALUE": "URI", "LINKREL": "related",
                                                 **({"LABEL": label} if label else {})})
    if isinstance(start, dt.datetime) and start.date() != f.row.date:  # after midnight
        event.add(ical_own.DAY, f.row.date.isoformat())
    for name, value in ((ical_own.TYPE, _type(f)), (ical_own.LANGUAGE, f.language)):
        if value:
            event.add(name, value)
    event.add(ical_own.SUMMARY_PARAGRAPHS, str(len(summary.split("\n\n")) if summary else 0))
    return event


def ics(db: Db, lang: str = "en") -> Export:
    """The programme as iCalendar: one VEVENT per forum (untimed ones all-day), UID from the guid,
    the pack id in X-ZGC-GUIDE-PACK; titles and texts in ``lang`` where the guide has them (a
    calendar holds one language: English by default, as the frab formats)."""
    import icalendar

    info = content_info(db)
    everything = sessions(db)
    tz = _tz(info)
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    chinese = lang == "zh"
    name = (info.title or info.title_en) if chinese else (info.title_en or info.title)
    cal = icalendar.Calendar.new(prodid=ical_own.PRODID, name=name)
    cal.add(ical_own.PACK, info.pack_id)
    room_guids = {}  # a room's own UUID (a frab file's), which its id is made from
    for room_id in item_ids(db, "room"):
        room = get_room(db, room_id)
        if room is not None and room.guid and _UUID.match(room.guid):
            room_guids[room_id] = room.guid
    for s in everything:
        cal.add_component(_vevent(s, info, tz, stamp, room_guids, chinese))
    if isinstance(tz, zoneinfo.ZoneInfo) and everything:
        first = min(s.forum.row.date for s in everything)
        last = max(s.forum.row.date for s in everything)
        cal.add_component(icalendar.Timezone.from_tzinfo(
            tz, tzid=info.timezone, first_date=first - dt.timedelta(days=366),
            last_date=last + dt.timedelta(days=366)))
        cal.subcomponents.sort(key=lambda c: c.name != "VTIMEZONE")
    return Export(bytes(cal.to_ical()), len(everything), 0)


EXPORTERS = {"frab-xml": frab_xml, "frab-json": frab_json, "ics": ics}
