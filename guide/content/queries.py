"""Typed, read-only queries over the content database.

Every function takes the database explicitly and uses bound parameters only. Lists
come back in the pack's order (``pos``) unless a kind has a natural order of its own
(forums by date and time). ``*_ids`` plus ``cards`` serve lazy list models: a model
holds ids and fetches only the rows it paints.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from guide.content.database import Db
from guide.content.models import (
    KINDS,
    Figure,
    ForumRow,
    ItemCard,
)
from guide.content.rows import by_ids, english, fetch_rows, parse_date, parse_datetime, parse_time

if TYPE_CHECKING:
    from guide.content.area import Area

# --- any kind, for lists, search results and bookmarks ----------------------------------

_ORDER = {
    # Imported sessions order by their UTC start, so 00:30 after midnight follows 23:00.
    "forum": "date, start_time IS NULL, start_utc, start_time, pos",
    "announcement": "date IS NULL, date DESC, pos",  # newest first, as Home's latest news
}


def item_ids(db: Db, kind: str) -> list[str]:
    """Ids of every item of ``kind`` in display order."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    order = _ORDER.get(kind, "pos")
    return [r[0] for r in db.execute(f"SELECT id FROM {kind} ORDER BY {order}")]


def cards(db: Db, kind: str, ids: Sequence[str]) -> list[ItemCard]:
    """List cards for ``ids`` of one kind, in the order given; unknown ids are skipped."""
    return by_ids(db, "SELECT * FROM item WHERE kind = ? AND id IN", ids,
                   lambda r: ItemCard(r["kind"], r["id"], r["title"], r["title_en"],
                                      r["subtitle"], r["date"], r["subtitle_en"]), [kind])


def card(db: Db, kind: str, item_id: str) -> ItemCard | None:
    """One item's card, or None when the content has no such item."""
    found = cards(db, kind, [item_id])
    return found[0] if found else None


# --- organisations and people -------------------------------------------------------------


# --- forums ---------------------------------------------------------------------------------

_FORUM_ROW = """
SELECT f.id, f.kind, f.title, f.title_en, f.series, f.date, f.start_time, f.end_time,
       coalesce(f.venue, r.title) AS venue,
       json_extract(f.en, '$.series_en') AS series_en,
       (SELECT json_group_array(json_array(o.name, fo.role, o.name_en)) FROM
            (SELECT * FROM forum_organiser WHERE forum_id = f.id ORDER BY pos) fo
            JOIN organization o ON o.id = fo.organization_id) AS organisers,
       f.guid, f.start_at, f.end_at, f.room_id, r.title AS room, f.track_id, t.title AS track,
       f.type
FROM forum f LEFT JOIN room r ON r.id = f.room_id LEFT JOIN track t ON t.id = f.track_id
"""


def _forum_row(r: dict[str, Any]) -> ForumRow:
    organisers = json.loads(r["organisers"] or "[]")
    return ForumRow(
        id=r["id"], forum_kind=r["kind"], title=r["title"], title_en=r["title_en"],
        series=r["series"], date=dt.date.fromisoformat(r["date"]),
        start_time=parse_time(r["start_time"]), end_time=parse_time(r["end_time"]), venue=r["venue"],
        organisers=tuple((n, role) for n, role, _en in organisers),
        organisers_en=tuple(en for _n, _role, en in organisers),
        series_en=r["series_en"], guid=r["guid"], start=parse_datetime(r["start_at"]),
        end=parse_datetime(r["end_at"]), room=r["room"], room_id=r["room_id"], track=r["track"],
        track_id=r["track_id"], type=r["type"],
    )


def forum_ids(db: Db, *, day: dt.date | None = None, kind: str | None = None) -> list[str]:
    """Forum ids in schedule order (date, then known times, then the rest), optionally filtered."""
    where, params = [], []
    if day is not None:
        where.append("date = ?")
        params.append(day.isoformat())
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    sql = "SELECT id FROM forum" + (" WHERE " + " AND ".join(where) if where else "")
    return [r[0] for r in db.execute(sql + f" ORDER BY {_ORDER['forum']}", params)]


def forum_rows(db: Db, ids: Sequence[str]) -> list[ForumRow]:
    """Schedule rows for ``ids``, in the order given."""
    return by_ids(db, _FORUM_ROW + " WHERE f.id IN", ids, _forum_row)


def list_forums(db: Db, *, day: dt.date | None = None, kind: str | None = None) -> list[ForumRow]:
    """Schedule rows of every forum (optionally of one day or kind), in schedule order."""
    return forum_rows(db, forum_ids(db, day=day, kind=kind))


def forum_dates(db: Db) -> list[dt.date]:
    """The distinct forum days, in order (cheap: no rows are built)."""
    return [dt.date.fromisoformat(r[0])
            for r in db.execute("SELECT DISTINCT date FROM forum ORDER BY date")]


# --- rooms and tracks of an imported programme ---------------------------------------------


def room_forums(db: Db, room_id: str) -> list[ForumRow]:
    """The sessions held in this room, in schedule order."""
    ids = [r[0] for r in db.execute(
        f"SELECT id FROM forum WHERE room_id = ? ORDER BY {_ORDER['forum']}", [room_id])]
    return forum_rows(db, ids)


def track_forums(db: Db, track_id: str) -> list[ForumRow]:
    """The sessions of this track, in schedule order."""
    ids = [r[0] for r in db.execute(
        f"SELECT id FROM forum WHERE track_id = ? ORDER BY {_ORDER['forum']}", [track_id])]
    return forum_rows(db, ids)


def person_forums(db: Db, person_id: str) -> list[ForumRow]:
    """Forums this person spoke at, in schedule order."""
    ids = [r[0] for r in db.execute(
        "SELECT DISTINCT forum_id FROM forum_speaker WHERE person_id = ?", [person_id])]
    return sorted(forum_rows(db, ids), key=_schedule_key)


def organization_forums(db: Db, org_id: str) -> list[tuple[ForumRow, str]]:
    """Forums this organisation took part in, with its role(s), in schedule order."""
    roles: dict[str, list[str]] = {}
    for forum_id, role in db.execute("""
            SELECT forum_id, role FROM forum_organiser WHERE organization_id = ?
            UNION ALL
            SELECT forum_id, role FROM launch_organiser WHERE organization_id = ?""",
            [org_id, org_id]):
        if role not in roles.setdefault(forum_id, []):
            roles[forum_id].append(role)
    rows = sorted(forum_rows(db, list(roles)), key=_schedule_key)
    return [(row, "、".join(roles[row.id])) for row in rows]


def _schedule_key(row: ForumRow) -> tuple[Any, ...]:
    instant = row.start.astimezone(dt.UTC).isoformat() if row.start else ""
    return (row.date, row.start_time is None, instant, row.start_time or dt.time(0), row.title)


# --- areas, photos, announcements, figures -------------------------------------------------

def _area(r: dict[str, Any]) -> Area:
    from guide.content.area import Area  # its class is made when a page first reads an area

    return Area(r["id"], r["kind"], r["title"], r["title_en"], r["parent_id"],
                parse_date(r["start_date"]), parse_date(r["end_date"]), r["city"], r["venue"],
                r["summary"], r["summary_en"], r["image"], r["source_id"],
                english(r).get("city_en"), english(r).get("venue_en"))


def get_area(db: Db, area_id: str) -> Area | None:
    """One exhibition area (or the exhibition itself), or None."""
    rows = fetch_rows(db, "SELECT * FROM area WHERE id = ?", [area_id])
    return _area(rows[0]) if rows else None


def list_areas(db: Db) -> list[Area]:
    """The exhibition and all its areas and fields, in display order."""
    return [_area(r) for r in fetch_rows(db, "SELECT * FROM area ORDER BY pos")]


def area_children(db: Db, area_id: str) -> list[Area]:
    """Areas and fields inside this one."""
    return [_area(r) for r in fetch_rows(db, "SELECT * FROM area WHERE parent_id = ? ORDER BY pos",
                                    [area_id])]


def pictured(db: Db, kind: str) -> bool:
    """Whether the content names a picture for any item of ``kind`` (photo or area): the
    newspaper's photos are captions whose pictures it does not hold."""
    if kind not in ("photo", "area"):
        raise ValueError(f"{kind!r} has no pictures")
    return db.execute(f"SELECT 1 FROM {kind} WHERE coalesce(image, '') != '' LIMIT 1").fetchone() \
        is not None


def image_bytes(db: Db, path: str) -> bytes | None:
    """The stored bytes of a pack image, or None when the content has none at that path."""
    row = db.execute("SELECT data FROM image WHERE path = ?", [path]).fetchone()
    return None if row is None else bytes(row[0])


def image_digest(db: Db, path: str) -> str | None:
    """The sha256 of the stored image at ``path`` (its bytes unread), or None when the content
    has none there."""
    row = db.execute("SELECT sha256 FROM image WHERE path = ?", [path]).fetchone()
    return None if row is None else str(row[0])


def latest_announcements(db: Db, limit: int = 5, *, until: dt.date | None = None) -> list[ItemCard]:
    """The most recent announcements (by the date of what they report).

    With ``until``, only those dated on or before it: news is never from the future.
    Undated announcements come last (nothing says they are not out yet).
    """
    ids = [r[0] for r in db.execute(
        "SELECT id FROM announcement WHERE ? IS NULL OR date IS NULL OR date <= ? "
        "ORDER BY date IS NULL, date DESC, pos LIMIT ?",
        [until and until.isoformat(), until and until.isoformat(), limit])]
    return cards(db, "announcement", ids)


def reported_by(db: Db, person_id: str) -> list[ItemCard]:
    """The announcements this person wrote (their byline's reporter), newest first."""
    ids = [r[0] for r in db.execute(
        "SELECT id FROM announcement WHERE reporter_id = ? ORDER BY date IS NULL, date DESC, pos",
        [person_id])]
    return cards(db, "announcement", ids)


def mentions(db: Db, announcement_id: str) -> list[ItemCard]:
    """What an announcement mentions, as cards, in the order the pack lists them."""
    found = []
    for kind, item_id in db.execute(
            "SELECT kind, item_id FROM mention WHERE announcement_id = ? ORDER BY pos",
            [announcement_id]):
        c = card(db, kind, item_id)
        if c is not None:
            found.append(c)
    return found


def mentioned_in(db: Db, kind: str, item_id: str) -> list[ItemCard]:
    """Announcements that mention this item or are its source."""
    ids = [r[0] for r in db.execute(
        "SELECT DISTINCT announcement_id FROM mention WHERE kind = ? AND item_id = ?",
        [kind, item_id])]
    return cards(db, "announcement", ids)


def _figure(r: dict[str, Any]) -> Figure:
    return Figure(r["id"], r["label"], r["label_en"], r["value"], r["unit"], r["unit_en"],
                  r["qualifier"], r["year"], r["grp"], r["quote"], r["source_kind"],
                  r["source_id"], english(r).get("display"), english(r).get("display_en"),
                  english(r).get("quote_en"))


def get_figure(db: Db, figure_id: str) -> Figure | None:
    """One key figure, or None."""
    rows = fetch_rows(db, "SELECT * FROM figure WHERE id = ?", [figure_id])
    return _figure(rows[0]) if rows else None


def figures(db: Db, ids: Sequence[str]) -> list[Figure]:
    """The key figures of ``ids``, in the order given; unknown ids are skipped."""
    return by_ids(db, "SELECT * FROM figure WHERE id IN", ids, _figure)


def item_figures(db: Db, kind: str, item_id: str) -> list[Figure]:
    """Figures about this item or taken from it."""
    return [_figure(r) for r in fetch_rows(db, """
        SELECT * FROM figure WHERE (source_kind = ? AND source_id = ?)
           OR id IN (SELECT figure_id FROM figure_about WHERE kind = ? AND item_id = ?)
        ORDER BY pos""", [kind, item_id, kind, item_id])]


def figure_groups(db: Db) -> list[tuple[str, list[Figure]]]:
    """Figures that belong in one chart (same group), groups in pack order, years ascending."""
    rows = [_figure(r) for r in fetch_rows(
        db, "SELECT * FROM figure WHERE grp IS NOT NULL ORDER BY grp, year, pos")]
    first_pos = {r[0]: r[1] for r in db.execute(
        "SELECT grp, min(pos) FROM figure WHERE grp IS NOT NULL GROUP BY grp")}
    groups = [(g, list(items)) for g, items in groupby(rows, key=lambda f: f.group or "")]
    return sorted(groups, key=lambda g: first_pos[g[0]])


def exhibition_period(db: Db) -> tuple[dt.date, dt.date] | None:
    """First and last day of the exhibition (the ``exhibition`` area), if the pack gives them."""
    row = db.execute(
        "SELECT min(start_date), max(end_date) FROM area WHERE kind = 'exhibition'").fetchone()
    if not row or not row[0] or not row[1]:
        return None
    return dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1])


def all_ids(db: Db) -> set[tuple[str, str]]:
    """Every (kind, id) the content holds: for telling which bookmarks still resolve."""
    return {(k, i) for k, i in db.execute("SELECT kind, id FROM item")}


def titles(db: Db, refs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], ItemCard]:
    """Cards for a mixed set of (kind, id) refs; refs the content lacks are absent."""
    by_kind: dict[str, list[str]] = {}
    for kind, item_id in refs:
        by_kind.setdefault(kind, []).append(item_id)
    out: dict[tuple[str, str], ItemCard] = {}
    for kind, ids in by_kind.items():
        if kind in KINDS:
            for c in cards(db, kind, ids):
                out[(kind, c.id)] = c
    return out
