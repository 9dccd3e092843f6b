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
