"""What the guide's own ``.ics`` export carries beyond RFC 5545's core, and how it is read back.

Imported again, the export must be the same programme: a bookmark follows a session by its
id (the frab guid), a kiosk takes an update only for its own pack id, and a session after
midnight belongs to the conference day before. iCalendar has no place for these, nor for a
session's type and language or for where its abstract ends, so the export writes them as
``X-ZGC-GUIDE-…`` properties, which other calendar programs ignore (RFC 5545, 3.8.8.2), and
its links as RFC 9253 ``LINK`` properties, which any calendar may give and are read from any.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any
from urllib.parse import urlsplit

from guide.programme.message import Message
from guide.programme.model import RawEvent, RawPerson, RawRoom

PRODID = "-//zgc-guide//programme//EN"
UID_SUFFIX = "@zgc-guide"  # the export's UID is "<guid>@zgc-guide"
PACK = "X-ZGC-GUIDE-PACK"  # calendar: the pack id
DAY = "X-ZGC-GUIDE-DAY"  # event: its conference day, where that is not its start's date
TYPE = "X-ZGC-GUIDE-TYPE"
LANGUAGE = "X-ZGC-GUIDE-LANGUAGE"
SUMMARY_PARAGRAPHS = "X-ZGC-GUIDE-SUMMARY-PARAGRAPHS"  # DESCRIPTION's first n are the abstract
PERSON = "X-ZGC-GUIDE-PERSON"  # CONTACT parameter: the speaker's UUID (two Leonards stay two)
ROOM = "X-ZGC-GUIDE-ROOM"  # LOCATION parameter: the room's UUID (its id, which bookmarks keep)
SPEAKERS = "Speakers: "  # the last paragraph of the export's DESCRIPTION, for people to read
_UUID = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")


def is_own(calendar: Any) -> bool:
    """Whether the calendar is the guide's own export (by its PRODID, as every version wrote)."""
    return str(calendar.get("PRODID", "")).strip() == PRODID


def guid_of(uid: str) -> str:
    """The session guid a UID stands for: the UUID of the guide's own ``<uuid>@zgc-guide``,
    as its first import had it; any other UID as it is."""
    bare = uid.removesuffix(UID_SUFFIX)
    return bare if bare != uid and _UUID.match(bare) else uid


def person(contact: Any) -> RawPerson | None:
    """The speaker a CONTACT names, keyed by the export's speaker UUID when it gives one."""
    name = str(contact).strip()
    if not name:
        return None
    key = str(getattr(contact, "params", {}).get(PERSON, "")).strip()
    return RawPerson(name, key or None)


def rooms(calendar: Any) -> list[RawRoom]:
    """The rooms the export gave a UUID (a LOCATION's :data:`ROOM`), each once, in order: a
    room is known by its UUID, so the round trip keeps its id."""
    found: dict[str, str] = {}
    for event in calendar.walk("VEVENT"):
        location = event.get("LOCATION")
        location = location[0] if isinstance(location, list) and location else location
        name = str(location or "").strip()
        guid = str(getattr(location, "params", {}).get(ROOM, "")).strip()
        if name and _UUID.match(guid):
            found.setdefault(name, guid.lower())
    return [RawRoom(name, guid) for name, guid in found.items()]


def _one(component: Any, name: str) -> str:
    value = component.get(name)
    return str(value[0] if isinstance(value, list) else value or "").strip()


def describe(raw: RawEvent, component: Any, own: bool, *, repeats: bool) -> None:
    """Set what the export wrote beyond RFC 5545 on ``raw`` (read from DESCRIPTION as its
    abstract): links, type, language, the conference day, and the abstract apart from the text.

    The "Speakers: …" paragraph the export adds for people to read is dropped when it names
    exactly the CONTACTs (they are the speakers already); from another calendar it stays text.
    """
    _links(raw, component)
    raw.type, raw.language = _one(component, TYPE), _one(component, LANGUAGE)
    day = _one(component, DAY)
    if day and not repeats and raw.date:
        try:
            raw.day = dt.date.fromisoformat(day).isoformat()
        except ValueError:
            raw.notes.append(Message("{property} {day!r} is not a date (YYYY-MM-DD); the session "
                                     "is listed on the day it starts", property=DAY, day=day))
    if not own:
        return
    pieces = raw.abstract.split("\n\n") if raw.abstract else []
    if pieces and pieces[-1] == SPEAKERS + ", ".join(p.name for p in raw.persons):
        pieces.pop()
    count = _one(component, SUMMARY_PARAGRAPHS)
    split = int(count) if count.isdigit() else len(pieces)
    raw.abstract, raw.description = "\n\n".join(pieces[:split]), "\n\n".join(pieces[split:])


def _links(raw: RawEvent, component: Any) -> None:
    value = component.get("LINK")
    for link in value if isinstance(value, list) else [value] if value is not None else []:
        url = str(link).strip()
        if urlsplit(url).scheme in ("http", "https"):
            raw.links.append((url, str(link.params.get("LABEL", "")).strip()))
        elif url:
            raw.dropped_links.append(url)
