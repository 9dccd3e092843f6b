"""Programmes published as iCalendar: VEVENTs with TZID, recurring events, all-day events."""

from __future__ import annotations

import datetime as dt
from typing import Any

from guide.programme.model import ProgrammeError, RawEvent, RawPerson, RawProgramme

# An RRULE without COUNT or UNTIL would never end: it is expanded over this long and reported.
UNBOUNDED_SPAN = dt.timedelta(days=366)
MAX_OCCURRENCES = 2000


def _text(component: Any, name: str) -> str:
    value = component.get(name)
    return "" if value is None else str(value).strip()


def _hm(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60}:{minutes % 60:02d}"


def _values(event: Any, name: str) -> list[Any]:
    """Every value of a date-list property (RDATE, EXDATE), over all of its lines."""
    found = event.get(name)
    groups = found if isinstance(found, list) else [found] if found is not None else []
    return [d.dt for group in groups for d in group.dts]


def _same_type(value: Any, start: dt.datetime | dt.date) -> Any:
    """An RDATE/EXDATE value in the form of DTSTART: dates for all-day events, else date-times
    (a date-time list value for an all-day event, or the reverse, is read as its day/midnight)."""
    if isinstance(start, dt.datetime):
        if isinstance(value, dt.datetime):
            return value
        return dt.datetime.combine(value, start.timetz() if start.tzinfo else start.time())
    return value.date() if isinstance(value, dt.datetime) else value


def _occurrences(event: Any, start: dt.datetime | dt.date
                 ) -> tuple[list[tuple[Any, dt.timedelta | None]], bool]:
    """Every (start, own length) of a possibly recurring event, and whether its rule had no end.

    The recurrence set is RFC 5545's: DTSTART, the RRULE's instances and the RDATEs, less the
    EXDATEs. An RDATE given as a PERIOD brings its own length (else None: the event's).
    """
    from dateutil.rrule import rrulestr

    found: dict[Any, dt.timedelta | None] = {start: None}
    unbounded = False
    rule = event.get("RRULE")
    if rule is not None:
        text = rule.to_ical().decode()
        unbounded = "COUNT=" not in text and "UNTIL=" not in text
        first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
        limit = first + UNBOUNDED_SPAN
        for when in rrulestr(text, dtstart=first):
            if len(found) >= MAX_OCCURRENCES or (unbounded and when > limit):
                break
            found.setdefault(when if isinstance(start, dt.datetime) else when.date(), None)
    for value in _values(event, "RDATE"):
        if isinstance(value, tuple):  # PERIOD: (start, end) or (start, duration)
            begin, until = value
            found[_same_type(begin, start)] = until if isinstance(until, dt.timedelta) \
                else until - begin
        else:
            found.setdefault(_same_type(value, start), None)
    for value in _values(event, "EXDATE"):
        found.pop(_same_type(value, start), None)
    return sorted(found.items(), key=lambda item: _sort_key(item[0]))[:MAX_OCCURRENCES], unbounded


def _sort_key(value: Any) -> tuple[Any, ...]:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return (aware.astimezone(dt.UTC),)
    return (dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC),)


def read_ics(data: bytes) -> RawProgramme:
    """Read the VEVENTs of an iCalendar file; recurring events become one session per occurrence."""
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise ProgrammeError(f"not a readable iCalendar file: {exc}") from exc
    programme = RawProgramme(format="ics", title=_text(cal, "X-WR-CALNAME") or _text(cal, "NAME"),
                             times_optional=True)
    zones: set[str | None] = set()
    for index, event in enumerate(cal.walk("VEVENT"), start=1):
        uid = _text(event, "UID")
        where = f"VEVENT {index}" + (f" (UID {uid})" if uid else "")
        if event.get("DTSTART") is None:
            programme.events.append(RawEvent(where=where, day=None, guid=uid or None,
                                             title=_text(event, "SUMMARY")))
            continue
        start = event.decoded("DTSTART")
        if isinstance(start, dt.datetime):
            zones.add(_zone_key(start))
        end = event.decoded("DTEND") if event.get("DTEND") is not None else None
        if end is None and event.get("DURATION") is not None:
            end = start + event.decoded("DURATION")
        length = (end - start) if end is not None else None
        occurrences, unbounded = _occurrences(event, start)
        persons = [RawPerson(str(c).strip()) for c in _list(event.get("CONTACT")) if str(c).strip()]
        persons += [RawPerson(str(a.params.get("CN", "")).strip()) for a in _list(event.get("ATTENDEE"))
                    if str(a.params.get("CN", "")).strip()]
        for n, (when, own_length) in enumerate(occurrences):
            raw = RawEvent(
                where=where + (f", occurrence {n + 1}" if len(occurrences) > 1 else ""),
                day=(when.date() if isinstance(when, dt.datetime) else when).isoformat(),
                guid=(uid if len(occurrences) == 1 else f"{uid}/{when.isoformat()}") or None,
                title=_text(event, "SUMMARY"), room=_text(event, "LOCATION"),
                abstract=_text(event, "DESCRIPTION"), url=_text(event, "URL"),
                persons=list(persons),
                track=", ".join(str(c) for cats in _list(event.get("CATEGORIES"))
                                for c in getattr(cats, "cats", [cats])),
            )
            if isinstance(when, dt.datetime):  # all-day events keep only their day
                raw.date = when.isoformat()
                this_length = own_length if own_length is not None else length
                raw.duration = _hm(this_length) if this_length is not None else None
            if unbounded and n == 0:
                raw.notes.append(f"RRULE has no COUNT or UNTIL; expanded over "
                                 f"{UNBOUNDED_SPAN.days} days ({len(occurrences)} sessions)")
            programme.events.append(raw)
    programme.time_zone = _calendar_zone(_text(cal, "X-WR-TIMEZONE"), zones)
    return programme


def _zone_key(value: dt.datetime) -> str | None:
    """The IANA name of a date-time's zone (TZID=Europe/Berlin), None for UTC, floating or an offset."""
    key = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
    return key if isinstance(key, str) and "/" in key else None


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


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
