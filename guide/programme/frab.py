"""Readers of the frab schedule format: XML (frab, pretalx, the CCC hub; old Pentabarf) and JSON.

Read leniently: real files add elements (``<code>``, ``<origin_url>``), nest ``<title>``
inside ``<link>`` and ``<attachment>``, leave rooms empty. Only an event's *direct*
children are its fields, so a link's nested title never overwrites the event's.
"""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

from guide.programme.model import ProgrammeError, RawEvent, RawPerson, RawProgramme, RawRoom


def _text(parent: ET.Element | None, tag: str) -> str:
    """The text of ``parent``'s direct child ``tag`` (all of its text, if it has children)."""
    if parent is None:
        return ""
    child = parent.find(tag)
    return "".join(child.itertext()).strip() if child is not None else ""


def _absolute(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def _link(element: ET.Element, event: RawEvent) -> None:
    url = (element.get("href") or "").strip()
    # Current files nest <type> and <title>; older ones give the title as the text.
    title = _text(element, "title") if element.find("title") is not None else \
        "".join(element.itertext()).strip()
    if url and _absolute(url):
        event.links.append((url, title))
    elif url:
        event.dropped_links.append(url)


def _xml_event(element: ET.Element, day: str | None, room_name: str, index: int) -> RawEvent:
    ident = element.get("id")
    event = RawEvent(
        where=f"day {day or '?'}, room {room_name or '(none)'}, event "
              f"{ident or element.get('guid') or f'#{index}'}",
        day=day, source_id=ident, guid=element.get("guid") or _text(element, "guid") or None,
        title=_text(element, "title"), subtitle=_text(element, "subtitle"),
        date=_text(element, "date") or None, start=_text(element, "start") or None,
        duration=_text(element, "duration") or None,
        room=_text(element, "room") or room_name, track=_text(element, "track"),
        type=_text(element, "type"), language=_text(element, "language"),
        abstract=_text(element, "abstract"), description=_text(element, "description"),
        url=_text(element, "url"),
    )
    persons = element.find("persons")
    for person in persons.findall("person") if persons is not None else ():
        name = "".join(person.itertext()).strip()
        if name:
            event.persons.append(RawPerson(name, person.get("guid") or person.get("id")))
    for group, tag in (("links", "link"), ("attachments", "attachment")):
        holder = element.find(group)
        for link in holder.findall(tag) if holder is not None else ():
            _link(link, event)
    return event


def read_frab_xml(data: bytes) -> RawProgramme:
    """Read a frab/pretalx/Pentabarf ``schedule.xml``.

    Streamed (``iterparse``): each event is read when its element ends and then cleared, so
    memory holds the events as read, not the whole document tree besides them.
    """
    programme = RawProgramme(format="frab-xml")
    path: list[str] = []
    date: str | None = None
    room_name = ""
    index = 0
    try:
        for action, element in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            if action == "start":
                path.append(element.tag)
                if len(path) == 1 and element.tag != "schedule":
                    raise ProgrammeError(f"not a frab schedule: the root element is "
                                         f"<{element.tag}>, not <schedule>")
                if path == ["schedule", "day"]:
                    date = element.get("date")
                    if date and element.get("start"):
                        programme.day_starts[date] = element.get("start", "")
                elif path == ["schedule", "day", "room"]:
                    room_name = (element.get("name") or "").strip()
                    if room_name and all(r.name != room_name for r in programme.rooms):
                        programme.rooms.append(RawRoom(room_name, element.get("guid")))
                continue
            path.pop()
            if element.tag == "event" and path == ["schedule", "day", "room"]:
                index += 1
                programme.events.append(_xml_event(element, date, room_name, index))
                element.clear()
            elif element.tag == "conference" and path == ["schedule"]:
                _conference(element, programme)
            elif element.tag in ("room", "day") and len(path) <= 2:
                element.clear()
    except ET.ParseError as exc:
        raise ProgrammeError(f"not well-formed XML: {exc}") from exc
    return programme


def _conference(conference: ET.Element, programme: RawProgramme) -> None:
    """The conference's title, acronym, time zone, day change and tracks."""
    programme.title = _text(conference, "title")
    programme.acronym = _text(conference, "acronym")
    programme.time_zone = _text(conference, "time_zone_name") or None
    programme.day_change = _text(conference, "day_change") or None
    for track in conference.findall("track"):
        name = (track.get("name") or "".join(track.itertext())).strip()
        if name:
            programme.tracks.append((name, track.get("color")))


def _s(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _json_event(raw: dict[str, Any], day: str | None, room_name: str, index: int) -> RawEvent:
    ident = _s(raw.get("id")) or None
    event = RawEvent(
        where=f"day {day or '?'}, room {room_name or '(none)'}, event "
              f"{ident or raw.get('guid') or f'#{index}'}",
        day=day, source_id=ident, guid=_s(raw.get("guid")) or None, title=_s(raw.get("title")),
        subtitle=_s(raw.get("subtitle")), date=_s(raw.get("date")) or None,
        start=_s(raw.get("start")) or None, duration=_s(raw.get("duration")) or None,
        room=_s(raw.get("room")) or room_name, track=_s(raw.get("track")), type=_s(raw.get("type")),
        language=_s(raw.get("language")), abstract=_s(raw.get("abstract")),
        description=_s(raw.get("description")), url=_s(raw.get("url")),
    )
    for person in raw.get("persons") or ():
        if isinstance(person, dict):
            name = _s(person.get("public_name") or person.get("name") or person.get("full_public_name"))
            key = _s(person.get("guid") or person.get("code") or person.get("id")) or None
        else:
            name, key = _s(person), None
        if name:
            event.persons.append(RawPerson(name, key))
    for link in [*(raw.get("links") or ()), *(raw.get("attachments") or ())]:
        if not isinstance(link, dict):
            continue
        url = _s(link.get("url") or link.get("href"))
        if url and _absolute(url):
            event.links.append((url, _s(link.get("title"))))
        elif url:
            event.dropped_links.append(url)
    return event


def read_frab_json(data: bytes) -> RawProgramme:
    """Read a frab/pretalx ``schedule.json`` (``schedule.conference.days[].rooms{}``)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
        conference = doc["schedule"]["conference"]
        days = conference.get("days") or []
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ProgrammeError(f"not readable JSON: {exc}") from exc
    except (KeyError, TypeError, AttributeError) as exc:
        raise ProgrammeError("not a frab JSON schedule: no schedule.conference.days") from exc
    programme = RawProgramme(
        format="frab-json", title=_s(conference.get("title")), acronym=_s(conference.get("acronym")),
        time_zone=_s(conference.get("time_zone_name")) or None,
    )
    for track in conference.get("tracks") or ():
        if isinstance(track, dict) and _s(track.get("name")):
            programme.tracks.append((_s(track.get("name")), track.get("color")))
    for room in conference.get("rooms") or ():
        if isinstance(room, dict) and _s(room.get("name")):
            programme.rooms.append(RawRoom(_s(room.get("name")), _s(room.get("guid")) or None))
    index = 0
    for day in days:
        date = _s(day.get("date")) or None
        if date and day.get("day_start"):
            programme.day_starts[date] = _s(day.get("day_start"))
        for name, events in (day.get("rooms") or {}).items():
            name = _s(name)
            if name and all(r.name != name for r in programme.rooms):
                programme.rooms.append(RawRoom(name))
            for raw in events or ():
                index += 1
                if isinstance(raw, dict):
                    programme.events.append(_json_event(raw, date, name, index))
    return programme
