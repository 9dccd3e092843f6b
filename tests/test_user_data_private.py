"""Bookmarks and kiosk settings are the user's alone: owner-only folder and files on POSIX."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from guide import paths
from guide.user.db import open_user_db, transaction


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The real per-user folder (platformdirs under XDG_DATA_HOME) with the usual umask 022."""
    monkeypatch.delenv("ZGC_GUIDE_DATA", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    old = os.umask(0o022)  # what most desktops use: new files would be world-readable
    try:
        yield tmp_path / "share" / paths.APP_NAME
    finally:
        os.umask(old)


def test_new_user_data_is_owner_only(home: Path) -> None:
    db = open_user_db()
    with transaction(db.db):  # a write: SQLite makes its -wal file now
        db.db.execute("INSERT INTO setting (scope, key, value) VALUES ('', 'probe', '1')")
    assert db.path == home / "user.db"
    assert mode(home) == 0o700
    made = [p for p in home.iterdir() if p.name.startswith("user.db")]
    assert {p.name for p in made} >= {"user.db", "user.db-wal"}
    assert {p.name: mode(p) for p in made} == {p.name: 0o600 for p in made}
    db.close()


def test_data_left_readable_by_an_older_version_is_tightened(home: Path) -> None:
    home.mkdir(parents=True, mode=0o755)
    home.chmod(0o755)
    old = open_user_db(home / "user.db")
    old.close()
    (home / "user.db").chmod(0o644)
    db = open_user_db()
    assert mode(home) == 0o700 and mode(home / "user.db") == 0o600
    db.close()
