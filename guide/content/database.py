"""Opening a content database, and what it says about itself: identity, counts, health."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from guide.content.models import KINDS, ContentInfo
from guide.content.schema import schema_version

# Plain sqlite3 at run time: sqlite-utils (used only to build, README "Dependencies")
# would add its import time to every start-up of the window.
Db = sqlite3.Connection

# The connection the window searches through gets a 32 MiB page cache (SQLite's default
# is 2 MiB). Search and counts join each match to its document row: at 100k items, through
# the default cache every such row was a copy out of the OS file cache (1.1 µs, against
# 0.25 µs cached), and counting a common Chinese phrase joins 7,000 rows. A page cache
# rather than a memory map: a mapped file that shrinks under its reader (copied over in
# place, a failing disk) kills the process with SIGBUS, where a read error is an exception
# the guide handles. It fills only as far as content is read: the shipped 1 MB never gets there.
SEARCH_CACHE_KIB = 32 * 1024


class ContentDbError(Exception):
    """The content database is missing, unreadable or not a guide database.

    ``damaged`` is True when the file is a guide database that fails SQLite's checks;
    ``newer`` when a newer version of the guide wrote it (not damage: this one cannot read it).
    """

    def __init__(self, message: str, *, damaged: bool = False, newer: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged
        self.newer = newer


def open_content_db(
    path: Path, *, readonly: bool = True, check: bool = False, for_search: bool = False
) -> Db:
    """Open a content database; read-only by default, since it is replaced whole, never edited.

    Raises :class:`ContentDbError` for a missing file, a folder, a file that is not a
    zgc-guide content database (empty, random, another program's) or that a newer
    version wrote. ``check`` also runs ``PRAGMA quick_check`` (every page is read once),
    so damage is found at start rather than as a traceback on the first page shown.
    ``for_search`` gives the connection the page cache search needs (:func:`tune_for_search`).
    """
    from guide.content.schema import SCHEMA_VERSION

    path = Path(path)
    if not path.is_file():
        if path.is_dir():
            raise ContentDbError(f"{path} is a folder, not a content database; name the file")
        raise ContentDbError(f"no content database at {path}; build one with `guide build-db`")
    uri = f"{path.resolve().as_uri()}?mode={'ro' if readonly else 'rw'}"
    conn: Db | None = None
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.execute("PRAGMA query_only = 1" if readonly else "PRAGMA foreign_keys = 1")
        version = schema_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 or not {"meta"} <= tables:
            raise ContentDbError(f"{path} is not a zgc-guide content database (empty, or another "
                                 "program's file); build one with `guide build-db`")
        if version > SCHEMA_VERSION:
            raise ContentDbError(f"{path} was written by a newer zgc-guide (schema {version}, this "
                                 f"version reads up to {SCHEMA_VERSION}); update the app", newer=True)
        if check:
            # Every page passes through a small cache, not the default 2 MB one: the check
            # reads each page once, and the window's first frame needs the memory more.
            cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            conn.execute("PRAGMA cache_size = -128")
            problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
            if problems:
                raise ContentDbError(f"{path} is damaged ({problems[0]})", damaged=True)
        if for_search:
            tune_for_search(conn)
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        damaged = "malformed" in str(exc)
        raise ContentDbError(f"{path} {'is damaged' if damaged else 'cannot be read as a database'}"
                             f" ({exc})", damaged=damaged) from exc
    except ContentDbError:
        if conn is not None:
            conn.close()
        raise
    return conn


def tune_for_search(conn: Db) -> None:
    """Give a connection the page cache the guide searches with (``SEARCH_CACHE_KIB``)."""
    conn.execute(f"PRAGMA cache_size = -{SEARCH_CACHE_KIB}")


def content_info(db: Db) -> ContentInfo:
    """Pack identity, build time and schema version of this database."""
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    return ContentInfo(
        pack_id=meta.get("pack_id", ""),
        pack_version=int(meta.get("pack_version", 0)),
        title=meta.get("pack_title", ""),
        title_en=meta.get("pack_title_en", ""),
        source=meta.get("pack_source", ""),
        timezone=meta.get("timezone", "Asia/Shanghai"),
        fingerprint=meta.get("fingerprint", ""),
        built_at=meta.get("built_at", ""),
        schema_version=schema_version(db),
        signer=meta.get("signer"),
        name=meta.get("pack_name") or meta.get("pack_title", ""),
        name_en=meta.get("pack_name_en") or meta.get("pack_title_en", ""),
        forums_subtitle=meta.get("forums_subtitle", ""),
        forums_subtitle_en=meta.get("forums_subtitle_en", ""),
        forums_label=meta.get("forums_label", ""),
        forums_label_en=meta.get("forums_label_en", ""),
    )


def counts(db: Db) -> dict[str, int]:
    """Number of items per kind."""
    found = dict(db.execute("SELECT kind, count(*) FROM item GROUP BY kind").fetchall())
    return {kind: int(found.get(kind, 0)) for kind in KINDS}


def has_table(db: Db, name: str) -> bool:
    """True when the content has the table ``name`` (older content lacks newer tables)."""
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                      [name]).fetchone() is not None


def has_maps(db: Db) -> bool:
    """True when the content has at least one floor plan (the Map page is shown then).

    Here rather than in maps.py: the window asks at start, before the plans are needed.
    """
    return has_table(db, "floor_map") and db.execute("SELECT 1 FROM floor_map LIMIT 1").fetchone() is not None


def integrity_problems(db: Db) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means healthy."""
    problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    problems += [f"foreign key: {tuple(r)}" for r in db.execute("PRAGMA foreign_key_check")]
    return problems


_SQLITE_HEADER = b"SQLite format 3\x00"


def replace_problem(path: Path) -> str | None:
    """Why ``path`` must not be replaced by a freshly built content database; None if it may be.

    A new file, an empty one or a content database of this guide may be replaced. Anything
    else is someone's data (a spreadsheet, the user database with the bookmarks, another
    program's SQLite file): a build named at it by mistake must not wipe it.
    """
    import stat

    path = Path(path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror or exc})"
    if stat.S_ISDIR(mode):
        return f"{path} is a folder, not a database file"
    if not stat.S_ISREG(mode):
        return f"{path} is not a regular file"
    try:
        with open(path, "rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        return f"{path} cannot be read ({exc.strerror or exc})"
    if not header:
        return None  # an empty file holds nothing to lose
    if header != _SQLITE_HEADER:
        return f"{path} is not a content database (not an SQLite file at all)"
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            version = schema_version(conn)
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return (f"{path} cannot be read as a database ({exc}); if it is a damaged content "
                "database, delete it and run the command again")
    if {"bookmark", "setting"} <= tables:
        return f"{path} is the guide's user database (bookmarks and settings), not a content database"
    if version == 0 or not {"meta", "forum"} <= tables:
        return f"{path} is an SQLite database of another kind, not a content database of this guide"
    return None
