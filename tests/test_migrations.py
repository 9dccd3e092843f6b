"""Schema versions: fresh databases, step-wise upgrades, refusal of newer schemas."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from guide.content import schema
from guide.content.schema import SCHEMA_VERSION, migrate, schema_version


def _conn(path: Path | str = ":memory:") -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_empty_database_migrates_to_current() -> None:
    conn = _conn()
    assert migrate(conn) == list(range(1, SCHEMA_VERSION + 1))
    assert schema_version(conn) == SCHEMA_VERSION
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"forum", "area", "announcement", "photo", "person", "organization", "figure"} <= tables


def test_upgrade_from_older_version_runs_only_missing_steps() -> None:
    conn = _conn()
    ran: list[int] = []
    steps = {
        0: lambda c: c.execute("CREATE TABLE t (a)"),
        1: lambda c: (ran.append(1), c.execute("ALTER TABLE t ADD COLUMN b"))[1],
        2: lambda c: (ran.append(2), c.execute("CREATE INDEX t_b ON t(b)"))[1],
    }
    migrate(conn, 1, steps)
    conn.execute("INSERT INTO t VALUES (1)")
    assert migrate(conn, 3, steps) == [2, 3]
    assert ran == [1, 2]
    assert conn.execute("SELECT a, b FROM t").fetchall() == [(1, None)]


def test_failed_step_rolls_back_to_last_good_version() -> None:
    conn = _conn()

    def broken(c: sqlite3.Connection) -> None:
        c.execute("CREATE TABLE half (x)")
        raise RuntimeError("boom")

    steps = {0: lambda c: c.execute("CREATE TABLE t (a)"), 1: broken}
    with pytest.raises(RuntimeError):
        migrate(conn, 2, steps)
    assert schema_version(conn) == 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half" not in tables


def test_newer_database_is_refused() -> None:
    conn = _conn()
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(RuntimeError, match="newer"):
        migrate(conn)


def test_schema_script_runs_inside_one_transaction() -> None:
    conn = _conn()
    conn.execute("BEGIN")
    schema.run_script(conn, "CREATE TABLE a (x);\nCREATE TABLE b (y);\n")
    conn.execute("ROLLBACK")
    assert conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_version_1_database_is_upgraded_with_a_search_index(tmp_path: Path) -> None:
    """A database from before search existed gains the index when it is opened."""
    from guide.content.build import build_content_db
    from guide.content.database import content_info, open_content_db
    from guide.locate import ensure_content_db
    from guide.search import drop_index, search
    from tests.conftest import MINI_PACK

    path = build_content_db(MINI_PACK, tmp_path / "old.db").path
    conn = _conn(path)
    drop_index(conn)
    conn.execute("PRAGMA user_version = 1")  # exactly what a version-1 build left behind
    conn.close()

    assert ensure_content_db(path) == path
    db = open_content_db(path)
    assert content_info(db).schema_version == SCHEMA_VERSION
    assert [h.id for h in search(db, "开幕")][:1] == ["opening"]
    assert [h.id for h in search(db, "zhouyunfan") if h.kind == "person"] == ["zhou-yunfan"]


@pytest.mark.parametrize(
    ("version", "old_layout", "query"),
    [
        # Before the text table dropped its positions: phrase checks read ``folded``.
        (5, "ALTER TABLE search_doc DROP COLUMN folded", "开幕"),
        # Before pinyin and Latin title words left the positional title index.
        (6, "DROP TABLE search_words", "kaimu"),
        # Before the words table cut its tokens at its longest prefix (and dropped it).
        (
            7,
            "DROP TABLE search_words; CREATE VIRTUAL TABLE search_words USING fts5(w,"
            " content='', tokenize='unicode61 remove_diacritics 2',"
            " prefix='3 4 5 6 7 8 9 10 11 12', detail=none)",
            "kaimu",
        ),
        # Before folding turned traditional characters into simplified ones (the schema
        # of search_doc then lacked the word of it in the comment of ``folded``).
        (
            8,
            "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql ="
            " replace(sql, ' (關 -> 关)', '') WHERE name = 'search_doc'; PRAGMA writable_schema = OFF",
            "開幕",
        ),
        # Before the full-text tables stopped keeping row sizes for bm25 (columnsize=0).
        (
            9,
            "DROP TABLE search_title; CREATE VIRTUAL TABLE search_title USING fts5(t, n, k,"
            " content='', tokenize='unicode61 remove_diacritics 2', prefix='1')",
            "开幕",
        ),
        # Before a letter with symbols (C++) and a word with ä, ö, ü (für) were indexed spelt
        # too (cpp, fuer): the comment of ``rank_words`` then said neither, as version 12's.
        (
            12,
            "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql,"
            " 'of titles, names: c’t ct, c++ cpp, für ~fuer', 'of the titles and names, c’t also ct')"
            " WHERE name = 'search_doc'; PRAGMA writable_schema = OFF",
            "开幕",
        ),
        # Before rowids were numbered in order (the kind was their high bits, search_kind
        # held each kind's code) and the full-text tables had leaves of 2,000 bytes.
        (
            13,
            "DROP TABLE search_kind; CREATE TABLE search_kind (kind TEXT PRIMARY KEY,"
            " code INTEGER NOT NULL UNIQUE) WITHOUT ROWID;"
            " INSERT INTO search_title (search_title, rank) VALUES ('pgsz', 4050)",
            "开幕",
        ),
    ],
)
def test_an_older_search_index_is_rebuilt_in_the_current_layout(
    tmp_path: Path, version: int, old_layout: str, query: str
) -> None:
    """Upgrading rebuilds an index of an older layout, so every search finds what it did."""
    from guide.content.build import build_content_db
    from guide.content.database import content_info, open_content_db
    from guide.locate import ensure_content_db
    from guide.search import search
    from guide.search.schema import layout_is_current
    from tests.conftest import MINI_PACK

    path = build_content_db(MINI_PACK, tmp_path / f"v{version}.db").path
    conn = _conn(path)
    conn.executescript(old_layout)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()

    assert ensure_content_db(path) == path
    db = open_content_db(path)
    assert content_info(db).schema_version == SCHEMA_VERSION
    assert "folded" in {r[1] for r in db.execute("PRAGMA table_info(search_doc)")}
    assert layout_is_current(db)
    assert [h.id for h in search(db, query)][:1] == ["opening"]


def test_two_programs_upgrading_one_old_database_at_once_both_open_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two guides started together on an older content file (a kiosk and a staff command
    after an update) each upgrade it; neither fails nor leaves a half-migrated file."""
    import guide.locate as locate
    from guide.content.build import build_content_db
    from guide.content.database import content_info, open_content_db
    from guide.search import drop_index, search
    from tests.conftest import MINI_PACK

    path = build_content_db(MINI_PACK, tmp_path / "old.db").path
    conn = _conn(path)
    drop_index(conn)
    conn.execute("PRAGMA user_version = 1")
    conn.close()

    real_migrate = locate.migrate
    second: list[list[int]] = []
    started: list[bool] = []

    def migrate_while_another_starts(db: sqlite3.Connection) -> list[int]:
        if not started:  # the second program starts while the first is migrating
            started.append(True)
            second.append(locate.upgrade_in_place(path))
        return real_migrate(db)

    monkeypatch.setattr(locate, "migrate", migrate_while_another_starts)
    assert locate.upgrade_in_place(path) == list(range(2, SCHEMA_VERSION + 1))
    assert second == [list(range(2, SCHEMA_VERSION + 1))]
    db = open_content_db(path)
    assert content_info(db).schema_version == SCHEMA_VERSION
    assert [h.id for h in search(db, "开幕")][:1] == ["opening"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.db"]  # no copies left behind
