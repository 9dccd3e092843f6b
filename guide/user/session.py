"""Kiosk visitor sessions: a visitor's bookmarks and choices live only until the session ends.

While a session is active, bookmark and setting functions act on that visitor's own
rows (the device's list is hidden, not touched). Ending the session deletes them with
``secure_delete`` on, so their bytes are zeroed in the database file, and then
checkpoints and truncates the WAL, which would otherwise still hold the old pages.

A session is the kiosk program's own, not the file's: another program on the same user
database while a visitor is at the screen (staff running ``guide bookmarks import``, a
second window) acts on the device's list, which the end of the visit leaves alone.
"""

from __future__ import annotations

import datetime as dt
import time

from guide.user.db import Db, transaction

DEVICE = ""  # the owner/scope of the device's own bookmarks and settings

# The session each connection began, by id(connection) (the connection is held, so the id
# is not reused). Read from the table, a staff command run while a visitor was at the kiosk
# took the visitor's session for its own: what it imported was deleted with the visit.
_BEGUN: dict[int, tuple[Db, str]] = {}


def current_visitor_session(db: Db) -> str | None:
    """The visitor session this connection began and has not ended, or None (outside kiosk
    visits, and in every other program on the same file)."""
    begun = _BEGUN.get(id(db))
    return begun[1] if begun is not None and begun[0] is db else None


def current_owner(db: Db) -> str:
    """Whose bookmarks and settings calls act on now: the visitor's, or the device's ('')."""
    return current_visitor_session(db) or DEVICE


def _purge_visitors(db: Db) -> None:
    with transaction(db) as conn:
        conn.execute("DELETE FROM bookmark WHERE owner != ''")
        conn.execute("DELETE FROM setting WHERE scope != ''")
        conn.execute("DELETE FROM visitor_session")


def _truncate_wal(db: Db, attempts: int = 20) -> bool:
    # A reader elsewhere (another connection in the middle of a query) blocks a full
    # checkpoint for a moment; retry briefly rather than leave old pages in the WAL.
    for _ in range(attempts):
        busy, _log, _done = db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy == 0:
            return True
        time.sleep(0.05)
    return False


def start_visitor_session(db: Db) -> str:
    """Begin a new visitor's session and return its id.

    Whatever a previous visitor left (a session never ended because of a crash or
    power cut) is wiped first, so no visitor ever sees another's bookmarks.
    """
    end_visitor_session(db)
    import uuid  # uuid loads platform and hashlib: only when a visit starts

    session_id = uuid.uuid4().hex
    db.execute("INSERT INTO visitor_session (id, started_at) VALUES (?, ?)",
                    [session_id, dt.datetime.now(dt.UTC).isoformat()])
    _BEGUN[id(db)] = (db, session_id)
    return session_id


def end_visitor_session(db: Db) -> bool:
    """End the visitor session (if any), leaving nothing of the visitor on disk.

    Deletes every visitor-owned bookmark and setting (zeroed by ``secure_delete``) and
    truncates the WAL. Returns False only if the WAL could not be truncated because
    another connection kept reading; the rows are deleted either way.
    """
    _purge_visitors(db)
    _BEGUN.pop(id(db), None)
    return _truncate_wal(db)
