"""What is on now and what comes next: the schedule relative to a clock (no Qt)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from guide.content import queries
from guide.content.models import ForumRow

if TYPE_CHECKING:
    from guide.content.area import Area


def programme_day(db: queries.Db, now: dt.datetime) -> dt.date:
    """The programme day a visitor at ``now`` is in: the calendar day, or the day before
    while a session of that day is still on or still to start after midnight (at 00:30 on
    the 28th, the 27th's 23:00–01:00 session is on: the 27th's programme is still running)."""
    today = now.date()
    yesterday = today - dt.timedelta(days=1)
    for row in queries.list_forums(db, day=yesterday):
        until = _at(row, yesterday, end=True) or _at(row, yesterday)
        if until is not None and until > now:
            return yesterday
    return today


def today_and_next(db: queries.Db, now: dt.datetime) -> tuple[list[ForumRow], dt.date | None,
                                                               list[ForumRow]]:
    """(what is on today, the day of what comes next, what comes next) relative to ``now``.

    "Today" is the programme day running at ``now`` (see :func:`programme_day`): after
    midnight, the night's sessions of the day before that are still on. Forums whose start
    time has passed and that have ended drop out; forums with no time stay all day (of
    their own calendar day only). "Next" is the rest of that programme day with known
    times still to come (its day given as ``now.date()``: later today), else the next
    forum day.
    """
    day = programme_day(db, now)
    today = [r for r in queries.list_forums(db, day=day)
             if (day == now.date() or _after_midnight(r, day, now))
             and not ((end := _at(r, day, end=True)) and end <= now)]
    later_today = [r for r in today if (start := _at(r, day)) and start > now]
    if later_today:
        return [r for r in today if r not in later_today], now.date(), later_today
    upcoming = [d for d in queries.forum_dates(db) if d > day]
    if not upcoming:
        return today, None, []
    return today, upcoming[0], queries.list_forums(db, day=upcoming[0])


def exhibition_on(db: queries.Db, day: dt.date) -> tuple[Area, list[Area]] | None:
    """(the exhibition, its areas and fields) when the exhibition is open on ``day``, else None."""
    period = queries.exhibition_period(db)
    if period is None or not period[0] <= day <= period[1]:
        return None
    areas = queries.list_areas(db)
    main = next((a for a in areas if a.area_kind == "exhibition"), None)
    if main is None:
        return None
    return main, [a for a in areas if a.parent_id == main.id]


def _after_midnight(row: ForumRow, day: dt.date, now: dt.datetime) -> bool:
    """Whether a forum of the day before is still to show after midnight: still to start, or
    known to be on (a 14:00 talk with no end given is over by 00:30; Rooms says the same)."""
    start, end = _at(row, day), _at(row, day, end=True)
    return start is not None and (start > now or (end is not None and end > now))


def _at(row: ForumRow, day: dt.date, *, end: bool = False) -> dt.datetime | None:
    """When a forum starts (or ends) on the local clock; imported sessions know their own date,
    so one ending at 00:20 after midnight ends the next morning, not before it began."""
    absolute = row.end if end else row.start
    if absolute is not None:
        return absolute.replace(tzinfo=None)
    clock = row.end_time if end else row.start_time
    return dt.datetime.combine(day, clock) if clock else None
