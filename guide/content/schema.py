"""The content database's schema, its version, and the migrations between versions.

The schema version lives in ``PRAGMA user_version``. ``MIGRATIONS[n]`` upgrades a
database from version ``n`` to ``n + 1``; :func:`migrate` applies the missing
steps, each in its own transaction, so an interrupted migration leaves a
database at a well-defined version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

SCHEMA_VERSION = 14
# Version 1 holds the content tables; later versions derive from their rows, so a
# build creates version 1, fills it, then migrates: the same code as an upgrade.
CONTENT_TABLES_VERSION = 1

# Lists of strings (paragraphs, quotes) are stored as JSON arrays: they are always
# read whole with their item, never queried by element.
SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE organization (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL,
    name TEXT NOT NULL, name_en TEXT NOT NULL, short_name TEXT,
    parent_id TEXT REFERENCES organization(id)
);
CREATE TABLE person (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL,
    name TEXT NOT NULL, name_en TEXT NOT NULL, title TEXT, title_en TEXT,
    organization_id TEXT REFERENCES organization(id),
    pinyin_alt TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE announcement (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, kind TEXT NOT NULL,
    headline TEXT NOT NULL, subheadline TEXT, title_en TEXT NOT NULL, summary_en TEXT NOT NULL,
    byline TEXT, reporter_id TEXT REFERENCES person(id), date TEXT,
    paragraphs TEXT NOT NULL
);
CREATE TABLE mention (
    announcement_id TEXT NOT NULL REFERENCES announcement(id), pos INTEGER NOT NULL,
    kind TEXT NOT NULL, item_id TEXT NOT NULL,
    PRIMARY KEY (announcement_id, pos)
);
CREATE INDEX mention_item ON mention(kind, item_id);
CREATE TABLE forum (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, kind TEXT NOT NULL,
    title TEXT NOT NULL, title_en TEXT NOT NULL, series TEXT,
    date TEXT NOT NULL, start_time TEXT, end_time TEXT, venue TEXT,
    summary TEXT NOT NULL, summary_en TEXT NOT NULL, attendance TEXT,
    text TEXT NOT NULL, source_id TEXT REFERENCES announcement(id)
);
CREATE INDEX forum_schedule ON forum(date, start_time IS NULL, start_time, pos);
CREATE TABLE forum_organiser (
    forum_id TEXT NOT NULL REFERENCES forum(id), pos INTEGER NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organization(id), role TEXT NOT NULL,
    PRIMARY KEY (forum_id, pos)
);
CREATE INDEX forum_organiser_org ON forum_organiser(organization_id);
CREATE TABLE forum_speaker (
    forum_id TEXT NOT NULL REFERENCES forum(id), pos INTEGER NOT NULL,
    person_id TEXT NOT NULL REFERENCES person(id), said TEXT NOT NULL,
    PRIMARY KEY (forum_id, pos)
);
CREATE INDEX forum_speaker_person ON forum_speaker(person_id);
CREATE TABLE launch (
    forum_id TEXT NOT NULL REFERENCES forum(id), pos INTEGER NOT NULL,
    title TEXT NOT NULL, title_en TEXT NOT NULL, summary TEXT,
    PRIMARY KEY (forum_id, pos)
);
CREATE TABLE launch_organiser (
    forum_id TEXT NOT NULL, launch_pos INTEGER NOT NULL, pos INTEGER NOT NULL,
    organization_id TEXT NOT NULL REFERENCES organization(id), role TEXT NOT NULL,
    PRIMARY KEY (forum_id, launch_pos, pos),
    FOREIGN KEY (forum_id, launch_pos) REFERENCES launch(forum_id, pos)
);
CREATE INDEX launch_organiser_org ON launch_organiser(organization_id);
CREATE TABLE area (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, kind TEXT NOT NULL,
    title TEXT NOT NULL, title_en TEXT NOT NULL, parent_id TEXT REFERENCES area(id),
    start_date TEXT, end_date TEXT, city TEXT, venue TEXT,
    summary TEXT NOT NULL, summary_en TEXT NOT NULL, image TEXT REFERENCES image(path),
    source_id TEXT REFERENCES announcement(id)
);
CREATE TABLE photo (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL,
    caption TEXT NOT NULL, caption_en TEXT NOT NULL,
    credit_role TEXT, photographer_id TEXT REFERENCES person(id), credit_suffix TEXT,
    area_id TEXT REFERENCES area(id), announcement_id TEXT REFERENCES announcement(id),
    image TEXT REFERENCES image(path)
);
CREATE INDEX photo_area ON photo(area_id);
CREATE TABLE figure (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL,
    label TEXT NOT NULL, label_en TEXT NOT NULL, value REAL NOT NULL,
    unit TEXT NOT NULL, unit_en TEXT NOT NULL, qualifier TEXT, year INTEGER, grp TEXT,
    quote TEXT NOT NULL, source_kind TEXT NOT NULL, source_id TEXT NOT NULL
);
CREATE TABLE figure_about (
    figure_id TEXT NOT NULL REFERENCES figure(id), pos INTEGER NOT NULL,
    kind TEXT NOT NULL, item_id TEXT NOT NULL,
    PRIMARY KEY (figure_id, pos)
);
CREATE INDEX figure_about_item ON figure_about(kind, item_id);
CREATE INDEX figure_source ON figure(source_kind, source_id);
CREATE TABLE image (path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, data BLOB NOT NULL);

"""

# Version 3: the English siblings of every Chinese text, one JSON object per row in a column
# ``en`` (``{"paragraphs_en": [...], "subheadline_en": "..."}``): they are read whole with
# their row, never queried alone, and a JSON column lets a pack format grow without a
# migration per field. ``forum_speaker.en`` also says which statements are direct quotes.
ENGLISH_TABLES = ("organization", "announcement", "forum", "forum_speaker", "launch", "area",
                  "photo", "figure")

# One row per item of every kind: what lists, search results and bookmarks show.
ITEM_VIEW = """
CREATE VIEW item AS
    SELECT 'forum' AS kind, id, pos, title, title_en, date, summary AS subtitle,
        summary_en AS subtitle_en FROM forum
    UNION ALL SELECT 'area', id, pos, title, title_en, start_date, summary, summary_en FROM area
    UNION ALL SELECT 'announcement', id, pos, headline, title_en, date, subheadline,
        json_extract(en, '$.subheadline_en') FROM announcement
    UNION ALL SELECT 'photo', id, pos, caption, caption_en, NULL,
        trim(coalesce(credit_role, '') || ' ' ||
             coalesce((SELECT name FROM person WHERE person.id = photographer_id), '') ||
             coalesce('/' || credit_suffix, '')),
        'Photo: ' || coalesce((SELECT name_en FROM person WHERE person.id = photographer_id),
                              '') || coalesce(', ' || json_extract(en, '$.credit_role_en'), '')
        FROM photo
    UNION ALL SELECT 'person', id, pos, name, name_en, NULL, title, title_en FROM person
    UNION ALL SELECT 'organization', id, pos, name, name_en, NULL, short_name,
        json_extract(en, '$.short_name_en') FROM organization
    UNION ALL SELECT 'figure', id, pos, label, label_en, CAST(year AS TEXT), quote,
        json_extract(en, '$.quote_en') FROM figure
    UNION ALL SELECT 'room', id, pos, title, title_en, NULL, NULL, NULL FROM room
    UNION ALL SELECT 'track', id, pos, title, title_en, NULL, NULL, NULL FROM track;
"""

# Version 4: imported programmes (``guide import``). Rooms and tracks are items of their own;
# a session keeps its guid, absolute start and end (ISO 8601 with the offset it was given,
# plus the UTC instant for ordering), room, track and type; rarely read extras (subtitle,
# language, links) live in one JSON column ``programme``.
PROGRAMME_TABLES = """
CREATE TABLE IF NOT EXISTS room (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL, title_en TEXT NOT NULL,
    guid TEXT
);
CREATE TABLE IF NOT EXISTS track (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL, title_en TEXT NOT NULL,
    color TEXT
);
"""
PROGRAMME_COLUMNS = (
    ("guid", "TEXT"), ("start_at", "TEXT"), ("end_at", "TEXT"), ("start_utc", "TEXT"),
    ("room_id", "TEXT REFERENCES room(id)"), ("track_id", "TEXT REFERENCES track(id)"),
    ("type", "TEXT"), ("programme", "TEXT NOT NULL DEFAULT '{}'"),
)

# Version 5: floor plans ([[map]]). A plan's image lives in the image table; each region keeps
# its polygon as a JSON array of [x, y] pairs (always read whole with its region).
MAP_TABLES = """
CREATE TABLE IF NOT EXISTS floor_map (
    id TEXT PRIMARY KEY, pos INTEGER NOT NULL, title TEXT NOT NULL, title_en TEXT NOT NULL,
    image TEXT NOT NULL REFERENCES image(path), width REAL NOT NULL, height REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS map_region (
    map_id TEXT NOT NULL REFERENCES floor_map(id), pos INTEGER NOT NULL, id TEXT NOT NULL,
    title TEXT, title_en TEXT, kind TEXT NOT NULL, item_id TEXT NOT NULL, points TEXT NOT NULL,
    PRIMARY KEY (map_id, pos)
);
CREATE INDEX IF NOT EXISTS map_region_item ON map_region(kind, item_id);
"""

Migration = Callable[[sqlite3.Connection], None]

_ITEM_VIEW_V1 = """
CREATE VIEW item AS
    SELECT 'forum' AS kind, id, pos, title, title_en, date, summary AS subtitle FROM forum
    UNION ALL SELECT 'area', id, pos, title, title_en, start_date, summary FROM area
    UNION ALL SELECT 'announcement', id, pos, headline, title_en, date, subheadline
        FROM announcement
    UNION ALL SELECT 'photo', id, pos, caption, caption_en, NULL,
        trim(coalesce(credit_role, '') || ' ' ||
             coalesce((SELECT name FROM person WHERE person.id = photographer_id), '') ||
             coalesce('/' || credit_suffix, '')) FROM photo
    UNION ALL SELECT 'person', id, pos, name, name_en, NULL, title FROM person
    UNION ALL SELECT 'organization', id, pos, name, name_en, NULL, short_name FROM organization
    UNION ALL SELECT 'figure', id, pos, label, label_en, CAST(year AS TEXT), quote FROM figure;
"""


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run SQL statements one by one inside the caller's transaction.

    ``executescript`` would commit first, breaking the one-transaction-per-step rule.
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement.strip()[:60]}")


def _add_search_index(conn: sqlite3.Connection) -> None:
    from guide.content.search_docs import build_search_index  # pypinyin: build time only

    build_search_index(conn)


def _rebuild_search_index(conn: sqlite3.Connection) -> None:
    """Rebuild a search index from before the current layout: before its text table
    dropped positions (version 6), its pinyin moved to a table of its own (version 7),
    that table's tokens were cut at its longest prefix (version 8), or folding turned
    traditional characters into simplified ones (version 9: the ``folded`` column's
    comment in the schema says so, which is how :func:`layout_is_current` tells), or
    its full-text tables stopped keeping the row sizes only bm25 reads (version 10), or
    English titles' acronyms were indexed and ranked (version 11: the ``rank_acronyms``
    column), or a word of one-letter parts (c’t) was indexed joined too (version 12: the
    ``rank_words`` column's comment says so), or a letter with symbols (C++, C#) and a
    word with ä, ö or ü (Küche: kueche) spelt too (version 13: that comment again), or
    its rowids carried the kind in their high bits and its initials tokens ran to ten
    letters (version 14: ``search_kind`` lists runs of rowids).

    A build indexes at version 1 already in the current layout: then nothing to do.
    """
    from guide.search.schema import layout_is_current  # sqlite3 only

    if layout_is_current(conn):
        return
    from guide.content.search_docs import build_search_index  # pypinyin: build time only
    from guide.search import drop_index

    drop_index(conn)
    build_search_index(conn)


def add_english(conn: sqlite3.Connection) -> None:
    """Give the content tables their ``en`` column (where missing) and the item view its English.

    Idempotent: a build calls it before filling the tables (so rows are written with
    their English at once) and the migration to version 3 then finds nothing to add;
    an older database gains empty English, shown as the Chinese it has.
    """
    for table in ENGLISH_TABLES:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if "en" not in columns:
            conn.execute(f"ALTER TABLE {table} ADD COLUMN en TEXT NOT NULL DEFAULT '{{}}'")
    run_script(conn, PROGRAMME_TABLES)  # the item view names rooms and tracks (empty until v4)
    conn.execute("DROP VIEW IF EXISTS item")
    run_script(conn, ITEM_VIEW)


def add_programme(conn: sqlite3.Connection) -> None:
    """Add rooms, tracks and the session columns (where missing), and rooms and tracks as items.

    Idempotent like :func:`add_english`: a build calls it before filling the tables.
    """
    run_script(conn, PROGRAMME_TABLES)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(forum)")}
    for name, decl in PROGRAMME_COLUMNS:
        if name not in columns:
            conn.execute(f"ALTER TABLE forum ADD COLUMN {name} {decl}")
    conn.execute("CREATE INDEX IF NOT EXISTS forum_room ON forum(room_id)")
    conn.execute("CREATE INDEX IF NOT EXISTS forum_track ON forum(track_id)")
    conn.execute("DROP VIEW IF EXISTS item")
    run_script(conn, ITEM_VIEW)


def add_maps(conn: sqlite3.Connection) -> None:
    """Add the floor-plan tables (where missing); idempotent, as a build calls it first."""
    run_script(conn, MAP_TABLES)


# MIGRATIONS[n] takes a database from version n to n + 1. Version 0 is an empty file.
MIGRATIONS: dict[int, Migration] = {
    0: lambda conn: run_script(conn, SCHEMA_V1 + _ITEM_VIEW_V1),
    1: _add_search_index,
    2: add_english,
    3: add_programme,
    4: add_maps,
    5: _rebuild_search_index,
    6: _rebuild_search_index,
    7: _rebuild_search_index,
    8: _rebuild_search_index,
    9: _rebuild_search_index,
    10: _rebuild_search_index,
    11: _rebuild_search_index,
    12: _rebuild_search_index,
    13: _rebuild_search_index,
}


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(
    conn: sqlite3.Connection,
    target: int = SCHEMA_VERSION,
    migrations: dict[int, Migration] | None = None,
) -> list[int]:
    """Upgrade ``conn`` to ``target`` one version at a time; return the versions passed through.

    Each step and its version bump commit together, so a crash mid-way leaves the
    database at the last completed version. A database newer than ``target`` is
    refused rather than guessed at. Each step takes the write lock first and reads the
    version again under it: a second program opening the same new file at once (two
    windows started together) waits, then finds the step done instead of doing it twice.
    """
    steps = MIGRATIONS if migrations is None else migrations
    current = schema_version(conn)
    if current > target:
        raise RuntimeError(
            f"database schema version {current} is newer than this program's {target}; "
            "install a newer zgc-guide"
        )
    passed = []
    while current < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(conn)
            if current >= target:  # another program did the rest meanwhile
                conn.execute("COMMIT")
                break
            steps[current](conn)
            conn.execute(f"PRAGMA user_version = {current + 1}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite already rolled back on a full disk
                conn.execute("ROLLBACK")
            raise
        current += 1
        passed.append(current)
    return passed
