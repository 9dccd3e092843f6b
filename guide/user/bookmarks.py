"""Bookmarks: what a visitor or staff member marked, kept by stable content ids.

A bookmark is keyed by ``(kind, id)`` of a content item and stores a snapshot of the
item's title, date, times and venue as last seen, so that after a content update
removes the item it is still listed ("no longer in the guide") under its last known
title instead of silently vanishing. Every change is committed before the function
returns (see :mod:`guide.user.db`).

During a kiosk visitor session every function here acts on that visitor's own list
(see :mod:`guide.user.session`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations, groupby
from typing import Any, Literal

from guide.content import queries
from guide.content.models import KINDS
from guide.files import now_iso
from guide.user.db import Db, transaction
from guide.user.follow import follow_moved_items as follow_moved_items  # re-exported
from guide.user.follow import let_go_of_reused_ids
from guide.user.marks import bookmarked_ids as bookmarked_ids  # re-exported: part of this API
from guide.user.marks import is_bookmarked as is_bookmarked
from guide.user.session import current_owner

# A forum with a start but no end time is taken to last this long, for conflicts and
# the calendar: Zhongguancun Forum parallel forums run a morning or an afternoon, and
# two hours flags likely clashes without claiming a whole half-day.
DEFAULT_DURATION = dt.timedelta(hours=2)

Ref = tuple[str, str]


class UnknownItem(LookupError):
    """The content has no item of that kind and id (or no such kind)."""


@dataclass(frozen=True)
class Snapshot:
    """What the content says about an item: all a bookmark needs to show it."""

    title: str
    title_en: str
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str | None
    # An imported session's absolute start and end (time-zone aware), which place a session
    # after midnight on the right calendar day; the content has them, the stored list not.
    start: dt.datetime | None = None
    end: dt.datetime | None = None
    forum_kind: str | None = None  # a forum's kind: an imported programme's talks are "session"
    area_kind: str | None = None  # an exhibition part's kind: the exhibition, an area, a field


@dataclass(frozen=True)
class Bookmark:
    """A stored bookmark with the item's last known details (pass it back to restore it)."""

    kind: str
    id: str
    title: str
    title_en: str
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str | None
    added_at: str  # ISO 8601, UTC
    seen_at: str  # when the content last had the item


@dataclass(frozen=True)
class BookmarkView:
    """A bookmark as the bookmarks page shows it.

    When ``in_guide`` the details are the content's current ones; otherwise the item
    is no longer in the guide and they are the last known ones.
    """

    kind: str
    id: str
    title: str
    title_en: str
    date: dt.date | None
    start_time: dt.time | None
    end_time: dt.time | None
    venue: str | None
    in_guide: bool
    stored: Bookmark
    start: dt.datetime | None = None  # absolute, for imported sessions in the guide
    end: dt.datetime | None = None
    forum_kind: str | None = None  # None when not a forum or no longer in the guide
    area_kind: str | None = None  # None when not an exhibition part or no longer in the guide

    @property
    def time_known(self) -> bool:
        return self.start_time is not None

    @property
    def end_assumed(self) -> bool:
        """True when only the start is known and :data:`DEFAULT_DURATION` stands in for the end."""
        return self.start_time is not None and self.end_time is None


@dataclass(frozen=True)
class KindGroup:
    """The bookmarks of one kind, in display order."""

    kind: str
    items: tuple[BookmarkView, ...]


@dataclass(frozen=True)
class Conflict:
    """Two bookmarked forums on one day that cannot both be attended, or may not be.

    ``overlap``: both times are known and they overlap. ``check_times``: at least one
    time is not known yet, so the visitor should check before planning on both.
    """

    kind: Literal["overlap", "check_times"]
    date: dt.date
    first: BookmarkView
    second: BookmarkView


@dataclass(frozen=True)
class PlanEntry:
    """One forum in a day plan, with what it clashes with."""

    view: BookmarkView
    overlaps_with: tuple[str, ...]  # ids of bookmarked forums whose times overlap this one
    check_times: bool  # shares a day with a forum whose time is unknown (or is one)


@dataclass(frozen=True)
class DayPlan:
    """A day of the visitor's bookmarked forums ("my day"), in timeline order."""

    date: dt.date
    entries: tuple[PlanEntry, ...]

    @property
    def has_conflicts(self) -> bool:
        return any(e.overlaps_with or e.check_times for e in self.entries)


@dataclass(frozen=True)
class BookmarksPage:
    """Everything the bookmarks page shows, computed in one go."""

    groups: tuple[KindGroup, ...]
    days: tuple[DayPlan, ...]
    conflicts: tuple[Conflict, ...]
    not_in_guide: int

    @property
    def total(self) -> int:
        return sum(len(g.items) for g in self.groups)


# --- reading the content --------------------------------------------------------------------

def _iso(value: dt.date | dt.time | None) -> str | None:
    return None if value is None else value.isoformat()


def _date(value: str | None) -> dt.date | None:
    # Only full dates: a figure's card "date" is a bare year.
    if not value or len(value) != 10:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _time(value: str | None) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def snapshots(content_db: Db, refs: Iterable[Ref]) -> dict[Ref, Snapshot]:
    """Current details of the items in ``refs`` that the content has; missing ones are absent."""
    refs = list(refs)
    cards = queries.titles(content_db, refs)
    out: dict[Ref, Snapshot] = {}
    for ref, c in cards.items():
        out[ref] = Snapshot(c.title, c.title_en, _date(c.date), None, None, None)
    forum_ids = [i for k, i in cards if k == "forum"]
    for row in queries.forum_rows(content_db, forum_ids):
        out[("forum", row.id)] = Snapshot(row.title, row.title_en, row.date, row.start_time,
                                          row.end_time, row.venue, row.start, row.end, row.forum_kind)
    for k, i in cards:
        if k == "area":
            area = queries.get_area(content_db, i)
            if area is not None:
                out[(k, i)] = Snapshot(area.title, area.title_en, area.start_date, None, None,
                                       area.venue, area_kind=area.area_kind)
    return out


# --- the stored list --------------------------------------------------------------------------

_COLUMNS = "kind, item_id, title, title_en, date, start_time, end_time, venue, added_at, seen_at"


def _bookmark(r: Sequence[Any]) -> Bookmark:
    return Bookmark(kind=r[0], id=r[1], title=r[2], title_en=r[3], date=_date(r[4]),
                    start_time=_time(r[5]), end_time=_time(r[6]), venue=r[7],
                    added_at=r[8], seen_at=r[9])


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise UnknownItem(f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")


def add_bookmark(user_db: Db, content_db: Db, kind: str, item_id: str) -> Bookmark:
    """Bookmark an item, committed before returning; adding one already there refreshes its details.

    Raises :class:`UnknownItem` when the content has no such item.
    """
    _check_kind(kind)
    snap = snapshots(content_db, [(kind, item_id)]).get((kind, item_id))
    if snap is None:
        raise UnknownItem(f"no {kind} with id {item_id!r} in the guide")
    owner, now = current_owner(user_db), now_iso("microseconds")
    user_db.execute(
        f"""INSERT INTO bookmark (owner, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (owner, kind, item_id) DO UPDATE SET
                title = excluded.title, title_en = excluded.title_en, date = excluded.date,
                start_time = excluded.start_time, end_time = excluded.end_time,
                venue = excluded.venue, seen_at = excluded.seen_at""",
        [owner, kind, item_id, snap.title, snap.title_en, _iso(snap.date),
         _iso(snap.start_time), _iso(snap.end_time), snap.venue, now, now])
    row = user_db.execute(
        f"SELECT {_COLUMNS} FROM bookmark WHERE owner = ? AND kind = ? AND item_id = ?",
        [owner, kind, item_id]).fetchone()
    return _bookmark(row)


def remove_bookmark(user_db: Db, kind: str, item_id: str) -> Bookmark | None:
    """Remove a bookmark; return it (for undo via :func:`restore_bookmarks`), or None if absent."""
    owner = current_owner(user_db)
    with transaction(user_db) as conn:
        row = conn.execute(
            f"SELECT {_COLUMNS} FROM bookmark WHERE owner = ? AND kind = ? AND item_id = ?",
            [owner, kind, item_id]).fetchone()
        if row is None:
            return None
        conn.execute("DELETE FROM bookmark WHERE owner = ? AND kind = ? AND item_id = ?",
                     [owner, kind, item_id])
    return _bookmark(row)


def restore_bookmarks(user_db: Db, bookmarks: Iterable[Bookmark]) -> int:
    """Put removed bookmarks back as they were (undo of remove or clear); return how many.

    They keep their original added time, hence their place in the list. Ones that
    were bookmarked again meanwhile are left as they are.
    """
    owner = current_owner(user_db)
    restored = 0
    with transaction(user_db) as conn:
        for b in bookmarks:
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO bookmark (owner, {_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [owner, b.kind, b.id, b.title, b.title_en, _iso(b.date), _iso(b.start_time),
                 _iso(b.end_time), b.venue, b.added_at, b.seen_at])
            restored += cursor.rowcount
    return restored


def toggle_bookmark(user_db: Db, content_db: Db, kind: str, item_id: str) -> bool:
    """Bookmark the item if it is not, else remove it; return whether it is bookmarked now."""
    if remove_bookmark(user_db, kind, item_id) is not None:
        return False
    add_bookmark(user_db, content_db, kind, item_id)
    return True


def stored_bookmarks(user_db: Db) -> list[Bookmark]:
    """Every bookmark as stored, oldest first (no content needed)."""
    return [_bookmark(r) for r in user_db.execute(
        f"SELECT {_COLUMNS} FROM bookmark WHERE owner = ? ORDER BY added_at, seq",
        [current_owner(user_db)])]


def clear_bookmarks(user_db: Db) -> list[Bookmark]:
    """Remove every bookmark in one transaction; return them (for undo)."""
    owner = current_owner(user_db)
    with transaction(user_db) as conn:
        removed = [_bookmark(r) for r in conn.execute(
            f"SELECT {_COLUMNS} FROM bookmark WHERE owner = ? ORDER BY added_at, seq", [owner])]
        conn.execute("DELETE FROM bookmark WHERE owner = ?", [owner])
    return removed


def refresh_snapshots(user_db: Db, content_db: Db) -> int:
    """Update the last known details of bookmarked items the content still has; return how many changed.

    Call after opening a new or updated content database, so that an item a later
    update removes is remembered under its latest title. First, a bookmark whose id the
    content gives to another session lets go of it, and bookmarks of items that only changed
    id follow them (see :mod:`guide.user.follow`).
    """
    let_go_of_reused_ids(user_db, content_db)
    follow_moved_items(user_db, content_db)
    rows = [(r[0], r[1]) for r in user_db.execute(
        "SELECT DISTINCT kind, item_id FROM bookmark")]
    current = snapshots(content_db, rows)
    changed = 0
    now = now_iso("microseconds")
    with transaction(user_db) as conn:
        for (kind, item_id), s in current.items():
            cursor = conn.execute(
                """UPDATE bookmark SET title = ?, title_en = ?, date = ?, start_time = ?,
                       end_time = ?, venue = ?, seen_at = ?
                   WHERE kind = ? AND item_id = ? AND NOT (title IS ? AND title_en IS ?
                       AND date IS ? AND start_time IS ? AND end_time IS ? AND venue IS ?)""",
                [s.title, s.title_en, _iso(s.date), _iso(s.start_time), _iso(s.end_time),
                 s.venue, now, kind, item_id, s.title, s.title_en, _iso(s.date),
                 _iso(s.start_time), _iso(s.end_time), s.venue])
            changed += cursor.rowcount
    return changed


# --- what the bookmarks page shows -------------------------------------------------------

def _view(b: Bookmark, snap: Snapshot | None) -> BookmarkView:
    s = snap or Snapshot(b.title, b.title_en, b.date, b.start_time, b.end_time, b.venue)
    return BookmarkView(b.kind, b.id, s.title, s.title_en, s.date, s.start_time, s.end_time,
                        s.venue, in_guide=snap is not None, stored=b, start=s.start, end=s.end,
                        forum_kind=s.forum_kind, area_kind=s.area_kind)


def _wall_start(v: BookmarkView) -> dt.datetime:
    """The start on the venue's clock: after midnight means the next calendar day."""
    if v.start is not None:
        return v.start.replace(tzinfo=None)
    return dt.datetime.combine(v.date or dt.date.min, v.start_time or dt.time(0))


def timeline_key(v: BookmarkView) -> tuple[Any, ...]:
    """Schedule order: by day, timed before untimed, by start (00:30 after the night's 23:00),
    then title."""
    return (v.date is None, v.date or dt.date.min, v.start_time is None, _wall_start(v), v.title)


def list_bookmarks(user_db: Db, content_db: Db | None) -> list[BookmarkView]:
    """Every bookmark, grouped by kind (in the guide's kind order); forums in timeline order,
    other kinds in the order they were added. Items the content lost are kept, marked.

    ``content_db`` None (the content cannot be read: damaged, missing) shows every bookmark
    as last seen and as in the guide, since nothing says it left: staff can still list and
    export the only copy of their bookmarks.
    """
    stored = stored_bookmarks(user_db)
    if content_db is None:
        current = {(b.kind, b.id): Snapshot(b.title, b.title_en, b.date, b.start_time,
                                            b.end_time, b.venue) for b in stored}
    else:
        current = snapshots(content_db, [(b.kind, b.id) for b in stored])
    views = [_view(b, current.get((b.kind, b.id))) for b in stored]
    rank = {k: n for n, k in enumerate(KINDS)}
    forums = sorted((v for v in views if v.kind == "forum"), key=timeline_key)
    others = sorted((v for v in views if v.kind != "forum"), key=lambda v: rank.get(v.kind, 99))
    return forums + others  # sorted() is stable: others stay in added order within a kind


def group_by_kind(views: Iterable[BookmarkView]) -> list[KindGroup]:
    """Consecutive views of one kind as groups (feed it :func:`list_bookmarks`' order)."""
    return [KindGroup(k, tuple(g)) for k, g in groupby(views, key=lambda v: v.kind)]


def _interval(v: BookmarkView) -> tuple[dt.datetime, dt.datetime] | None:
    if v.start is not None:  # an imported session: absolute times, compared in UTC
        start = v.start.astimezone(dt.UTC).replace(tzinfo=None)
        end = v.end.astimezone(dt.UTC).replace(tzinfo=None) if v.end else start + DEFAULT_DURATION
        return start, max(end, start + dt.timedelta(minutes=1))
    if v.date is None or v.start_time is None:
        return None
    start = dt.datetime.combine(v.date, v.start_time)
    end = dt.datetime.combine(v.date, v.end_time) if v.end_time else start + DEFAULT_DURATION
    return start, max(end, start + dt.timedelta(minutes=1))  # bad data: never an empty slot


def conflicts(views: Iterable[BookmarkView]) -> list[Conflict]:
    """Pairs of bookmarked forums in the guide on the same day that clash.

    Known times that overlap (an end equal to the other's start is not an overlap; a
    missing end counts as :data:`DEFAULT_DURATION`) give ``overlap``; a pair where a
    time is unknown gives ``check_times``. Pairs come in timeline order.
    """
    forums = sorted((v for v in views if v.kind == "forum" and v.in_guide and v.date),
                    key=timeline_key)
    found = []
    for a, b in combinations(forums, 2):
        if a.date is None or a.date != b.date:
            continue
        ia, ib = _interval(a), _interval(b)
        if ia is None or ib is None:
            found.append(Conflict("check_times", a.date, a, b))
        elif ia[0] < ib[1] and ib[0] < ia[1]:
            found.append(Conflict("overlap", a.date, a, b))
    return found


def my_day(views: Iterable[BookmarkView]) -> list[DayPlan]:
    """Bookmarked forums per day in timeline order, each with its clashes (see :func:`conflicts`).

    Forums no longer in the guide stay in their day (marked by ``in_guide``) but clash
    with nothing.
    """
    forums = sorted((v for v in views if v.kind == "forum" and v.date), key=timeline_key)
    clashes = conflicts(forums)
    overlaps: dict[str, list[str]] = {}
    check: set[str] = set()
    for c in clashes:
        if c.kind == "overlap":
            overlaps.setdefault(c.first.id, []).append(c.second.id)
            overlaps.setdefault(c.second.id, []).append(c.first.id)
        else:
            check.update((c.first.id, c.second.id))
    return [
        DayPlan(day, tuple(PlanEntry(v, tuple(overlaps.get(v.id, ())), v.id in check)
                           for v in group))
        for day, group in groupby(forums, key=lambda v: v.date)
        if day is not None
    ]


def bookmarks_page(user_db: Db, content_db: Db) -> BookmarksPage:
    """The bookmarks page's data: groups by kind, "my day" plans, clashes, count of lost items."""
    views = list_bookmarks(user_db, content_db)
    return BookmarksPage(
        groups=tuple(group_by_kind(views)),
        days=tuple(my_day(views)),
        conflicts=tuple(conflicts(views)),
        not_in_guide=sum(1 for v in views if not v.in_guide),
    )
