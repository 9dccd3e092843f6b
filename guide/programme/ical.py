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

from guide.programme import ical_own, recur
from guide.programme.model import (
    FileUnreadable,
    ProgrammeUnreadable,
    RawEvent,
    RawPerson,
    RawProgramme,
)

# An RRULE without COUNT or UNTIL would never end: it is expanded over this long and reported.
UNBOUNDED_SPAN = dt.timedelta(days=366)
# No rule is searched further than this after DTSTART. A conference calendar's repeats (a
# daily briefing, a weekly meetup, a yearly forum) fall within a few years of their start;
# ten years holds a decade of an annual forum, and ends at once the search of a rule that
# never matches, which dateutil took on to the year 9999 (seconds per event, a SECONDLY
# rule hours). A rule with no occurrence in them is reported and skipped.
HORIZON_YEARS = 10
HORIZON = dt.timedelta(days=3653)  # ten years from any day (and a day, with two leap days)
MAX_OCCURRENCES = 2000
FREQUENCIES = ("SECONDLY", "MINUTELY", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_CHARSET = re.compile(rb";CHARSET=\"?([A-Za-z0-9_.:-]+)", re.IGNORECASE)

Occurrence = tuple[Any, dt.timedelta | None]  # (start, its own length or None: the event's)


class _Skip(Exception):
    """An event that cannot be imported; the message says why, in plain words."""


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
    values = [str(v).strip() for v in _list(component.get(name))]
    return sep.join(v for v in dict.fromkeys(values) if v)


def _hm(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 0:  # normalise reports it: "ends before it starts (duration -1:00)"
        return f"-{-minutes // 60}:{-minutes % 60:02d}"
    return f"{minutes // 60}:{minutes % 60:02d}"


def _show(value: Any) -> str:
    """A date or date-time as a person writes it: 2023-05-26, 2023-05-26 09:00 (Asia/Shanghai)."""
    if not isinstance(value, dt.datetime):
        return value.isoformat() if isinstance(value, dt.date) else repr(str(value))
    text = value.strftime("%Y-%m-%d %H:%M")
    if value.tzinfo is None:
        return text
    return f"{text} {_zone_key(value) or value.strftime('UTC%z' if value.utcoffset() else 'UTC')}"


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
            raise FileUnreadable(f"it is not UTF-8 text (line {line}), nor the CHARSET={charset} "
                                 "it declares: save the calendar as UTF-8") from None
    raise FileUnreadable(f"it is not UTF-8 text (line {line} is in another encoding, perhaps "
                         "GBK): save the calendar as UTF-8")


def _when(event: Any, name: str) -> Any:
    """DTSTART/DTEND/RECURRENCE-ID as a date or date-time; _Skip when it is not one."""
    value = event.decoded(name)
    if isinstance(value, list):
        raise _Skip(f"{name} is given {len(value)} times; an event has one")
    if not isinstance(value, dt.date):
        raise _Skip(f"{name} {_show(value)} is not a date (20230525) or a date and time "
                    "(20230525T090000)")
    return value


def _timing(event: Any, notes: list[str]) -> tuple[Any, dt.timedelta | None]:
    """DTSTART, and how long a timed event lasts (None: unknown, or an all-day event).

    The common slips are read as calendar programs read them, and noted: a DTEND without
    a zone is on DTSTART's clock (and the reverse); a DTEND that is a date ends at midnight.
    """
    start = _when(event, "DTSTART")
    zone = event.get("DTSTART").params.get("TZID")
    if zone and isinstance(start, dt.datetime) and start.tzinfo is None:
        # No VTIMEZONE and no IANA name: icalendar leaves the time floating.
        notes.append(f"DTSTART's time zone {zone} is not one the guide knows (no VTIMEZONE "
                     "describes it); its times are read in the calendar's own or the given zone")
    if event.get("DTEND") is not None:
        end = _when(event, "DTEND")
    elif event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        if not isinstance(duration, dt.timedelta):
            raise _Skip(f"DURATION {_show(duration)} is not a length of time (e.g. PT1H30M)")
        return start, duration if isinstance(start, dt.datetime) else None
    else:
        return start, None
    if not isinstance(start, dt.datetime):
        if isinstance(end, dt.datetime):
            raise _Skip(f"DTSTART is a date (an all-day event) but DTEND {_show(end)} has a time; "
                        "give both as dates, or both with a time")
        return start, None
    if not isinstance(end, dt.datetime):
        day = end
        end = dt.datetime.combine(day, dt.time(), start.tzinfo)
        if end <= start:  # DTEND on the start's own day: the end of that day
            end += dt.timedelta(days=1)
        notes.append(f"DTEND {day.isoformat()} has no time of day; the session ends at "
                     f"midnight, {_show(end)}")
    elif end.tzinfo is None and start.tzinfo is not None:
        end = end.replace(tzinfo=start.tzinfo)
        notes.append(f"DTEND has no time zone; read in DTSTART's: {_show(end)}")
    elif start.tzinfo is None and end.tzinfo is not None:
        start = start.replace(tzinfo=end.tzinfo)
        notes.append(f"DTSTART has no time zone; read in DTEND's: {_show(start)}")
    return start, end - start


def _values(event: Any, name: str) -> list[Any]:
    """Every value of a date-list property (RDATE, EXDATE), over all of its lines."""
    values = []
    for group in _list(event.get(name)):
        if not hasattr(group, "dts"):
            raise _Skip(f"{name} {_show(group)} is not a list of dates or dates and times")
        values += [d.dt for d in group.dts]
    return values


def _same_type(value: Any, start: dt.datetime | dt.date) -> Any:
    """A date value (RDATE, EXDATE, RECURRENCE-ID, an UNTIL) in the form of DTSTART, to compare.

    Dates for all-day events, else date-times; a date-time without a zone is in DTSTART's
    zone (so a floating EXDATE still removes its occurrence).
    """
    if not isinstance(start, dt.datetime):
        return value.date() if isinstance(value, dt.datetime) else value
    if not isinstance(value, dt.datetime):
        return dt.datetime.combine(value, start.timetz() if start.tzinfo else start.time())
    if (value.tzinfo is None) != (start.tzinfo is None):
        # Aware against floating: the floating one is read on the other's clock.
        return value.replace(tzinfo=start.tzinfo)
    return value


_LONGEST = {2: 29, 4: 30, 6: 30, 9: 30, 11: 30}  # days in a month at most (else 31)


def _check_days(rule: Any) -> None:
    """_Skip for a rule whose months have none of its days (BYMONTH=2;BYMONTHDAY=30): it
    never matches, and dateutil would look for a match up to the year 9999, for seconds
    (MINUTELY: 6 s per event) with the import waiting."""
    days = [int(d) for d in rule.get("BYMONTHDAY", [])]
    months = [int(m) for m in rule.get("BYMONTH", [])] or list(range(1, 13))
    if days and not any(abs(d) <= _LONGEST.get(m, 31) for m in months for d in days):
        text = rule.to_ical().decode()
        raise _Skip(f"the repeat rule RRULE:{text} never matches a day: none of its months "
                    f"has day {', '.join(map(str, days))}")


def _rule_text(rule: Any, start: dt.datetime | dt.date) -> tuple[str, dt.datetime | None]:
    """The RRULE as dateutil reads it (a date UNTIL is the end of that day, in DTSTART's zone),
    and its UNTIL so (in UTC for a DTSTART with a zone)."""
    from icalendar.prop import vRecur

    if not isinstance(rule, vRecur):
        given = re.search(r"FREQ=([^;]*)", str(rule), re.IGNORECASE)
        if given and given[1].upper() not in FREQUENCIES:
            raise _Skip(f"the repeat rule RRULE:{rule} has FREQ={given[1]}; it must be one of "
                        f"{', '.join(FREQUENCIES)}")
        raise _Skip(f"the repeat rule RRULE:{rule} cannot be read; write it as RFC 5545 does, "
                    "e.g. RRULE:FREQ=WEEKLY;COUNT=3")
    freq = [str(f).upper() for f in rule.get("FREQ", [])]
    if len(freq) != 1 or freq[0] not in FREQUENCIES:
        raise _Skip(f"the repeat rule RRULE:{rule.to_ical().decode()} has FREQ="
                    f"{','.join(freq) or '(none)'}; it must be one of {', '.join(FREQUENCIES)}")
    _check_days(rule)
    until = rule.get("UNTIL")
    value = None
    if until:
        value = until[0]
        if not isinstance(value, dt.datetime):  # UNTIL counts the whole of its last day
            value = dt.datetime.combine(value, dt.time(23, 59, 59))
        if isinstance(start, dt.datetime) and start.tzinfo is not None:
            # dateutil wants UTC here (RFC 5545 too); a floating UNTIL is on DTSTART's clock.
            value = (value if value.tzinfo else value.replace(tzinfo=start.tzinfo)).astimezone(dt.UTC)
        else:
            value = value.replace(tzinfo=None)
        rule = vRecur(dict(rule))
        rule["UNTIL"] = [value]
    return str(rule.to_ical().decode()), value


def _expand(rule: Any, start: dt.datetime | dt.date, found: dict[Any, dt.timedelta | None],
            notes: list[str]) -> bool:
    """Add one RRULE's instances to ``found``; whether the rule has no end (no COUNT or UNTIL).

    It is searched over HORIZON at most; without an instance there it is a _Skip, and one
    that goes on past it is cut there, saying so (one without an end: UNBOUNDED_SPAN).
    """
    from dateutil.rrule import rrulestr

    first = start if isinstance(start, dt.datetime) else dt.datetime.combine(start, dt.time())
    text, until = _rule_text(rule, start)
    endless = "COUNT=" not in text and until is None
    # (a start in the year 9999 has its searches end where dateutil's own does)
    limit, horizon = (first + min(span, dt.datetime.max - first.replace(tzinfo=None))
                      for span in (UNBOUNDED_SPAN, HORIZON))
    matched = False
    try:
        for when in recur.occurrences(rrulestr(text, dtstart=first), horizon):
            if len(found) >= MAX_OCCURRENCES or (endless and when > limit):
                break
            matched = True
            found.setdefault(when if isinstance(start, dt.datetime) else when.date(), None)
    except recur.SearchStopped:
        if until is not None and until <= horizon:  # it ended by its UNTIL: nothing was cut
            return endless
        if not matched:
            raise _Skip(f"the repeat rule RRULE:{text} has no occurrence in the {HORIZON_YEARS} "
                        f"years after DTSTART ({_show(start)}); check its BY... parts, which "
                        "may never match together") from None
        if not endless:
            notes.append(f"RRULE:{text} goes on for more than {HORIZON_YEARS} years; only its "
                         f"occurrences in the {HORIZON_YEARS} years after DTSTART are imported")
    except (ValueError, TypeError, OverflowError) as exc:
        raise _Skip(f"the repeat rule RRULE:{text} cannot be read; write it as RFC 5545 "
                    "does, e.g. RRULE:FREQ=WEEKLY;COUNT=3") from exc
    return endless


def _occurrences(event: Any, start: dt.datetime | dt.date,
                 notes: list[str]) -> tuple[list[Occurrence], bool]:
    """Every (start, own length) of a possibly recurring event, and whether its rule had no end.

    The recurrence set is RFC 5545's: DTSTART, the RRULE's instances and the RDATEs, less the
    EXDATEs. An RDATE given as a PERIOD brings its own length (else None: the event's).
    """
    found: dict[Any, dt.timedelta | None] = {start: None}
    unbounded = False
    for rule in _list(event.get("RRULE")):
        unbounded = _expand(rule, start, found, notes) or unbounded
    for value in _values(event, "RDATE"):
        if isinstance(value, tuple):  # PERIOD: (start, end) or (start, duration)
            begin, until = _same_type(value[0], start), value[1]
            found[begin] = until if isinstance(until, dt.timedelta) \
                else _same_type(until, start) - begin
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


def _read_vevent(index: int, event: Any) -> _Vevent:
    """One VEVENT's times and recurrence; a problem becomes its ``skip`` reason."""
    uid = ical_own.guid_of(_text(event, "UID"))
    item = _Vevent(index, event, uid, f"VEVENT {index}" + (f" (UID {uid})" if uid else ""))
    item.cancelled = _text(event, "STATUS").upper() == "CANCELLED"
    try:
        if event.get("RECURRENCE-ID") is not None:
            item.recurrence_id = _when(event, "RECURRENCE-ID")
            item.where = f"VEVENT {index} (UID {uid}, RECURRENCE-ID {_show(item.recurrence_id)})"
            if str(event.get("RECURRENCE-ID").params.get("RANGE", "")).upper() == "THISANDFUTURE":
                item.future = True
                raise _Skip("RECURRENCE-ID;RANGE=THISANDFUTURE (one change to this and every "
                            "later occurrence) is not supported; the occurrences keep the "
                            "repeating event's details: change them one by one, or end the "
                            "series and start a new one")
        if event.get("DTSTART") is None:
            raise _Skip("no DTSTART: an event needs its start date (and time)")
        item.start, item.length = _timing(event, item.notes)
        if item.recurrence_id is None:
            item.occurrences, item.unbounded = _occurrences(event, item.start, item.notes)
            item.repeats = len(item.occurrences) > 1
        else:
            item.occurrences = [(item.start, None)]
    except _Skip as exc:
        item.skip = str(exc)
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
            key = _same_type(item.recurrence_id, master.start)
            starts = {when: when for when, _length in master.occurrences}
            if key not in starts:
                continue
            key = starts[key]  # as the repeating event gives it (its zone, for the guid)
            item.guid = _occurrence_guid(master, key)
            previous = taken.setdefault((master.index, key), item)
            if previous is not item:
                older, newer = sorted((previous, item), key=lambda v: (_sequence(v), v.index))
                older.skip = (f"VEVENT {newer.index} is a newer change of the same occurrence "
                              f"({_show(key)}); this one is left out")
                taken[(master.index, key)] = newer
            master.replaced.add(key)
            break
        else:
            if item.uid in series and not item.skip:
                item.notes.append(f"RECURRENCE-ID {_show(item.recurrence_id)} names no "
                                  f"occurrence of the repeating event (VEVENT "
                                  f"{series[item.uid][0].index}); imported as a session of its own")


def _cancel(item: _Vevent) -> None:
    """STATUS:CANCELLED: the event (or the one occurrence) is left out, saying so."""
    if item.recurrence_id is not None:
        item.skip = (f"the occurrence of {_show(item.recurrence_id)} is cancelled "
                     "(STATUS:CANCELLED); left out")
        return
    left = len(item.occurrences) - len(item.replaced)
    item.skip = "cancelled (STATUS:CANCELLED); left out" + (
        f" with its {left} occurrences" if left > 1 else "")


def _raw_events(item: _Vevent, own: bool = False) -> list[RawEvent]:
    """The sessions of one VEVENT, one per occurrence (or its reason for being skipped)."""
    event, uid = item.component, item.uid
    if item.skip:
        return [RawEvent(where=item.where, day=None, guid=item.guid or uid or None,
                         title=_text(event, "SUMMARY"), skip=item.skip)]
    persons = [p for c in _list(event.get("CONTACT")) if (p := ical_own.person(c))]
    persons += [RawPerson(str(a.params.get("CN", "")).strip()) for a in _list(event.get("ATTENDEE"))
                if str(a.params.get("CN", "")).strip()]
    track = ", ".join(str(c) for cats in _list(event.get("CATEGORIES"))
                      for c in getattr(cats, "cats", [cats]))
    notes = list(item.notes)
    if item.unbounded:
        notes.append(f"RRULE has no COUNT or UNTIL; expanded over {UNBOUNDED_SPAN.days} days "
                     f"({len(item.occurrences)} sessions)")
    out: list[RawEvent] = []
    for n, (when, own_length) in enumerate(item.occurrences):
        if when in item.replaced:
            continue
        raw = RawEvent(
            where=item.where + (f", occurrence {n + 1}" if item.repeats else ""),
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
        raise ProgrammeUnreadable(f"not a readable iCalendar file: {exc}") from exc
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
            zones.add(_zone_key(item.start))
        programme.events += _raw_events(item, ical_own.is_own(cal))
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
