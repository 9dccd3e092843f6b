"""Broken, foreign and newer databases: one clear line from every command, never a traceback.

Each case builds the damaged file the way a hall meets it (a truncated copy, zeroed
pages, random bytes, another program's SQLite file, a newer version's file, a folder)
and checks what a user sees: a single ``error:`` line naming the file, the exit code
README defines, and the file itself left byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from guide.cli import main
from guide.content.database import ContentDbError, open_content_db
from guide.locate import open_checked_content
from guide.user.bookmarks import add_bookmark, stored_bookmarks
from guide.user.db import USER_SCHEMA_VERSION, UserDbError, open_user_db
from tests.support import write_foreign_sqlite


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    err = capsys.readouterr().err
    return code, err


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error: "), err
    assert "Traceback" not in err
    return lines[0]


# --- content databases ----------------------------------------------------------------------

def _zero_pages(path: Path) -> None:
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for n in range(2, min(len(data) // page, 12)):  # keep the header page; wipe b-tree pages
        data[n * page:(n + 1) * page] = bytes(page)
    path.write_bytes(bytes(data))


def _newer(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()


CONTENT_CASES: dict[str, Callable[[Path, Path], None]] = {
    "missing": lambda good, p: None,
    "empty": lambda good, p: p.write_bytes(b""),
    "truncated": lambda good, p: p.write_bytes(good.read_bytes()[: good.stat().st_size // 3]),
    "random": lambda good, p: p.write_bytes(os.urandom(64 * 1024)),
    "zeroed-pages": lambda good, p: (shutil.copyfile(good, p), _zero_pages(p)),  # type: ignore[func-returns-value]
    "foreign": lambda good, p: write_foreign_sqlite(p),
    "newer": lambda good, p: (shutil.copyfile(good, p), _newer(p)),  # type: ignore[func-returns-value]
    "folder": lambda good, p: p.mkdir(),
}


@pytest.mark.parametrize("case", sorted(CONTENT_CASES))
def test_every_content_command_says_one_line_for_a_broken_content_db(
        case: str, tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "content.db"
    CONTENT_CASES[case](mini_db, bad)
    before = digest(bad) if bad.is_file() else None
    user = tmp_path / "user.db"
    for argv in (["check"], ["list", "forum"], ["show", "forum", "opening"], ["search", "论坛"]):
        code, err = run(capsys, *argv, "--content-db", str(bad), "--user-db", str(user))
        line = one_error_line(err)
        assert code == 2, (argv, err)
        assert str(bad) in line
        assert "user database" not in line  # the content database is to blame, and named
    if before is not None:
        assert digest(bad) == before  # nothing was "repaired" or migrated in place


@pytest.mark.parametrize("case", sorted(CONTENT_CASES))
def test_bookmarks_are_listed_and_exported_as_last_seen_when_the_content_is_broken(
        case: str, tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The user database may hold the only copy of someone's bookmarks: a content database
    # that cannot be read must not keep them from being read or taken away.
    user = tmp_path / "user.db"
    assert main(["bookmarks", "add", "forum", "opening", "--content-db", str(mini_db),
                 "--user-db", str(user)]) == 0
    capsys.readouterr()
    bad = tmp_path / "content.db"
    CONTENT_CASES[case](mini_db, bad)
    before = digest(bad) if bad.is_file() else None
    both = ["--content-db", str(bad), "--user-db", str(user)]

    assert main(["bookmarks", "list", *both]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("forum\topening\t")
    assert "[no longer in the guide]" not in out  # nothing says it left
    note = [line for line in err.splitlines() if line.strip()]
    assert len(note) == 1 and note[0].startswith("note: ") and str(bad) in note[0], err
    assert "last seen" in note[0]

    for fmt in ("json", "csv"):
        out_file = tmp_path / f"bookmarks.{fmt}"
        assert main(["bookmarks", "export", "--format", fmt, "--out", str(out_file), *both]) == 0, fmt
        assert "wrote 1 bookmark(s)" in capsys.readouterr().err
        assert "opening" in out_file.read_text(encoding="utf-8-sig")
    exported = json.loads((tmp_path / "bookmarks.json").read_text(encoding="utf-8"))
    assert [b["id"] for b in exported["bookmarks"]] == ["opening"]
    assert exported["bookmarks"][0]["title"]  # the title as last seen, not an empty field

    # A calendar needs the content's time zone: refused with the way out, nothing written.
    ics = tmp_path / "bookmarks.ics"
    assert main(["bookmarks", "export", "--format", "ics", "--out", str(ics), *both]) == 2
    assert "export --format json or csv" in capsys.readouterr().err
    assert not ics.exists()
    if before is not None:
        assert digest(bad) == before


def test_a_newer_content_schema_is_refused_by_name(tmp_path: Path, mini_db: Path) -> None:
    bad = tmp_path / "content.db"
    CONTENT_CASES["newer"](mini_db, bad)
    with pytest.raises(ContentDbError, match="newer zgc-guide"):
        open_content_db(bad)


def _garble_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[:100] = bytes((n * 37 + 11) % 256 for n in range(100))  # "file is not a database"
    path.write_bytes(bytes(data))


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _slot_with_damaged_current(mini_db: Path, damage: Callable[[Path], None] = _zero_pages
                               ) -> tuple[Path, Path]:
    """An installed slot whose current database ``damage`` spoilt; (damaged, previous)."""
    from guide.updates.state import InstalledContent, SlotState, default_slot, write_state

    slot = default_slot()
    slot.root.mkdir(parents=True)
    shutil.copyfile(mini_db, slot.root / "mini-2-aaaa.db")
    shutil.copyfile(mini_db, slot.root / "mini-1-bbbb.db")
    damage(slot.root / "mini-2-aaaa.db")
    entry = InstalledContent(file="mini-2-aaaa.db", pack_id="mini", version=2, signer="t",
                             installed_at="2023-05-01T00:00:00Z", origin="pack")
    previous = InstalledContent(file="mini-1-bbbb.db", pack_id="mini", version=1, signer="t",
                                installed_at="2023-04-01T00:00:00Z", origin="pack")
    write_state(slot, SlotState(current=entry, previous=previous, high_water={"mini": 2}))
    return slot.root / "mini-2-aaaa.db", slot.root / "mini-1-bbbb.db"


@pytest.mark.parametrize(("damage", "problem"), [
    (_zero_pages, "is damaged"),
    (_garble_header, "cannot be read as a database (file is not a database)"),
    (_empty, "is not a zgc-guide content database"),
])
def test_a_damaged_installed_content_db_falls_back_to_the_previous_one(
        tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str],
        damage: Callable[[Path], None], problem: str) -> None:
    damaged, previous = _slot_with_damaged_current(mini_db, damage)
    damaged_bytes = digest(damaged)

    opened = open_checked_content(None)
    assert (opened.path, opened.damaged) == (previous, damaged)
    assert problem in opened.problem
    opened.db.close()

    code = main(["list", "forum", "--user-db", str(tmp_path / "u.db")])
    captured = capsys.readouterr()
    assert code == 0 and "opening" in captured.out
    assert captured.err.startswith("warning: ") and f"{damaged} is damaged" in captured.err
    assert digest(damaged) == damaged_bytes  # kept as it is, for whoever looks into it


def test_installed_content_from_a_newer_guide_is_not_taken_for_damage(mini_db: Path) -> None:
    newer, _previous = _slot_with_damaged_current(mini_db, lambda p: CONTENT_CASES["newer"](mini_db, p))
    with pytest.raises(ContentDbError, match="newer zgc-guide"):
        open_checked_content(None)
    assert newer.is_file()


@pytest.mark.parametrize(("lang", "words"), [
    ("en", "is damaged; the previous content"), ("zh", "内容数据库已损坏"),
])
def test_the_window_tells_staff_of_the_fallback_in_their_language(
        qtbot, tmp_path: Path, mini_db: Path, lang: str, words: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    from guide.app import build_window

    damaged, previous = _slot_with_damaged_current(mini_db)
    g = build_window(None, lang=lang, user_db=tmp_path / "u.db")
    qtbot.addWidget(g.window)
    try:
        assert g.ctx.content_path == previous
        qtbot.waitUntil(lambda: g.window.findChild(QMessageBox, "contentFallbackBox") is not None)
        box = g.window.findChild(QMessageBox, "contentFallbackBox")
        assert words in box.text() and str(damaged) in box.text() and str(previous) in box.text()
    finally:
        g.close()


# --- user databases -------------------------------------------------------------------------

def _user_newer(p: Path) -> None:
    open_user_db(p).close()
    conn = sqlite3.connect(p)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute(f"PRAGMA user_version = {USER_SCHEMA_VERSION + 1}")
    conn.close()


def _user_missing_table(p: Path) -> None:
    user = open_user_db(p)
    user.db.execute("DROP TABLE setting")
    user.close()


USER_CASES: dict[str, Callable[[Path], None]] = {
    "foreign": write_foreign_sqlite,
    "newer": _user_newer,
    "folder": lambda p: p.mkdir(),
}


@pytest.mark.parametrize("case", sorted(USER_CASES))
def test_a_foreign_newer_or_folder_user_db_is_refused_untouched(
        case: str, tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    user = tmp_path / "user.db"
    USER_CASES[case](user)
    before = digest(user) if user.is_file() else None
    listing = sorted(p.name for p in tmp_path.iterdir())
    for argv in (["bookmarks", "list"], ["bookmarks", "add", "forum", "opening"], ["kiosk", "status"]):
        code, err = run(capsys, *argv, "--content-db", str(mini_db), "--user-db", str(user))
        line = one_error_line(err)
        assert code == 2 and str(user) in line, err
    with pytest.raises(UserDbError):
        open_user_db(user)
    if before is not None:
        assert digest(user) == before  # not even the journal mode in the header changed
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no -wal, no -shm, nothing moved


def test_a_newer_user_db_keeps_its_journal_header(tmp_path: Path) -> None:
    user = tmp_path / "user.db"
    _user_newer(user)
    head = user.read_bytes()[:100]
    with pytest.raises(UserDbError, match="newer zgc-guide"):
        open_user_db(user)
    assert user.read_bytes()[:100] == head  # bytes 18-19 would say WAL had it been switched


def test_a_user_db_missing_a_table_is_recovered_with_its_bookmarks(
        tmp_path: Path, mini_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    user = tmp_path / "user.db"
    u = open_user_db(user)
    content = open_content_db(mini_db)
    add_bookmark(u.db, content, "forum", "opening")
    u.close()
    _user_missing_table(user)
    code = main(["bookmarks", "list", "--json", "--content-db", str(mini_db), "--user-db", str(user)])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert [b["id"] for b in json.loads(captured.out)] == ["opening"]
    assert "damaged" in captured.err  # the one-time notice names the file kept aside
    assert any(p.name.startswith("user.db.corrupt-") for p in tmp_path.iterdir())
    reopened = open_user_db(user)
    assert [b.id for b in stored_bookmarks(reopened.db)] == ["opening"]
    reopened.close()


# --- the window and the kiosk -----------------------------------------------------------------

@pytest.mark.parametrize("kiosk", [False, True])
def test_the_window_and_the_kiosk_start_with_a_message_not_a_traceback(
        kiosk: bool, tmp_path: Path, mini_db: Path) -> None:
    from tests.conftest import run_guide

    bad = tmp_path / "content.db"
    CONTENT_CASES["zeroed-pages"](mini_db, bad)
    user = tmp_path / "user.db"
    args = ["--content-db", str(bad), "--user-db", str(user), "--quit-after", "1"]
    if kiosk:
        assert run_guide("kiosk", "set-pin", "--stdin", "--user-db", str(user),
                         input="864209\n").returncode == 0
        args.insert(0, "--kiosk")
    r = run_guide(*args, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=120)
    assert r.returncode == 2  # shown (dialog or "being set up" screen) until quit, then exit 2
    assert "Traceback" not in r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {bad} is damaged (database disk image is malformed)"], r.stderr
