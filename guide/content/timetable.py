"""A day's timetable as geometry: rooms as columns, minutes as rows (no Qt).

Times are the venue's wall clock measured in minutes from midnight at the start of the
conference day, so a session at 00:30 of the next calendar date sits at minute 1470,
after 23:59 of its own day. Sessions that overlap in one room share its column side by
side (lanes). Sessions without a time are kept apart (``untimed``): the grid lists them
beside itself instead of dropping them.

The view asks :class:`DayGrid` which blocks meet a rectangle (a per-column index sorted by
start), where a block is, and which block an arrow key leads to.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from guide.content.database import Db

# A session with a start but no end (hand-made programmes) gets this much of the grid.
ASSUMED_MINUTES = 30
HOUR = 60


class Entry(NamedTuple):
    """What a timetable block shows of a session (a lean row: a day may hold thousands, so an
    immutable named tuple, several times quicker to make than a frozen dataclass)."""

    id: str
    title: str
    title_en: str
    day: dt.date  # the conference day
    start_minute: int | None  # on the venue's clock, from the conference day's midnight
    end_minute: int | None
    room_key: str  # room id, else the venue's text, else "" (no room given)
    room: str
    room_en: str
    track: str | None
    track_color: str | None
    type: str | None

    @property
    def start(self) -> dt.datetime | None:
        """The start on the venue's wall clock (naive)."""
        return None if self.start_minute is None else self._at(self.start_minute)

    @property
    def end(self) -> dt.datetime | None:
        return None if self.end_minute is None else self._at(self.end_minute)

    def _at(self, minute: int) -> dt.datetime:
        return dt.datetime.combine(self.day, dt.time(0)) + dt.timedelta(minutes=minute)


@dataclass(frozen=True)
class Column:
    """One room of the day's grid."""

    key: str
    title: str
    title_en: str


class Block(NamedTuple):
    """A timed session placed on the grid (a named tuple, like :class:`Entry`)."""

    entry: Entry
    column: int
    start: int  # minutes from the conference day's midnight (over 1440 after midnight)
    end: int
    end_known: bool
    lane: int  # side by side with the sessions it overlaps in its room
    lanes: int

    @property
    def id(self) -> str:
        return self.entry.id


@dataclass(frozen=True)
class Rect:
    """A block's place in grid units: x and width in columns, y and height in minutes."""

    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


# Minutes on the venue's wall clock from the conference day's midnight, worked out by SQLite:
# an absolute time's first 16 characters are its local date and clock time.
_WALL = ("CAST(round((julianday(coalesce(substr(f.{at}, 1, 16), f.date || 'T' || f.{clock})) "
         "- julianday(f.date)) * 1440) AS INTEGER)")
_ENTRY_SQL = f"""
SELECT f.id, f.title, f.title_en, {_WALL.format(at="start_at", clock="start_time")},
       {_WALL.format(at="end_at", clock="end_time")}, f.room_id, f.venue,
       CASE WHEN f.room_id IS NULL THEN json_extract(f.en, '$.venue_en') END, f.track_id, f.type
FROM forum f WHERE f.date = ? AND (? IS NULL OR f.kind = ?)
"""


def day_entries(db: Db, day: dt.date, kind: str | None = None) -> list[Entry]:
    """Every session (of ``kind``, if given) of the conference day ``day``, rooms in the
    programme's order (rooms and tracks are looked up here: joins and sorting in SQL cost
    more than the dictionaries at 8,000 sessions a day)."""
    rooms = {r[0]: r[1:] for r in db.execute("SELECT id, pos, title, title_en FROM room")}
    tracks = {r[0]: r[1:] for r in db.execute("SELECT id, title, color FROM track")}
    out = []
    for (item_id, title, title_en, start, end, room_id, venue, venue_en, track_id,
         type_) in db.execute(_ENTRY_SQL, [day.isoformat(), kind, kind]):
        room = rooms.get(room_id)
        track = tracks.get(track_id)
        out.append(Entry(item_id, title, title_en, day, start, end if start is not None else None,
                         room_id or venue or "", room[1] if room else venue or "",
                         room[2] if room else venue_en or venue or "",
                         track[0] if track else None, track[1] if track else None, type_))
    last = len(rooms)
    out.sort(key=lambda e: rooms[e.room_key][0] if e.room_key in rooms else last)
    return out


def minutes(day: dt.date, at: dt.datetime) -> int:
    """Minutes from midnight at the start of ``day`` to the wall-clock time ``at``."""
    return int((at - dt.datetime.combine(day, dt.time(0))).total_seconds() // 60)


def _lanes(spans: Sequence[tuple[int, int, bool, Entry]]) -> list[tuple[int, int]]:
    """(lane, lanes) for spans sorted by start: overlapping spans side by side, each cluster
    of transitively overlapping spans as wide as its most crowded moment."""
    out = [(0, 1)] * len(spans)  # most sessions overlap nothing in their room
    i, n = 0, len(spans)
    while i < n:
        j, cluster_end = i + 1, spans[i][1]
        while j < n and spans[j][0] < cluster_end:
            cluster_end = max(cluster_end, spans[j][1])
            j += 1
        if j - i > 1:
            lane_ends: list[int] = []
            lanes = []
            for start, end, _known, _entry in spans[i:j]:
                free = next((k for k, e in enumerate(lane_ends) if e <= start), len(lane_ends))
                if free == len(lane_ends):
                    lane_ends.append(end)
                else:
                    lane_ends[free] = end
                lanes.append(free)
            out[i:j] = [(lane, len(lane_ends)) for lane in lanes]
        i = j
    return out


class DayGrid:
    """The blocks of one conference day, indexed for painting and keyboard moves."""

    def __init__(self, day: dt.date, entries: Iterable[Entry]) -> None:
        self.day = day
        columns: dict[str, Column] = {}
        timed: dict[str, list[tuple[int, int, bool, Entry]]] = {}
        untimed: list[Entry] = []
        for e in entries:
            start = e.start_minute
            if start is None:
                untimed.append(e)
                continue
            if e.room_key not in columns:
                columns[e.room_key] = Column(e.room_key, e.room, e.room_en)
                timed[e.room_key] = []
            end = e.end_minute if e.end_minute is not None else start + ASSUMED_MINUTES
            end = max(end, start + 5)  # a zero-length session still gets a visible sliver
            timed[e.room_key].append((start, end, e.end_minute is not None, e))
        # Sessions with no room given go last, under their own heading.
        keys = sorted(columns, key=lambda k: k == "")
        self.columns: tuple[Column, ...] = tuple(columns[k] for k in keys)
        self.untimed: tuple[Entry, ...] = tuple(untimed)
        blocks: list[Block] = []
        # Per column: the range of its blocks, their starts and the longest block (search window).
        self._column_range: list[tuple[int, int]] = []
        self._starts: list[list[int]] = []
        self._longest: list[int] = []
        for number, key in enumerate(keys):
            spans = sorted(timed[key], key=lambda s: (s[0], s[1]))  # stable: ties keep their order
            first = len(blocks)
            blocks.extend(Block(e, number, start, end, known, lane, lanes) for (start, end, known, e),
                          (lane, lanes) in zip(spans, _lanes(spans), strict=True))
            self._column_range.append((first, len(blocks)))
            self._starts.append([s[0] for s in spans])
            self._longest.append(max(s[1] - s[0] for s in spans))
        self.blocks: tuple[Block, ...] = tuple(blocks)  # by column, then start
        self._by_id = {b.id: n for n, b in enumerate(blocks)}
        if blocks:
            self.first_minute = min(starts[0] for starts in self._starts) // HOUR * HOUR
            self.last_minute = -(-max(b.end for b in blocks) // HOUR) * HOUR
        else:
            self.first_minute, self.last_minute = 9 * HOUR, 18 * HOUR

    def index_of(self, session_id: str) -> int | None:
        """The position of a session's block in :attr:`blocks`, or None when it is untimed."""
        return self._by_id.get(session_id)

    def rect(self, n: int) -> Rect:
        """Where block ``n`` is, in grid units (columns across, minutes down from the top)."""
        b = self.blocks[n]
        return Rect(b.column + b.lane / b.lanes, b.start - self.first_minute, 1 / b.lanes,
                    b.end - b.start)

    def minute_at(self, when: dt.datetime) -> int:
        """The grid row (minutes from the conference day's midnight) of a wall-clock time."""
        return minutes(self.day, when)

    def visible(self, x0: float, x1: float, y0: float, y1: float) -> list[int]:
        """Blocks meeting the area from column ``x0`` to ``x1`` and minute ``y0`` to ``y1``
        (minutes counted from the top of the grid): only the columns and times in view."""
        found: list[int] = []
        top, bottom = y0 + self.first_minute, y1 + self.first_minute
        for column in range(max(0, int(x0)), min(len(self.columns), int(x1) + 1)):
            first, _last = self._column_range[column]
            starts = self._starts[column]
            lo = bisect_left(starts, top - self._longest[column])
            hi = bisect_left(starts, bottom)
            found.extend(first + i for i in range(lo, hi)
                         if self.blocks[first + i].end > top)
        return found

    def move(self, n: int, direction: str) -> int:
        """The block an arrow key leads to from block ``n`` (``n`` when there is none).

        Up and down walk the room's sessions in time order, so every block of a column
        is reachable; left and right go to the spatially nearest block in the next lane
        or room that has one (nearest by time to the middle of this block).
        """
        b = self.blocks[n]
        first, last = self._column_range[b.column]
        if direction in ("up", "down"):
            step = -1 if direction == "up" else 1
            return n + step if first <= n + step < last else n
        step = -1 if direction == "left" else 1
        middle = (b.start + b.end) / 2
        # Another lane of the same room beside it at this time comes first.
        beside = [i for i in range(first, last)
                  if self.blocks[i].lanes == b.lanes and self.blocks[i].lane == b.lane + step
                  and self.blocks[i].start < b.end and b.start < self.blocks[i].end]
        if beside:
            return min(beside, key=lambda i: abs(self._middle(i) - middle))
        column = b.column + step
        while 0 <= column < len(self.columns):
            lo, hi = self._column_range[column]
            if hi > lo:
                # Ties (lanes at the same time): the lane nearest the side we come from.
                return min(range(lo, hi), key=lambda i: (self._distance(i, middle),
                                                         self.blocks[i].lane * step))
            column += step
        return n

    def _middle(self, i: int) -> float:
        return (self.blocks[i].start + self.blocks[i].end) / 2

    def _distance(self, i: int, minute: float) -> float:
        b = self.blocks[i]
        if b.start <= minute < b.end:
            return 0.0
        return min(abs(b.start - minute), abs(b.end - minute))


def clashes(grid: DayGrid, bookmarked: set[str]) -> set[str]:
    """Bookmarked sessions that overlap another bookmarked session of the day (by time)."""
    spans = sorted((b.start, b.end, b.id) for b in grid.blocks if b.id in bookmarked)
    found: set[str] = set()
    latest_end, latest_id = None, ""
    for start, end, item_id in spans:
        if latest_end is not None and start < latest_end:
            found.update((item_id, latest_id))
        if latest_end is None or end > latest_end:
            latest_end, latest_id = end, item_id
    return found


def busiest_day(db: Db) -> dt.date | None:
    """The conference day with the most sessions (the earliest of equals), or None."""
    row = db.execute("SELECT date FROM forum GROUP BY date ORDER BY count(*) DESC, date "
                     "LIMIT 1").fetchone()
    return dt.date.fromisoformat(row[0]) if row else None
