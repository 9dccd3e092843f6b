"""Readers of the frab schedule format: XML (frab, pretalx, the CCC hub; old Pentabarf) and JSON.

Read leniently: real files add elements (``<code>``, ``<origin_url>``), nest ``<title>``
inside ``<link>`` and ``<attachment>``, leave rooms empty. Only an event's *direct*
children are its fields, so a link's nested title never overwrites the event's.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urlsplit

from guide.programme.message import Message, message_of
from guide.programme.model import (
    FileUnreadable,
    ProgrammeUnreadable,
    RawEvent,
    RawPerson,
    RawProgramme,
    RawRoom,
)
from guide.programme.parse_reasons import parse_reason

_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MIDNIGHT = re.compile(r"^(\d{4}-\d{2}-\d{2})[T ]24:00(?::00)?(.*)$")


def _day_date(value: Any, which: str) -> str | None:
    """A day's date as YYYY-MM-DD (None when it gives none); the file's error when unreadable.

    Every event of the day takes its date from it, so a wrong one is the file's to fix.
    """
    if not isinstance(value, str | None):
        raise FileUnreadable(Message("{where}: its date is {kind}, not text (YYYY-MM-DD)",
                                     where=which, kind=_kind(value)))
    text = (value or "").strip()
    if not text:
        return None
    try:
        if _DAY.match(text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise FileUnreadable(Message("{where}: its date {date!r} is not written YYYY-MM-DD (e.g. "
                                 "2023-05-25)", where=which, date=text))


def _midnight(event: RawEvent) -> None:
    """24:00 (the end of a day, which some producers write) as 00:00 of the next day, noted."""
    found = _MIDNIGHT.match(event.date or "")
    late = (event.start or "").strip() in ("24:00", "24:00:00")
    if found:
        following = dt.date.fromisoformat(found[1]) + dt.timedelta(days=1)
        event.date = f"{following.isoformat()}T00:00:00{found[2]}"
    elif late and event.day and not event.date:
        # The day's next calendar day: a plain date keeps the day-change rule out of it.
        event.date = (dt.date.fromisoformat(event.day) + dt.timedelta(days=1)).isoformat()
    else:
        return
    if late:
        event.start = "00:00"
    following = dt.date.fromisoformat(event.date[:10])
    event.notes.append(Message("24:00 on {day} read as the midnight that ends it: {next} 00:00",
                               day=str(following - dt.timedelta(days=1)), next=str(following)))


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
    ident = _attr(element, "id")
    guid = _attr(element, "guid") or _text(element, "guid") or None
    event = RawEvent(
        where=event_where(day, room_name, ident or guid or f"#{index}"),
        day=day, source_id=ident, guid=guid,
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
            event.persons.append(RawPerson(name, _attr(person, "guid") or _attr(person, "id")))
    for group, tag in (("links", "link"), ("attachments", "attachment")):
        holder = element.find(group)
        for link in holder.findall(tag) if holder is not None else ():
            _link(link, event)
    _midnight(event)
    return event


def event_where(day: str | None, room: str, event: str) -> str:
    """Where the report puts a schedule's event: "day 2023-05-25, room One, event 1254"."""
    return Message("day {day}, room {room}, event {event}", day=day or "?",
                   room=room or Message("(none)"), event=event)


def _attr(element: ET.Element, name: str) -> str | None:
    """An attribute's value, None when absent or blank (guid=" " is no guid)."""
    return (element.get(name) or "").strip() or None


# expat reads UTF-8, UTF-16, ISO-8859-1 and ASCII itself and refuses multi-byte others
# ("multi-byte encodings are not supported"), such as the GBK of Chinese systems' exports.
_DECLARED = re.compile(rb"^(?:\xef\xbb\xbf)?<\?xml[^>]*?encoding=[\"']([A-Za-z0-9._:-]+)[\"']")
_EXPAT_OWN = {"utf8", "utf16", "iso88591", "latin1", "usascii", "ascii"}
# Encodings in which any bytes are some text: a UTF-8 file mislabelled so reads as mojibake.
_DECLARATION_ENCODING = re.compile(r"^(\s*<\?xml[^>]*?encoding=)[\"'][^\"']+[\"']")
_SINGLE_BYTE = {"iso88591", "latin1", "iso885915", "latin9", "windows1252", "cp1252"}


def _for_expat(data: bytes) -> tuple[bytes, str | None]:
    """The document as expat can read it (one in another declared encoding becomes UTF-8),
    and a note when the file's own declaration was not believed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return utf8_declared(data.decode("utf-16")), None
    declared = _DECLARED.match(data)
    encoding = declared[1].decode("ascii") if declared else "UTF-8"
    key = re.sub(r"[^a-z0-9]", "", encoding.lower())
    bad = _utf8_error(data)
    if bad is not None and key in ("utf8", "ascii", "usascii"):
        # expat would say only "not well-formed (invalid token)" at a line and column.
        line = data.count(b"\n", 0, bad.start) + 1
        raise FileUnreadable(Message("it is not UTF-8 text (line {line}, byte {byte}); a schedule "
                                     "saved in another encoding (GBK on Chinese systems) must be "
                                     "saved again as UTF-8", line=line, byte=bad.start))
    if bad is None and key in _SINGLE_BYTE and not data.isascii():
        # Bytes that read as UTF-8 with non-ASCII letters are UTF-8: read as the declared
        # single-byte encoding they become "ZÃ¼gli" for "Zügli" in every title.
        return (utf8_declared(data.decode("utf-8")),
                Message("its XML declaration says {encoding}, but the text is UTF-8: read as UTF-8",
                        encoding=encoding))
    if key in _EXPAT_OWN:
        return data, None
    try:
        text = data.decode(encoding)
    except LookupError:
        raise FileUnreadable(Message("its XML declaration names the encoding {encoding!r}, which "
                                     "the guide does not know: save the schedule as UTF-8",
                                     encoding=encoding)) from None
    except UnicodeDecodeError as exc:
        raise FileUnreadable(Message("it is not {encoding} text as its XML declaration says (byte "
                                     "{byte}): save the schedule as UTF-8", encoding=encoding,
                                     byte=exc.start)) from None
    return utf8_declared(text), None


def _utf8_error(data: bytes) -> UnicodeDecodeError | None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc
    return None


def utf8_declared(text: str) -> bytes:
    """``text`` as UTF-8 bytes, its XML declaration (if it has one) saying so; an
    ``encoding="..."`` further on, in an event's description, is left alone."""
    return _DECLARATION_ENCODING.sub(r'\1"UTF-8"', text, count=1).encode()


def read_frab_xml(data: bytes) -> RawProgramme:
    """Read a frab/pretalx/Pentabarf ``schedule.xml``.

    Streamed (``iterparse``): each event is read when its element ends and then cleared, so
    memory holds the events as read, not the whole document tree besides them.
    """
    programme = RawProgramme(format="frab-xml")
    data, note = _for_expat(data)
    if note:
        programme.file_repairs.append((Message("the XML declaration"), note))
    path: list[str] = []
    date: str | None = None
    room_name = ""
    index = days = 0
    try:
        for action, element in ET.iterparse(io.BytesIO(data), events=("start", "end")):
            if action == "start":
                path.append(element.tag)
                if len(path) == 1 and element.tag != "schedule":
                    raise ProgrammeUnreadable(Message("not a frab schedule: the root element is "
                                                      "<{tag}>, not <schedule>", tag=element.tag))
                if path == ["schedule", "day"]:
                    days += 1
                    date = _day_date(element.get("date"), Message(
                        "day {number}", number=_attr(element, "index") or days))
                    if date and _attr(element, "start"):
                        programme.day_starts[date] = element.get("start", "").strip()
                elif path == ["schedule", "day", "room"]:
                    room_name = (element.get("name") or "").strip()
                    if room_name and all(r.name != room_name for r in programme.rooms):
                        programme.rooms.append(RawRoom(room_name, _attr(element, "guid")))
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
        raise FileUnreadable(_xml_broken(exc, data)) from None
    return programme



def _xml_broken(exc: ET.ParseError, data: bytes) -> str:
    """Where and how the XML breaks; a file that stops inside the schedule is said to be cut short."""
    line, column = exc.position
    what = str(exc).split(":")[0]  # expat's words without its own "line L, column C"
    if line > data.rstrip().count(b"\n") and what in ("no element found", "unclosed token"):
        return _cut_short(line)
    return Message("the XML is not well-formed at line {line}, column {column} ({what})",
                   line=line, column=column, what=parse_reason(what))


def _cut_short(line: int) -> str:
    return Message("the file ends in the middle of the schedule (line {line}); it was cut short "
                   "(a download or copy that stopped?): download or export it again", line=line)


def _conference(conference: ET.Element, programme: RawProgramme) -> None:
    """The conference's title, acronym, time zone, day change and tracks."""
    programme.title = _text(conference, "title")
    programme.acronym = _text(conference, "acronym")
    programme.time_zone = _text(conference, "time_zone_name") or None
    programme.day_change = _text(conference, "day_change") or None
    for track in conference.findall("track"):
        name = (track.get("name") or "".join(track.itertext())).strip()
        if name:
            programme.tracks.append((name, _attr(track, "color")))


def _s(value: Any) -> str:
    return "" if value is None else str(value).strip()


class _Wrong(Exception):
    """A JSON value of the wrong kind (a list where a title goes); the message says which."""


def _kind(value: Any) -> str:
    """What a JSON value is, in the words of someone who reads the file."""
    if isinstance(value, bool):
        return Message("true/false")
    kinds = {dict: Message("an object"), list: Message("a list"), str: Message("text"),
             int: Message("a number"), float: Message("a number")}
    return Message("null") if value is None else kinds.get(type(value), Message("something else"))


def _shown(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def _is_language(key: str, code: str) -> bool:
    key = key.lower()
    return key == code or key.startswith((code + "-", code + "_"))


def _text_of(value: Any, name: str) -> tuple[str, str]:
    """A text value as (text, its English when the file gives it in several languages).

    pretalx writes multilingual fields as ``{"de": "Hallo", "en": "Hello"}``: the guide
    shows Chinese when given (with the English beside it), else English, else the first.
    """
    if value is None:
        return "", ""
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return _s(value), ""
    if isinstance(value, dict) and value and all(
            isinstance(v, str) or v is None for v in value.values()):
        texts = {str(k): _s(v) for k, v in value.items() if _s(v)}
        chinese = next((v for k, v in texts.items() if _is_language(k, "zh")), "")
        english = next((v for k, v in texts.items() if _is_language(k, "en")), "")
        return chinese or english or next(iter(texts.values()), ""), english if chinese else ""
    raise _Wrong(Message("{name} is {kind} ({value}), not text", name=name, kind=_kind(value),
                         value=_shown(value)))


def _list_of(value: Any, name: str) -> list[Any]:
    if value is None or value == "":
        return []
    if not isinstance(value, list):
        raise _Wrong(Message("{name} is {kind} ({value}), not a list", name=name, kind=_kind(value),
                             value=_shown(value)))
    return value


def _json_person(person: Any, n: int) -> RawPerson | None:
    if isinstance(person, str):
        return RawPerson(person.strip(), None) if person.strip() else None
    if not isinstance(person, dict):
        raise _Wrong(Message("speaker {number} is {kind} ({value}), not a name or an object with a "
                             "public_name", number=n, kind=_kind(person), value=_shown(person)))
    name = ""
    for field in ("public_name", "name", "full_public_name"):
        name = name or _text_of(person.get(field), Message("speaker {number}'s {field}", number=n,
                                                            field=field))[0]
    key = ""
    for field in ("guid", "code", "id"):
        key = key or _text_of(person.get(field), Message("speaker {number}'s {field}", number=n,
                                                          field=field))[0]
    return RawPerson(name, key or None) if name else None


def _json_fields(raw: dict[str, Any], event: RawEvent) -> None:
    """Fill ``event`` from the JSON object; _Wrong for a value of the wrong kind."""
    event.source_id = _text_of(raw.get("id"), "id")[0] or None
    event.guid = _text_of(raw.get("guid"), "guid")[0] or None
    event.title, event.title_en = _text_of(raw.get("title"), "title")
    event.abstract, event.abstract_en = _text_of(raw.get("abstract"), "abstract")
    for name in ("subtitle", "track", "type", "language", "description", "url"):
        setattr(event, name, _text_of(raw.get(name), name)[0])
    for name in ("date", "start", "duration"):
        setattr(event, name, _text_of(raw.get(name), name)[0] or None)
    event.room = _text_of(raw.get("room"), "room")[0] or event.room
    for n, person in enumerate(_list_of(raw.get("persons"), "persons"), start=1):
        if found := _json_person(person, n):
            event.persons.append(found)
    links = [*_list_of(raw.get("links"), "links"), *_list_of(raw.get("attachments"), "attachments")]
    for link in links:
        if not isinstance(link, dict):
            event.notes.append(Message("link {link} is {kind}, not an object with a url; left out",
                                       link=_shown(link), kind=_kind(link)))
            continue
        url = _text_of(link.get("url") or link.get("href"), Message("a link's url"))[0]
        if url and _absolute(url):
            event.links.append((url, _text_of(link.get("title"), Message("a link's title"))[0]))
        elif url:
            event.dropped_links.append(url)


def _json_event(raw: Any, day: str | None, room_name: str, index: int) -> RawEvent:
    """One event of a JSON schedule; one that has a value of the wrong kind is skipped, saying so."""
    named = {k: raw.get(k) for k in ("id", "guid")} if isinstance(raw, dict) else {}
    ident = next((_s(v) for v in named.values() if isinstance(v, str | int) and _s(v)), "")
    event = RawEvent(where=event_where(day, room_name, ident or f"#{index}"), day=day, room=room_name)
    if not isinstance(raw, dict):
        event.skip = Message("is {kind} ({value}), not an event object", kind=_kind(raw),
                             value=_shown(raw))
        return event
    try:
        _json_fields(raw, event)
    except _Wrong as exc:
        event.skip = message_of(exc)
        return event
    _midnight(event)
    return event


def _json_conference(conference: dict[str, Any], programme: RawProgramme) -> None:
    """The conference's title, acronym, zone, tracks and rooms."""
    try:
        programme.title = _text_of(conference.get("title"), Message("the conference's title"))[0]
        programme.acronym = _text_of(conference.get("acronym"),
                                     Message("the conference's acronym"))[0]
        programme.time_zone = _text_of(conference.get("time_zone_name"), "time_zone_name")[0] or None
        for n, track in enumerate(_list_of(conference.get("tracks"), "tracks"), start=1):
            track = track if isinstance(track, dict) else {"name": track}
            name = _text_of(track.get("name"), Message("track {number}'s name", number=n))[0]
            if name:
                color = _text_of(track.get("color"), Message("track {number}'s color", number=n))[0]
                programme.tracks.append((name, color or None))
        for n, room in enumerate(_list_of(conference.get("rooms"), "rooms"), start=1):
            room = room if isinstance(room, dict) else {"name": room}
            name = _text_of(room.get("name"), Message("room {number}'s name", number=n))[0]
            if name:
                guid = _text_of(room.get("guid"), Message("room {number}'s guid", number=n))[0]
                programme.rooms.append(RawRoom(name, guid or None))
    except _Wrong as exc:
        raise FileUnreadable(Message("{where}: {what}", where="schedule.conference",
                                     what=message_of(exc))) from None


def read_frab_json(data: bytes) -> RawProgramme:
    """Read a frab/pretalx ``schedule.json`` (``schedule.conference.days[].rooms{}``)."""
    try:
        doc = json.loads(data.decode("utf-8-sig"))
        conference = doc["schedule"]["conference"]
        days = conference.get("days") or []
    except UnicodeDecodeError as exc:
        raise FileUnreadable(Message("it is not UTF-8 text (byte {byte}): save the schedule as "
                                     "UTF-8", byte=exc.start)) from None
    except json.JSONDecodeError as exc:
        if exc.msg.startswith("Unterminated string") or exc.pos >= len(exc.doc.rstrip()):
            raise FileUnreadable(_cut_short(exc.lineno)) from None
        raise FileUnreadable(Message("the JSON is not well-formed at line {line}, column {column} "
                                     "({what})", line=exc.lineno, column=exc.colno,
                                     what=parse_reason(exc.msg))) from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise ProgrammeUnreadable(Message("not a frab JSON schedule: no schedule.conference.days")
                                  ) from exc
    if not isinstance(days, list):
        raise FileUnreadable(Message("schedule.conference.days is {kind}, not a list of days",
                                     kind=_kind(days)))
    programme = RawProgramme(format="frab-json")
    _json_conference(conference, programme)
    index = 0
    for n, day in enumerate(days, start=1):
        if not isinstance(day, dict):
            raise FileUnreadable(Message("day {number} is {kind} ({value}), not an object with a "
                                         "date and rooms", number=n, kind=_kind(day),
                                         value=_shown(day)))
        which = Message("day {number}", number=n)
        date = _day_date(day.get("date"), which)
        if date and isinstance(day.get("day_start"), str) and day["day_start"].strip():
            programme.day_starts[date] = day["day_start"].strip()
        rooms = day.get("rooms") or {}
        if not isinstance(rooms, dict):
            raise FileUnreadable(Message("{where} ({date}): rooms is {kind}, not an object of room "
                                         "names, each with its list of events", where=which,
                                         date=date or Message("no date"), kind=_kind(rooms)))
        for name, events in rooms.items():
            name = _s(name)
            if name and all(r.name != name for r in programme.rooms):
                programme.rooms.append(RawRoom(name))
            if not isinstance(events, list | None):
                raise FileUnreadable(Message("{where} ({date}), room {room}: its events are {kind}, "
                                             "not a list", where=which,
                                             date=date or Message("no date"), room=name,
                                             kind=_kind(events)))
            for raw in events or ():
                index += 1
                programme.events.append(_json_event(raw, date, name, index))
    return programme
