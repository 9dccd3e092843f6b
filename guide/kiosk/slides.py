"""What the attract screen shows: highlights taken from the content (no Qt).

Every slide carries both languages: the attract screen speaks to whoever walks by,
before anyone has chosen a language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from guide.content import queries, records
from guide.content.models import Figure, ForumRow
from guide.content.records import Photo

FIGURES_PER_SLIDE = 3
FORUMS_PER_SLIDE = 3


@dataclass(frozen=True)
class ForumLine:
    """One forum on a schedule slide."""

    start_time: dt.time | None  # None: the source gives no time
    end_time: dt.time | None
    title: str
    title_en: str
    forum_kind: str
    venue: str | None
    session_type: str = ""  # an imported session's own type ("Talk"), shown over the kind


@dataclass(frozen=True)
class Section:
    """Forums of one day on a schedule slide. ``label``: "today" (the day's forums), "now"
    and "later" (on now, and later today), "next" (a later day), "day" (before the forum's
    days) or "past" (a day of a forum that has ended)."""

    label: str
    day: dt.date
    forums: tuple[ForumLine, ...]  # the first FORUMS_PER_SLIDE
    total: int = 0  # the day's forums, those beyond the slide included


@dataclass(frozen=True)
class Slide:
    """One highlight: a photo, what is on today and next, or a few key figures."""

    kind: str  # "photo", "schedule", "figures"
    photo: Photo | None = None
    sections: tuple[Section, ...] = ()
    figures: tuple[Figure, ...] = field(default_factory=tuple)
    # A schedule slide's note over its days: "forum ended" (the forum's own content: news or
    # key figures beside its programme), "event ended" (an imported programme), or none.
    note: str = ""


def _lines(rows: list[ForumRow]) -> tuple[ForumLine, ...]:
    return tuple(ForumLine(r.start_time, r.end_time, r.title, r.title_en, r.forum_kind, r.venue,
                           r.type or "") for r in rows[:FORUMS_PER_SLIDE])


def schedule_sections(db: queries.Db, now: dt.datetime) -> list[Section]:
    """What is on today and what comes next; before the forum, its first days; after it,
    every day ("past"), so that none of its forums is left off the loop."""
    from guide.content.schedule import today_and_next

    today, next_day, upcoming = today_and_next(db, now)
    # Worded as Home words them: "Today" over what is on now, then "Coming up" over the
    # same date, had read as two days.
    later_today = bool(upcoming) and next_day == now.date()
    sections = []
    if today:
        sections.append(Section("now" if later_today else "today", now.date(), _lines(today),
                                len(today)))
    if upcoming and next_day is not None:
        label = ("later" if today else "today") if later_today else "next"
        sections.append(Section(label, next_day, _lines(upcoming), len(upcoming)))
    if not sections:
        dates = queries.forum_dates(db)
        # Nothing on today or next: before the first day, or the last day's forums are over.
        # Only the first two days had shown then, headed as if still to come, the forums of
        # the others never on the screen.
        ended = bool(dates) and now.date() >= dates[0]
        days = [(day, queries.list_forums(db, day=day)) for day in (dates if ended else dates[:2])]
        sections = [Section("past" if ended else "day", day, _lines(rows), len(rows))
                    for day, rows in days]
    return sections


def _ended_note(db: queries.Db, sections: list[Section]) -> str:
    """The schedule slides' note when the forum is over: the forum's own content (news or key
    figures beside its programme) has ended as a forum, an imported programme as an event."""
    if not sections or sections[0].label != "past":
        return ""
    forum = any(db.execute(f"SELECT 1 FROM {kind} LIMIT 1").fetchone()  # two fixed names
                for kind in ("announcement", "figure"))
    return "forum ended" if forum else "event ended"


def _key_figures(figures: list[Figure]) -> list[Figure]:
    """Figures in pack order (the home page's "key figures" come first), one per label:
    of a series over the years only the latest shows."""
    latest: dict[str, Figure] = {}
    for f in figures:
        if f.label not in latest or (f.year or 0) >= (latest[f.label].year or 0):
            latest[f.label] = f
    return [f for f in figures if latest[f.label] is f]


def build_slides(db: queries.Db, now: dt.datetime, shows_picture: Callable[[str], bool]) -> list[Slide]:
    """The attract screen's highlights, interleaved: photo, schedule, photo, figures, ...

    A photo is a highlight only when ``shows_picture`` says its picture shows: a passer-by
    is not to be shown a placeholder saying "Picture not available" (the bundled newspaper
    content has captions and no pictures)."""
    photos = [Slide("photo", photo=p) for p in records.list_items(db, "photo")
              if p.image and shows_picture(p.image)]
    sections = schedule_sections(db, now)
    note = _ended_note(db, sections)
    schedule = [Slide("schedule", sections=tuple(sections[i:i + 2]), note=note)
                for i in range(0, len(sections), 2)]
    figures = _key_figures(records.list_items(db, "figure"))
    figure_slides = [Slide("figures", figures=tuple(figures[i:i + FIGURES_PER_SLIDE]))
                     for i in range(0, min(len(figures), FIGURES_PER_SLIDE * 3), FIGURES_PER_SLIDE)]
    others = schedule + figure_slides
    slides: list[Slide] = []
    while photos or others:
        if photos:
            slides.append(photos.pop(0))
        if others:
            slides.append(others.pop(0))
    return slides
