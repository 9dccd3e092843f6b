"""The user database: bookmarks, settings and visitor sessions, kept apart from the content.

The content database is rebuilt or replaced whole; this file never is. It is opened in
WAL mode with ``synchronous=FULL`` and autocommit, so every change is durable when the
call that made it returns, even if the process is killed or the power fails next.

A damaged file is never repaired in place or deleted: it is renamed to
``user.db.corrupt-YYYYmmddTHHMMSS`` (with its ``-wal``/``-shm``), whatever bookmarks
can still be read from it are copied into a fresh database, and a notice is recorded
in the new database so the UI can tell the user once (see :func:`pending_recovery_notice`).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from guide.content.schema import Migration, migrate, run_script
from guide.files import on_read_only_disk
from guide.user.aside import move_aside, put_back, with_side_files

if TYPE_CHECKING:
    from guide.user.recovery import RecoveryNotice

# Plain sqlite3, like the content queries: the window opens this database at every
# start-up, and importing sqlite-utils would only add to that (README "Dependencies").
Db = sqlite3.Connection

USER_SCHEMA_VERSION = 1
# Marks the file as a zgc-guide user database ("zGCU"), so pointing --user-db at the
# content database (or any other SQLite file) is refused instead of written into.
APPLICATION_ID = 0x7A474355

USER_SCHEMA_V1 = """
-- scope '' holds device-wide settings; a visitor session id holds that visitor's own.
CREATE TABLE setting (
    scope TEXT NOT NULL DEFAULT '', key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (scope, key)
);
-- At most one row: the kiosk visitor whose bookmarks are current. A row left by a
-- crash is purged by the next start_visitor_session.
CREATE TABLE visitor_session (id TEXT PRIMARY KEY, started_at TEXT NOT NULL);
-- owner '' is the device's own list; otherwise the visitor session it belongs to.
-- title .. venue are what the content said when last seen, so a bookmark of an item
-- a content update removed can still be shown by name.
CREATE TABLE bookmark (
    seq INTEGER PRIMARY KEY,
    owner TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL, item_id TEXT NOT NULL,
    title TEXT NOT NULL, title_en TEXT NOT NULL,
    date TEXT, start_time TEXT, end_time TEXT, venue TEXT,
    added_at TEXT NOT NULL, seen_at TEXT NOT NULL,
    UNIQUE (owner, kind, item_id)
);
"""


def _v1(conn: sqlite3.Connection) -> None:
    run_script(conn, USER_SCHEMA_V1)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


# USER_MIGRATIONS[n] takes a user database from version n to n + 1 (0 is an empty file).
USER_MIGRATIONS: dict[int, Migration] = {0: _v1}

RECOVERY_KEY = "notice.recovered_from"
SALVAGED_KEY = "notice.salvaged"

_BOOKMARK_COLUMNS = ("kind, item_id, title, title_en, date, start_time, end_time, venue, "
                     "added_at, seen_at")

_TABLES = frozenset({"setting", "visitor_session", "bookmark"})
_SQLITE_READONLY = 8
_SQLITE_BUSY = 5
WAL_WAIT_S = 10.0  # as long as the connection's busy timeout
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


class UserDbError(Exception):
    """The user database cannot be used, and moving it aside would be wrong.

    Raised for a file that is some other program's database, one written by a newer
    zgc-guide, or one that stays locked by another process; ``read_only`` when the file or
    its disk cannot be written (it can still be read: :func:`open_user_db_to_read`).
    """

    def __init__(self, message: str, *, read_only: bool = False) -> None:
        super().__init__(message)
        self.read_only = read_only


class _Damaged(Exception):
    """SQLite reports the file as corrupt or not a database."""


@dataclass(frozen=True)
class UserDb:
    """An open user database.

    ``recovered_from`` is where a damaged database was moved by this open (None when
    the file was healthy); ``salvaged`` counts the bookmarks copied out of it.
    """

    db: Db
    path: Path
    recovered_from: Path | None = None
    salvaged: int = 0
    read_only: bool = False  # opened by open_user_db_to_read: nothing can be written

    def close(self) -> None:
        """Close the connection (a checkpoint folds the WAL back into the file)."""
        self.db.close()


_MAGIC = b"SQLite format 3\x00"


def _check_header(path: Path) -> None:
    """Judge the file by its header before SQLite opens it.

    Opening changes a file (SQLite may fold in or delete a ``-wal`` it finds invalid,
    and setting WAL mode rewrites the header), so a garbage file is recognised, and
    another program's database refused, before that happens.
    """
    if path.exists() and not path.is_file():
        raise UserDbError(f"{path} is not a file (a folder?); choose another --user-db")
    try:
        with path.open("rb") as f:
            head = f.read(100)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UserDbError(f"{path} cannot be read: {exc.strerror or exc}") from exc
    if not head:
        return  # an empty file is a new database
    if len(head) < 100 or not head.startswith(_MAGIC):
        raise _Damaged("not an SQLite database")
    version = int.from_bytes(head[60:64], "big")
    app_id = int.from_bytes(head[68:72], "big")
    if version > 0 and app_id != APPLICATION_ID:
        raise UserDbError(f"{path} is not a zgc-guide user database; choose another --user-db")


def _create_private(path: Path) -> None:
    """Create the database file owner-only (0600), or tighten an existing one.

    SQLite gives its -wal and -shm files the database file's permissions, so they follow.
    An empty file is what SQLite treats as a new database.
    """
    from guide.paths import owner_only

    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        with contextlib.suppress(OSError):  # not ours to change: SQLite opens it as it is
            owner_only(path)
    except OSError:
        pass  # an unusable path: SQLite's own error below says what is wrong with it


def _connect(path: Path) -> sqlite3.Connection:
    # Autocommit (isolation_level=None): each statement outside an explicit BEGIN is its
    # own transaction, committed before execute() returns.
    return sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc)
    return "malformed" in text or "not a database" in text


def _write_ahead(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL mode, waiting while another program opens it too.

    The switch needs the file to itself and SQLite does not wait for that (the busy
    timeout does not apply): a second guide starting at the same moment got "database
    is locked". It tries again until :data:`WAL_WAIT_S` have passed.
    """
    import time

    deadline = time.monotonic() + WAL_WAIT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF == _SQLITE_BUSY
            if not busy or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _prepare(conn: sqlite3.Connection, path: Path) -> None:
    """Check the open file (reading only), then configure and migrate it."""
    try:
        problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
        if problems:
            raise _Damaged("; ".join(problems[:5]))
        # One statement, one snapshot: read apart, another guide creating the file at the
        # same moment could commit its tables in between (version 0 with tables: "not a
        # zgc-guide user database").
        version, app_id, tables = conn.execute(
            "SELECT (SELECT user_version FROM pragma_user_version),"
            " (SELECT application_id FROM pragma_application_id),"
            " (SELECT count(*) FROM sqlite_master)").fetchone()
        if (version > 0 and app_id != APPLICATION_ID) or (version == 0 and tables):
            raise UserDbError(f"{path} is not a zgc-guide user database; choose another --user-db")
        if version > USER_SCHEMA_VERSION:  # refused before WAL mode rewrites a byte of its header
            raise UserDbError(f"{path} was written by a newer zgc-guide (user schema {version}, this "
                              f"version knows {USER_SCHEMA_VERSION}); update the app or use another "
                              "--user-db")
        _write_ahead(conn)
        conn.execute("PRAGMA synchronous = FULL")  # durable on power loss, not just on a crash
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")  # deleted visitor data is zeroed, not left in free pages
        try:
            migrate(conn, USER_SCHEMA_VERSION, USER_MIGRATIONS)
        except RuntimeError as exc:  # written by a newer zgc-guide: keep it as it is
            raise UserDbError(f"{path}: {exc}") from exc
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = sorted(_TABLES - present)
        if missing:  # damage SQLite cannot see: recovered like a corrupt file
            raise _Damaged(f"missing table(s) {', '.join(missing)}")
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            raise _Damaged(str(exc)) from exc
        from guide.files import disk_full_error, is_disk_full

        if is_disk_full(exc, path.parent):  # SQLite says "disk I/O error"; the bookmarks are kept
            raise disk_full_error(path, "open") from exc
        code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
        if code == _SQLITE_READONLY or "readonly" in str(exc):
            raise UserDbError(f"{path} is read-only; bookmarks and settings need a file this "
                              "account can write (check its permissions)", read_only=True) from exc
        if on_read_only_disk(path.parent):  # SQLite says "unable to open database file"
            raise _on_read_only_disk_error(path) from exc
        raise UserDbError(f"{path} cannot be opened: {exc}") from exc


def _on_read_only_disk_error(path: Path) -> UserDbError:
    return UserDbError(f"{path} is on a read-only disk; bookmarks and settings need a folder "
                       "this account can write", read_only=True)


def _salvage(damaged: Path) -> list[dict[str, Any]]:
    """The device's own bookmarks still readable from a damaged file and its ``-wal``.

    SQLite reads them first, row by row until it fails, from the file's pages with the
    WAL's committed frames laid over them (what SQLite would have read), held in memory so
    nothing is written beside the file. It gives up at the first damaged page it meets, or
    on a file whose header is gone, so every bookmark row that a page-by-page scan finds
    (guide.user.salvage) and SQLite did not read is added.
    """
    from guide.user.salvage import bookmark_rows, readings

    likeliest = next(readings(damaged), None)
    rows = {(r["kind"], r["item_id"]): r for r in _select_bookmarks(likeliest.image() if likeliest else b"")}
    for row in bookmark_rows(damaged, USER_SCHEMA_V1):
        rows.setdefault((row["kind"], row["item_id"]), row)
    columns = _BOOKMARK_COLUMNS.split(", ")
    return [{c: r[c] for c in columns} for r in sorted(rows.values(), key=lambda r: r["seq"])]


def _select_bookmarks(image: bytes) -> list[dict[str, Any]]:
    """Bookmark rows of the device's own list that SQLite reads from the database ``image``."""
    rows: list[dict[str, Any]] = []
    conn = sqlite3.connect(":memory:")
    try:
        with contextlib.suppress(sqlite3.Error, OverflowError):
            conn.deserialize(image)
            # Only the device's own list: a visitor's bookmarks are not meant to outlive them.
            # NOT INDEXED: walk the table itself, since a damaged index is the common case.
            cursor = conn.execute(f"SELECT seq, {_BOOKMARK_COLUMNS} FROM bookmark NOT INDEXED "
                                  "WHERE owner = '' ORDER BY seq")
            names = [d[0] for d in cursor.description]
            while (row := cursor.fetchone()) is not None:
                rows.append(dict(zip(names, row, strict=True)))
    finally:
        conn.close()
    return rows


def open_user_db(path: Path | None = None) -> UserDb:
    """Open (creating or upgrading) the user database at ``path`` or the default location.

    A damaged database is moved aside, a fresh one is created with whatever bookmarks
    could be read from the old one, and a one-time notice is recorded in it. Raises
    :class:`UserDbError` for files that must not be moved aside (see there), and
    :class:`guide.files.DiskFull` when there is no room to open it (nothing is changed).
    """
    from guide import paths

    path = Path(path) if path is not None else paths.default_user_db()
    from guide.files import DiskFull

    try:
        return _open(path)
    except DiskFull:  # already one line naming the file (the CLI's exit 1)
        raise
    except OSError as exc:  # a folder that cannot be made, a file that cannot be moved aside
        raise UserDbError(f"{path} cannot be opened: {exc.strerror or exc}") from exc
    except sqlite3.Error as exc:  # SQLite cannot even create the file (a traceback, before)
        if on_read_only_disk(path.parent):
            raise _on_read_only_disk_error(path) from exc
        raise UserDbError(f"{path} cannot be opened: {exc}") from exc


def open_user_db_to_read(path: Path) -> UserDb:
    """The user database at ``path`` opened for reading only: nothing is created, migrated
    or written. For listing and exporting the bookmarks of a file on a read-only or full
    disk (which :func:`open_user_db` refuses, as the app must be able to save). Raises
    :class:`UserDbError` when the file is missing, not ours, or of another schema version.
    """
    from urllib.parse import quote

    if not path.is_file():
        raise UserDbError(f"{path}: no such file")
    existed = {file for file in with_side_files(path) if file.exists()}
    wal = path.with_name(path.name + "-wal") in existed
    # Unchanged since it was last closed (no -wal file) on a disk nobody can write:
    # immutable, so SQLite does not need to create the -shm file it cannot create.
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro{'' if wal else '&immutable=1'}",
                           uri=True, isolation_level=None, check_same_thread=False)
    try:
        version, app_id = _version_and_id(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        _remove_new_files(path, existed)  # a -shm SQLite made and could not fill
        if not wal:
            raise UserDbError(f"{path} cannot be read: {exc}") from exc
        # Reading a -wal takes a -shm file, which a full or read-only disk has no room or
        # right for: read what SQLite would, the WAL's committed frames over the file, in memory.
        from guide.user.salvage import in_memory

        conn = in_memory(path)
        try:
            version, app_id = _version_and_id(conn)
        except sqlite3.DatabaseError:
            conn.close()
            raise UserDbError(f"{path} cannot be read: {exc}") from exc
    if app_id != APPLICATION_ID or version != USER_SCHEMA_VERSION:
        conn.close()
        raise UserDbError(f"{path} is not a zgc-guide user database of this version (user "
                          f"schema {version}), and it cannot be upgraded on a read-only disk")
    return UserDb(conn, path, read_only=True)


def _version_and_id(conn: sqlite3.Connection) -> tuple[int, int]:
    version, app_id = conn.execute("SELECT (SELECT user_version FROM pragma_user_version),"
                                   " (SELECT application_id FROM pragma_application_id)").fetchone()
    return version, app_id


def _recreate(path: Path) -> sqlite3.Connection:
    """A new, empty user database at ``path`` (its damaged one moved aside)."""
    _create_private(path)
    conn = _connect(path)
    try:
        _prepare(conn, path)
    except _Damaged as exc:  # a brand-new file cannot be damaged; if it is, say so plainly
        conn.close()
        raise UserDbError(f"{path} cannot be created: {exc}") from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _remove_new_files(path: Path, existed: set[Path]) -> None:
    """Delete what a failed open created beside ``path`` and could not fill, so that "nothing
    was changed" holds: on a full disk SQLite creates the -wal and -shm files and leaves them
    behind. A file that was there before is kept, and so is a -wal or database with anything
    in it; a -shm is only an index of the -wal, and one under its first 32 KiB is in no one's use."""
    for file in with_side_files(path):
        if file in existed:
            continue
        with contextlib.suppress(OSError):
            size = file.stat().st_size
            if size == 0 or (file.name.endswith("-shm") and size < 32768):
                file.unlink()


def _open_as_is(path: Path) -> UserDb:
    """The file at ``path`` opened (created if missing); raises :class:`_Damaged`."""
    from guide.files import DiskFull

    existed = {file for file in with_side_files(path) if file.exists()}
    try:
        _check_header(path)  # a folder or another program's file is refused before anything changes
        _create_private(path)
        conn = _connect(path)
        try:
            _prepare(conn, path)
        except BaseException:
            conn.close()
            raise
        return UserDb(conn, path)
    except DiskFull:
        _remove_new_files(path, existed)
        raise


def _open(path: Path) -> UserDb:
    from guide.files import file_lock

    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        return _open_as_is(path)
    except _Damaged:
        pass  # move it aside, below
    # One recovery at a time, and only of a file still damaged: two programs started at
    # once on a damaged file both moved it aside, the second finding none ("No such file")
    # or taking the new file the first had made and was writing bookmarks to.
    with file_lock(path.with_name(f".{path.name}.recovery.lock"), remove=True):
        try:
            return _open_as_is(path)
        except _Damaged:
            return _recover(path)


def _recover(path: Path) -> UserDb:
    """Move the damaged file at ``path`` aside and make a new one holding what it salvaged."""
    moved = move_aside(path)
    rows = _salvage(moved)
    new: sqlite3.Connection | None = None
    try:
        new = conn = _recreate(path)
        with transaction(conn):
            salvaged = 0  # counted as inserted, so the notice says what the new file holds
            for row in rows:
                salvaged += conn.execute(f"INSERT OR IGNORE INTO bookmark ({', '.join(row)}) VALUES "
                                         f"({', '.join('?' * len(row))})", list(row.values())).rowcount
            conn.execute("INSERT OR REPLACE INTO setting (scope, key, value) VALUES ('', ?, ?)",
                         [RECOVERY_KEY, json.dumps(str(moved))])
            conn.execute("INSERT OR REPLACE INTO setting (scope, key, value) VALUES ('', ?, ?)",
                         [SALVAGED_KEY, json.dumps(salvaged)])
    except BaseException:
        # The disk filled (or worse) before the new file held the rows: put the damaged
        # file back, so the next start salvages it again instead of starting empty.
        if new is not None:
            new.close()
        put_back(moved, path)
        raise
    return UserDb(conn, path, recovered_from=moved, salvaged=salvaged)


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of the block commits, or none of it.

    IMMEDIATE takes the write lock at the start, so a concurrent writer (the app and a
    staff CLI on the same file) waits up to the busy timeout instead of failing midway.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite already rolled back on a full disk
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def pending_recovery_notice(db: Db) -> RecoveryNotice | None:
    """The not-yet-shown notice about a damaged user database that was replaced, if any.

    It survives restarts until :func:`mark_recovery_notice_shown`, so a crash before the
    UI showed it does not swallow it.
    """
    rows = dict(db.execute(
        "SELECT key, value FROM setting WHERE scope = '' AND key IN (?, ?)",
        [RECOVERY_KEY, SALVAGED_KEY]).fetchall())
    if RECOVERY_KEY not in rows:
        return None
    from guide.user.recovery import RecoveryNotice  # most starts have no notice

    return RecoveryNotice(Path(json.loads(rows[RECOVERY_KEY])),
                          int(json.loads(rows.get(SALVAGED_KEY, "0"))))


def mark_recovery_notice_shown(db: Db) -> None:
    """Record that the user has been told about the recovery, so it is not shown again."""
    db.execute("DELETE FROM setting WHERE scope = '' AND key IN (?, ?)",
                    [RECOVERY_KEY, SALVAGED_KEY])
