"""The content database is replaced atomically: old or new, never half-written."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.content.build import build_content_db
from guide.content.database import (
    SEARCH_CACHE_KIB,
    content_info,
    counts,
    integrity_problems,
    open_content_db,
)
from guide.content.schema import SCHEMA_VERSION
from guide.content.synth import write_synthetic_pack
from guide.locate import ensure_content_db, is_current, open_checked_content
from tests.conftest import MINI_PACK, ROOT


def test_build_writes_counts_and_meta(tmp_path: Path) -> None:
    report = build_content_db(MINI_PACK, tmp_path / "c.db")
    db = open_content_db(report.path)
    assert counts(db) == {"forum": 3, "area": 2, "announcement": 1, "photo": 2, "person": 2,
                          "organization": 2, "figure": 2, "room": 0, "track": 0}
    info = content_info(db)
    assert (info.pack_id, info.pack_version, info.schema_version) == ("mini", 1, SCHEMA_VERSION)
    assert integrity_problems(db) == []


def test_built_database_keeps_no_free_pages(tmp_path: Path) -> None:
    """The search index's final merge frees the pages of the segments it merged (a third
    of the file at 1,500 items); the shipped file must not carry them."""
    write_synthetic_pack(tmp_path / "pack", 1500)
    report = build_content_db(tmp_path / "pack", tmp_path / "c.db")
    conn = sqlite3.connect(report.path)
    (free,) = conn.execute("PRAGMA freelist_count").fetchone()
    (pages,) = conn.execute("PRAGMA page_count").fetchone()
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    conn.close()
    assert free == 0
    assert report.path.stat().st_size == pages * page_size
    assert content_info(open_content_db(report.path)).pack_version >= 1


def test_content_db_is_opened_read_only(mini_db: Path) -> None:
    db = open_content_db(mini_db)
    with pytest.raises(sqlite3.OperationalError):
        db.execute("DELETE FROM forum")


def test_a_reader_keeps_its_content_while_an_update_is_renamed_over_it(tmp_path: Path) -> None:
    # Updates replace the file whole, so the window's connection, still open on the old
    # file (with the larger page cache it searches through), reads it to the end, unchanged.
    path = tmp_path / "content.db"
    build_content_db(MINI_PACK, path)
    db = open_checked_content(path).db
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -SEARCH_CACHE_KIB
    before = db.execute("SELECT id, title FROM forum ORDER BY id").fetchall()
    update = tmp_path / "update.db"
    write_synthetic_pack(tmp_path / "pack", 40)
    build_content_db(tmp_path / "pack", update)
    update.replace(path)
    assert db.execute("SELECT id, title FROM forum ORDER BY id").fetchall() == before
    assert db.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert open_content_db(path).execute("SELECT count(*) FROM forum").fetchone()[0] != len(before)


def test_failed_build_leaves_old_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "c.db"
    build_content_db(MINI_PACK, out)
    before = out.read_bytes()

    def explode(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("guide.content.build.atomic_replace", explode)
    with pytest.raises(OSError, match="disk full"):
        build_content_db(MINI_PACK, out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["c.db"]


def _wait_for(condition: Callable[[], bool], timeout: float = 120.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_killed_build_leaves_old_database_valid(tmp_path: Path) -> None:
    big = tmp_path / "big"
    write_synthetic_pack(big, 30_000)
    out = tmp_path / "c.db"
    build_content_db(MINI_PACK, out)
    before = out.read_bytes()
    # Kill as soon as the build writes its temp file, then once it has written 1 MB, then 4 MB.
    for written in (0, 1 << 20, 4 << 20):
        proc = subprocess.Popen(
            [sys.executable, "-m", "guide.cli", "build-db", "--content", str(big), "--out", str(out)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        tmp = tmp_path / f".c.db.{proc.pid}.tmp"
        started = _wait_for(lambda t=tmp, n=written: t.exists() and t.stat().st_size >= n)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert started, f"the build never wrote {written} bytes of its temp file"
        assert proc.returncode == -signal.SIGKILL  # the kill landed while it was building
        assert tmp.exists()  # killed mid-build: its temp file is left behind ...
        assert out.read_bytes() == before  # ... and the database is the old one, byte for byte
        assert integrity_problems(open_content_db(out)) == []
    # The next build sweeps up temp files left by the killed processes.
    build_content_db(MINI_PACK, out)
    assert not list(tmp_path.glob(".c.db.*.tmp"))


def test_default_database_is_built_from_the_pack_when_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_pack: Path
) -> None:
    target = tmp_path / "bundled.db"
    monkeypatch.setattr("guide.paths.bundled_pack_dir", lambda: mini_pack)
    monkeypatch.setattr("guide.paths.bundled_content_db", lambda: target)
    assert ensure_content_db() == target
    assert is_current(target, mini_pack)
    first = target.stat().st_mtime_ns
    assert ensure_content_db() == target
    assert target.stat().st_mtime_ns == first  # current: not rebuilt

    items = mini_pack / "items.toml"
    items.write_text(items.read_text(encoding="utf-8").replace("开幕。", "隆重开幕。"), encoding="utf-8")
    assert not is_current(target, mini_pack)
    ensure_content_db()
    assert is_current(target, mini_pack)


def test_a_pack_edited_in_place_with_its_size_and_times_kept_is_not_current(
    tmp_path: Path, mini_pack: Path
) -> None:
    """An installer that copies a new pack over the old one and keeps the files' sizes and
    modification times still gets the database rebuilt: the fingerprint reads every byte."""
    import os

    target = tmp_path / "c.db"
    build_content_db(mini_pack, target)
    assert is_current(target, mini_pack)
    items = mini_pack / "items.toml"
    stat = items.stat()
    text = items.read_text(encoding="utf-8")
    items.write_text(text.replace("开幕。", "闭幕。", 1), encoding="utf-8")  # same length
    os.utime(items, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert items.stat().st_size == stat.st_size and items.stat().st_mtime_ns == stat.st_mtime_ns
    assert not is_current(target, mini_pack)


def test_a_database_fingerprinted_by_an_older_guide_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_pack: Path
) -> None:
    """Guides before stop 44 stored a SHA-256 fingerprint: built from this very pack, such a
    database is still rebuilt once (never compared as equal), then current."""
    import hashlib

    from guide.content.pack_folder import ASSET_SUFFIXES, PACK_META, pack_files

    target = tmp_path / "bundled.db"
    build_content_db(mini_pack, target)
    old = hashlib.sha256()
    files = [mini_pack / PACK_META, *pack_files(mini_pack)]
    files += sorted(p for p in mini_pack.rglob("*") if p.suffix.lower() in ASSET_SUFFIXES)
    for path in files:
        old.update(path.relative_to(mini_pack).as_posix().encode())
        old.update(hashlib.sha256(path.read_bytes()).digest())
    with sqlite3.connect(target) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'fingerprint'", (old.hexdigest(),))
    conn.close()
    assert not is_current(target, mini_pack)
    monkeypatch.setattr("guide.paths.bundled_pack_dir", lambda: mini_pack)
    monkeypatch.setattr("guide.paths.bundled_content_db", lambda: target)
    assert ensure_content_db() == target
    assert is_current(target, mini_pack)


def test_frozen_app_never_writes_its_bundled_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, mini_pack: Path
) -> None:
    bundled = tmp_path / "app" / "content.db"
    monkeypatch.setattr("guide.paths.bundled_pack_dir", lambda: mini_pack)
    monkeypatch.setattr("guide.paths.bundled_content_db", lambda: bundled)
    monkeypatch.setattr("guide.paths.is_frozen", lambda: True)
    path = ensure_content_db()
    assert not bundled.exists()
    assert path.is_file() and "content" in path.parts

