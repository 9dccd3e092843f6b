"""Rooms and tracks of an imported programme as lists: sessions per room or track, and what is
on now and next in each room relative to a clock (no Qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from guide.content.database import content_info
from guide.content.models import ForumRow
from guide.content.queries import Db, forum_rows

# A session that started this many sessions ago in the same room may still be on (they overlap
# rarely; a long one may span shorter ones scheduled in parallel by mistake).
_RECENT = 6


@dataclass(frozen=True)
class RoomStatus:
    """What is on in a room at a moment, and what starts there next."""

    now: ForumRow | None
    next: ForumRow | None


@dataclass(frozen=True)
class RoomRow:
    """A room as the Rooms list shows it."""

    kind: ClassVar[str] = "room"
    id: str
    title: str
    title_en: str
    sessions: int
    status: RoomStatus


@dataclass(frozen=True)
class TrackRow:
    """A track as the Tracks list shows it."""

    kind: ClassVar[str] = "track"
    id: str
    title: str
    title_en: str
    color: str | None
    sessions: int
    days: tuple[dt.date, ...]


def forum_kinds(db: Db) -> set[str]:
    """The kinds of forum this content has (a programme's sessions; the newspaper's forums)."""
    return {r[0] for r in db.execute("SELECT DISTINCT kind FROM forum")}


def venues_announced(db: Db) -> bool:
    """Whether any forum says where it is held (a venue or a room)."""
    return db.execute("SELECT 1 FROM forum WHERE coalesce(venue, '') != '' OR room_id IS NOT NULL "
                      "LIMIT 1").fetchone() is not None


def room_ids(db: Db) -> list[str]:
    """Every room, in the programme's order."""
    return [r[0] for r in db.execute("SELECT id FROM room ORDER BY pos, id")]


def track_ids(db: Db) -> list[str]:
    """Every track, in the programme's order."""
    return [r[0] for r in db.execute("SELECT id FROM track ORDER BY pos, id")]


def _utc(db: Db, now: dt.datetime) -> dt.datetime:
    """``now`` as a UTC instant; a naive time is on the content's clock (its time zone)."""
    if now.tzinfo is None:
        try:
            now = now.replace(tzinfo=ZoneInfo(content_info(db).timezone))
        except (ZoneInfoNotFoundError, ValueError):
            now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC)


def _status_ids(db: Db, room_id: str, utc: dt.datetime) -> tuple[str | None, str | None]:
    stamp = utc.replace(microsecond=0).isoformat()
    on = None
    for forum_id, end_at in db.execute(
            "SELECT id, end_at FROM forum WHERE room_id = ? AND start_utc <= ? "
            "ORDER BY start_utc DESC LIMIT ?", [room_id, stamp, _RECENT]):
        if end_at and dt.datetime.fromisoformat(end_at) > utc:
            on = forum_id
            break
    after = db.execute("SELECT id FROM forum WHERE room_id = ? AND start_utc > ? "
                       "ORDER BY start_utc LIMIT 1", [room_id, stamp]).fetchone()
    return on, after[0] if after else None


def room_status(db: Db, room_id: str, now: dt.datetime) -> RoomStatus:
    """The session on in ``room_id`` at ``now`` (if any) and the next one to start there.

    ``now`` is naive local time on the content's clock, or any aware time. A session is
    on from its start until just before its end; sessions without a time are never "on".
    """
    on, after = _status_ids(db, room_id, _utc(db, now))
    rows = {r.id: r for r in forum_rows(db, [i for i in (on, after) if i])}
    return RoomStatus(rows.get(on or ""), rows.get(after or ""))


def seconds_until_change(db: Db, now: dt.datetime) -> float | None:
    """Seconds from ``now`` until a room's status can next change (a session in a room
    starts or ends), or None when nothing starts or ends after ``now``.

    ``now`` as for :func:`room_status`. The Rooms page sets its timer by it.
    """
    utc = _utc(db, now)
    stamp = utc.replace(microsecond=0).isoformat()
    found = [dt.datetime.fromisoformat(r[0]) for r in db.execute(
        "SELECT min(start_utc) FROM forum WHERE room_id IS NOT NULL AND start_utc > ?", [stamp])
        if r[0]]
    # Sessions on now end later; one longer than a day is not a session a room shows as "now".
    since = (utc - dt.timedelta(days=1)).replace(microsecond=0).isoformat()
    for (end_at,) in db.execute("SELECT end_at FROM forum WHERE room_id IS NOT NULL AND "
                                "start_utc > ? AND start_utc <= ? AND end_at IS NOT NULL",
                                [since, stamp]):
        end = dt.datetime.fromisoformat(end_at)
        if end > utc:
            found.append(end)
    if not found:
        return None
    first = min(f if f.tzinfo else f.replace(tzinfo=dt.UTC) for f in found)
    return (first - utc).total_seconds()


def room_rows(db: Db, ids: Sequence[str], now: dt.datetime) -> list[RoomRow]:
    """List rows for the rooms ``ids`` (in that order): title, number of sessions, status."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    counts = dict(db.execute(f"SELECT room_id, count(*) FROM forum WHERE room_id IN ({marks}) "
                             "GROUP BY room_id", list(ids)).fetchall())
    utc = _utc(db, now)
    status = {i: _status_ids(db, i, utc) for i in ids}
    wanted = sorted({f for pair in status.values() for f in pair if f})
    rows = {r.id: r for r in forum_rows(db, wanted)}
    found = {r[0]: r for r in db.execute(
        f"SELECT id, title, title_en FROM room WHERE id IN ({marks})", list(ids))}
    out = []
    for room_id in ids:
        if room_id in found:
            _id, title, title_en = found[room_id]
            on, after = status[room_id]
            out.append(RoomRow(room_id, title, title_en or title, int(counts.get(room_id, 0)),
                               RoomStatus(rows.get(on or ""), rows.get(after or ""))))
    return out


def track_rows(db: Db, ids: Sequence[str]) -> list[TrackRow]:
    """List rows for the tracks ``ids`` (in that order): title, colour, sessions and their days."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    days: dict[str, list[tuple[dt.date, int]]] = {}
    for track_id, date, n in db.execute(
            f"SELECT track_id, date, count(*) FROM forum WHERE track_id IN ({marks}) "
            "GROUP BY track_id, date ORDER BY track_id, date", list(ids)):
        days.setdefault(track_id, []).append((dt.date.fromisoformat(date), int(n)))
    out = []
    for track_id, title, title_en, color in db.execute(
            f"SELECT id, title, title_en, color FROM track WHERE id IN ({marks})", list(ids)):
        spread = days.get(track_id, [])
        out.append(TrackRow(track_id, title, title_en or title, color,
                            sum(n for _d, n in spread), tuple(d for d, _n in spread)))
    order = {i: n for n, i in enumerate(ids)}
    return sorted(out, key=lambda r: order[r.id])


def by_day(rows: Sequence[ForumRow]) -> list[tuple[dt.date, list[ForumRow]]]:
    """Sessions in schedule order grouped by their (conference) day."""
    return [(day, list(group)) for day, group in groupby(rows, key=lambda r: r.date)]
