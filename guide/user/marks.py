"""Whether items are bookmarked: the two reads every list makes while it paints.

Kept apart from :mod:`guide.user.bookmarks` (adding, removing, exporting, snapshots) so
that the window's first frame, which draws a star on each row, does not load all of that.
"""

from __future__ import annotations

from guide.user.db import Db
from guide.user.session import current_owner


def is_bookmarked(user_db: Db, kind: str, item_id: str) -> bool:
    """Whether the item is bookmarked (in the current visitor's list during a session)."""
    return user_db.execute(
        "SELECT 1 FROM bookmark WHERE owner = ? AND kind = ? AND item_id = ?",
        [current_owner(user_db), kind, item_id]).fetchone() is not None


def bookmarked_ids(user_db: Db, kind: str) -> set[str]:
    """Ids of every bookmarked item of ``kind``: for drawing marks on a whole list at once."""
    return {r[0] for r in user_db.execute(
        "SELECT item_id FROM bookmark WHERE owner = ? AND kind = ?",
        [current_owner(user_db), kind])}
