"""What is on now and what comes next: the schedule relative to a clock (no Qt)."""

from __future__ import annotations

import datetime as dt

from guide.content import queries
from guide.content.models import ForumRow


def today_and_next(db: queries.Db, now: dt.datetime) -> tuple[list[ForumRow], dt.date | None,
                                                               list[ForumRow]]:
    """(what is on today, the day of what comes next, what comes next) relative to ``now``.

    Forums today whose start time has passed and that have ended drop out of "today";
    forums with no time stay all day. "Next" is the rest of today with known times
    still to come, else the next forum day.
    """
    today = [r for r in queries.forums_on(db, now.date())
             if not (r.end_time and dt.datetime.combine(now.date(), r.end_time) <= now)]
    later_today = [r for r in today if r.start_time and dt.datetime.combine(now.date(),
                                                                           r.start_time) > now]
    if later_today:
        return [r for r in today if r not in later_today], now.date(), later_today
    upcoming = [d for d in queries.forum_dates(db) if d > now.date()]
    if not upcoming:
        return today, None, []
    return today, upcoming[0], queries.forums_on(db, upcoming[0])
