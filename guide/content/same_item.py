"""Whether two versions of the content show the same item where its id alone does not say.

An id is a promise that an item stays itself across updates, and bookmarks are kept by it.
Two cases break that promise, and both are decided here, for the change summary of an update
(:mod:`guide.updates.changes`) and for the bookmarks that follow it (:mod:`guide.user.follow`)
alike, so that what staff are told is what happens to the bookmarks:

- *A new id for the same item.* A spreadsheet that gains a 编号 ID column keys every session
  by its id instead of its title, date, start and room, so every id changes although nothing
  a visitor sees did. A session whose title, date, start time and room are all unchanged is
  the same session (:func:`listing_key`); so is a room or track of the same name.
- *The same id for another item.* A sheet's ids are its own (S1, S2 …): another event's sheet,
  or a sheet whose rows were renumbered, gives S1 to another session. A session whose title
  changed and whose date, start or room changed as well is another session
  (:func:`another_session`), unless its id is not the file's own (a UUID guid, which no other
  session has, or the newspaper's).

Both rules look at what a visitor sees of a session: its title, day, start and room.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from guide.content.ids import same_source_pattern

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE)
# Kinds whose items are known by their name alone: a programme has one room of a name.
NAMED_KINDS = ("room", "track")
_SIMILAR = 0.8  # "Opening Cermony" and "Opening Ceremony": 0.97; 开幕式 and 闭幕式: 0.67


def norm(text: str | None) -> str:
    """``text`` as compared: NFKC (full-width letters), case and runs of spaces ignored."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split()).casefold()


def _clock(value: str | None) -> str | None:
    # The content stores "09:00", a bookmark "09:00:00": minutes are what a listing shows.
    return value[:5] if value else None


@dataclass(frozen=True)
class Listing:
    """What a session's row in the programme shows: title, day, start and room."""

    title: str
    title_en: str
    date: str | None  # YYYY-MM-DD
    start: str | None  # HH:MM
    venue: str | None

    @classmethod
    def of(cls, title: str | None, title_en: str | None, date: str | None, start: str | None,
           venue: str | None) -> Listing:
        """A listing of raw values (a time with or without seconds)."""
        return cls(title or "", title_en or "", date or None, _clock(start), venue or None)


def listing_key(listing: Listing) -> tuple[str, str | None, str | None, str | None]:
    """Two sessions with the same key (title, day, start, room, as typed) are the same
    session, whatever their ids."""
    return listing.title, listing.date, listing.start, listing.venue


def similar_titles(a: str, b: str) -> bool:
    """Whether one title is the other corrected: the same but for a few characters
    (SequenceMatcher's ratio of 0.8 or more), or one holding the other ("开幕式（更正）")."""
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    return a in b or b in a or SequenceMatcher(None, a, b).ratio() >= _SIMILAR


def another_session(old: Listing, new: Listing, guid: str | None) -> bool:
    """Whether the session an id names now (``new``, with its ``guid``) is another one than the
    one it named (``old``): its title changed, not as a correction, and so did its day, start
    or room; or, in the same slot of a programme without rooms, its title is nothing like the
    old one. A typo corrected (also with a new time), a session moved, a session retitled in
    its room stay the same session.

    Only a session keyed by its file's own id (a sheet's 编号, a frab event's number, a
    calendar's UID) can be another: a UUID guid is never given to another session, and an id
    the file gives none of (the newspaper's, a sheet's session without 编号) is its own."""
    if not guid or _UUID.match(guid):
        return False
    if norm(old.title) == norm(new.title) or (
            old.title_en and norm(old.title_en) == norm(new.title_en)):
        return False
    # A title corrected (a typo, 开幕式 -> 开幕式暨全体会议) is the same session wherever it
    # moved: a corrected sheet often fixes a title and a time together.
    if similar_titles(old.title, new.title) or similar_titles(old.title_en, new.title_en):
        return False
    slot = ((old.date, new.date), (old.start, new.start), (old.venue, new.venue))
    if any(a is not None and b is not None and norm(a) != norm(b) for a, b in slot):
        return True
    # One room holds one session at a time: this one was retitled. Without rooms, a title
    # nothing like the old one in the same slot is another session.
    return old.venue is None or new.venue is None


def _has(db: sqlite3.Connection, table: str, column: str | None = None) -> bool:
    if column is None:
        return db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() is not None
    return any(r[1] == column for r in db.execute(f"PRAGMA table_info({table})"))


def forum_listings(db: sqlite3.Connection, *, column: str | None = None,
                   values: Iterable[str] = ()) -> dict[str, tuple[Listing, str | None]]:
    """Every forum's listing and guid, by id (an imported session's room is its venue); with
    ``column`` ("id" or "title") only the forums whose column has one of ``values``."""
    if _has(db, "room") and _has(db, "forum", "room_id"):  # databases before version 4 have none
        sql = ("SELECT f.id, f.title, f.title_en, f.date, f.start_time, "
               "coalesce(f.venue, r.title), f.guid FROM forum f LEFT JOIN room r ON r.id = f.room_id")
    else:
        sql = "SELECT f.id, f.title, f.title_en, f.date, f.start_time, f.venue, NULL FROM forum f"
    if column is None:
        return {r[0]: (Listing.of(*r[1:6]), r[6]) for r in db.execute(sql)}
    if column not in ("id", "title"):
        raise ValueError(f"forums are looked up by id or title, not {column!r}")
    wanted, out = sorted(set(values)), {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        for r in db.execute(f"{sql} WHERE f.{column} IN ({','.join('?' * len(chunk))})", chunk):
            out[r[0]] = (Listing.of(*r[1:6]), r[6])
    return out


def named_listings(db: sqlite3.Connection, kind: str,
                   names: Iterable[str] | None = None) -> dict[str, str]:
    """The name of every item of a :data:`NAMED_KINDS` kind by id (of those named ``names``)."""
    if kind not in NAMED_KINDS or not _has(db, kind):
        return {}
    sql = f"SELECT id, title FROM {kind}"  # kind: checked against NAMED_KINDS
    if names is None:
        return {r[0]: r[1] for r in db.execute(sql)}
    wanted = sorted(set(names))
    out: dict[str, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        out.update(db.execute(f"{sql} WHERE title IN ({','.join('?' * len(chunk))})", chunk))
    return out


def unique_pairs(gone: Mapping[str, Hashable], new: Mapping[str, Hashable]) -> list[tuple[str, str]]:
    """(gone id, new id) of items with the same key, where each side has only one with that key:
    two would be a guess."""
    gone_count = Counter(gone.values())
    new_by_key: dict[Hashable, list[str]] = {}
    for item_id, key in new.items():
        new_by_key.setdefault(key, []).append(item_id)
    return [(item_id, new_by_key[key][0]) for item_id, key in gone.items()
            if gone_count[key] == 1 and len(new_by_key.get(key, ())) == 1]


def same_source_key(item_id: str) -> str | None:
    """The part of an id made by :func:`guide.content.ids.make_id` that its words leave alone."""
    pattern = same_source_pattern(item_id)
    return pattern[0] if pattern else None


def keyed(ids: Iterable[str]) -> dict[str, str]:
    """The :func:`same_source_key` of each id that has one."""
    return {i: k for i in ids if (k := same_source_key(i)) is not None}
