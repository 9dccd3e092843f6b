"""Bookmarks across content updates: following an item to its new id, letting go of an id
that now names another session.

A bookmark is kept by ``(kind, id)``. After new content is opened (see
:func:`guide.user.bookmarks.refresh_snapshots`) two things can make that wrong, and both are
decided by :mod:`guide.content.same_item`, the rules the change summary staff saw before the
swap was made by, so that what staff were told is what happens:

- the item got another id (a corrected title, a new 编号 ID column, a room renamed in a file
  that keys it by its guid): the bookmark moves to the new id;
- the id now names another session (another event's sheet, renumbered rows): the bookmark is
  let go of the id, and shows as "no longer in the guide" under what it was; it follows its
  session again if that comes back (restore previous content) or is found under another id.
"""

from __future__ import annotations

from typing import Any

from guide.content import queries
from guide.content.ids import same_source_ids
from guide.content.same_item import (
    NAMED_KINDS,
    Listing,
    another_session,
    forum_listings,
    listing_key,
    named_listings,
    unique_pairs,
)
from guide.user.db import Db, transaction

# A bookmark let go of its id keeps it with this and its row number after it: no content id
# has it (ids are lowercase letters, digits and dashes), so the bookmark is "no longer in the
# guide", and two let go of one id stay two.
DETACHED = "~"

_SNAPSHOT = "title, title_en, date, start_time, venue"


def let_go_of_reused_ids(user_db: Db, content_db: Db) -> int:
    """Let go of the ids of bookmarked sessions that the content now gives to another session
    (see :func:`guide.content.same_item.another_session`); return how many were let go."""
    rows = user_db.execute(f"SELECT seq, item_id, {_SNAPSHOT} FROM bookmark "
                           "WHERE kind = 'forum'").fetchall()
    if not rows:
        return 0
    now = forum_listings(content_db, column="id", values=[r[1] for r in rows])
    reused = [r[0] for r in rows
              if r[1] in now and another_session(Listing.of(*r[2:7]), *now[r[1]])]
    if reused:
        with transaction(user_db) as conn:
            for seq in reused:
                conn.execute("UPDATE bookmark SET item_id = item_id || ? WHERE seq = ?",
                             [f"{DETACHED}{seq}", seq])
    return len(reused)


def _same_source(content_db: Db, missing: dict[tuple[str, str], list[Any]]) -> list[tuple[str, str, str]]:
    """(new id, kind, old id) of missing bookmarks whose item's id changed only its words (a
    corrected title), unless the session under the new id is another one: another event's
    sheet also numbers its rows S1, S2 …"""
    moves = []
    for kind, item_id in missing:
        found = same_source_ids(content_db, kind, item_id)
        if len(found) == 1:  # two would be a guess
            moves.append((found[0], kind, item_id))
    forums = forum_listings(content_db, column="id", values=[n for n, k, _i in moves if k == "forum"])
    return [(new, kind, old) for new, kind, old in moves
            if not (new in forums and another_session(Listing.of(*missing[(kind, old)]), *forums[new]))]


def _same_listing(content_db: Db, missing: dict[tuple[str, str], list[Any]]) -> list[tuple[str, str, str]]:
    """(new id, kind, old id) of missing bookmarks whose session the content lists with the same
    title, day, start and room (or whose room or track it has by the same name)."""
    moves: list[tuple[str, str, str]] = []
    forums = {i: Listing.of(*snap) for (kind, i), snap in missing.items()
              if kind == "forum" and snap[2]}
    if forums:
        found = forum_listings(content_db, column="title", values=[s.title for s in forums.values()])
        pairs = unique_pairs({i: listing_key(s) for i, s in forums.items()},
                             {i: listing_key(s) for i, (s, _guid) in found.items()})
        moves += [(new, "forum", old) for old, new in pairs]
    for kind in NAMED_KINDS:
        names = {i: snap[0] for (k, i), snap in missing.items() if k == kind and snap[0]}
        if names:
            pairs = unique_pairs(names, named_listings(content_db, kind, names.values()))
            moves += [(new, kind, old) for old, new in pairs]
    return moves


def follow_moved_items(user_db: Db, content_db: Db) -> int:
    """Move bookmarks of items the content no longer has to where the same item is now, when
    that is certain; return how many bookmarks moved.

    An imported session whose title was corrected keeps the hash of its source's key in its
    id and changes only the words (``session-cermony-1a2b3c4d`` ->
    ``session-ceremony-1a2b3c4d``). A session that got an id of its own (a sheet's new 编号 ID
    column) is found by its title, day, start and room, a room or track by its name. One
    candidate only: two would be a guess. An owner who already has the item's new id keeps
    that bookmark; the old one stays, "no longer in the guide".
    """
    missing: dict[tuple[str, str], list[Any]] = {}
    for kind, item_id, *snap in user_db.execute(f"SELECT kind, item_id, {_SNAPSHOT} FROM bookmark"):
        missing.setdefault((kind, item_id), snap)
    for ref in queries.titles(content_db, list(missing)):
        del missing[ref]
    moves = _same_source(content_db, missing)
    for _new, kind, item_id in moves:
        del missing[(kind, item_id)]
    moves += _same_listing(content_db, missing)
    moved = 0
    with transaction(user_db) as conn:
        for new_id, kind, item_id in moves:
            moved += conn.execute("UPDATE OR IGNORE bookmark SET item_id = ? WHERE kind = ? "
                                  "AND item_id = ?", [new_id, kind, item_id]).rowcount
    return moved
