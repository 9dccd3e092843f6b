"""Hostile bookmark files and failing exports: a clear line, exit 2 (or 1), nothing lost or left.

Each test is an attack from the reliability run: deep nesting, lone surrogates, absurd
dates, giant titles and counts, spreadsheet formulas, and exports into a folder, under
a file and onto a disk with no room (RLIMIT_FSIZE in a child process).
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import sqlite3
import sys
from pathlib import Path

import pytest

from guide.user.bookmark_import import MAX_IMPORT_BOOKMARKS, MAX_IMPORT_BYTES, MAX_TEXT_CHARS
from tests.conftest import ROOT, run_guide


def bm(*args: str, user: Path, content: Path) -> tuple[int, str, str]:
    import contextlib

    from guide.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["bookmarks", *args, "--user-db", str(user), "--content-db", str(content)])
    return code, out.getvalue(), err.getvalue()


def listed(user: Path, content: Path) -> list[str]:
    code, out, err = bm("list", "--json", user=user, content=content)
    assert code == 0, err
    return [b["id"] for b in json.loads(out)]


def entry(**fields: object) -> dict[str, object]:
    return {"kind": "forum", "id": "opening", **fields}


def write(path: Path, bookmarks: list[dict[str, object]]) -> Path:
    path.write_text(json.dumps({"format": "zgc-guide-bookmarks", "version": 1,
                                "bookmarks": bookmarks}), encoding="utf-8")
    return path


@pytest.fixture
def user(tmp_path: Path, mini_db: Path) -> Path:
    u = tmp_path / "user.db"
    assert bm("add", "forum", "overlap", user=u, content=mini_db)[0] == 0
    return u


def refused(path: Path, user: Path, content: Path, *, expect: str) -> None:
    code, _out, err = bm("import", str(path), user=user, content=content)
    assert code == 2, err
    assert "Traceback" not in err
    assert err.startswith(f"error: cannot import {path}; nothing was changed:")
    assert expect in err, err
    assert listed(user, content) == ["overlap"]  # the list before the attack, untouched


def test_deep_nesting_is_refused_without_recursing(tmp_path: Path, user: Path, mini_db: Path) -> None:
    bad = tmp_path / "deep.json"
    bad.write_text('{"bookmarks": ' + "[" * 100_000 + "]" * 100_000 + "}")
    refused(bad, user, mini_db, expect="nested")


def test_a_number_too_long_to_read_is_refused(tmp_path: Path, user: Path, mini_db: Path) -> None:
    # Python's JSON reader refuses integers of more than 4,300 digits with a ValueError,
    # which had ended the command in a traceback.
    bad = tmp_path / "bigint.json"
    bad.write_text('{"format": "zgc-guide-bookmarks", "version": 1' + "0" * 5000 + ', "bookmarks": []}')
    refused(bad, user, mini_db, expect="a number thousands of digits long, which no bookmarks "
                                       "file holds: not a bookmarks file")


def test_a_lone_surrogate_in_a_title_is_refused(tmp_path: Path, user: Path, mini_db: Path) -> None:
    bad = tmp_path / "surrogate.json"
    bad.write_text('{"bookmarks": [{"kind": "forum", "id": "gone", "title": "\\ud800x"}]}')
    refused(bad, user, mini_db,
            expect="bookmarks[0].title: Input should be a valid string, unable to parse raw data")


@pytest.mark.parametrize("field,value", [("date", "0001-01-01"), ("date", "9999-12-31"),
                                         ("added_at", "0001-01-01T00:00:00+08:00"),
                                         ("added_at", "9999-12-31T23:59:59-08:00")])
def test_dates_at_the_ends_of_time_are_refused(field: str, value: str, tmp_path: Path, user: Path,
                                               mini_db: Path) -> None:
    bad = write(tmp_path / "dates.json", [entry(id="gone", **{field: value})])
    refused(bad, user, mini_db, expect="is outside 2000-2100")


def test_a_giant_title_is_refused(tmp_path: Path, user: Path, mini_db: Path) -> None:
    bad = write(tmp_path / "long.json", [entry(id="gone", title="长" * (MAX_TEXT_CHARS + 1))])
    refused(bad, user, mini_db, expect=f"at most {MAX_TEXT_CHARS} characters")


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path, user: Path, mini_db: Path) -> None:
    bad = tmp_path / "huge.json"
    with bad.open("wb") as fh:  # sparse: 100 MB claimed, nothing to read
        fh.truncate(100 * 1024 * 1024)
    refused(bad, user, mini_db, expect=f"over the {MAX_IMPORT_BYTES} byte limit")


def test_too_many_bookmarks_are_refused(tmp_path: Path, user: Path, mini_db: Path) -> None:
    bad = write(tmp_path / "many.json", [entry(id=f"x{n}") for n in range(MAX_IMPORT_BOOKMARKS + 1)])
    refused(bad, user, mini_db, expect=f"at most {MAX_IMPORT_BOOKMARKS} items")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_as_the_import_file_does_not_block(tmp_path: Path, user: Path,
                                                        mini_db: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)  # open() of a FIFO with no writer would wait forever
    refused(fifo, user, mini_db, expect="not a regular file")


FORMULAS = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+1+1", "-2+3", "@SUM(A1)",
            "\tcmd", "\r=1"]


def test_csv_export_neutralises_formula_cells(tmp_path: Path, user: Path, mini_db: Path) -> None:
    good = write(tmp_path / "formulas.json",
                 [entry(id=f"gone-{n}", title=f, title_en=f, venue=f) for n, f in enumerate(FORMULAS)])
    assert bm("import", str(good), user=user, content=mini_db)[0] == 0
    out = tmp_path / "out.csv"
    code, _o, err = bm("export", "--format", "csv", "--out", str(out), user=user, content=mini_db)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    by_id = {r["id"]: r for r in rows}
    for n, formula in enumerate(FORMULAS):
        row = by_id[f"gone-{n}"]
        for column in ("title", "title_en", "venue"):
            assert row[column] == "'" + formula  # shown as text, the original still readable
    assert by_id["overlap"]["title"] == "重叠论坛"  # ordinary cells unchanged


def _no_leftovers(folder: Path, expected: set[str]) -> None:
    assert {p.name for p in folder.iterdir()} == expected


def test_export_into_a_folder_is_one_line_and_writes_nothing(tmp_path: Path, user: Path,
                                                             mini_db: Path) -> None:
    target = tmp_path / "exports"
    target.mkdir()
    code, _o, err = bm("export", "--format", "json", "--out", str(target), user=user, content=mini_db)
    assert code == 1
    assert err.strip() == f"error: cannot write {target}: it is a folder; name a file inside it"
    assert list(target.iterdir()) == []


def test_export_under_a_file_is_one_line(tmp_path: Path, user: Path, mini_db: Path) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("keep me")
    out = blocker / "bookmarks.csv"
    code, _o, err = bm("export", "--format", "csv", "--out", str(out), user=user, content=mini_db)
    assert code == 1
    assert err.strip() == f"error: cannot write {out}: {blocker} is a file, not a folder"
    assert blocker.read_text() == "keep me"


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # "the disk has 4 KB left"


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_export_onto_a_full_disk_leaves_no_partial_file(tmp_path: Path, user: Path,
                                                        mini_db: Path) -> None:
    many = write(tmp_path / "many.json", [entry(id=f"gone-{n}", title="长标题" * 20)
                                          for n in range(200)])
    assert bm("import", str(many), user=user, content=mini_db)[0] == 0
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    previous = out_dir / "bookmarks.json"
    previous.write_text("yesterday's export")
    r = run_guide("bookmarks", "export", "--format", "json", "--out", str(previous),
                  "--user-db", str(user), "--content-db", str(mini_db), preexec_fn=_limit_file_size)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    # The user database is read as it is (it cannot be opened for writing either), then:
    assert r.stderr.splitlines() == [FULL_NOTE.format(user=user), r.stderr.splitlines()[-1]]
    assert r.stderr.splitlines()[-1].startswith(f"error: cannot write {previous}: no room for a file")
    assert previous.read_text() == "yesterday's export"  # the old export survives whole
    _no_leftovers(out_dir, {"bookmarks.json"})
    assert len(listed(user, mini_db)) == 201
    assert ROOT.is_dir()


FULL_NOTE = ("note: {user} cannot be written (the file size limit of this account was reached), so "
             "nothing can be saved; its bookmarks are read as they are")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_bookmarks_on_a_full_disk_can_be_listed_and_exported_but_not_changed(tmp_path: Path,
                                                                             mini_db: Path) -> None:
    folder = tmp_path / "full"
    folder.mkdir()
    user = folder / "user.db"
    added = run_guide("bookmarks", "add", "forum", "overlap", "--user-db", str(user),
                      "--content-db", str(mini_db))
    assert added.returncode == 0 and sorted(p.name for p in folder.iterdir()) == ["user.db"]
    # Opening writes (the WAL's shared-memory file): with no room, listing and exporting had
    # failed ("cannot open ...: no room", exit 1) and left an empty -wal and -shm behind.
    r = run_guide("bookmarks", "list", "--user-db", str(user), "--content-db", str(mini_db),
                  preexec_fn=_limit_file_size)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("\t")[:2] == ["forum", "overlap"]
    assert r.stderr.strip() == FULL_NOTE.format(user=user)
    _no_leftovers(folder, {"user.db"})
    rescued = tmp_path / "elsewhere" / "rescued.json"
    r = run_guide("bookmarks", "export", "--format", "json", "--out", str(rescued), "--user-db", str(user),
                  "--content-db", str(mini_db), preexec_fn=_limit_file_size)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith(FULL_NOTE.format(user=user) + "\n")
    assert [b["id"] for b in json.loads(rescued.read_text(encoding="utf-8"))["bookmarks"]] == ["overlap"]
    _no_leftovers(folder, {"user.db"})
    # SQLite says only "disk I/O error", which would send staff looking for a broken disk.
    r = run_guide("bookmarks", "add", "forum", "opening", "--user-db", str(user), "--content-db",
                  str(mini_db), preexec_fn=_limit_file_size)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip() == f"error: cannot open {user}: no room (the file size limit of this " \
                               "account was reached); nothing was changed"
    _no_leftovers(folder, {"user.db"})
    assert listed(user, mini_db) == ["overlap"]


KILLED = """
import os, sys
from pathlib import Path
from guide.content.database import open_content_db
from guide.user.bookmarks import add_bookmark, remove_bookmark
from guide.user.db import open_user_db

user, content = open_user_db(Path(sys.argv[1])), open_content_db(Path(sys.argv[2]))
add_bookmark(user.db, content, "forum", "opening")
remove_bookmark(user.db, "forum", "overlap")
os._exit(0)  # killed: the changes are only in the -wal file
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_wal_left_by_a_crash_is_read_on_a_full_disk(tmp_path: Path, user: Path, mini_db: Path) -> None:
    # Reading a -wal takes a -shm file that there is no room to make: it is read in memory.
    import subprocess

    subprocess.run([sys.executable, "-c", KILLED, str(user), str(mini_db)], cwd=ROOT, check=True,
                   timeout=60)
    user.with_name("user.db-shm").unlink()
    before = sorted(p.name for p in tmp_path.iterdir())
    assert "user.db-wal" in before
    r = run_guide("bookmarks", "list", "--user-db", str(user), "--content-db", str(mini_db),
                  preexec_fn=_limit_file_size)
    assert r.returncode == 0, r.stderr
    assert [line.split("\t")[1] for line in r.stdout.splitlines()] == ["opening"]
    assert r.stderr.strip() == FULL_NOTE.format(user=user)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_the_window_on_a_full_disk_says_so_instead_of_a_traceback(tmp_path: Path, mini_db: Path) -> None:
    user = tmp_path / "user.db"
    assert run_guide("bookmarks", "add", "forum", "overlap", "--user-db", str(user),
                     "--content-db", str(mini_db)).returncode == 0
    r = run_guide("--user-db", str(user), "--content-db", str(mini_db), "--quit-after", "1",
                  preexec_fn=_limit_file_size)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert f"error: cannot open {user}: no room" in r.stderr
    _no_leftovers(tmp_path, {"user.db"})  # not even the empty -wal and -shm SQLite made
    assert listed(user, mini_db) == ["overlap"]


def test_bookmarks_on_a_read_only_disk_can_still_be_listed_and_exported(
        tmp_path: Path, user: Path, mini_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A disk that went read-only (ext4 remounts so on errors) held the only copy, and every
    # command refused it: nothing could be listed or taken away.
    from guide.user import db as user_db

    def refused_as_on_a_read_only_disk(path: Path | None = None) -> user_db.UserDb:
        raise user_db.UserDbError(f"{path} is on a read-only disk; bookmarks and settings need a "
                                  "folder this account can write", read_only=True)

    monkeypatch.setattr(user_db, "open_user_db", refused_as_on_a_read_only_disk)
    code, out, err = bm("list", user=user, content=mini_db)
    assert code == 0 and out.split("\t")[:2] == ["forum", "overlap"]
    assert f"note: {user} is on a read-only disk" in err and "read as they are" in err
    rescued = tmp_path / "rescued.json"
    code, _out, err = bm("export", "--format", "json", "--out", str(rescued), user=user, content=mini_db)
    assert code == 0, err
    assert [b["id"] for b in json.loads(rescued.read_text(encoding="utf-8"))["bookmarks"]] == ["overlap"]
    code, _out, err = bm("add", "forum", "opening", user=user, content=mini_db)  # changes: refused
    assert code == 2 and "read-only disk" in err


def test_the_read_only_opening_writes_nothing(user: Path) -> None:
    from guide.user.db import open_user_db_to_read

    before = {p.name: p.read_bytes() for p in user.parent.glob("user.db*")}
    opened = open_user_db_to_read(user)
    assert opened.read_only
    assert [r[0] for r in opened.db.execute("SELECT item_id FROM bookmark")] == ["overlap"]
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        opened.db.execute("DELETE FROM bookmark")
    opened.close()
    assert {p.name: p.read_bytes() for p in user.parent.glob("user.db*")} == before


def test_the_guides_other_exports_are_named_with_what_import_reads(tmp_path: Path, user: Path,
                                                                    mini_db: Path) -> None:
    # Our own CSV export had been refused as "not valid JSON: Expecting value at line 1".
    for fmt, what in (("csv", "the CSV export"), ("ics", "a calendar (.ics) export")):
        out = tmp_path / f"b.{fmt}"
        assert bm("export", "--format", fmt, "--out", str(out), user=user, content=mini_db)[0] == 0
        refused(out, user, mini_db, expect=f"{what}, which")
        assert "import reads the JSON export (guide bookmarks export --format json)" in \
            bm("import", str(out), user=user, content=mini_db)[2]


def test_a_file_from_a_newer_guide_says_to_update(tmp_path: Path, user: Path, mini_db: Path) -> None:
    # It had said "version: Input should be 1 (got 2)".
    path = tmp_path / "newer.json"
    path.write_text(json.dumps({"format": "zgc-guide-bookmarks", "version": 2, "bookmarks": [],
                                "folders": []}), encoding="utf-8")
    refused(path, user, mini_db, expect="written by a newer version of the guide (bookmarks file "
                                        "version 2; this version reads version 1): update the guide")


def test_a_notepad_unicode_file_is_read(tmp_path: Path, user: Path, mini_db: Path) -> None:
    # Notepad's "Unicode" is UTF-16 with a byte-order mark: it had been a Python codec error.
    path = tmp_path / "u16.json"
    path.write_bytes(json.dumps({"format": "zgc-guide-bookmarks", "version": 1,
                                 "bookmarks": [entry(title="开幕式")]}, ensure_ascii=False).encode("utf-16"))
    code, _out, err = bm("import", str(path), user=user, content=mini_db)
    assert code == 0, err
    assert sorted(listed(user, mini_db)) == ["opening", "overlap"]


def test_a_file_from_other_content_is_imported_with_a_note(tmp_path: Path, user: Path, mini_db: Path) -> None:
    # A visitor's file from another event's guide had been taken without a word.
    path = tmp_path / "other.json"
    path.write_text(json.dumps({"format": "zgc-guide-bookmarks", "version": 1, "pack_id": "39c3",
                                "bookmarks": [entry(id="a-talk", title="A talk")]}), encoding="utf-8")
    code, out, err = bm("import", str(path), user=user, content=mini_db)
    assert code == 0, err
    assert "1 of the new ones match nothing in the current content" in out
    assert f"note: {path} was exported from other content ('39c3'" in err
    same = write(tmp_path / "same.json", [entry()])
    assert "note:" not in bm("import", str(same), user=user, content=mini_db)[2]


BAD_IDS = ["Opening", "../../etc/passwd", "开幕式", "open ing", "-opening", "o" * 81, "opening~"]


def test_ids_no_content_can_have_are_refused_with_their_lines(tmp_path: Path, user: Path,
                                                              mini_db: Path) -> None:
    """A file's made-up ids had been kept as bookmarks "no longer in the guide" that never were in
    any guide; now each is named with its line, and nothing is imported."""
    path = tmp_path / "typed.json"
    path.write_text(json.dumps({"format": "zgc-guide-bookmarks", "version": 1, "bookmarks": [
        entry(), *(entry(id=bad, title="x") for bad in BAD_IDS)]}, ensure_ascii=False, indent=2),
        encoding="utf-8")
    text = path.read_text("utf-8").splitlines()
    code, _out, err = bm("import", str(path), user=user, content=mini_db)
    assert code == 2 and err.startswith(f"error: cannot import {path}; nothing was changed:"), err
    problems = err.splitlines()[1:]
    assert len(problems) == len(BAD_IDS), err
    for n, (bad, problem) in enumerate(zip(BAD_IDS, problems, strict=True), start=1):
        written = f'"id": {json.dumps(bad, ensure_ascii=False)},'
        line = next(i for i, t in enumerate(text, start=1) if t.strip() == written)
        assert problem.startswith(f"  line {line}: bookmarks[{n}].id: Value error, not an id the "
                                  "guide gives (lowercase letters, digits and dashes"), problem
        assert f"(got {bad!r})" in problem
    assert listed(user, mini_db) == ["overlap"]  # the list as it was


def test_bookmarks_of_other_content_are_kept_and_counted_as_matching_nothing(
        tmp_path: Path, user: Path, mini_db: Path) -> None:
    """Bookmarks of another pack's items come back when that pack is opened: kept, and the
    message says how many match nothing here (it had called them "no longer in the guide")."""
    path = write(tmp_path / "mixed.json", [entry(), entry(id="session-a-talk-1a2b3c4d", title="A talk"),
                                           entry(id="session-gone-1a2b3c4d~7", title="Let go")])
    code, out, err = bm("import", str(path), user=user, content=mini_db)
    assert code == 0, err
    assert out.strip() == ("imported 3 new bookmark(s); 0 already bookmarked; 2 of the new ones "
                           "match nothing in the current content")
    assert err.startswith("note: the 2 bookmark(s) that match nothing are kept and listed as no "
                          "longer in the guide (under the file's titles)")
    assert sorted(listed(user, mini_db)) == ["opening", "overlap", "session-a-talk-1a2b3c4d",
                                             "session-gone-1a2b3c4d~7"]


def test_a_command_closes_the_databases_it_opened(tmp_path: Path, mini_db: Path) -> None:
    """A command run inside another program (a fleet script, the tests) had left both databases
    open: the -wal and -shm files stayed beside the bookmarks, and whenever the collector later
    closed the connection it rewrote the file, e.g. a -wal a crash left was gone mid-test."""
    folder = tmp_path / "data"
    folder.mkdir()
    user = folder / "user.db"
    assert bm("add", "forum", "overlap", user=user, content=mini_db)[0] == 0
    assert listed(user, mini_db) == ["overlap"]
    assert sorted(p.name for p in folder.iterdir()) == ["user.db"]


def _limit_file_size_64k() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (65536, 65536))  # room to open, not to import much


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_importing_onto_a_disk_that_fills_says_so_and_changes_nothing(tmp_path: Path, user: Path,
                                                                     mini_db: Path) -> None:
    """A large import on a disk that filled as it wrote said "error: database: disk I/O error"
    (or "database or disk is full"): neither named the user database nor that nothing changed."""
    many = write(tmp_path / "many.json", [entry(id=f"gone-{n}", title="长标题" * 40)
                                          for n in range(2000)])
    before = listed(user, mini_db)
    r = run_guide("bookmarks", "import", str(many), "--user-db", str(user), "--content-db",
                  str(mini_db), preexec_fn=_limit_file_size_64k)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert r.stderr.strip() == f"error: cannot write {user}: no room (the file size limit of this " \
                               "account was reached); nothing was changed"
    assert listed(user, mini_db) == before


def test_importing_a_folder_says_it_is_a_folder(tmp_path: Path, user: Path, mini_db: Path) -> None:
    """It asked whether the folder was "a pipe, device or socket?"."""
    folder = tmp_path / "exports"
    folder.mkdir()
    code, _out, err = bm("import", str(folder), user=user, content=mini_db)
    assert code == 2
    assert err.splitlines()[-1].strip() == f"{folder} is a folder, not a file; name a file inside it"
