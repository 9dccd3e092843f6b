"""What an update changes: items added, changed and removed, per kind, by id.

An item counts as changed when anything a visitor could see of it differs: its own
row (except its position in the list), its child rows (organisers, speakers,
launches, mentions, figure links) or the bytes of its image. Both databases are
read with plain sqlite3, read-only.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from guide.content.models import KINDS
from guide.content.same_item import (
    NAMED_KINDS,
    Listing,
    another_session,
    forum_listings,
    keyed,
    listing_key,
    named_listings,
    unique_pairs,
)

# A session's room and track by what it shows, their names, not their ids (a frab file's rooms
# are keyed by their guids now, which gave each room another id); databases before version 4
# have neither table.
_ROOM = "SELECT f.id AS owner, r.title AS room FROM forum f JOIN room r ON r.id = f.room_id"
_TRACK = "SELECT f.id AS owner, t.title AS track FROM forum f JOIN track t ON t.id = f.track_id"
_NEEDS = {_ROOM: "room", _TRACK: "track"}
# Per kind: queries returning (owner id, ...) rows that make up what the item shows.
_PARTS: dict[str, tuple[str, ...]] = {
    "forum": (
        "SELECT id AS owner, * FROM forum",
        _ROOM,
        _TRACK,
        "SELECT forum_id AS owner, * FROM forum_organiser ORDER BY forum_id, pos",
        "SELECT forum_id AS owner, * FROM forum_speaker ORDER BY forum_id, pos",
        "SELECT forum_id AS owner, * FROM launch ORDER BY forum_id, pos",
        "SELECT forum_id AS owner, * FROM launch_organiser ORDER BY forum_id, launch_pos, pos",
    ),
    "area": (
        "SELECT id AS owner, * FROM area",
        "SELECT a.id AS owner, i.sha256 AS image_sha256 FROM area a JOIN image i ON i.path = a.image",
    ),
    "announcement": (
        "SELECT id AS owner, * FROM announcement",
        "SELECT announcement_id AS owner, * FROM mention ORDER BY announcement_id, pos",
    ),
    "photo": (
        "SELECT id AS owner, * FROM photo",
        "SELECT p.id AS owner, i.sha256 AS image_sha256 FROM photo p JOIN image i ON i.path = p.image",
    ),
    "person": ("SELECT id AS owner, * FROM person",),
    "organization": ("SELECT id AS owner, * FROM organization",),
    "figure": (
        "SELECT id AS owner, * FROM figure",
        "SELECT figure_id AS owner, * FROM figure_about ORDER BY figure_id, pos",
    ),
    "room": ("SELECT id AS owner, * FROM room",),
    "track": ("SELECT id AS owner, * FROM track",),
}
_IGNORED = {"owner", "pos"}  # moving an item in its list is not a change of the item
_SHOWN_BY_NAME = {"room_id", "track_id"}  # a session's: compared by _ROOM and _TRACK
# What an item that only got another id differs in (a sheet's new 编号 ID column: its guid).
_IDS = frozenset({"id", "forum_id", "guid"})


@dataclass(frozen=True)
class ItemRef:
    """An item named in a change summary, with the title it has (or had, if removed)."""

    kind: str
    id: str
    title: str
    title_en: str


@dataclass(frozen=True)
class KindChanges:
    """Changes of one kind of item."""

    kind: str
    added: tuple[ItemRef, ...] = ()
    changed: tuple[ItemRef, ...] = ()
    removed: tuple[ItemRef, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing of this kind changed."""
        return not (self.added or self.changed or self.removed)


@dataclass(frozen=True)
class ChangeSummary:
    """Added, changed and removed items per kind (only kinds with changes are listed)."""

    kinds: tuple[KindChanges, ...] = field(default_factory=tuple)
    # The content's forum items are an imported programme's sessions, whether it came as a
    # signed pack or a file staff opened: what the window calls them ("Sessions", not "Forum").
    sessions: bool = False
    # The same of the content replaced, for the forum items removed: on a switch between a
    # programme and other content they differ (the newspaper's forums were called "Sessions").
    removed_sessions: bool = False

    @property
    def added(self) -> int:
        """How many items are new."""
        return sum(len(k.added) for k in self.kinds)

    @property
    def changed(self) -> int:
        """How many items differ."""
        return sum(len(k.changed) for k in self.kinds)

    @property
    def removed(self) -> int:
        """How many items are gone (their bookmarks will show as no longer in the guide)."""
        return sum(len(k.removed) for k in self.kinds)

    @property
    def empty(self) -> bool:
        """True when the new content shows the same items as the old."""
        return not self.kinds

    def of(self, kind: str) -> KindChanges:
        """The changes of one kind (empty if none)."""
        return next((k for k in self.kinds if k.kind == kind), KindChanges(kind))

    def lines(self) -> list[str]:
        """One line per kind, e.g. ``forum: 1 added, 2 changed, 0 removed``."""
        if self.empty:
            return ["no items added, changed or removed"]
        return [f"{k.kind}: {len(k.added)} added, {len(k.changed)} changed, {len(k.removed)} removed"
                for k in self.kinds]

    def to_json(self) -> dict[str, dict[str, list[str]]]:
        """``{kind: {"added": [ids], "changed": [ids], "removed": [ids]}}`` for kinds with changes."""
        return {k.kind: {"added": [r.id for r in k.added], "changed": [r.id for r in k.changed],
                         "removed": [r.id for r in k.removed]} for k in self.kinds}


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def _digests(db: sqlite3.Connection, kind: str, ignored: frozenset[str] = frozenset()) -> dict[str, str]:
    hashers: dict[str, hashlib._Hash] = {}
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [kind]).fetchone():
        return {}  # a database from before this kind existed (rooms and tracks: version 4)
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for part, sql in enumerate(_PARTS[kind]):
        if _NEEDS.get(sql, kind) not in tables:
            continue
        cursor = db.execute(sql)
        names = [d[0] for d in cursor.description]
        for row in cursor:
            values = dict(zip(names, row, strict=True))
            owner = values["owner"]
            # Column names go into the hash so that a schema with other column order still compares.
            data = {k: v for k, v in values.items()
                    if k not in _IGNORED and k not in ignored and not isinstance(v, bytes)
                    and not (kind == "forum" and k in _SHOWN_BY_NAME)}
            h = hashers.setdefault(owner, hashlib.sha256())
            h.update(f"{part}:".encode())
            h.update(json.dumps(data, sort_keys=True, ensure_ascii=False, default=str).encode())
    return {owner: h.hexdigest() for owner, h in hashers.items()}


def _order_sql(db: sqlite3.Connection, kind: str) -> str:
    """SELECT of (id, title, title_en, *sort key) of ``kind``'s items, to end in ``id IN (…)``:
    sessions by day and start, then title (the UTC start puts 00:30 after midnight after
    23:00; databases before it have none), other kinds by their place in their list."""
    if kind != "forum":
        return "SELECT id, title, title_en, pos, title FROM item WHERE kind = ? AND"
    columns = {r[1] for r in db.execute("PRAGMA table_info(forum)")}
    utc = "start_utc" if "start_utc" in columns else "NULL"
    return (f"SELECT id, title, title_en, date, start_time IS NULL, coalesce({utc}, ''), "
            "coalesce(start_time, ''), title FROM forum WHERE ? = 'forum' AND")


def _titles(db: sqlite3.Connection, kind: str, ids: Iterable[str]) -> list[ItemRef]:
    """The items ``ids`` with their titles, in the order the guide lists them (see
    :func:`_order_sql`). Sorted by id, a summary's first few titles had been any few: the
    organiser checking what a file removed saw five at random."""
    wanted = sorted(ids)
    found: dict[str, tuple[str, str]] = {}
    order: dict[str, tuple[object, ...]] = {}
    sql = _order_sql(db, kind)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for item_id, title, title_en, *key in db.execute(f"{sql} id IN ({marks})", [kind, *chunk]):
            found[item_id] = (title or "", title_en or "")
            order[item_id] = tuple("" if k is None else k for k in key)
    # An id the database does not have (no title to show) goes last.
    ordered = sorted(wanted, key=lambda i: (i not in order, order.get(i, ()), i))
    return [ItemRef(kind, i, *found.get(i, ("", ""))) for i in ordered]


_Forums = dict[str, tuple[Listing, str | None]]  # a content's sessions: listing and guid by id


@dataclass
class _Sides:
    """One kind's ids: gone from the old content, new in the new one, and kept but changed."""

    gone: set[str]
    new: set[str]
    changed: set[str]


def _reused(before: _Forums, after: _Forums, kept: Iterable[str]) -> set[str]:
    """Ids both contents have for two different sessions (see :func:`another_session`)."""
    return {i for i in kept if i in before and i in after
            and another_session(before[i][0], after[i][0], after[i][1])}


def _moves(before: _Forums, after: _Forums, names: tuple[dict[str, str], dict[str, str]],
           sides: _Sides) -> list[tuple[str, str]]:
    """(old id, new id) of items that only got another id: a corrected title (the same source
    key, see :func:`guide.content.ids.same_source_pattern`) unless the session is another one,
    or the same session under the id of a new 编号 ID column (the same title, day, start and
    room), a room or track of the same name. Bookmarks follow the same."""
    pairs = [(a, b) for a, b in unique_pairs(keyed(sides.gone), keyed(sides.new))
             if not (a in before and b in after and another_session(before[a][0], *after[b]))]
    gone = sides.gone - {a for a, _ in pairs}
    fresh = sides.new - {b for _, b in pairs}
    if before and after and gone and fresh:
        pairs += unique_pairs({i: listing_key(before[i][0]) for i in gone if i in before},
                              {i: listing_key(after[i][0]) for i in fresh if i in after})
    elif names[0] and gone and fresh:
        pairs += unique_pairs({i: names[0][i] for i in gone if i in names[0]},
                              {i: names[1][i] for i in fresh if i in names[1]})
    return pairs


def _sides(old: sqlite3.Connection | None, new: sqlite3.Connection, kind: str) -> _Sides:
    after = _digests(new, kind)
    before = _digests(old, kind) if old is not None else {}
    kept = after.keys() & before.keys()
    sides = _Sides(set(before.keys() - after.keys()), set(after.keys() - before.keys()),
                   {i for i in kept if after[i] != before[i]})
    if old is None or not (sides.gone or sides.new or sides.changed):
        return sides
    forums = (forum_listings(old), forum_listings(new)) if kind == "forum" else ({}, {})
    reused = _reused(*forums, sides.changed)
    sides.gone |= reused  # the session it named is gone, another one has the id
    sides.new |= reused
    sides.changed -= reused
    names = (named_listings(old, kind), named_listings(new, kind)) if kind in NAMED_KINDS else ({}, {})
    moves = _moves(*forums, names, sides)
    if moves:
        plain_before, plain_after = _digests(old, kind, _IDS), _digests(new, kind, _IDS)
        for old_id, new_id in moves:
            sides.gone.discard(old_id)
            sides.new.discard(new_id)
            if plain_before.get(old_id) != plain_after.get(new_id):
                sides.changed.add(new_id)
    return sides


def _sessions(first: sqlite3.Connection | None, other: sqlite3.Connection | None) -> bool:
    """Whether the forum items are all an imported programme's sessions: ``first``'s, or
    ``other``'s when ``first`` has none."""
    for db in (first, other):
        if db is not None:
            total, sessions = db.execute("SELECT count(*), coalesce(sum(kind = 'session'), 0) "
                                         "FROM forum").fetchone()
            if total:
                return bool(sessions == total)
    return False


def compare_content(old_db: Path | None, new_db: Path) -> ChangeSummary:
    """The change summary from ``old_db`` (None: nothing yet, all is added) to ``new_db``.

    An item that only got another id is no item removed and another added: it is changed when
    more than its id differs, else not listed; an id given to another session lists the one
    it named as removed and the other as added (see :mod:`guide.content.same_item`).
    """
    new = _connect(new_db)
    old = _connect(old_db) if old_db is not None and Path(old_db).is_file() else None
    try:
        kinds = []
        for kind in KINDS:
            sides = _sides(old, new, kind)
            entry = KindChanges(
                kind,
                added=tuple(_titles(new, kind, sides.new)),
                changed=tuple(_titles(new, kind, sides.changed)),
                removed=tuple(_titles(old, kind, sides.gone)) if old is not None else (),
            )
            if not entry.empty:
                kinds.append(entry)
        return ChangeSummary(tuple(kinds), sessions=_sessions(new, old),
                             removed_sessions=_sessions(old, new))
    finally:
        new.close()
        if old is not None:
            old.close()
