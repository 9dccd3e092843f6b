"""Turn a schedule as read into pack items: absolute times, rooms, tracks, deduplicated speakers.

Every event that is skipped or repaired is listed in the report with where it was in
the file and why, never dropped silently.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import unicodedata
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from zoneinfo import ZoneInfo

from guide.content.ids import make_id
from guide.programme.message import THE_FILE, Message, message_of
from guide.programme.model import ProgrammeError, RawEvent, RawProgramme
from guide.programme.text import one_line, paragraphs
from guide.programme.times import (
    FALLBACK_SOURCE,
    LONGEST_LIKELY,
    parse_clock,
    parse_duration,
    parse_instant,
    zone,
)

# Without a day start in the file, an event before this clock time belongs to the
# conference day before (events at 00:30 are the previous night's).
DEFAULT_DAY_CHANGE = dt.time(5, 0)
_ITEM_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Report:
    """Events skipped or repaired, for ``--report FILE.json`` and the command's summary."""

    skipped: list[dict[str, Any]] = field(default_factory=list)
    repaired: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)  # nothing lost, but worth knowing
    columns: list[dict[str, Any]] = field(default_factory=list)  # columns not read: "where", "reason"

    def skip(self, event: RawEvent, reason: str) -> None:
        self.skipped.append({**_ident(event), "reason": reason})

    def leave_out(self, where: str, reason: str) -> None:
        """Something of the file that is not an event (a column) was not loaded."""
        self.skipped.append({"where": where, "id": None, "guid": None, "title": "", "reason": reason})

    def repair(self, event: RawEvent, what: str) -> None:
        self.repaired.append({**_ident(event), "repair": what})

    def repair_file(self, where: str, what: str) -> None:
        """Something of the file that is not an event (its encoding) was read otherwise."""
        self.repaired.append({"where": where, "id": None, "guid": None, "title": "", "repair": what})


def _existing(start: dt.datetime, event: RawEvent, report: Report) -> dt.datetime:
    """``start``, or when its clock time does not exist that day in its zone (skipped when
    the clocks go forward: 02:30 on 31 March 2024 in Berlin) the time it is read as, said in
    a repair: it was kept as typed, which made a 02:30-03:30 session last no time at all."""
    zone_of = start.tzinfo
    if not isinstance(zone_of, ZoneInfo):
        return start  # a fixed offset: every time exists
    real = start.astimezone(dt.UTC).astimezone(zone_of)
    if real.replace(tzinfo=None) == start.replace(tzinfo=None):
        return start
    report.repair(event, Message("{time} does not exist on {date} in {zone} (the clocks go "
                                 "forward); read as {read}, the session keeping its length: check "
                                 "the times", time=f"{start:%H:%M}", date=f"{start:%Y-%m-%d}",
                                 zone=zone_of.key, read=f"{real:%H:%M}"))
    return real


def _hours(length: dt.timedelta) -> str:
    hours, seconds = divmod(int(length.total_seconds()), 3600)
    if seconds >= 60:
        return Message("{hours} hours {minutes} minutes", hours=hours, minutes=seconds // 60)
    return Message("{hours} hours", hours=hours)


def _ident(event: RawEvent) -> dict[str, Any]:
    return {"where": event.where, "id": event.source_id, "guid": event.guid, "title": event.title}


@dataclass
class Programme:
    """Pack items of a schedule (dicts in the pack's JSON form) and the import report."""

    title: str
    acronym: str
    timezone: str
    languages: list[str]
    forum: list[dict[str, Any]]
    person: list[dict[str, Any]]
    organization: list[dict[str, Any]]
    room: list[dict[str, Any]]
    track: list[dict[str, Any]]
    report: Report
    zone_assumed: bool = False  # the file names no zone: its times were read in the fallback's


class _Clock:
    """Resolves an event's absolute start from whatever the file gives."""

    def __init__(self, raw: RawProgramme, tz: ZoneInfo | None, tz_hint: str,
                 fallback: ZoneInfo | None = None) -> None:
        self.tz = tz
        self.tz_hint = tz_hint
        # For times with neither offset nor zone only: a time with an offset keeps its own.
        self.fallback = fallback
        self.fallback_used = False
        self.day_change = DEFAULT_DAY_CHANGE
        if raw.day_change:
            with contextlib.suppress(ValueError):
                self.day_change = parse_clock(raw.day_change)
        self.day_starts: dict[str, dt.time] = {}
        for day, start in raw.day_starts.items():
            try:
                instant = parse_instant(start)
            except ValueError:
                continue
            if instant.tzinfo is not None and tz is not None:
                instant = instant.astimezone(tz)
            self.day_starts[day] = instant.time()

    def _need_zone(self, event: RawEvent) -> ZoneInfo:
        if self.tz is None and self.fallback is not None:
            self.fallback_used = True
            return self.fallback
        if self.tz is None:
            # The example is the likely zone: a Chinese programme is most often China's.
            said = " ".join((self.tz_hint, event.title, event.room, event.track, event.abstract))
            example = "Asia/Shanghai" if _CJK.search(said) else "Europe/Brussels"
            raise ProgrammeError(Message(
                "{source} gives times without a UTC offset or time zone; name the zone they are "
                "in with --timezone, e.g. --timezone {example}", source=self.tz_hint,
                example=example))
        return self.tz

    def start(self, event: RawEvent, report: Report) -> dt.datetime:
        if event.date and ("T" in event.date or " " in event.date.strip()):
            value = parse_instant(event.date)
            if value.tzinfo is None:
                value = value.replace(tzinfo=self._need_zone(event))
            elif self.tz is not None:
                value = value.astimezone(self.tz)
            if event.start:
                try:
                    clock = parse_clock(event.start)
                except ValueError:
                    clock = None
                if clock is not None and clock != value.time().replace(second=0):
                    report.repair(event, Message("<start> {start} disagrees with <date> {date}; "
                                                 "the date's time is kept", start=event.start,
                                                 date=event.date))
            return value
        day = event.date or event.day
        if not day or not event.start:
            raise ValueError(Message("neither a date-time nor a day and start time"))
        calendar_day = dt.date.fromisoformat(day[:10])
        clock = parse_clock(event.start)
        day_start = self.day_starts.get(event.day or "", self.day_change)
        # A conference day runs past midnight: an event before the day's start is next morning's.
        if clock < day_start and event.day and not event.date:
            calendar_day += dt.timedelta(days=1)
        return dt.datetime.combine(calendar_day, clock, tzinfo=self._need_zone(event))


def _out_of_range(start: dt.datetime, length: dt.timedelta | None) -> str | None:
    """Why an event's times cannot be written in a pack (ISO 8601, offsets in whole minutes), or None."""
    try:
        end = start + length if length is not None else start
    except OverflowError:
        return Message("ends after the year 9999 (starts {date}, lasts {length})",
                       date=start.date().isoformat(), length=str(length))
    for instant in (start, end):
        offset = instant.utcoffset()
        if offset is not None and offset.seconds % 60:
            # Local mean time, kept by every zone before it took a standard offset (Shanghai
            # until 1901): a year typed wrong, not a conference.
            return Message("the date {date} is out of range: its time zone then was {offset} from "
                           "UTC, before standard time; check the year",
                           date=instant.date().isoformat(), offset=str(offset))
    return None


def _iso(value: dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _fixed_zone(instant: dt.datetime) -> str:
    """An IANA name for the offset of ``instant`` (Etc/GMT-1 is UTC+01:00: the sign is POSIX's)."""
    offset = instant.utcoffset() or dt.timedelta(0)
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -14 <= hours <= 12:
        return "UTC"
    return "UTC" if hours == 0 else f"Etc/GMT{-hours:+d}"


def _event_key(event: RawEvent) -> str:
    return event.guid or (f"id:{event.source_id}" if event.source_id else
                          f"title:{event.title}|{event.date}|{event.start}|{event.room}")


def _event_id(event: RawEvent, key: str) -> str:
    guid = (event.guid or "").lower()
    if _ITEM_ID.match(guid):
        return guid
    return make_id("session", event.title, key)


def _place_key(name: str) -> str:
    """One room or track however a sheet types it: "A厅", "a厅", "Ａ厅" (an input method's
    full-width letter) and "A厅 " are one hall. The file's first spelling names it and gives
    its id, as before this merging: a later file that spells it first another way gives the
    room another id (its sessions keep theirs)."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


class _Names:
    """Rooms, tracks, people and organisations met so far, each with the pack id it was given."""

    def __init__(self) -> None:
        self.rooms: dict[str, dict[str, Any]] = {}
        self.room_ids: set[str] = set()
        self.tracks: dict[str, dict[str, Any]] = {}
        self.persons: dict[str, dict[str, Any]] = {}
        self.organizations: dict[str, dict[str, Any]] = {}

    def room_id(self, name: str, guid: str | None = None) -> str:
        # By the file's guid when it gives one, as people by their id: a room renamed in the
        # next export keeps the hash in its id, so its bookmark follows (see guide.content.ids).
        key = _place_key(name)
        if key not in self.rooms:
            key_of = (guid or "").strip().lower()
            room_id = make_id("room", name, f"guid:{key_of}") if key_of else ""
            if not room_id or room_id in self.room_ids:
                room_id = make_id("room", name, name)  # no guid, or one given twice
            self.room_ids.add(room_id)
            self.rooms[key] = {"id": room_id, "title": name, "title_en": name}
            if guid:
                self.rooms[key]["guid"] = guid
        return str(self.rooms[key]["id"])

    def track_id(self, name: str, color: str | None = None) -> str:
        key = _place_key(name)
        if key not in self.tracks:
            self.tracks[key] = {"id": make_id("track", name, name), "title": name, "title_en": name}
            if color:
                self.tracks[key]["color"] = color
        return str(self.tracks[key]["id"])

    def person_id(self, name: str, key: str | None) -> str:
        # By the file's id/guid when it gives one (two people may share a name), else by name.
        ref = f"key:{key}" if key else f"name:{' '.join(name.split()).casefold()}"
        if ref not in self.persons:
            self.persons[ref] = {"id": make_id("person", name, ref), "name": name, "name_en": name}
        return str(self.persons[ref]["id"])

    def org_id(self, name: str) -> str:
        if name not in self.organizations:
            self.organizations[name] = {"id": make_id("org", name, name), "name": name,
                                        "name_en": name}
        return str(self.organizations[name]["id"])


def _drain(events: list[RawEvent]) -> Iterator[RawEvent]:
    """The events in order, each let go once converted (a large programme is not held twice)."""
    queue = deque(events)
    events.clear()
    while queue:
        yield queue.popleft()


def normalise(raw: RawProgramme, *, timezone: str | None = None, source: str = "",
              fallback_timezone: str | None = None) -> Programme:
    """Pack items for ``raw``; raise :class:`ProgrammeError` when the file cannot be imported.

    ``raw.events`` is emptied as the events are converted.
    """
    tz_name = timezone or raw.time_zone
    tz = zone(tz_name, flag=timezone is not None, source=source or THE_FILE) if tz_name else None
    clock = _Clock(raw, tz, source or THE_FILE,
                   zone(fallback_timezone, flag=False, source=FALLBACK_SOURCE)
                   if fallback_timezone else None)
    report = Report()
    names = _Names()
    forums: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    ids: set[str] = set()
    for where, reason in raw.left_out:
        report.leave_out(where, reason)
    report.columns += [{"where": where, "reason": reason} for where, reason in raw.unread_columns]
    for where, what in raw.file_repairs:
        report.repair_file(where, what)
    report.notices += [{"where": where, "notice": what} for where, what in raw.notices]
    for r in raw.rooms:
        names.room_id(r.name, r.guid)
    for name, color in raw.tracks:
        names.track_id(name, color)
    for event in _drain(raw.events):
        forum = _session(event, raw.times_optional, clock, report, names, seen, ids)
        if forum is not None:
            forums.append(forum)

    everything = " ".join(f["title"] for f in forums) + raw.title
    # Chinese text declares both languages only when every English sibling is really given.
    english_given = all(f["title_en"] != f["title"] or not _CJK.search(f["title"])
                        for f in forums) and all("summary_en" in f for f in forums if "summary" in f)
    languages = (["en"] if not _CJK.search(everything) else
                 ["zh", "en"] if english_given else ["zh"])
    if tz is not None:
        tz_label = tz.key
    elif clock.fallback_used and clock.fallback is not None:
        tz_label = clock.fallback.key
    elif forums:
        first_start = next((str(f["start"]) for f in forums if "start" in f), None)
        tz_label = _fixed_zone(dt.datetime.fromisoformat(first_start)) if first_start else "UTC"
    else:
        tz_label = "UTC"
    return Programme(
        title=raw.title or raw.acronym or "Programme", acronym=raw.acronym, timezone=tz_label,
        languages=languages, forum=forums, person=list(names.persons.values()),
        organization=list(names.organizations.values()), room=list(names.rooms.values()),
        track=list(names.tracks.values()), report=report,
        zone_assumed=tz is None and clock.fallback_used,
    )


def _session(event: RawEvent, times_optional: bool, clock: _Clock, report: Report, names: _Names,
             seen: dict[str, dict[str, Any]], ids: set[str]) -> dict[str, Any] | None:
    """The session item for one event, or None (and why, in ``report``) when it is skipped.

    ``times_optional`` (a spreadsheet): an event with a day but no time is kept, untimed.
    """
    if event.skip:
        report.skip(event, event.skip)
        return None
    title, rounds = one_line(event.title)
    if not title:
        report.skip(event, Message("no title"))
        return None
    event.title = title
    start: dt.datetime | None = None
    length: dt.timedelta | None = None
    untimed = times_optional and not event.date and not event.start and bool(event.day)
    if not untimed:
        try:
            start = _existing(clock.start(event, report), event, report)
        except (ValueError, OverflowError) as exc:
            report.skip(event, Message("start time unreadable: {problem}",
                                       problem=message_of(exc)))
            return None
    if start is not None and not (times_optional and event.duration is None):
        try:
            length = parse_duration(event.duration or "")
        except ValueError as exc:
            given = (event.duration or "").strip()
            if given.startswith("-"):  # an end before the start
                report.skip(event, Message("ends before it starts (duration {duration})",
                                           duration=given))
            else:
                report.skip(event, message_of(exc) if event.duration else Message("no duration"))
            return None
    if start is not None and (problem := _out_of_range(start, length)):
        report.skip(event, problem)
        return None
    if length is not None and length > LONGEST_LIKELY:
        report.notices.append({**_ident(event), "notice": Message(
            "lasts {length} (duration {duration}); it is shown as on for all that time: check the "
            "duration", length=_hours(length), duration=(event.duration or "").strip())})
    key = _event_key(event)
    if key in seen:
        first = seen[key]
        if first["title"] == title and first.get("start") == _iso(start):
            report.skip(event, Message("duplicate of session {id} (same id, title and start)",
                                       id=first["id"]))
            return None
        report.repair(event, Message("id {id} is used twice; this second event gets an id of its "
                                     "own", id=event.guid or event.source_id))
        key = f"{key}|{len(ids)}"
    summary, r_abs = paragraphs(event.abstract)
    text, r_desc = paragraphs(event.description)
    subtitle, r_sub = one_line(event.subtitle)
    if rounds or r_abs or r_desc or r_sub:
        report.repair(event, Message("HTML that was escaped twice was decoded"))
    for note in event.notes:
        report.repair(event, note)
    for url in event.dropped_links:
        report.repair(event, Message("link {url!r} is not an absolute http(s) address; left out",
                                     url=url))
    item_id = _event_id(event, key) if key not in ids else make_id("session", title, key)
    while item_id in ids:
        item_id = make_id("session", title, f"{key}|{item_id}")
    ids.add(item_id)
    forum: dict[str, Any] = {
        "id": item_id, "kind": "session", "title": title,
        "title_en": one_line(event.title_en)[0] or title,
        "date": (event.day or (start.date().isoformat() if start else ""))[:10],
    }
    if start is not None:
        forum["start"] = start.isoformat()
        if length is not None:
            forum["end"] = (start + length).isoformat()
    _describe(forum, event, report, names, subtitle, summary, text)
    seen[key] = forum
    return forum


def _describe(forum: dict[str, Any], event: RawEvent, report: Report, names: _Names,
              subtitle: str, summary: list[str], text: list[str]) -> None:
    """Add what the event says beyond title and time: guid, room, track, texts, speakers, links."""
    if event.guid:
        forum["guid"] = event.guid
    elif event.source_id:
        forum["guid"] = event.source_id
    if event.room:
        forum["room"] = names.room_id(event.room)
    else:
        report.repair(event, Message("no room given; the session is listed without one"))
    if event.track:
        forum["track"] = names.track_id(event.track)
    for name, value in (("type", event.type), ("language", event.language),
                        ("subtitle", subtitle), ("url", event.url)):
        if value:
            forum[name] = value
    if summary:
        forum["summary"] = "\n\n".join(summary)
        english = paragraphs(event.abstract_en)[0]
        if english or not event.title_en:
            forum["summary_en"] = "\n\n".join(english) if english else forum["summary"]
    if event.hosts:
        forum["organisers"] = [{"org": names.org_id(h), "role": "主办"} for h in event.hosts]
    if text:
        forum["text"] = forum["text_en"] = text
    speakers: list[str] = []
    for person in event.persons:
        pid = names.person_id(person.name, person.key)
        if pid not in speakers:
            speakers.append(pid)
    if speakers:
        forum["speakers"] = [{"person": p} for p in speakers]
    if event.links:
        forum["links"] = [{"url": u, **({"title": t} if t else {})} for u, t in event.links]
