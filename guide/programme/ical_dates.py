"""The dates and repeats of iCalendar events: DTSTART, DTEND or DURATION, RRULE, RDATE, EXDATE.

A date or rule that cannot be read is a :class:`Skip`: the event is reported and left out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from guide.programme import recur
from guide.programme.message import Message

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

Occurrence = tuple[Any, dt.timedelta | None]  # (start, its own length or None: the event's)


class Skip(Exception):
    """An event that cannot be imported; the message says why, in plain words."""


def show(value: Any) -> str:
    """A date or date-time as a person writes it: 2023-05-26, 2023-05-26 09:00 (Asia/Shanghai)."""
    if not isinstance(value, dt.datetime):
        return value.isoformat() if isinstance(value, dt.date) else repr(str(value))
    text = value.strftime("%Y-%m-%d %H:%M")
    if value.tzinfo is None:
        return text
    return f"{text} {zone_key(value) or value.strftime('UTC%z' if value.utcoffset() else 'UTC')}"


def date_of(event: Any, name: str) -> Any:
    """DTSTART/DTEND/RECURRENCE-ID as a date or date-time; Skip when it is not one."""
    value = event.decoded(name)
    if isinstance(value, list):
        raise Skip(Message("{name} is given {count} times; an event has one", name=name,
                           count=len(value)))
    if not isinstance(value, dt.date):
        raise Skip(Message("{name} {value} is not a date (20230525) or a date and time "
                           "(20230525T090000)", name=name, value=show(value)))
    return value


def timing(event: Any, notes: list[str]) -> tuple[Any, dt.timedelta | None]:
    """DTSTART, and how long a timed event lasts (None: unknown, or an all-day event).

    The common slips are read as calendar programs read them, and noted: a DTEND without
    a zone is on DTSTART's clock (and the reverse); a DTEND that is a date ends at midnight.
    """
    start = date_of(event, "DTSTART")
    zone = event.get("DTSTART").params.get("TZID")
    if zone and isinstance(start, dt.datetime) and start.tzinfo is None:
        # No VTIMEZONE and no IANA name: icalendar leaves the time floating.
        notes.append(Message("DTSTART's time zone {zone} is not one the guide knows (no VTIMEZONE "
                             "describes it); its times are read in the calendar's own or the "
                             "given zone", zone=str(zone)))
    if event.get("DTEND") is not None:
        end = date_of(event, "DTEND")
    elif event.get("DURATION") is not None:
        duration = event.decoded("DURATION")
        if not isinstance(duration, dt.timedelta):
            raise Skip(Message("DURATION {value} is not a length of time (e.g. PT1H30M)",
                               value=show(duration)))
        return start, duration if isinstance(start, dt.datetime) else None
    else:
        return start, None
    if not isinstance(start, dt.datetime):
        if isinstance(end, dt.datetime):
            raise Skip(Message("DTSTART is a date (an all-day event) but DTEND {value} has a time; "
                               "give both as dates, or both with a time", value=show(end)))
        return start, None
    if not isinstance(end, dt.datetime):
        day = end
        end = dt.datetime.combine(day, dt.time(), start.tzinfo)
        if end <= start:  # DTEND on the start's own day: the end of that day
            end += dt.timedelta(days=1)
        notes.append(Message("DTEND {date} has no time of day; the session ends at midnight, "
                             "{end}", date=day.isoformat(), end=show(end)))
    elif end.tzinfo is None and start.tzinfo is not None:
        end = end.replace(tzinfo=start.tzinfo)
        notes.append(Message("DTEND has no time zone; read in DTSTART's: {end}", end=show(end)))
    elif start.tzinfo is None and end.tzinfo is not None:
        start = start.replace(tzinfo=end.tzinfo)
        notes.append(Message("DTSTART has no time zone; read in DTEND's: {start}",
                             start=show(start)))
    return start, end - start


def _values(event: Any, name: str) -> list[Any]:
    """Every value of a date-list property (RDATE, EXDATE), over all of its lines."""
    values = []
    for group in list_of(event.get(name)):
        if not hasattr(group, "dts"):
            raise Skip(Message("{name} {value} is not a list of dates or dates and times",
                               name=name, value=show(group)))
        values += [d.dt for d in group.dts]
    return values


def same_type(value: Any, start: dt.datetime | dt.date) -> Any:
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
    """Skip for a rule whose months have none of its days (BYMONTH=2;BYMONTHDAY=30): it
    never matches, and dateutil would look for a match up to the year 9999, for seconds
    (MINUTELY: 6 s per event) with the import waiting."""
    days = [int(d) for d in rule.get("BYMONTHDAY", [])]
    months = [int(m) for m in rule.get("BYMONTH", [])] or list(range(1, 13))
    if days and not any(abs(d) <= _LONGEST.get(m, 31) for m in months for d in days):
        text = rule.to_ical().decode()
        raise Skip(Message("the repeat rule RRULE:{rule} never matches a day: none of its months "
                           "has day {days}", rule=text, days=", ".join(map(str, days))))


def _frequency(rule: str, given: str) -> str:
    return Message("the repeat rule RRULE:{rule} has FREQ={given}; it must be one of {known}",
                   rule=rule, given=given, known=", ".join(FREQUENCIES))


def _unreadable_rule(rule: str) -> str:
    return Message("the repeat rule RRULE:{rule} cannot be read; write it as RFC 5545 does, e.g. "
                   "RRULE:FREQ=WEEKLY;COUNT=3", rule=rule)


def _rule_text(rule: Any, start: dt.datetime | dt.date) -> tuple[str, dt.datetime | None]:
    """The RRULE as dateutil reads it (a date UNTIL is the end of that day, in DTSTART's zone),
    and its UNTIL so (in UTC for a DTSTART with a zone)."""
    from icalendar.prop import vRecur

    if not isinstance(rule, vRecur):
        given = re.search(r"FREQ=([^;]*)", str(rule), re.IGNORECASE)
        if given and given[1].upper() not in FREQUENCIES:
            raise Skip(_frequency(str(rule), given[1]))
        raise Skip(_unreadable_rule(str(rule)))
    freq = [str(f).upper() for f in rule.get("FREQ", [])]
    if len(freq) != 1 or freq[0] not in FREQUENCIES:
        raise Skip(_frequency(rule.to_ical().decode(), ",".join(freq) or Message("(none)")))
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

    It is searched over HORIZON at most; without an instance there it is a Skip, and one
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
            raise Skip(Message("the repeat rule RRULE:{rule} has no occurrence in the {years} "
                               "years after DTSTART ({start}); check its BY... parts, which may "
                               "never match together", rule=text, years=HORIZON_YEARS,
                               start=show(start))) from None
        if not endless:
            notes.append(Message("RRULE:{rule} goes on for more than {years} years; only its "
                                 "occurrences in the {years} years after DTSTART are imported",
                                 rule=text, years=HORIZON_YEARS))
    except (ValueError, TypeError, OverflowError) as exc:
        raise Skip(_unreadable_rule(text)) from exc
    return endless


def occurrences(event: Any, start: dt.datetime | dt.date,
                 notes: list[str]) -> tuple[list[Occurrence], bool]:
    """Every (start, own length) of a possibly recurring event, and whether its rule had no end.

    The recurrence set is RFC 5545's: DTSTART, the RRULE's instances and the RDATEs, less the
    EXDATEs. An RDATE given as a PERIOD brings its own length (else None: the event's).
    """
    found: dict[Any, dt.timedelta | None] = {start: None}
    unbounded = False
    for rule in list_of(event.get("RRULE")):
        unbounded = _expand(rule, start, found, notes) or unbounded
    for value in _values(event, "RDATE"):
        if isinstance(value, tuple):  # PERIOD: (start, end) or (start, duration)
            begin, until = same_type(value[0], start), value[1]
            found[begin] = until if isinstance(until, dt.timedelta) \
                else same_type(until, start) - begin
        else:
            found.setdefault(same_type(value, start), None)
    for value in _values(event, "EXDATE"):
        found.pop(same_type(value, start), None)
    return sorted(found.items(), key=lambda item: _sort_key(item[0]))[:MAX_OCCURRENCES], unbounded


def _sort_key(value: Any) -> tuple[Any, ...]:
    if isinstance(value, dt.datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return (aware.astimezone(dt.UTC),)
    return (dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC),)


def zone_key(value: dt.datetime) -> str | None:
    """The IANA name of a date-time's zone (TZID=Europe/Berlin), None for UTC, floating or an offset."""
    key = getattr(value.tzinfo, "key", None) or getattr(value.tzinfo, "zone", None)
    return key if isinstance(key, str) and "/" in key else None


def list_of(value: Any) -> list[Any]:
    """A property's values as a list: icalendar gives one value alone, several (a property
    given twice, two RRULE or ATTENDEE lines) as a list, and None for none."""
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
