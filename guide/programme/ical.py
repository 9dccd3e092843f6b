"""Programmes published as iCalendar: VEVENTs with TZID, recurring events, all-day events.

Calendar programs export a changed occurrence of a repeating event as a second VEVENT
with the same UID and a RECURRENCE-ID naming the occurrence: it replaces that occurrence.
Cancelled events and occurrences (STATUS:CANCELLED) are left out and reported. An event
whose dates or repeat rule cannot be read is reported and skipped; the others import.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from guide.programme import ical_own
from guide.programme.ical_dates import (
    UNBOUNDED_SPAN,
    Occurrence,
    Skip,
    date_of,
    list_of,
    occurrences,
    same_type,
    show,
    timing,
    zone_key,
)
from guide.programme.message import Message, message_of
from guide.programme.model import (
    FileUnreadable,
    ProgrammeUnreadable,
    RawEvent,
    RawPerson,
    RawProgramme,
)

_CHARSET = re.compile(rb";CHARSET=\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass
class _Vevent:
    """One VEVENT as read: where it is, its times, and what becomes of it."""

    index: int
    component: Any
    uid: str
    where: str
    start: Any = None  # dt.date or dt.datetime
    length: dt.timedelta | None = None
    occurrences: list[Occurrence] = field(default_factory=list)
    unbounded: bool = False
    recurrence_id: Any = None  # set for an override of one occurrence
    cancelled: bool = False
    notes: list[str] = field(default_factory=list)
    skip: str | None = None
    guid: str | None = None  # an override's: the guid of the occurrence it replaces
    repeats: bool = False  # more than one occurrence (each then has a guid of its own)
    future: bool = False  # RECURRENCE-ID;RANGE=THISANDFUTURE
    replaced: set[Any] = field(default_factory=set)  # occurrences an override replaces


def _text(component: Any, name: str, sep: str = " / ") -> str:
    """A text property's value (several lines of it joined, none of them lost)."""
    values = [str(v).strip() for v in list_of(component.get(name))]
    return sep.join(v for v in dict.fromkeys(values) if v)


def _hm(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 0:  # normalise reports it: "ends before it starts (duration -1:00)"
        return f"-{-minutes // 60}:{-minutes % 60:02d}"
    return f"{minutes // 60}:{minutes % 60:02d}"


def _decode(data: bytes) -> str:
    """The calendar's text: UTF-8 as RFC 5545 says, or the one CHARSET its lines declare."""
    body = data[len(codecs.BOM_UTF8):] if data.startswith(codecs.BOM_UTF8) else data
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = body.count(b"\n", 0, exc.start) + 1
    declared = {m.decode("ascii").lower() for m in _CHARSET.findall(body)}
    if len(declared) == 1:  # old vCalendar-style exports say SUMMARY;CHARSET=GBK:...
        charset = declared.pop()
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise FileUnreadable(Message("it is not UTF-8 text (line {line}), nor the "
                                         "CHARSET={charset} it declares: save the calendar as "
                                         "UTF-8", line=line, charset=charset)) from None
    raise FileUnreadable(Message("it is not UTF-8 text (line {line} is in another encoding, "
                                 "perhaps GBK): save the calendar as UTF-8", line=line))


def _read_vevent(index: int, event: Any) -> _Vevent:
    """One VEVENT's times and recurrence; a problem becomes its ``skip`` reason."""
    uid = ical_own.guid_of(_text(event, "UID"))
    item = _Vevent(index, event, uid, Message("VEVENT {number} (UID {uid})", number=index, uid=uid)
                   if uid else Message("VEVENT {number}", number=index))
    item.cancelled = _text(event, "STATUS").upper() == "CANCELLED"
    try:
        if event.get("RECURRENCE-ID") is not None:
            item.recurrence_id = date_of(event, "RECURRENCE-ID")
            item.where = Message("VEVENT {number} (UID {uid}, RECURRENCE-ID {occurrence})",
                                 number=index, uid=uid, occurrence=show(item.recurrence_id))
            if str(event.get("RECURRENCE-ID").params.get("RANGE", "")).upper() == "THISANDFUTURE":
                item.future = True
                raise Skip(Message("RECURRENCE-ID;RANGE=THISANDFUTURE (one change to this and "
                                   "every later occurrence) is not supported; the occurrences "
                                   "keep the repeating event's details: change them one by one, "
                                   "or end the series and start a new one"))
        if event.get("DTSTART") is None:
            raise Skip(Message("no DTSTART: an event needs its start date (and time)"))
        item.start, item.length = timing(event, item.notes)
        if item.recurrence_id is None:
            item.occurrences, item.unbounded = occurrences(event, item.start, item.notes)
            item.repeats = len(item.occurrences) > 1
        else:
            item.occurrences = [(item.start, None)]
    except Skip as exc:
        item.skip = message_of(exc)
    return item


def _sequence(item: _Vevent) -> int:
    try:
        return int(str(item.component.get("SEQUENCE", 0)))
    except ValueError:
        return 0


def _occurrence_guid(item: _Vevent, when: Any) -> str | None:
    """The guid of one occurrence: the UID, and its start when the event repeats."""
    return (f"{item.uid}/{when.isoformat()}" if item.repeats else item.uid) or None


def _apply_overrides(items: list[_Vevent]) -> None:
    """Each RECURRENCE-ID event replaces the occurrence it names (time zones considered).

    When two name the same occurrence, the one with the higher SEQUENCE (else the later
    one) wins and the other is reported.
    """
    series: dict[str, list[_Vevent]] = {}
    for item in items:
        if item.recurrence_id is None and item.skip is None and item.uid:
            series.setdefault(item.uid, []).append(item)
    taken: dict[tuple[int, Any], _Vevent] = {}
    for item in items:
        if item.recurrence_id is None or item.future or (item.skip and not item.cancelled):
            continue
        for master in series.get(item.uid, []):
            key = same_type(item.recurrence_id, master.start)
            starts = {when: when for when, _length in master.occurrences}
            if key not in starts:
                continue
            key = starts[key]  # as the repeating event gives it (its zone, for the guid)
            item.guid = _occurrence_guid(master, key)
            previous = taken.setdefault((master.index, key), item)
            if previous is not item:
                older, newer = sorted((previous, item), key=lambda v: (_sequence(v), v.index))
                older.skip = Message("VEVENT {number} is a newer change of the same occurrence "
                                     "({occurrence}); this one is left out", number=newer.index,
                                     occurrence=show(key))
                taken[(master.index, key)] = newer
            master.replaced.add(key)
            break
        else:
            if item.uid in series and not item.skip:
                item.notes.append(Message(
                    "RECURRENCE-ID {occurrence} names no occurrence of the repeating event (VEVENT "
                    "{number}); imported as a session of its own",
                    occurrence=show(item.recurrence_id), number=series[item.uid][0].index))


def _cancel(item: _Vevent) -> None:
    """STATUS:CANCELLED: the event (or the one occurrence) is left out, saying so."""
    if item.recurrence_id is not None:
        item.skip = Message("the occurrence of {occurrence} is cancelled (STATUS:CANCELLED); left "
                            "out", occurrence=show(item.recurrence_id))
        return
    left = len(item.occurrences) - len(item.replaced)
    item.skip = Message("cancelled (STATUS:CANCELLED); left out with its {count} occurrences",
                        count=left) if left > 1 else Message("cancelled (STATUS:CANCELLED); left out")


def _raw_events(item: _Vevent, own: bool = False) -> list[RawEvent]:
    """The sessions of one VEVENT, one per occurrence (or its reason for being skipped)."""
    event, uid = item.component, item.uid
    if item.skip:
        return [RawEvent(where=item.where, day=None, guid=item.guid or uid or None,
                         title=_text(event, "SUMMARY"), skip=item.skip)]
    persons = [p for c in list_of(event.get("CONTACT")) if (p := ical_own.person(c))]
    persons += [RawPerson(str(a.params.get("CN", "")).strip()) for a in list_of(event.get("ATTENDEE"))
                if str(a.params.get("CN", "")).strip()]
    track = ", ".join(str(c) for cats in list_of(event.get("CATEGORIES"))
                      for c in getattr(cats, "cats", [cats]))
    notes = list(item.notes)
    if item.unbounded:
        notes.append(Message("RRULE has no COUNT or UNTIL; expanded over {days} days ({count} "
                             "sessions)", days=UNBOUNDED_SPAN.days, count=len(item.occurrences)))
    out: list[RawEvent] = []
    for n, (when, own_length) in enumerate(item.occurrences):
        if when in item.replaced:
            continue
        raw = RawEvent(
            where=Message("{where}, occurrence {number}", where=item.where, number=n + 1)
            if item.repeats else item.where,
            day=(when.date() if isinstance(when, dt.datetime) else when).isoformat(),
            guid=_occurrence_guid(item, when) if item.recurrence_id is None else item.guid or (
                f"{uid}/{item.recurrence_id.isoformat()}" if uid else None),
            title=_text(event, "SUMMARY"), room=_text(event, "LOCATION"),
            abstract=_text(event, "DESCRIPTION", "\n\n"), url=_text(event, "URL"),
            persons=list(persons), track=track, notes=notes if not out else [],
        )
        if isinstance(when, dt.datetime):  # all-day events keep only their day
            raw.date = when.isoformat()
            this_length = own_length if own_length is not None else item.length
            raw.duration = _hm(this_length) if this_length is not None else None
        ical_own.describe(raw, event, own, repeats=item.repeats)  # (own: the guide's export)
        out.append(raw)
    return out


def read_ics(data: bytes) -> RawProgramme:
    """Read the VEVENTs of an iCalendar file; recurring events become one session per occurrence."""
    import icalendar

    text = _decode(data)
    try:
        cal = icalendar.Calendar.from_ical(text)
    except ValueError as exc:
        raise ProgrammeUnreadable(Message("not a readable iCalendar file: {error}",
                                          error=str(exc))) from exc
    programme = RawProgramme(format="ics", title=_text(cal, "X-WR-CALNAME") or _text(cal, "NAME"),
                             acronym=_text(cal, ical_own.PACK), times_optional=True)
    programme.rooms = ical_own.rooms(cal)
    items = [_read_vevent(index, event) for index, event in enumerate(cal.walk("VEVENT"), start=1)]
    _apply_overrides(items)
    zones: set[str | None] = set()
    for item in items:
        if item.cancelled:
            _cancel(item)
        if item.skip is None and isinstance(item.start, dt.datetime):
            zones.add(zone_key(item.start))
        programme.events += _raw_events(item, ical_own.is_own(cal))
    programme.time_zone = _calendar_zone(_text(cal, "X-WR-TIMEZONE"), zones)
    return programme


def _calendar_zone(declared: str, zones: set[str | None]) -> str | None:
    """The calendar's own zone: X-WR-TIMEZONE, else the one TZID its timed events share.

    Without it the programme's clock would be a fixed offset, an hour wrong across a change
    to or from summer time.
    """
    from zoneinfo import ZoneInfo

    named = {z for z in zones if z}  # UTC times are instants on any clock: they do not vote
    candidates = [declared] if declared else list(named) if len(named) == 1 else []
    for name in candidates:
        try:
            ZoneInfo(name)
        except (ValueError, KeyError, OSError):
            continue
        return name
    return None
