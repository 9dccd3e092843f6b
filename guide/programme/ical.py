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


def _occurrences(event: Any, start: dt.datetime | dt.date) -> tuple[list[Any], bool]:
    """Every start of a (possibly recurring) event, and whether its rule had no end."""
    from dateutil.rrule import rrulestr

    rule = event.get("RRULE")
    if rule is None:
        return [start], False
    text = rule.to_ical().decode()
    unbounded = "COUNT=" not in text and "UNTIL=" not in text
    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    rrule = rrulestr(text, dtstart=first)
    excluded: set[Any] = set()
    exdates = event.get("EXDATE")
    for group in exdates if isinstance(exdates, list) else [exdates] if exdates else []:
        excluded.update(d.dt for d in group.dts)
    limit = first + UNBOUNDED_SPAN
    found: list[Any] = []
    for when in rrule:
        if len(found) >= MAX_OCCURRENCES or (unbounded and when > limit):
            break
        value = when if isinstance(start, dt.datetime) else when.date()
        if value not in excluded:
            found.append(value)
    return found, unbounded


def read_ics(data: bytes) -> RawProgramme:
    """Read the VEVENTs of an iCalendar file; recurring events become one session per occurrence."""
    import icalendar

    try:
        cal = icalendar.Calendar.from_ical(data)
    except ValueError as exc:
        raise ProgrammeError(f"not a readable iCalendar file: {exc}") from exc
    programme = RawProgramme(format="ics", title=_text(cal, "X-WR-CALNAME") or _text(cal, "NAME"),
                             times_optional=True)
    for index, event in enumerate(cal.walk("VEVENT"), start=1):
        uid = _text(event, "UID")
        where = f"VEVENT {index}" + (f" (UID {uid})" if uid else "")
        if event.get("DTSTART") is None:
            programme.events.append(RawEvent(where=where, day=None, guid=uid or None,
                                             title=_text(event, "SUMMARY")))
            continue
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND") if event.get("DTEND") is not None else None
        if end is None and event.get("DURATION") is not None:
            end = start + event.decoded("DURATION")
        length = (end - start) if end is not None else None
        occurrences, unbounded = _occurrences(event, start)
        persons = [RawPerson(str(c).strip()) for c in _list(event.get("CONTACT")) if str(c).strip()]
        persons += [RawPerson(str(a.params.get("CN", "")).strip()) for a in _list(event.get("ATTENDEE"))
                    if str(a.params.get("CN", "")).strip()]
        for n, when in enumerate(occurrences):
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
                raw.duration = _hm(length) if length is not None else None
            if unbounded and n == 0:
                raw.notes.append(f"RRULE has no COUNT or UNTIL; expanded over "
                                 f"{UNBOUNDED_SPAN.days} days ({len(occurrences)} sessions)")
            programme.events.append(raw)
    return programme


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
