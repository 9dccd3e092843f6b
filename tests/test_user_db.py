"""The user database: damaged files, foreign files, settings, kiosk visitor sessions."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from guide import paths
from guide.content.database import open_content_db
from guide.content.schema import schema_version
from guide.user.bookmarks import add_bookmark, is_bookmarked, list_bookmarks, stored_bookmarks
from guide.user.db import (
    USER_SCHEMA_VERSION,
    UserDbError,
    mark_recovery_notice_shown,
    open_user_db,
    pending_recovery_notice,
)
from guide.user.session import current_visitor_session, end_visitor_session, start_visitor_session
from guide.user.settings import get_setting, set_setting
from tests.support import Midway


def _with_bookmarks(path: Path, mini_db: Path) -> None:
    user, content = open_user_db(path), open_content_db(mini_db)
    for kind, item_id in [("forum", "opening"), ("forum", "overlap"), ("area", "metaverse")]:
        add_bookmark(user.db, content, kind, item_id)
    user.close()
    content.close()


def _aside(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if ".corrupt-" in p.name)


def test_default_location_is_the_user_data_folder(_user_data: Path) -> None:
    user = open_user_db()
    assert user.path == paths.default_user_db() == _user_data / "user.db"
    assert user.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert user.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    user.close()


def test_garbage_file_is_moved_aside_and_a_fresh_one_works(tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    garbage = os.urandom(12_288)
    path.write_bytes(garbage)
    (tmp_path / "user.db-wal").write_bytes(b"junk wal")

    user = open_user_db(path)
    assert user.recovered_from is not None
    assert user.recovered_from.name.startswith("user.db.corrupt-")
    assert user.recovered_from.read_bytes() == garbage  # kept, byte for byte, for recovery
    assert Path(f"{user.recovered_from}-wal").read_bytes() == b"junk wal"
    content = open_content_db(mini_db)
    add_bookmark(user.db, content, "forum", "opening")
    assert [v.id for v in list_bookmarks(user.db, content)] == ["opening"]

    notice = pending_recovery_notice(user.db)
    assert notice is not None and notice.moved_to == user.recovered_from and notice.salvaged == 0
    user.close()

    # Not yet shown (say the app crashed first): still pending on the next start.
    again = open_user_db(path)
    assert again.recovered_from is None
    assert pending_recovery_notice(again.db) == notice
    mark_recovery_notice_shown(again.db)
    again.close()
    third = open_user_db(path)
    assert pending_recovery_notice(third.db) is None  # told once
    assert is_bookmarked(third.db, "forum", "opening")
    third.close()
    assert len([p for p in _aside(path) if not p.name.endswith("-wal")]) == 1


def test_damaged_index_is_moved_aside_and_bookmarks_are_salvaged(tmp_path: Path,
                                                                  mini_db: Path) -> None:
    path = tmp_path / "user.db"
    _with_bookmarks(path, mini_db)
    conn = sqlite3.connect(path)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    index_page = conn.execute("SELECT rootpage FROM sqlite_master "
                              "WHERE name = 'sqlite_autoindex_bookmark_1'").fetchone()[0]
    conn.close()
    with path.open("r+b") as f:
        f.seek((index_page - 1) * page_size)
        f.write(os.urandom(page_size))

    user = open_user_db(path)
    assert user.recovered_from is not None and user.salvaged == 3
    assert [b.id for b in stored_bookmarks(user.db)] == ["opening", "overlap", "metaverse"]
    notice = pending_recovery_notice(user.db)
    assert notice is not None and notice.salvaged == 3
    assert user.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    user.close()


def test_damaged_table_pages_are_detected(tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    _with_bookmarks(path, mini_db)
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(4096)  # keep the header page, overwrite every other page
        f.write(os.urandom(size - 4096))
    user = open_user_db(path)
    assert user.recovered_from is not None
    assert user.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    user.close()


def test_another_programs_database_is_refused_untouched(tmp_path: Path, mini_db: Path) -> None:
    before = hashlib.sha256(mini_db.read_bytes()).hexdigest()
    with pytest.raises(UserDbError, match="not a zgc-guide user database"):
        open_user_db(mini_db)
    assert hashlib.sha256(mini_db.read_bytes()).hexdigest() == before
    assert _aside(mini_db) == []


def test_database_from_a_newer_version_is_refused_not_moved(tmp_path: Path) -> None:
    path = tmp_path / "user.db"
    open_user_db(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(UserDbError, match="newer"):
        open_user_db(path)
    assert _aside(path) == []


def test_a_database_busy_with_another_writer_is_waited_for_not_taken_for_damage(
        tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    _with_bookmarks(path, mini_db)
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # say, a staff import running in another process
    other.execute("DELETE FROM bookmark WHERE item_id = 'metaverse'")
    user = open_user_db(path)  # WAL: opening and reading need no write lock
    assert user.recovered_from is None
    assert len(stored_bookmarks(user.db)) == 3  # the other's change is not committed yet
    threading.Timer(0.5, lambda: other.execute("COMMIT")).start()
    start = time.monotonic()
    content = open_content_db(mini_db)
    add_bookmark(user.db, content, "photo", "robot")  # waits for the other writer, then commits
    assert time.monotonic() - start >= 0.4
    assert [b.id for b in stored_bookmarks(user.db)] == ["opening", "overlap", "robot"]
    user.close()
    other.close()
    content.close()


def test_settings_keep_their_types(tmp_path: Path) -> None:
    user = open_user_db(tmp_path / "user.db")
    assert get_setting(user.db, "language") is None
    assert get_setting(user.db, "language", "zh") == "zh"
    set_setting(user.db, "language", "en")
    set_setting(user.db, "text_scale", 1.25)
    set_setting(user.db, "high_contrast", True)
    user.close()
    user = open_user_db(tmp_path / "user.db")
    assert get_setting(user.db, "language") == "en"
    assert get_setting(user.db, "text_scale") == 1.25
    assert get_setting(user.db, "high_contrast") is True
    assert get_setting(user.db, "never-set", "zh") == "zh"  # the default for what was never set
    user.close()


def _disk_bytes(path: Path) -> bytes:
    return b"".join(p.read_bytes() for p in (path, Path(f"{path}-wal")) if p.exists())


def test_visitor_session_leaves_nothing_on_disk(tmp_path: Path, mini_db: Path) -> None:
    path = tmp_path / "user.db"
    user, content = open_user_db(path), open_content_db(mini_db)
    add_bookmark(user.db, content, "forum", "opening")  # the device's own list
    set_setting(user.db, "language", "zh")

    session = start_visitor_session(user.db)
    assert current_visitor_session(user.db) == session
    assert list_bookmarks(user.db, content) == []  # the device's list is not the visitor's
    add_bookmark(user.db, content, "photo", "crowd")
    add_bookmark(user.db, content, "person", "li-yang")
    set_setting(user.db, "language", "visitor-chose-en")
    set_setting(user.db, "kiosk_id", "hall-b", device=True)
    assert get_setting(user.db, "language") == "visitor-chose-en"
    assert [v.id for v in list_bookmarks(user.db, content)] == ["crowd", "li-yang"]
    assert session.encode() in _disk_bytes(path)

    assert end_visitor_session(user.db) is True
    assert current_visitor_session(user.db) is None
    assert [v.id for v in list_bookmarks(user.db, content)] == ["opening"]
    assert get_setting(user.db, "language") == "zh"
    assert get_setting(user.db, "kiosk_id") == "hall-b"
    on_disk = _disk_bytes(path)
    for trace in (session, "元宇宙展区人头攒动。", "crowd", "li-yang", "李洋", "visitor-chose-en"):
        assert trace.encode() not in on_disk, trace
    assert not Path(f"{path}-wal").exists() or Path(f"{path}-wal").stat().st_size == 0
    user.close()
    content.close()


def test_a_session_cut_short_by_a_crash_is_wiped_when_the_next_begins(tmp_path: Path,
                                                                       mini_db: Path) -> None:
    path = tmp_path / "user.db"
    user, content = open_user_db(path), open_content_db(mini_db)
    first = start_visitor_session(user.db)
    add_bookmark(user.db, content, "photo", "robot")
    user.db.close()  # the kiosk loses power: the session is never ended

    user = open_user_db(path)
    second = start_visitor_session(user.db)
    assert second != first
    assert list_bookmarks(user.db, content) == []
    on_disk = _disk_bytes(path)
    assert first.encode() not in on_disk and "观众与机器人互动".encode() not in on_disk
    user.close()
    content.close()


def test_a_read_only_mount_is_told_apart_from_other_open_failures(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # SQLite says only "unable to open database file" on a read-only mount (checked by hand
    # on a remounted tmpfs: "… is on a read-only disk"); the mount flag is what tells.
    from guide.user import db as user_db

    assert not user_db.on_read_only_disk(tmp_path)

    class ReadOnly:
        f_flag = getattr(os, "ST_RDONLY", 1)

    monkeypatch.setattr(user_db.os, "statvfs", lambda _folder: ReadOnly(), raising=False)
    assert user_db.on_read_only_disk(tmp_path)
    monkeypatch.delattr(user_db.os, "statvfs")  # Windows has none
    assert not user_db.on_read_only_disk(tmp_path)


def _open_at_the_barrier(path: str, barrier: object, results: object) -> None:
    import traceback

    from guide.user.db import open_user_db as opened

    barrier.wait()  # type: ignore[attr-defined]
    try:
        opened(Path(path)).db.close()
        results.put("ok")  # type: ignore[attr-defined]
    except Exception:  # reported to the test, which names it
        results.put(traceback.format_exc(limit=2))  # type: ignore[attr-defined]


def test_guides_starting_at_once_share_a_new_user_database(tmp_path: Path) -> None:
    """Two windows started together on a fresh machine (a double click, a kiosk and a staff
    guide): both open the user database; the second waited for the first's tables instead
    of failing with "table setting already exists"."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    for attempt in range(3):
        path = tmp_path / f"user-{attempt}.db"
        barrier, results = context.Barrier(4), context.Queue()
        workers = [context.Process(target=_open_at_the_barrier, args=(str(path), barrier, results))
                   for _ in range(4)]
        for worker in workers:
            worker.start()
        outcomes = [results.get(timeout=60) for _ in workers]
        for worker in workers:
            worker.join(timeout=30)
        assert outcomes == ["ok"] * 4, outcomes
        db = open_user_db(path)
        assert schema_version(db.db) == USER_SCHEMA_VERSION
        db.db.close()


def test_a_new_user_db_on_a_read_only_disk_is_refused_in_one_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A data folder on a read-only disk with no user.db yet: SQLite's "unable to open
    # database file" came out as a traceback instead of the guide's one-line refusal.
    from guide.user import db

    def cannot_create(_path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(db, "_connect", cannot_create)
    monkeypatch.setattr(db, "on_read_only_disk", lambda _folder: True)
    with pytest.raises(db.UserDbError) as info:
        db.open_user_db(tmp_path / "user.db")
    assert info.value.read_only and "is on a read-only disk" in str(info.value)


def test_another_program_during_a_kiosk_visit_keeps_to_the_devices_list(
        tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Staff run ``guide bookmarks add`` (or import) on the kiosk's user database while a
    visitor is at the screen: that bookmark is the device's, kept when the visit ends, and
    the staff command does not see the visitor's list. It used to go into the visitor's list
    and vanish at the idle reset (5 of 5 runs with real processes), after "bookmarked"."""
    from guide.cli import main

    path = tmp_path / "user.db"
    kiosk, content = open_user_db(path), open_content_db(mini_db)
    start_visitor_session(kiosk.db)
    add_bookmark(kiosk.db, content, "photo", "crowd")  # the visitor's own

    staff = ["--content-db", str(mini_db), "--user-db", str(path), "bookmarks"]
    assert main([*staff, "add", "forum", "opening"]) == 0
    assert main([*staff, "list"]) == 0
    listed = capsys.readouterr().out
    assert "opening" in listed and "crowd" not in listed
    assert [v.id for v in list_bookmarks(kiosk.db, content)] == ["crowd"]  # the visitor's screen

    end_visitor_session(kiosk.db)
    assert [v.id for v in list_bookmarks(kiosk.db, content)] == ["opening"]
    kiosk.close()
    content.close()


def test_two_programs_opening_one_damaged_file_at_once_recover_it_once(
        tmp_path: Path, mini_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A window and a staff command start together on a damaged user database: one moves it
    aside and salvages it, the other opens the new file. The second used to move aside the
    new file the first had just made (whose bookmarks then went to a ``.corrupt-`` file), or
    to find none: "cannot be opened: No such file or directory" (1 in 18 real runs)."""
    from guide.user import db as user_db

    path = tmp_path / "user.db"
    _with_bookmarks(path, mini_db)
    with path.open("r+b") as f:
        f.write(b"garbage over the header, garbage")
    # The other program opens the file while this one moves it aside.
    other = Midway(monkeypatch, user_db, "move_aside", lambda: open_user_db(path))
    first = open_user_db(path)
    second, content = other.join(), open_content_db(mini_db)
    add_bookmark(first.db, content, "photo", "crowd")
    add_bookmark(second.db, content, "person", "li-yang")
    first.close()
    second.close()
    again = open_user_db(path)
    assert {b.id for b in stored_bookmarks(again.db)} == {
        "opening", "overlap", "metaverse", "crowd", "li-yang"}
    assert len(_aside(path)) == 1 and first.recovered_from is not None
    assert second.recovered_from is None
    again.close()
    content.close()
