"""Opening a content database, and what it says about itself: identity, counts, health."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from guide.content.models import KINDS, ContentInfo
from guide.content.schema import schema_version

# Plain sqlite3 at run time: sqlite-utils (used only to build, README "Dependencies")
# would add its import time to every start-up of the window.
Db = sqlite3.Connection

# Read-only content is read through a memory map: a search joins each match to its
# document row, and through SQLite's 2 MB page cache those rows cost a copy out of
# the OS cache each (1.1 µs a row at 100k items, against 0.25 µs mapped). The file is
# replaced whole (renamed over), never truncated, which is what makes mapping safe.
READ_MMAP_BYTES = 1 << 30


class ContentDbError(Exception):
    """The content database is missing, unreadable or not a guide database.

    ``damaged`` is True when the file is a guide database that fails SQLite's checks
    (a previous content database, where one exists, can stand in for it).
    """

    def __init__(self, message: str, *, damaged: bool = False) -> None:
        super().__init__(message)
        self.damaged = damaged


def open_content_db(path: Path, *, readonly: bool = True, check: bool = False) -> Db:
    """Open a content database; read-only by default, since it is replaced whole, never edited.

    Raises :class:`ContentDbError` for a missing file, a folder, a file that is not a
    zgc-guide content database (empty, random, another program's) or that a newer
    version wrote. ``check`` also runs ``PRAGMA quick_check`` (every page is read once),
    so damage is found at start rather than as a traceback on the first page shown.
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
        if readonly:
            tune_for_reading(conn)
        else:
            conn.execute("PRAGMA foreign_keys = 1")
        version = schema_version(conn)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if version == 0 or not {"meta"} <= tables:
            raise ContentDbError(f"{path} is not a zgc-guide content database (empty, or another "
                                 "program's file); build one with `guide build-db`")
        if version > SCHEMA_VERSION:
            raise ContentDbError(f"{path} was written by a newer zgc-guide (schema {version}, this "
                                 f"version reads up to {SCHEMA_VERSION}); update the app")
        if check:
            # Every page passes through a small cache, not the default 2 MB one: the check
            # reads each page once, and the window's first frame needs the memory more.
            cache = conn.execute("PRAGMA cache_size").fetchone()[0]
            conn.execute("PRAGMA cache_size = -128")
            problems = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall() if r[0] != "ok"]
            conn.execute(f"PRAGMA cache_size = {int(cache)}")
            if problems:
                raise ContentDbError(f"{path} is damaged ({problems[0]})", damaged=True)
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


def tune_for_reading(conn: Db) -> None:
    """Set a connection up as the guide reads content: query-only, memory-mapped."""
    conn.execute("PRAGMA query_only = 1")
    conn.execute(f"PRAGMA mmap_size = {READ_MMAP_BYTES}")


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


def integrity_problems(db: Db) -> list[str]:
    """SQLite's integrity and foreign-key checks; an empty list means healthy."""
    problems = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall() if r[0] != "ok"]
    problems += [f"foreign key: {tuple(r)}" for r in db.execute("PRAGMA foreign_key_check")]
    return problems
